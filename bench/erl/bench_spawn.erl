%% Spawning 100,000 idle processes, then stopping them all: time and memory
%% per process (the runner divides by the count below).
-module(bench_spawn).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
-define(N, 100000).
run() ->
    Self = self(),
    Pids = spawn_all(?N, Self, []),
    lists:foreach(fun(P) -> P ! stop end, Pids),
    io:format("~p~n", [wait(?N, 0)]).
spawn_all(0, _, Acc) -> Acc;
spawn_all(I, Parent, Acc) ->
    spawn_all(I - 1, Parent, [spawn(fun() -> idle(Parent) end) | Acc]).
idle(Parent) ->
    receive stop -> Parent ! stopped end.
wait(0, Count) -> Count;
wait(I, Count) ->
    receive stopped -> wait(I - 1, Count + 1) end.

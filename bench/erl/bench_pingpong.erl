%% Two processes exchanging a message back and forth.
-module(bench_pingpong).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
-define(ROUNDS, 1000000).
run() ->
    Self = self(),
    Pong = spawn(fun() -> pong(Self) end),
    io:format("~p~n", [ping(?ROUNDS, Pong, 0)]).
ping(0, Pong, Sum) ->
    Pong ! stop,
    receive stopped -> Sum end;
ping(N, Pong, Sum) ->
    Pong ! N,
    receive {pong, M} -> ping(N - 1, Pong, Sum + M) end.
pong(Ping) ->
    receive
        stop -> Ping ! stopped;
        N -> Ping ! {pong, N}, pong(Ping)
    end.

%% Many to one: 100 senders each send 20,000 messages to one receiver, which
%% sums them.
-module(bench_fanin).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
-define(SENDERS, 100).
-define(EACH, 20000).
run() ->
    Self = self(),
    start(?SENDERS, Self),
    io:format("~p~n", [collect(?SENDERS * ?EACH, 0)]).
start(0, _) -> ok;
start(I, To) ->
    spawn(fun() -> send(?EACH, To) end),
    start(I - 1, To).
send(0, _) -> ok;
send(K, To) -> To ! K, send(K - 1, To).
collect(0, Sum) -> Sum;
collect(N, Sum) ->
    receive K -> collect(N - 1, Sum + K) end.

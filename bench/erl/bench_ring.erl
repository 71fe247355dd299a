%% A ring of 1000 processes passing one token 1,000,000 times (1000 laps),
%% then a stop message goes round so that every process exits.
-module(bench_ring).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
-define(SIZE, 1000).
-define(HOPS, 1000000).
run() ->
    Self = self(),
    First = spawn(fun() -> receive {next, Next} -> node(1, Next, Self) end end),
    Second = chain(?SIZE, First, Self),
    First ! {next, Second},
    First ! {token, ?HOPS},
    receive {done, Last} -> io:format("~p~n", [Last]) end.
%% chain spawns nodes I down to 2, each linked to the one after it.
chain(1, Next, _) -> Next;
chain(I, Next, Parent) ->
    chain(I - 1, spawn(fun() -> node(I, Next, Parent) end), Parent).
node(I, Next, Parent) ->
    receive
        {token, 0} -> Next ! {stop, ?SIZE - 2};
        {token, K} -> Next ! {token, K - 1}, node(I, Next, Parent);
        {stop, 0} -> Parent ! {done, I};
        {stop, K} -> Next ! {stop, K - 1}
    end.

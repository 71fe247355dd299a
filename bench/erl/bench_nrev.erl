%% Naive reverse: list construction and append.
-module(bench_nrev).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
run() ->
    L = lists:seq(1, 300),
    io:format("~p~n", [loop(3000, L, 0)]).
loop(0, _, Acc) -> Acc;
loop(N, L, Acc) -> loop(N - 1, L, Acc + hd(nrev(L))).
nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).
app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

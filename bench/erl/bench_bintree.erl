%% Binary trees: allocation-heavy (many short-lived trees, one long-lived).
-module(bench_bintree).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
run() ->
    Max = 17,
    Stretch = check(make(Max + 1)),
    Long = make(Max),
    Sums = [iterate(1 bsl (Max - D + 4), D, 0) || D <- lists:seq(4, Max, 2)],
    io:format("~p~n", [{Stretch, Sums, check(Long)}]).
iterate(0, _, Acc) -> Acc;
iterate(N, D, Acc) -> iterate(N - 1, D, Acc + check(make(D))).
make(0) -> nil;
make(D) -> {make(D - 1), make(D - 1)}.
check(nil) -> 1;
check({L, R}) -> 1 + check(L) + check(R).

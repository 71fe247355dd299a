%% Body-recursive integer arithmetic and calls.
-module(bench_fib).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
run() -> io:format("~p~n", [fib(37)]).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

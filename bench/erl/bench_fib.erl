%% Body-recursive integer arithmetic and calls.
-module(bench_fib).
-export([main/0]).
main() -> io:format("~p~n", [fib(37)]).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

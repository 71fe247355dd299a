%% Takeuchi function: deep calls and comparisons.
-module(bench_tak).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
run() -> io:format("~p~n", [loop(2000, 0)]).
loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + tak(18, 12, 6)).
tak(X, Y, Z) when Y < X -> tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.

%% Building maps key by key and folding over them.
-module(bench_map).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
run() -> io:format("~p~n", [loop(100000, 0)]).
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    M = build(1, 30, #{}),
    loop(N - 1, Acc + sum(maps:to_list(M), 0) + lookups(M, 30, 0)).
build(I, Max, M) when I > Max -> M;
build(I, Max, M) -> build(I + 1, Max, M#{I => I * I}).
sum([], Acc) -> Acc;
sum([{K, V} | T], Acc) -> sum(T, Acc + K + V).
lookups(_, 0, Acc) -> Acc;
lookups(M, I, Acc) -> #{I := V} = M, lookups(M, I - 1, Acc + V).

-module(sort_order).
-export([main/0]).

%% Where lists:sort/1 and lists:usort/1 place elements that compare
%% equal but differ (1 and 1.0), over many generated lists of assorted
%% shapes (random, sorted, reversed, two halves).

lcg(S) -> (S * 1103515245 + 12345) rem 2147483648.

gen(0, S, Acc, _K) -> {Acc, S};
gen(N, S, Acc, K) ->
    S1 = lcg(S),
    S2 = lcg(S1),
    V = (S1 div 65536) rem K + 1,
    X = case (S2 div 65536) rem 2 of 0 -> V; 1 -> float(V) end,
    gen(N - 1, S2, [X | Acc], K).

shape(0, L) -> L;
shape(1, L) -> lists:sort(fun(A, B) -> A =< B end, L);
shape(2, L) -> lists:reverse(lists:sort(fun(A, B) -> A =< B end, L));
shape(3, L) ->
    {A, B} = lists:split(length(L) div 2, L),
    lists:sort(fun(X, Y) -> X =< Y end, A) ++ lists:reverse(lists:sort(fun(X, Y) -> X =< Y end, B)).

main() ->
    run(1, 0, 400).

run(_, N, N) -> ok;
run(S, I, N) ->
    S1 = lcg(S),
    {Max, K} = lists:nth(I rem 4 + 1, [{8, 3}, {30, 4}, {120, 6}, {60, 20}]),
    Len = (S1 div 65536) rem Max,
    {L0, S2} = gen(Len, S1, [], K),
    L = shape(I rem 4, L0),
    io:format("~w~n ~w~n ~w~n", [L, lists:sort(L), lists:usort(L)]),
    io:format(" ~w~n ~w~n ~w~n", [lists:sort(fun(A, B) -> A =< B end, L), lists:sort(fun(A, B) -> A >= B end, L),
                                 lists:sort(fun(A, B) -> A < B end, L)]),
    io:format(" ~w~n ~w~n", [lists:usort(fun(A, B) -> A =< B end, L), lists:usort(fun(A, B) -> A >= B end, L)]),
    T = [{X, I2} || {I2, X} <- lists:enumerate(L)],
    io:format(" ~w~n ~w~n", [lists:keysort(1, T), lists:ukeysort(1, T)]),
    run(S2, I + 1, N).

%% Comparisons and small-integer arithmetic in the shapes the loader
%% specialises (x registers, small constants, y registers), including
%% negative numbers, values at the small-integer boundary, bignums, floats
%% and mixed types that must leave the fast paths.
-module(cmp_fastpaths).
-export([main/0]).

main() ->
    Vals = [-1 bsl 70, -576460752303423489, -576460752303423488, -3, -1, 0, 1, 2,
            576460752303423487, 576460752303423488, 1 bsl 70, -2.5, 0.0, 2.0,
            a, [], {1}, <<"b">>],
    [io:format("~w ~w: ~w~n", [A, B, cmp(A, B)]) || A <- Vals, B <- Vals],
    [io:format("~w: ~w~n", [A, consts(A)]) || A <- Vals],
    [io:format("~w: ~w~n", [A, safe(fun arith/1, A)]) || A <- Vals],
    [io:format("~w: ~w~n", [A, safe(fun yarith/1, A)]) || A <- Vals],
    [io:format("~w ~w: ~w~n", [A, B, safe(fun bitops/1, {A, B})]) || A <- Vals, B <- Vals],
    io:format("~w~n", [count(-5, 5, 0)]),
    ok.

%% Each comparison is a guard test, as the loader sees them in clauses.
cmp(A, B) ->
    {lt(A, B), ge(A, B), lt(B, A), ge(B, A), eqx(A, B), nex(A, B)}.

lt(A, B) when A < B -> {yes, A};
lt(_, _) -> no.
ge(A, B) when A >= B -> {yes, A};
ge(_, _) -> no.
eqx(A, B) when A =:= B -> {yes, A};
eqx(_, _) -> no.
nex(A, B) when A =/= B -> {yes, A};
nex(_, _) -> no.

consts(A) ->
    {if A < 2 -> y; true -> n end, if A >= 2 -> y; true -> n end,
     if 2 < A -> y; true -> n end, if 2 >= A -> y; true -> n end,
     if A < -3 -> y; true -> n end, if -3 >= A -> y; true -> n end,
     if A =:= 0 -> y; true -> n end, if A =/= 0 -> y; true -> n end,
     if A =:= a -> y; true -> n end, if A =/= [] -> y; true -> n end}.

arith(A) ->
    {A + 1, A - 1, A + 576460752303423487, A - 576460752303423487, A - -1}.

yarith(A) ->
    B = id(A),
    _ = id(0),
    C = id(B - 1),
    D = id(B + 1),
    {C, D}.

bitops({A, B}) ->
    {safe(fun(_) -> A * B end, x), safe(fun(_) -> A band B end, x),
     safe(fun(_) -> A bor B end, x), safe(fun(_) -> A bxor B end, x),
     safe(fun(_) -> (A * 3) bxor (B * 5) end, x)}.

count(N, Max, Acc) when N > Max -> Acc;
count(N, Max, Acc) -> count(N + 1, Max, Acc * 2 + N).

id(X) -> X.

safe(F, A) ->
    try F(A) catch C:R -> {C, R} end.

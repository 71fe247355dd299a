-module(int_sub_boundaries).
-export([main/0]).

%% Subtraction and negation across the small/big edge.

vals() ->
    [0, 1, -1,
     (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1,
     1 bsl 60, -(1 bsl 60),
     (1 bsl 63) - 1, 1 bsl 63, -(1 bsl 63), -(1 bsl 63) - 1,
     (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64),
     1 bsl 100, -(1 bsl 100) + 3].

main() ->
    Vs = vals(),
    lists:foreach(
      fun(A) -> io:format("sub ~w: ~w~n", [A, [A - B || B <- Vs]]) end, Vs),
    lists:foreach(
      fun(A) -> io:format("neg ~w -> ~w~n", [A, -A]) end, Vs),
    io:format("self ~w~n", [lists:usort([A - A || A <- Vs])]),
    io:format("antisym ~w~n", [lists:usort([A - B =:= -(B - A) || A <- Vs, B <- Vs])]),
    Min = -(1 bsl 59),
    io:format("min-1 ~w min-min ~w 0-min ~w~n", [Min - 1, Min - Min, 0 - Min]),
    X = (1 bsl 64) - ((1 bsl 64) - 3),
    io:format("shrink ~w ~w~n", [X, element(X, {p, q, r})]),
    io:format("chain ~w~n", [lists:foldl(fun(B, Acc) -> Acc - B end, 0, Vs)]),
    ok.

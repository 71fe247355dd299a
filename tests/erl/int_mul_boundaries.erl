-module(int_mul_boundaries).
-export([main/0]).

%% Multiplication around the small/big edge and the 64/128-bit edges.

vals() ->
    [0, 1, -1, 2, -2, 3,
     (1 bsl 29) - 1, 1 bsl 29, 1 bsl 30, -(1 bsl 30), 1 bsl 31, 1 bsl 32, -(1 bsl 32),
     (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59,
     (1 bsl 63) - 1, 1 bsl 64, -(1 bsl 64) + 1,
     16#123456789ABCDEF0123456789].

main() ->
    Vs = vals(),
    lists:foreach(
      fun(A) -> io:format("mul ~w: ~w~n", [A, [A * B || B <- Vs]]) end, Vs),
    io:format("sq ~w~n", [[A * A || A <- Vs]]),
    io:format("commute ~w~n", [lists:usort([A * B =:= B * A || A <- Vs, B <- Vs])]),
    io:format("distrib ~w~n", [lists:usort([A * (B + C) =:= A * B + A * C
                                            || A <- Vs, B <- Vs, C <- [7, -(1 bsl 61)]])]),
    %% products that land exactly on the edge
    io:format("edge1 ~w~n", [id(1 bsl 29) * id(1 bsl 30)]),
    io:format("edge2 ~w~n", [id(-(1 bsl 29)) * id(1 bsl 30)]),
    io:format("edge3 ~w~n", [id(1 bsl 30) * id(1 bsl 30)]),
    io:format("edge4 ~w~n", [id(-(1 bsl 59)) * id(-1)]),
    io:format("edge5 ~w~n", [id((1 bsl 59) - 1) * id(-1)]),
    io:format("edge6 ~w~n", [id(1 bsl 32) * id(1 bsl 32) * id(1 bsl 32)]),
    P = lists:foldl(fun(X, Acc) -> X * Acc end, 1, lists:seq(1, 30)),
    io:format("fact30 ~w~n", [P]),
    io:format("zero ~w~n", [[A * 0 =:= 0 || A <- Vs]]),
    ok.

id(X) -> X.

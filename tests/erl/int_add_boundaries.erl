-module(int_add_boundaries).
-export([main/0]).

%% Addition across the small/big integer edge (60-bit signed smalls),
%% the 64-bit word edge and large bignums, every sign combination.

vals() ->
    [0, 1, -1, 2, -2,
     (1 bsl 59) - 2, (1 bsl 59) - 1, 1 bsl 59, (1 bsl 59) + 1,
     -(1 bsl 59) + 1, -(1 bsl 59), -(1 bsl 59) - 1,
     (1 bsl 60) - 1, 1 bsl 60, -(1 bsl 60),
     (1 bsl 63) - 1, 1 bsl 63, -(1 bsl 63),
     (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64),
     (1 bsl 128) + 7, -(1 bsl 128) - 7].

main() ->
    Vs = vals(),
    lists:foreach(
      fun({I, A}) ->
              Sums = [A + B || B <- Vs],
              io:format("add ~w: ~w~n", [I, Sums])
      end, lists:zip(lists:seq(1, length(Vs)), Vs)),
    %% results that come back into small range must compare exactly
    Big = (1 bsl 64) + 5,
    Back = Big + (-(1 bsl 64)),
    io:format("back ~w ~w ~w~n", [Back, Back =:= 5, element(Back, {a,b,c,d,e,f})]),
    Edge = ((1 bsl 59) - 1) + 1,
    io:format("edge ~w ~w~n", [Edge, Edge - 1 =:= (1 bsl 59) - 1]),
    io:format("commute ~w~n", [lists:usort([A + B =:= B + A || A <- Vs, B <- Vs])]),
    io:format("assoc ~w~n", [lists:usort([(A + B) + C =:= A + (B + C) || A <- Vs, B <- Vs, C <- [1, -1, 1 bsl 62]])]),
    io:format("plus ~w ~w~n", [+(1 bsl 59), +(-3)]),
    io:format("sum ~w~n", [lists:sum(Vs)]),
    ok.

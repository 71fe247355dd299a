-module(int_bnot_unary).
-export([main/0]).

%% bnot, unary minus and unary plus on boundary values.

vals() ->
    [0, 1, -1, 42, -42,
     (1 bsl 59) - 1, (1 bsl 59) - 2, -(1 bsl 59), -(1 bsl 59) + 1, 1 bsl 59, -(1 bsl 59) - 1,
     (1 bsl 63) - 1, -(1 bsl 63), 1 bsl 64, -(1 bsl 64), (1 bsl 64) - 1,
     1 bsl 300, -(1 bsl 300)].

main() ->
    lists:foreach(
      fun(V) ->
              io:format("~w: bnot=~w neg=~w plus=~w bb=~w~n",
                        [V, bnot V, -V, +V, bnot (bnot V)])
      end, vals()),
    io:format("identity ~w~n", [lists:usort([bnot V =:= -V - 1 || V <- vals()])]),
    io:format("small ~w ~w~n", [bnot id((1 bsl 59) - 1), bnot id(-(1 bsl 59))]),
    io:format("shrink ~w~n", [bnot id(-(1 bsl 64)) + id(1 bsl 64)]),
    lists:foreach(
      fun(V) ->
              R1 = try bnot id(V) catch C1:E1 -> {C1, E1} end,
              R2 = try -id(V) catch C2:E2 -> {C2, E2} end,
              R3 = try +id(V) catch C3:E3 -> {C3, E3} end,
              io:format("err ~w: ~w ~w ~w~n", [V, R1, R2, R3])
      end, [1.5, foo, "x", {1}]),
    ok.

id(X) -> X.

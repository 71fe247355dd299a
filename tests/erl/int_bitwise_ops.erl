-module(int_bitwise_ops).
-export([main/0]).

%% band, bor, bxor with two's complement semantics on negatives and bignums.

vals() ->
    [0, 1, -1, 6, -6, 16#FF, -16#100,
     (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59, -(1 bsl 59) - 1,
     16#FFFFFFFFFFFFFFFF, -(1 bsl 64), (1 bsl 64) + 16#F0F0,
     16#F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0, -16#F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F1].

main() ->
    Vs = vals(),
    lists:foreach(
      fun(A) ->
              io:format("~w band: ~w~n", [A, [A band B || B <- Vs]]),
              io:format("~w bor: ~w~n", [A, [A bor B || B <- Vs]]),
              io:format("~w bxor: ~w~n", [A, [A bxor B || B <- Vs]])
      end, Vs),
    io:format("laws ~w~n",
              [lists:usort([(A band B) + (A bor B) =:= A + B
                            || A <- Vs, B <- Vs] ++
                           [(A bxor B) =:= (A bor B) - (A band B)
                            || A <- Vs, B <- Vs] ++
                           [A bxor B bxor B =:= A || A <- Vs, B <- Vs])]),
    %% results shrinking back to small integers
    X = id((1 bsl 64) + 12) band id(16#FF),
    io:format("shrink ~w ~w~n", [X, element(X, list_to_tuple(lists:seq(1, 20)))]),
    Y = id((1 bsl 70) bor 3) bxor id(1 bsl 70),
    io:format("shrink2 ~w ~w~n", [Y, Y =:= 3]),
    Z = id(-(1 bsl 64)) band id((1 bsl 65) - 1),
    io:format("negmask ~w~n", [Z]),
    lists:foreach(
      fun({Op, A, B}) ->
              R = try
                      case Op of
                          'band' -> id(A) band id(B);
                          'bor' -> id(A) bor id(B);
                          'bxor' -> id(A) bxor id(B)
                      end
                  catch C:E -> {C, E}
                  end,
              io:format("~w ~w ~w -> ~w~n", [Op, A, B, R])
      end, [{'band', 1, 1.0}, {'bor', a, 1}, {'bxor', 1, [1]}, {'band', 1 bsl 64, 2.5}]),
    ok.

id(X) -> X.

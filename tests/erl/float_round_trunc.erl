-module(float_round_trunc).
-export([main/0]).

%% round/1, trunc/1, ceil/1, floor/1 on floats (halfway cases, negatives,
%% huge values that become bignums) and on integers.

vals() ->
    [0.0, -0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.4, -0.5, -0.6, -1.5, -2.5, 0.49999999999999994,
     4503599627370495.5, 4503599627370497.0, -4503599627370497.0, 9007199254740993.0,
     5.764607523034235e17, -5.764607523034235e17, 1.152921504606847e18,
     9.223372036854776e18, -9.223372036854776e18, 1.8446744073709552e19,
     1.0e20, -1.0e20, 1.0e100, -1.2345e30, 1.7976931348623157e308,
     3, -3, 1 bsl 70].

main() ->
    lists:foreach(
      fun(F) ->
              io:format("~w: round=~w trunc=~w ceil=~w floor=~w~n",
                        [F, round(F), trunc(F), ceil(F), floor(F)])
      end, vals()),
    io:format("types ~w~n", [lists:usort([is_integer(G(F)) || F <- vals(),
                                                        G <- [fun erlang:round/1, fun erlang:trunc/1,
                                                              fun erlang:ceil/1, fun erlang:floor/1]])]),
    io:format("small ~w~n", [[element(round(id(X)), {a, b, c}) || X <- [1.4, 2.5, 2.6]]]),
    io:format("tiny ~w~n", [[{round(X), trunc(X), ceil(X), floor(X)} || X <- [1.0e-300, -1.0e-300, 5.0e-324]]]),
    lists:foreach(
      fun(X) ->
              Rs = [try G(id(X)) catch C:E -> {C, E} end
                    || G <- [fun erlang:round/1, fun erlang:trunc/1, fun erlang:ceil/1, fun erlang:floor/1]],
              io:format("err ~w: ~w~n", [X, Rs])
      end, [a, "1.5", {1.5}]),
    ok.

id(X) -> X.

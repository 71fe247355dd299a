-module(float_mixed_int).
-export([main/0]).

%% Mixed integer/float arithmetic and comparisons, including bignums that
%% convert to floats and integer-valued floats in lists and tuples.

main() ->
    Is = [0, 3, -3, (1 bsl 59) - 1, 1 bsl 64, -(1 bsl 70)],
    Fs = [0.5, -0.25, 3.0, 1.0e18],
    lists:foreach(
      fun(I) ->
              io:format("~w: ~w~n", [I, [{I + F, I - F, F - I, I * F, I / F} || F <- Fs]])
      end, Is),
    Vals = [1, 1.0, 2, 1.5, 0, 0.0, -1, -1.0, 1 bsl 64, 1.8446744073709552e19],
    lists:foreach(
      fun(A) ->
              io:format("~w: ==~w =:=~w <~w~n",
                        [A, [A == B || B <- Vals], [A =:= B || B <- Vals], [A < B || B <- Vals]])
      end, Vals),
    io:format("sort ~w~n", [lists:sort([2, 1.5, 1, 2.5, 0.5, 3, -1.0, -2])]),
    io:format("usort ~w~n", [lists:usort([2, 1.0, 1, 2.0, 1, 1.0])]),
    io:format("tuple ~w ~w~n", [{1, 2} == {1.0, 2.0}, {1, 2} =:= {1.0, 2.0}]),
    io:format("list ~w ~w~n", [[1, 2] == [1.0, 2], [1, 2] =:= [1, 2.0]]),
    io:format("member ~w ~w~n", [lists:member(1.0, [1, 2]), lists:member(1, [1.0])]),
    io:format("keyfind ~w ~w~n", [lists:keyfind(1.0, 1, [{1, a}]), lists:keyfind(1, 1, [{1, a}])]),
    io:format("delete ~w~n", [lists:delete(1.0, [1, 1.0, 2])]),
    io:format("subtract ~w~n", [[1, 1.0, 2, 2.0] -- [1.0, 2]]),
    io:format("case ~w ~w~n", [match(1), match(1.0)]),
    ok.

match(1) -> int_one;
match(1.0) -> float_one.

-module(order_sort_equal_numbers).
-export([main/0]).
%% beamr: later-runtime-differs

%% Where lists:sort/1, sort/2, usort, keysort, merge and max/min put
%% integers and floats that compare equal (1 == 1.0). lists:sort/1 on
%% OTP 25 does not keep such elements in input order; OTP 29's does, so the
%% 29 beam prints different "sort" lines on its own runtime. The OTP 25
%% output is the reference.

main() ->
    Ls = [[1.0, 1], [1, 1.0], [2, 1.0, 1, 2.0], [1.0, 1, 1.0, 1], [3, 2.0, 2, 1.0, 1, 0.0, 0],
          [0.0, 0, -0.0], [1 bsl 64, 1.8446744073709552e19, 1 bsl 64],
          [2, 1.0, 1, 2.0, 0.5, 3, -1.0, -1], [a, 1, 1.0, b, 1.0]],
    lists:foreach(
      fun(L) ->
              io:format("~w: sort=~w usort=~w~n", [L, lists:sort(L), lists:usort(L)]),
              io:format("  sort2=~w rsort2=~w~n", [lists:sort(fun(A, B) -> A =< B end, L),
                                                   lists:sort(fun(A, B) -> A >= B end, L)]),
              io:format("  max=~w min=~w~n", [lists:max(L), lists:min(L)])
      end, Ls),
    io:format("keysort ~w~n", [lists:keysort(1, [{1, a}, {1.0, b}, {1, c}, {0.5, d}, {1.0, e}])]),
    io:format("ukeysort ~w~n", [lists:ukeysort(1, [{1, a}, {1.0, b}, {2, c}, {2.0, d}])]),
    io:format("merge ~w ~w~n", [lists:merge([1, 2.0], [1.0, 2]), lists:umerge([1, 2.0], [1.0, 2])]),
    io:format("tuples ~w~n", [lists:sort([{2, 1.0}, {2, 1}, {1.0, 5}, {1, 5}])]),
    io:format("erlang ~w ~w ~w ~w~n", [max(1, 1.0), max(1.0, 1), min(1, 1.0), min(1.0, 1)]),
    ok.

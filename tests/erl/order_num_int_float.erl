-module(order_num_int_float).
-export([main/0]).

%% Ordering of integers and floats with each other, including bignums
%% beyond float precision, and sorting stability for equal numbers.

main() ->
    %% no two values compare equal: the order of equal elements is
    %% covered by order_sort_equal_numbers
    Ns = [3, 2.5, -1, -1.5, 0, 0.5, 1 bsl 64, 1.8446744073709550e19, (1 bsl 64) + 1,
          -(1 bsl 64), -1.8446744073709556e19, 1.0e300, 1 bsl 1000, -1.0e300, -(1 bsl 1000),
          (1 bsl 53) + 1, 9007199254740992.0, 1.0e-300],
    S = lists:sort(Ns),
    io:format("sort ~w~n", [S]),
    io:format("rsort ~w~n", [lists:sort(fun(A, B) -> A >= B end, Ns)]),
    io:format("usort ~w~n", [lists:usort(Ns)]),
    io:format("max ~w min ~w~n", [lists:max(Ns), lists:min(Ns)]),
    %% huge integers beyond the float range still compare against floats
    Big = 1 bsl 1100,
    io:format("huge ~w ~w ~w~n", [Big > 1.7976931348623157e308, -Big < -1.7976931348623157e308,
                                  Big == 1.7976931348623157e308]),
    %% near-equal values
    Near = [{(1 bsl 63), 9.223372036854776e18}, {(1 bsl 63) - 1, 9.223372036854776e18},
            {(1 bsl 63) + 1, 9.223372036854776e18}, {576460752303423487, 5.764607523034235e17},
            {576460752303423488, 5.764607523034235e17}, {-576460752303423489, -5.764607523034235e17}],
    lists:foreach(
      fun({I, F}) -> io:format("~w ~w: ~w ~w ~w~n", [I, F, I < F, I == F, I > F]) end, Near),
    %% stable keysort: equal keys keep input order
    KS = lists:keysort(1, [{1, a}, {1.0, b}, {1, c}, {0.5, d}, {1.0, e}]),
    io:format("keysort ~w~n", [KS]),
    io:format("ukeysort ~w~n", [lists:ukeysort(1, [{1, a}, {1.0, b}, {2, c}, {2.0, d}])]),
    io:format("merge ~w~n", [lists:merge([1, 2.0, 3], [1.0, 2, 3.0])]),
    io:format("tuples ~w~n", [lists:sort([{2, 1.5}, {2, 1}, {1.5, 5}, {1, 5}])]),
    ok.

-module(float_print_p_w).
-export([main/0]).

%% Shortest round-trip printing of floats with ~p and ~w, and float_to_list/1.

vals() ->
    [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.30000000000000004, 1/3, 2/3, 0.5, 100.0, 1234.5,
     1.0e15, 1.0e16, 1.0e17, 123456789012345680.0, 9007199254740992.0, 9007199254740994.0,
     1.0e21, 1.0e22, 1.0e23, 1.0e100, 1.0e-5, 0.0001, 0.001, 1.0e-7, 1.5e-10,
     5.0e-324, 1.0e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
     1.7976931348623157e308, -1.7976931348623157e308, 4.9406564584124654e-324,
     3.141592653589793, 2.718281828459045, 6.02214076e23, 1.602176634e-19,
     123.456, 0.1e-2, 99.99, 1.0e9, 12345678.9, 0.000123, 299792458.0,
     float(1 bsl 53), float(1 bsl 60), float(1 bsl 64), float(1 bsl 100)].

main() ->
    lists:foreach(
      fun(F) ->
              io:format("~p | ~w | ~s~n", [F, F, float_to_list(F)])
      end, vals()),
    io:format("list ~p~n", [[1.5, 2.25, -0.125]]),
    io:format("tuple ~w~n", [{0.1, -0.1, 1.0e-300}]),
    io:format("bin ~p~n", [float_to_binary(0.1)]),
    io:format("sum ~p~n", [lists:foldl(fun(X, A) -> A + X end, 0.0, lists:duplicate(10, 0.1))]),
    io:format("half ~p~n", [[1 / (1 bsl N) || N <- [1, 10, 20, 30, 40, 50, 60]]]),
    io:format("tenth ~p~n", [[N / 10 || N <- lists:seq(1, 12)]]),
    ok.

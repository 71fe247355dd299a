-module(math_precision).
-export([main/0]).

%% Results of the math functions over a grid of arguments: checks that
%% they round exactly as OTP's (the C library's) do.
r(F) -> try F() catch _:_ -> err end.

main() ->
    Xs = [I / 7.3 - 20 || I <- lists:seq(0, 300, 2)] ++ [1.0e-5 * I || I <- lists:seq(1, 50, 3)]
        ++ [I * 13.1 || I <- lists:seq(1, 60, 3)] ++ [I / 211.3 || I <- lists:seq(-1400, 1400, 17)],
    Ps = [I / 9.1 || I <- lists:seq(1, 90, 2)],
    Fs = [{sin, fun math:sin/1}, {cos, fun math:cos/1}, {tan, fun math:tan/1}, {asin, fun math:asin/1},
          {acos, fun math:acos/1}, {atan, fun math:atan/1}, {sinh, fun math:sinh/1}, {cosh, fun math:cosh/1},
          {tanh, fun math:tanh/1}, {asinh, fun math:asinh/1}, {acosh, fun math:acosh/1},
          {atanh, fun math:atanh/1}, {exp, fun math:exp/1}, {log, fun math:log/1}, {log2, fun math:log2/1},
          {log10, fun math:log10/1}, {erf, fun math:erf/1}, {erfc, fun math:erfc/1}],
    [io:format("~w ~w ~w~n", [N, X, r(fun() -> F(X) end)]) || {N, F} <- Fs, X <- Xs],
    [io:format("pow ~w ~w ~w~n", [X, Y, r(fun() -> math:pow(X, Y) end)]) || X <- Ps, Y <- [0.5, 1.5, 2.7, -3.3, 7, 12.25]],
    [io:format("atan2 ~w ~w ~w~n", [X, Y, r(fun() -> math:atan2(X, Y) end)]) || X <- [-3.5, -1, 5], Y <- Ps],
    ok.

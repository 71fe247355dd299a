-module(float_arith_basic).
-export([main/0]).

%% Float + - * / and mixed integer/float arithmetic.

vals() -> [0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 0.1, 1.0e10, -1.0e-10, 123.456, 7, -3, 1 bsl 64].

main() ->
    Vs = vals(),
    lists:foreach(
      fun(A) ->
              io:format("~p +: ~w~n", [A, [A + B || B <- Vs]]),
              io:format("~p -: ~w~n", [A, [A - B || B <- Vs]]),
              io:format("~p *: ~w~n", [A, [A * B || B <- Vs]]),
              io:format("~p /: ~w~n", [A, [try A / B catch error:E -> E end || B <- Vs]])
      end, Vs),
    io:format("intdiv ~w~n", [[id(A) / id(B) || {A, B} <- [{1, 3}, {7, 2}, {-7, 2}, {6, 3}, {1, 1 bsl 64},
                                                         {1 bsl 64, 3}, {(1 bsl 70) + 1, 1 bsl 70}]]]),
    io:format("neg ~w ~w ~w~n", [-id(1.5), -id(0.0), -id(-0.0)]),
    io:format("plus ~w~n", [+id(2.5)]),
    io:format("chain ~w~n", [((id(1.5) * 2 + 0.25) / 0.5 - 1) * -3]),
    io:format("types ~w~n", [[is_float(X) || X <- [id(1) + 0.0, id(2) * 1.0, id(4) / 2, id(1) - id(1.0)]]]),
    ok.

id(X) -> X.

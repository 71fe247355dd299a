-module(int_div_rem_signs).
-export([main/0]).

%% div and rem truncate toward zero; rem takes the sign of the dividend.

main() ->
    As = [0, 1, 6, 7, 8, -1, -6, -7, -8, 100, -100],
    Bs = [1, -1, 2, -2, 3, -3, 7, -7, 8, -8],
    lists:foreach(
      fun(A) ->
              io:format("~w div: ~w~n", [A, [A div B || B <- Bs]]),
              io:format("~w rem: ~w~n", [A, [A rem B || B <- Bs]])
      end, As),
    Ok = [A =:= (A div B) * B + A rem B || A <- As, B <- Bs],
    io:format("identity ~w~n", [lists:usort(Ok)]),
    Bigs = [(1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59, 1 bsl 64, -(1 bsl 64), (1 bsl 70) + 3],
    lists:foreach(
      fun(A) ->
              io:format("~w div: ~w~n", [A, [A div B || B <- Bs]]),
              io:format("~w rem: ~w~n", [A, [A rem B || B <- Bs]])
      end, Bigs),
    io:format("bigid ~w~n", [lists:usort([A =:= (A div B) * B + A rem B || A <- Bigs, B <- Bs ++ Bigs])]),
    io:format("minneg ~w ~w~n", [id(-(1 bsl 59)) div id(-1), id(-(1 bsl 59)) rem id(-1)]),
    io:format("smallbig ~w ~w~n", [id(5) div id(1 bsl 64), id(-5) rem id(1 bsl 64)]),
    ok.

id(X) -> X.

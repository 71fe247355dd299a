-module(float_precision_edges).
-export([main/0]).

%% Classic binary floating point precision cases and exact/inexact
%% comparisons of floats with integers.

main() ->
    A = id(0.1), B = id(0.2), C = id(0.3),
    io:format("0.1+0.2 ~p ~w ~w~n", [A + B, A + B == C, A + B > C]),
    io:format("1/3*3 ~p~n", [id(1) / id(3) * 3]),
    io:format("big+1 ~p ~w~n", [id(1.0e16) + 1, id(1.0e16) + 1 == 1.0e16]),
    io:format("big+2 ~p~n", [id(1.0e16) + 2]),
    io:format("2^53+1 ~p~n", [id(9007199254740992.0) + 1.0]),
    io:format("eps ~p ~p~n", [id(1.0) + 2.220446049250313e-16, id(1.0) + 1.1102230246251565e-16]),
    io:format("assoc ~p ~p~n", [(id(0.1) + 0.2) + 0.3, id(0.1) + (0.2 + 0.3)]),
    io:format("cancel ~p~n", [(id(1.0e20) + 1.0) - 1.0e20]),
    io:format("mul ~p ~p~n", [id(1.1) * 1.1, id(0.1) * 3]),
    io:format("div ~p ~p ~p~n", [id(1.0) / 49 * 49, id(2.0) / 3, id(10.0) / 3]),
    Sum = lists:foldl(fun(X, S) -> S + X end, 0.0, [id(0.1) || _ <- lists:seq(1, 1000)]),
    io:format("sum1000 ~p~n", [Sum]),
    Kahan = kahan([id(0.1) || _ <- lists:seq(1, 1000)], 0.0, 0.0),
    io:format("kahan ~p~n", [Kahan]),
    %% integer/float comparisons close to the precision limit
    Big = 1 bsl 53,
    Pairs = [{Big, float(Big)}, {Big + 1, float(Big)}, {Big - 1, float(Big)},
             {(1 bsl 64) + 1, float(1 bsl 64)}, {(1 bsl 64) - 1, float(1 bsl 64)},
             {1 bsl 1023, float(1 bsl 1023)}, {(1 bsl 1023) + 1, float(1 bsl 1023)},
             {1, 1.0}, {0, -0.0}, {-1, -1.0000000000000002}],
    lists:foreach(
      fun({I, F}) ->
              io:format("~w vs ~p: == ~w < ~w > ~w =:= ~w~n", [I, F, I == F, I < F, I > F, I =:= F])
      end, Pairs),
    io:format("sorted ~w~n", [lists:sort([Big + 1, float(Big) + 2, Big - 1, float(Big) - 2])]),
    io:format("halves ~w~n", [[X / 2 || X <- [id(1.0), 3.0, 5.0e-324, 1.0e308]]]),
    ok.

kahan([], S, _) -> S;
kahan([X | Xs], S, C) ->
    Y = X - C,
    T = S + Y,
    kahan(Xs, T, (T - S) - Y).

id(X) -> X.

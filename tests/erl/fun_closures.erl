-module(fun_closures).
-export([main/0]).

%% Closures capturing variables of every type, returning closures,
%% closures capturing closures, counters via fold, and currying.

adder(N) -> fun(X) -> X + N end.

compose(F, G) -> fun(X) -> F(G(X)) end.

curry(F) -> fun(A) -> fun(B) -> F(A, B) end end.

make_acc(Init) -> fun(X) -> {Init + X, make_acc(Init + X)} end.

main() ->
    Add5 = adder(5), AddBig = adder(1 bsl 70),
    io:format("adder ~w ~w~n", [Add5(10), AddBig(1)]),
    Cap = {tuple, [list], <<"bin">>, 1.5, "str", #{k => v}},
    F = fun() -> Cap end,
    io:format("captured ~p~n", [F()]),
    Inc = compose(Add5, adder(-2)),
    io:format("compose ~w~n", [Inc(0)]),
    Twice = fun(G) -> compose(G, G) end,
    io:format("twice ~w ~w~n", [(Twice(Add5))(0), (Twice(Twice(Add5)))(0)]),
    C = curry(fun(A, B) -> A - B end),
    io:format("curry ~w~n", [(C(10))(3)]),
    {V1, A1} = (make_acc(0))(5),
    {V2, A2} = A1(10),
    {V3, _} = A2(-1),
    io:format("acc ~w ~w ~w~n", [V1, V2, V3]),
    Fs = [fun() -> I * I end || I <- lists:seq(1, 5)],
    io:format("lcfuns ~w~n", [[G() || G <- Fs]]),
    Y = 7,
    Shadow = fun(Y2) -> Y2 + Y end,
    io:format("outer ~w~n", [Shadow(1)]),
    Nested = fun(A) -> fun(B) -> fun(Cc) -> [A, B, Cc, Y] end end end,
    io:format("nested ~w~n", [((Nested(1))(2))(3)]),
    Self = fun(_Rec, 0) -> []; (Rec, N) -> [N | Rec(Rec, N - 1)] end,
    io:format("selfapply ~w~n", [Self(Self, 5)]),
    Pipeline = lists:foldl(fun compose/2, fun(X) -> X end, [adder(1), fun(X) -> X * 3 end, adder(-4)]),
    io:format("pipeline ~w~n", [Pipeline(10)]),
    Cl = [fun(X) -> {I, X} end || I <- [a, b]],
    io:format("lcclosures ~w~n", [[G(z) || G <- Cl]]),
    io:format("equal ~w ~w~n", [adder(1) =:= adder(1), adder(1) =:= adder(2)]),
    io:format("samefun ~w~n", [Add5 =:= Add5]),
    ok.

-module(fun_many_freevars).
-export([main/0]).

%% Closures capturing many free variables (more than fit in registers),
%% closures capturing large terms and other closures, and deep nesting.

main() ->
    A1 = id(1), A2 = id(2), A3 = id(3), A4 = id(4), A5 = id(5), A6 = id(6), A7 = id(7),
    A8 = id(8), A9 = id(9), A10 = id(10),
    A11 = id(a11), A12 = id("a12"), A13 = id({a13}), A14 = id([a14]), A15 = id(15.0), A16 = id(1 bsl 80),
    A17 = id(<<"a17">>), A18 = id(#{a => 18}), A19 = id(19), A20 = id(20), A21 = id(21), A22 = id(22), A23 = id(23),
    A24 = id(24), A25 = id(25), A26 = id(26), A27 = id(27), A28 = id(28), A29 = id(29), A30 = id(30),
    F = fun(X) ->
                {X, A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15, A16, A17, A18,
                 A19, A20, A21, A22, A23, A24, A25, A26, A27, A28, A29, A30}
        end,
    io:format("many ~p~n", [F(x)]),
    io:format("env size ~w~n", [length(element(2, erlang:fun_info(F, env)))]),
    S = fun(X) -> X + A1 + A2 + A3 + A4 + A5 + A6 + A7 + A8 + A9 + A10 + A19 + A20 + A21 + A22 + A23
                      + A24 + A25 + A26 + A27 + A28 + A29 + A30 end,
    io:format("sum ~w~n", [S(1000)]),
    G = fun(Y) -> fun(Z) -> {F(Y), S(Z)} end end,
    {Tup, Sum} = (G(y))(0),
    io:format("nested ~w ~w ~w~n", [element(1, Tup), element(31, Tup), Sum]),
    Big = lists:seq(1, 10000),
    H = fun() -> {length(Big), lists:sum(Big)} end,
    io:format("bigcapture ~w~n", [H()]),
    Args = fun(B1, B2, B3, B4, B5, B6, B7, B8, B9, B10, B11, B12) ->
                   [B1, B2, B3, B4, B5, B6, B7, B8, B9, B10, B11, B12, A1, A30]
           end,
    io:format("manyargs ~w~n", [Args(b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12)]),
    io:format("arity ~w~n", [erlang:fun_info(Args, arity)]),
    Chain = lists:foldl(fun(I, Acc) -> fun() -> [I | Acc()] end end, fun() -> [] end, lists:seq(1, 100)),
    io:format("chain ~w~n", [lists:sum(Chain())]),
    ok.

id(X) -> X.

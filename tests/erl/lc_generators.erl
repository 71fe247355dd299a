-module(lc_generators).
-export([main/0]).

%% List comprehensions with one, two and three generators, dependent
%% generators, and generators over empty lists.

main() ->
    io:format("one ~w~n", [[X * 2 || X <- [1, 2, 3]]]),
    io:format("two ~w~n", [[{X, Y} || X <- [1, 2], Y <- [a, b, c]]]),
    io:format("three ~w~n", [[X + Y + Z || X <- [100, 200], Y <- [10, 20], Z <- [1, 2]]]),
    io:format("dependent ~w~n", [[{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4)]]),
    io:format("dependent2 ~w~n", [[Y || X <- [[1, 2], [], [3]], Y <- X]]),
    io:format("empty ~w ~w~n", [[X || X <- []], [{X, Y} || X <- [1, 2], Y <- []]]),
    io:format("const ~w~n", [[ok || _ <- [a, b, c]]]),
    io:format("strings ~p~n", [[[C] ++ "!" || C <- "abc"]]),
    io:format("nestedlc ~w~n", [[[X * Y || Y <- [1, 2, 3]] || X <- [1, 2]]]),
    io:format("pyth ~w~n", [[{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B),
                                        A * A + B * B =:= C * C]]),
    io:format("closure ~w~n", [[F(2) || F <- [fun(X) -> X + N end || N <- [1, 10, 100]]]]),
    io:format("big ~w~n", [length([X || X <- lists:seq(1, 100000), X rem 3 =:= 0])]),
    S30 = lists:seq(1, 30),
    io:format("cartesian ~w~n", [length([{A, B, C} || A <- S30, B <- S30, C <- S30])]),
    R = try [X || X <- id(notalist)] catch C1:E1 -> {C1, E1} end,
    io:format("badgen ~w~n", [R]),
    R2 = try [X || X <- id([1, 2 | tail])] catch C2:E2 -> {C2, E2} end,
    io:format("improper ~w~n", [R2]),
    ok.

id(X) -> X.

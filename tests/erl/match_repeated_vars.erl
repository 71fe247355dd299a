-module(match_repeated_vars).
-export([main/0]).

%% Repeated variables in patterns require equal (=:=) values; already
%% bound variables in patterns act as constraints; '_' never binds.

same(X, X) -> same;
same(_, _) -> different.

pairs({X, X, X}) -> triple;
pairs({X, X, _}) -> first_two;
pairs({_, X, X}) -> last_two;
pairs({X, _, X}) -> outer;
pairs(_) -> none.

member_of(X, [X | _]) -> true;
member_of(X, [_ | T]) -> member_of(X, T);
member_of(_, []) -> false.

main() ->
    io:format("same ~w~n", [[same(A, B) || {A, B} <- [{1, 1}, {1, 1.0}, {a, a}, {[1], [1]}, {{x}, {y}},
                                                      {1 bsl 70, 1 bsl 70}, {<<"b">>, <<"b">>}, {0.0, 0.0}]]]),
    io:format("pairs ~w~n", [[pairs(T) || T <- [{1, 1, 1}, {1, 1, 2}, {2, 1, 1}, {1, 2, 1}, {1, 2, 3}]]]),
    io:format("member ~w~n", [[member_of(X, [a, 1, "s", {t}]) || X <- [a, 1, 1.0, "s", {t}, z]]]),
    X = id(5),
    Res = [case V of X -> match; _ -> nomatch end || V <- [5, 5.0, 6]],
    io:format("bound ~w~n", [Res]),
    io:format("lc bound ~w~n", [[Y || {X2, Y} <- [{5, a}, {6, b}, {5, c}], X2 =:= X]]),
    {A, B, A} = id({1, 2, 1}),
    io:format("match ~w ~w~n", [A, B]),
    R = try {C, C} = id({1, 2}) catch Cl:E -> {Cl, E} end,
    io:format("badmatch ~w~n", [R]),
    {_, _, Z} = id({ignored, ignored_too, kept}),
    io:format("wild ~w~n", [Z]),
    io:format("nested ~w~n", [[case T of {P, [P | _]} -> head_eq; _ -> no end
                                || T <- [{1, [1, 2]}, {1, [2, 1]}, {a, [a]}]]]),
    ok.

id(X) -> X.

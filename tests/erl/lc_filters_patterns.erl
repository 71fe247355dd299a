-module(lc_filters_patterns).
-export([main/0]).

%% Filters (boolean expressions and guards), and generator patterns that
%% silently skip non-matching elements.

main() ->
    L = [1, a, {b, 2}, "str", 3.5, {c, 3, x}, [], {d, 4}, 7, {e, five}],
    io:format("guard ~w~n", [[X || X <- L, is_integer(X)]]),
    io:format("two filters ~w~n", [[X || X <- lists:seq(1, 30), X rem 2 =:= 0, X rem 3 =:= 0]]),
    io:format("pattern ~w~n", [[{K, V} || {K, V} <- L]]),
    io:format("pattern guard ~w~n", [[V || {_, V} <- L, is_integer(V)]]),
    io:format("literal pat ~w~n", [[X || {c, X, _} <- L]]),
    io:format("list pat ~w~n", [[H || [H | _] <- [[1, 2], [], [3], x, [4 | 5]]]]),
    Bound = 2,
    io:format("bound ~w~n", [[Y || {Bound2, Y} <- [{1, a}, {2, b}, {2, c}], Bound2 =:= Bound]]),
    io:format("bound pat ~w~n", [[Y || {X, Y} <- [{1, a}, {2, b}, {2, c}], X == Bound]]),
    io:format("repeated ~w~n", [[X || {X, X} <- [{1, 1}, {1, 2}, {b, b}, {3, 3.0}]]]),
    io:format("nonbool ~w~n", [catch_err(fun() -> [X || X <- [1, 2], id(X)] end)]),
    io:format("failing guard expr ~w~n", [[X || X <- [1, a, 2], X + 1 > 2]]),
    io:format("andalso ~w~n", [[X || X <- L, is_tuple(X) andalso tuple_size(X) =:= 2]]),
    io:format("filter only ~w ~w~n", [[yes || id(true)], [yes || id(false)]]),
    io:format("records ~p~n", [[Name || {person, Name, Age} <- [{person, "ann", 30}, {dog, "rex"},
                                                                {person, "bob", 17}], Age >= 18]]),
    io:format("strmatch ~p~n", [[Rest || "ab" ++ Rest <- ["abc", "xab", "ab", "abab"]]]),
    ok.

catch_err(F) -> try F() catch C:E -> {C, E} end.

id(X) -> X.

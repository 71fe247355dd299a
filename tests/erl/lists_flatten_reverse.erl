-module(lists_flatten_reverse).
-export([main/0]).

%% lists:flatten/1,2, flatlength, reverse/1,2, deep lists and strings.

main() ->
    D = [1, [2, [3, [4, []]], 5], [[[]]], 6, "ab", [[[[7]]]]],
    io:format("flatten ~w~n", [lists:flatten(D)]),
    io:format("flatten tail ~w~n", [lists:flatten(D, [tail, end_])]),
    io:format("flatlength ~w ~w~n", [lists:flatlength(D), lists:flatlength([])]),
    io:format("flatten empty ~w ~w~n", [lists:flatten([]), lists:flatten([[], [[]]])]),
    io:format("str ~s~n", [lists:flatten(["hello", $\s, ["wor", ["ld"]]])]),
    io:format("tuples kept ~w~n", [lists:flatten([{a, [b]}, [{c}]])]),
    io:format("reverse ~w ~w ~w~n", [lists:reverse([1, 2, 3]), lists:reverse([]), lists:reverse([x])]),
    io:format("reverse2 ~w ~w~n", [lists:reverse([1, 2, 3], [4, 5]), lists:reverse([], [a])]),
    io:format("reverse improper tail ~w~n", [lists:reverse([1, 2], tail)]),
    io:format("revstr ~s~n", [lists:reverse("stressed")]),
    Big = lists:seq(1, 300000),
    R = lists:reverse(Big),
    io:format("bigrev ~w ~w ~w~n", [hd(R), lists:nth(100000, R), length(R)]),
    Deep = lists:foldl(fun(X, Acc) -> [Acc, X] end, [], lists:seq(1, 10000)),
    F = lists:flatten(Deep),
    io:format("deep ~w ~w ~w~n", [length(F), hd(F), lists:last(F)]),
    Nest = lists:foldl(fun(_, Acc) -> [Acc] end, [x], lists:seq(1, 5000)),
    io:format("nest ~w~n", [lists:flatten(Nest)]),
    Er = try lists:flatten(id([1 | 2])) catch C:E -> {C, E} end,
    io:format("improper ~w~n", [Er]),
    Er2 = try lists:reverse(id(notlist)) catch C2:E2 -> {C2, E2} end,
    io:format("revbad ~w~n", [Er2]),
    ok.

id(X) -> X.

-module(lists_merge).
-export([main/0]).

%% lists:merge/1,2,3, merge3, umerge/1,2,3, umerge3, keymerge, ukeymerge,
%% rmerge.

main() ->
    A = [1, 3, 5, 7], B = [2, 3, 4, 8], C = [0, 5, 9],
    io:format("merge ~w~n", [lists:merge(A, B)]),
    io:format("merge1 ~w~n", [lists:merge([A, B, C])]),
    io:format("merge3 ~w~n", [lists:merge3(A, B, C)]),
    io:format("mergefun ~w~n", [lists:merge(fun(X, Y) -> X >= Y end, lists:reverse(A), lists:reverse(B))]),
    io:format("umerge ~w~n", [lists:umerge(A, B)]),
    io:format("umerge1 ~w~n", [lists:umerge([A, B, C])]),
    io:format("umerge3 ~w~n", [lists:umerge3(A, B, C)]),
    io:format("umergefun ~w~n", [lists:umerge(fun(X, Y) -> X >= Y end, [9, 5, 1], [9, 6, 5])]),
    io:format("rmerge ~w~n", [lists:rmerge([7, 5, 3], [8, 4, 3])]),
    K1 = [{a, 1}, {c, 3}, {e, 5}], K2 = [{b, 2}, {c, 30}, {d, 4}],
    io:format("keymerge ~w~n", [lists:keymerge(1, K1, K2)]),
    io:format("ukeymerge ~w~n", [lists:ukeymerge(1, K1, K2)]),
    io:format("ukeymerge2 ~w~n", [lists:ukeymerge(2, [{x, 1}, {y, 2}], [{z, 1}, {w, 3}])]),
    io:format("empty ~w ~w ~w~n", [lists:merge([], B), lists:merge(A, []), lists:umerge([[], []])]),
    io:format("dups ~w ~w~n", [lists:merge([1, 1], [1]), lists:umerge([1, 1], [1])]),
    io:format("mixed ~w~n", [lists:merge([1, 2.0], [1.0, 2])]),
    ok.

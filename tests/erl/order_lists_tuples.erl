-module(order_lists_tuples).
-export([main/0]).

%% Tuples compare by size first, then element-wise; lists compare
%% lexicographically; improper lists and nested structures.

main() ->
    Ts = [{b}, {a, z}, {a}, {}, {a, b, c}, {1, 2}, {1.0, 2}, {1, 2, 3}, {[], a}, {{}, a},
          {a, {b}}, {a, {a, z}}],
    io:format("tuples ~w~n", [lists:sort(Ts)]),
    Ls = [[b], [a, z], [a], [], [a, b, c], [1, 2], [1 | 2], [1, 2 | 3], [1 | a], "abc", "abd",
          "ab", [[]], [[], []], [a | []], [{}], [1, [2]], [1, 2, 3], [1 | {x}]],
    io:format("lists ~w~n", [lists:sort(Ls)]),
    io:format("strings ~p~n", [lists:sort(["banana", "apple", "Apple", "app", "", "b", "apple pie"])]),
    io:format("latin ~w~n", [lists:sort([[$a, 228], [228], "az", [$a, 255, 0], [256]])]),
    io:format("improper ~w ~w ~w~n", [[1 | 2] < [1, 2], [1 | 2] > [1 | a], [a | b] < [a, b]]),
    io:format("deep ~w~n", [[[1, [2, [3]]] < [1, [2, [4]]], {{{1}}} < {{{1.5}}}, {[a]} < {[b]}]]),
    io:format("size ~w ~w~n", [{z} < {a, a}, {1, 2, 3} > {9, 9}]),
    io:format("listvstuple ~w ~w~n", [[] > {}, [a] > {a, b, c}]),
    Recs = [{person, "bob", 30}, {person, "alice", 30}, {person, "alice", 25}, {animal, "cat"}],
    io:format("recs ~p~n", [lists:sort(Recs)]),
    io:format("eq ~w ~w ~w~n", [{1, [2.0]} == {1.0, [2]}, [{1}] =:= [{1}], {a, "x"} =:= {a, [$x]}]),
    ok.

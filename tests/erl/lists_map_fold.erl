-module(lists_map_fold).
-export([main/0]).

%% lists:map, foldl, foldr, mapfoldl, mapfoldr, flatmap.

main() ->
    L = lists:seq(1, 10),
    io:format("map ~w~n", [lists:map(fun(X) -> X * X end, L)]),
    io:format("map empty ~w~n", [lists:map(fun(X) -> X end, [])]),
    io:format("foldl ~w~n", [lists:foldl(fun(X, Acc) -> [X | Acc] end, [], L)]),
    io:format("foldr ~w~n", [lists:foldr(fun(X, Acc) -> [X | Acc] end, [], L)]),
    io:format("foldl sub ~w foldr sub ~w~n", [lists:foldl(fun(X, A) -> X - A end, 0, L),
                                              lists:foldr(fun(X, A) -> X - A end, 0, L)]),
    io:format("mapfoldl ~w~n", [lists:mapfoldl(fun(X, S) -> {X * 2, S + X} end, 0, L)]),
    io:format("mapfoldr ~w~n", [lists:mapfoldr(fun(X, S) -> {{X, S}, S + 1} end, 0, [a, b, c])]),
    io:format("flatmap ~w~n", [lists:flatmap(fun(X) -> lists:duplicate(X, X) end, [1, 2, 3, 0, 2])]),
    io:format("flatmap2 ~p~n", [lists:flatmap(fun(X) -> [[X]] end, [a, b])]),
    Str = lists:foldl(fun(W, Acc) -> Acc ++ " " ++ W end, "start", ["one", "two", "three"]),
    io:format("str ~s~n", [Str]),
    Counts = lists:foldl(fun(C, Acc) ->
                                 case lists:keyfind(C, 1, Acc) of
                                     {C, N} -> lists:keyreplace(C, 1, Acc, {C, N + 1});
                                     false -> [{C, 1} | Acc]
                                 end
                         end, [], "mississippi"),
    io:format("counts ~p~n", [lists:sort(Counts)]),
    Big = lists:seq(1, 200000),
    io:format("bigfoldl ~w bigfoldr ~w~n", [lists:foldl(fun erlang:'+'/2, 0, Big),
                                            lists:foldr(fun erlang:'+'/2, 0, Big)]),
    io:format("bigmap ~w~n", [lists:last(lists:map(fun(X) -> X + 1 end, Big))]),
    R = try lists:map(fun(X) -> 10 div X end, [5, 2, 0, 1]) catch C:E -> {C, E} end,
    io:format("crash ~w~n", [R]),
    R2 = try lists:foldl(fun(X, A) -> X + A end, 0, id([1, 2 | bad])) catch C2:E2 -> {C2, E2} end,
    io:format("improper ~w~n", [R2]),
    ok.

id(X) -> X.

-module(map_hof).
-export([main/0]).

%% Higher-order maps functions: fold, map, filter, filtermap, foreach,
%% update_with, groups_from_list, and the order in which funs see keys.

main() ->
    M = #{a => 1, b => 2, c => 3, d => 4},
    io:format("fold ~p~n", [maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)]),
    io:format("fold sum ~p~n", [maps:fold(fun(_, V, Acc) -> V + Acc end, 0, M)]),
    io:format("map ~p~n", [maps:map(fun(K, V) -> {K, V * V} end, M)]),
    io:format("filter ~p~n", [maps:filter(fun(_, V) -> V rem 2 =:= 0 end, M)]),
    io:format("filtermap ~p~n",
              [maps:filtermap(fun(a, _) -> false; (b, _V) -> true; (_, V) -> {true, V * 100} end, M)]),
    maps:foreach(fun(K, V) -> io:format("foreach ~p=~p~n", [K, V]) end, M),
    io:format("update_with ~p~n", [maps:update_with(a, fun(V) -> V + 100 end, M)]),
    io:format("update_with init ~p~n", [maps:update_with(z, fun(V) -> V + 1 end, 0, M)]),
    io:format("groups ~p~n", [maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))]),
    io:format("groups2 ~p~n", [maps:groups_from_list(fun erlang:length/1,
                                                     fun lists:reverse/1,
                                                     ["ab", "c", "de", "fgh", ""])]),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 60)]),
    io:format("big fold order ~w~n", [maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], Big)]),
    io:format("big filter ~w~n", [maps:filter(fun(K, _) -> K rem 7 =:= 0 end, Big)]),
    io:format("big map ~w~n", [maps:keys(maps:map(fun(_, V) -> -V end, Big))]),
    io:format("big filtermap ~w~n", [maps:filtermap(fun(K, V) -> K > 55 andalso {true, V * 2} end, Big)]),
    Words = string:lexemes("the quick brown fox jumps over the lazy dog the end", " "),
    Count = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(N) -> N + 1 end, 1, Acc) end,
                        #{}, Words),
    io:format("count ~p~n", [Count]),
    ok.

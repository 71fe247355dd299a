-module(gb_trees_ops).
-export([main/0]).

err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    T = lists:foldl(fun(K, A) -> gb_trees:insert(K, K * K, A) end, gb_trees:empty(), [5, 3, 8, 1, 4, 7, 9, 2, 6]),
    Big = lists:foldl(fun(K, A) -> gb_trees:enter(K rem 97, K, A) end, gb_trees:empty(), lists:seq(1, 1000)),
    Cases = [
      fun() -> gb_trees:to_list(T) end,
      fun() -> {gb_trees:size(T), gb_trees:is_empty(T), gb_trees:is_empty(gb_trees:empty())} end,
      fun() -> {gb_trees:lookup(4, T), gb_trees:lookup(4.0, T), gb_trees:lookup(10, T)} end,
      fun() -> gb_trees:get(7, T) end,
      fun() -> gb_trees:get(70, T) end,
      fun() -> gb_trees:insert(5, x, T) end,
      fun() -> gb_trees:to_list(gb_trees:update(5, x, T)) end,
      fun() -> gb_trees:to_list(gb_trees:delete(5, T)) end,
      fun() -> gb_trees:delete(50, T) end,
      fun() -> gb_trees:to_list(gb_trees:delete_any(50, T)) end,
      fun() -> {V, T1} = gb_trees:take(3, T), {V, gb_trees:keys(T1)} end,
      fun() -> gb_trees:take_any(30, T) end,
      fun() -> {gb_trees:smallest(T), gb_trees:largest(T)} end,
      fun() -> {K, V, T1} = gb_trees:take_smallest(T), {K, V, gb_trees:size(T1)} end,
      fun() -> {K, V, T1} = gb_trees:take_largest(T), {K, V, gb_trees:values(T1)} end,
      fun() -> gb_trees:keys(T) end,
      fun() -> gb_trees:values(T) end,
      fun() -> gb_trees:to_list(gb_trees:map(fun(K, V) -> K + V end, T)) end,
      fun() -> walk(gb_trees:iterator(T)) end,
      fun() -> walk(gb_trees:iterator_from(6, T)) end,
      fun() -> gb_trees:from_orddict([{a, 1}, {b, 2}, {c, 3}]) end,
      fun() -> gb_trees:balance(gb_trees:from_orddict([{a, 1}, {b, 2}])) end,
      fun() -> gb_trees:is_defined(6, T) end,
      fun() -> {gb_trees:size(Big), gb_trees:get(5, Big), lists:sum(gb_trees:values(Big))} end,
      fun() -> gb_trees:size(gb_trees:empty()) end
    ],
    lists:foreach(fun({I, F}) -> io:format("~w: ~w~n", [I, err(F)]) end,
                  lists:zip(lists:seq(1, length(Cases)), Cases)),
    ok.

walk(I) ->
    case gb_trees:next(I) of
        {K, V, I1} -> [{K, V} | walk(I1)];
        none -> []
    end.

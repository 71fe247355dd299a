-module(std_gb_trees).
-export([main/0]).

%% The gb_trees module of OTP 25: the tree shapes its insertions,
%% rebalancing and deletions produce (printed whole), every exported
%% function, keys that compare equal (1 and 1.0) and the errors of bad
%% arguments. Later releases changed the iterators.
%% beamr: later-runtime-differs

main() ->
    basics(),
    insertion(),
    updates(),
    deletion(),
    iteration(),
    errors(),
    ok.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s~n~p~n~w~n", [Label, R, R]).

%% A deterministic permutation of L.
shuffle(L, Seed) ->
    {_, Tagged} = lists:foldl(fun(X, {S, Acc}) ->
                                      S1 = (S * 1103515245 + 12345) band 16#7fffffff,
                                      {S1, [{S1, X} | Acc]}
                              end, {Seed, []}, L),
    [X || {_, X} <- lists:sort(Tagged)].

ins(L) -> lists:foldl(fun(K, T) -> gb_trees:insert(K, K * 10, T) end, gb_trees:empty(), L).

ent(L) -> lists:foldl(fun(K, T) -> gb_trees:enter(K, {v, K}, T) end, gb_trees:empty(), L).

basics() ->
    T = gb_trees:from_orddict([{1, one}, {2, two}, {3, three}, {a, x}, {b, y}, {{t}, t}, {"s", s}]),
    show("empty", fun() -> gb_trees:empty() end),
    show("from_orddict", fun() -> T end),
    show("from_orddict empty", fun() -> gb_trees:from_orddict([]) end),
    show("from_orddict sizes", fun() -> [gb_trees:from_orddict([{K, K} || K <- lists:seq(1, N)]) || N <- lists:seq(1, 9)] end),
    show("from_orddict unordered", fun() -> gb_trees:from_orddict([{3, c}, {1, a}, {2, b}]) end),
    show("size", fun() -> {gb_trees:size(T), gb_trees:size(gb_trees:empty())} end),
    show("is_empty", fun() -> {gb_trees:is_empty(T), gb_trees:is_empty(gb_trees:empty()),
                               gb_trees:is_empty(gb_trees:insert(1, 1, gb_trees:empty()))} end),
    show("to_list", fun() -> gb_trees:to_list(T) end),
    show("keys", fun() -> gb_trees:keys(T) end),
    show("values", fun() -> gb_trees:values(T) end),
    show("lookup", fun() -> [gb_trees:lookup(K, T) || K <- [1, 1.0, 2, 3.0, 4, a, z, "s", {t}]] end),
    show("get", fun() -> [gb_trees:get(K, T) || K <- [1, 2.0, a, b, "s", {t}]] end),
    show("is_defined", fun() -> [gb_trees:is_defined(K, T) || K <- [1, 1.0, 5, a, c]] end),
    show("smallest largest", fun() -> {gb_trees:smallest(T), gb_trees:largest(T)} end),
    show("take_smallest", fun() -> gb_trees:take_smallest(T) end),
    show("take_largest", fun() -> gb_trees:take_largest(T) end),
    show("balance", fun() -> gb_trees:balance(ins(lists:seq(1, 20))) end),
    show("balance shuffled", fun() -> gb_trees:balance(ins(shuffle(lists:seq(1, 13), 4))) end),
    show("balance empty", fun() -> gb_trees:balance(gb_trees:empty()) end),
    show("map", fun() -> gb_trees:map(fun(K, V) -> {K, V} end, T) end),
    show("map empty", fun() -> gb_trees:map(fun(K, V) -> {K, V} end, gb_trees:empty()) end),
    show("map calls", fun() -> put(calls, []),
                               _ = gb_trees:map(fun(K, V) -> put(calls, [K | get(calls)]), V end, ins(shuffle(lists:seq(1, 12), 2))),
                               lists:reverse(erase(calls)) end).

insertion() ->
    lists:foreach(
      fun(N) ->
              show("ascending " ++ integer_to_list(N), fun() -> ins(lists:seq(1, N)) end),
              show("descending " ++ integer_to_list(N), fun() -> ins(lists:seq(N, 1, -1)) end),
              show("shuffled " ++ integer_to_list(N), fun() -> ins(shuffle(lists:seq(1, N), N)) end)
      end, [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100]),
    show("zigzag", fun() -> ins(lists:append([[X, 100 - X] || X <- lists:seq(1, 40)])) end),
    show("enter many", fun() -> lists:foldl(fun(X, T) -> gb_trees:enter(X rem 37, X, T) end,
                                            gb_trees:empty(), lists:seq(1, 200)) end),
    show("enter new", fun() -> ent(shuffle(lists:seq(1, 25), 6)) end),
    show("insert after balance", fun() -> gb_trees:insert(0, zero, gb_trees:balance(ins(lists:seq(1, 30)))) end),
    show("insert after from_orddict", fun() ->
                                              T0 = gb_trees:from_orddict([{K, K} || K <- lists:seq(2, 40, 2)]),
                                              lists:foldl(fun(K, T) -> gb_trees:insert(K, new, T) end, T0, lists:seq(1, 41, 2))
                                      end),
    show("insert after delete", fun() ->
                                        T0 = lists:foldl(fun gb_trees:delete/2, ins(lists:seq(1, 30)), lists:seq(1, 30, 3)),
                                        lists:foldl(fun(K, T) -> gb_trees:insert(K, again, T) end, T0, lists:seq(31, 50))
                                end),
    show("insert mixed keys", fun() -> lists:foldl(fun(K, T) -> gb_trees:insert(K, x, T) end, gb_trees:empty(),
                                                   [b, 3, "str", {1}, 2.5, a, <<"bin">>, [], 1, c, -4, {0, 0}]) end),
    Big = ins(shuffle(lists:seq(1, 3000), 3)),
    show("big hash", fun() -> erlang:phash2(Big) end),
    show("big size", fun() -> gb_trees:size(Big) end),
    show("big depth", fun() -> depth(element(2, Big)) end),
    show("big keys", fun() -> gb_trees:keys(Big) =:= lists:seq(1, 3000) end),
    Asc = ins(lists:seq(1, 1000)),
    show("ascending 1000 hash", fun() -> erlang:phash2(Asc) end),
    show("ascending 1000 depth", fun() -> depth(element(2, Asc)) end).

depth(nil) -> 0;
depth({_, _, L, R}) -> 1 + max(depth(L), depth(R)).

updates() ->
    T = ins(lists:seq(1, 10)),
    show("update", fun() -> gb_trees:update(4, four, T) end),
    show("update float key", fun() -> gb_trees:update(4.0, four, T) end),
    show("update root", fun() -> gb_trees:update(element(1, element(2, T)), root, T) end),
    show("enter existing", fun() -> gb_trees:enter(7, seven, T) end),
    show("enter float", fun() -> gb_trees:enter(7.0, seven, T) end),
    show("enter missing", fun() -> gb_trees:enter(11, eleven, T) end),
    show("enter float missing", fun() -> gb_trees:enter(0.5, half, T) end).

deletion() ->
    T = ins(lists:seq(1, 15)),
    show("delete leaf", fun() -> gb_trees:delete(1, T) end),
    show("delete root", fun() -> gb_trees:delete(element(1, element(2, T)), T) end),
    show("delete inner", fun() -> gb_trees:delete(4, T) end),
    show("delete float", fun() -> gb_trees:delete(4.0, T) end),
    show("delete_any missing", fun() -> gb_trees:delete_any(99, T) =:= T end),
    show("delete_any", fun() -> gb_trees:delete_any(7, T) end),
    show("delete all", fun() -> lists:foldl(fun gb_trees:delete/2, T, shuffle(lists:seq(1, 15), 5)) end),
    show("delete half", fun() -> lists:foldl(fun gb_trees:delete/2, ins(lists:seq(1, 40)), lists:seq(1, 40, 2)) end),
    show("take", fun() -> gb_trees:take(8, T) end),
    show("take float", fun() -> gb_trees:take(3.0, T) end),
    show("take_any", fun() -> {gb_trees:take_any(12, T), gb_trees:take_any(99, T)} end),
    show("take all", fun() -> take_all(shuffle(lists:seq(1, 15), 8), T, []) end),
    show("take_smallest repeated", fun() -> drain_small(ins(lists:seq(1, 10)), []) end),
    show("take_largest repeated", fun() -> drain_large(ins(shuffle(lists:seq(1, 10), 9)), []) end).

take_all([K | Ks], T, Acc) ->
    {V, T1} = gb_trees:take(K, T),
    take_all(Ks, T1, [{V, T1} | Acc]);
take_all([], _, Acc) ->
    lists:reverse(Acc).

drain_small(T, Acc) ->
    case gb_trees:is_empty(T) of
        true -> {lists:reverse(Acc), T};
        false -> {K, V, T1} = gb_trees:take_smallest(T), drain_small(T1, [{K, V, T1} | Acc])
    end.

drain_large(T, Acc) ->
    case gb_trees:is_empty(T) of
        true -> {lists:reverse(Acc), T};
        false -> {K, V, T1} = gb_trees:take_largest(T), drain_large(T1, [{K, V, T1} | Acc])
    end.

iteration() ->
    T = ins(shuffle(lists:seq(1, 20), 11)),
    show("iterator", fun() -> gb_trees:iterator(T) end),
    show("next", fun() -> gb_trees:next(gb_trees:iterator(T)) end),
    show("walk", fun() -> walk(gb_trees:iterator(T)) end),
    show("iterator empty", fun() -> {gb_trees:iterator(gb_trees:empty()),
                                     gb_trees:next(gb_trees:iterator(gb_trees:empty()))} end),
    show("iterator_from", fun() -> [walk(gb_trees:iterator_from(X, T)) || X <- [0, 1, 5, 5.5, 10.0, 20, 21]] end),
    show("iterator_from value", fun() -> gb_trees:iterator_from(7, T) end).

walk(I) ->
    case gb_trees:next(I) of
        {K, V, I1} -> [{K, V} | walk(I1)];
        none -> []
    end.

errors() ->
    T = ins([2, 1, 3]),
    show("size atom", fun() -> gb_trees:size(foo) end),
    show("size bad", fun() -> gb_trees:size({a, nil}) end),
    show("size negative", fun() -> gb_trees:size({-1, nil}) end),
    show("is_empty atom", fun() -> gb_trees:is_empty(foo) end),
    show("lookup atom", fun() -> gb_trees:lookup(1, foo) end),
    show("lookup bad tree", fun() -> gb_trees:lookup(1, {1, foo}) end),
    show("get missing", fun() -> gb_trees:get(9, T) end),
    show("get empty", fun() -> gb_trees:get(9, gb_trees:empty()) end),
    show("is_defined atom", fun() -> gb_trees:is_defined(1, foo) end),
    show("insert existing", fun() -> gb_trees:insert(2, x, T) end),
    show("insert existing float", fun() -> gb_trees:insert(2.0, x, T) end),
    show("insert atom", fun() -> gb_trees:insert(1, x, foo) end),
    show("insert bad size", fun() -> gb_trees:insert(1, x, {a, nil}) end),
    show("update missing", fun() -> gb_trees:update(9, x, T) end),
    show("update atom", fun() -> gb_trees:update(9, x, foo) end),
    show("enter atom", fun() -> gb_trees:enter(9, x, foo) end),
    show("delete missing", fun() -> gb_trees:delete(9, T) end),
    show("delete atom", fun() -> gb_trees:delete(9, foo) end),
    show("delete bad size", fun() -> gb_trees:delete(9, {x, nil}) end),
    show("delete_any atom", fun() -> gb_trees:delete_any(9, foo) end),
    show("take missing", fun() -> gb_trees:take(9, T) end),
    show("take atom", fun() -> gb_trees:take(9, foo) end),
    show("take_any atom", fun() -> gb_trees:take_any(9, foo) end),
    show("smallest empty", fun() -> gb_trees:smallest(gb_trees:empty()) end),
    show("largest empty", fun() -> gb_trees:largest(gb_trees:empty()) end),
    show("take_smallest empty", fun() -> gb_trees:take_smallest(gb_trees:empty()) end),
    show("take_largest empty", fun() -> gb_trees:take_largest(gb_trees:empty()) end),
    show("take_smallest bad size", fun() -> gb_trees:take_smallest({x, {1, 1, nil, nil}}) end),
    show("take_largest bad size", fun() -> gb_trees:take_largest({-2, {1, 1, nil, nil}}) end),
    show("smallest atom", fun() -> gb_trees:smallest(foo) end),
    show("to_list atom", fun() -> gb_trees:to_list(foo) end),
    show("keys atom", fun() -> gb_trees:keys(foo) end),
    show("values atom", fun() -> gb_trees:values(foo) end),
    show("from_orddict atom", fun() -> gb_trees:from_orddict(foo) end),
    show("from_orddict improper", fun() -> gb_trees:from_orddict([{1, 1} | 2]) end),
    show("from_orddict not pairs", fun() -> gb_trees:from_orddict([1, 2, 3]) end),
    show("balance atom", fun() -> gb_trees:balance(foo) end),
    show("balance bad size", fun() -> gb_trees:balance({5, nil}) end),
    show("iterator atom", fun() -> gb_trees:iterator(foo) end),
    show("iterator_from atom", fun() -> gb_trees:iterator_from(1, foo) end),
    show("next atom", fun() -> gb_trees:next(foo) end),
    show("next bad", fun() -> gb_trees:next([foo]) end),
    show("map not a fun", fun() -> gb_trees:map(foo, T) end),
    show("map wrong arity", fun() -> gb_trees:map(fun(X) -> X end, T) end),
    show("map atom", fun() -> gb_trees:map(fun(K, V) -> {K, V} end, foo) end),
    show("map raising", fun() -> gb_trees:map(fun(K, V) -> K + V end, gb_trees:insert(a, 1, T)) end).

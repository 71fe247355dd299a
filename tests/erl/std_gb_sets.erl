-module(std_gb_sets).
-export([main/0]).

%% The gb_sets module of OTP 25: the tree shapes its insertions,
%% rebalancing and set operations produce (printed whole), every exported
%% function, elements that compare equal (1 and 1.0) and the errors of bad
%% arguments. Later releases changed the iterators and check the input of
%% from_ordset/1.
%% beamr: later-runtime-differs

main() ->
    basics(),
    insertion(),
    deletion(),
    set_ops(),
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

ins(L) -> lists:foldl(fun gb_sets:insert/2, gb_sets:new(), L).

basics() ->
    S = gb_sets:from_list([c, a, b, 3, 1, 2.0, 2, 1.0, "s", {t}]),
    show("empty", fun() -> {gb_sets:empty(), gb_sets:new()} end),
    show("singleton", fun() -> gb_sets:singleton(x) end),
    show("from_list", fun() -> S end),
    show("from_list empty", fun() -> gb_sets:from_list([]) end),
    show("from_ordset", fun() -> gb_sets:from_ordset([1, 2, 3, 4, 5, 6, 7]) end),
    show("from_ordset unordered", fun() -> gb_sets:from_ordset([3, 1, 2]) end),
    show("size", fun() -> {gb_sets:size(S), gb_sets:size(gb_sets:empty())} end),
    show("is_empty", fun() -> {gb_sets:is_empty(S), gb_sets:is_empty(gb_sets:empty()), gb_sets:is_empty(gb_sets:singleton(1))} end),
    show("to_list", fun() -> gb_sets:to_list(S) end),
    show("is_member", fun() -> [gb_sets:is_member(X, S) || X <- [a, z, 1, 1.0, 2, 2.0, 3.0, "s", {t}]] end),
    show("is_element", fun() -> [gb_sets:is_element(X, S) || X <- [b, 4]] end),
    show("is_set", fun() -> [gb_sets:is_set(X) || X <- [S, gb_sets:empty(), {0, nil}, {1, nil}, {1, {a, nil, nil}},
                                                         {-1, {a, nil, nil}}, {x, {a, b, c}}, {1, {a, b}}, foo, {}]] end),
    show("smallest largest", fun() -> {gb_sets:smallest(S), gb_sets:largest(S)} end),
    show("take_smallest", fun() -> gb_sets:take_smallest(S) end),
    show("take_largest", fun() -> gb_sets:take_largest(S) end),
    show("balance", fun() -> gb_sets:balance(ins(lists:seq(1, 20))) end),
    show("balance empty", fun() -> gb_sets:balance(gb_sets:empty()) end),
    show("add", fun() -> {gb_sets:add(d, S), gb_sets:add(a, S) =:= S, gb_sets:add(3.0, S) =:= S} end),
    show("add_element", fun() -> gb_sets:add_element(0, S) end).

insertion() ->
    lists:foreach(
      fun(N) ->
              show("ascending " ++ integer_to_list(N), fun() -> ins(lists:seq(1, N)) end),
              show("descending " ++ integer_to_list(N), fun() -> ins(lists:seq(N, 1, -1)) end),
              show("shuffled " ++ integer_to_list(N), fun() -> ins(shuffle(lists:seq(1, N), N)) end)
      end, [1, 2, 3, 4, 5, 8, 9, 16, 17, 33, 64, 100]),
    show("add many", fun() -> lists:foldl(fun gb_sets:add/2, gb_sets:empty(), [X rem 37 || X <- lists:seq(1, 200)]) end),
    show("insert after balance", fun() -> gb_sets:insert(0, gb_sets:balance(ins(lists:seq(1, 30)))) end),
    Big = ins(shuffle(lists:seq(1, 2000), 3)),
    show("big hash", fun() -> erlang:phash2(Big) end),
    show("big size", fun() -> gb_sets:size(Big) end),
    show("big depth", fun() -> depth(element(2, Big)) end),
    show("big seq", fun() -> gb_sets:to_list(Big) =:= lists:seq(1, 2000) end).

depth(nil) -> 0;
depth({_, L, R}) -> 1 + max(depth(L), depth(R)).

deletion() ->
    S = ins(lists:seq(1, 15)),
    show("delete leaf", fun() -> gb_sets:delete(1, S) end),
    show("delete root", fun() -> gb_sets:delete(element(1, element(2, S)), S) end),
    show("delete inner", fun() -> gb_sets:delete(4, S) end),
    show("delete float", fun() -> gb_sets:delete(4.0, S) end),
    show("delete_any missing", fun() -> gb_sets:delete_any(99, S) =:= S end),
    show("delete_any", fun() -> gb_sets:delete_any(7, S) end),
    show("del_element", fun() -> gb_sets:del_element(8, S) end),
    show("delete all", fun() -> lists:foldl(fun gb_sets:delete/2, S, shuffle(lists:seq(1, 15), 5)) end),
    show("delete half", fun() -> lists:foldl(fun gb_sets:delete/2, ins(lists:seq(1, 40)), lists:seq(1, 40, 2)) end),
    show("take_smallest repeated", fun() -> drain_small(ins(lists:seq(1, 10)), []) end),
    show("take_largest repeated", fun() -> drain_large(ins(shuffle(lists:seq(1, 10), 9)), []) end).

drain_small(S, Acc) ->
    case gb_sets:is_empty(S) of
        true -> {lists:reverse(Acc), S};
        false -> {X, S1} = gb_sets:take_smallest(S), drain_small(S1, [{X, S1} | Acc])
    end.

drain_large(S, Acc) ->
    case gb_sets:is_empty(S) of
        true -> {lists:reverse(Acc), S};
        false -> {X, S1} = gb_sets:take_largest(S), drain_large(S1, [{X, S1} | Acc])
    end.

set_ops() ->
    Sizes = [0, 1, 3, 9, 10, 11, 25, 60, 150],
    Sets = [{N, ins(shuffle([X * 3 || X <- lists:seq(1, N)], N + 1))} || N <- Sizes],
    Others = [{N, gb_sets:from_list([X * 2 || X <- lists:seq(1, N)])} || N <- Sizes],
    lists:foreach(
      fun({{N1, A}, {N2, B}}) ->
              Tag = io_lib:format("~w/~w ", [N1, N2]),
              show(Tag ++ "union", fun() -> gb_sets:union(A, B) end),
              show(Tag ++ "intersection", fun() -> gb_sets:intersection(A, B) end),
              show(Tag ++ "difference", fun() -> gb_sets:difference(A, B) end),
              show(Tag ++ "subtract", fun() -> gb_sets:subtract(B, A) end),
              show(Tag ++ "is_subset", fun() -> {gb_sets:is_subset(A, B), gb_sets:is_subset(B, A),
                                                 gb_sets:is_subset(gb_sets:intersection(A, B), A)} end),
              show(Tag ++ "is_disjoint", fun() -> {gb_sets:is_disjoint(A, B), gb_sets:is_disjoint(B, A)} end)
      end, [{X, Y} || X <- Sets, Y <- Others]),
    Ints = gb_sets:from_list([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    Floats = gb_sets:from_list([2.0, 4.0, 6.0, 13.0]),
    show("union equal elements", fun() -> {gb_sets:union(Ints, Floats), gb_sets:union(Floats, Ints)} end),
    show("intersection equal elements", fun() -> {gb_sets:intersection(Ints, Floats), gb_sets:intersection(Floats, Ints)} end),
    show("difference equal elements", fun() -> {gb_sets:difference(Ints, Floats), gb_sets:difference(Floats, Ints)} end),
    show("union/1", fun() -> gb_sets:union([Ints, Floats, gb_sets:singleton(a)]) end),
    show("union/1 one", fun() -> gb_sets:union([Floats]) end),
    show("union/1 none", fun() -> gb_sets:union([]) end),
    show("intersection/1", fun() -> gb_sets:intersection([Ints, Floats, gb_sets:from_list([4, 6.0, 13])]) end),
    show("intersection/1 one", fun() -> gb_sets:intersection([Floats]) end),
    show("is_subset equal", fun() -> {gb_sets:is_subset(Floats, Ints), gb_sets:is_subset(gb_sets:from_list([2.0, 4]), Ints)} end),
    show("is_disjoint equal", fun() -> gb_sets:is_disjoint(gb_sets:from_list([13]), Floats) end),
    Big = ins(lists:seq(1, 300)),
    show("union small into big", fun() -> gb_sets:union(gb_sets:from_list([0.5, 150.5, 301]), Big) end),
    show("intersection small big", fun() -> gb_sets:intersection(gb_sets:from_list([0.5, 150.0, 300]), Big) end),
    show("difference small big", fun() -> gb_sets:difference(gb_sets:from_list([0.5, 150.0, 300]), Big) end),
    show("difference big small", fun() -> gb_sets:difference(Big, gb_sets:from_list(lists:seq(1, 300, 7))) end),
    show("is_subset small big", fun() -> {gb_sets:is_subset(gb_sets:from_list([1, 150.0, 300]), Big),
                                          gb_sets:is_subset(gb_sets:from_list([1, 150.5]), Big)} end).

iteration() ->
    S = ins(shuffle(lists:seq(1, 20), 11)),
    show("iterator", fun() -> gb_sets:iterator(S) end),
    show("next", fun() -> gb_sets:next(gb_sets:iterator(S)) end),
    show("walk", fun() -> walk(gb_sets:iterator(S)) end),
    show("iterator empty", fun() -> {gb_sets:iterator(gb_sets:empty()), gb_sets:next(gb_sets:iterator(gb_sets:empty()))} end),
    show("iterator_from", fun() -> [walk(gb_sets:iterator_from(X, S)) || X <- [0, 1, 5, 5.5, 10.0, 20, 21]] end),
    show("iterator_from value", fun() -> gb_sets:iterator_from(7, S) end),
    show("fold", fun() -> gb_sets:fold(fun(X, A) -> [X | A] end, [], S) end),
    show("fold empty", fun() -> gb_sets:fold(fun(X, A) -> [X | A] end, none, gb_sets:empty()) end),
    show("filter", fun() -> gb_sets:filter(fun(X) -> X rem 3 =:= 0 end, S) end),
    show("filter none", fun() -> gb_sets:filter(fun(_) -> false end, S) end),
    show("filter calls", fun() -> put(calls, []),
                                  _ = gb_sets:filter(fun(X) -> put(calls, [X | get(calls)]), true end, S),
                                  lists:reverse(erase(calls)) end).

walk(I) ->
    case gb_sets:next(I) of
        {X, I1} -> [X | walk(I1)];
        none -> []
    end.

errors() ->
    S = gb_sets:from_list([1, 2, 3]),
    show("size atom", fun() -> gb_sets:size(foo) end),
    show("size pair", fun() -> gb_sets:size({a, b}) end),
    show("is_empty atom", fun() -> gb_sets:is_empty(foo) end),
    show("is_member atom", fun() -> gb_sets:is_member(1, foo) end),
    show("insert existing", fun() -> gb_sets:insert(2, S) end),
    show("insert existing float", fun() -> gb_sets:insert(2.0, S) end),
    show("insert atom", fun() -> gb_sets:insert(1, foo) end),
    show("insert bad size", fun() -> gb_sets:insert(1, {a, nil}) end),
    show("add atom", fun() -> gb_sets:add(1, foo) end),
    show("delete missing", fun() -> gb_sets:delete(9, S) end),
    show("delete atom", fun() -> gb_sets:delete(9, foo) end),
    show("delete_any atom", fun() -> gb_sets:delete_any(9, foo) end),
    show("smallest empty", fun() -> gb_sets:smallest(gb_sets:empty()) end),
    show("largest empty", fun() -> gb_sets:largest(gb_sets:empty()) end),
    show("take_smallest empty", fun() -> gb_sets:take_smallest(gb_sets:empty()) end),
    show("take_largest empty", fun() -> gb_sets:take_largest(gb_sets:empty()) end),
    show("smallest atom", fun() -> gb_sets:smallest(foo) end),
    show("to_list atom", fun() -> gb_sets:to_list(foo) end),
    show("from_list atom", fun() -> gb_sets:from_list(foo) end),
    show("from_list improper", fun() -> gb_sets:from_list([1 | 2]) end),
    show("from_ordset atom", fun() -> gb_sets:from_ordset(foo) end),
    show("balance atom", fun() -> gb_sets:balance(foo) end),
    show("balance bad size", fun() -> gb_sets:balance({5, nil}) end),
    show("union atom", fun() -> gb_sets:union(S, foo) end),
    show("union/1 atom", fun() -> gb_sets:union(foo) end),
    show("union/1 one non-set", fun() -> gb_sets:union([foo]) end),
    show("intersection atom", fun() -> gb_sets:intersection(foo, S) end),
    show("intersection/1 empty", fun() -> gb_sets:intersection([]) end),
    show("intersection/1 one non-set", fun() -> gb_sets:intersection([foo]) end),
    show("difference atom", fun() -> gb_sets:difference(S, foo) end),
    show("is_subset atom", fun() -> gb_sets:is_subset(foo, S) end),
    show("is_disjoint atom", fun() -> gb_sets:is_disjoint(S, foo) end),
    show("iterator atom", fun() -> gb_sets:iterator(foo) end),
    show("iterator_from atom", fun() -> gb_sets:iterator_from(1, foo) end),
    show("next atom", fun() -> gb_sets:next(foo) end),
    show("next bad", fun() -> gb_sets:next([foo]) end),
    show("fold not a fun", fun() -> gb_sets:fold(foo, 0, S) end),
    show("fold atom", fun() -> gb_sets:fold(fun erlang:max/2, 0, foo) end),
    show("fold raising", fun() -> gb_sets:fold(fun erlang:'+'/2, a, S) end),
    show("filter not a fun", fun() -> gb_sets:filter(foo, S) end),
    show("filter atom", fun() -> gb_sets:filter(fun erlang:is_atom/1, foo) end),
    show("filter non-boolean", fun() -> gb_sets:filter(fun erlang:abs/1, S) end).

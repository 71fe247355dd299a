-module(std_dict).
-export([main/0]).

%% The dict module of OTP 25: its segmented hash table keyed by
%% erlang:phash/2 (printed whole), every exported function, growth and
%% shrinking of the table, the order in which funs are called, and the
%% errors of bad arguments. Later releases encode atoms differently in
%% term_to_binary/1, which changes one printed size.
%% beamr: later-runtime-differs

main() ->
    basics(),
    updates(),
    growth(),
    higher_order(),
    errors(),
    ok.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s~n~p~n~w~n", [Label, R, R]).

%% A deterministic mix of key types.
key(I) ->
    case I rem 9 of
        0 -> I;
        1 -> -I * 7919;
        2 -> I * 1.5;
        3 -> list_to_atom("k" ++ integer_to_list(I));
        4 -> integer_to_binary(I);
        5 -> {I, [I]};
        6 -> [I, I + 1];
        7 -> (1 bsl 70) + I;
        8 -> {I}
    end.

pairs(N) -> [{key(I), I} || I <- lists:seq(1, N)].

%% A deterministic permutation of L.
shuffle(L) ->
    {_, Tagged} = lists:foldl(fun(X, {S, Acc}) ->
                                      S1 = (S * 1103515245 + 12345) band 16#7fffffff,
                                      {S1, [{S1, X} | Acc]}
                              end, {7, []}, L),
    [X || {_, X} <- lists:sort(Tagged)].

basics() ->
    D = dict:from_list([{b, 2}, {a, 1}, {c, 3}, {a, 10}, {1, one}, {1.0, float_one}]),
    show("new", fun() -> dict:new() end),
    show("from_list", fun() -> D end),
    show("from_list empty", fun() -> dict:from_list([]) end),
    show("size", fun() -> {dict:size(D), dict:size(dict:new())} end),
    show("is_empty", fun() -> {dict:is_empty(D), dict:is_empty(dict:new())} end),
    show("is_key", fun() -> [dict:is_key(K, D) || K <- [a, b, z, 1, 1.0, 2.0]] end),
    show("to_list", fun() -> dict:to_list(D) end),
    show("fetch_keys", fun() -> dict:fetch_keys(D) end),
    show("fetch", fun() -> [dict:fetch(K, D) || K <- [a, b, c, 1, 1.0]] end),
    show("find", fun() -> [dict:find(K, D) || K <- [a, z, 1.0, 2]] end),
    show("erase", fun() -> dict:erase(a, D) end),
    show("erase missing", fun() -> dict:erase(zz, D) =:= D end),
    show("take", fun() -> dict:take(b, D) end),
    show("take missing", fun() -> dict:take(zz, D) end),
    show("empty to_list", fun() -> {dict:to_list(dict:new()), dict:fetch_keys(dict:new())} end),
    show("same bucket order", fun() ->
                                      D1 = lists:foldl(fun(I, A) -> dict:store(I, I, A) end, dict:new(), lists:seq(1, 60)),
                                      {D1, dict:to_list(D1)}
                              end).

updates() ->
    D = dict:from_list([{a, [1]}, {b, 5}, {c, 1.5}]),
    show("store new", fun() -> dict:store(d, 4, D) end),
    show("store replace", fun() -> dict:store(a, x, D) end),
    show("append", fun() -> dict:append(a, 2, D) end),
    show("append new", fun() -> dict:append(z, 2, D) end),
    show("append_list", fun() -> dict:append_list(a, [2, 3], D) end),
    show("append_list new", fun() -> dict:append_list(z, [2, 3], D) end),
    show("append_list improper", fun() -> dict:append_list(a, foo, D) end),
    show("append_list new improper", fun() -> dict:append_list(z, foo, D) end),
    show("update/3", fun() -> dict:update(b, fun(V) -> V * 10 end, D) end),
    show("update/4 existing", fun() -> dict:update(b, fun(V) -> V * 10 end, 0, D) end),
    show("update/4 new", fun() -> dict:update(q, fun(V) -> V * 10 end, 0, D) end),
    show("update_counter", fun() -> dict:update_counter(b, 3, D) end),
    show("update_counter float", fun() -> dict:update_counter(c, 2.5, D) end),
    show("update_counter new", fun() -> dict:update_counter(n, 7, D) end),
    show("bag", fun() ->
                        B = lists:foldl(fun({K, V}, A) -> dict:append(K, V, A) end, dict:new(),
                                        [{x, 1}, {y, 2}, {x, 3}, {x, 4}, {y, 5}]),
                        {B, dict:to_list(B)}
                end).

growth() ->
    All = pairs(400),
    lists:foreach(
      fun(N) ->
              D = dict:from_list(lists:sublist(All, N)),
              show("grown " ++ integer_to_list(N), fun() -> D end),
              show("grown list " ++ integer_to_list(N), fun() -> dict:to_list(D) end)
      end, [1, 16, 80, 81, 82, 161, 170, 321, 400]),
    Full = dict:from_list(All),
    shrink(Full, shuffle([K || {K, _} <- All]), 400, [399, 300, 240, 239, 200, 96, 95, 48, 47, 20, 0]),
    Big = dict:from_list([{I, I * I} || I <- lists:seq(1, 1000)]),
    show("big hash", fun() -> erlang:phash2(Big) end),
    show("big to_list", fun() -> dict:to_list(Big) end),
    show("big store existing", fun() -> dict:store(500, x, Big) =:= dict:store(500, x, dict:store(500, y, Big)) end),
    Filtered = dict:filter(fun(K, _) -> K rem 7 =:= 0 end, Big),
    show("big filter", fun() -> Filtered end),
    show("filter then erase missing", fun() -> dict:erase(nope, Filtered) end),
    show("filter then store", fun() -> dict:store(nope, 1, Filtered) end),
    show("filter then update_counter", fun() -> dict:update_counter(7, 1, Filtered) end),
    show("ext size", fun() -> byte_size(term_to_binary(dict:from_list(pairs(200)))) end).

shrink(_, _, _, []) -> ok;
shrink(D, Order, N, [Target | Ts]) when N =:= Target ->
    show("shrunk " ++ integer_to_list(N), fun() -> D end),
    show("shrunk keys " ++ integer_to_list(N), fun() -> dict:fetch_keys(D) end),
    shrink(D, Order, N, Ts);
shrink(D, [K | Order], N, Ts) ->
    D1 = case N rem 2 of
             0 -> dict:erase(K, D);
             1 -> {_, D2} = dict:take(K, D), D2
         end,
    shrink(D1, Order, N - 1, Ts).

higher_order() ->
    D = dict:from_list(pairs(50)),
    show("fold", fun() -> dict:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], D) end),
    show("fold sum", fun() -> dict:fold(fun(_, V, Acc) -> V + Acc end, 0, D) end),
    show("fold empty", fun() -> dict:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, none, dict:new()) end),
    show("map", fun() -> dict:map(fun(K, V) -> {K, V * 2} end, D) end),
    show("map empty", fun() -> dict:map(fun(K, V) -> {K, V} end, dict:new()) end),
    show("map calls", fun() -> put(calls, []),
                               _ = dict:map(fun(K, V) -> put(calls, [K | get(calls)]), V end, D),
                               lists:reverse(erase(calls)) end),
    show("filter", fun() -> dict:filter(fun(_, V) -> V rem 3 =:= 0 end, D) end),
    show("filter calls", fun() -> put(calls, []),
                                  _ = dict:filter(fun(K, _) -> put(calls, [K | get(calls)]), true end, D),
                                  lists:reverse(erase(calls)) end),
    show("filter none", fun() -> dict:filter(fun(_, _) -> false end, D) end),
    show("filter empty", fun() -> dict:filter(fun(_, _) -> false end, dict:new()) end),
    D2 = dict:from_list([{key(I), -I} || I <- lists:seq(40, 70)]),
    Merge = fun(K, V1, V2) -> {K, V1, V2} end,
    show("merge", fun() -> dict:merge(Merge, D, D2) end),
    show("merge rev", fun() -> dict:merge(Merge, D2, D) end),
    show("merge list", fun() -> lists:sort(dict:to_list(dict:merge(Merge, D, D2))) end),
    show("merge equal sizes", fun() -> dict:merge(Merge, dict:from_list([{a, 1}, {b, 2}]),
                                                   dict:from_list([{b, 3}, {c, 4}])) end),
    show("merge empty", fun() -> {dict:merge(Merge, dict:new(), D2) =:= D2, dict:merge(Merge, D2, dict:new()) =:= D2} end),
    show("merge calls", fun() -> put(calls, []),
                                 _ = dict:merge(fun(K, V1, _) -> put(calls, [K | get(calls)]), V1 end, D, D2),
                                 lists:reverse(erase(calls)) end).

errors() ->
    D = dict:from_list([{a, 1}, {b, [x]}, {c, 3}]),
    show("from_list atom", fun() -> dict:from_list(foo) end),
    show("from_list bad element", fun() -> dict:from_list([{a, 1}, b]) end),
    show("from_list improper", fun() -> dict:from_list([{a, 1} | b]) end),
    show("size atom", fun() -> dict:size(foo) end),
    show("size bad record", fun() -> dict:size({dict, -1, 2, 3, 4, 5, 6, 7, 8}) end),
    show("is_empty atom", fun() -> dict:is_empty(foo) end),
    show("is_key atom", fun() -> dict:is_key(a, foo) end),
    show("to_list atom", fun() -> dict:to_list(foo) end),
    show("fetch_keys atom", fun() -> dict:fetch_keys(foo) end),
    show("fetch missing", fun() -> dict:fetch(z, D) end),
    show("fetch atom", fun() -> dict:fetch(z, foo) end),
    show("find atom", fun() -> dict:find(z, foo) end),
    show("erase atom", fun() -> dict:erase(z, foo) end),
    show("take atom", fun() -> dict:take(z, foo) end),
    show("store atom", fun() -> dict:store(z, 1, foo) end),
    show("append atom", fun() -> dict:append(z, 1, foo) end),
    show("append to non-list", fun() -> dict:append(a, 1, D) end),
    show("append to improper", fun() -> dict:append(b, 1, dict:store(b, [x | y], D)) end),
    show("append_list to non-list", fun() -> dict:append_list(a, [1], D) end),
    show("append_list atom", fun() -> dict:append_list(a, [1], foo) end),
    show("update missing", fun() -> dict:update(z, fun(V) -> V end, D) end),
    show("update fun throws badarg", fun() -> dict:update(a, fun(_) -> throw(badarg) end, D) end),
    show("update fun throws other", fun() -> dict:update(a, fun(_) -> throw(other) end, D) end),
    show("update fun errors", fun() -> dict:update(a, fun erlang:atom_to_list/1, D) end),
    show("update not a fun", fun() -> dict:update(a, foo, D) end),
    show("update not a fun missing", fun() -> dict:update(z, foo, D) end),
    show("update atom", fun() -> dict:update(a, fun(V) -> V end, foo) end),
    show("update/4 not a fun missing", fun() -> dict:update(z, foo, 0, D) end),
    show("update/4 not a fun existing", fun() -> dict:update(a, foo, 0, D) end),
    show("update/4 arity", fun() -> dict:update(z, fun erlang:max/2, 0, D) end),
    show("update/4 atom", fun() -> dict:update(z, fun erlang:abs/1, 0, foo) end),
    show("update_counter not a number", fun() -> dict:update_counter(a, x, D) end),
    show("update_counter non-number value", fun() -> dict:update_counter(b, 1, D) end),
    show("update_counter atom", fun() -> dict:update_counter(b, 1, foo) end),
    show("fold not a fun", fun() -> dict:fold(foo, 0, D) end),
    show("fold not a fun empty", fun() -> dict:fold(foo, 0, dict:new()) end),
    show("fold arity", fun() -> dict:fold(fun erlang:max/2, 0, D) end),
    show("fold not a fun last bucket", fun() -> dict:fold(foo, 0, dict:from_list([{I, I} || I <- lists:seq(1, 40)])) end),
    show("fold atom", fun() -> dict:fold(fun erlang:max/2, 0, foo) end),
    show("map not a fun", fun() -> dict:map(foo, D) end),
    show("map not a fun empty", fun() -> dict:map(foo, dict:new()) end),
    show("map arity", fun() -> dict:map(fun erlang:abs/1, D) end),
    show("map atom", fun() -> dict:map(fun erlang:max/2, foo) end),
    show("filter not a fun", fun() -> dict:filter(foo, D) end),
    show("filter not a fun empty", fun() -> dict:filter(foo, dict:new()) end),
    show("filter non-boolean", fun() -> dict:filter(fun erlang:max/2, D) end),
    show("filter atom", fun() -> dict:filter(fun erlang:max/2, foo) end),
    show("merge atom 1", fun() -> dict:merge(fun(_, A, _) -> A end, foo, D) end),
    show("merge atom 2", fun() -> dict:merge(fun(_, A, _) -> A end, D, foo) end),
    show("merge atom empty", fun() -> dict:merge(fun(_, A, _) -> A end, foo, dict:new()) end),
    show("merge not a fun", fun() -> dict:merge(foo, D, dict:from_list([{a, 2}])) end).

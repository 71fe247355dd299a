-module(small_modules).
-export([main/0]).

err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    D0 = orddict:from_list([{b, 2}, {a, 1}, {c, 3}, {a, 9}]),
    io:format("~p~n", [D0]),
    D1 = orddict:store(bb, 5, orddict:erase(c, D0)),
    io:format("~p ~p ~p~n", [D1, orddict:find(a, D1), orddict:find(zz, D1)]),
    io:format("~p~n", [orddict:update_counter(a, 10, orddict:update_counter(q, 1, D1))]),
    io:format("~p~n", [orddict:append(b, x, orddict:append(n, y, [{b, [w]}]))]),
    io:format("~p~n", [orddict:fold(fun(K, V, A) -> [{V, K} | A] end, [], D1)]),
    io:format("~p~n", [orddict:merge(fun(_, A, B) -> A + B end, [{a, 1}, {c, 3}], [{a, 10}, {b, 2}])]),
    io:format("~p ~p~n", [orddict:take(a, D1), orddict:fetch_keys(D1)]),
    io:format("~p~n", [err(fun() -> orddict:fetch(zz, D1) end)]),
    io:format("~p~n", [orddict:update(a, fun(X) -> X * 2 end, D1)]),
    S1 = ordsets:from_list([c, a, b, a]),
    S2 = ordsets:from_list([b, d]),
    io:format("~p ~p ~p ~p~n", [S1, ordsets:union(S1, S2), ordsets:intersection(S1, S2), ordsets:subtract(S1, S2)]),
    io:format("~p ~p ~p~n", [ordsets:is_element(b, S1), ordsets:is_subset([a], S1), ordsets:is_disjoint(S1, [x])]),
    io:format("~p ~p~n", [ordsets:add_element(bb, S1), ordsets:del_element(a, S1)]),
    io:format("~p ~p~n", [ordsets:union([S1, S2, [z]]), ordsets:intersection([S1, S2])]),
    P = [{a, 1}, b, {c, 2, 3}, {a, 4}, {d, [x]}, {d, y}],
    io:format("~p ~p ~p ~p~n", [proplists:get_value(a, P), proplists:get_value(b, P),
                                proplists:get_value(c, P), proplists:get_value(z, P, def)]),
    io:format("~p ~p ~p~n", [proplists:get_all_values(a, P), proplists:lookup(c, P), proplists:lookup_all(a, P)]),
    io:format("~p ~p ~p~n", [proplists:is_defined(b, P), proplists:get_bool(b, P), proplists:delete(a, P)]),
    io:format("~p ~p~n", [proplists:append_values(d, P), proplists:compact([{a, true}, {b, 1}])]),
    io:format("~p~n", [proplists:unfold([a, {b, 1}])]),
    io:format("~p~n", [proplists:split(P, [a, d])]),
    io:format("~p~n", [proplists:to_map([{a, 1}, b, {a, 2}])]),
    io:format("~p~n", [proplists:substitute_aliases([{a, aa}], P)]),
    ok.

-module(stdlib_otp_proplists).
-export([main/0]).

%% proplists: lookups, values, expansion, normalisation, negations,
%% splitting and the map conversions, on lists mixing atoms, pairs and
%% longer tuples. Written to run on OTP 25's proplists beam and on beamr's
%% own, with the same output. Later releases print maps with atom keys in
%% another order and changed get_keys/1's order.
%% beamr: later-runtime-differs

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    L = [a, {b, 1}, {c, 2, extra}, {a, false}, "junk", {d, [x]}, b, {e}],
    show("property/1", fun() -> [proplists:property(P) || P <- [a, {a, true}, {b, 1}, {c, 1, 2}]] end),
    show("property/2", fun() -> [proplists:property(K, V) || {K, V} <- [{a, true}, {b, 1}]] end),
    show("lookup", fun() -> [proplists:lookup(K, L) || K <- [a, b, c, d, e, z]] end),
    show("lookup_all", fun() -> [proplists:lookup_all(K, L) || K <- [a, b, c, z]] end),
    show("is_defined", fun() -> [proplists:is_defined(K, L) || K <- [a, e, z, "junk"]] end),
    show("get_value/2", fun() -> [proplists:get_value(K, L) || K <- [a, b, c, d, z]] end),
    show("get_value/3", fun() -> [proplists:get_value(K, L, dflt) || K <- [a, z]] end),
    show("get_all_values", fun() -> [proplists:get_all_values(K, L) || K <- [a, b, c, z]] end),
    show("append_values", fun() -> proplists:append_values(d, [{d, [1]}, {d, 2}, d, {d, [3, 4]}]) end),
    show("get_bool", fun() -> [proplists:get_bool(K, L) || K <- [a, b, e, z]] end),
    show("get_keys", fun() -> proplists:get_keys(L) end),
    show("delete", fun() -> proplists:delete(a, L) end),
    show("substitute_aliases", fun() -> proplists:substitute_aliases([{a, aa}, {b, bb}], L) end),
    show("substitute_negations", fun() ->
                                         proplists:substitute_negations([{no_a, a}, {off, b}],
                                                                        [no_a, {off, true}, {off, false}, a, c])
                                 end),
    show("expand", fun() ->
                           proplists:expand([{foo, [bar, baz]}, {{quux, true}, [{quux, false}, zot]}],
                                            [fie, foo, {quux, true}, fum])
                   end),
    show("normalize", fun() ->
                              proplists:normalize([a, no_b, {c, 1}, d],
                                                  [{aliases, [{d, dd}]}, {negations, [{no_b, b}]},
                                                   {expand, [{a, [x, y]}]}])
                      end),
    show("compact", fun() -> proplists:compact([{a, true}, {b, false}, {c, true, x}, d]) end),
    show("unfold", fun() -> proplists:unfold([a, {b, 1}, "s", c]) end),
    show("split", fun() -> proplists:split([{c, 2}, {e, 1}, a, {c, 3, 4}, d, {b, 5}, b], [a, b, c]) end),
    show("to_map", fun() -> proplists:to_map([a, {b, 1}, {c, 2}, {b, 3}, d, {e, x, y}]) end),
    show("to_map/2", fun() ->
                             proplists:to_map([no_a, {b, 1}, x], [{negations, [{no_a, a}]}, {aliases, [{x, y}]}])
                     end),
    show("from_map", fun() -> lists:sort(proplists:from_map(#{a => 1, b => true, c => [x]})) end),
    show("bad lookup", fun() -> proplists:lookup(a, not_a_list) end),
    show("bad get_value", fun() -> proplists:get_value(a, [{a, 1} | tail]) end),
    ok.

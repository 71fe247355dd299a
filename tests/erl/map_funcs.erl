-module(map_funcs).
-export([main/0]).

%% The basic maps module functions on small maps.

main() ->
    M = #{a => 1, b => 2, c => 3},
    io:format("get ~p ~p~n", [maps:get(a, M), maps:get(z, M, default)]),
    io:format("find ~p ~p~n", [maps:find(b, M), maps:find(z, M)]),
    io:format("put ~p~n", [maps:put(d, 4, M)]),
    io:format("put same ~p~n", [maps:put(a, 1, M) =:= M]),
    io:format("remove ~p ~p~n", [maps:remove(a, M), maps:remove(z, M)]),
    io:format("update ~p~n", [maps:update(c, 30, M)]),
    io:format("merge ~p~n", [maps:merge(M, #{c => 33, e => 5})]),
    io:format("merge empty ~p ~p~n", [maps:merge(#{}, M), maps:merge(M, #{})]),
    io:format("keys ~p~n", [maps:keys(M)]),
    io:format("values ~p~n", [maps:values(M)]),
    io:format("to_list ~p~n", [maps:to_list(M)]),
    io:format("from_list ~p~n", [maps:from_list([{x, 1}, {y, 2}, {x, 3}])]),
    io:format("from_keys ~p~n", [maps:from_keys([k1, k2, k1], v)]),
    io:format("size ~p ~p~n", [maps:size(M), map_size(#{})]),
    io:format("is_key ~p ~p~n", [maps:is_key(a, M), maps:is_key(1, M)]),
    io:format("take ~p ~p~n", [maps:take(b, M), maps:take(z, M)]),
    io:format("with ~p~n", [maps:with([a, c, z], M)]),
    io:format("without ~p~n", [maps:without([a, c, z], M)]),
    io:format("new ~p~n", [maps:new()]),
    io:format("merge_with ~p~n",
              [maps:merge_with(fun(_K, V1, V2) -> V1 + V2 end, M, #{a => 10, d => 4})]),
    io:format("intersect ~p~n", [maps:intersect(M, #{a => x, z => y})]),
    io:format("intersect_with ~p~n",
              [maps:intersect_with(fun(K, V1, V2) -> {K, V1, V2} end, M, #{c => 9, b => 8})]),
    io:format("map_get ~p~n", [map_get(c, M)]),
    io:format("is_map_key ~p~n", [[is_map_key(K, M) || K <- [a, b, z]]]),
    ok.

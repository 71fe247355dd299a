-module(map_iterator).
-export([main/0]).

%% maps:iterator/1 and maps:next/1 on small and large maps, iteration
%% after updates, and the iterator value on an empty map.

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, I2} -> [{K, V} | walk(I2)]
    end.

take(0, _I) -> [];
take(N, I) ->
    case maps:next(I) of
        none -> [];
        {K, _V, I2} -> [K | take(N - 1, I2)]
    end.

main() ->
    Small = #{c => 3, a => 1, b => 2},
    io:format("small ~p~n", [walk(maps:iterator(Small))]),
    io:format("empty ~p~n", [walk(maps:iterator(#{}))]),
    io:format("empty next ~p~n", [maps:next(maps:iterator(#{}))]),
    io:format("same as to_list ~p~n", [walk(maps:iterator(Small)) =:= maps:to_list(Small)]),
    Mixed = #{1 => a, 2.5 => b, "s" => c, <<"b">> => d, {t} => e, [] => f, z => g},
    io:format("mixed ~p~n", [walk(maps:iterator(Mixed))]),
    Big = maps:from_list([{I, I * 2} || I <- lists:seq(1, 100)]),
    BigWalk = walk(maps:iterator(Big)),
    io:format("big len ~p same ~p~n", [length(BigWalk), BigWalk =:= maps:to_list(Big)]),
    io:format("big first 20 ~w~n", [take(20, maps:iterator(Big))]),
    Bins = maps:from_list([{integer_to_binary(I), I} || I <- lists:seq(1, 40)]),
    io:format("binaries first 15 ~p~n", [take(15, maps:iterator(Bins))]),
    Big2 = maps:remove(50, Big#{101 => x}),
    io:format("updated len ~p same ~p~n", [length(walk(maps:iterator(Big2))),
                                          walk(maps:iterator(Big2)) =:= maps:to_list(Big2)]),
    io:format("bad next ~p~n", [try maps:next({a, b, c}) catch C:R -> {C, R} end]),
    ok.

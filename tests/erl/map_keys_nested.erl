-module(map_keys_nested).
-export([main/0]).

%% Maps used as keys, nested maps, and term order between maps.

main() ->
    K1 = #{a => 1},
    K2 = #{a => 1, b => 2},
    K3 = #{b => 2, a => 1},
    M = #{K1 => one, K2 => two, #{} => zero, #{#{x => y} => z} => deep},
    io:format("~p~n", [M]),
    io:format("lookup ~p ~p ~p~n", [maps:get(K3, M), maps:get(#{}, M), maps:find(#{a => 1.0}, M)]),
    Nested = #{l1 => #{l2 => #{l3 => #{l4 => leaf}}}},
    #{l1 := #{l2 := #{l3 := L3}}} = Nested,
    io:format("nested ~p ~p~n", [L3, Nested]),
    Updated = Nested#{l1 := #{l2 => changed}},
    io:format("updated ~p~n", [Updated]),
    %% term order of maps: size first, then keys, then values
    Ms = [#{b => 1}, #{a => 2}, #{a => 1}, #{}, #{a => 1, b => 1}, #{1 => x}, #{1.0 => x},
          #{c => 0}, #{a => 1, b => 0}, #{z => 0, y => 0, x => 0}],
    io:format("sorted ~p~n", [lists:sort(Ms)]),
    io:format("compare ~p~n", [[#{a => 1} < #{b => 0}, #{1 => a} < #{1.0 => a},
                                #{1 => a} == #{1.0 => a}, #{a => 1} < #{a => 1, b => 2},
                                #{a => 2} > #{a => 1}, #{} < {}]]),
    %% big maps as keys and big map comparison
    Big1 = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    Big2 = maps:put(40, 41, Big1),
    io:format("big cmp ~p ~p ~p~n", [Big1 < Big2, Big1 =:= maps:put(40, 40, Big2),
                                     lists:sort([Big2, Big1, #{a => 1}]) =:= [#{a => 1}, Big1, Big2]]),
    BM = #{Big1 => first, Big2 => second},
    io:format("big keys ~p ~p~n", [maps:get(Big1, BM), maps:get(Big2, BM)]),
    io:format("tuple of maps ~p~n", [lists:sort([{#{b => 1}}, {#{a => 1}}, {#{a => 0, b => 0}}])]),
    ok.

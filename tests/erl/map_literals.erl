-module(map_literals).
-export([main/0]).

%% Map literals of different key types and sizes, printed with ~p and ~w,
%% and their equality with maps built at run time.

id(X) -> X.

main() ->
    Ms = [#{},
          #{a => 1},
          #{b => 2, a => 1},
          #{1 => one, 1.0 => float_one, "1" => string, <<"1">> => bin, '1' => atom},
          #{{1, 2} => tuple, [1, 2] => list, #{} => empty_map, #{k => v} => map},
          #{z => 26, y => 25, x => 24, w => 23, v => 22},
          #{-1 => neg, 0 => zero, 1 => pos, 1 bsl 70 => big, -(1 bsl 70) => negbig},
          #{nested => #{deeper => #{deepest => [1, 2, 3]}}},
          #{<<"key">> => <<"value">>, "k" => "v"}],
    lists:foreach(fun(M) ->
                          io:format("~w~n", [M]),
                          io:format("~p~n", [M]),
                          io:format("size ~w same ~w~n",
                                    [map_size(M), maps:from_list(maps:to_list(M)) =:= M])
                  end, Ms),
    %% literals with variable keys and values
    K = id(key), V = id(value),
    M1 = #{K => V, other => K},
    io:format("var ~p~n", [M1]),
    %% duplicate keys in a literal: the last one wins
    M2 = #{a => 1, a => 2},
    M3 = #{K => 1, key => 2},
    io:format("dup ~p ~p~n", [M2, M3]),
    %% integer versus float keys are distinct
    io:format("num keys ~p~n", [#{1 => int, 1.0 => flt}]),
    io:format("eq ~w ~w~n", [#{1 => a} == #{1.0 => a}, #{1 => a} =:= #{1.0 => a}]),
    %% printing of a 32-key map (still small)
    M32 = maps:from_list([{I, I * I} || I <- lists:seq(1, 32)]),
    io:format("~p~n", [M32]),
    ok.

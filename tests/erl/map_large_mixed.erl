-module(map_large_mixed).
-export([main/0]).

%% Large maps with keys of mixed types (tuples, binaries, strings,
%% floats, nested maps): printing order and lookups. No key contains
%% an atom: in OTP 25 atoms are hashed by their atom table index, which
%% would make the order depend on when atoms were created.

main() ->
    Keys = [{I, I * 2} || I <- lists:seq(1, 10)] ++
        [integer_to_binary(I) || I <- lists:seq(1, 10)] ++
        [integer_to_list(I) || I <- lists:seq(1, 10)] ++
        [I + 0.5 || I <- lists:seq(1, 10)] ++
        [#{0 => I} || I <- lists:seq(1, 5)] ++
        [[I, I] || I <- lists:seq(1, 5)],
    M = maps:from_list([{K, N} || {N, K} <- lists:enumerate(Keys)]),
    io:format("size ~w~n", [map_size(M)]),
    io:format("~p~n", [M]),
    io:format("lookups ~w~n", [[maps:get(K, M) || K <- [{3, 6}, <<"7">>, "10", 4.5, #{0 => 2}, [5, 5]]]]),
    io:format("missing ~w~n", [[maps:find(K, M) || K <- [{3}, <<"11">>, 4, #{0 => 9}]]]),
    Bins = maps:from_list([{<<I:32>>, I} || I <- lists:seq(1, 35)]),
    io:format("bins ~w~n", [maps:values(Bins)]),
    Floats = maps:from_list([{I / 7, I} || I <- lists:seq(1, 35)]),
    io:format("floats ~w~n", [maps:values(Floats)]),
    Tuples = maps:from_list([{{I, -I}, I} || I <- lists:seq(1, 35)]),
    io:format("tuples ~w~n", [maps:values(Tuples)]),
    ok.

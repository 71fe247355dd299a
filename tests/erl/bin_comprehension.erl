-module(bin_comprehension).
-export([main/0]).

%% Binary comprehensions: list and binary generators, filters, nested
%% generators, size expressions, and results of odd bit sizes.

main() ->
    B = <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10>>,
    io:format("double ~w~n", [<< <<(X * 2)>> || <<X>> <= B >>]),
    io:format("odd ~w~n", [<< <<X>> || <<X>> <= B, X rem 2 =:= 1 >>]),
    io:format("from list ~w~n", [<< <<X:16>> || X <- [1, 256, 65535] >>]),
    io:format("pairs ~w~n", [[{X, Y} || <<X:4, Y:4>> <= <<16#12, 16#34, 16#AB>>]]),
    io:format("nibbles ~w~n", [<< <<Y:4, X:4>> || <<X:4, Y:4>> <= <<16#12, 16#34, 16#AB>> >>]),
    io:format("bits ~w~n", [<< <<X:1>> || X <- [1, 0, 1, 1, 0] >>]),
    io:format("bits2 ~w~n", [<< <<(bnot X):1>> || <<X:1>> <= <<16#F0, 1:3>> >>]),
    io:format("nested ~w~n", [<< <<X, Y>> || <<X>> <= <<1, 2>>, <<Y>> <= <<10, 20, 30>> >>]),
    io:format("binseg ~w~n", [<< <<S/binary, "-">> || S <- [<<"ab">>, <<>>, <<"c">>] >>]),
    io:format("filter ~w~n", [<< <<C>> || <<C>> <= <<"Hello, World!">>, C >= $a, C =< $z >>]),
    io:format("upper ~s~n", [<< <<(C - 32)>> || <<C>> <= <<"binary">> >>]),
    io:format("sized ~w~n", [[X || <<L:8, X:L>> <= <<4, 9:4, 12, 4095:12, 0, 8, 200:8>>]]),
    io:format("words ~w~n", [[W || <<W:16/little>> <= <<1, 0, 2, 0, 3>>]]),
    io:format("empty ~w ~w~n", [<< <<X>> || <<X>> <= <<>> >>, << <<X>> || X <- [] >>]),
    io:format("sum ~w~n", [lists:sum([X || <<X:32>> <= << <<I:32>> || I <- lists:seq(1, 100) >>])]),
    Big = << <<(I rem 256):8>> || I <- lists:seq(1, 1000) >>,
    io:format("big ~w ~w ~w~n", [byte_size(Big), binary:part(Big, 250, 10), erlang:crc32(Big)]),
    io:format("utf8 ~w~n", [[C || <<C/utf8>> <= <<"añ€"/utf8>>]]),
    io:format("to utf8 ~w~n", [<< <<C/utf8>> || C <- [97, 241, 8364] >>]),
    io:format("lc of bin pairs ~w~n", [[X + Y || <<X, Y>> <= <<1, 2, 3, 4, 5>>]]),
    io:format("float ~w~n", [[F || <<F:32/float>> <= <<1.5:32/float, 2.0:32/float>>]]),
    io:format("mixed ~w~n", [<< <<X:3, Y:5>> || {X, Y} <- [{1, 2}, {7, 31}], X > 0 >>]),
    ok.

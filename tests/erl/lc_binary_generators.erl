-module(lc_binary_generators).
-export([main/0]).

%% Binary generators (<=) inside list comprehensions, and list generators
%% mixed with binary ones; binary comprehensions producing binaries.

main() ->
    B = <<1, 2, 3, 4, 5, 6>>,
    io:format("bytes ~w~n", [[X || <<X>> <= B]]),
    io:format("pairs ~w~n", [[{X, Y} || <<X, Y>> <= B]]),
    io:format("words ~w~n", [[W || <<W:16>> <= B]]),
    io:format("leftover ~w~n", [[X || <<X:16>> <= <<1, 2, 3>>]]),
    io:format("bits ~w~n", [[X || <<X:1>> <= <<2#10110000>>]]),
    io:format("nibbles ~w~n", [[X || <<X:4>> <= <<16#AB, 16#CD>>]]),
    io:format("filter ~w~n", [[X || <<X>> <= B, X rem 2 =:= 0]]),
    io:format("string ~p~n", [[C || <<C>> <= <<"hello">>, C =/= $l]]),
    io:format("mixed ~w~n", [[{X, L} || <<X>> <= <<1, 2>>, L <- [a, b]]]),
    io:format("listfirst ~w~n", [[{L, X} || L <- [a, b], <<X>> <= <<1, 2>>]]),
    io:format("binout ~w~n", [<< <<(X * 2)>> || <<X>> <= B >>]),
    io:format("binfromlist ~w~n", [<< <<X:16>> || X <- [1, 256, 65535] >>]),
    io:format("pattern ~w~n", [[X || <<1:1, X:7>> <= <<200, 100, 255, 1>>]]),
    io:format("utf8 ~w~n", [[C || <<C/utf8>> <= <<"aé€"/utf8>>]]),
    io:format("sized ~w~n", [[X || <<Len, X:Len/binary>> <= <<2, 7, 8, 1, 9>>]]),
    io:format("big ~w~n", [lists:sum([X || <<X:32>> <= << <<I:32>> || I <- lists:seq(1, 1000) >>])]),
    io:format("empty ~w~n", [[X || <<X>> <= <<>>]]),
    ok.

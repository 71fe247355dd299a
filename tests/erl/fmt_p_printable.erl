-module(fmt_p_printable).
-export([main/0]).

%% When ~p shows a list as a string or a binary as <<"...">>: printable
%% latin1 characters, escapes for control characters, and mixed lists.

main() ->
    Lists = ["abc", "", [$a, 0], "tab\there", "new\nline", [7, 8, 9, 10, 11, 12, 13, 27],
             [$a, 127], [$a, 128], [$a, 160], "quote\"s", "back\\slash", "single'q",
             [31], [32], [1, 2, 3], [$a | $b], [[$a], [$b]], [$\e], "\r\n", "\v\f",
             lists:seq(32, 126), [$a, 256], [$a, -1], [$a, 1.0]],
    [io:format("~p~n", [L]) || L <- Lists],
    Bins = [<<>>, <<"abc">>, <<0>>, <<"x\ny">>, <<"tab\t">>, <<1, 2, 3>>, <<"abc", 0>>,
            <<"\e[0m">>, <<127>>, <<160, 161>>, <<"quote\"">>, <<"a", 200>>, <<"abc", 1:2>>,
            <<"odd":12>>],
    [io:format("~p~n", [B]) || B <- Bins],
    io:format("~p~n", [{"tuple str", ["list", "of", "strs"], <<"bin">>}]),
    io:format("~lp~n", ["not a string with l"]),
    io:format("~lp~n", [[<<"bin">>, "str"]]),
    io:format("~w~n", ["w never strings"]),
    io:format("~p~n", [['an atom', 'Quoted', 'with space', '', [], 'a@b', 'a.b', 'é']]),
    io:format("~p~n", [[true, false, undefined, 'fun', 'receive', 'end', 'and', 'div']]),
    io:format("~p~n", [[-1, 1.0, -0.0, 1.0e20, 1.0e-20, 123456789012345678901234567890]]),
    ok.

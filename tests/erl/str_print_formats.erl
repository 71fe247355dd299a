-module(str_print_formats).
-export([main/0]).

%% Strings as lists: when ~p shows a list as a string, ~s with lists,
%% iolists and binaries, escapes, padding and truncation.

main() ->
    Ls = ["hello", "", "with space", "tab\there", "new\nline", "quote\"d", "back\\slash",
          [7, 8, 27, 127], [0], [255, 200], [31], [32, 126], "abc" ++ [1000],
          [$a | $b], [104, 105], [1, 2, 3], [97, 98, 99, -1], [[97]], "\x{e9}t\x{e9}"],
    lists:foreach(fun(S) -> io:format("~p ~w~n", [S, S]) end, Ls),
    io:format("s [~s] [~s] [~s]~n", ["plain", [$a, [$b, [$c]], "d"], <<"bin">>]),
    io:format("iolist [~s]~n", [["ab", <<"cd">>, $e, [[<<"f">>]]]]),
    io:format("pad [~10s] [~-10s] [~.3s] [~10.3s] [~-6.2s]~n", ["abc", "abc", "abcdef", "abcdef", "xyz"]),
    io:format("padchar [~10.5.*s]~n", [$*, "abc"]),
    io:format("c [~c] [~3c] [~-3c|]~n", [$x, $y, $z]),
    io:format("p width ~10p|~n", ["ab"]),
    io:format("nested ~p~n", [{"key", ["v1", "v2"], [{"k", "v"}]}]),
    io:format("long ~p~n", [[lists:duplicate(30, $x), lists:duplicate(30, $y), lists:duplicate(30, $z)]]),
    io:format("tilde ~~ percent % ~n"),
    io:format("i [~i]~n", [ignored]),
    io:format("string ~s~n", [io_lib:format("~p", ["inner"])]),
    io:format("write_string ~s~n", [io_lib:write_string("a\"b")]),
    io:format("printable ~w~n", [[io_lib:printable_list(S) || S <- ["abc", [1], [], "\n\t", [256]]]]),
    io:format("printable_latin1 ~w~n", [[io_lib:printable_latin1_list(S) || S <- ["abc", [200], [256]]]]),
    R = try io_lib:format("~s", [[256]]) catch C:E -> {C, E} end,
    io:format("wide ~w~n", [R]),
    ok.

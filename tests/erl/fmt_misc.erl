-module(fmt_misc).
-export([main/0]).

%% io_lib functions and remaining control sequences: io_lib:format
%% results (deep char lists), io_lib:write/print, ~i, ~n, ~~, ~W, ~P,
%% io_lib:fwrite errors and io_lib:format with chars lists.

main() ->
    R = io_lib:format("~w-~s-~p", [1, "two", three]),
    io:format("deep ~w~n", [is_list(R)]),
    io:format("flat ~s~n", [lists:flatten(R)]),
    io:format("write ~s~n", [lists:flatten(io_lib:write({a, [1, 2], "s"}))]),
    io:format("write depth ~s~n", [lists:flatten(io_lib:write(lists:seq(1, 20), 5))]),
    io:format("print ~s~n", [lists:flatten(io_lib:print({a, "s"}))]),
    io:format("write_atom ~s ~s~n", [io_lib:write_atom('Hello'), io_lib:write_atom(ok)]),
    io:format("write_string ~s~n", [io_lib:write_string("a\"b")]),
    io:format("write_char ~s~n", [io_lib:write_char($a)]),
    io:format("format atom ~s~n", [lists:flatten(io_lib:format('~w', [x]))]),
    io:format("format binary ~s~n", [lists:flatten(io_lib:format(<<"~w">>, [y]))]),
    io:format("~i~w~n", [skipped, shown]),
    io:format("tilde ~~ percent % done~n"),
    io:format("~W ~W~n", [[1, 2, 3, 4, 5], 3, {a, {b, {c, {d}}}}, 3]),
    io:format("~P~n", [#{a => #{b => #{c => 1}}, z => [1, 2, 3, 4]}, 3]),
    io:format("~P~n", [<<"a long binary value">>, 3]),
    io:format("~W~n", [<<1, 2, 3, 4, 5, 6, 7, 8>>, 3]),
    io:format("~p ~w~n", [fun lists:map/2, fun erlang:length/1]),
    io:format("indent ~s~n", [io_lib:indentation("ab\ncd", 5) =:= 2]),
    io:format("chars_length ~w~n", [io_lib:chars_length(R)]),
    io:format("printable ~w ~w ~w~n", [io_lib:printable_list("abc"), io_lib:printable_list([1]),
                                       io_lib:printable_latin1_list([233])]),
    io:format("fwrite ~s~n", [lists:flatten(io_lib:fwrite("~4.2.0f", [3.14159]))]),
    io:format("scan ~p~n", [io_lib:scan_format("~w and ~10s", [a, "b"])]),
    io:format("unscan ~p~n", [io_lib:unscan_format(io_lib:scan_format("~w and ~10s", [a, "b"]))]),
    io:format("build ~s~n", [io_lib:build_text(io_lib:scan_format("<~w>", [z]))]),
    io:format("bad format ~p~n", [try io_lib:format("~q", [1]) catch C:E -> {C, E} end]),
    io:format("bad args ~p~n", [try io_lib:format("~w", not_a_list) catch C2:E2 -> {C2, E2} end]),
    ok.

-module(io_lib_shapes).
-export([main/0]).
-compile(nowarn_format).

%% io_lib:format/2's result shape at the top level, io_lib helpers and
%% io output encoding.
err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    io:format("~w~n", [io_lib:format("a~nb~c~~|~.2f~i~*c", [$x, 1.5, z, 2, $y])]),
    io:format("~w~n", [io_lib:format("~s~w", ["", 12])]),
    io:format("~w~n", [io_lib:format("~p", ["abc"])]),
    io:format("~w~n", [io_lib:format(<<"x~w">>, [a])]),
    io:format("~w~n", [io_lib:format(abc, [])]),
    io:format("~w~n", [io_lib:format("~ts", [<<"é"/utf8>>])]),
    io:format("~w~n", [io_lib:format("~b~x~e~g~+~#~B~X", [5, 10, "0x", 1.0, 2.0, 3, 4, 5, 255, "$"])]),
    io:format("~w~n", [err(fun() -> io_lib:format("~w", []) end)]),
    io:format("~s~n", [io_lib:write({a, "b", [1.5]})]),
    io:format("~s~n", [io_lib:print({a, "b", [1.5]})]),
    io:format("~s ~s~n", [io_lib:write_atom('hello world'), io_lib:write_string("a\"b")]),
    io:format("~w~n", [[io_lib:printable_list(L) || L <- ["abc", [1024], [200], "a\nb", [a]]]]),
    io:format("~w~n", [[io_lib:printable_unicode_list(L) || L <- ["abc", [1024], [200], [-1]]]]),
    io:format("~w~n", [[io_lib:char_list(L) || L <- ["abc", [1024], [16#D800], [a], "a" ++ b]]]),
    io:format("~w~n", [[io_lib:deep_char_list(L) || L <- [["a", [$b]], [[a]]]]]),
    io:format("~s|~s~n", [io_lib_format:fwrite_g(0.1), io_lib_format:fwrite_g(1.0e20)]),
    io:format("~w ~w~n", [io_lib:nl(), io_lib:indentation("ab\tc", 0)]),
    io:format("~ts|~ts~n", [[1024, 233], <<"é"/utf8>>]),
    io:put_chars([<<"é"/utf8>>, [1024], "x\n"]),
    io:format("~w~n", [err(fun() -> io:put_chars(<<255>>) end)]),
    io:format("~w~n", [err(fun() -> io:format("~s~n", [[1024]]) end)]),
    io:write({x, [1024]}), io:nl(),
    io:format(standard_io, "to ~s~n", ["standard_io"]),
    io:fwrite("fwrite ~w~n", [ok]),
    io:format("~w~n", [io:put_chars(standard_io, "chars\n")]),
    ok.

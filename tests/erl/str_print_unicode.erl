-module(str_print_unicode).
-export([main/0]).

%% Unicode strings through ~ts/~tp versus ~s/~p on the default (latin1)
%% standard output, and unicode:characters_to_list/binary conversions.
%% Output characters are restricted to ASCII plus \x{..} escapes.

main() ->
    U = [16#3B1, 16#3B2, $x, 16#65E5],
    io:format("p ~p~n", [U]),
    io:format("tp ~tp~n", [U]),
    io:format("w ~w~n", [U]),
    io:format("ts ~ts~n", [U]),
    io:format("tp atom ~tp~n", [list_to_atom(U)]),
    io:format("tp tuple ~tp~n", [{U, "ascii"}]),
    io:format("tp bin ~tp~n", [unicode:characters_to_binary(U)]),
    io:format("p bin ~p~n", [unicode:characters_to_binary(U)]),
    io:format("c2l ~w~n", [unicode:characters_to_list(<<206, 177, 120>>)]),
    io:format("c2b ~w~n", [unicode:characters_to_binary([16#20AC, $a])]),
    io:format("c2b latin1 ~w~n", [unicode:characters_to_binary([233], latin1, utf8)]),
    io:format("c2l bad ~w~n", [unicode:characters_to_list(<<255, 97>>)]),
    io:format("c2l incomplete ~w~n", [unicode:characters_to_list(<<97, 206>>)]),
    io:format("utf16 ~w~n", [unicode:characters_to_binary([16#1F600], unicode, utf16)]),
    io:format("printable ~w ~w~n", [io_lib:printable_unicode_list(U), io_lib:printable_list(U)]),
    io:format("lists ~w~n", [io_lib:format("~ts", [U])]),
    ok.

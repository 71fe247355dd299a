-module(atom_print_quoting).
-export([main/0]).

%% When ~p and ~w quote atoms: capitals, leading underscore or digit,
%% spaces and punctuation, reserved words, empty atom, escapes. ~s and
%% ~ts print the bare text.

main() ->
    As = [ok, 'Ok', '_ok', ok_1, 'ok-1', 'ok.1', 'ok@host', 'a b', '', '1abc', 'hello\nworld',
          'it\'s', 'back\\slash', 'tab\there', '[]', '{}', '+', '*', '=:=', 'true', 'nil',
          'after', 'and', 'andalso', 'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr', 'bxor',
          'case', 'catch', 'cond', 'div', 'end', 'fun', 'if', 'let', 'not', 'of', 'or',
          'orelse', 'receive', 'rem', 'try', 'when', 'xor', aB, 'aB@', 'a@b@c', '@', 'a.', 'x"y',
          'semi;colon', '$', '%', 'del\x7f', 'nul\x00', 'ctl\e'],
    lists:foreach(
      fun(A) -> io:format("~p ~w ~w|~n", [A, A, atom_to_list(A)]) end, As),
    io:format("bare ~s ~s ~s ~s ~s|~n", ['a b', '', 'it\'s', 'x"y', 'Ok']),
    io:format("list ~p~n", [['A', b, 'C d']]),
    io:format("tuple ~w~n", [{'EXIT', normal, 'Fun'}]),
    io:format("str ~s ~s~n", [hello, 'Hello World']),
    io:format("pad [~10s] [~-10s] [~3s]~n", [abc, abc, abcdef]),
    io:format("lib ~s~n", [io_lib:write_atom('needs quote')]),
    io:format("lib2 ~s~n", [io_lib:write_atom(plain)]),
    io:format("atom_to_list ~w ~w~n", [atom_to_list('a b'), atom_to_list('')]),
    ok.

-module(string_length_slice).
-export([main/0]).

%% string:length counts grapheme clusters; slice, take, next_grapheme,
%% next_codepoint, to_graphemes on ASCII and combining sequences.

main() ->
    Cases = ["hello", "", [$e, 16#301, $x], [16#1F600, $a], "\r\n", [16#65E5, 16#672C], <<"bytes">>,
             <<"caf", 16#C3, 16#A9>>, ["ab", <<"cd">>, [$e]]],
    lists:foreach(
      fun(S) -> io:format("~w: len=~w~n", [S, string:length(S)]) end, Cases),
    io:format("graphemes ~w~n", [string:to_graphemes([$a, $e, 16#301, $\r, $\n, $b])]),
    io:format("slice ~p ~p ~p ~p~n", [string:slice("hello world", 6), string:slice("hello world", 0, 5),
                                      string:slice("abc", 5), string:slice("abc", 1, 100)]),
    io:format("slice combining ~w~n", [string:slice([$a, $e, 16#301, $b], 1, 1)]),
    io:format("slice bin ~p~n", [string:slice(<<"hello">>, 1, 3)]),
    io:format("take ~p ~p~n", [string:take("aaabbb", "a"), string:take("aaabbb", "a", true)]),
    io:format("take trailing ~p~n", [string:take("xxyyy", "y", false, trailing)]),
    io:format("next_grapheme ~w ~w~n", [string:next_grapheme([$e, 16#301, $z]), string:next_grapheme("")]),
    io:format("next_codepoint ~w~n", [string:next_codepoint([$e, 16#301, $z])]),
    io:format("next bin ~p~n", [string:next_grapheme(<<"ab">>)]),
    io:format("old len ~w ~w~n", [string:len("hello"), string:len("")]),
    io:format("substr ~p ~p~n", [string:substr("hello", 2), string:substr("hello", 2, 3)]),
    io:format("sub_string ~p~n", [string:sub_string("hello world", 7, 9)]),
    io:format("left right ~p ~p~n", [string:left("abc", 5, $.), string:right("abc", 5, $.)]),
    io:format("centre ~p~n", [string:centre("ab", 6)]),
    ok.

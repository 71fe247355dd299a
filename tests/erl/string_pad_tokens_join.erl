-module(string_pad_tokens_join).
-export([main/0]).

%% string:pad/2,3,4, string:tokens, string:join, string:copies,
%% string:words, string:chars, string:concat.

main() ->
    io:format("pad [~ts] [~ts] [~ts]~n", [string:pad("ab", 6), string:pad("ab", 6, leading),
                                          string:pad("ab", 6, both)]),
    io:format("pad char [~ts] [~ts]~n", [string:pad("ab", 7, both, $*), string:pad("abcdef", 3)]),
    io:format("pad raw ~p~n", [string:pad("x", 3, trailing, "-")]),
    io:format("pad bin ~p~n", [string:pad(<<"b">>, 3)]),
    io:format("tokens ~p~n", [string:tokens("a b  c", " ")]),
    io:format("tokens multi ~p~n", [string:tokens("a,b;;c", ",;")]),
    io:format("tokens empty ~p ~p~n", [string:tokens("", ","), string:tokens(",,,", ",")]),
    io:format("join ~p ~p ~p~n", [string:join(["a", "b", "c"], ", "), string:join([], "-"), string:join(["x"], "-")]),
    io:format("copies ~p ~p~n", [string:copies("ab", 3), string:copies("x", 0)]),
    io:format("words ~w ~w~n", [string:words("hello big world"), string:words("a,b", $,)]),
    io:format("sub_word ~p~n", [string:sub_word("hello big world", 2)]),
    io:format("chars ~p ~p~n", [string:chars($z, 4), string:chars($z, 2, "tail")]),
    io:format("concat ~p~n", [string:concat("ab", "cd")]),
    io:format("strip ~p ~p ~p~n", [string:strip("  x  "), string:strip("..x..", left, $.),
                                   string:strip("..x..", right, $.)]),
    io:format("span ~w ~w~n", [string:span("aabbc", "ab"), string:cspan("hello", "l")]),
    ok.

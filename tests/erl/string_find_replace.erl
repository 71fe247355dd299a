-module(string_find_replace).
-export([main/0]).

%% string:find/2,3, string:replace/3,4, string:prefix, str/rstr and
%% string:equal.

main() ->
    io:format("find ~p ~p ~p~n", [string:find("hello world", "o"), string:find("hello world", "o", trailing),
                                  string:find("hello", "z")]),
    io:format("find start ~p ~p~n", [string:find("abcabc", "abc"), string:find("abcabc", "abc", trailing)]),
    io:format("find empty ~p ~p~n", [string:find("abc", ""), string:find("", "a")]),
    io:format("find bin ~p~n", [string:find(<<"key: value">>, ": ")]),
    io:format("replace ~p~n", [string:replace("a-b-c", "-", "+")]),
    io:format("replace all ~p~n", [string:replace("a-b-c", "-", "+", all)]),
    io:format("replace trailing ~p~n", [string:replace("a-b-c", "-", "+", trailing)]),
    io:format("replace flat ~s~n", [string:replace("one two two", "two", "2", all)]),
    io:format("replace none ~p~n", [string:replace("abc", "x", "y", all)]),
    io:format("replace bin ~p~n", [string:replace(<<"aaa">>, "a", "bb", all)]),
    io:format("prefix ~p ~p ~p~n", [string:prefix("foobar", "foo"), string:prefix("foobar", "bar"),
                                    string:prefix(<<"foobar">>, "fo")]),
    io:format("str ~w ~w ~w~n", [string:str("hello", "ll"), string:str("hello", "x"), string:rstr("abab", "ab")]),
    io:format("chr ~w ~w~n", [string:chr("hello", $l), string:rchr("hello", $l)]),
    io:format("equal ~w ~w ~w~n", [string:equal("abc", "abc"), string:equal("abc", "ABC"),
                                   string:equal("abc", <<"abc">>)]),
    io:format("equal case ~w ~w~n", [string:equal("abc", "ABC", true), string:equal("abc", "abd", true)]),
    io:format("equal norm ~w~n", [string:equal([$e, 16#301], [16#E9], false, nfc)]),
    io:format("is_empty ~w ~w ~w~n", [string:is_empty(""), string:is_empty([[], <<>>]), string:is_empty("a")]),
    ok.

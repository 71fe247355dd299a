-module(string_split_trim).
-export([main/0]).

%% string:split/2,3, string:trim/1,2,3, string:lexemes, chomp, on lists
%% and binaries.

main() ->
    io:format("split ~p~n", [string:split("a,b,c", ",")]),
    io:format("split all ~p~n", [string:split("a,b,,c,", ",", all)]),
    io:format("split trailing ~p~n", [string:split("a,b,c", ",", trailing)]),
    io:format("split leading ~p~n", [string:split("a,b,c", ",", leading)]),
    io:format("split none ~p~n", [string:split("abc", ",")]),
    io:format("split multi ~p~n", [string:split("a::b::c", "::", all)]),
    io:format("split empty ~p ~p~n", [string:split("", ","), string:split(",", ",", all)]),
    io:format("split bin ~p~n", [string:split(<<"k=v=w">>, "=")]),
    io:format("split bin all ~p~n", [string:split(<<"1 2  3">>, <<" ">>, all)]),
    io:format("trim ~p ~p ~p~n", [string:trim("  hi  "), string:trim("\t\n x \r\n"), string:trim("")]),
    io:format("trim dir ~p ~p ~p~n", [string:trim("  hi  ", leading), string:trim("  hi  ", trailing),
                                      string:trim("  hi  ", both)]),
    io:format("trim chars ~p ~p~n", [string:trim("xxhixx", both, "x"), string:trim("-=a=-", both, "-=")]),
    io:format("trim bin ~p ~p~n", [string:trim(<<"  bin  ">>), string:trim(<<"..b..">>, trailing, ".")]),
    io:format("trim all ~p~n", [string:trim("     ")]),
    io:format("lexemes ~p~n", [string:lexemes("  the  quick brown ", " ")]),
    io:format("lexemes multi ~p~n", [string:lexemes("a,b;c,,d", ",;")]),
    io:format("lexemes bin ~p~n", [string:lexemes(<<"x y  z">>, " ")]),
    io:format("chomp ~p ~p ~p~n", [string:chomp("line\n"), string:chomp("line\r\n"), string:chomp("line")]),
    io:format("crlf ~p~n", [string:split("a\r\nb\r\nc", "\r\n", all)]),
    io:format("deep ~p~n", [string:split(["ab", [$,, "cd"]], ",")]),
    ok.

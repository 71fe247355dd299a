-module(string_funcs).
-export([main/0]).

%% The string module (unicode-aware functions, OTP 20+) on lists and
%% binaries, ASCII inputs plus a few non-ASCII ones printed as code points.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    t("length", fun() -> [string:length(S) || S <- ["abc", <<"abc">>, "", [$a, [$b, <<"cd">>]]]] end),
    t("uppercase", fun() -> {string:uppercase("hello World"), string:uppercase(<<"mixed Case">>)} end),
    t("lowercase", fun() -> {string:lowercase("HELLO"), string:lowercase(<<"ABC def">>)} end),
    t("casefold", fun() -> string:casefold("StraSSe") end),
    t("titlecase", fun() -> {string:titlecase("hello"), string:titlecase(<<"x">>)} end),
    t("trim", fun() -> {string:trim("  a b  "), string:trim(<<"\t\nx\r\n">>), string:trim("xxaxx", both, "x")} end),
    t("trim leading", fun() -> {string:trim("  a  ", leading), string:trim("  a  ", trailing)} end),
    t("pad", fun() -> {string:pad("ab", 5), string:pad("ab", 5, leading), string:pad("ab", 6, both, $*)} end),
    t("pad bin", fun() -> string:pad(<<"ab">>, 4, trailing, $.) end),
    t("split", fun() -> {string:split("a,b,c", ","), string:split("a,b,c", ",", all),
                         string:split("a,b,c", ",", trailing)} end),
    t("split bin", fun() -> string:split(<<"k=v=w">>, "=", all) end),
    t("lexemes", fun() -> {string:lexemes("  a  b c ", " "), string:lexemes(<<"a,b;;c">>, ",;")} end),
    t("find", fun() -> {string:find("hello world", "o"), string:find("hello world", "o", trailing),
                        string:find("hello", "z")} end),
    t("replace", fun() -> {string:replace("a-b-c", "-", "+"), string:replace("a-b-c", "-", "+", all)} end),
    t("replace bin", fun() -> string:replace(<<"a-b">>, "-", <<"::">>, all) end),
    t("slice", fun() -> {string:slice("hello", 1, 3), string:slice(<<"hello">>, 2), string:slice("hi", 5)} end),
    t("reverse", fun() -> {string:reverse("abc"), string:reverse(<<"abc">>)} end),
    t("equal", fun() -> {string:equal("abc", <<"abc">>), string:equal("a", "A", true), string:equal("a", "b")} end),
    t("prefix", fun() -> {string:prefix("prefix", "pre"), string:prefix(<<"prefix">>, "pre"), string:prefix("a", "b")} end),
    t("is_empty", fun() -> [string:is_empty(S) || S <- ["", <<>>, [[], <<>>], " "]] end),
    t("to_integer", fun() -> [string:to_integer(S) || S <- ["123abc", "-7", "abc", <<"42 rest">>, "+5", ""]] end),
    t("to_float", fun() -> [string:to_float(S) || S <- ["1.5x", "1e3", "2.0e3y", "abc", <<"-0.5">>]] end),
    t("take", fun() -> {string:take("aaabc", "a"), string:take("aaabc", "a", true), string:take("abc", "c", true, trailing)} end),
    t("chomp", fun() -> {string:chomp("line\n"), string:chomp("line\r\n"), string:chomp(<<"x\n\n">>)} end),
    t("next_grapheme", fun() -> string:next_grapheme("abc") end),
    t("next_codepoint", fun() -> string:next_codepoint(<<"xyz">>) end),
    t("nth_lexeme", fun() -> string:nth_lexeme("a b c", 2, " ") end),
    t("unicode length", fun() -> [string:length(S) || S <- [[16#E5, 16#E4], <<16#C3, 16#A5>>, [$e, 16#301], [16#1F600]]] end),
    t("unicode upper", fun() -> string:uppercase([16#E5, 16#3C9, 16#DF]) end),
    t("unicode reverse", fun() -> string:reverse([$a, $e, 16#301, $b]) end),
    t("old api", fun() -> {string:join(["a", "b"], "-"), string:substr("hello", 2, 3), string:tokens("a b,c", " ,"),
                           string:str("hello", "ll"), string:chr("hello", $l), string:copies("ab", 3),
                           string:strip("  x  "), string:left("ab", 4, $.), string:right("ab", 4, $.),
                           string:to_upper("abc"), string:words("a b  c")}
                   end),
    ok.

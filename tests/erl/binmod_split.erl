-module(binmod_split).
-export([main/0]).

%% binary:split/2,3 with single and multiple patterns and the global,
%% trim, trim_all and scope options.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    S = <<"a,b,,c,,">>,
    t("split1", fun() -> binary:split(S, <<",">>) end),
    t("global", fun() -> binary:split(S, <<",">>, [global]) end),
    t("trim", fun() -> binary:split(S, <<",">>, [global, trim]) end),
    t("trim_all", fun() -> binary:split(S, <<",">>, [global, trim_all]) end),
    t("trim only", fun() -> binary:split(<<",,x,,">>, <<",">>, [trim]) end),
    t("trim_all only", fun() -> binary:split(<<",,x,,">>, <<",">>, [trim_all]) end),
    t("multi", fun() -> binary:split(<<"a-b_c-d">>, [<<"-">>, <<"_">>], [global]) end),
    t("overlap", fun() -> binary:split(<<"aaaa">>, [<<"aa">>, <<"a">>], [global]) end),
    t("longest first", fun() -> binary:split(<<"xabcx">>, [<<"ab">>, <<"abc">>], [global]) end),
    t("scope", fun() -> binary:split(<<"1,2,3,4">>, <<",">>, [global, {scope, {2, 3}}]) end),
    t("scope neg", fun() -> binary:split(<<"1,2,3,4">>, <<",">>, [global, {scope, {7, -4}}]) end),
    t("no match", fun() -> binary:split(<<"abc">>, <<"x">>) end),
    t("empty subject", fun() -> binary:split(<<>>, <<"x">>, [global]) end),
    t("empty subject trim", fun() -> binary:split(<<>>, <<"x">>, [global, trim_all]) end),
    t("whole", fun() -> binary:split(<<"abc">>, <<"abc">>, [global]) end),
    t("multi char", fun() -> binary:split(<<"one::two::three">>, <<"::">>, [global]) end),
    t("crlf", fun() -> binary:split(<<"l1\r\nl2\nl3\r\n">>, [<<"\r\n">>, <<"\n">>], [global, trim]) end),
    t("compiled", fun() -> binary:split(<<"a b c">>, binary:compile_pattern(<<" ">>), [global]) end),
    t("empty pattern", fun() -> binary:split(<<"abc">>, <<>>) end),
    t("bad option", fun() -> binary:split(<<"abc">>, <<"b">>, [bogus]) end),
    t("bad scope", fun() -> binary:split(<<"abc">>, <<"b">>, [{scope, {2, 5}}]) end),
    t("bad subject", fun() -> binary:split("abc", <<"b">>) end),
    t("long", fun() -> length(binary:split(binary:copy(<<"x,">>, 500), <<",">>, [global])) end),
    ok.

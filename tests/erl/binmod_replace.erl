-module(binmod_replace).
-export([main/0]).

%% binary:replace/3,4 with global, scope and insert_replaced options.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    S = <<"the cat sat on the mat">>,
    t("first", fun() -> binary:replace(S, <<"at">>, <<"og">>) end),
    t("global", fun() -> binary:replace(S, <<"at">>, <<"og">>, [global]) end),
    t("multi", fun() -> binary:replace(S, [<<"cat">>, <<"mat">>], <<"X">>, [global]) end),
    t("insert", fun() -> binary:replace(S, <<"at">>, <<"[]">>, [global, {insert_replaced, 1}]) end),
    t("insert list", fun() -> binary:replace(<<"ab">>, <<"b">>, <<"<>">>, [{insert_replaced, [0, 1, 2]}]) end),
    t("insert 0", fun() -> binary:replace(<<"xyx">>, <<"x">>, <<"-">>, [global, {insert_replaced, 0}]) end),
    t("scope", fun() -> binary:replace(S, <<"the">>, <<"a">>, [global, {scope, {1, 21}}]) end),
    t("delete", fun() -> binary:replace(S, <<" ">>, <<>>, [global]) end),
    t("grow", fun() -> binary:replace(<<"aaa">>, <<"a">>, <<"bbb">>, [global]) end),
    t("none", fun() -> binary:replace(S, <<"dog">>, <<"x">>, [global]) end),
    t("empty subject", fun() -> binary:replace(<<>>, <<"a">>, <<"b">>) end),
    t("bad insert", fun() -> binary:replace(<<"ab">>, <<"b">>, <<"x">>, [{insert_replaced, 5}]) end),
    t("bad pattern", fun() -> binary:replace(<<"ab">>, <<>>, <<"x">>) end),
    t("bad replacement", fun() -> binary:replace(<<"ab">>, <<"a">>, "x") end),
    t("big", fun() ->
                     B = binary:copy(<<"abc">>, 100),
                     R = binary:replace(B, <<"b">>, <<"BB">>, [global]),
                     {byte_size(R), binary:part(R, 0, 12)}
             end),
    ok.

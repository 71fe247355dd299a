-module(binmod_match).
-export([main/0]).

%% binary:match/2,3 and binary:matches/2,3: single and multiple
%% patterns, longest-leftmost rules, scope, compiled patterns.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    S = <<"abcabcabd">>,
    t("match", fun() -> binary:match(S, <<"bc">>) end),
    t("match none", fun() -> binary:match(S, <<"bd">>, [{scope, {0, 5}}]) end),
    t("match multi", fun() -> binary:match(S, [<<"ca">>, <<"bca">>, <<"abd">>]) end),
    t("match longest", fun() -> binary:match(<<"abcd">>, [<<"ab">>, <<"abc">>, <<"a">>]) end),
    t("match scope", fun() -> binary:match(S, <<"ab">>, [{scope, {1, 8}}]) end),
    t("match scope back", fun() -> binary:match(S, <<"ab">>, [{scope, {9, -5}}]) end),
    t("matches", fun() -> binary:matches(S, <<"ab">>) end),
    t("matches multi", fun() -> binary:matches(S, [<<"a">>, <<"bc">>, <<"abd">>]) end),
    t("matches overlap", fun() -> binary:matches(<<"aaaaa">>, <<"aa">>) end),
    t("matches overlap2", fun() -> binary:matches(<<"aaaaa">>, [<<"aaa">>, <<"a">>]) end),
    t("matches scope", fun() -> binary:matches(S, <<"abc">>, [{scope, {3, 6}}]) end),
    t("matches none", fun() -> binary:matches(S, <<"zz">>) end),
    t("compiled", fun() ->
                          P = binary:compile_pattern([<<"c">>, <<"d">>]),
                          {binary:match(S, P), binary:matches(S, P)}
                  end),
    t("bytes", fun() -> binary:matches(<<0, 1, 0, 2, 0, 0>>, <<0>>) end),
    t("big", fun() ->
                     B = binary:copy(<<"0123456789">>, 50),
                     M = binary:matches(B, <<"789">>),
                     {length(M), hd(M), lists:last(M)}
             end),
    t("empty pat", fun() -> binary:match(S, <<>>) end),
    t("empty list", fun() -> binary:match(S, []) end),
    t("bad scope", fun() -> binary:match(S, <<"a">>, [{scope, {0, 10}}]) end),
    t("not binary", fun() -> binary:matches(abc, <<"a">>) end),
    ok.

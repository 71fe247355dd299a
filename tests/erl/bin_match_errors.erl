-module(bin_match_errors).
-export([main/0]).

%% Failing binary matches: badmatch values, case_clause, function_clause
%% with binary arguments, and matches against non-binaries.

id(X) -> X.

f(<<X:8>>) -> X.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    t("short", fun() -> <<_:16>> = id(<<1>>) end),
    t("long", fun() -> <<_:8>> = id(<<1, 2>>) end),
    t("bits left", fun() -> <<_:8, _/binary>> = id(<<1, 2:4>>) end),
    t("not binary", fun() -> <<_:8>> = id(abc) end),
    t("list", fun() -> <<_/binary>> = id("abc") end),
    t("prefix", fun() -> <<"abc", _/binary>> = id(<<"abd">>) end),
    t("utf8", fun() -> <<_/utf8>> = id(<<255>>) end),
    t("float nan", fun() -> <<_:32/float>> = id(<<255, 255, 255, 255>>) end),
    t("size var", fun() -> <<N:8, _:N/binary>> = id(<<5, 1, 2>>), N end),
    t("literal int", fun() -> <<1, 2>> = id(<<1, 3>>) end),
    t("case", fun() -> case id(<<7>>) of <<8>> -> eight end end),
    t("function", fun() -> f(id(<<1, 2>>)) end),
    t("function bits", fun() -> f(id(<<1:7>>)) end),
    t("big value", fun() -> <<_:8>> = id(list_to_binary(lists:seq(1, 100))) end),
    t("ok", fun() -> <<A:4, B:4>> = id(<<16#ab>>), {A, B} end),
    ok.

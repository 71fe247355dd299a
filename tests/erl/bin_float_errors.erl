-module(bin_float_errors).
-export([main/0]).

%% Construction errors for float segments.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

id(X) -> X.

main() ->
    Big = 1.0e300,
    Atom = list_to_atom("pi"),
    S24 = id(24), S8 = id(8), S0 = id(0),
    t("32 overflow", fun() -> <<Big:32/float>> end),
    t("16 overflow", fun() -> <<1.0e6:16/float>> end),
    t("16 ok big", fun() -> <<65519.0:16/float>> end),
    t("16 round up", fun() -> <<65520.0:16/float>> end),
    t("atom", fun() -> <<Atom:64/float>> end),
    t("size 24", fun() -> <<1.0:S24/float>> end),
    t("size 8", fun() -> <<1.0:S8/float>> end),
    t("size 0", fun() -> <<1.0:S0/float>> end),
    t("huge int", fun() -> <<(1 bsl 2000):64/float>> end),
    t("huge int32", fun() -> <<(1 bsl 200):32/float>> end),
    t("list", fun() -> <<(id([1])):64/float>> end),
    t("unit", fun() -> X = 4, <<1.5:X/float-unit:16>> end),
    t("tiny32", fun() -> <<1.0e-50:32/float>> end),
    t("tiny16", fun() -> <<1.0e-10:16/float>> end),
    t("denorm32", fun() -> <<1.0e-40:32/float>> end),
    ok.

-module(binmod_part_copy).
-export([main/0]).

%% binary:part, copy, first, last, at, bin_to_list, list_to_bin and the
%% errors they raise.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    B = <<"0123456789">>,
    t("part", fun() -> binary:part(B, 2, 3) end),
    t("part tuple", fun() -> binary:part(B, {7, -3}) end),
    t("part end", fun() -> binary:part(B, {10, 0}) end),
    t("part bad", fun() -> binary:part(B, 9, 2) end),
    t("part neg start", fun() -> binary:part(B, {-1, 1}) end),
    t("copy", fun() -> binary:copy(<<"ab">>) end),
    t("copy 0", fun() -> binary:copy(<<"ab">>, 0) end),
    t("copy 4", fun() -> binary:copy(<<"ab">>, 4) end),
    t("copy neg", fun() -> binary:copy(<<"ab">>, -1) end),
    t("copy bits", fun() -> binary:copy(<<1:3>>, 2) end),
    t("first", fun() -> binary:first(B) end),
    t("last", fun() -> binary:last(B) end),
    t("first empty", fun() -> binary:first(<<>>) end),
    t("last empty", fun() -> binary:last(<<>>) end),
    t("at", fun() -> [binary:at(B, I) || I <- [0, 5, 9]] end),
    t("at out", fun() -> binary:at(B, 10) end),
    t("at neg", fun() -> binary:at(B, -1) end),
    t("bin_to_list", fun() -> binary:bin_to_list(B) end),
    t("bin_to_list 2", fun() -> binary:bin_to_list(B, {3, 4}) end),
    t("bin_to_list 3", fun() -> binary:bin_to_list(B, 8, 2) end),
    t("bin_to_list neg", fun() -> binary:bin_to_list(B, {10, -3}) end),
    t("bin_to_list bad", fun() -> binary:bin_to_list(B, 8, 3) end),
    t("list_to_bin", fun() -> binary:list_to_bin([1, [2, <<3, 4>>], <<>>, "ab"]) end),
    t("list_to_bin bad", fun() -> binary:list_to_bin([1, 256]) end),
    t("list_to_bin atom", fun() -> binary:list_to_bin(abc) end),
    t("referenced", fun() -> binary:referenced_byte_size(<<"abc">>) end),
    ok.

-module(etf_decode_errors).
-export([main/0]).

%% binary_to_term on malformed input, trailing data (accepted by
%% binary_to_term/1, reported by the used option), and truncation.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    Good = term_to_binary({a, [1, 2], <<"b">>}),
    t("good", fun() -> binary_to_term(Good) end),
    t("trailing", fun() -> binary_to_term(<<Good/binary, 1, 2, 3>>) end),
    t("used", fun() -> binary_to_term(<<Good/binary, 1, 2, 3>>, [used]) end),
    t("used exact", fun() -> binary_to_term(Good, [used]) end),
    t("empty", fun() -> binary_to_term(<<>>) end),
    t("version only", fun() -> binary_to_term(<<131>>) end),
    t("bad version", fun() -> binary_to_term(<<130, 97, 1>>) end),
    t("no version", fun() -> binary_to_term(<<97, 1>>) end),
    t("unknown tag", fun() -> binary_to_term(<<131, 200>>) end),
    [t("truncated " ++ integer_to_list(N), fun() -> binary_to_term(binary:part(Good, 0, N)) end)
     || N <- [2, 5, 10, byte_size(Good) - 1]],
    t("list no tail", fun() -> binary_to_term(<<131, 108, 0, 0, 0, 1, 97, 1>>) end),
    t("huge list", fun() -> binary_to_term(<<131, 108, 255, 255, 255, 255, 106>>) end),
    t("bad atom len", fun() -> binary_to_term(<<131, 100, 0, 5, 97>>) end),
    t("bad utf8 atom", fun() -> binary_to_term(<<131, 119, 1, 255>>) end),
    t("atom too long", fun() -> binary_to_term(<<131, 100, 1, 0, (binary:copy(<<"a">>, 256))/binary>>) end),
    t("bad float", fun() -> binary_to_term(<<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>) end),
    t("old float", fun() -> binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0:(5 * 8)>>) end),
    t("small big", fun() -> binary_to_term(<<131, 110, 1, 0, 200>>) end),
    t("small big neg", fun() -> binary_to_term(<<131, 110, 2, 1, 0, 1>>) end),
    t("big zero digits", fun() -> binary_to_term(<<131, 110, 0, 0>>) end),
    t("map dup keys", fun() -> binary_to_term(<<131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3>>) end),
    t("map", fun() -> binary_to_term(<<131, 116, 0, 0, 0, 2, 97, 2, 97, 2, 97, 1, 97, 3>>) end),
    t("bitstring zero bits", fun() -> binary_to_term(<<131, 77, 0, 0, 0, 1, 0, 255>>) end),
    t("bitstring", fun() -> binary_to_term(<<131, 77, 0, 0, 0, 1, 3, 255>>) end),
    t("not binary", fun() -> binary_to_term("abc") end),
    t("bits input", fun() -> binary_to_term(<<131, 97, 1, 1:1>>) end),
    t("string ext", fun() -> binary_to_term(<<131, 107, 0, 2, 0, 255>>) end),
    t("nil tail", fun() -> binary_to_term(<<131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3>>) end),
    t("old atom cache", fun() -> binary_to_term(<<131, 82, 0>>) end),
    ok.

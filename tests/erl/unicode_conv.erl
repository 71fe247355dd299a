-module(unicode_conv).
-export([main/0]).

%% unicode:characters_to_binary/1,2,3 and characters_to_list/1,2 with
%% latin1, utf8, utf16 and utf32 in and out, including the error and
%% incomplete results.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    S = [$a, 16#E5, 16#3A9, 16#20AC, 16#1F600],
    t("to utf8", fun() -> unicode:characters_to_binary(S) end),
    t("to utf16", fun() -> unicode:characters_to_binary(S, unicode, utf16) end),
    t("to utf16 little", fun() -> unicode:characters_to_binary(S, unicode, {utf16, little}) end),
    t("to utf32", fun() -> unicode:characters_to_binary(S, unicode, utf32) end),
    t("to utf32 little", fun() -> unicode:characters_to_binary(S, unicode, {utf32, little}) end),
    t("to latin1", fun() -> unicode:characters_to_binary([$a, 16#E5], unicode, latin1) end),
    t("to latin1 error", fun() -> unicode:characters_to_binary(S, unicode, latin1) end),
    t("from latin1", fun() -> unicode:characters_to_binary(<<"a", 16#E5, 16#FF>>, latin1) end),
    t("from latin1 list", fun() -> unicode:characters_to_binary([$a, 16#E5], latin1, utf8) end),
    t("from latin1 big", fun() -> unicode:characters_to_binary([16#100], latin1) end),
    t("mixed iolist", fun() -> unicode:characters_to_binary([$a, <<"bc"/utf8>>, [16#3A9, <<"€"/utf8>>]]) end),
    t("list", fun() -> unicode:characters_to_list(<<"a€😀"/utf8>>) end),
    t("list utf16", fun() -> unicode:characters_to_list(<<0, $a, 16#D8, 16#3D, 16#DE, 0>>, utf16) end),
    t("list utf16 little", fun() -> unicode:characters_to_list(<<$a, 0>>, {utf16, little}) end),
    t("list utf32", fun() -> unicode:characters_to_list(<<0, 0, 0, $a, 0, 1, 16#F6, 0>>, utf32) end),
    t("list latin1", fun() -> unicode:characters_to_list(<<16#E5, 16#FF>>, latin1) end),
    t("invalid utf8", fun() -> unicode:characters_to_list(<<"ab", 16#FF, "cd">>) end),
    t("invalid utf8 bin", fun() -> unicode:characters_to_binary(<<"ab", 16#C0, 16#80>>) end),
    t("incomplete utf8", fun() -> unicode:characters_to_binary(<<"ab", 16#E2, 16#82>>) end),
    t("incomplete list", fun() -> unicode:characters_to_list(<<"ab", 16#F0, 16#9F>>) end),
    t("incomplete utf16", fun() -> unicode:characters_to_list(<<0, $a, 16#D8, 16#3D>>, utf16) end),
    t("odd utf16", fun() -> unicode:characters_to_list(<<0, $a, 0>>, utf16) end),
    t("surrogate utf8", fun() -> unicode:characters_to_binary(<<16#ED, 16#A0, 16#80>>) end),
    t("bad code point", fun() -> unicode:characters_to_binary([$a, 16#110000]) end),
    t("surrogate cp", fun() -> unicode:characters_to_binary([$a, 16#D800, $b]) end),
    t("negative", fun() -> unicode:characters_to_binary([-1]) end),
    t("not chardata", fun() -> unicode:characters_to_binary(abc) end),
    t("bad encoding", fun() -> unicode:characters_to_binary("a", unicode, ebcdic) end),
    t("bom", fun() -> [unicode:encoding_to_bom(E) || E <- [utf8, {utf16, big}, {utf16, little}, {utf32, big}, latin1]] end),
    t("bom_to_encoding", fun() -> [unicode:bom_to_encoding(B) || B <- [<<239, 187, 191, 1>>, <<254, 255>>, <<255, 254, 0, 0>>, <<1>>]] end),
    t("nfc", fun() -> unicode:characters_to_nfc_list([$e, 16#301]) end),
    t("nfd", fun() -> unicode:characters_to_nfd_binary([16#E9]) end),
    t("nfkc", fun() -> unicode:characters_to_nfkc_list([16#FB01]) end),
    ok.

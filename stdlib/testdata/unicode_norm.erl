-module(unicode_norm).
-export([main/0]).

err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Cases = [
      fun() -> unicode:characters_to_nfc_list([97, -1]) end,
      fun() -> unicode:characters_to_nfc_binary([97, <<255>>]) end,
      fun() -> unicode:characters_to_nfc_list(a) end,
      fun() -> unicode:characters_to_nfd_binary(<<"é"/utf8>>) end,
      fun() -> unicode:characters_to_nfkd_list([16#FB01, 16#2460]) end,
      fun() -> unicode:characters_to_nfkc_binary([16#FB01, 16#2460]) end,
      fun() -> unicode:characters_to_nfc_list([16#1100, 16#1161, 16#11A8, $e, 16#323, 16#302]) end,
      fun() -> unicode:characters_to_nfd_list([16#AC01, 16#1EC7, 16#212B]) end,
      fun() -> unicode:characters_to_nfc_list([$a, 16#30A, 16#301, $q, 16#307, 16#323]) end,
      fun() -> unicode:characters_to_nfc_list([16#0344, 16#F900, 16#2126, 16#1E9B, 16#323]) end,
      fun() -> unicode:characters_to_nfkc_list([16#1E9B, 16#323, 16#FF21, 16#33A1]) end,
      fun() -> string:equal("é", [$e, 16#301], false, nfd) end,
      fun() -> string:equal("É", [$e, 16#301], true, nfc) end,
      fun() -> string:equal([$e, 16#301], [16#E9], false, nfc) end,
      fun() -> string:equal([$e, 16#301], [16#E9], false, none) end,
      fun() -> string:length("🇸🇪🇫") end,
      fun() -> string:length([16#1F468, 16#200D, 16#1F469, 16#200D, 16#1F467]) end,
      fun() -> string:length([16#915, 16#94D, 16#937]) end,
      fun() -> string:to_graphemes([16#600, $a, $b]) end,
      fun() -> string:to_graphemes([16#1100, 16#1161, 16#11A8, 16#AC00, 16#11A8, $\r, $\n, 7, 16#300]) end,
      fun() -> string:to_graphemes([$a, 16#903, 16#1F44D, 16#1F3FD, $x, 16#200D, 16#1F600]) end,
      fun() -> string:slice("🇸🇪🇫🇮x", 1, 2) end,
      fun() -> string:reverse("e\x{301}o\x{308}") end
    ],
    lists:foreach(fun({I, F}) -> io:format("~w: ~w~n", [I, err(F)]) end,
                  lists:zip(lists:seq(1, length(Cases)), Cases)),
    ok.

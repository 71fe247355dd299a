-module(etf_safe).
-export([main/0]).

%% binary_to_term/2 with [safe]: atoms that do not exist yet are refused
%% with badarg, existing ones decode; the same bytes decode without safe.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

atom_ext(Name) ->
    B = list_to_binary(Name),
    <<131, 100, (byte_size(B)):16, B/binary>>.

small_utf8(Name) ->
    B = unicode:characters_to_binary(Name),
    <<131, 119, (byte_size(B)):8, B/binary>>.

main() ->
    Fresh = "etf_safe_fresh_" ++ integer_to_list(7 * 6 * 1000003),
    Fresh2 = "etf_safe_other_" ++ integer_to_list(99991),
    Fresh3 = "etf_safe_utf8_" ++ [16#E9, 16#3A9],
    t("existing", fun() -> binary_to_term(atom_ext("ok"), [safe]) end),
    t("existing utf8", fun() -> binary_to_term(small_utf8("error"), [safe]) end),
    t("fresh safe", fun() -> binary_to_term(atom_ext(Fresh), [safe]) end),
    t("fresh utf8 safe", fun() -> binary_to_term(small_utf8(Fresh3), [safe]) end),
    t("fresh in tuple safe",
      fun() ->
              A = list_to_binary(Fresh2),
              binary_to_term(<<131, 104, 2, 97, 1, 100, (byte_size(A)):16, A/binary>>, [safe])
      end),
    t("exists before", fun() -> list_to_existing_atom(Fresh) end),
    t("fresh unsafe", fun() -> atom_to_list(binary_to_term(atom_ext(Fresh))) =:= Fresh end),
    t("exists after", fun() -> atom_to_list(list_to_existing_atom(Fresh)) =:= Fresh end),
    t("now safe", fun() -> atom_to_list(binary_to_term(atom_ext(Fresh), [safe])) =:= Fresh end),
    t("utf8 unsafe", fun() -> atom_to_list(binary_to_term(small_utf8(Fresh3))) =:= Fresh3 end),
    t("plain terms safe", fun() -> binary_to_term(term_to_binary({1, "two", <<3>>, [4.0]}), [safe]) end),
    t("ext fun safe", fun() -> binary_to_term(term_to_binary(fun lists:sort/1), [safe]) end),
    t("bad option", fun() -> binary_to_term(term_to_binary(a), [bogus]) end),
    t("safe and used", fun() -> binary_to_term(<<(term_to_binary(x))/binary, 0>>, [safe, used]) end),
    ok.

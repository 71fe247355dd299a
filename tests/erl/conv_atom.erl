-module(conv_atom).
-export([main/0]).

%% atom_to_list, atom_to_binary with encodings, list_to_atom,
%% binary_to_atom, the _existing_ variants and length limits.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    U = list_to_atom([16#E5, 16#E4, 16#F6]),
    W = list_to_atom([16#3A9, 16#20AC]),
    t("to_list", fun() -> atom_to_list('hello') end),
    t("to_list latin1", fun() -> atom_to_list(U) end),
    t("to_list unicode", fun() -> atom_to_list(W) end),
    t("to_binary", fun() -> atom_to_binary(hello) end),
    t("to_binary utf8", fun() -> atom_to_binary(U, utf8) end),
    t("to_binary unicode", fun() -> atom_to_binary(W, unicode) end),
    t("to_binary latin1", fun() -> atom_to_binary(U, latin1) end),
    t("to_binary latin1 wide", fun() -> atom_to_binary(W, latin1) end),
    t("to_binary default", fun() -> atom_to_binary(W) end),
    t("from list", fun() -> atom_to_list(list_to_atom("a b")) end),
    t("from list wide", fun() -> list_to_atom([16#1F600]) =:= binary_to_atom(<<16#1F600/utf8>>) end),
    t("from list bad", fun() -> list_to_atom([-1]) end),
    t("from list improper", fun() -> list_to_atom([$a | b]) end),
    t("from list too long", fun() -> list_to_atom(lists:duplicate(256, $x)) end),
    t("from list 255", fun() -> length(atom_to_list(list_to_atom(lists:duplicate(255, $x)))) end),
    t("255 wide", fun() -> length(atom_to_list(list_to_atom(lists:duplicate(255, 16#3A9)))) end),
    t("256 wide", fun() -> list_to_atom(lists:duplicate(256, 16#3A9)) end),
    t("from binary latin1", fun() -> atom_to_list(binary_to_atom(<<16#E5, 16#E4>>, latin1)) end),
    t("from binary utf8", fun() -> atom_to_list(binary_to_atom(<<16#C3, 16#A5>>, utf8)) end),
    t("from binary bad utf8", fun() -> binary_to_atom(<<16#C3>>, utf8) end),
    t("from binary default", fun() -> binary_to_atom(<<"abc">>) end),
    t("from binary bad enc", fun() -> binary_to_atom(<<"abc">>, utf16) end),
    t("existing", fun() -> {list_to_existing_atom("true"), list_to_existing_atom("conv_atom")} end),
    t("existing missing", fun() -> list_to_existing_atom("conv_atom_surely_missing_" ++ "q1") end),
    t("existing binary", fun() -> binary_to_existing_atom(<<"ok">>, utf8) end),
    t("existing binary missing", fun() -> binary_to_existing_atom(<<"conv_atom_nothere_", "q2">>) end),
    t("atom length", fun() -> [length(atom_to_list(A)) || A <- ['', a, U, W]] end),
    t("empty", fun() -> {list_to_atom(""), binary_to_atom(<<>>, utf8)} end),
    t("not atom", fun() -> atom_to_list("abc") end),
    t("binary not atom", fun() -> atom_to_binary(42) end),
    ok.

-module(bin_bitstring_ops).
-export([main/0]).

%% Bitstring conversions: list_to_bitstring, bitstring_to_list,
%% binary_to_list on bitstrings, iolists with bitstring tails, and
%% term order between bitstrings of different lengths.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

id(X) -> X.

main() ->
    t("to list", fun() -> bitstring_to_list(<<1, 2, 3:3>>) end),
    t("to list aligned", fun() -> bitstring_to_list(<<1, 2>>) end),
    t("to list empty", fun() -> bitstring_to_list(<<>>) end),
    t("to list small", fun() -> bitstring_to_list(<<5:3>>) end),
    t("from list", fun() -> list_to_bitstring([1, <<2:3>>]) end),
    t("from list tail", fun() -> list_to_bitstring([[1, 2], <<3>> | <<1:1>>]) end),
    t("from list mid", fun() -> list_to_bitstring([<<1:1>>, 2]) end),
    t("from list nested", fun() -> list_to_bitstring([[<<1:4>>], [<<15:4>>], 255]) end),
    t("from list bad", fun() -> list_to_bitstring([256]) end),
    t("from list atom", fun() -> list_to_bitstring(id(a)) end),
    t("binary_to_list bits", fun() -> binary_to_list(id(<<1:9>>)) end),
    t("list_to_binary bits", fun() -> list_to_binary([<<1:1>>]) end),
    t("iolist_size bits", fun() -> iolist_size([<<1:1>>]) end),
    t("is_bitstring", fun() -> [is_bitstring(X) || X <- [<<>>, <<1:1>>, "a", 1]] end),
    %% term order of bitstrings
    L = [<<1:1>>, <<>>, <<0:1>>, <<0>>, <<0:7>>, <<1, 0:1>>, <<1>>, <<0, 0>>, <<255:8, 1:1>>,
         <<128:8>>, <<1:2>>, <<2:2>>],
    t("sorted", fun() -> lists:sort(L) end),
    t("compare", fun() -> [{A, B, A < B} || {A, B} <- [{<<0:1>>, <<0>>}, {<<1:1>>, <<0>>},
                                                      {<<1>>, <<1, 0:1>>}, {<<2:2>>, <<1:1>>}]] end),
    t("equal", fun() -> [<<1:1, 0:7>> =:= <<128>>, <<0:8>> == <<0:7, 0:1>>, <<0:1>> =:= <<0:2>>] end),
    ok.

-module(bin_size_bifs).
-export([main/0]).

%% bit_size, byte_size, binary_part, split_binary, is_binary,
%% is_bitstring, including their badarg cases.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

id(X) -> X.

main() ->
    Vals = [<<>>, <<1>>, <<1:1>>, <<1:7>>, <<1, 2:3>>, <<0:64>>, <<0:65>>,
            list_to_binary(lists:seq(1, 100)), <<0:1000>>],
    [io:format("~w: bit=~w byte=~w bin=~w bits=~w~n",
               [bit_size(V), bit_size(V), byte_size(V), is_binary(V), is_bitstring(V)])
     || V <- Vals],
    B = <<"abcdefghij">>,
    t("part 0 3", fun() -> binary_part(B, 0, 3) end),
    t("part 7 3", fun() -> binary_part(B, 7, 3) end),
    t("part 10 0", fun() -> binary_part(B, 10, 0) end),
    t("part 5 -2", fun() -> binary_part(B, 5, -2) end),
    t("part tuple", fun() -> binary_part(B, {10, -10}) end),
    t("part 8 3", fun() -> binary_part(B, 8, 3) end),
    t("part 11 0", fun() -> binary_part(B, 11, 0) end),
    t("part -1 1", fun() -> binary_part(B, -1, 1) end),
    t("part 0 -1", fun() -> binary_part(B, 0, -1) end),
    t("part bits", fun() -> binary_part(id(<<1, 2:3>>), 0, 1) end),
    t("split 0", fun() -> split_binary(B, 0) end),
    t("split 4", fun() -> split_binary(B, 4) end),
    t("split 10", fun() -> split_binary(B, 10) end),
    t("split 11", fun() -> split_binary(B, 11) end),
    t("split -1", fun() -> split_binary(B, -1) end),
    t("split bits", fun() -> split_binary(id(<<1, 2, 3:4>>), 1) end),
    t("byte_size atom", fun() -> byte_size(id(abc)) end),
    t("bit_size list", fun() -> bit_size(id([1])) end),
    t("byte_size bits", fun() -> byte_size(id(<<1:9>>)) end),
    %% guards
    G = fun(X) when byte_size(X) > 3 -> big;
           (X) when bit_size(X) rem 8 =/= 0 -> bits;
           (X) when is_binary(X) -> small;
           (_) -> other end,
    io:format("guards ~w~n", [[G(X) || X <- [<<1, 2, 3, 4>>, <<1:3>>, <<1>>, foo, <<1:33>>]]]),
    ok.

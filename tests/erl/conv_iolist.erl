-module(conv_iolist).
-export([main/0]).

%% list_to_binary and iolist_to_binary on nested iolists,
%% iolist_size, binary_to_list/1,3 and their errors.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    IO = [$a, [<<"bc">>, [], [[$d]]], <<>>, "ef" | <<"g">>],
    t("list_to_binary", fun() -> list_to_binary(IO) end),
    t("iolist_to_binary", fun() -> iolist_to_binary(IO) end),
    t("iolist_to_binary bin", fun() -> iolist_to_binary(<<"already">>) end),
    t("iolist_size", fun() -> iolist_size(IO) end),
    t("iolist_size bin", fun() -> iolist_size(<<1, 2, 3>>) end),
    t("empty", fun() -> {list_to_binary([]), iolist_to_binary([[], [[]]]), iolist_size([])} end),
    t("deep", fun() -> iolist_to_binary(lists:foldl(fun(X, Acc) -> [Acc, X] end, [], lists:seq(1, 200))) end),
    t("byte 256", fun() -> list_to_binary([256]) end),
    t("negative", fun() -> list_to_binary([-1]) end),
    t("atom elem", fun() -> list_to_binary([a]) end),
    t("bad tail", fun() -> list_to_binary([1 | 2]) end),
    t("tail binary ok", fun() -> list_to_binary([1 | <<2>>]) end),
    t("not list", fun() -> list_to_binary(<<1>>) end),
    t("iolist_size bad", fun() -> iolist_size([1, 2 | a]) end),
    t("to_list", fun() -> binary_to_list(<<"hello">>) end),
    t("to_list 3", fun() -> binary_to_list(<<"hello">>, 2, 4) end),
    t("to_list 3 one", fun() -> binary_to_list(<<"hello">>, 5, 5) end),
    t("to_list 3 bad", fun() -> binary_to_list(<<"hello">>, 4, 2) end),
    t("to_list 3 zero", fun() -> binary_to_list(<<"hello">>, 0, 2) end),
    t("to_list 3 past", fun() -> binary_to_list(<<"hello">>, 3, 6) end),
    t("big", fun() ->
                     B = iolist_to_binary([integer_to_list(I) || I <- lists:seq(1, 500)]),
                     {byte_size(B), binary:part(B, 1000, 10), iolist_size([B, B])}
             end),
    t("unicode chars", fun() -> list_to_binary([16#3A9]) end),
    t("bitstring", fun() -> list_to_bitstring([<<1:1>>, <<1:7>>]) end),
    ok.

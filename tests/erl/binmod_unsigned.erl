-module(binmod_unsigned).
-export([main/0]).

%% binary:encode_unsigned/1,2 and decode_unsigned/1,2.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    Vals = [0, 1, 255, 256, 65535, 65536, 16#DEADBEEF, 1 bsl 64, (1 bsl 64) - 1,
            12345678901234567890123456789],
    [io:format("~w: big=~w little=~w back=~w,~w~n",
               [V, binary:encode_unsigned(V), binary:encode_unsigned(V, little),
                binary:decode_unsigned(binary:encode_unsigned(V)),
                binary:decode_unsigned(binary:encode_unsigned(V, little), little)])
     || V <- Vals],
    t("decode empty", fun() -> binary:decode_unsigned(<<>>) end),
    t("decode zeros", fun() -> binary:decode_unsigned(<<0, 0, 0, 1>>) end),
    t("decode zeros little", fun() -> binary:decode_unsigned(<<1, 0, 0, 0>>, little) end),
    t("decode big", fun() -> binary:decode_unsigned(<<1, 0, 0, 0, 0, 0, 0, 0, 0>>) end),
    t("encode neg", fun() -> binary:encode_unsigned(-1) end),
    t("encode float", fun() -> binary:encode_unsigned(1.0) end),
    t("encode bad endian", fun() -> binary:encode_unsigned(1, middle) end),
    t("decode bits", fun() -> binary:decode_unsigned(<<1:3>>) end),
    ok.

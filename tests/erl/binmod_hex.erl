-module(binmod_hex).
-export([main/0]).

%% binary:encode_hex/1 and decode_hex/1.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    [io:format("enc ~w -> ~p~n", [B, binary:encode_hex(B)])
     || B <- [<<>>, <<0>>, <<255>>, <<"hello">>, <<16#de, 16#ad, 16#be, 16#ef>>,
              list_to_binary(lists:seq(0, 31))]],
    [io:format("dec ~p -> ~w~n", [H, binary:decode_hex(H)])
     || H <- [<<>>, <<"00">>, <<"FF">>, <<"ff">>, <<"DeAdBeEf">>, <<"68656C6C6F">>]],
    t("odd", fun() -> binary:decode_hex(<<"ABC">>) end),
    t("bad char", fun() -> binary:decode_hex(<<"GG">>) end),
    t("bad char2", fun() -> binary:decode_hex(<<"0x">>) end),
    t("list", fun() -> binary:decode_hex("00") end),
    t("enc list", fun() -> binary:encode_hex("00") end),
    t("enc bits", fun() -> binary:encode_hex(<<1:4>>) end),
    Big = list_to_binary(lists:seq(0, 255)),
    H = binary:encode_hex(Big),
    io:format("big ~w ~p ~w~n", [byte_size(H), binary:part(H, 500, 12), binary:decode_hex(H) =:= Big]),
    ok.

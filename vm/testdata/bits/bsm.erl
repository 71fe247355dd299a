%% Bit-syntax matching cases for beamr's VM tests.
-module(bsm).
-export([main/0, ints/1, uints/2, sints/2, lints/2, big/1, floats/1, bins/2, utf/1,
         strs/1, heads/1, count/2, sized/1, units/1, tails/1, skip/1, mixed/1, pos/1,
         known/1, known2/1, known3/2, fc/2, t/1]).

main() ->
    M = ?MODULE,
    [M:ints(<<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22>>),
     M:ints(<<255, 254, 253, 252, 251, 250, 249, 248, 247, 246, 245, 244, 243, 242, 241, 240, 239, 238, 237, 236, 235, 234>>),
     [M:uints(<<16#DEADBEEFCAFEBABE1234:80>>, S) || S <- [0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 59, 60, 61, 63, 64, 65, 79, 80, 81]],
     [M:sints(<<16#F0E1D2C3B4A59687786:80>>, S) || S <- [1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 59, 60, 61, 63, 64, 65, 79, 80]],
     [M:lints(<<16#0123456789ABCDEF0123456789ABCDEF:128>>, S) || S <- [1, 4, 8, 12, 16, 20, 24, 31, 32, 40, 48, 56, 60, 63, 64, 65, 72, 100, 127]],
     [M:lints(<<16#FEDCBA9876543210FEDCBA9876543210:128>>, S) || S <- [1, 4, 8, 12, 16, 20, 24, 31, 32, 40, 48, 56, 60, 63, 64, 65, 72, 100, 127]],
     M:big(<<16#123456789ABCDEF0123456789ABCDEF0123456789:164, 1:1, 16#FFFFFFFFFFFFFFFFFFFF:80, 0:3>>),
     M:big(<<0:164, 0:1, 16#8000000000000000000F:80, 7:3>>),
     [M:floats(B) || B <- [<<64,9,33,251,84,68,45,24, 63,128,0,0, 60,0>>,
                           <<127,240,0,0,0,0,0,0, 63,128,0,0, 60,0>>,
                           <<0,0,0,0,0,0,0,1, 0,0,0,1, 0,1>>,
                           <<1:1, 64,9,33,251,84,68,45,24, 63,128,0,0, 60,0, 0:7>>,
                           <<24,45,68,84,251,33,9,64, 0,0,128,63, 0,60>>,
                           <<0,0,0,0,0,0,248,127, 0,0,192,127, 0,124>>,
                           <<0,0,0,0,0,0,0,128, 0,0,128,128, 0,255>>,
                           <<63,240,0,0,0,0,0,0, 127,128,0,0, 60,0>>,
                           <<63,240,0,0,0,0,0,0, 63,128,0,0, 124,0>>,
                           <<63,240,0,0,0,0,0,0, 63,128,0,0, 252,0>>,
                           <<63,240,0,0,0,0,0,0, 63,128,0,0, 126,0>>,
                           <<1,2,3>>]],
     [M:bins(B, N) || B <- [<<>>, <<1>>, <<1,2,3,4,5,6,7,8,9,10>>, <<1:1, 2:7, 3, 4:5>>, rep(<<"abcdefgh">>, 20)],
                      N <- [0, 1, 2, 7, 8, 9, 100]],
     [M:utf(B) || B <- [<<"a">>, <<16#7F>>, <<16#C2, 16#80>>, <<16#DF, 16#BF>>, <<16#E0, 16#A0, 16#80>>,
                        <<16#EF, 16#BF, 16#BF>>, <<16#F0, 16#90, 16#80, 16#80>>, <<16#F4, 16#8F, 16#BF, 16#BF>>,
                        <<16#F4, 16#90, 16#80, 16#80>>, <<16#C0, 16#80>>, <<16#C1, 16#BF>>, <<16#E0, 16#80, 16#80>>,
                        <<16#ED, 16#A0, 16#80>>, <<16#ED, 16#9F, 16#BF>>, <<16#F0, 16#80, 16#80, 16#80>>,
                        <<16#80>>, <<16#FF>>, <<16#C2>>, <<16#C2, 16#C2>>, <<16#F8, 16#88, 16#80, 16#80, 16#80>>,
                        <<16#D8, 16#00, 16#DC, 16#00>>, <<16#DC, 16#00, 16#D8, 16#00>>, <<16#D8, 16#00, 16#00, 16#41>>,
                        <<16#DB, 16#FF, 16#DF, 16#FF>>, <<0, 16#10, 16#FF, 16#FF>>, <<0, 16#11, 0, 0>>,
                        <<0, 0, 16#D8, 0>>, <<16#FF, 16#FE, 0, 0>>, <<1:1, 16#C3, 16#A9, 0:7>>, <<>>]],
     [M:strs(B) || B <- [<<"hello world">>, <<"hello">>, <<"hellO">>, <<"help">>, <<"he">>,
                         <<"a fairly long literal string that is over sixty-four bytes long, for sure!!">>,
                         <<"a fairly long literal string that is over sixty-four bytes long, for sure!?">>,
                         <<1:1, "abc", 0:7>>, <<"abc">>]],
     [M:heads(B) || B <- [<<1, 2, 3>>, <<2, 0, 5, 6, 7>>, <<3, 1:1>>, <<3>>, <<4, "xyz">>, <<5>>, <<>>, <<6:4>>]],
     M:count(rep(<<"ab">>, 1000), 0),
     M:count(<<1:1, (rep(<<"ab">>, 10))/binary, 1:7>>, 0),
     [M:sized(B) || B <- [<<3, "abcdef">>, <<0>>, <<9, "abc">>, <<2, 1:1, 2, 3, 0:7>>, <<255, 0:2040>>]],
     [M:units(B) || B <- [<<1, 2, 3, 4, 5, 6>>, <<1, 2, 3, 4, 5>>, <<1:12>>, <<1:13>>, <<>>]],
     [M:tails(B) || B <- [<<1, 2, 3>>, <<1:3>>, <<>>, <<1, 2, 3:5>>]],
     [M:skip(B) || B <- [<<1, 2, 3, 4>>, <<1, 2>>, <<9, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>>]],
     [M:mixed(B) || B <- [<<1:4, -2:12/little-signed, 3.5/float, "xy", 16#1F600/utf8, 7:3, 0:5>>,
                          <<2:4, 5:12/little, 1.0:32/float-little, "xy", 16#41/utf16-little, 1:3, 0:5>>]],
     [M:pos(B) || B <- [<<1, 2, 3, 4>>, <<1, 2, 5, 6>>, <<1, 7>>, <<0, 0, 0, 0, 0>>]],
     [M:t(fun() -> M:known(B) end) || B <- [<<1, 2>>, <<>>, <<3:4>>, a]],
     [M:t(fun() -> M:known2(B) end) || B <- [<<1, 2>>, <<1>>, <<1, 2:7>>, <<>>]],
     [M:t(fun() -> M:known3(B, N) end) || B <- [<<1, 2>>, <<1:3>>], N <- [0, 3, 16, 17, -1, a]],
     [M:t(fun() -> M:fc(B, 0) end) || B <- [<<1, 1, 1>>, <<1, 1, 2, 3>>, <<1:1>>]]].

known(B) when is_binary(B) -> case B of <<X, _/binary>> -> X; _ -> none end;
known(B) when is_bitstring(B) -> {bits, B}.

known2(<<X:8, R/binary>>) -> {X, known2b(R)}.
known2b(<<Y:8, _/binary>>) -> Y;
known2b(_) -> none.

known3(B, N) when is_bitstring(B) -> <<_:N, R/bits>> = B, R.

fc(<<1, R/binary>>, N) -> fc(R, N + 1);
fc(<<>>, N) -> N.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> [Frame | _] = St, {C, R, Frame}
    end.

ints(Bin) ->
    {case Bin of <<A:8, B:16, C:32, D:64, E:8/signed, F:16/signed, G:32/signed>> -> {A, B, C, D, E, F, G}; _ -> no end,
     case Bin of <<A2:8, B2:16/little, C2:32/little, D2:64/little, E2:8/little-signed, F2:16/little-signed,
                   G2:32/little-signed>> -> {A2, B2, C2, D2, E2, F2, G2}; _ -> no end,
     case Bin of <<_:3, A3:8, B3:16/little, C3:32, D3:64/little-signed, _/bits>> -> {A3, B3, C3, D3}; _ -> no end}.

%% Unsigned big-endian fields of size S, at every bit alignment.
uints(B, S) -> [uint_at(B, Off, S) || Off <- [0, 1, 2, 3, 4, 5, 6, 7, 9, 13]].
uint_at(B, Off, S) ->
    case B of
        <<_:Off, X:S, _/bits>> -> X;
        _ -> short
    end.

sints(B, S) -> [sint_at(B, Off, S) || Off <- [0, 1, 3, 5, 7]].
sint_at(B, Off, S) ->
    case B of
        <<_:Off, X:S/signed, _/bits>> -> X;
        _ -> short
    end.

lints(B, S) -> [lint_at(B, Off, S) || Off <- [0, 1, 4, 7]].
lint_at(B, Off, S) ->
    case B of
        <<_:Off, X:S/little, Y:S/little-signed, _/bits>> -> {X, Y};
        <<_:Off, X:S/little, _/bits>> -> X;
        _ -> short
    end.

big(<<A:164, B:1, C:80/signed, D:3>>) -> {A, B, C, D, big_l(<<A:164/little, C:80/little-signed>>)}.
big_l(<<A:164/little, C:80/little-signed>>) -> {A, C}.

floats(<<A:64/float, B:32/float, C:16/float>>) -> {A, B, C};
floats(<<_:1, A:64/float, B:32/float, C:16/float, _:7>>) -> {odd, A, B, C};
floats(<<A:64/float-little, B:32/float-little, C:16/float-little>>) -> {little, A, B, C};
floats(<<A:64/float, B:32/float, _:16>>) -> {no16, A, B};
floats(<<A:64/float, _:32, _:16>>) -> {no32, A};
floats(B) -> {nomatch, B}.

bins(B, N) ->
    {case B of <<X:N/binary, R/binary>> -> {X, R}; _ -> no end,
     case B of <<X2:N/bits, R2/bits>> -> {X2, R2}; _ -> no end,
     case B of <<X3:N/binary-unit:4, R3/bits>> -> {X3, R3}; _ -> no end,
     case B of <<X4:N/bytes, _/bits>> -> X4; _ -> no end}.

utf(B) ->
    {case B of <<X/utf8, R/bits>> -> {X, R}; _ -> no end,
     case B of <<X2/utf16, R2/bits>> -> {X2, R2}; _ -> no end,
     case B of <<X3/utf16-little, R3/bits>> -> {X3, R3}; _ -> no end,
     case B of <<X4/utf32, R4/bits>> -> {X4, R4}; _ -> no end,
     case B of <<X5/utf32-little, R5/bits>> -> {X5, R5}; _ -> no end,
     case B of <<_/utf8, _/utf8, _/bits>> -> two; <<_/utf8>> -> one; _ -> no end,
     case B of <<_:1, X6/utf8, _:7>> -> {odd, X6}; _ -> no end,
     case B of <<_/utf16-little, R7/bits>> -> {skip16, R7}; _ -> no end,
     case B of <<_/utf32, R8/bits>> -> {skip32, R8}; _ -> no end,
     case B of <<_/utf16, R9/binary>> -> {skip16b, R9}; _ -> no end}.

strs(<<"hello world">>) -> world;
strs(<<"hello", R/binary>>) -> {hello, R};
strs(<<"hel", X, R/binary>>) -> {hel, X, R};
strs(<<"a fairly long literal string that is over sixty-four bytes long, for sure!!">>) -> long;
strs(<<_:1, "abc", _:7>>) -> odd;
strs(B) -> {other, B}.

heads(<<1, Rest/binary>>) -> {one, Rest};
heads(<<2, X:16, Rest/binary>>) -> {two, X, Rest};
heads(<<3, B:1>>) -> {three, B};
heads(<<3>>) -> three;
heads(<<4, S/binary>>) -> {four, S};
heads(<<N, _/binary>>) when N > 4 -> {big, N};
heads(<<>>) -> empty;
heads(Other) -> {other, Other}.

count(<<"ab", R/bits>>, N) -> count(R, N + 1);
count(<<_:1, R/bits>>, N) -> count(R, N + 1000);
count(<<>>, N) -> N;
count(R, N) -> {N, R}.

sized(<<N:8, X:N/binary, R/bits>>) -> {N, X, R};
sized(<<N:8, X:1, Y:N/binary-unit:1, R/bits>>) -> {bits, N, X, Y, R};
sized(B) -> {no, B}.

units(<<X:2/binary-unit:16, R/binary-unit:16>>) -> {X, R};
units(<<X:3/binary-unit:4, R/bits>>) -> {x3, X, R};
units(B) -> {no, B}.

tails(B) ->
    {case B of <<_, T/binary>> -> T; _ -> no end,
     case B of <<_:1, T2/bits>> -> T2; _ -> no end,
     case B of <<T3/binary>> -> T3; _ -> no end}.

skip(<<_:8, _:8, X:8, _/binary>>) when X > 4 -> {skip2, X};
skip(<<N:8, _:N/unit:8, Y:8, _/binary>>) -> {skipn, Y};
skip(<<_:16, R/binary>>) -> {skip16, R};
skip(B) -> {no, B}.

mixed(<<A:4, B:12/little-signed, C/float, "xy", D/utf8, E:3, _:5>>) -> {A, B, C, D, E};
mixed(<<A:4, B:12/little, C:32/float-little, "xy", D/utf16-little, E:3, _:5>>) -> {l, A, B, C, D, E}.

%% Multiple clauses that back up the match position.
pos(<<1, 2, 3, X>>) -> {a, X};
pos(<<1, 2, Y/binary>>) -> {b, Y};
pos(<<1, Z:8>>) -> {c, Z};
pos(<<0, R/binary>>) -> {d, R}.

rep(B, N) -> rep(B, N, <<>>).
rep(_, 0, Acc) -> Acc;
rep(B, N, Acc) -> rep(B, N - 1, <<Acc/binary, B/binary>>).

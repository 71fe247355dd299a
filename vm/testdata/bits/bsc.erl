%% Bit-syntax construction cases for beamr's VM tests.
-module(bsc).
-export([main/0, int/3, ints/1, big/2, flt/2, flt16/1, bin/3, str/1, utf/1, bits/2, err/1, mk/2,
         guard/1, t/1]).

main() ->
    M = ?MODULE,
    Vals = [0, 1, -1, 5, -5, 127, 128, -128, 255, 256, -129, 65535, 65536, -32769,
            16#7FFFFFFF, 16#80000000, -16#80000000, 16#123456789, (1 bsl 59) - 1, 1 bsl 59,
            -(1 bsl 59), -(1 bsl 59) - 1, (1 bsl 63) - 1, 1 bsl 63, (1 bsl 64) - 1, 1 bsl 64,
            -(1 bsl 63), -(1 bsl 64), 16#123456789ABCDEF0123456789, -16#123456789ABCDEF0123456789],
    Sizes = [0, 1, 3, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 48, 59, 60, 63, 64, 65, 72, 99, 128, 130],
    [[[[M:int(V, S, F) || S <- Sizes] || V <- Vals] || F <- [big, little]],
    M:ints(16#0102030405060708),
    [M:big(V, S) || V <- [16#123456789ABCDEF0123456789ABCDEF, -3, 1 bsl 200], S <- [70, 128, 200, 201]],
    [M:flt(V, S) || V <- [0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1.0e300, -1.0e-300, 5.0e-324, 7,
                          -7, 1 bsl 100, 65504.0, 65519.99, 65520.0, 6.0e-8, 3.0e-8, 2.9e-8, 1.0e-5,
                          0.333333, 3.4028234663852886e38, 3.4028235677973366e38, 1.0e-45, 1.0e-46],
                    S <- [16, 32, 64]],
    [M:flt16(V) || V <- [1.0, 1.0009765625, 1.00048828125, 1.00146484375, 2049.0, 2051.0, 6.103515625e-5,
                         6.097555160522461e-5, 5.960464477539063e-8, 8.940696716308594e-8,
                         2.9802322387695312e-8, 2.980232238769532e-8]],
    [M:bin(B, S, U) || B <- [<<>>, <<1, 2, 3>>, <<1, 2, 3, 4:4>>, <<"a long binary, longer than sixty-four bytes, to be stored off the heap">>],
                       S <- [0, 1, 2, 3], U <- [1, 4, 8]],
    [M:str(X) || X <- [0, 1, 255]],
    [M:utf(C) || C <- [0, 16#41, 16#7F, 16#80, 16#7FF, 16#800, 16#D7FF, 16#E000, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF]],
    [M:bits(X, N) || X <- [0, 1, 16#5A5A5A5A5A5A5A5A5A], N <- [1, 3, 7, 9, 13, 63, 65, 71]],
    [M:err(I) || I <- lists_seq(1, 40)],
    [M:guard(X) || X <- [1, a, -1, 1.5]],
    M:mk(<<1, 2, 3>>, 14)].

lists_seq(N, N) -> [N];
lists_seq(I, N) -> [I | lists_seq(I + 1, N)].

int(V, S, big) -> {<<V:S>>, <<V:S/signed>>, <<1:1, V:S, 1:1>>, <<1:3, V:S/signed, 0:2>>};
int(V, S, little) -> {<<V:S/little>>, <<V:S/little-signed>>, <<1:1, V:S/little, 1:1>>, <<1:5, V:S/little, 0:2>>}.

ints(V) -> {<<V:8, V:16, V:32, V:64>>, <<V:8/little, V:16/little, V:32/little, V:64/little>>,
            <<V:8/native, V:16/native, V:32/native, V:64/native>>,
            <<1:4, V:8, V:16, V:32, V:64, 1:4>>, <<1:4, V:8/little, V:16/little, V:32/little, V:64/little, 1:4>>}.

big(V, S) -> {<<V:S>>, <<V:S/little>>, <<1:1, V:S, 0:7>>, <<1:1, V:S/little, 0:7>>}.

flt(V, S) -> t(fun() -> {<<V:S/float>>, <<V:S/float-little>>, <<1:1, V:S/float, 0:7>>, <<1:3, V:S/float-little, 0:5>>} end).

flt16(V) -> <<V:16/float>>.

bin(B, S, 1) -> t(fun() -> <<B:S/binary-unit:1, 1:1>> end);
bin(B, S, 4) -> t(fun() -> <<B:S/binary-unit:4, 1:1>> end);
bin(B, S, 8) -> t(fun() -> <<B:S/binary-unit:8, 1:1>> end).

str(X) -> {<<"abc", X, "defghijklmnopqrstuvwxyz">>, <<X:1, "abc">>, <<X:3, "a long string literal which is more than sixty-four bytes in total">>}.

utf(C) -> {<<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>,
           <<1:1, C/utf8, C/utf16, C/utf32-little>>, <<"x", C/utf8, "y">>}.

bits(X, N) -> {<<X:N>>, <<X:N, X:N>>, <<X:N, 1:1, X:N/little>>, <<(<<X:N>>)/bits, (<<X:N>>)/bits>>}.

err(1) -> t(fun() -> <<(id(a)):8>> end);
err(2) -> t(fun() -> <<(id(1.5)):8>> end);
err(3) -> t(fun() -> <<1:8, (id(1)):(id(-1))>> end);
err(4) -> t(fun() -> <<1:8, (id(1)):(id(a))>> end);
err(5) -> t(fun() -> <<(id(a))/float>> end);
err(6) -> t(fun() -> <<(id(1.0)):(id(8))/float>> end);
err(7) -> t(fun() -> <<(id(a)):(id(8))/float>> end);
err(8) -> t(fun() -> <<(id(1.0)):(id(a))/float>> end);
err(9) -> t(fun() -> <<(id(16#D800))/utf8>> end);
err(10) -> t(fun() -> <<(id(16#110000))/utf16>> end);
err(11) -> t(fun() -> <<(id(-1))/utf32>> end);
err(12) -> t(fun() -> <<(id(a))/utf8>> end);
err(13) -> t(fun() -> <<(id(<<1:3>>))/binary>> end);
err(14) -> t(fun() -> <<(id(a))/binary>> end);
err(15) -> t(fun() -> <<(id(<<1, 2>>)):3/binary>> end);
err(16) -> t(fun() -> <<(id(<<1:3>>))/binary, 1>> end);
err(17) -> t(fun() -> <<(id(foo))/binary, 1>> end);
err(18) -> t(fun() -> <<1:8, (id(<<1:1>>))/binary, 3:2>> end);
err(19) -> t(fun() -> <<1:8, (id(1)):(id(1 bsl 70))>> end);
err(20) -> t(fun() -> <<(id(a)):8, (id(foo))/binary>> end);
err(21) -> t(fun() -> <<(id(a)):8, 1:(id(-1))>> end);
err(22) -> t(fun() -> <<(id(a)):8, (id(-1))/utf8>> end);
err(23) -> t(fun() -> <<(id(a)):(id(-1)), (id(foo))/binary>> end);
err(24) -> t(fun() -> <<(id(1)):8, (id(foo))/binary>> end);
err(25) -> t(fun() -> <<(id(a)):8, (id(1.0)):(id(8))/float>> end);
err(26) -> t(fun() -> <<(id(a)):8, (id(<<1>>)):2/binary>> end);
err(27) -> t(fun() -> <<(id(a)):8, (id(<<1>>))/binary-unit:16>> end);
err(28) -> t(fun() -> <<(id(1)):8, 0:(id(1 bsl 59))/unit:16>> end);
err(29) -> t(fun() -> <<(id(1)):8, (id(-1)):(id(-1))>> end);
err(30) -> t(fun() -> <<(id(a)):8, (id(1)):(id(a))/float>> end);
err(31) -> t(fun() -> <<(id(1 bsl 2000)):64/float>> end);
err(32) -> t(fun() -> <<(id(1 bsl 2000)):32/float>> end);
err(33) -> t(fun() -> <<(id(1.0)):(id(0))/float>> end);
err(34) -> t(fun() -> <<"ab", (id(16#DFFF))/utf16>> end);
err(35) -> t(fun() -> <<(id(<<1, 2>>)):(id(3))/binary, (id(a)):8>> end);
err(36) -> t(fun() -> <<(id(1)):(id(1 bsl 60))>> end);
err(37) -> t(fun() -> <<(id(1)):(id(-(1 bsl 60)))>> end);
err(38) -> t(fun() -> X = id(<<1:1>>), <<X/binary, X/bits>> end);
err(39) -> t(fun() -> <<(id(<<1:7>>)):1/binary-unit:7, 1:1>> end);
err(40) -> t(fun() -> <<(id([])):8>> end).

guard(X) when <<X:8>> =:= <<1>> -> one;
guard(X) when is_integer(X), <<X:8>> =/= <<1>> -> other;
guard(_) -> bad.

%% Builds a binary by repeated appends and checks every intermediate one.
mk(Acc, 0) -> Acc;
mk(Acc, N) -> mk(<<Acc/binary, N:8, Acc/binary>>, N - 1) .

id(X) -> X.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St -> [Frame | _] = St, {C, R, Frame}
    end.

%% Appending to binaries: results must not depend on whether an append
%% extended a buffer in place.
-module(bsa).
-export([main/0, loop/3, loopbits/3, alias/1, bc/1, bcbits/1, deep/2, sizes/1, nested/1]).

main() ->
    M = ?MODULE,
    Big = M:loop(<<>>, 0, 5000),
    Bits = M:loopbits(<<>>, 0, 3000),
    [M:sizes(Big), check(Big, 0),
     M:sizes(Bits), checkbits(Bits, 0),
     M:alias(<<>>), M:alias(<<1, 2, 3>>), M:alias(M:loop(<<>>, 0, 100)), M:alias(M:loop(<<>>, 0, 300)),
     M:alias(<<1:3>>), M:alias(M:loopbits(<<>>, 0, 700)),
     M:bc(seq(1, 300)), M:bc(seq(1, 10)), M:bcbits(seq(1, 200)),
     M:deep(<<"x">>, 12),
     M:nested(200)].

%% Appends one byte at a time.
loop(Acc, N, N) -> Acc;
loop(Acc, I, N) -> loop(<<Acc/binary, (I band 255):8>>, I + 1, N).

%% Appends three bits at a time.
loopbits(Acc, N, N) -> Acc;
loopbits(Acc, I, N) -> loopbits(<<Acc/bits, (I band 7):3>>, I + 1, N).

check(<<>>, N) -> {ok, N};
check(<<X:8, R/binary>>, N) when X =:= N band 255 -> check(R, N + 1);
check(_, N) -> {bad, N}.

checkbits(<<>>, N) -> {ok, N};
checkbits(<<X:3, R/bits>>, N) when X =:= N band 7 -> checkbits(R, N + 1);
checkbits(_, N) -> {bad, N}.

sizes(B) -> {byte_size(B), bit_size(B)}.

%% Two appends to the same accumulator, then more appends to each.
alias(A) ->
    B1 = <<A/bits, 1>>,
    B2 = <<A/bits, 2>>,
    C1 = <<B1/bits, "one">>,
    C2 = <<B2/bits, "two">>,
    D1 = <<C1/bits, 0:1>>,
    E1 = <<D1/bits, 1:2>>,
    E2 = <<D1/bits, 3:2>>,
    F = <<A/bits, A/bits>>,
    G = <<F/bits, 7>>,
    {A, B1, B2, C1, C2, D1, E1, E2, F, G}.

bc(L) -> << <<X:8>> || X <- L >>.
bcbits(L) -> << <<X:5>> || X <- L >>.

%% Appends to every intermediate value.
deep(B, 0) -> B;
deep(B, N) ->
    X = <<B/binary, N:8>>,
    Y = <<B/binary, (N + 100):8>>,
    deep(<<X/binary, Y/binary>>, N - 1).

nested(N) -> nested(N, <<>>, <<>>).
nested(0, A, B) -> {A, B};
nested(N, A, B) -> nested(N - 1, <<A/binary, N:8>>, <<B/binary, A/binary>>).

seq(N, N) -> [N];
seq(I, N) -> [I | seq(I + 1, N)].

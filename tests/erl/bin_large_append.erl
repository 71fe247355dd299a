-module(bin_large_append).
-export([main/0]).

%% Large (refc) binaries built by appending in loops, the shape the
%% compiler turns into private appends, checked by size and checksums.

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 251):8>>).

build_words(0, Acc) -> Acc;
build_words(N, Acc) -> build_words(N - 1, <<Acc/binary, N:32/little, "|">>).

build_bits(0, Acc) -> Acc;
build_bits(N, Acc) -> build_bits(N - 1, <<Acc/bits, (N band 1):1, (N band 7):3>>).

prepend(0, Acc) -> Acc;
prepend(N, Acc) -> prepend(N - 1, <<N:8, Acc/binary>>).

grow_two(0, A, B) -> {A, B};
grow_two(N, A, B) -> grow_two(N - 1, <<A/binary, N:16>>, <<B/binary, A/binary>>).

summary(Label, B) ->
    io:format("~s: bytes=~w bits=~w crc=~w adler=~w md5=~w~n",
              [Label, byte_size(B), bit_size(B), erlang:crc32(B), erlang:adler32(B),
               erlang:md5(B)]),
    io:format("  head=~w~n", [binary:part(B, 0, min(byte_size(B), 12))]).

main() ->
    B1 = build(100000, <<>>),
    summary("bytes", B1),
    io:format("  last ~w~n", [binary:part(B1, byte_size(B1), -5)]),
    B2 = build_words(5000, <<"start:">>),
    summary("words", B2),
    B3 = build_bits(20001, <<>>),
    io:format("bits: bits=~w tail=~w~n", [bit_size(B3), begin
                                                          S = bit_size(B3) - 12,
                                                          <<_:S, T:12/bits>> = B3, T
                                                      end]),
    B4 = prepend(200, <<"end">>),
    summary("prepend", B4),
    {X, Y} = grow_two(40, <<>>, <<>>),
    summary("two a", X),
    summary("two b", Y),
    %% the old value stays intact when appended to twice
    Base = build(70, <<>>),
    E1 = <<Base/binary, "one">>,
    E2 = <<Base/binary, "two">>,
    io:format("fork ~w ~w ~w ~w~n", [byte_size(Base), binary:part(E1, 68, 5),
                                     binary:part(E2, 68, 5), byte_size(Base)]),
    %% iolist_to_binary of a long list built in a loop
    L = [integer_to_list(I) || I <- lists:seq(1, 3000)],
    IB = iolist_to_binary(lists:join(",", L)),
    summary("iolist", IB),
    ok.

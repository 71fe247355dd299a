-module(bin_sub_sharing).
-export([main/0]).

%% Sub-binaries share their parent's bytes: referenced_byte_size shows
%% the size of the underlying binary, binary:copy makes a fresh one.

big(N) -> list_to_binary(lists:duplicate(N, $x)).

main() ->
    Big = big(1000),
    <<Part:10/binary, _/binary>> = Big,
    io:format("part ~w ~w ~w~n", [byte_size(Part), binary:referenced_byte_size(Part),
                                 binary:referenced_byte_size(binary:copy(Part))]),
    {A, B} = split_binary(Big, 400),
    io:format("split ~w ~w ~w ~w~n", [byte_size(A), byte_size(B),
                                     binary:referenced_byte_size(A),
                                     binary:referenced_byte_size(B)]),
    P = binary_part(Big, 990, 10),
    io:format("binary_part ~p ~w~n", [P, binary:referenced_byte_size(P)]),
    P100 = binary_part(Big, 100, 200),
    <<_:64/binary, M65:65/binary, M64:64/binary, _/binary>> = Big,
    io:format("shared ~w ~w ~w~n", [binary:referenced_byte_size(P100),
                                   binary:referenced_byte_size(M65),
                                   binary:referenced_byte_size(M64)]),
    BP = binary:part(Big, {100, -50}),
    io:format("binary:part ~w ~w~n", [byte_size(BP), binary:referenced_byte_size(BP)]),
    Small = <<"0123456789">>,
    <<_:2/binary, S/binary>> = Small,
    io:format("small ~p ~w~n", [S, binary:referenced_byte_size(S)]),
    %% sub-binaries compare and hash like fresh ones
    Fresh = binary:copy(P),
    io:format("equal ~w ~w ~w~n", [P =:= Fresh, erlang:phash2(P) =:= erlang:phash2(Fresh),
                                  term_to_binary(P) =:= term_to_binary(Fresh)]),
    %% sub-binaries of sub-binaries
    <<_, Inner:5/binary, _/binary>> = P,
    io:format("inner ~p ~w~n", [Inner, binary:referenced_byte_size(Inner)]),
    %% unaligned sub-bitstrings
    <<_:3, Odd:20/bits, _/bits>> = Big,
    io:format("odd ~w ~w~n", [Odd, bit_size(Odd)]),
    %% appending to a sub-binary does not alter the parent
    P2 = <<P/binary, "!">>,
    io:format("appended ~p parent tail ~p~n", [P2, binary_part(Big, 995, 5)]),
    %% copy with repetition
    io:format("copy3 ~p~n", [binary:copy(<<"ab">>, 3)]),
    ok.

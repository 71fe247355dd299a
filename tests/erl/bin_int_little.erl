-module(bin_int_little).
-export([main/0]).

%% Little-endian integer segments, aligned and unaligned, signed and
%% unsigned, constructed and matched back.

sizes() -> [1,3,7,8,9,13,15,16,17,24,31,32,33,48,56,61,63,64,65,72,100,128].

vals() -> [0, 1, 16#1234, 16#DEADBEEF, -1, -300, 16#0102030405060708090A,
           -(1 bsl 62)].

main() ->
    lists:foreach(
      fun(S) ->
              Bins = [<<V:S/little>> || V <- vals()],
              io:format("size ~w: ~w~n", [S, Bins]),
              U = [X || B <- Bins, <<X:S/little>> <- [B]],
              I = [X || B <- Bins, <<X:S/little-signed>> <- [B]],
              io:format("  unsigned ~w~n  signed ~w~n", [U, I])
      end, sizes()),
    %% little endian behind an unaligned prefix
    B = <<1:3, 16#ABCD:16/little, 16#123456:21/little, 2:2>>,
    io:format("unaligned ~w bits=~w~n", [B, bit_size(B)]),
    <<P:3, A:16/little, C:21/little, T:2>> = B,
    io:format("match ~w ~.16B ~.16B ~w~n", [P, A, C, T]),
    <<P2:3/little, A2:16/big, Rest/bits>> = B,
    io:format("mixed ~w ~w ~w~n", [P2, A2, Rest]),
    %% native round trip only (value printed, not bytes)
    N = <<16#11223344:32/native>>,
    <<NV:32/native>> = N,
    io:format("native roundtrip ~.16B~n", [NV]),
    ok.

-module(bin_int_signed).
-export([main/0]).

%% Signed integer extraction from bitstrings of odd sizes at odd offsets.

main() ->
    Bytes = <<16#80, 16#FF, 16#00, 16#7F, 16#A5, 16#5A, 16#C3, 16#3C,
              16#01, 16#FE, 16#EE, 16#11, 16#99, 16#66, 16#F0, 16#0F, 16#88>>,
    Sizes = [1,2,3,4,5,7,8,9,11,13,16,17,24,31,32,33,47,61,63,64,65,100,120],
    lists:foreach(
      fun(S) ->
              R = [begin
                       <<_:Off, X:S/signed, _/bits>> = Bytes,
                       <<_:Off, Y:S/unsigned, _/bits>> = Bytes,
                       <<_:Off, Z:S/little-signed, _/bits>> = Bytes,
                       {X, Y, Z}
                   end || Off <- [0, 1, 3, 5, 8], Off + S =< bit_size(Bytes)],
              io:format("s~w ~w~n", [S, R])
      end, Sizes),
    %% construct signed negatives and check sign extension
    lists:foreach(
      fun(V) ->
              Bs = [{S, <<V:S/signed>>} || S <- [4, 7, 8, 12, 16, 33, 64, 65]],
              Back = [X || {S, B} <- Bs, <<X:S/signed>> <- [B]],
              io:format("v ~w -> ~w~n", [V, Back])
      end, [-1, -2, -7, -8, -9, -128, -129, 127, 128, -(1 bsl 63), (1 bsl 63) - 1]),
    ok.

-module(bin_int_big).
-export([main/0]).

%% Big-endian unsigned integer segments of many sizes, including
%% unaligned ones, constructed from literals and from runtime values.

sizes() -> [1,2,3,4,5,7,8,9,12,13,15,16,17,23,24,25,31,32,33,40,47,48,
            53,56,61,63,64,65,71,72,96,127,128,129].

values() -> [0, 1, 5, 255, 256, 16#7FFF, 16#ABCDEF, 16#FFFFFFFF,
             16#123456789ABCDEF0, 16#FFFFFFFFFFFFFFFF, (1 bsl 100) + 12345].

mk(V, S) -> <<V:S>>.
put_big(V, S) -> <<V:S/big-unsigned-integer>>.

main() ->
    lists:foreach(
      fun(S) ->
              Bins = [mk(V, S) || V <- values()],
              io:format("size ~w: ~w~n", [S, Bins]),
              Same = [put_big(V, S) || V <- values()] =:= Bins,
              Back = [X || B <- Bins, <<X:S>> <- [B]],
              io:format("  same=~w back=~w~n", [Same, Back])
      end, sizes()),
    %% literal constructions the compiler may fold
    io:format("lit3 ~w~n", [<<5:3>>]),
    io:format("lit7 ~w~n", [<<100:7, 1:1>>]),
    io:format("lit13 ~w~n", [<<8191:13, 0:3>>]),
    io:format("lit61 ~w~n", [<<16#1FFFFFFFFFFFFFFF:61>>]),
    io:format("lit65 ~w~n", [<<16#1FFFFFFFFFFFFFFFF:65>>]),
    io:format("mixed ~w~n", [<<1:1, 2:2, 3:3, 4:4, 5:5, 6:6, 7:7, 8:8>>]),
    %% dynamic sizes zero and truncation of negative numbers
    Z = 0,
    io:format("zero ~w ~w~n", [<<123:Z>>, bit_size(<<123:Z>>)]),
    io:format("neg ~w ~w ~w~n", [<<-1:8>>, <<-1:13>>, <<-2:65>>]),
    io:format("negbig ~w~n", [<<(-(1 bsl 70)):72>>]),
    ok.

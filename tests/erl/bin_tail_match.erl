-module(bin_tail_match).
-export([main/0]).

%% Matching with tails: /binary tails need whole bytes, /bits tails take
%% anything; explicit tail sizes; empty tails.

classify(B) ->
    case B of
        <<>> -> empty;
        <<X:8, Rest/binary>> -> {byte, X, Rest};
        <<X:1, Rest/bits>> -> {bit, X, Rest}
    end.

tail_bits(B) ->
    case B of
        <<H:5, T/bits>> -> {H, T, bit_size(T)};
        _ -> short
    end.

tail_bin(B) ->
    case B of
        <<H:5, T/binary>> -> {H, T};
        _ -> notbin
    end.

main() ->
    Ins = [<<>>, <<1>>, <<1, 2, 3>>, <<1:1>>, <<3:2>>, <<1, 1:1>>, <<1:9>>],
    [io:format("classify ~w -> ~w~n", [I, classify(I)]) || I <- Ins],
    Ins2 = [<<1:5>>, <<1:4>>, <<255, 7:5>>, <<255:13>>, <<1, 2:3>>, <<255, 255, 3:3>>],
    [io:format("tail ~w -> ~w ~w~n", [I, tail_bits(I), tail_bin(I)]) || I <- Ins2],
    %% explicit size leaving a tail
    <<A:12, B:4/bits, C/binary>> = <<1, 2, 3, 4>>,
    io:format("explicit ~w ~w ~w~n", [A, B, C]),
    %% tails of all sizes from a 20 bit value
    V = <<16#ABCDE:20>>,
    [begin <<_:N, T/bits>> = V, io:format("skip ~w ~w~n", [N, T]) end
     || N <- lists:seq(0, 20, 3)],
    %% tails are themselves matchable
    <<_:4, T1/bits>> = <<16#F0, 16#0F>>,
    <<X1:4, X2:8>> = T1,
    io:format("nested ~w ~w ~w~n", [T1, X1, X2]),
    %% a tail that is empty
    <<_:16, E/binary>> = <<1, 2>>,
    io:format("empty tail ~w ~w~n", [E, byte_size(E)]),
    ok.

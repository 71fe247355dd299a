-module(bin_func_heads).
-export([main/0]).

%% Binary patterns in function heads: many clauses, guards on matched
%% fields, and recursion over a binary.

decode(<<0:1, V:7, Rest/binary>>) -> {V, Rest};
decode(<<2#10:2, V:14, Rest/binary>>) -> {V, Rest};
decode(<<2#110:3, V:29, Rest/binary>>) -> {V, Rest};
decode(<<2#111:3, _:5, V:64, Rest/binary>>) -> {V, Rest}.

decode_all(<<>>) -> [];
decode_all(B) -> {V, R} = decode(B), [V | decode_all(R)].

enc(V) when V < 128 -> <<0:1, V:7>>;
enc(V) when V < 1 bsl 14 -> <<2#10:2, V:14>>;
enc(V) when V < 1 bsl 29 -> <<2#110:3, V:29>>;
enc(V) -> <<2#111:3, 0:5, V:64>>.

count(<<>>, Acc) -> Acc;
count(<<$\n, R/binary>>, {L, W, C}) -> count(R, {L + 1, W, C + 1});
count(<<$\s, R/binary>>, {L, W, C}) -> count(R, {L, W + 1, C + 1});
count(<<_, R/binary>>, {L, W, C}) -> count(R, {L, W, C + 1}).

guarded(<<X, Y, _/binary>>) when X > Y -> desc;
guarded(<<X, X, _/binary>>) -> same;
guarded(<<X, Y, _/binary>>) when X + Y > 100 -> bigasc;
guarded(<<_, _, _/binary>>) -> asc;
guarded(B) when byte_size(B) < 2 -> short.

main() ->
    Vals = [0, 1, 127, 128, 300, 16383, 16384, 1000000, 536870911, 536870912, 1 bsl 63],
    Enc = << <<(enc(V))/binary>> || V <- Vals >>,
    io:format("enc ~w~n", [Enc]),
    io:format("dec ~w~n", [decode_all(Enc)]),
    io:format("eq ~w~n", [decode_all(Enc) =:= Vals]),
    io:format("count ~w~n", [count(<<"one two\nthree four five\n\nsix">>, {0, 0, 0})]),
    [io:format("guarded ~w ~w~n", [B, guarded(B)])
     || B <- [<<5, 3>>, <<4, 4, 4>>, <<60, 61>>, <<1, 2>>, <<1>>, <<>>]],
    R = try decode(<<2#111:3>>) catch C:E -> {C, E} end,
    io:format("no clause ~p~n", [R]),
    ok.

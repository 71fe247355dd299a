-module(bin_utf16).
-export([main/0]).

%% utf16 segments in both endiannesses: surrogate pairs, invalid code
%% points and malformed input.

id(X) -> X.

enc(C) ->
    try {<<C/utf16>>, <<C/utf16-little>>}
    catch Cl:R -> {Cl, R} end.

dec_big(<<C/utf16, R/binary>>, Acc) -> dec_big(R, [C | Acc]);
dec_big(<<>>, Acc) -> lists:reverse(Acc);
dec_big(R, Acc) -> {lists:reverse(Acc), stuck, R}.

dec_little(<<C/utf16-little, R/binary>>, Acc) -> dec_little(R, [C | Acc]);
dec_little(<<>>, Acc) -> lists:reverse(Acc);
dec_little(R, Acc) -> {lists:reverse(Acc), stuck, R}.

main() ->
    Cps = [0, $z, 16#FF, 16#100, 16#D7FF, 16#E000, 16#FFFF, 16#10000, 16#10001,
           16#1F600, 16#FFFFF, 16#10FFFF],
    [io:format("enc ~.16B ~w~n", [C, enc(id(C))]) || C <- Cps],
    [io:format("bad ~w ~w~n", [C, enc(id(C))])
     || C <- [-5, 16#D800, 16#DFFF, 16#110000, abc]],
    Big = << <<C/utf16>> || C <- Cps >>,
    Little = << <<C/utf16-little>> || C <- Cps >>,
    io:format("roundtrip ~w ~w~n", [dec_big(Big, []) =:= Cps, dec_little(Little, []) =:= Cps]),
    Inputs = [<<16#D8, 16#00>>, <<16#D8, 16#00, 16#00, 16#41>>, <<16#DC, 16#00, 16#00, 16#41>>,
              <<16#D8, 16#3D, 16#DE, 16#00>>, <<0, 65, 0>>, <<16#DB, 16#FF, 16#DF, 16#FF>>],
    [io:format("big ~w -> ~w~n", [I, dec_big(I, [])]) || I <- Inputs],
    [io:format("little ~w -> ~w~n", [I, dec_little(I, [])]) || I <- Inputs],
    S = <<"a€😀"/utf16>>,
    SL = <<"a€😀"/utf16-little>>,
    io:format("literal ~w ~w~n", [S, SL]),
    U = <<1:1, 16#1F600/utf16, 0:7>>,
    <<1:1, V/utf16, _:7>> = U,
    io:format("unaligned ~w ~.16B~n", [U, V]),
    ok.

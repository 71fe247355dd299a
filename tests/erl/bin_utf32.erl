-module(bin_utf32).
-export([main/0]).

%% utf32 segments: construction, matching, invalid code points.

id(X) -> X.

enc(C) ->
    try {<<C/utf32>>, <<C/utf32-little>>}
    catch Cl:R -> {Cl, R} end.

m(B) ->
    case B of
        <<C/utf32, R/binary>> -> {big, C, R};
        _ -> nomatch
    end.

ml(B) ->
    case B of
        <<C/utf32-little, R/binary>> -> {little, C, R};
        _ -> nomatch
    end.

main() ->
    Cps = [0, 65, 16#D7FF, 16#E000, 16#FFFF, 16#10000, 16#10FFFF],
    [io:format("enc ~.16B ~w~n", [C, enc(id(C))]) || C <- Cps],
    [io:format("bad ~w ~w~n", [C, enc(id(C))])
     || C <- [-1, 16#D800, 16#DFFF, 16#110000, 16#FFFFFFFF, [], 2.0]],
    Ins = [<<0,0,0,65>>, <<65,0,0,0>>, <<0,0,16#D8,0>>, <<0,16#11,0,0>>,
           <<0,0,16#11,0>>, <<0,16#10,16#FF,16#FF,1,2>>, <<0,0,1>>, <<255,255,255,255>>,
           <<0,16#D8,0,0>>],
    [io:format("match ~w -> ~w ~w~n", [I, m(I), ml(I)]) || I <- Ins],
    L = <<"ö𝄞"/utf32>>,
    io:format("literal ~w~n", [L]),
    U = <<7:3, 16#1D11E/utf32-little, 1:5>>,
    <<_:3, X/utf32-little, _:5>> = U,
    io:format("unaligned ~w ~.16B~n", [U, X]),
    Comp = [C || <<C/utf32>> <= <<0,0,0,104,0,0,0,105,0,1,244,0>>],
    io:format("gen ~w~n", [Comp]),
    ok.

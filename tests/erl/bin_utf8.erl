-module(bin_utf8).
-export([main/0]).

%% utf8 segments: construction of every encoding length, invalid code
%% points raising badarg, and matching valid and invalid sequences.

id(X) -> X.

enc(C) -> try <<C/utf8>> catch Cl:R -> {Cl, R} end.

dec(B) -> dec(B, []).
dec(<<C/utf8, R/binary>>, Acc) -> dec(R, [C | Acc]);
dec(<<>>, Acc) -> lists:reverse(Acc);
dec(Rest, Acc) -> {lists:reverse(Acc), stuck, Rest}.

main() ->
    Cps = [0, $A, 16#7F, 16#80, 16#E9, 16#7FF, 16#800, 16#FFF, 16#D7FF,
           16#E000, 16#FFFD, 16#FFFE, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF],
    [io:format("enc ~.16B ~w~n", [C, enc(id(C))]) || C <- Cps],
    Bad = [-1, 16#D800, 16#DBFF, 16#DC00, 16#DFFF, 16#110000, 16#FFFFFFFF,
           1 bsl 64, foo, 1.0],
    [io:format("bad ~w ~w~n", [C, enc(id(C))]) || C <- Bad],
    All = << <<C/utf8>> || C <- Cps >>,
    io:format("all ~w~n", [All]),
    io:format("dec all ~w~n", [dec(All) =:= Cps]),
    Inputs = [<<"plain">>, <<16#C3, 16#A9>>, <<16#C0, 16#80>>, <<16#C1, 16#BF>>,
              <<16#E0, 16#80, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>,
              <<16#F0, 16#8F, 16#BF, 16#BF>>, <<16#F5, 16#80, 16#80, 16#80>>,
              <<16#80>>, <<16#C3>>, <<$a, 16#E2, 16#82>>, <<16#FF>>,
              <<16#EF, 16#BF, 16#BF>>, <<16#F4, 16#8F, 16#BF, 16#BF>>],
    [io:format("dec ~w -> ~w~n", [I, dec(I)]) || I <- Inputs],
    %% utf8 in an unaligned position
    U = <<1:3, 16#20AC/utf8, 5:5>>,
    <<_:3, E/utf8, T:5>> = U,
    io:format("unaligned ~w ~.16B ~w~n", [U, E, T]),
    %% literal string with utf8 type
    L = <<"åäö€"/utf8>>,
    io:format("literal ~w ~w~n", [L, byte_size(L)]),
    case L of
        <<"å"/utf8, Rest/binary>> -> io:format("prefix rest ~w~n", [Rest])
    end,
    ok.

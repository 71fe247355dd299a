-module(bin_bitstring_gen).
-export([main/0]).

%% Bitstring generators with odd segment sizes, leftover bits that do
%% not fill a segment (silently skipped), and bitstring results.

main() ->
    Bs = <<16#A5, 16#3C, 5:3>>,
    io:format("bits1 ~w~n", [[X || <<X:1>> <= Bs]]),
    io:format("bits3 ~w~n", [[X || <<X:3>> <= Bs]]),
    io:format("bits5 ~w~n", [[X || <<X:5>> <= Bs]]),
    io:format("bits7 ~w~n", [[X || <<X:7>> <= Bs]]),
    io:format("bits13 ~w~n", [[X || <<X:13>> <= Bs]]),
    io:format("bytes ~w~n", [[X || <<X:8>> <= Bs]]),
    io:format("bitsout ~w~n", [<< <<X:3>> || <<X:5>> <= Bs >>]),
    io:format("rev ~w~n", [<< <<X:1>> || X <- lists:reverse([X || <<X:1>> <= Bs]) >>]),
    io:format("bitseg ~w~n", [[B || <<B:3/bits>> <= Bs]]),
    io:format("binseg ~w~n", [[B || <<B:2/binary>> <= <<1, 2, 3, 4, 5>>]]),
    io:format("pattern filter ~w~n", [[X || <<1:1, X:3>> <= <<16#9F, 16#12>>]]),
    io:format("signed ~w~n", [[X || <<X:4/signed>> <= <<16#7F, 16#80>>]]),
    io:format("little ~w~n", [[X || <<X:12/little>> <= <<1, 2, 3, 4, 5, 6>>]]),
    io:format("bitcount ~w~n", [lists:sum([X || <<X:1>> <= <<16#FFFF:16, 16#0F:8>>])]),
    io:format("nested bits ~w~n", [<< <<X:2, Y:1>> || <<X:2>> <= <<16#E4>>, <<Y:1>> <= <<2:2>> >>]),
    Rev = fun(Bin) -> << <<X:1>> || <<X:1>> <= Bin >> end,
    io:format("identity ~w~n", [Rev(<<1:1, 0:1, 1:1>>)]),
    %% generator over a list of bitstrings
    io:format("from list ~w~n", [<< <<B/bits>> || B <- [<<1:1>>, <<2:2>>, <<3:3>>] >>]),
    io:format("size ~w~n", [bit_size(<< <<B/bits>> || B <- [<<1:1>>, <<2:2>>, <<3:3>>] >>)]),
    ok.

-module(bin_size_var).
-export([main/0]).

%% Segment sizes taken from variables matched earlier in the same
%% pattern, from function arguments and from expressions on them.

tlv(<<T:8, L:8, V:L/binary, Rest/binary>>) -> [{T, V} | tlv(Rest)];
tlv(<<>>) -> [];
tlv(Bad) -> [{bad, Bad}].

lenbits(<<N:4, X:N, _/bits>>) -> {N, X}.

field(Size, Bin) ->
    case Bin of
        <<F:Size/binary, R/binary>> -> {F, R};
        _ -> too_short
    end.

expr(<<N:8, X:(N * 4), Rest/bits>>) -> {N, X, Rest}.

units(<<N:8, B:N/binary-unit:16>>) -> B;
units(_) -> nomatch.

main() ->
    io:format("tlv ~p~n", [tlv(<<1, 3, "abc", 2, 0, 3, 1, "z">>)]),
    io:format("tlv bad ~p~n", [tlv(<<1, 5, "ab">>)]),
    io:format("tlv bad2 ~p~n", [tlv(<<1>>)]),
    [io:format("lenbits ~w -> ~w~n", [B, lenbits(B)])
     || B <- [<<16#3A>>, <<0:4, 1:4>>, <<15:4, 32767:15, 0:5>>, <<8:4, 200:8>>]],
    [io:format("field ~w ~p -> ~p~n", [S, B, field(S, B)])
     || {S, B} <- [{0, <<"x">>}, {2, <<"abc">>}, {3, <<"abc">>}, {4, <<"abc">>}]],
    [io:format("expr ~w -> ~w~n", [B, expr(B)])
     || B <- [<<2, 16#AB, 1>>, <<3, 16#ABC:12, 0:4>>, <<0, 5>>]],
    [io:format("units ~w -> ~w~n", [B, units(B)])
     || B <- [<<2, 1, 2, 3, 4>>, <<1, 1, 2>>, <<1, 1>>, <<0>>]],
    %% size from a variable bound outside the pattern
    Len = 3,
    <<Head:Len/binary, _/binary>> = <<"headers">>,
    io:format("outside ~p~n", [Head]),
    %% chain of lengths
    <<L1:8, S1:L1/binary, L2:8, S2:L2/binary, L3:8, S3:L3/binary>> =
        <<1, "a", 2, "bc", 0>>,
    io:format("chain ~p ~p ~p~n", [S1, S2, S3]),
    %% size used for integer and bitstring
    <<Sz:5, I:Sz/signed, Bits:Sz/bits, _/bits>> = <<5:5, -3:5, 21:5, 0:1>>,
    io:format("int and bits ~w ~w ~w~n", [Sz, I, Bits]),
    ok.

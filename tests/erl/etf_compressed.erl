-module(etf_compressed).
-export([main/0]).

%% The compressed option: whether a term is stored compressed (only when
%% that makes it smaller), the uncompressed size in the header, decoding
%% of known compressed bytes, and errors. Exact compressed bytes depend
%% on the zlib implementation, so only their presence is printed.

info(C) ->
    case C of
        <<131, 80, USize:32, _/binary>> -> {compressed, USize};
        <<131, _/binary>> -> {plain, byte_size(C)}
    end.

main() ->
    Terms = [{small, a}, {string100, lists:duplicate(100, $a)},
             {seq, lists:seq(1, 500)}, {bin, binary:copy(<<"abcd">>, 1000)},
             {tuple, list_to_tuple(lists:duplicate(200, same))},
             {short_bin, <<"short">>}, {int, 123456789}, {empty, []}],
    lists:foreach(
      fun({Name, T}) ->
              Plain = term_to_binary(T),
              Levels = [info(term_to_binary(T, [{compressed, L}])) || L <- [0, 1, 6, 9]],
              C = term_to_binary(T, [compressed]),
              Back = [binary_to_term(term_to_binary(T, [{compressed, L}])) =:= T
                      || L <- lists:seq(0, 9)],
              io:format("~w: plain=~w default=~w levels=~w~n  back=~w~n",
                        [Name, byte_size(Plain), info(C), Levels, Back])
      end, Terms),
    %% bytes produced by OTP for [0,0,...] (50 zeros) with compression
    Known = <<131,80,0,0,0,53,120,156,203,102,48,98,32,25,0,0,32,82,0,158>>,
    io:format("known ~w~n", [binary_to_term(Known) =:= lists:duplicate(50, 0)]),
    io:format("known used ~w~n", [binary_to_term(<<Known/binary, "junk">>, [used])]),
    %% the declared uncompressed size must be right
    WrongSize = <<131,80,0,0,0,54,120,156,203,102,48,98,32,25,0,0,32,82,0,158>>,
    io:format("wrong size ~p~n", [try binary_to_term(WrongSize) catch E0:R0 -> {E0, R0} end]),
    Bad = <<131, 80, 0, 0, 0, 10, 1, 2, 3>>,
    io:format("bad ~p~n", [try binary_to_term(Bad) catch E:R -> {E, R} end]),
    io:format("bad level ~p~n", [try term_to_binary(a, [{compressed, 10}]) catch E2:R2 -> {E2, R2} end]),
    io:format("bad opt ~p~n", [try term_to_binary(a, [bogus]) catch E3:R3 -> {E3, R3} end]),
    ok.

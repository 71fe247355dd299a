-module(bin_match_reuse).
-export([main/0]).

%% Match contexts passed between functions and reused: a parser that
%% hands the rest of its input to other functions, matching the same
%% binary several times, and returning the tail to the caller.

-define(IS_DIGIT(C), (C >= $0 andalso C =< $9)).

number(<<C, Rest/binary>>, Acc) when ?IS_DIGIT(C) -> number(Rest, Acc * 10 + C - $0);
number(Rest, Acc) -> {Acc, Rest}.

skip_ws(<<$\s, R/binary>>) -> skip_ws(R);
skip_ws(R) -> R.

tokens(<<>>) -> [];
tokens(<<C, _/binary>> = B) when ?IS_DIGIT(C) ->
    {N, R} = number(B, 0),
    [{num, N} | tokens(skip_ws(R))];
tokens(<<C, R/binary>>) when C =:= $+; C =:= $-; C =:= $*; C =:= $(; C =:= $) ->
    [{op, <<C>>} | tokens(skip_ws(R))];
tokens(<<$\s, R/binary>>) -> tokens(skip_ws(R));
tokens(Other) -> [{error, Other}].

first_two(B) ->
    <<A, _/binary>> = B,
    <<_, C, _/binary>> = B,
    {A, C, byte_size(B)}.

split_at(B, Sep) -> split_at(B, Sep, 0).
split_at(B, Sep, N) ->
    case B of
        <<Pre:N/binary, Sep, Post/binary>> -> {Pre, Post};
        <<_:N/binary, _, _/binary>> -> split_at(B, Sep, N + 1);
        _ -> nomatch
    end.

lines(B) ->
    case split_at(B, $\n) of
        {L, Rest} -> [L | lines(Rest)];
        nomatch -> [B]
    end.

bits_of(<<>>) -> [];
bits_of(<<B:1, R/bits>>) -> [B | bits_of(R)].

main() ->
    io:format("tokens ~p~n", [tokens(<<"12 + (345 * 6)-7">>)]),
    io:format("tokens bad ~p~n", [tokens(<<"1 + x">>)]),
    io:format("first_two ~p~n", [first_two(<<"hello">>)]),
    io:format("split ~p~n", [split_at(<<"key=value">>, $=)]),
    io:format("split none ~p~n", [split_at(<<"novalue">>, $=)]),
    io:format("lines ~p~n", [lines(<<"one\ntwo\n\nfour">>)]),
    io:format("bits ~w~n", [bits_of(<<16#A5, 1:3>>)]),
    Big = binary:copy(<<"0123456789 ">>, 20),
    Toks = tokens(Big),
    io:format("big ~w ~w~n", [length(Toks), lists:last(Toks)]),
    ok.

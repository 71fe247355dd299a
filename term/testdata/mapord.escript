#!/usr/bin/env escript
%% Regenerates the expected output of beamr's map-order tests with OTP 25:
%%   escript mapord.escript mapord_cases.txt > mapord_expected.txt
%%   escript mapord.escript -sort mapord_sort_cases.txt > mapord_sort_expected.txt
%% Each case line is an Erlang expression giving a list L. For a key case it
%% prints, for M = maps:from_list(lists:zip(L, lists:seq(1, length(L)))):
%% maps:keys(M) (~w), erlang:phash2(M), term_to_binary(M) in hex (or - when
%% M has more than 64 keys) and M itself with ~w (or - above 64 keys).
%% It also checks that maps:to_list/1 and maps:fold/3 agree with maps:keys/1
%% (fold and maps:next/1 run backwards through a map of more than 32 keys).
%% For a sort case (L a list of maps) it prints lists:sort(L) with ~w and the
%% length of lists:usort(L).
main(["-sort", File]) ->
    each(File, fun(L) ->
        io:format("~w~n~w~n", [lists:sort(L), length(lists:usort(L))])
    end);
main([File]) ->
    each(File, fun(L) ->
        M = maps:from_list(lists:zip(L, lists:seq(1, length(L)))),
        Keys = maps:keys(M),
        check(Keys =:= [K || {K, _} <- maps:to_list(M)], to_list),
        Folded = lists:reverse(maps:fold(fun(K, _, A) -> [K | A] end, [], M)),
        check(Folded =:= iter(maps:iterator(M)), fold),
        Expect = case map_size(M) > 32 of true -> lists:reverse(Keys); false -> Keys end,
        check(Folded =:= Expect, iterator),
        io:format("~w~n~w~n", [Keys, erlang:phash2(M)]),
        case map_size(M) =< 64 of
            true -> io:format("~s~n", [binary:encode_hex(term_to_binary(M))]);
            false -> io:format("-~n")
        end,
        case map_size(M) =< 64 of
            true -> io:format("~w~n", [M]);
            false -> io:format("-~n")
        end
    end).

iter(I) ->
    case maps:next(I) of
        none -> [];
        {K, _, I2} -> [K | iter(I2)]
    end.

check(true, _) -> ok;
check(false, What) -> io:format(standard_error, "order check failed: ~p~n", [What]), halt(1).

each(File, F) ->
    {ok, B} = file:read_file(File),
    lists:foreach(fun(Line) ->
        {ok, Toks, _} = erl_scan:string(binary_to_list(Line) ++ "."),
        {ok, [E]} = erl_parse:parse_exprs(Toks),
        {value, L, _} = erl_eval:expr(E, []),
        F(L)
    end, [Line || Line <- binary:split(B, <<"\n">>, [global]), Line =/= <<>>]).

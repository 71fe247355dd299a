-module(gt_strings).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, direction/0, split_all/0]).

-type dynamic_() :: any().

-type direction() :: leading | trailing | both.

-type split_all() :: all.

-spec show(binary(), binary()) -> nil.
show(Label, S) ->
    io:format(
        <<"~ts: ~ts (~b graphemes, ~b bytes)~n"/utf8>>,
        erlang:tuple_to_list({Label, S, string:length(S), erlang:byte_size(S)})
    ).

-spec direction_fix(direction()) -> direction().
direction_fix(D) ->
    D.

-spec direction_label(direction()) -> binary().
direction_label(D) ->
    case D of
        leading ->
            <<"leading"/utf8>>;

        trailing ->
            <<"trailing"/utf8>>;

        both ->
            <<"both"/utf8>>
    end.

-spec each(list(ADI), fun((ADI) -> any())) -> nil.
each(L, F) ->
    case L of
        [] ->
            nil;

        [X | Xs] ->
            F(X),
            each(Xs, F)
    end.

-spec main() -> nil.
main() ->
    Words = [<<"hello"/utf8>>,
        <<"héllo"/utf8>>,
        <<"straße"/utf8>>,
        <<"Ωμέγα"/utf8>>,
        <<"İstanbul"/utf8>>,
        <<"ﬁne"/utf8>>,
        <<"日本語"/utf8>>,
        <<"éte"/utf8>>],
    each(
        Words,
        fun(W) ->
            show(<<"word"/utf8>>, W),
            show(<<"upper"/utf8>>, string:uppercase(W)),
            show(<<"lower"/utf8>>, string:lowercase(W)),
            show(<<"title"/utf8>>, string:titlecase(W)),
            show(<<"fold"/utf8>>, string:casefold(W)),
            show(
                <<"rev"/utf8>>,
                unicode:characters_to_binary(string:reverse(W))
            )
        end
    ),
    S = <<"naïve café 🇫🇷 flags"/utf8>>,
    show(<<"s"/utf8>>, S),
    show(<<"slice 0 5"/utf8>>, string:slice(S, 0, 5)),
    show(<<"slice 6 4"/utf8>>, string:slice(S, 6, 4)),
    show(<<"slice 11 1"/utf8>>, string:slice(S, 11, 1)),
    show(<<"slice 13 99"/utf8>>, string:slice(S, 13, 99)),
    io:format(
        <<"~p~n"/utf8>>,
        [string:split(<<"a,b,,c"/utf8>>, <<","/utf8>>, all)]
    ),
    io:format(
        <<"~p~n"/utf8>>,
        [string:split(<<"a,b,,c"/utf8>>, <<","/utf8>>, leading)]
    ),
    io:format(
        <<"~p~n"/utf8>>,
        [string:split(<<"a,b,,c"/utf8>>, <<","/utf8>>, trailing)]
    ),
    io:format(
        <<"~p~n"/utf8>>,
        [string:lexemes(<<"  many   spaces here "/utf8>>, [32])]
    ),
    show(
        <<"replace"/utf8>>,
        unicode:characters_to_binary(
            string:replace(<<"a-b-c"/utf8>>, <<"-"/utf8>>, <<"+"/utf8>>, all)
        )
    ),
    show(
        <<"replace1"/utf8>>,
        unicode:characters_to_binary(
            string:replace(
                <<"a-b-c"/utf8>>,
                <<"-"/utf8>>,
                <<"–"/utf8>>,
                trailing
            )
        )
    ),
    show(
        <<"pad"/utf8>>,
        unicode:characters_to_binary(string:pad(<<"ab"/utf8>>, 6, leading, 46))
    ),
    show(
        <<"pad"/utf8>>,
        unicode:characters_to_binary(string:pad(<<"äö"/utf8>>, 6, both, 42))
    ),
    show(
        <<"pad"/utf8>>,
        unicode:characters_to_binary(string:pad(<<"x"/utf8>>, 4, trailing, 32))
    ),
    show(<<"trim"/utf8>>, string:trim(<<"\t  spaced out \n"/utf8>>, both)),
    show(<<"trim"/utf8>>, string:trim(<<"\t  spaced out \n"/utf8>>, leading)),
    io:format(
        <<"~p~n"/utf8>>,
        [string:find(<<"hello world"/utf8>>, <<"o w"/utf8>>)]
    ),
    io:format(
        <<"~p~n"/utf8>>,
        [string:find(<<"hello world"/utf8>>, <<"xyz"/utf8>>)]
    ),
    io:format(
        <<"~p ~p~n"/utf8>>,
        erlang:tuple_to_list(
            {string:is_empty(<<""/utf8>>), string:is_empty(<<" "/utf8>>)}
        )
    ),
    io:format(
        <<"~p ~p~n"/utf8>>,
        erlang:tuple_to_list(
            {string:equal(<<"abc"/utf8>>, <<"abc"/utf8>>),
                string:equal(<<"ÄBC"/utf8>>, <<"äbc"/utf8>>, true)}
        )
    ),
    io:format(<<"~p~n"/utf8>>, [string:to_integer(<<"123abc"/utf8>>)]),
    io:format(<<"~p~n"/utf8>>, [string:to_integer(<<"-42"/utf8>>)]),
    io:format(<<"~p~n"/utf8>>, [string:to_integer(<<"abc"/utf8>>)]),
    Joined = <<<<<<<<"Gleam"/utf8, " "/utf8>>/binary, "on"/utf8>>/binary,
            " "/utf8>>/binary,
        "BEAM"/utf8>>,
    show(<<"joined"/utf8>>, Joined),
    io:format(<<"~ts~n"/utf8>>, [direction_label(direction_fix(both))]).

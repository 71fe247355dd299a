-module(gt_graphemes).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec pop(binary()) -> {ok, {binary(), binary()}} | {error, nil}.
pop(S) ->
    case string:is_empty(S) of
        true ->
            {error, nil};

        false ->
            R = string:next_grapheme(S),
            {ok, {unicode:characters_to_binary([erlang:hd(R)]), erlang:tl(R)}}
    end.

-spec reverse(list(YU), list(YU)) -> list(YU).
reverse(L, Acc) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            reverse(Xs, [X | Acc])
    end.

-spec graphemes(binary(), list(binary())) -> list(binary()).
graphemes(S, Acc) ->
    case pop(S) of
        {error, nil} ->
            reverse(Acc, []);

        {ok, {G, Rest}} ->
            graphemes(Rest, [G | Acc])
    end.

-spec count(list(any())) -> integer().
count(L) ->
    case L of
        [] ->
            0;

        [_ | Xs] ->
            1 + count(Xs)
    end.

-spec join(list(binary()), binary()) -> binary().
join(L, Sep) ->
    case L of
        [] ->
            <<""/utf8>>;

        [X] ->
            X;

        [X@1 | Xs] ->
            <<<<X@1/binary, Sep/binary>>/binary, (join(Xs, Sep))/binary>>
    end.

-spec show(binary()) -> nil.
show(S) ->
    Gs = graphemes(S, []),
    io:format(
        <<"~ts~n  ~b graphemes, ~b code points, ~b bytes, string:length ~b~n  [~ts]~n"/utf8>>,
        erlang:tuple_to_list(
            {S,
                count(Gs),
                count(unicode:characters_to_list(S)),
                erlang:byte_size(S),
                string:length(S),
                join(Gs, <<"|"/utf8>>)}
        )
    ),
    Direct = string:to_graphemes(S),
    io:format(<<"  to_graphemes: ~w~n"/utf8>>, [Direct]).

-spec main() -> nil.
main() ->
    show(<<"abc"/utf8>>),
    show(<<"éte"/utf8>>),
    show(<<"ạ̈b"/utf8>>),
    show(<<"🇫🇷🇩🇪🇯"/utf8>>),
    show(<<"👩‍👩‍👧 family"/utf8>>),
    show(<<"👍🏽 ok"/utf8>>),
    show(<<"x\r\ny\n\rz"/utf8>>),
    show(<<"한국어 ᄀᄀ가"/utf8>>),
    show(<<"नमस्ते"/utf8>>),
    show(<<"ﾃｽﾄ ｶﾞ"/utf8>>),
    show(<<""/utf8>>).

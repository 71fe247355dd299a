-module(gt_wordfreq).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, map_/2]).

-type dynamic_() :: any().

-type map_(BRY, BRZ) :: any() | {gleam_phantom, BRY, BRZ}.

-spec fold(list(BTC), BTE, fun((BTE, BTC) -> BTE)) -> BTE.
fold(L, Acc, F) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            fold(Xs, F(Acc, X), F)
    end.

-spec count(list(binary())) -> map_(binary(), integer()).
count(Words) ->
    fold(
        Words,
        maps:new(),
        fun(M, W) -> maps:update_with(W, fun(N) -> N + 1 end, 1, M) end
    ).

-spec map(list(BTF), fun((BTF) -> BTH)) -> list(BTH).
map(L, F) ->
    case L of
        [] ->
            [];

        [X | Xs] ->
            [F(X) | map(Xs, F)]
    end.

-spec take(list(BTJ), integer()) -> list(BTJ).
take(L, N) ->
    case {L, N} of
        {_, 0} ->
            [];

        {[], _} ->
            [];

        {[X | Xs], _} ->
            [X | take(Xs, N - 1)]
    end.

-spec bar(integer()) -> binary().
bar(N) ->
    case N of
        0 ->
            <<""/utf8>>;

        _ ->
            <<"█"/utf8, (bar(N - 1))/binary>>
    end.

-spec each(list(BTN), fun((BTN) -> any())) -> nil.
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
    Seps = [32, 10, 46, 44, 59, 58, 33, 63, 8212],
    Words = map(
        string:lexemes(
            <<"The quick brown fox jumps over the lazy dog. THE DOG sleeps;
the fox — quick, quick! — runs. Über-fox and über-dog: ÜBER everything.
Çа va? ça va, ÇA VA!"/utf8>>,
            Seps
        ),
        fun string:lowercase/1
    ),
    io:format(<<"~b words~n"/utf8>>, [fold(Words, 0, fun(N, _) -> N + 1 end)]),
    Counts = maps:to_list(count(Words)),
    Ranked = lists:sort(
        fun(A, B) -> case erlang:element(2, A) =:= erlang:element(2, B) of
                true ->
                    erlang:'<'(erlang:element(1, A), erlang:element(1, B))
                    orelse (erlang:element(1, A) =:= erlang:element(1, B));

                false ->
                    erlang:element(2, A) > erlang:element(2, B)
            end end,
        Counts
    ),
    each(
        take(Ranked, 12),
        fun(Pair) ->
            {W, N@1} = Pair,
            io:format(
                <<"~-12ts|~3b|~ts~n"/utf8>>,
                erlang:tuple_to_list({W, N@1, bar(N@1)})
            )
        end
    ),
    Longest = fold(
        Words,
        <<""/utf8>>,
        fun(Best, W@1) -> case string:length(W@1) > string:length(Best) of
                true ->
                    W@1;

                false ->
                    Best
            end end
    ),
    io:format(
        <<"longest: ~ts (~b)~n"/utf8>>,
        erlang:tuple_to_list({Longest, string:length(Longest)})
    ).

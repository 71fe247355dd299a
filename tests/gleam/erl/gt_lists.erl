-module(gt_lists).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec map(list(AYZ), fun((AYZ) -> AZB)) -> list(AZB).
map(L, F) ->
    case L of
        [] ->
            [];

        [X | Xs] ->
            [F(X) | map(Xs, F)]
    end.

-spec filter(list(AZD), fun((AZD) -> boolean())) -> list(AZD).
filter(L, F) ->
    case L of
        [] ->
            [];

        [X | Xs] ->
            case F(X) of
                true ->
                    [X | filter(Xs, F)];

                false ->
                    filter(Xs, F)
            end
    end.

-spec fold(list(AZG), AZI, fun((AZI, AZG) -> AZI)) -> AZI.
fold(L, Acc, F) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            fold(Xs, F(Acc, X), F)
    end.

-spec fold_right(list(AZJ), AZL, fun((AZJ, AZL) -> AZL)) -> AZL.
fold_right(L, Acc, F) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            F(X, fold_right(Xs, Acc, F))
    end.

-spec take(list(AZM), integer()) -> list(AZM).
take(L, N) ->
    case {L, N} of
        {_, 0} ->
            [];

        {[], _} ->
            [];

        {[X | Xs], N@1} ->
            [X | take(Xs, N@1 - 1)]
    end.

-spec drop(list(AZT), integer()) -> list(AZT).
drop(L, N) ->
    case {L, N} of
        {L@1, 0} ->
            L@1;

        {[], _} ->
            [];

        {[_ | Xs], N@1} ->
            drop(Xs, N@1 - 1)
    end.

-spec chunk(list(AZP), integer()) -> list(list(AZP)).
chunk(L, N) ->
    case L of
        [] ->
            [];

        _ ->
            [take(L, N) | chunk(drop(L, N), N)]
    end.

-spec interleave(list(AZW), list(AZW)) -> list(AZW).
interleave(A, B) ->
    case {A, B} of
        {[], Rest} ->
            Rest;

        {Rest, []} ->
            Rest;

        {[X | Xs], [Y | Ys]} ->
            [X, Y | interleave(Xs, Ys)]
    end.

-spec sieve(list(integer())) -> list(integer()).
sieve(L) ->
    case L of
        [] ->
            [];

        [P | Rest] ->
            [P | sieve(filter(Rest, fun(X) -> (case P of
                                0 -> 0;
                                Gleam@denominator -> X rem Gleam@denominator
                            end) /= 0 end))]
    end.

-spec primes(integer()) -> list(integer()).
primes(N) ->
    sieve(lists:seq(2, N)).

-spec main() -> nil.
main() ->
    Xs = lists:seq(1, 20),
    p(Xs),
    p(map(Xs, fun(X) -> X * X end)),
    p(filter(Xs, fun(X@1) -> (X@1 rem 3) =:= 0 end)),
    p(fold(Xs, 0, fun(Acc, X@2) -> Acc + X@2 end)),
    p(fold_right([1, 2, 3], [], fun(X@3, Acc@1) -> [X@3 * 10 | Acc@1] end)),
    p(chunk(Xs, 6)),
    p(interleave([1, 3, 5, 7], [2, 4])),
    p(primes(100)),
    p(lists:reverse(Xs)),
    p(lists:sort([5, 3, 9, 1, 3, 7])),
    p(lists:usort([5, 3, 9, 1, 3, 7])),
    p(lists:sort(fun(A, B) -> A >= B end, [5, 3, 9, 1, 3, 7])),
    p(lists:append([1, 2], [3])),
    p(lists:flatten([[1], [], [2, 3]])),
    Pairs = lists:zip([1, 2, 3], [<<"a"/utf8>>, <<"b"/utf8>>, <<"c"/utf8>>]),
    p(Pairs),
    p(lists:unzip(Pairs)),
    p(
        {lists:sum(Xs),
            lists:max(Xs),
            lists:nth(3, Xs),
            lists:last(Xs),
            erlang:length(Xs)}
    ),
    p(lists:sublist(Xs, 5, 3)),
    p(lists:map(fun(X@4) -> X@4 + 1 end, [1, 2, 3])),
    p(lists:foldl(fun(X@5, Acc@2) -> [X@5 | Acc@2] end, [], [1, 2, 3])),
    p(
        lists:filter(
            fun(S) -> S /= <<"b"/utf8>> end,
            [<<"a"/utf8>>, <<"b"/utf8>>, <<"c"/utf8>>]
        )
    ),
    p(lists:partition(fun(X@6) -> X@6 > 10 end, Xs)),
    p(lists:duplicate(3, {<<"x"/utf8>>, 1.5})),
    p({lists:member(7, Xs), lists:member(70, Xs)}),
    Long = lists:seq(1, 100000),
    p(fold(Long, 0, fun(Acc@3, X@7) -> Acc@3 + X@7 end)),
    p(erlang:length(map(Long, fun(X@8) -> X@8 * 2 end))),
    p([[1, 2], [3]] =:= [[1, 2], [3]]),
    p(lists:sort([[3], [1, 2], [], [1]])),
    p(lists:sort([{2, <<"b"/utf8>>}, {1, <<"z"/utf8>>}, {2, <<"a"/utf8>>}])).

-module(gt_maps).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, map_/2, find_result/1, inventory/0]).

-type dynamic_() :: any().

-type map_(BWO, BWP) :: any() | {gleam_phantom, BWO, BWP}.

-type find_result(BWQ) :: {ok, BWQ} | error.

-type inventory() :: {inventory, map_(binary(), integer()), list(binary())}.

-spec get(map_(CBB, CBC), CBB) -> {ok, CBC} | {error, nil}.
get(M, K) ->
    case maps:find(K, M) of
        {ok, V} ->
            {ok, V};

        error ->
            {error, nil}
    end.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec add_item(inventory(), binary(), integer()) -> inventory().
add_item(Inv, Name, N) ->
    {inventory,
        maps:update_with(
            Name,
            fun(Old) -> Old + N end,
            N,
            erlang:element(2, Inv)
        ),
        [<<"add "/utf8, Name/binary>> | erlang:element(3, Inv)]}.

-spec fold_range(integer(), integer(), map_(integer(), integer())) -> map_(integer(), integer()).
fold_range(From, To, Acc) ->
    case From > To of
        true ->
            Acc;

        false ->
            fold_range(From + 1, To, maps:put(From, From * From, Acc))
    end.

-spec main() -> nil.
main() ->
    M = maps:from_list(
        [{<<"one"/utf8>>, 1}, {<<"two"/utf8>>, 2}, {<<"three"/utf8>>, 3}]
    ),
    p(M),
    p(maps:size(M)),
    p(get(M, <<"two"/utf8>>)),
    p(get(M, <<"four"/utf8>>)),
    p({maps:is_key(<<"one"/utf8>>, M), maps:is_key(<<"zero"/utf8>>, M)}),
    M2 = maps:put(<<"four"/utf8>>, 4, maps:remove(<<"one"/utf8>>, M)),
    p(lists:sort(maps:to_list(M2))),
    p(lists:sort(maps:keys(M2))),
    p(lists:sort(maps:values(M2))),
    p(maps:fold(fun(_, V, Acc) -> Acc + V end, 0, M2)),
    p(maps:map(fun(K, V@1) -> {K, V@1 * 100} end, M2)),
    p(maps:filter(fun(_, V@2) -> (V@2 rem 2) =:= 0 end, M2)),
    p(
        maps:merge(
            M,
            maps:from_list([{<<"one"/utf8>>, 100}, {<<"five"/utf8>>, 5}])
        )
    ),
    p(
        maps:merge_with(
            fun(_, A, B) -> A + B end,
            M,
            maps:from_list([{<<"one"/utf8>>, 100}, {<<"five"/utf8>>, 5}])
        )
    ),
    p(maps:with([<<"one"/utf8>>, <<"three"/utf8>>, <<"nine"/utf8>>], M)),
    p(maps:without([<<"one"/utf8>>, <<"three"/utf8>>], M)),
    p(maps:get(<<"nine"/utf8>>, M, -1)),
    Inv = begin
        _pipe = {inventory, maps:new(), []},
        _pipe@1 = add_item(_pipe, <<"apple"/utf8>>, 3),
        _pipe@2 = add_item(_pipe@1, <<"pear"/utf8>>, 1),
        add_item(_pipe@2, <<"apple"/utf8>>, 2)
    end,
    p(Inv),
    Int_keys = maps:from_list(
        [{3, <<"c"/utf8>>},
            {1, <<"a"/utf8>>},
            {2, <<"b"/utf8>>},
            {10, <<"j"/utf8>>}]
    ),
    p(Int_keys),
    p(maps:to_list(Int_keys)),
    Mixed = maps:from_list([{{1, 2}, [1]}, {{0, 9}, [2]}]),
    p(Mixed),
    Big = fold_range(1, 200, maps:new()),
    p(maps:size(Big)),
    p(get(Big, 150)),
    p(get(Big, 201)),
    p(
        M =:= maps:from_list(
            [{<<"three"/utf8>>, 3}, {<<"two"/utf8>>, 2}, {<<"one"/utf8>>, 1}]
        )
    ).

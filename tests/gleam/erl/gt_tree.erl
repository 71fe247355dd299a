-module(gt_tree).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, order/0, tree/2]).

-type dynamic_() :: any().

-type order() :: lt | eq | gt.

-type tree(BGT, BGU) :: leaf | {node, tree(BGT, BGU), BGT, BGU, tree(BGT, BGU)}.

-spec compare_int(integer(), integer()) -> order().
compare_int(A, B) ->
    case {A < B, A > B} of
        {true, _} ->
            lt;

        {_, true} ->
            gt;

        {_, _} ->
            eq
    end.

-spec compare_string(binary(), binary()) -> order().
compare_string(A, B) ->
    case {erlang:'<'(A, B), erlang:'<'(B, A)} of
        {true, _} ->
            lt;

        {_, true} ->
            gt;

        {_, _} ->
            eq
    end.

-spec insert(tree(BHA, BHB), BHA, BHB, fun((BHA, BHA) -> order())) -> tree(BHA, BHB).
insert(T, K, V, Cmp) ->
    case T of
        leaf ->
            {node, leaf, K, V, leaf};

        {node, L, Key, Value, R} ->
            case Cmp(K, Key) of
                lt ->
                    {node, insert(L, K, V, Cmp), Key, Value, R};

                gt ->
                    {node, L, Key, Value, insert(R, K, V, Cmp)};

                eq ->
                    {node, L, Key, V, R}
            end
    end.

-spec find(tree(BHG, BHH), BHG, fun((BHG, BHG) -> order())) -> {ok, BHH} |
    {error, nil}.
find(T, K, Cmp) ->
    case T of
        leaf ->
            {error, nil};

        {node, L, Key, Value, R} ->
            case Cmp(K, Key) of
                lt ->
                    find(L, K, Cmp);

                gt ->
                    find(R, K, Cmp);

                eq ->
                    {ok, Value}
            end
    end.

-spec fold_right(tree(BHR, BHS), BHV, fun((BHR, BHS, BHV) -> BHV)) -> BHV.
fold_right(T, Acc, F) ->
    case T of
        leaf ->
            Acc;

        {node, L, K, V, R} ->
            fold_right(L, F(K, V, fold_right(R, Acc, F)), F)
    end.

-spec to_list(tree(BHM, BHN)) -> list({BHM, BHN}).
to_list(T) ->
    fold_right(T, [], fun(K, V, Acc) -> [{K, V} | Acc] end).

-spec max(integer(), integer()) -> integer().
max(A, B) ->
    case A > B of
        true ->
            A;

        false ->
            B
    end.

-spec depth(tree(any(), any())) -> integer().
depth(T) ->
    case T of
        leaf ->
            0;

        {node, L, _, _, R} ->
            1 + max(depth(L), depth(R))
    end.

-spec size(tree(any(), any())) -> integer().
size(T) ->
    fold_right(T, 0, fun(_, _, N) -> N + 1 end).

-spec balanced(list({BIE, BIF}), integer()) -> {tree(BIE, BIF),
    list({BIE, BIF})}.
balanced(Items, N) ->
    case N of
        0 ->
            {leaf, Items};

        _ ->
            Left_n = (N - 1) div 2,
            {Left, Rest} = balanced(Items, Left_n),
            [{K, V} | Rest2] = case Rest of
                [{_, _} | _] -> Rest;
                _assert_fail ->
                    erlang:error(#{gleam_error => let_assert,
                                message => <<"Assertion pattern match failed"/utf8>>,
                                value => _assert_fail,
                                module => <<"gt_tree"/utf8>>,
                                function => <<"balanced"/utf8>>,
                                line => 101})
            end,
            {Right, Rest3} = balanced(Rest2, (N - 1) - Left_n),
            {{node, Left, K, V, Right}, Rest3}
    end.

-spec map_values(tree(BIK, BIL), fun((BIL) -> BIO)) -> tree(BIK, BIO).
map_values(T, F) ->
    case T of
        leaf ->
            leaf;

        {node, L, K, V, R} ->
            {node, map_values(L, F), K, F(V), map_values(R, F)}
    end.

-spec fold(list(BIS), BIU, fun((BIU, BIS) -> BIU)) -> BIU.
fold(L, Acc, F) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            fold(Xs, F(Acc, X), F)
    end.

-spec range(integer(), integer()) -> list(integer()).
range(A, B) ->
    case A > B of
        true ->
            [];

        false ->
            [A | range(A + 1, B)]
    end.

-spec main() -> nil.
main() ->
    Keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30],
    T = fold(
        Keys,
        leaf,
        fun(Acc, K) -> insert(Acc, K, K * 10, fun compare_int/2) end
    ),
    io:format(<<"~p~n"/utf8>>, [to_list(T)]),
    io:format(
        <<"size ~b depth ~b~n"/utf8>>,
        erlang:tuple_to_list({size(T), depth(T)})
    ),
    io:format(
        <<"~p ~p~n"/utf8>>,
        erlang:tuple_to_list(
            {find(T, 45, fun compare_int/2), find(T, 46, fun compare_int/2)}
        )
    ),
    Seq = range(1, 100),
    Skewed = fold(
        Seq,
        leaf,
        fun(Acc@1, K@1) -> insert(Acc@1, K@1, nil, fun compare_int/2) end
    ),
    io:format(<<"skewed depth ~b~n"/utf8>>, [depth(Skewed)]),
    {Bal, Rest} = balanced(to_list(Skewed), 100),
    io:format(
        <<"balanced depth ~b, size ~b, left over ~p~n"/utf8>>,
        erlang:tuple_to_list({depth(Bal), size(Bal), Rest})
    ),
    Words = [<<"pear"/utf8>>,
        <<"apple"/utf8>>,
        <<"fig"/utf8>>,
        <<"banana"/utf8>>,
        <<"cherry"/utf8>>,
        <<"apple"/utf8>>],
    Wt = fold(
        Words,
        leaf,
        fun(Acc@2, W) -> insert(Acc@2, W, 1, fun compare_string/2) end
    ),
    io:format(
        <<"~p~n"/utf8>>,
        [to_list(map_values(Wt, fun(N) -> {N, N + 1} end))]
    ),
    Small = insert(
        insert(leaf, <<"b"/utf8>>, 2, fun compare_string/2),
        <<"a"/utf8>>,
        1,
        fun compare_string/2
    ),
    io:format(<<"~p~n"/utf8>>, [Small]).

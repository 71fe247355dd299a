%% gb_trees: general balanced trees, {Size, Tree} where Tree is nil or
%% {Key, Value, Smaller, Bigger}. Keys are compared with < and >, so keys
%% that compare equal (1 and 1.0) are the same key. This implementation
%% keeps the tree balanced by rebuilding it when its height grows past
%% twice the ideal height; the shape of the tree can differ from OTP's.
-module(gb_trees).

-export([empty/0, is_empty/1, size/1, lookup/2, get/2, is_defined/2,
         insert/3, enter/3, update/3, delete/2, delete_any/2, take/2,
         take_any/2, balance/1, from_orddict/1, to_list/1, keys/1,
         values/1, smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1,
         map/2]).

-compile({no_auto_import, [size/1]}).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

lookup(Key, {_, T}) -> lookup_1(Key, T).

lookup_1(Key, {Key1, _, Smaller, _}) when Key < Key1 -> lookup_1(Key, Smaller);
lookup_1(Key, {Key1, _, _, Bigger}) when Key > Key1 -> lookup_1(Key, Bigger);
lookup_1(_, {_, Value, _, _}) -> {value, Value};
lookup_1(_, nil) -> none.

is_defined(Key, {_, T}) ->
    case lookup_1(Key, T) of
        {value, _} -> true;
        none -> false
    end.

get(Key, {_, T}) -> get_1(Key, T).

get_1(Key, {Key1, _, Smaller, _}) when Key < Key1 -> get_1(Key, Smaller);
get_1(Key, {Key1, _, _, Bigger}) when Key > Key1 -> get_1(Key, Bigger);
get_1(_, {_, Value, _, _}) -> Value.

update(Key, Val, {S, T}) -> {S, update_1(Key, Val, T)}.

update_1(Key, Val, {Key1, V, Smaller, Bigger}) when Key < Key1 ->
    {Key1, V, update_1(Key, Val, Smaller), Bigger};
update_1(Key, Val, {Key1, V, Smaller, Bigger}) when Key > Key1 ->
    {Key1, V, Smaller, update_1(Key, Val, Bigger)};
update_1(Key, Value, {_, _, Smaller, Bigger}) ->
    {Key, Value, Smaller, Bigger}.

insert(Key, Val, {S, T}) when is_integer(S) ->
    S1 = S + 1,
    {T1, H} = insert_1(Key, Val, T),
    rebalance(S1, T1, H).

insert_1(Key, Value, {Key1, V, Smaller, Bigger}) when Key < Key1 ->
    {T1, H} = insert_1(Key, Value, Smaller),
    {{Key1, V, T1, Bigger}, H + 1};
insert_1(Key, Value, {Key1, V, Smaller, Bigger}) when Key > Key1 ->
    {T1, H} = insert_1(Key, Value, Bigger),
    {{Key1, V, Smaller, T1}, H + 1};
insert_1(Key, Value, nil) ->
    {{Key, Value, nil, nil}, 1};
insert_1(Key, _, _) ->
    erlang:error({key_exists, Key}).

rebalance(S, T, H) ->
    case H > 2 * ideal_height(S) of
        true -> balance({S, T});
        false -> {S, T}
    end.

ideal_height(S) -> ideal_height(S, 1).

ideal_height(S, H) when S > 1 -> ideal_height(S bsr 1, H + 1);
ideal_height(_, H) -> H.

enter(Key, Val, T) ->
    case is_defined(Key, T) of
        true -> update(Key, Val, T);
        false -> insert(Key, Val, T)
    end.

balance({S, T}) -> {S, balance_list(to_list_1(T, []), S)}.

balance_list(L, S) ->
    {T, []} = balance_list_1(L, S),
    T.

balance_list_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [{K, V} | L1]} = balance_list_1(L, S1),
    {T2, L2} = balance_list_1(L1, S2),
    {{K, V, T1, T2}, L2};
balance_list_1([{Key, Val} | L], 1) -> {{Key, Val, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

from_orddict(L) ->
    S = length(L),
    {S, balance_list(L, S)}.

delete_any(Key, T) ->
    case is_defined(Key, T) of
        true -> delete(Key, T);
        false -> T
    end.

delete(Key, {S, T}) when is_integer(S), S >= 0 -> {S - 1, delete_1(Key, T)}.

delete_1(Key, {Key1, Value, Smaller, Larger}) when Key < Key1 ->
    {Key1, Value, delete_1(Key, Smaller), Larger};
delete_1(Key, {Key1, Value, Smaller, Bigger}) when Key > Key1 ->
    {Key1, Value, Smaller, delete_1(Key, Bigger)};
delete_1(_, {_, _, Smaller, Larger}) -> merge(Smaller, Larger).

merge(Smaller, nil) -> Smaller;
merge(nil, Larger) -> Larger;
merge(Smaller, Larger) ->
    {Key, Value, Larger1} = take_smallest1(Larger),
    {Key, Value, Smaller, Larger1}.

take_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> take(Key, Tree);
        false -> error
    end.

take(Key, {S, T}) when is_integer(S), S >= 0 ->
    {Value, Res} = take_1(Key, T),
    {Value, {S - 1, Res}}.

take_1(Key, {Key1, Value, Smaller, Larger}) when Key < Key1 ->
    {Value2, Smaller1} = take_1(Key, Smaller),
    {Value2, {Key1, Value, Smaller1, Larger}};
take_1(Key, {Key1, Value, Smaller, Bigger}) when Key > Key1 ->
    {Value2, Bigger1} = take_1(Key, Bigger),
    {Value2, {Key1, Value, Smaller, Bigger1}};
take_1(_, {_Key, Value, Smaller, Larger}) ->
    {Value, merge(Smaller, Larger)}.

take_smallest({S, T}) ->
    {Key, Value, Larger} = take_smallest1(T),
    {Key, Value, {S - 1, Larger}}.

take_smallest1({Key, Value, nil, Larger}) -> {Key, Value, Larger};
take_smallest1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Smaller1} = take_smallest1(Smaller),
    {Key1, Value1, {Key, Value, Smaller1, Larger}}.

smallest({_, T}) -> smallest_1(T).

smallest_1({Key, Value, nil, _Larger}) -> {Key, Value};
smallest_1({_Key, _Value, Smaller, _Larger}) -> smallest_1(Smaller).

take_largest({S, T}) ->
    {Key, Value, Smaller} = take_largest1(T),
    {Key, Value, {S - 1, Smaller}}.

take_largest1({Key, Value, Smaller, nil}) -> {Key, Value, Smaller};
take_largest1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Larger1} = take_largest1(Larger),
    {Key1, Value1, {Key, Value, Smaller, Larger1}}.

largest({_, T}) -> largest_1(T).

largest_1({Key, Value, _Smaller, nil}) -> {Key, Value};
largest_1({_Key, _Value, _Smaller, Larger}) -> largest_1(Larger).

to_list({_, T}) -> to_list_1(T, []).

to_list_1({Key, Value, Small, Big}, L) -> to_list_1(Small, [{Key, Value} | to_list_1(Big, L)]);
to_list_1(nil, L) -> L.

keys({_, T}) -> keys_1(T, []).

keys_1({Key, _Value, Small, Big}, L) -> keys_1(Small, [Key | keys_1(Big, L)]);
keys_1(nil, L) -> L.

values({_, T}) -> values_1(T, []).

values_1({_Key, Value, Small, Big}, L) -> values_1(Small, [Value | values_1(Big, L)]);
values_1(nil, L) -> L.

iterator({_, T}) -> iterator_1(T, []).

iterator_1({_, _, nil, _} = T, As) -> [T | As];
iterator_1({_, _, L, _} = T, As) -> iterator_1(L, [T | As]);
iterator_1(nil, As) -> As.

iterator_from(S, {_, T}) -> iterator_from_1(S, T, []).

iterator_from_1(S, {K, _, _, T}, As) when K < S -> iterator_from_1(S, T, As);
iterator_from_1(_, {_, _, nil, _} = T, As) -> [T | As];
iterator_from_1(S, {_, _, L, _} = T, As) -> iterator_from_1(S, L, [T | As]);
iterator_from_1(_, nil, As) -> As.

next([{X, V, _, T} | As]) -> {X, V, iterator_1(T, As)};
next([]) -> none.

map(F, {Size, Tree}) when is_function(F, 2) -> {Size, map_1(F, Tree)}.

map_1(_, nil) -> nil;
map_1(F, {K, V, Smaller, Larger}) -> {K, F(K, V), map_1(F, Smaller), map_1(F, Larger)}.

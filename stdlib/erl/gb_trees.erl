%% gb_trees: general balanced trees, as OTP 25 provides them.
%%
%% A tree is {Size, Tree}, Tree being nil or {Key, Value, Smaller, Bigger}.
%% Keys are ordered with < and >, so keys that compare equal (1 and 1.0)
%% are the same key. The tree shapes are OTP's, because they are visible
%% when a tree is printed or compared:
%%
%%   - insert/3 walks down with a budget of Size^2 halved at each level;
%%     when a new leaf lands where the budget is exhausted, the path back
%%     up is checked and the lowest subtree whose 2^height exceeds the
%%     square of its size is rebuilt perfectly balanced;
%%   - delete/2 and take/2 never rebalance; a removed inner node is
%%     replaced by the smallest entry of its right subtree;
%%   - balance/1 and from_orddict/1 build perfectly balanced trees whose
%%     left subtrees get the bigger half;
%%   - update/3 stores the key it is given (1.0 may replace 1).
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
    {S1, insert_into(Key, Val, T, S1 * S1)}.

%% insert_into returns the new subtree, or {Subtree, Height, Size} while
%% the subtree may still have to be rebalanced, Height being 2^height. A
%% new leaf starts such a triple only when it lands where the budget,
%% Size^2 at the root and halved at each level, has run out. (A plain
%% node has four elements, so the two results cannot be confused.)
insert_into(Key, Value, {Key1, V, Smaller, Bigger}, Budget) when Key < Key1 ->
    case insert_into(Key, Value, Smaller, Budget bsr 1) of
        {T1, H1, N1} ->
            check_path({Key1, V, T1, Bigger}, H1, N1, Bigger);
        T1 ->
            {Key1, V, T1, Bigger}
    end;
insert_into(Key, Value, {Key1, V, Smaller, Bigger}, Budget) when Key > Key1 ->
    case insert_into(Key, Value, Bigger, Budget bsr 1) of
        {T1, H1, N1} ->
            check_path({Key1, V, Smaller, T1}, H1, N1, Smaller);
        T1 ->
            {Key1, V, Smaller, T1}
    end;
insert_into(Key, Value, nil, 0) ->
    {{Key, Value, nil, nil}, 1, 1};
insert_into(Key, Value, nil, _) ->
    {Key, Value, nil, nil};
insert_into(Key, _, _, _) ->
    erlang:error({key_exists, Key}).

%% check_path rebuilds the subtree T, whose changed child measured
%% {H1, N1}, when 2^height exceeds the square of its size; otherwise it
%% passes the measurements up.
check_path(T, H1, N1, Sibling) ->
    {H2, N2} = measure(Sibling),
    H = 2 * max(H1, H2),
    N = N1 + N2 + 1,
    case H > N * N of
        true -> balance_list(to_list_1(T, []), N);
        false -> {T, H, N}
    end.

%% measure returns {2^height, size} of a tree.
measure({_, _, nil, nil}) ->
    {1, 1};
measure({_, _, Smaller, Bigger}) ->
    {H1, N1} = measure(Smaller),
    {H2, N2} = measure(Bigger),
    {2 * max(H1, H2), N1 + N2 + 1};
measure(nil) ->
    {1, 0}.

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

take_smallest({S, T}) when is_integer(S), S >= 0 ->
    {Key, Value, Larger} = take_smallest1(T),
    {Key, Value, {S - 1, Larger}}.

take_smallest1({Key, Value, nil, Larger}) -> {Key, Value, Larger};
take_smallest1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Smaller1} = take_smallest1(Smaller),
    {Key1, Value1, {Key, Value, Smaller1, Larger}}.

smallest({_, T}) -> smallest_1(T).

smallest_1({Key, Value, nil, _Larger}) -> {Key, Value};
smallest_1({_Key, _Value, Smaller, _Larger}) -> smallest_1(Smaller).

take_largest({S, T}) when is_integer(S), S >= 0 ->
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

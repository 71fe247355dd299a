%% gb_sets: ordered sets kept in general balanced trees, as OTP 25
%% provides them.
%%
%% A set is {Size, Tree}, Tree being nil or {Elem, Smaller, Bigger}.
%% Elements are ordered with < and >, so elements that compare equal (1
%% and 1.0) are the same element. The tree shapes are OTP's, because they
%% are visible when a set is printed or compared:
%%
%%   - insert/2 walks down with a budget of Size^2 halved at each level;
%%     when a new leaf lands where the budget is exhausted, the path back
%%     up is checked and the lowest subtree whose 2^height exceeds the
%%     square of its size is rebuilt perfectly balanced;
%%   - delete/2 never rebalances; a removed inner node is replaced by the
%%     smallest element of its right subtree;
%%   - trees built from sorted lists put the bigger half on the left, those
%%     built from reversed lists (results of the set operations) on the
%%     right.
-module(gb_sets).

-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_member/2,
         is_element/2, insert/2, add/2, add_element/2, delete/2,
         delete_any/2, del_element/2, balance/1, union/2, union/1,
         intersection/2, intersection/1, is_disjoint/2, difference/2,
         subtract/2, is_subset/2, to_list/1, from_list/1, from_ordset/1,
         smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, filter/2, fold/3, is_set/1]).

-compile({no_auto_import, [size/1]}).

%% Above this many elements in the bigger set, the set operations look
%% elements up in its tree instead of merging both sorted lists, when that
%% is cheaper by OTP's estimate.
-define(MERGE_BELOW, 10).

%% ---------------------------------------------------------------------
%% Construction and queries

empty() -> {0, nil}.

new() -> empty().

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) -> Size.

singleton(X) -> {1, {X, nil, nil}}.

is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

is_member(X, {_, T}) -> member(X, T).

is_element(X, S) -> is_member(X, S).

member(X, {Y, Smaller, _}) when X < Y -> member(X, Smaller);
member(X, {Y, _, Bigger}) when X > Y -> member(X, Bigger);
member(_, {_, _, _}) -> true;
member(_, nil) -> false.

from_list(List) -> from_ordset(ordsets:from_list(List)).

from_ordset(List) ->
    N = length(List),
    {N, from_sorted(List, N)}.

to_list({_, T}) -> in_order(T, []).

in_order({X, Smaller, Bigger}, Acc) -> in_order(Smaller, [X | in_order(Bigger, Acc)]);
in_order(nil, Acc) -> Acc.

%% ---------------------------------------------------------------------
%% Balancing

balance({N, T}) -> {N, rebuild(T, N)}.

rebuild(T, N) -> from_sorted(in_order(T, []), N).

%% from_sorted builds a perfectly balanced tree of the first N elements of
%% an ascending list; the left subtree gets the bigger half.
from_sorted(L, N) ->
    {T, _} = sorted_tree(L, N),
    T.

sorted_tree(L, N) when N > 1 ->
    Right = (N - 1) div 2,
    Left = N - 1 - Right,
    {Smaller, [X | Rest]} = sorted_tree(L, Left),
    {Bigger, Rest1} = sorted_tree(Rest, Right),
    {{X, Smaller, Bigger}, Rest1};
sorted_tree([X | Rest], 1) ->
    {{X, nil, nil}, Rest};
sorted_tree(L, 0) ->
    {nil, L}.

%% from_reversed does the same from a descending list; the right subtree
%% gets the bigger half.
from_reversed(L, N) ->
    {T, _} = reversed_tree(L, N),
    T.

reversed_tree(L, N) when N > 1 ->
    Left = (N - 1) div 2,
    Right = N - 1 - Left,
    {Bigger, [X | Rest]} = reversed_tree(L, Right),
    {Smaller, Rest1} = reversed_tree(Rest, Left),
    {{X, Smaller, Bigger}, Rest1};
reversed_tree([X | Rest], 1) ->
    {{X, nil, nil}, Rest};
reversed_tree(L, 0) ->
    {nil, L}.

%% ---------------------------------------------------------------------
%% Insertion

insert(X, {N, T}) ->
    N1 = N + 1,
    {N1, insert_into(X, T, N1 * N1)}.

%% insert_into returns the new subtree, or {Subtree, Height, Size} while
%% the subtree may still have to be rebalanced, Height being 2^height.
%% (A rebuilt subtree is a plain node, whose second element is never an
%% integer.)
insert_into(X, {Y, Smaller, Bigger}, Budget) when X < Y ->
    case insert_into(X, Smaller, Budget bsr 1) of
        {T1, H1, N1} when is_integer(H1) ->
            check_path({Y, T1, Bigger}, H1, N1, Bigger);
        T1 ->
            {Y, T1, Bigger}
    end;
insert_into(X, {Y, Smaller, Bigger}, Budget) when X > Y ->
    case insert_into(X, Bigger, Budget bsr 1) of
        {T1, H1, N1} when is_integer(H1) ->
            check_path({Y, Smaller, T1}, H1, N1, Smaller);
        T1 ->
            {Y, Smaller, T1}
    end;
insert_into(X, nil, 0) ->
    {{X, nil, nil}, 1, 1};
insert_into(X, nil, _) ->
    {X, nil, nil};
insert_into(X, _, _) ->
    erlang:error({key_exists, X}).

check_path(T, H1, N1, Sibling) ->
    {H2, N2} = measure(Sibling),
    H = 2 * max(H1, H2),
    N = N1 + N2 + 1,
    case H > N * N of
        true -> rebuild(T, N);
        false -> {T, H, N}
    end.

%% measure returns {2^height, size} of a tree.
measure({_, nil, nil}) ->
    {1, 1};
measure({_, Smaller, Bigger}) ->
    {H1, N1} = measure(Smaller),
    {H2, N2} = measure(Bigger),
    {2 * max(H1, H2), N1 + N2 + 1};
measure(nil) ->
    {1, 0}.

add(X, S) ->
    case is_member(X, S) of
        true -> S;
        false -> insert(X, S)
    end.

add_element(X, S) -> add(X, S).

%% ---------------------------------------------------------------------
%% Deletion

delete(X, {N, T}) -> {N - 1, delete_from(X, T)}.

delete_from(X, {Y, Smaller, Bigger}) when X < Y ->
    {Y, delete_from(X, Smaller), Bigger};
delete_from(X, {Y, Smaller, Bigger}) when X > Y ->
    {Y, Smaller, delete_from(X, Bigger)};
delete_from(_, {_, Smaller, Bigger}) ->
    join(Smaller, Bigger).

join(Smaller, nil) ->
    Smaller;
join(nil, Bigger) ->
    Bigger;
join(Smaller, Bigger) ->
    {X, Bigger1} = pop_smallest(Bigger),
    {X, Smaller, Bigger1}.

delete_any(X, S) ->
    case is_member(X, S) of
        true -> delete(X, S);
        false -> S
    end.

del_element(X, S) -> delete_any(X, S).

smallest({_, T}) -> leftmost(T).

leftmost({X, nil, _}) -> X;
leftmost({_, Smaller, _}) -> leftmost(Smaller).

largest({_, T}) -> rightmost(T).

rightmost({X, _, nil}) -> X;
rightmost({_, _, Bigger}) -> rightmost(Bigger).

take_smallest({N, T}) ->
    {X, T1} = pop_smallest(T),
    {X, {N - 1, T1}}.

pop_smallest({X, nil, Bigger}) ->
    {X, Bigger};
pop_smallest({Y, Smaller, Bigger}) ->
    {X, Smaller1} = pop_smallest(Smaller),
    {X, {Y, Smaller1, Bigger}}.

take_largest({N, T}) ->
    {X, T1} = pop_largest(T),
    {X, {N - 1, T1}}.

pop_largest({X, Smaller, nil}) ->
    {X, Smaller};
pop_largest({Y, Smaller, Bigger}) ->
    {X, Bigger1} = pop_largest(Bigger),
    {X, {Y, Smaller, Bigger1}}.

%% ---------------------------------------------------------------------
%% Iterators: a stack of the nodes whose element and right subtree are
%% still to be visited, the next one first.

iterator({_, T}) -> push_left(T, []).

push_left({_, nil, _} = T, Stack) -> [T | Stack];
push_left({_, Smaller, _} = T, Stack) -> push_left(Smaller, [T | Stack]);
push_left(nil, Stack) -> Stack.

iterator_from(From, {_, T}) -> push_from(From, T, []).

push_from(From, {X, _, Bigger}, Stack) when X < From -> push_from(From, Bigger, Stack);
push_from(_, {_, nil, _} = T, Stack) -> [T | Stack];
push_from(From, {_, Smaller, _} = T, Stack) -> push_from(From, Smaller, [T | Stack]);
push_from(_, nil, Stack) -> Stack.

next([{X, _, Bigger} | Stack]) -> {X, push_left(Bigger, Stack)};
next([]) -> none.

%% ---------------------------------------------------------------------
%% Set algebra. Each operation either merges the two sorted element lists
%% or, when the bigger set is large compared with the smaller one, looks
%% the smaller set's elements up in the bigger one's tree.

%% use_merge tells whether merging lists beats N1 lookups in a tree of N2.
use_merge(_, N2) when N2 < ?MERGE_BELOW -> true;
use_merge(N1, N2) -> N2 < N1 * round(1.46 * math:log(N2)).

union({N1, T1}, {N2, T2}) when N2 < N1 ->
    union_lt(in_order(T2, []), N2, T1, N1);
union({N1, T1}, {N2, T2}) ->
    union_lt(in_order(T1, []), N1, T2, N2).

union_lt(L, N1, T2, N2) ->
    case use_merge(N1, N2) of
        true -> merge_union(L, in_order(T2, []), [], N1 + N2);
        false -> lists:foldl(fun add/2, {N2, T2}, L)
    end.

%% merge_union keeps, of two equal elements, the one of the list that is
%% currently first; taking an element from the second list swaps them.
merge_union([X | Xs], [Y | _] = Ys, Acc, N) when X < Y ->
    merge_union(Xs, Ys, [X | Acc], N);
merge_union([X | _] = Xs, [Y | Ys], Acc, N) when X > Y ->
    merge_union(Ys, Xs, [Y | Acc], N);
merge_union([X | Xs], [_ | Ys], Acc, N) ->
    merge_union(Xs, Ys, [X | Acc], N - 1);
merge_union([], Ys, Acc, N) ->
    {N, from_reversed(lists:reverse(Ys, Acc), N)};
merge_union(Xs, [], Acc, N) ->
    {N, from_reversed(lists:reverse(Xs, Acc), N)}.

union([S | Ss]) -> union_all(S, Ss);
union([]) -> empty().

union_all(Acc, [S | Ss]) -> union_all(union(Acc, S), Ss);
union_all(Acc, []) -> Acc.

intersection({N1, T1}, {N2, T2}) when N2 < N1 ->
    intersection_lt(in_order(T2, []), N2, T1, N1);
intersection({N1, T1}, {N2, T2}) ->
    intersection_lt(in_order(T1, []), N1, T2, N2).

intersection_lt(L, N1, T2, N2) ->
    case use_merge(N1, N2) of
        true -> merge_common(L, in_order(T2, []), [], 0);
        false -> select(L, T2, true, [], 0)
    end.

%% merge_common keeps, of two equal elements, the one of the list that is
%% currently first; skipping an element of the second list swaps them.
merge_common([X | Xs], [Y | _] = Ys, Acc, N) when X < Y ->
    merge_common(Xs, Ys, Acc, N);
merge_common([X | _] = Xs, [Y | Ys], Acc, N) when X > Y ->
    merge_common(Ys, Xs, Acc, N);
merge_common([X | Xs], [_ | Ys], Acc, N) ->
    merge_common(Xs, Ys, [X | Acc], N + 1);
merge_common([], _, Acc, N) ->
    {N, from_reversed(Acc, N)};
merge_common(_, [], Acc, N) ->
    {N, from_reversed(Acc, N)}.

%% select keeps the elements of the list whose membership in T is Wanted.
select([X | Xs], T, Wanted, Acc, N) ->
    case member(X, T) =:= Wanted of
        true -> select(Xs, T, Wanted, [X | Acc], N + 1);
        false -> select(Xs, T, Wanted, Acc, N)
    end;
select([], _, _, Acc, N) ->
    {N, from_reversed(Acc, N)}.

intersection([S | Ss]) -> intersection_all(S, Ss).

intersection_all(Acc, [S | Ss]) -> intersection_all(intersection(Acc, S), Ss);
intersection_all(Acc, []) -> Acc.

difference({N1, T1}, {N2, T2}) ->
    L = in_order(T1, []),
    case use_merge(N1, N2) of
        true -> merge_minus(L, in_order(T2, []), [], N1);
        false -> select(L, T2, false, [], 0)
    end.

subtract(S1, S2) -> difference(S1, S2).

merge_minus([X | Xs], [Y | _] = Ys, Acc, N) when X < Y ->
    merge_minus(Xs, Ys, [X | Acc], N);
merge_minus([X | _] = Xs, [Y | Ys], Acc, N) when X > Y ->
    merge_minus(Xs, Ys, Acc, N);
merge_minus([_ | Xs], [_ | Ys], Acc, N) ->
    merge_minus(Xs, Ys, Acc, N - 1);
merge_minus([], _, Acc, N) ->
    {N, from_reversed(Acc, N)};
merge_minus(Xs, [], Acc, N) ->
    {N, from_reversed(lists:reverse(Xs, Acc), N)}.

is_subset({N1, T1}, {N2, T2}) ->
    L = in_order(T1, []),
    case use_merge(N1, N2) of
        true -> sorted_subset(L, in_order(T2, []));
        false -> lists:all(fun(X) -> member(X, T2) end, L)
    end.

sorted_subset([X | _], [Y | _]) when X < Y -> false;
sorted_subset([X | _] = Xs, [Y | Ys]) when X > Y -> sorted_subset(Xs, Ys);
sorted_subset([_ | Xs], [_ | Ys]) -> sorted_subset(Xs, Ys);
sorted_subset([], _) -> true;
sorted_subset(_, []) -> false.

is_disjoint({N1, T1}, {N2, T2}) when N1 < N2 -> disjoint(T1, T2);
is_disjoint({_, T1}, {_, T2}) -> disjoint(T2, T1).

%% disjoint splits the first tree's elements along the second tree.
disjoint({X, Smaller, Bigger}, {Y, YSmaller, _} = T) when X < Y ->
    not member(X, YSmaller) andalso disjoint(Smaller, YSmaller) andalso disjoint(Bigger, T);
disjoint({X, Smaller, Bigger}, {Y, _, YBigger} = T) when X > Y ->
    not member(X, YBigger) andalso disjoint(Bigger, YBigger) andalso disjoint(Smaller, T);
disjoint({_, _, _}, {_, _, _}) -> false;
disjoint(nil, _) -> true;
disjoint(_, nil) -> true.

%% ---------------------------------------------------------------------
%% Higher-order functions

filter(F, S) when is_function(F, 1) ->
    from_ordset([X || X <- to_list(S), F(X)]).

fold(F, Acc, {_, T}) when is_function(F, 2) ->
    fold_tree(F, Acc, T).

fold_tree(F, Acc, {X, Smaller, Bigger}) ->
    fold_tree(F, F(X, fold_tree(F, Acc, Smaller)), Bigger);
fold_tree(_, Acc, _) ->
    Acc.

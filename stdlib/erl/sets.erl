%% sets: unordered collections of unique terms, as OTP 25 provides them.
%%
%% Two representations coexist and are both observable:
%%
%%   version 1 (the default): a linear hash table, the tuple
%%     {set, Size, N, MaxN, Bso, ExpSize, ConSize, EmptySeg, Segs}
%%     where Segs is a tuple of segments, each a tuple of 16 buckets, a
%%     bucket being a list of elements. An element lives in the bucket
%%     chosen by erlang:phash(Elem, MaxN), folded into the N active slots.
%%     The table gains one slot whenever Size exceeds 5 * N and loses one
%%     when Size drops below 3 * N (never going under 16 slots); segments
%%     double or halve with MaxN.
%%   version 2: a map whose keys are the elements, all mapped to [].
%%
%% Elements are compared exactly (=:=): 1 and 1.0 are different elements.
-module(sets).

-export([new/0, new/1, from_list/1, from_list/2, is_set/1, size/1,
         is_empty/1, to_list/1, is_element/2, add_element/2, del_element/2,
         union/1, union/2, intersection/1, intersection/2, is_disjoint/2,
         subtract/2, is_subset/2, fold/3, filter/2]).

-compile({no_auto_import, [size/1]}).
-compile([{nowarn_deprecated_function, [{erlang, phash, 2}]}]).

%% Buckets per segment, and the load factors that trigger a split or a
%% merge of one slot.
-define(BUCKETS, 16).
-define(SPLIT_AT, 5).
-define(MERGE_AT, 3).

-record(set, {size = 0,
              n = ?BUCKETS,
              maxn = ?BUCKETS,
              bso = ?BUCKETS div 2,
              exp_size = ?BUCKETS * ?SPLIT_AT,
              con_size = ?BUCKETS * ?MERGE_AT,
              empty,
              segs}).

%% ---------------------------------------------------------------------
%% Construction

new() ->
    Seg = erlang:make_tuple(?BUCKETS, []),
    #set{empty = Seg, segs = {Seg}}.

new([{version, 2}]) ->
    #{};
new(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> new();
        2 -> #{}
    end.

from_list(List) ->
    lists:foldl(fun add_element/2, new(), List).

from_list(List, [{version, 2}]) ->
    maps:from_keys(List, []);
from_list(List, Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> from_list(List);
        2 -> maps:from_keys(List, [])
    end.

%% ---------------------------------------------------------------------
%% Queries

is_set(#{}) -> true;
is_set(#set{}) -> true;
is_set(_) -> false.

size(#{} = S) -> map_size(S);
size(#set{size = Size}) -> Size.

is_empty(#{} = S) -> map_size(S) =:= 0;
is_empty(#set{size = Size}) -> Size =:= 0.

to_list(#{} = S) ->
    maps:keys(S);
to_list(#set{} = S) ->
    fold(fun(E, Acc) -> [E | Acc] end, [], S).

is_element(E, #{} = S) ->
    is_map_key(E, S);
is_element(E, #set{} = S) ->
    lists:member(E, bucket(S#set.segs, slot(S, E))).

%% ---------------------------------------------------------------------
%% Adding and removing

add_element(E, #{} = S) ->
    S#{E => []};
add_element(E, #set{segs = Segs} = S) ->
    Slot = slot(S, E),
    Old = bucket(Segs, Slot),
    case lists:member(E, Old) of
        true -> S;
        false -> split_slot(S#set{segs = put_bucket(Segs, Slot, [E | Old])})
    end.

del_element(E, #{} = S) ->
    maps:remove(E, S);
del_element(E, #set{segs = Segs} = S) ->
    Slot = slot(S, E),
    Old = bucket(Segs, Slot),
    case lists:member(E, Old) of
        false -> S;
        true -> merge_slot(S#set{segs = put_bucket(Segs, Slot, lists:delete(E, Old))}, 1)
    end.

%% ---------------------------------------------------------------------
%% Set algebra

union(#{} = S1, #{} = S2) ->
    maps:merge(S1, S2);
union(S1, S2) ->
    case size(S1) < size(S2) of
        true -> fold(fun add_element/2, S2, S1);
        false -> fold(fun add_element/2, S1, S2)
    end.

union([S1, S2 | More]) -> union_more(union(S1, S2), More);
union([S]) -> S;
union([]) -> new().

union_more(Acc, [S | More]) -> union_more(union(Acc, S), More);
union_more(Acc, []) -> Acc.

intersection(#{} = S1, #{} = S2) ->
    case map_size(S1) < map_size(S2) of
        true -> map_keep(S1, S2, true);
        false -> map_keep(S2, S1, true)
    end;
intersection(S1, S2) ->
    case size(S1) < size(S2) of
        true -> filter(fun(E) -> is_element(E, S2) end, S1);
        false -> filter(fun(E) -> is_element(E, S1) end, S2)
    end.

intersection([S1, S2 | More]) -> intersection_more(intersection(S1, S2), More);
intersection([S]) -> S.

intersection_more(Acc, [S | More]) -> intersection_more(intersection(Acc, S), More);
intersection_more(Acc, []) -> Acc.

is_disjoint(#{} = S1, #{} = S2) ->
    case map_size(S1) < map_size(S2) of
        true -> none_in(maps:iterator(S1), S2);
        false -> none_in(maps:iterator(S2), S1)
    end;
is_disjoint(S1, S2) ->
    case size(S1) < size(S2) of
        true -> fold(fun(E, true) -> not is_element(E, S2); (_, false) -> false end, true, S1);
        false -> fold(fun(E, true) -> not is_element(E, S1); (_, false) -> false end, true, S2)
    end.

subtract(#{} = S1, #{} = S2) ->
    map_keep(S1, S2, false);
subtract(S1, S2) ->
    filter(fun(E) -> not is_element(E, S2) end, S1).

is_subset(#{} = S1, #{} = S2) ->
    map_size(S1) =< map_size(S2) andalso all_in(maps:iterator(S1), S2);
is_subset(S1, S2) ->
    fold(fun(E, Acc) -> Acc andalso is_element(E, S2) end, true, S1).

%% map_keep(Map, Other, Wanted) keeps the keys K of Map for which
%% is_map_key(K, Other) =:= Wanted. Like OTP, the result keeps Map's
%% values when at least three quarters of Map's keys are kept and is
%% rebuilt with [] values otherwise (observable only for maps that are
%% not sets built by this module).
map_keep(Map, Other, Wanted) ->
    Kept = [K || K <- maps:keys(Map), is_map_key(K, Other) =:= Wanted],
    case length(Kept) >= (map_size(Map) * 3) div 4 of
        true -> maps:with(Kept, Map);
        false -> maps:from_keys(Kept, [])
    end.

none_in(Iter, Map) ->
    case maps:next(Iter) of
        {K, _, Next} -> not is_map_key(K, Map) andalso none_in(Next, Map);
        none -> true
    end.

all_in(Iter, Map) ->
    case maps:next(Iter) of
        {K, _, Next} -> is_map_key(K, Map) andalso all_in(Next, Map);
        none -> true
    end.

%% ---------------------------------------------------------------------
%% Iteration

fold(F, Acc, #{} = S) when is_function(F, 2) ->
    fold_map(F, Acc, maps:next(maps:iterator(S)));
fold(F, Acc, #set{segs = Segs}) when is_function(F, 2) ->
    fold_segs(F, Acc, Segs, tuple_size(Segs)).

fold_map(F, Acc, {K, _, Iter}) -> fold_map(F, F(K, Acc), maps:next(Iter));
fold_map(_, Acc, none) -> Acc.

%% Segments and buckets are visited from the last to the first.
fold_segs(_, Acc, _, 0) ->
    Acc;
fold_segs(F, Acc, Segs, I) ->
    Seg = element(I, Segs),
    fold_segs(F, fold_buckets(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1).

fold_buckets(_, Acc, _, 0) ->
    Acc;
fold_buckets(F, Acc, Seg, I) ->
    fold_buckets(F, lists:foldl(F, Acc, element(I, Seg)), Seg, I - 1).

filter(F, #{} = S) when is_function(F, 1) ->
    maps:from_keys(filter_map(F, maps:next(maps:iterator(S))), []);
filter(F, #set{segs = Segs} = S) when is_function(F, 1) ->
    %% Segments and buckets are visited from the first to the last; the
    %% kept elements of a bucket end up in reverse order.
    {NewSegs, Dropped} = filter_segs(F, tuple_to_list(Segs), [], 0),
    merge_slot(S#set{segs = list_to_tuple(NewSegs)}, Dropped).

filter_map(F, {K, _, Iter}) ->
    case F(K) of
        true -> [K | filter_map(F, maps:next(Iter))];
        false -> filter_map(F, maps:next(Iter))
    end;
filter_map(_, none) ->
    [].

filter_segs(F, [Seg | Segs], Acc, Dropped0) ->
    {Buckets, Dropped} = filter_buckets(F, tuple_to_list(Seg), [], Dropped0),
    filter_segs(F, Segs, [list_to_tuple(Buckets) | Acc], Dropped);
filter_segs(_, [], Acc, Dropped) ->
    {lists:reverse(Acc), Dropped}.

filter_buckets(F, [B | Bs], Acc, Dropped0) ->
    {Kept, Dropped} = filter_bucket(F, B, [], Dropped0),
    filter_buckets(F, Bs, [Kept | Acc], Dropped);
filter_buckets(_, [], Acc, Dropped) ->
    {lists:reverse(Acc), Dropped}.

filter_bucket(F, [E | Es], Kept, Dropped) ->
    case F(E) of
        true -> filter_bucket(F, Es, [E | Kept], Dropped);
        false -> filter_bucket(F, Es, Kept, Dropped + 1)
    end;
filter_bucket(_, [], Kept, Dropped) ->
    {Kept, Dropped}.

%% ---------------------------------------------------------------------
%% The hash table

%% slot returns the 1-based slot of E: its hash over MaxN slots, folded
%% onto its buddy when that slot is not active yet.
slot(#set{maxn = MaxN, n = N, bso = Bso}, E) ->
    case erlang:phash(E, MaxN) of
        H when H > N -> H - Bso;
        H -> H
    end.

bucket(Segs, Slot) ->
    element((Slot - 1) rem ?BUCKETS + 1, element((Slot - 1) div ?BUCKETS + 1, Segs)).

put_bucket(Segs, Slot, B) ->
    SegI = (Slot - 1) div ?BUCKETS + 1,
    setelement(SegI, Segs, setelement((Slot - 1) rem ?BUCKETS + 1, element(SegI, Segs), B)).

%% split_slot counts one added element and, when the table is too full,
%% activates the next slot, moving into it the elements of its buddy that
%% hash there.
split_slot(#set{size = Size, exp_size = Exp} = S) when Size + 1 > Exp ->
    #set{n = N0, bso = Bso, maxn = MaxN, segs = Segs0} = S1 = more_segs(S),
    N = N0 + 1,
    Lo = N - Bso,
    {Stay, Move} = lists:partition(fun(E) -> erlang:phash(E, MaxN) =:= Lo end,
                                   bucket(Segs0, Lo)),
    Segs = put_bucket(put_bucket(Segs0, Lo, Stay), N, Move),
    S1#set{size = Size + 1, n = N, exp_size = N * ?SPLIT_AT,
           con_size = N * ?MERGE_AT, segs = Segs};
split_slot(#set{size = Size} = S) ->
    S#set{size = Size + 1}.

more_segs(#set{n = N, maxn = N, bso = Bso, segs = Segs, empty = Empty} = S) ->
    S#set{maxn = 2 * N, bso = 2 * Bso,
          segs = list_to_tuple(tuple_to_list(Segs) ++
                                   lists:duplicate(tuple_size(Segs), Empty))};
more_segs(S) ->
    S.

%% merge_slot counts Removed removed elements and, when the table is too
%% empty, moves the last active slot's elements back to its buddy (one
%% slot at most per call).
merge_slot(#set{size = Size, con_size = Con, n = N} = S, Removed)
  when Size - Removed < Con, N > ?BUCKETS ->
    #set{bso = Bso, segs = Segs0} = S,
    Lo = N - Bso,
    Joined = bucket(Segs0, Lo) ++ bucket(Segs0, N),
    Segs = put_bucket(put_bucket(Segs0, Lo, Joined), N, []),
    N1 = N - 1,
    fewer_segs(S#set{size = Size - Removed, n = N1, exp_size = N1 * ?SPLIT_AT,
                     con_size = N1 * ?MERGE_AT, segs = Segs});
merge_slot(#set{size = Size} = S, Removed) ->
    S#set{size = Size - Removed}.

fewer_segs(#set{n = N, bso = N, maxn = MaxN, segs = Segs} = S) ->
    S#set{maxn = MaxN div 2, bso = N div 2,
          segs = list_to_tuple(lists:sublist(tuple_to_list(Segs), tuple_size(Segs) div 2))};
fewer_segs(S) ->
    S.

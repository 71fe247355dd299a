%% dict: key-value dictionaries, as OTP 25 provides them.
%%
%% A dictionary is a linear hash table, the tuple
%%   {dict, Size, N, MaxN, Bso, ExpSize, ConSize, EmptySeg, Segs}
%% where Segs is a tuple of segments, each a tuple of 16 buckets, and a
%% bucket is a list of [Key | Value] cells. A key lives in the bucket
%% chosen by erlang:phash(Key, MaxN), folded into the N active slots. The
%% table gains one slot whenever Size exceeds 5 * N and loses one when
%% Size drops below 3 * N (never going under 16 slots); segments double or
%% halve with MaxN. New keys go to the end of their bucket.
%%
%% Keys are compared exactly (=:=): 1 and 1.0 are different keys.
-module(dict).

-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3,
         append/3, append_list/3, update/3, update/4, update_counter/3,
         fold/3, map/2, filter/2, merge/3]).

-compile({no_auto_import, [size/1]}).
-compile([{nowarn_deprecated_function, [{erlang, phash, 2}]}]).

-define(BUCKETS, 16).
-define(SPLIT_AT, 5).
-define(MERGE_AT, 3).

-record(dict, {size = 0,
               n = ?BUCKETS,
               maxn = ?BUCKETS,
               bso = ?BUCKETS div 2,
               exp_size = ?BUCKETS * ?SPLIT_AT,
               con_size = ?BUCKETS * ?MERGE_AT,
               empty,
               segs}).

%% ---------------------------------------------------------------------
%% Construction and queries

new() ->
    Seg = erlang:make_tuple(?BUCKETS, []),
    #dict{empty = Seg, segs = {Seg}}.

from_list(List) ->
    lists:foldl(fun({K, V}, D) -> store(K, V, D) end, new(), List).

size(#dict{size = N}) when is_integer(N), N >= 0 -> N.

is_empty(#dict{size = N}) -> N =:= 0.

is_key(Key, D) ->
    has_key(Key, bucket(D#dict.segs, slot(D, Key))).

has_key(K, [[K | _] | _]) -> true;
has_key(K, [_ | Cells]) -> has_key(K, Cells);
has_key(_, []) -> false.

to_list(D) ->
    fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], D).

fetch_keys(D) ->
    fold(fun(K, _, Acc) -> [K | Acc] end, [], D).

fetch(Key, D) ->
    Cells = bucket(D#dict.segs, slot(D, Key)),
    case lookup(Key, Cells) of
        {ok, V} -> V;
        error -> erlang:error(badarg, [Key, D])
    end.

find(Key, D) ->
    lookup(Key, bucket(D#dict.segs, slot(D, Key))).

lookup(K, [[K | V] | _]) -> {ok, V};
lookup(K, [_ | Cells]) -> lookup(K, Cells);
lookup(_, []) -> error.

%% ---------------------------------------------------------------------
%% Removing

erase(Key, D0) ->
    Slot = slot(D0, Key),
    {D, Removed} = with_bucket(D0, Slot, fun(Cells) -> drop(Key, Cells) end),
    merge_slot(D, Removed).

drop(K, [[K | _] | Cells]) -> {Cells, 1};
drop(K, [C | Cells0]) ->
    {Cells, N} = drop(K, Cells0),
    {[C | Cells], N};
drop(_, []) -> {[], 0}.

take(Key, D0) ->
    Slot = slot(D0, Key),
    case with_bucket(D0, Slot, fun(Cells) -> pick(Key, Cells) end) of
        {D, {value, V}} -> {V, merge_slot(D, 1)};
        {_, error} -> error
    end.

pick(K, [[K | V] | Cells]) -> {Cells, {value, V}};
pick(K, [C | Cells0]) ->
    {Cells, Res} = pick(K, Cells0),
    {[C | Cells], Res};
pick(_, []) -> {[], error}.

%% ---------------------------------------------------------------------
%% Storing and updating. Each bucket operation returns the new bucket and
%% how many keys it added (0 or 1).

store(Key, Val, D) ->
    change(Key, D, fun(_) -> Val end, fun() -> Val end).

append(Key, Val, D) ->
    change(Key, D, fun(Bag) -> Bag ++ [Val] end, fun() -> [Val] end).

append_list(Key, List, D) ->
    change(Key, D, fun(Bag) -> Bag ++ List end, fun() -> List end).

update_counter(Key, Incr, D) when is_number(Incr) ->
    change(Key, D, fun(V) -> V + Incr end, fun() -> Incr end).

update(Key, F, Init, D) ->
    change(Key, D, fun(V) -> F(V) end,
           fun() when is_function(F, 1) -> Init end).

%% change applies Found to the value of Key, or stores New() when Key is
%% absent, then grows the table if needed.
change(Key, D0, Found, New) ->
    Slot = slot(D0, Key),
    {D, Added} = with_bucket(D0, Slot, fun(Cells) -> change_cells(Key, Cells, Found, New) end),
    split_slot(D, Added).

change_cells(K, [[K | V] | Cells], Found, _) ->
    {[[K | Found(V)] | Cells], 0};
change_cells(K, [C | Cells0], Found, New) ->
    {Cells, Added} = change_cells(K, Cells0, Found, New),
    {[C | Cells], Added};
change_cells(K, [], _, New) ->
    {[[K | New()]], 1}.

update(Key, F, D0) ->
    Slot = slot(D0, Key),
    try with_bucket(D0, Slot, fun(Cells) -> update_cells(Key, F, Cells) end) of
        {D, _} -> D
    catch
        throw:badarg -> erlang:error(badarg, [Key, F, D0])
    end.

update_cells(K, F, [[K | V] | Cells]) ->
    New = F(V),
    {[[K | New] | Cells], New};
update_cells(K, F, [C | Cells0]) ->
    {Cells, New} = update_cells(K, F, Cells0),
    {[C | Cells], New};
update_cells(_, _, []) ->
    throw(badarg).

%% ---------------------------------------------------------------------
%% Iteration. The guards on the empty cases make a bad fun fail with
%% function_clause exactly where OTP's does.

fold(F, Acc, #dict{size = 0}) when is_function(F, 3) ->
    Acc;
fold(F, Acc, D) ->
    Segs = D#dict.segs,
    fold_segs(F, Acc, Segs, tuple_size(Segs)).

%% Segments and buckets are visited from the last to the first.
fold_segs(F, Acc, Segs, I) when I >= 1 ->
    Seg = element(I, Segs),
    fold_segs(F, fold_buckets(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1);
fold_segs(F, Acc, _, 0) when is_function(F, 3) ->
    Acc.

fold_buckets(F, Acc, Seg, I) when I >= 1 ->
    fold_buckets(F, fold_cells(F, Acc, element(I, Seg)), Seg, I - 1);
fold_buckets(F, Acc, _, 0) when is_function(F, 3) ->
    Acc.

fold_cells(F, Acc, [[K | V] | Cells]) ->
    fold_cells(F, F(K, V, Acc), Cells);
fold_cells(F, Acc, []) when is_function(F, 3) ->
    Acc.

map(F, #dict{size = 0} = D) when is_function(F, 2) ->
    D;
map(F, D) ->
    Segs = map_segs(F, tuple_to_list(D#dict.segs)),
    D#dict{segs = list_to_tuple(Segs)}.

map_segs(F, [Seg | Segs]) ->
    [list_to_tuple(map_buckets(F, tuple_to_list(Seg))) | map_segs(F, Segs)];
map_segs(F, []) when is_function(F, 2) ->
    [].

map_buckets(F, [B | Bs]) ->
    [map_cells(F, B) | map_buckets(F, Bs)];
map_buckets(F, []) when is_function(F, 2) ->
    [].

map_cells(F, [[K | V] | Cells]) ->
    [[K | F(K, V)] | map_cells(F, Cells)];
map_cells(F, []) when is_function(F, 2) ->
    [].

filter(F, #dict{size = 0} = D) when is_function(F, 2) ->
    D;
filter(F, D) ->
    {Segs, Dropped} = filter_segs(F, tuple_to_list(D#dict.segs), [], 0),
    merge_slot(D#dict{segs = list_to_tuple(Segs)}, Dropped).

filter_segs(F, [Seg | Segs], Acc, Dropped0) ->
    {Bs, Dropped} = filter_buckets(F, tuple_to_list(Seg), [], Dropped0),
    filter_segs(F, Segs, [list_to_tuple(Bs) | Acc], Dropped);
filter_segs(F, [], Acc, Dropped) when is_function(F, 2) ->
    {lists:reverse(Acc), Dropped}.

filter_buckets(F, [B | Bs], Acc, Dropped0) ->
    {Kept, Dropped} = filter_cells(F, B, [], Dropped0),
    filter_buckets(F, Bs, [Kept | Acc], Dropped);
filter_buckets(F, [], Acc, Dropped) when is_function(F, 2) ->
    {lists:reverse(Acc), Dropped}.

filter_cells(F, [[K | V] = C | Cells], Kept, Dropped) ->
    case F(K, V) of
        true -> filter_cells(F, Cells, [C | Kept], Dropped);
        false -> filter_cells(F, Cells, Kept, Dropped + 1)
    end;
filter_cells(F, [], Kept, Dropped) when is_function(F, 2) ->
    {lists:reverse(Kept), Dropped}.

%% merge folds the smaller dictionary into the other one (the second when
%% both have the same size).
merge(F, D1, D2) when D1#dict.size < D2#dict.size ->
    fold(fun(K, V1, D) -> update(K, fun(V2) -> F(K, V1, V2) end, V1, D) end, D2, D1);
merge(F, D1, D2) ->
    fold(fun(K, V2, D) -> update(K, fun(V1) -> F(K, V1, V2) end, V2, D) end, D1, D2).

%% ---------------------------------------------------------------------
%% The hash table

slot(D, Key) ->
    H = erlang:phash(Key, D#dict.maxn),
    case H > D#dict.n of
        true -> H - D#dict.bso;
        false -> H
    end.

bucket(Segs, Slot) ->
    element((Slot - 1) rem ?BUCKETS + 1, element((Slot - 1) div ?BUCKETS + 1, Segs)).

put_bucket(Segs, Slot, B) ->
    SegI = (Slot - 1) div ?BUCKETS + 1,
    setelement(SegI, Segs, setelement((Slot - 1) rem ?BUCKETS + 1, element(SegI, Segs), B)).

%% with_bucket replaces the bucket of Slot by the first element of
%% Op(Bucket) and returns the new dictionary with the second element.
with_bucket(D, Slot, Op) ->
    Segs = D#dict.segs,
    {B, Res} = Op(bucket(Segs, Slot)),
    {D#dict{segs = put_bucket(Segs, Slot, B)}, Res}.

%% split_slot counts Added new keys and, when the table is too full,
%% activates the next slot, moving into it the keys of its buddy that
%% hash there.
split_slot(D, Added) when D#dict.size + Added > D#dict.exp_size ->
    #dict{n = N0, bso = Bso, maxn = MaxN, segs = Segs0} = D1 = more_segs(D),
    N = N0 + 1,
    Lo = N - Bso,
    {Stay, Move} = lists:partition(fun([K | _]) -> erlang:phash(K, MaxN) =:= Lo end,
                                   bucket(Segs0, Lo)),
    Segs = put_bucket(put_bucket(Segs0, Lo, Stay), N, Move),
    D1#dict{size = D1#dict.size + Added, n = N, exp_size = N * ?SPLIT_AT,
            con_size = N * ?MERGE_AT, segs = Segs};
split_slot(D, Added) ->
    D#dict{size = D#dict.size + Added}.

more_segs(#dict{n = N, maxn = N, bso = Bso, segs = Segs, empty = Empty} = D) ->
    D#dict{maxn = 2 * N, bso = 2 * Bso,
           segs = list_to_tuple(tuple_to_list(Segs) ++
                                    lists:duplicate(tuple_size(Segs), Empty))};
more_segs(D) ->
    D.

%% merge_slot counts Removed removed keys and, when the table is too
%% empty, moves the last active slot's keys back to its buddy (one slot
%% at most per call).
merge_slot(#dict{size = Size, con_size = Con, n = N} = D, Removed)
  when Size - Removed < Con, N > ?BUCKETS ->
    #dict{bso = Bso, segs = Segs0} = D,
    Lo = N - Bso,
    Joined = bucket(Segs0, Lo) ++ bucket(Segs0, N),
    Segs = put_bucket(put_bucket(Segs0, Lo, Joined), N, []),
    N1 = N - 1,
    fewer_segs(D#dict{size = Size - Removed, n = N1, exp_size = N1 * ?SPLIT_AT,
                      con_size = N1 * ?MERGE_AT, segs = Segs});
merge_slot(D, Removed) ->
    D#dict{size = D#dict.size - Removed}.

fewer_segs(#dict{n = N, bso = N, maxn = MaxN, segs = Segs} = D) ->
    D#dict{maxn = MaxN div 2, bso = N div 2,
           segs = list_to_tuple(lists:sublist(tuple_to_list(Segs), tuple_size(Segs) div 2))};
fewer_segs(D) ->
    D.

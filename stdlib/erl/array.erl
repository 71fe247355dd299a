%% array: functional, extendible arrays indexed from 0, as OTP 25
%% provides them.
%%
%% An array is the tuple {array, Size, Max, Default, Tree}: Size entries
%% are in use, Max is the capacity of the current tree (0 for a fixed-size
%% array) and Tree holds the entries:
%%
%%   - an integer K: K entries that were never set (all Default);
%%   - a leaf: a tuple of 10 entries;
%%   - a node: a tuple of 10 subtrees followed by the number of entries
%%     each subtree covers.
%%
%% The shapes are OTP's, because they are visible when an array is
%% printed or compared: set/3 expands only the path to the entry it sets,
%% the tree grows by adding a level on top, shrinking an array only
%% changes Size, and from_list/2 and from_orddict/2 build the same trees
%% as OTP (including its runs of unset entries in from_orddict/2).
-module(array).

-export([new/0, new/1, new/2, is_array/1, set/3, get/2, size/1,
         sparse_size/1, default/1, reset/2, to_list/1, sparse_to_list/1,
         from_list/1, from_list/2, to_orddict/1, sparse_to_orddict/1,
         from_orddict/1, from_orddict/2, map/2, sparse_map/2, foldl/3,
         foldr/3, sparse_foldl/3, sparse_foldr/3, fix/1, relax/1, is_fix/1,
         resize/1, resize/2]).

-compile({no_auto_import, [size/1]}).

-define(LEAF, 10).   % entries of a leaf
-define(FAN, 10).    % subtrees of a node

-record(array, {size, max, default, elements}).

%% ---------------------------------------------------------------------
%% Construction

new() -> new([]).

new(Opts) -> new_opts(Opts, 0, false).

new(Size, Opts) when is_integer(Size), Size >= 0 -> new_opts(Opts, Size, true);
new(_, _) -> erlang:error(badarg).

new_opts(Opts, Size, Fixed) when is_list(Opts) -> parse_opts(Opts, Size, Fixed, undefined);
new_opts(Opt, Size, Fixed) -> parse_opts([Opt], Size, Fixed, undefined).

parse_opts([fixed | Opts], Size, _, Default) ->
    parse_opts(Opts, Size, true, Default);
parse_opts([{fixed, Fixed} | Opts], Size, _, Default) when is_boolean(Fixed) ->
    parse_opts(Opts, Size, Fixed, Default);
parse_opts([{default, Default} | Opts], Size, Fixed, _) ->
    parse_opts(Opts, Size, Fixed, Default);
parse_opts([{size, Size} | Opts], _, _, Default) when is_integer(Size), Size >= 0 ->
    parse_opts(Opts, Size, true, Default);
parse_opts([Size | Opts], _, _, Default) when is_integer(Size), Size >= 0 ->
    parse_opts(Opts, Size, true, Default);
parse_opts([], Size, Fixed, Default) ->
    Cap = capacity(Size - 1, ?LEAF),
    Max = case Fixed of
              true -> 0;
              false -> Cap
          end,
    #array{size = Size, max = Max, default = Default, elements = Cap};
parse_opts(_, _, _, _) ->
    erlang:error(badarg).

%% capacity returns the smallest tree capacity M * 10^k above index I.
capacity(I, M) when I >= M -> capacity(I, M * ?FAN);
capacity(_, M) -> M.

%% ---------------------------------------------------------------------
%% Properties

is_array(#array{size = Size, max = Max}) when is_integer(Size), is_integer(Max) -> true;
is_array(_) -> false.

size(#array{size = N}) -> N;
size(_) -> erlang:error(badarg).

default(#array{default = D}) -> D;
default(_) -> erlang:error(badarg).

fix(#array{} = A) -> A#array{max = 0}.

is_fix(#array{max = 0}) -> true;
is_fix(#array{}) -> false.

relax(#array{size = N} = A) -> A#array{max = capacity(N - 1, ?LEAF)}.

resize(Size, #array{size = N, max = M, elements = E} = A) when is_integer(Size), Size >= 0 ->
    if
        Size > N ->
            Cap = if
                      M > 0 -> M;
                      true -> capacity(N - 1, ?LEAF)
                  end,
            {E1, M1} = grow(Size - 1, E, Cap),
            Max = if
                      M > 0 -> M1;
                      true -> M
                  end,
            A#array{size = Size, max = Max, elements = E1};
        Size < N ->
            A#array{size = Size};
        true ->
            A
    end;
resize(_, _) ->
    erlang:error(badarg).

resize(A) -> resize(sparse_size(A), A).

%% ---------------------------------------------------------------------
%% Single entries

set(I, X, #array{size = N, max = M, default = D, elements = E} = A) when is_integer(I), I >= 0 ->
    if
        I < N ->
            A#array{elements = set_in(I, E, X, D)};
        I < M ->
            A#array{size = I + 1, elements = set_in(I, E, X, D)};
        M > 0 ->
            {E1, M1} = grow(I, E, M),
            A#array{size = I + 1, max = M1, elements = set_in(I, E1, X, D)};
        true ->
            erlang:error(badarg)
    end;
set(_, _, _) ->
    erlang:error(badarg).

%% set_in stores X at index I of a tree, expanding the unset runs on its way.
set_in(I, {_, _, _, _, _, _, _, _, _, _, S} = T, X, D) ->
    K = I div S + 1,
    setelement(K, T, set_in(I rem S, element(K, T), X, D));
set_in(I, Run, X, D) when is_integer(Run) ->
    expand(I, Run, X, D);
set_in(I, Leaf, X, _) ->
    setelement(I + 1, Leaf, X).

%% expand builds the path to index I inside a run of Run unset entries.
expand(I, Run, X, D) when Run > ?LEAF ->
    S = Run div ?FAN,
    setelement(I div S + 1, new_node(S), expand(I rem S, S, X, D));
expand(I, _, X, D) ->
    setelement(I + 1, erlang:make_tuple(?LEAF, D), X).

new_node(S) -> erlang:make_tuple(?FAN + 1, S).

%% grow makes a tree of capacity M hold index I by adding levels on top
%% (an unset tree just gets a bigger run).
grow(I, Run, _) when is_integer(Run) ->
    Cap = capacity(I, Run),
    {Cap, Cap};
grow(I, T, M) when I >= M ->
    grow(I, setelement(1, new_node(M), T), M * ?FAN);
grow(_, T, M) ->
    {T, M}.

get(I, #array{size = N, max = M, elements = E, default = D}) when is_integer(I), I >= 0 ->
    if
        I < N -> lookup(I, E, D);
        M > 0 -> D;
        true -> erlang:error(badarg)
    end;
get(_, _) ->
    erlang:error(badarg).

lookup(I, {_, _, _, _, _, _, _, _, _, _, S} = T, D) -> lookup(I rem S, element(I div S + 1, T), D);
lookup(_, Run, D) when is_integer(Run) -> D;
lookup(I, Leaf, _) -> element(I + 1, Leaf).

reset(I, #array{size = N, max = M, default = D, elements = E} = A) when is_integer(I), I >= 0 ->
    if
        I < N ->
            try A#array{elements = unset(I, E, D)}
            catch throw:unchanged -> A
            end;
        M > 0 ->
            A;
        true ->
            erlang:error(badarg)
    end;
reset(_, _) ->
    erlang:error(badarg).

%% unset puts the default back at index I, throwing unchanged when the
%% entry already holds it (the array is then returned as it was).
unset(I, {_, _, _, _, _, _, _, _, _, _, S} = T, D) ->
    K = I div S + 1,
    setelement(K, T, unset(I rem S, element(K, T), D));
unset(_, Run, _) when is_integer(Run) ->
    throw(unchanged);
unset(I, Leaf, D) ->
    case element(I + 1, Leaf) of
        D -> throw(unchanged);
        _ -> setelement(I + 1, Leaf, D)
    end.

%% ---------------------------------------------------------------------
%% Traversals. Every traversal splits indices over the subtrees with the
%% entry counts stored in the nodes, exactly as OTP does: an array whose
%% tree was regrown after fix/1 or a shrinking resize/2 can have nodes
%% that hold more than their parent says, and what a traversal returns
%% for such an array depends on that arithmetic.
%%
%% In the *_last functions, Last is the index (relative to the subtree)
%% of the last entry to visit; the subtrees before the one holding it are
%% visited whole.

%% unfold gives the shape an unset run would have if it were expanded.
unfold(Run, _) when Run > ?LEAF -> new_node(Run div ?FAN);
unfold(_, D) -> erlang:make_tuple(?LEAF, D).

%% Left folds: Ix is the index of the subtree's first entry.

foldl(F, Acc, #array{size = N, elements = E, default = D}) when is_function(F, 3) ->
    if
        N > 0 -> fl_last(N - 1, E, Acc, 0, F, D);
        true -> Acc
    end;
foldl(_, _, _) ->
    erlang:error(badarg).

fl_last(Last, {_, _, _, _, _, _, _, _, _, _, S} = T, Acc, Ix, F, D) ->
    fl_kids(1, T, Acc, Ix, F, D, Last div S + 1, Last rem S, S);
fl_last(Last, Run, Acc, Ix, F, D) when is_integer(Run) ->
    fl_last(Last, unfold(Run, D), Acc, Ix, F, D);
fl_last(Last, Leaf, Acc, Ix, F, _) ->
    fl_leaf(1, Leaf, Acc, Ix, F, Last + 1).

fl_kids(K, T, Acc, Ix, F, D, K, Rem, _) ->
    fl_last(Rem, element(K, T), Acc, Ix, F, D);
fl_kids(K, T, Acc, Ix, F, D, Kn, Rem, S) ->
    Acc1 = fl_last(S - 1, element(K, T), Acc, Ix, F, D),
    fl_kids(K + 1, T, Acc1, Ix + S, F, D, Kn, Rem, S).

fl_leaf(K, Leaf, Acc, Ix, F, Used) when K =< Used ->
    fl_leaf(K + 1, Leaf, F(Ix, element(K, Leaf), Acc), Ix + 1, F, Used);
fl_leaf(_, _, Acc, _, _, _) ->
    Acc.

sparse_foldl(F, Acc, #array{size = N, elements = E, default = D}) when is_function(F, 3) ->
    if
        N > 0 -> sfl_last(N - 1, E, Acc, 0, F, D);
        true -> Acc
    end;
sparse_foldl(_, _, _) ->
    erlang:error(badarg).

sfl_last(Last, {_, _, _, _, _, _, _, _, _, _, S} = T, Acc, Ix, F, D) ->
    sfl_kids(1, T, Acc, Ix, F, D, Last div S + 1, Last rem S, S);
sfl_last(_, Run, Acc, _, _, _) when is_integer(Run) ->
    Acc;
sfl_last(Last, Leaf, Acc, Ix, F, D) ->
    sfl_leaf(1, Leaf, Acc, Ix, F, D, Last + 1).

sfl_kids(K, T, Acc, Ix, F, D, K, Rem, _) ->
    sfl_last(Rem, element(K, T), Acc, Ix, F, D);
sfl_kids(K, T, Acc, Ix, F, D, Kn, Rem, S) ->
    Acc1 = sfl_last(S - 1, element(K, T), Acc, Ix, F, D),
    sfl_kids(K + 1, T, Acc1, Ix + S, F, D, Kn, Rem, S).

sfl_leaf(K, Leaf, Acc, Ix, F, D, Used) when K =< Used ->
    case element(K, Leaf) of
        D -> sfl_leaf(K + 1, Leaf, Acc, Ix + 1, F, D, Used);
        X -> sfl_leaf(K + 1, Leaf, F(Ix, X, Acc), Ix + 1, F, D, Used)
    end;
sfl_leaf(_, _, Acc, _, _, _, _) ->
    Acc.

%% Right folds: Ix is the index of the entry Last, the first one visited.

foldr(F, Acc, #array{size = N, elements = E, default = D}) when is_function(F, 3) ->
    if
        N > 0 -> fr_last(N - 1, E, N - 1, Acc, F, D);
        true -> Acc
    end;
foldr(_, _, _) ->
    erlang:error(badarg).

fr_last(Last, {_, _, _, _, _, _, _, _, _, _, S} = T, Ix, Acc, F, D) ->
    fr_kids(Last div S + 1, T, Ix, Acc, F, D, Last rem S, S - 1);
fr_last(Last, Run, Ix, Acc, F, D) when is_integer(Run) ->
    fr_last(Last, unfold(Run, D), Ix, Acc, F, D);
fr_last(Last, Leaf, Ix, Acc, F, _) ->
    fr_leaf(Last + 1, Leaf, Ix - Last - 1, Acc, F).

fr_kids(0, _, _, Acc, _, _, _, _) ->
    Acc;
fr_kids(K, T, Ix, Acc, F, D, Rem, Full) ->
    Acc1 = fr_last(Rem, element(K, T), Ix, Acc, F, D),
    fr_kids(K - 1, T, Ix - Rem - 1, Acc1, F, D, Full, Full).

%% fr_leaf visits the entries K..1 of a leaf; entry K has index Ix0 + K.
fr_leaf(0, _, _, Acc, _) ->
    Acc;
fr_leaf(K, Leaf, Ix0, Acc, F) ->
    fr_leaf(K - 1, Leaf, Ix0, F(Ix0 + K, element(K, Leaf), Acc), F).

sparse_foldr(F, Acc, #array{size = N, elements = E, default = D}) when is_function(F, 3) ->
    if
        N > 0 -> sfr_last(N - 1, E, N - 1, Acc, F, D);
        true -> Acc
    end;
sparse_foldr(_, _, _) ->
    erlang:error(badarg).

sfr_last(Last, {_, _, _, _, _, _, _, _, _, _, S} = T, Ix, Acc, F, D) ->
    sfr_kids(Last div S + 1, T, Ix, Acc, F, D, Last rem S, S - 1);
sfr_last(_, Run, _, Acc, _, _) when is_integer(Run) ->
    Acc;
sfr_last(Last, Leaf, Ix, Acc, F, D) ->
    sfr_leaf(Last + 1, Leaf, Ix - Last - 1, Acc, F, D).

sfr_kids(0, _, _, Acc, _, _, _, _) ->
    Acc;
sfr_kids(K, T, Ix, Acc, F, D, Rem, Full) ->
    Acc1 = sfr_last(Rem, element(K, T), Ix, Acc, F, D),
    sfr_kids(K - 1, T, Ix - Rem - 1, Acc1, F, D, Full, Full).

sfr_leaf(0, _, _, Acc, _, _) ->
    Acc;
sfr_leaf(K, Leaf, Ix0, Acc, F, D) ->
    case element(K, Leaf) of
        D -> sfr_leaf(K - 1, Leaf, Ix0, Acc, F, D);
        X -> sfr_leaf(K - 1, Leaf, Ix0, F(Ix0 + K, X, Acc), F, D)
    end.

sparse_size(A) ->
    try sparse_foldr(fun(I, _, _) -> throw({last, I}) end, [], A) of
        [] -> 0
    catch
        throw:{last, I} -> I + 1
    end.

%% ---------------------------------------------------------------------
%% Conversions to lists. They are built from the end: the subtree holding
%% the last index first (up to that index), then the subtrees before it,
%% whole, each leaf or unset run contributing all of its entries.

to_list(#array{size = 0}) ->
    [];
to_list(#array{size = N, elements = E, default = D}) ->
    tl_last(E, D, N - 1);
to_list(_) ->
    erlang:error(badarg).

tl_last({_, _, _, _, _, _, _, _, _, _, S} = T, D, Last) ->
    K = Last div S,
    tl_kids(K, D, tl_last(element(K + 1, T), D, Last rem S), T);
tl_last(Run, D, Last) when is_integer(Run) ->
    copies(Last + 1, D, []);
tl_last(Leaf, _, Last) ->
    leaf_prefix(Last + 1, Leaf, []).

tl_whole({_, _, _, _, _, _, _, _, _, _, _} = T, D, L) ->
    tl_kids(?FAN, D, L, T);
tl_whole(Run, D, L) when is_integer(Run) ->
    copies(Run, D, L);
tl_whole(Leaf, _, L) ->
    leaf_prefix(?LEAF, Leaf, L).

tl_kids(0, _, L, _) -> L;
tl_kids(K, D, L, T) -> tl_kids(K - 1, D, tl_whole(element(K, T), D, L), T).

copies(0, _, L) -> L;
copies(K, X, L) -> copies(K - 1, X, [X | L]).

leaf_prefix(0, _, L) -> L;
leaf_prefix(K, Leaf, L) -> leaf_prefix(K - 1, Leaf, [element(K, Leaf) | L]).

sparse_to_list(#array{size = 0}) ->
    [];
sparse_to_list(#array{size = N, elements = E, default = D}) ->
    stl_last(E, D, N - 1);
sparse_to_list(_) ->
    erlang:error(badarg).

stl_last({_, _, _, _, _, _, _, _, _, _, S} = T, D, Last) ->
    K = Last div S,
    stl_kids(K, D, stl_last(element(K + 1, T), D, Last rem S), T);
stl_last(Run, _, _) when is_integer(Run) ->
    [];
stl_last(Leaf, D, Last) ->
    sparse_prefix(Last + 1, D, Leaf, []).

stl_whole({_, _, _, _, _, _, _, _, _, _, _} = T, D, L) ->
    stl_kids(?FAN, D, L, T);
stl_whole(Run, _, L) when is_integer(Run) ->
    L;
stl_whole(Leaf, D, L) ->
    sparse_prefix(?LEAF, D, Leaf, L).

stl_kids(0, _, L, _) -> L;
stl_kids(K, D, L, T) -> stl_kids(K - 1, D, stl_whole(element(K, T), D, L), T).

sparse_prefix(0, _, _, L) ->
    L;
sparse_prefix(K, D, Leaf, L) ->
    case element(K, Leaf) of
        D -> sparse_prefix(K - 1, D, Leaf, L);
        X -> sparse_prefix(K - 1, D, Leaf, [X | L])
    end.

%% The orddict conversions number the entries down from R, the index of
%% the last entry of the part being converted.

to_orddict(#array{size = 0}) ->
    [];
to_orddict(#array{size = N, elements = E, default = D}) ->
    td_last(E, N - 1, D, N - 1);
to_orddict(_) ->
    erlang:error(badarg).

td_last({_, _, _, _, _, _, _, _, _, _, S} = T, R, D, Last) ->
    K = Last div S,
    Rem = Last rem S,
    td_kids(K, R - Rem - 1, D, td_last(element(K + 1, T), R, D, Rem), T, S);
td_last(Run, R, D, Last) when is_integer(Run) ->
    copy_pairs(Last + 1, R, D, []);
td_last(Leaf, R, _, Last) ->
    leaf_pairs(Last + 1, R, Leaf, []).

td_whole({_, _, _, _, _, _, _, _, _, _, S} = T, R, D, L) ->
    td_kids(?FAN, R, D, L, T, S);
td_whole(Run, R, D, L) when is_integer(Run) ->
    copy_pairs(Run, R, D, L);
td_whole(Leaf, R, _, L) ->
    leaf_pairs(?LEAF, R, Leaf, L).

td_kids(0, _, _, L, _, _) -> L;
td_kids(K, R, D, L, T, S) -> td_kids(K - 1, R - S, D, td_whole(element(K, T), R, D, L), T, S).

copy_pairs(0, _, _, L) -> L;
copy_pairs(K, I, X, L) -> copy_pairs(K - 1, I - 1, X, [{I, X} | L]).

leaf_pairs(0, _, _, L) -> L;
leaf_pairs(K, I, Leaf, L) -> leaf_pairs(K - 1, I - 1, Leaf, [{I, element(K, Leaf)} | L]).

sparse_to_orddict(#array{size = 0}) ->
    [];
sparse_to_orddict(#array{size = N, elements = E, default = D}) ->
    std_last(E, N - 1, D, N - 1);
sparse_to_orddict(_) ->
    erlang:error(badarg).

std_last({_, _, _, _, _, _, _, _, _, _, S} = T, R, D, Last) ->
    K = Last div S,
    Rem = Last rem S,
    std_kids(K, R - Rem - 1, D, std_last(element(K + 1, T), R, D, Rem), T, S);
std_last(Run, _, _, _) when is_integer(Run) ->
    [];
std_last(Leaf, R, D, Last) ->
    sparse_pairs(Last + 1, R, D, Leaf, []).

std_whole({_, _, _, _, _, _, _, _, _, _, S} = T, R, D, L) ->
    std_kids(?FAN, R, D, L, T, S);
std_whole(Run, _, _, L) when is_integer(Run) ->
    L;
std_whole(Leaf, R, D, L) ->
    sparse_pairs(?LEAF, R, D, Leaf, L).

std_kids(0, _, _, L, _, _) -> L;
std_kids(K, R, D, L, T, S) -> std_kids(K - 1, R - S, D, std_whole(element(K, T), R, D, L), T, S).

sparse_pairs(0, _, _, _, L) ->
    L;
sparse_pairs(K, I, D, Leaf, L) ->
    case element(K, Leaf) of
        D -> sparse_pairs(K - 1, I - 1, D, Leaf, L);
        X -> sparse_pairs(K - 1, I - 1, D, Leaf, [{I, X} | L])
    end.

%% ---------------------------------------------------------------------
%% Maps. Both keep the subtrees after the last index as they are; map/2
%% expands every unset run it visits and fills the last leaf past the
%% size with the default, sparse_map/2 keeps unset runs and applies the
%% fun to every non-default entry of the leaves it visits (even past the
%% size). Ix is the index of the subtree's first entry.

map(F, #array{size = N, elements = E, default = D} = A) when is_function(F, 2) ->
    if
        N > 0 -> A#array{elements = map_last(N - 1, E, 0, F, D, dense)};
        true -> A
    end;
map(_, _) ->
    erlang:error(badarg).

sparse_map(F, #array{size = N, elements = E, default = D} = A) when is_function(F, 2) ->
    if
        N > 0 -> A#array{elements = map_last(N - 1, E, 0, F, D, sparse)};
        true -> A
    end;
sparse_map(_, _) ->
    erlang:error(badarg).

map_last(Last, {_, _, _, _, _, _, _, _, _, _, S} = T, Ix, F, D, Mode) ->
    Kids = map_kids(1, T, Ix, F, D, Mode, Last div S + 1, Last rem S, S, []),
    list_to_tuple(lists:reverse([S | Kids]));
map_last(Last, Run, Ix, F, D, dense) when is_integer(Run) ->
    map_last(Last, unfold(Run, D), Ix, F, D, dense);
map_last(_, Run, _, _, _, sparse) when is_integer(Run) ->
    Run;
map_last(Last, Leaf, Ix, F, D, dense) ->
    list_to_tuple(lists:reverse(map_leaf(1, Leaf, Ix, F, D, Last + 1, [])));
map_last(_, Leaf, Ix, F, D, sparse) ->
    list_to_tuple(lists:reverse(sparse_map_leaf(1, Leaf, Ix, F, D, []))).

%% map_kids returns the new subtrees in reverse order.
map_kids(K, T, Ix, F, D, Mode, K, Rem, _, Acc) ->
    keep_kids(K + 1, T, [map_last(Rem, element(K, T), Ix, F, D, Mode) | Acc]);
map_kids(K, T, Ix, F, D, Mode, Kn, Rem, S, Acc) ->
    Kid = map_last(S - 1, element(K, T), Ix, F, D, Mode),
    map_kids(K + 1, T, Ix + S, F, D, Mode, Kn, Rem, S, [Kid | Acc]).

keep_kids(K, T, Acc) when K =< ?FAN -> keep_kids(K + 1, T, [element(K, T) | Acc]);
keep_kids(_, _, Acc) -> Acc.

map_leaf(K, Leaf, Ix, F, D, Used, Acc) when K =< Used ->
    map_leaf(K + 1, Leaf, Ix + 1, F, D, Used, [F(Ix, element(K, Leaf)) | Acc]);
map_leaf(K, Leaf, Ix, F, D, Used, Acc) when K =< ?LEAF ->
    map_leaf(K + 1, Leaf, Ix + 1, F, D, Used, [D | Acc]);
map_leaf(_, _, _, _, _, _, Acc) ->
    Acc.

sparse_map_leaf(K, Leaf, Ix, F, D, Acc) when K =< ?LEAF ->
    X = case element(K, Leaf) of
            D -> D;
            V -> F(Ix, V)
        end,
    sparse_map_leaf(K + 1, Leaf, Ix + 1, F, D, [X | Acc]);
sparse_map_leaf(_, _, _, _, _, Acc) ->
    Acc.

%% ---------------------------------------------------------------------
%% Building from lists

from_list(List) -> from_list(List, undefined).

from_list([], D) ->
    new({default, D});
from_list(List, D) when is_list(List) ->
    {Leaves, N} = leaves(List, D, [], 0),
    {E, M} = stack_levels(Leaves, N, ?LEAF),
    #array{size = N, max = M, default = D, elements = E};
from_list(_, _) ->
    erlang:error(badarg).

%% leaves cuts a list into leaves (the last one padded with the default),
%% returned in order, and counts the entries.
leaves([], _, Acc, N) ->
    {lists:reverse(Acc), N};
leaves([_ | _] = List, D, Acc, N) ->
    {Leaf, Rest, Taken} = take_leaf(List, D, ?LEAF, [], 0),
    leaves(Rest, D, [Leaf | Acc], N + Taken);
leaves(_, _, _, _) ->
    erlang:error(badarg).

take_leaf(List, _, 0, Acc, Taken) ->
    {list_to_tuple(lists:reverse(Acc)), List, Taken};
take_leaf([X | Rest], D, K, Acc, Taken) ->
    take_leaf(Rest, D, K - 1, [X | Acc], Taken + 1);
take_leaf(Rest, D, K, Acc, Taken) ->
    take_leaf(Rest, D, K - 1, [D | Acc], Taken).

%% stack_levels groups subtrees of S entries each (given in order) into
%% nodes, padding the last node with unset runs, until one tree is left.
stack_levels([T], _, S) ->
    {T, S};
stack_levels(Kids, N, S) ->
    Pad = (?FAN - length(Kids) rem ?FAN) rem ?FAN,
    stack_levels(make_nodes(Kids ++ lists:duplicate(Pad, S), S), N, S * ?FAN).

make_nodes([], _) ->
    [];
make_nodes(Kids, S) ->
    {Mine, Rest} = lists:split(?FAN, Kids),
    [list_to_tuple(Mine ++ [S]) | make_nodes(Rest, S)].

%% ---------------------------------------------------------------------
%% Building from orddicts. The leaves are collected last first: each is a
%% leaf tuple, or a run of unset entries (a multiple of 10) for a gap of
%% more than a leaf before the next index.

from_orddict(List) -> from_orddict(List, undefined).

from_orddict([], D) ->
    new({default, D});
from_orddict(List, D) when is_list(List) ->
    {E, N, M} = od_leaves(List, 0, ?LEAF, D, []),
    #array{size = N, max = M, default = D, elements = E};
from_orddict(_, _) ->
    erlang:error(badarg).

od_leaves([], N, _, _, Chunks) ->
    case Chunks of
        [E] -> {E, N, ?LEAF};
        _ -> od_level(N, Chunks, ?LEAF)
    end;
od_leaves([{Ix, _} | _] = List, From, Limit, D, Chunks) when Ix > Limit, is_integer(Ix) ->
    Gap = Ix - From,
    Run = Gap - Gap rem ?LEAF,
    Next = From + Run,
    od_leaves(List, Next, Next + ?LEAF, D, [Run | Chunks]);
od_leaves([{_, _} | _] = List, From, Limit, D, Chunks) ->
    {Rest, Leaf, N} = od_leaf(From, Limit, List, From, D, []),
    od_leaves(Rest, N, N + ?LEAF, D, [Leaf | Chunks]);
od_leaves(List, _, _, _, _) ->
    erlang:error({badarg, List}).

%% od_leaf fills the leaf of indices Ix..Limit-1; N is one past the last
%% index that was set, or that lies before an index still to come.
od_leaf(Limit, Limit, List, N, _, Acc) ->
    {List, list_to_tuple(lists:reverse(Acc)), N};
od_leaf(Ix, Limit, List, N, D, Acc) ->
    case List of
        [{Ix, X} | Rest] ->
            od_leaf(Ix + 1, Limit, Rest, Ix + 1, D, [X | Acc]);
        [{Later, _} | _] when is_integer(Later), Later > Ix ->
            od_leaf(Ix + 1, Limit, List, Ix + 1, D, [D | Acc]);
        [_ | _] ->
            erlang:error({badarg, List});
        _ ->
            od_leaf(Ix + 1, Limit, List, N, D, [D | Acc])
    end.

%% od_level groups the chunks (last first), each a subtree of S entries
%% or a run of unset entries, into nodes of the next level.
od_level(N, Chunks, S) ->
    Used = (N - 1) div S + 1,
    case ((?FAN - Used rem ?FAN) rem ?FAN) * S of
        0 -> od_node(?FAN, Chunks, S, N, [S], []);
        Pad -> od_node(?FAN, [Pad | Chunks], S, N, [S], [])
    end.

%% od_node fills a node from its end: Room subtrees are still missing,
%% Kids holds the ones placed so far (followed by S), Done the finished
%% nodes of this level (first first).
od_node(0, Chunks, S, N, Kids, Done) ->
    Node = list_to_tuple(Kids),
    case {Chunks, Done} of
        {[], []} -> {Node, N, S * ?FAN};
        {[], _} -> od_level(N, lists:reverse([Node | Done]), S * ?FAN);
        _ -> od_node(?FAN, Chunks, S, N, [S], [Node | Done])
    end;
od_node(Room, [Run | Chunks], S, N, Kids, Done) when is_integer(Run) ->
    Span = Run div S,
    if
        Span < Room ->
            od_node(Room - Span, Chunks, S, N, runs(Span, S, Kids), Done);
        Room =:= ?FAN ->
            Part = Span rem ?FAN,
            od_node(Room - Part, Chunks, S, N, runs(Part, S, Kids), [Run | Done]);
        Room =:= Span ->
            od_node(0, Chunks, S, N, runs(Room, S, Kids), Done);
        true ->
            od_node(0, [(Span - Room) * S | Chunks], S, N, runs(Room, S, Kids), Done)
    end;
od_node(Room, [Kid | Chunks], S, N, Kids, Done) ->
    od_node(Room - 1, Chunks, S, N, [Kid | Kids], Done);
od_node(?FAN, [], S, N, [_], Done) ->
    od_level(N, lists:reverse(Done), S * ?FAN).

runs(0, _, Kids) -> Kids;
runs(K, S, Kids) -> runs(K - 1, S, [S | Kids]).

%% The parts of OTP's lists module that call back funs, plus the rarely used
%% merge functions. The pure data functions (reverse, seq, sort, keysort,
%% nth, flatten, ...) are native functions registered by the stdlib package;
%% they shadow any function of the same name here.
-module(lists).

-export([all/2, any/2, dropwhile/2, filter/2, filtermap/2, flatmap/2,
         foldl/3, foldr/3, foreach/2, keymap/3, map/2, mapfoldl/3, mapfoldr/3,
         partition/2, search/2, sort/2, splitwith/2, takewhile/2, uniq/2,
         usort/2, zf/2, zipwith/3, zipwith3/4, merge/3, umerge/3,
         merge/1, umerge/1, merge3/3, umerge3/3, keymerge/3, ukeymerge/3,
         rmerge/2, rmerge/3, rmerge3/3, rumerge/2, rumerge/3, rumerge3/3,
         rkeymerge/3, rukeymerge/3, zip3/3, unzip3/1]).

all(Pred, List) when is_function(Pred, 1) ->
    case List of
        [X | Xs] ->
            case Pred(X) of
                true -> all_rest(Pred, Xs);
                false -> false
            end;
        [] -> true
    end.

all_rest(Pred, [X | Xs]) ->
    case Pred(X) of
        true -> all_rest(Pred, Xs);
        false -> false
    end;
all_rest(_Pred, []) -> true.

any(Pred, List) when is_function(Pred, 1) ->
    case List of
        [X | Xs] ->
            case Pred(X) of
                true -> true;
                false -> any_rest(Pred, Xs)
            end;
        [] -> false
    end.

any_rest(Pred, [X | Xs]) ->
    case Pred(X) of
        true -> true;
        false -> any_rest(Pred, Xs)
    end;
any_rest(_Pred, []) -> false.

dropwhile(Pred, [X | Xs] = L) when is_function(Pred, 1) ->
    case Pred(X) of
        true -> dropwhile(Pred, Xs);
        false -> L
    end;
dropwhile(Pred, []) when is_function(Pred, 1) -> [].

takewhile(Pred, [X | Xs]) when is_function(Pred, 1) ->
    case Pred(X) of
        true -> [X | takewhile(Pred, Xs)];
        false -> []
    end;
takewhile(Pred, []) when is_function(Pred, 1) -> [].

filter(Pred, List) when is_function(Pred, 1) ->
    [X || X <- List, Pred(X)].

filtermap(F, [X | Xs]) when is_function(F, 1) ->
    case F(X) of
        false -> filtermap(F, Xs);
        true -> [X | filtermap(F, Xs)];
        {true, Y} -> [Y | filtermap(F, Xs)]
    end;
filtermap(F, []) when is_function(F, 1) -> [].

zf(F, L) -> filtermap(F, L).

flatmap(F, [X | Xs]) when is_function(F, 1) ->
    F(X) ++ flatmap(F, Xs);
flatmap(F, []) when is_function(F, 1) -> [].

foldl(F, Acc, List) when is_function(F, 2) ->
    case List of
        [X | Xs] -> fold_left(F, F(X, Acc), Xs);
        [] -> Acc
    end.

fold_left(F, Acc, [X | Xs]) -> fold_left(F, F(X, Acc), Xs);
fold_left(_F, Acc, []) -> Acc.

foldr(F, Acc, List) when is_function(F, 2) ->
    fold_right(F, Acc, List).

fold_right(F, Acc, [X | Xs]) -> F(X, fold_right(F, Acc, Xs));
fold_right(_F, Acc, []) -> Acc.

foreach(F, List) when is_function(F, 1) ->
    each(F, List).

each(F, [X | Xs]) -> F(X), each(F, Xs);
each(_F, []) -> ok.

map(F, List) when is_function(F, 1) ->
    case List of
        [X | Xs] -> [F(X) | map_list(F, Xs)];
        [] -> []
    end.

map_list(F, [X | Xs]) -> [F(X) | map_list(F, Xs)];
map_list(_F, []) -> [].

keymap(F, N, [T | Ts]) ->
    [setelement(N, T, F(element(N, T))) | keymap(F, N, Ts)];
keymap(F, _N, []) when is_function(F, 1) -> [].

mapfoldl(F, Acc, [X | Xs]) when is_function(F, 2) ->
    {Y, Acc1} = F(X, Acc),
    {Ys, Acc2} = mapfoldl(F, Acc1, Xs),
    {[Y | Ys], Acc2};
mapfoldl(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

mapfoldr(F, Acc, [X | Xs]) when is_function(F, 2) ->
    {Ys, Acc1} = mapfoldr(F, Acc, Xs),
    {Y, Acc2} = F(X, Acc1),
    {[Y | Ys], Acc2};
mapfoldr(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

partition(Pred, List) when is_function(Pred, 1) ->
    partition(Pred, List, [], []).

partition(Pred, [X | Xs], Yes, No) ->
    case Pred(X) of
        true -> partition(Pred, Xs, [X | Yes], No);
        false -> partition(Pred, Xs, Yes, [X | No])
    end;
partition(_Pred, [], Yes, No) ->
    {lists:reverse(Yes), lists:reverse(No)}.

search(Pred, [X | Xs]) when is_function(Pred, 1) ->
    case Pred(X) of
        true -> {value, X};
        false -> search(Pred, Xs)
    end;
search(Pred, []) when is_function(Pred, 1) -> false.

splitwith(Pred, List) when is_function(Pred, 1) ->
    split_while(Pred, List, []).

split_while(Pred, [X | Xs] = L, Acc) ->
    case Pred(X) of
        true -> split_while(Pred, Xs, [X | Acc]);
        false -> {lists:reverse(Acc), L}
    end;
split_while(_Pred, [], Acc) -> {lists:reverse(Acc), []}.

uniq(F, List) when is_function(F, 1) ->
    uniq_by(F, List, #{}).

uniq_by(F, [X | Xs], Seen) ->
    K = F(X),
    case Seen of
        #{K := _} -> uniq_by(F, Xs, Seen);
        #{} -> [X | uniq_by(F, Xs, Seen#{K => true})]
    end;
uniq_by(_F, [], _Seen) -> [].

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs]) -> [F(X, Y, Z) | zipwith3(F, Xs, Ys, Zs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

zip3([X | Xs], [Y | Ys], [Z | Zs]) -> [{X, Y, Z} | zip3(Xs, Ys, Zs)];
zip3([], [], []) -> [].

unzip3(Ts) -> unzip3(Ts, [], [], []).

unzip3([{X, Y, Z} | Ts], Xs, Ys, Zs) -> unzip3(Ts, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) -> {lists:reverse(Xs), lists:reverse(Ys), lists:reverse(Zs)}.

%% sort/2: a stable top-down merge sort; F(A, B) true means A goes first.
sort(F, []) when is_function(F, 2) -> [];
sort(F, [_] = List) when is_function(F, 2) -> List;
sort(F, [_, _ | _] = List) -> msort(F, List, length(List)).

msort(_F, [X | _], 1) -> [X];
msort(F, L, N) ->
    H = N div 2,
    {A, B} = lists:split(H, L),
    fmerge(F, msort(F, A, H), msort(F, B, N - H)).

fmerge(F, [X | Xs] = XL, [Y | Ys] = YL) ->
    case F(X, Y) of
        true -> [X | fmerge(F, Xs, YL)];
        false -> [Y | fmerge(F, XL, Ys)]
    end;
fmerge(_F, [], YL) -> YL;
fmerge(_F, XL, []) -> XL.

usort(F, List) when is_function(F, 2) ->
    case List of
        [] -> [];
        [_] -> List;
        [_ | _] -> udedup(F, sort(F, List))
    end.

udedup(F, [X | Xs]) -> [X | udedup(F, X, Xs)].

udedup(F, P, [X | Xs]) ->
    case F(X, P) of
        true -> udedup(F, P, Xs);
        false -> [X | udedup(F, X, Xs)]
    end;
udedup(_F, _P, []) -> [].

%% merge/3: both lists sorted by F.
merge(F, L1, L2) when is_function(F, 2), is_list(L1), is_list(L2) ->
    fmerge(F, L1, L2).

umerge(F, L1, L2) when is_function(F, 2), is_list(L1), is_list(L2) ->
    fumerge(F, L1, L2).

fumerge(F, [X | Xs] = XL, [Y | Ys] = YL) ->
    case F(X, Y) of
        true ->
            case F(Y, X) of
                true -> [X | fumerge(F, Xs, Ys)];
                false -> [X | fumerge(F, Xs, YL)]
            end;
        false -> [Y | fumerge(F, XL, Ys)]
    end;
fumerge(_F, [], YL) -> YL;
fumerge(_F, XL, []) -> XL.

merge(Lists) when is_list(Lists) ->
    lists:foldr(fun(L, Acc) -> lists:merge(L, Acc) end, [], Lists).

umerge(Lists) when is_list(Lists) ->
    lists:foldr(fun(L, Acc) -> lists:umerge(L, Acc) end, [], Lists).

merge3(L1, L2, L3) ->
    lists:merge(L1, lists:merge(L2, L3)).

umerge3(L1, L2, L3) ->
    lists:umerge(L1, lists:umerge(L2, L3)).

keymerge(N, L1, L2) when is_integer(N), N > 0, is_list(L1), is_list(L2) ->
    kmerge(N, L1, L2).

kmerge(N, [X | Xs] = XL, [Y | Ys] = YL) ->
    case element(N, X) =< element(N, Y) of
        true -> [X | kmerge(N, Xs, YL)];
        false -> [Y | kmerge(N, XL, Ys)]
    end;
kmerge(_N, [], YL) -> YL;
kmerge(_N, XL, []) -> XL.

ukeymerge(N, L1, L2) when is_integer(N), N > 0, is_list(L1), is_list(L2) ->
    ukmerge(N, L1, L2).

ukmerge(N, [X | Xs] = XL, [Y | Ys] = YL) ->
    KX = element(N, X),
    KY = element(N, Y),
    if
        KX == KY -> [X | ukmerge(N, Xs, Ys)];
        KX < KY -> [X | ukmerge(N, Xs, YL)];
        true -> [Y | ukmerge(N, XL, Ys)]
    end;
ukmerge(_N, [], YL) -> YL;
ukmerge(_N, XL, []) -> XL.

%% The reverse-order merges (undocumented in OTP): the lists are sorted in
%% the reverse of the ordering, and reverse(rmerge(F, reverse(A),
%% reverse(B))) equals merge(F, A, B).
rmerge(L1, L2) when is_list(L1), is_list(L2) ->
    rfmerge(fun(A, B) -> A =< B end, L1, L2).

rmerge(F, L1, L2) when is_function(F, 2), is_list(L1), is_list(L2) ->
    rfmerge(F, L1, L2).

rfmerge(F, [X | Xs] = XL, [Y | Ys] = YL) ->
    case F(X, Y) of
        true -> [Y | rfmerge(F, XL, Ys)];
        false -> [X | rfmerge(F, Xs, YL)]
    end;
rfmerge(_F, [], YL) -> YL;
rfmerge(_F, XL, []) -> XL.

rmerge3(L1, L2, L3) -> rmerge(L1, rmerge(L2, L3)).

rumerge(L1, L2) when is_list(L1), is_list(L2) ->
    rfumerge(fun(A, B) -> A =< B end, L1, L2).

rumerge(F, L1, L2) when is_function(F, 2), is_list(L1), is_list(L2) ->
    rfumerge(F, L1, L2).

rfumerge(F, [X | Xs] = XL, [Y | Ys] = YL) ->
    case F(X, Y) of
        true ->
            case F(Y, X) of
                true -> [Y | rfumerge(F, Xs, Ys)];
                false -> [Y | rfumerge(F, XL, Ys)]
            end;
        false -> [X | rfumerge(F, Xs, YL)]
    end;
rfumerge(_F, [], YL) -> YL;
rfumerge(_F, XL, []) -> XL.

rumerge3(L1, L2, L3) -> rumerge(L1, rumerge(L2, L3)).

rkeymerge(N, L1, L2) when is_integer(N), N > 0, is_list(L1), is_list(L2) ->
    rfmerge(fun(A, B) -> element(N, A) =< element(N, B) end, L1, L2).

rukeymerge(N, L1, L2) when is_integer(N), N > 0, is_list(L1), is_list(L2) ->
    rfumerge(fun(A, B) -> element(N, A) =< element(N, B) end, L1, L2).

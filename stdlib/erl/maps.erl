%% The parts of OTP's maps module that call back funs. The other functions
%% (get, put, find, keys, merge, iterator, next, ...) are native functions
%% registered by the stdlib package.
-module(maps).

-export([filter/2, filtermap/2, fold/3, foreach/2, map/2,
         groups_from_list/2, groups_from_list/3, intersect_with/3,
         merge_with/3, update_with/3, update_with/4]).

filter(Pred, M) when is_function(Pred, 2), is_map(M) ->
    maps:from_list([{K, V} || {K, V} <- pairs(M), Pred(K, V)]);
filter(Pred, I) when is_function(Pred, 2) ->
    case is_iterator(I) of
        true -> maps:from_list([{K, V} || {K, V} <- iter_list(I), Pred(K, V)]);
        false -> fail(I)
    end;
filter(_Pred, M) -> fail_fun(M).

filtermap(F, M) when is_function(F, 2) ->
    maps:from_list(filtermap_pairs(F, pairs(M)));
filtermap(_F, M) -> fail_fun(M).

filtermap_pairs(F, [{K, V} | Ps]) ->
    case F(K, V) of
        true -> [{K, V} | filtermap_pairs(F, Ps)];
        {true, W} -> [{K, W} | filtermap_pairs(F, Ps)];
        false -> filtermap_pairs(F, Ps)
    end;
filtermap_pairs(_F, []) -> [].

fold(F, Acc, M) when is_function(F, 3) ->
    fold_pairs(F, Acc, pairs(M));
fold(_F, _Acc, M) -> fail_fun(M).

fold_pairs(F, Acc, [{K, V} | Ps]) -> fold_pairs(F, F(K, V, Acc), Ps);
fold_pairs(_F, Acc, []) -> Acc.

foreach(F, M) when is_function(F, 2) ->
    foreach_pairs(F, pairs(M));
foreach(_F, M) -> fail_fun(M).

foreach_pairs(F, [{K, V} | Ps]) -> F(K, V), foreach_pairs(F, Ps);
foreach_pairs(_F, []) -> ok.

map(F, M) when is_function(F, 2) ->
    maps:from_list([{K, F(K, V)} || {K, V} <- pairs(M)]);
map(_F, M) -> fail_fun(M).

groups_from_list(KeyFun, List) when is_function(KeyFun, 1), is_list(List) ->
    groups(KeyFun, fun(X) -> X end, List, #{});
groups_from_list(_KeyFun, _List) ->
    erlang:error(badarg).

groups_from_list(KeyFun, ValueFun, List)
  when is_function(KeyFun, 1), is_function(ValueFun, 1), is_list(List) ->
    groups(KeyFun, ValueFun, List, #{});
groups_from_list(_KeyFun, _ValueFun, _List) ->
    erlang:error(badarg).

groups(KF, VF, [X | Xs], Acc) ->
    K = KF(X),
    V = VF(X),
    case Acc of
        #{K := Vs} -> groups(KF, VF, Xs, Acc#{K := [V | Vs]});
        #{} -> groups(KF, VF, Xs, Acc#{K => [V]})
    end;
groups(_KF, _VF, [], Acc) ->
    maps:map(fun(_K, Vs) -> lists:reverse(Vs) end, Acc).

intersect_with(F, M1, M2) when is_function(F, 3), is_map(M1), is_map(M2) ->
    maps:from_list([{K, F(K, V1, V2)} || {K, V1} <- pairs(M1),
                                         V2 <- lookup(K, M2)]);
intersect_with(F, M1, M2) when is_function(F, 3) ->
    case is_map(M1) of
        false -> erlang:error({badmap, M1});
        true -> erlang:error({badmap, M2})
    end;
intersect_with(_F, _M1, _M2) ->
    erlang:error(badarg).

merge_with(F, M1, M2) when is_function(F, 3), is_map(M1), is_map(M2) ->
    maps:fold(fun(K, V2, Acc) ->
                      case Acc of
                          #{K := V1} -> Acc#{K := F(K, V1, V2)};
                          #{} -> Acc#{K => V2}
                      end
              end, M1, M2);
merge_with(F, M1, M2) when is_function(F, 3) ->
    case is_map(M1) of
        false -> erlang:error({badmap, M1});
        true -> erlang:error({badmap, M2})
    end;
merge_with(_F, _M1, _M2) ->
    erlang:error(badarg).

update_with(K, F, M) when is_function(F, 1), is_map(M) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        #{} -> erlang:error({badkey, K})
    end;
update_with(_K, F, M) when is_function(F, 1) ->
    erlang:error({badmap, M});
update_with(_K, _F, _M) ->
    erlang:error(badarg).

update_with(K, F, Init, M) when is_function(F, 1), is_map(M) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        #{} -> M#{K => Init}
    end;
update_with(_K, F, _Init, M) when is_function(F, 1) ->
    erlang:error({badmap, M});
update_with(_K, _F, _Init, _M) ->
    erlang:error(badarg).

lookup(K, M) ->
    case M of
        #{K := V} -> [V];
        #{} -> []
    end.

%% pairs/1: the {Key, Value} pairs of a map or of an iterator, in iterator
%% order (for a large map, the reverse of maps:to_list/1); anything else
%% raises as OTP does.
pairs(M) when is_map(M) -> iter_list(maps:iterator(M));
pairs(I) ->
    case is_iterator(I) of
        true -> iter_list(I);
        false -> fail(I)
    end.

iter_list(I) ->
    case maps:next(I) of
        {K, V, Next} -> [{K, V} | iter_list(Next)];
        none -> []
    end.

is_iterator(none) -> true;
is_iterator({_, _, _}) -> true;
is_iterator([I | M]) when is_integer(I), is_map(M) -> true;
is_iterator(_) -> false.

fail(M) -> erlang:error({badmap, M}).

fail_fun(M) when is_map(M) -> erlang:error(badarg);
fail_fun(M) ->
    case is_iterator(M) of
        true -> erlang:error(badarg);
        false -> erlang:error({badmap, M})
    end.

%% queue: FIFO queues as {Rear, Front} list pairs (Rear reversed). When
%% one side runs empty the other is split in halves, so that operations
%% are amortised O(1).
-module(queue).
-compile({no_auto_import, [get/1]}).

-export([new/0, is_queue/1, is_empty/1, len/1, to_list/1, from_list/1,
         member/2, in/2, in_r/2, out/1, out_r/1, get/1, get_r/1,
         peek/1, peek_r/1, drop/1, drop_r/1, reverse/1, join/2, split/2,
         filter/2, filtermap/2, fold/3, any/2, all/2, delete/2, delete_r/2,
         delete_with/2, delete_with_r/2,
         cons/2, head/1, tail/1, snoc/2, last/1, daeh/1, init/1, liat/1, lait/1]).

new() -> {[], []}.

is_queue({R, F}) when is_list(R), is_list(F) -> true;
is_queue(_) -> false.

is_empty({[], []}) -> true;
is_empty({R, F}) when is_list(R), is_list(F) -> false;
is_empty(Q) -> erlang:error(badarg, [Q]).

len({R, F}) when is_list(R), is_list(F) -> length(R) + length(F);
len(Q) -> erlang:error(badarg, [Q]).

to_list({R, F}) when is_list(R), is_list(F) -> F ++ lists:reverse(R);
to_list(Q) -> erlang:error(badarg, [Q]).

from_list(L) when is_list(L) -> front_to_rear(L);
from_list(L) -> erlang:error(badarg, [L]).

member(X, {R, F}) when is_list(R), is_list(F) ->
    lists:member(X, R) orelse lists:member(X, F);
member(X, Q) -> erlang:error(badarg, [X, Q]).

in(X, {[_] = R, []}) -> {[X], R};
in(X, {R, F}) when is_list(R), is_list(F) -> {[X | R], F};
in(X, Q) -> erlang:error(badarg, [X, Q]).

in_r(X, {[], [_] = F}) -> {F, [X]};
in_r(X, {R, F}) when is_list(R), is_list(F) -> {R, [X | F]};
in_r(X, Q) -> erlang:error(badarg, [X, Q]).

out({[], []} = Q) -> {empty, Q};
out({[V], []}) -> {{value, V}, {[], []}};
out({[_ | _] = R, []}) ->
    {R1, [V | F1]} = rear_to_front(R),
    {{value, V}, {R1, F1}};
out({R, [V]}) when is_list(R) -> {{value, V}, rear_to_front(R)};
out({R, [V | F]}) when is_list(R) -> {{value, V}, {R, F}};
out(Q) -> erlang:error(badarg, [Q]).

out_r({[], []} = Q) -> {empty, Q};
out_r({[], [V]}) -> {{value, V}, {[], []}};
out_r({[], [_ | _] = F}) ->
    {[V | R1], F1} = front_to_rear(F),
    {{value, V}, {R1, F1}};
out_r({[V], F}) when is_list(F) -> {{value, V}, front_to_rear(F)};
out_r({[V | R], F}) when is_list(F) -> {{value, V}, {R, F}};
out_r(Q) -> erlang:error(badarg, [Q]).

get({[], []} = Q) -> erlang:error(empty, [Q]);
get({R, F}) when is_list(R), is_list(F) -> get(R, F);
get(Q) -> erlang:error(badarg, [Q]).

get(R, [V | _]) when is_list(R) -> V;
get([V], []) -> V;
get([_ | R], []) -> lists:last(R).

get_r({[], []} = Q) -> erlang:error(empty, [Q]);
get_r({[V | _], F}) when is_list(F) -> V;
get_r({[], [V]}) -> V;
get_r({[], [_ | F]}) -> lists:last(F);
get_r(Q) -> erlang:error(badarg, [Q]).

peek({[], []}) -> empty;
peek({R, [V | _]}) when is_list(R) -> {value, V};
peek({[V], []}) -> {value, V};
peek({[_ | R], []}) -> {value, lists:last(R)};
peek(Q) -> erlang:error(badarg, [Q]).

peek_r({[], []}) -> empty;
peek_r({[V | _], F}) when is_list(F) -> {value, V};
peek_r({[], [V]}) -> {value, V};
peek_r({[], [_ | F]}) -> {value, lists:last(F)};
peek_r(Q) -> erlang:error(badarg, [Q]).

drop({[], []} = Q) -> erlang:error(empty, [Q]);
drop(Q) ->
    case out(Q) of
        {{value, _}, Q1} -> Q1
    end.

drop_r({[], []} = Q) -> erlang:error(empty, [Q]);
drop_r(Q) ->
    case out_r(Q) of
        {{value, _}, Q1} -> Q1
    end.

reverse({R, F}) when is_list(R), is_list(F) -> {F, R};
reverse(Q) -> erlang:error(badarg, [Q]).

join({R, F} = Q, {[], []}) when is_list(R), is_list(F) -> Q;
join({[], []}, {R, F} = Q) when is_list(R), is_list(F) -> Q;
join({R1, F1}, {R2, F2}) when is_list(R1), is_list(F1), is_list(R2), is_list(F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(Q1, Q2) -> erlang:error(badarg, [Q1, Q2]).

split(0, {R, F} = Q) when is_list(R), is_list(F) -> {{[], []}, Q};
split(N, {R, F} = Q) when is_integer(N), N >= 1, is_list(R), is_list(F) ->
    L = to_list(Q),
    case N >= length(L) of
        true when N =:= length(L) -> {Q, {[], []}};
        true -> erlang:error(badarg, [N, Q]);
        false ->
            {A, B} = lists:split(N, L),
            {from_list(A), from_list(B)}
    end;
split(N, Q) -> erlang:error(badarg, [N, Q]).

filter(Fun, {R, F}) when is_function(Fun, 1), is_list(R), is_list(F) ->
    F1 = lists:flatmap(fun(X) -> filter_item(Fun, X) end, F),
    R1 = lists:reverse(lists:flatmap(fun(X) -> filter_item(Fun, X) end, lists:reverse(R))),
    balance(R1, F1);
filter(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

filter_item(Fun, X) ->
    case Fun(X) of
        true -> [X];
        false -> [];
        L when is_list(L) -> L
    end.

filtermap(Fun, {R, F}) when is_function(Fun, 1), is_list(R), is_list(F) ->
    F1 = lists:filtermap(Fun, F),
    R1 = lists:reverse(lists:filtermap(Fun, lists:reverse(R))),
    balance(R1, F1);
filtermap(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

balance([], []) -> {[], []};
balance([], F) -> front_to_rear(F);
balance(R, []) -> rear_to_front(R);
balance(R, F) -> {R, F}.

fold(Fun, Acc, {R, F}) when is_function(Fun, 2), is_list(R), is_list(F) ->
    lists:foldr(Fun, lists:foldl(Fun, Acc, F), R);
fold(Fun, Acc, Q) -> erlang:error(badarg, [Fun, Acc, Q]).

any(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    lists:any(Pred, F) orelse lists:any(Pred, R);
any(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

all(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    lists:all(Pred, F) andalso lists:all(Pred, R);
all(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete(X, Q) -> delete_with(fun(Y) -> Y =:= X end, Q).

delete_r(X, Q) -> delete_with_r(fun(Y) -> Y =:= X end, Q).

delete_with(Pred, {R, F} = Q) when is_function(Pred, 1), is_list(R), is_list(F) ->
    L = to_list(Q),
    case delete_first(Pred, L) of
        L -> Q;
        L1 -> from_list(L1)
    end;
delete_with(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete_with_r(Pred, {R, F} = Q) when is_function(Pred, 1), is_list(R), is_list(F) ->
    L = lists:reverse(to_list(Q)),
    case delete_first(Pred, L) of
        L -> Q;
        L1 -> from_list(lists:reverse(L1))
    end;
delete_with_r(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete_first(Pred, [X | Xs]) ->
    case Pred(X) of
        true -> Xs;
        false -> [X | delete_first(Pred, Xs)]
    end;
delete_first(_Pred, []) -> [].

%% The Okasaki API.
cons(X, Q) -> in_r(X, Q).
head(Q) -> get(Q).
tail(Q) -> drop(Q).
snoc(Q, X) -> in(X, Q).
daeh(Q) -> get_r(Q).
last(Q) -> get_r(Q).
liat(Q) -> drop_r(Q).
init(Q) -> drop_r(Q).
lait(Q) -> drop_r(Q).

%% rear_to_front(R) moves the older half of the rear list R to the front.
rear_to_front(R) ->
    {Keep, Move} = lists:split(length(R) div 2, R),
    {Keep, lists:reverse(Move)}.

%% front_to_rear(F) moves the newer half of the front list F to the rear.
front_to_rear(F) ->
    {Keep, Move} = lists:split(length(F) div 2, F),
    {lists:reverse(Move), Keep}.

-module(stdlib_otp_orddict_queue).
-export([main/0]).

%% orddict and queue: every exported function on small inputs, including
%% the okasaki API of queue and the errors of empty queues and missing
%% keys. Written to run on OTP 25's beams and on beamr's own alike.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    orddict(),
    queue_basic(),
    queue_okasaki(),
    ok.

orddict() ->
    D = orddict:from_list([{c, 3}, {a, 1}, {b, 2}, {a, 10}]),
    show("from_list", fun() -> D end),
    show("store", fun() -> orddict:store(bb, 5, D) end),
    show("find", fun() -> [orddict:find(K, D) || K <- [a, z]] end),
    show("fetch", fun() -> orddict:fetch(b, D) end),
    show("fetch missing", fun() -> orddict:fetch(z, D) end),
    show("is_key", fun() -> [orddict:is_key(K, D) || K <- [a, z]] end),
    show("fetch_keys", fun() -> orddict:fetch_keys(D) end),
    show("erase", fun() -> orddict:erase(b, D) end),
    show("take", fun() -> [orddict:take(K, D) || K <- [a, z]] end),
    show("append", fun() -> orddict:append(l, 1, orddict:append(l, 0, D)) end),
    show("append_list", fun() -> orddict:append_list(l, [7, 8], D) end),
    show("update/3", fun() -> orddict:update(a, fun(V) -> V * 2 end, D) end),
    show("update/3 missing", fun() -> orddict:update(z, fun(V) -> V end, D) end),
    show("update/4", fun() -> orddict:update(z, fun(V) -> V end, 0, D) end),
    show("update_counter", fun() -> orddict:update_counter(c, 4, orddict:update_counter(n, 1, D)) end),
    show("fold", fun() -> orddict:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], D) end),
    show("map", fun() -> orddict:map(fun(K, V) -> {K, V} end, D) end),
    show("filter", fun() -> orddict:filter(fun(_, V) -> V > 2 end, D) end),
    show("merge", fun() ->
                          orddict:merge(fun(_, A, B) -> A + B end, D, orddict:from_list([{b, 100}, {d, 4}]))
                  end),
    show("size/is_empty", fun() -> {orddict:size(D), orddict:is_empty(D), orddict:is_empty(orddict:new())} end),
    show("to_list", fun() -> orddict:to_list(D) end).

queue_basic() ->
    Q = queue:from_list([1, 2, 3]),
    show("from_list", fun() -> queue:to_list(Q) end),
    show("in/out", fun() ->
                           Q1 = queue:in(4, queue:in_r(0, Q)),
                           {V1, Q2} = queue:out(Q1),
                           {V2, Q3} = queue:out_r(Q2),
                           {V1, V2, queue:to_list(Q3)}
                   end),
    show("out empty", fun() -> queue:out(queue:new()) end),
    show("len/member/is_empty", fun() -> {queue:len(Q), queue:member(2, Q), queue:member(9, Q), queue:is_empty(Q)} end),
    show("is_queue", fun() -> {queue:is_queue(Q), queue:is_queue([]), queue:is_queue({[], []})} end),
    show("get/peek", fun() -> {queue:get(Q), queue:get_r(Q), queue:peek(Q), queue:peek_r(Q), queue:peek(queue:new())} end),
    show("get empty", fun() -> queue:get(queue:new()) end),
    show("drop", fun() -> {queue:to_list(queue:drop(Q)), queue:to_list(queue:drop_r(Q))} end),
    show("drop empty", fun() -> queue:drop(queue:new()) end),
    show("reverse/join", fun() -> queue:to_list(queue:join(queue:reverse(Q), Q)) end),
    show("split", fun() -> {A, B} = queue:split(2, queue:from_list(lists:seq(1, 6))), {queue:to_list(A), queue:to_list(B)} end),
    show("split bad", fun() -> queue:split(9, Q) end),
    show("filter", fun() ->
                           queue:to_list(queue:filter(fun(X) when X rem 2 =:= 0 -> [X, X * 10];
                                                         (X) -> X > 2
                                                      end, queue:from_list(lists:seq(1, 6))))
                   end),
    show("filtermap", fun() ->
                              queue:to_list(queue:filtermap(fun(X) when X > 2 -> {true, -X}; (_) -> false end, Q))
                      end),
    show("fold", fun() -> queue:fold(fun(X, Acc) -> [X | Acc] end, [], Q) end),
    show("any/all", fun() -> {queue:any(fun(X) -> X > 2 end, Q), queue:all(fun(X) -> X > 2 end, Q)} end),
    show("delete", fun() -> {queue:to_list(queue:delete(2, Q)), queue:to_list(queue:delete_r(3, Q)),
                             queue:to_list(queue:delete_with(fun(X) -> X < 3 end, Q))} end),
    show("bad in", fun() -> queue:in(1, not_a_queue) end).

queue_okasaki() ->
    Q = queue:from_list([a, b, c]),
    show("cons/head/tail", fun() -> {queue:head(queue:cons(z, Q)), queue:to_list(queue:tail(Q))} end),
    show("snoc/daeh/last", fun() -> {queue:daeh(queue:snoc(Q, y)), queue:last(Q)} end),
    show("init/liat", fun() -> {queue:to_list(queue:init(Q)), queue:to_list(queue:liat(Q))} end),
    show("head empty", fun() -> queue:head(queue:new()) end).

-module(queue_ops).
-export([main/0]).

err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Q = lists:foldl(fun queue:in/2, queue:new(), [1, 2, 3, 4, 5]),
    Cases = [
      fun() -> Q end,
      fun() -> queue:out(Q) end,
      fun() -> queue:from_list([1, 2, 3, 4, 5]) end,
      fun() -> queue:from_list([1]) end,
      fun() -> queue:out_r(queue:from_list([1, 2, 3, 4, 5])) end,
      fun() -> queue:in_r(0, Q) end,
      fun() -> element(2, queue:out(element(2, queue:out(queue:from_list([1, 2, 3, 4, 5]))))) end,
      fun() -> queue:out_r(element(2, queue:out_r({[], [1, 2, 3, 4]}))) end,
      fun() -> {queue:len(Q), queue:to_list(Q), queue:is_empty(Q), queue:is_queue(Q)} end,
      fun() -> {queue:get(Q), queue:get_r(Q), queue:peek(Q), queue:peek_r(queue:new())} end,
      fun() -> queue:get(queue:new()) end,
      fun() -> queue:drop(Q) end,
      fun() -> queue:drop_r(Q) end,
      fun() -> queue:reverse(Q) end,
      fun() -> queue:join(Q, queue:from_list([a, b])) end,
      fun() -> queue:member(3, Q) end,
      fun() -> queue:to_list(queue:filter(fun(X) -> X rem 2 =:= 1 end, Q)) end,
      fun() -> queue:fold(fun(X, A) -> [X | A] end, [], Q) end,
      fun() -> queue:len(x) end,
      fun() -> drain(Q, []) end,
      fun() -> drain(queue:in(6, element(2, queue:out(Q))), []) end
    ],
    lists:foreach(fun({I, F}) -> io:format("~w: ~w~n", [I, err(F)]) end,
                  lists:zip(lists:seq(1, length(Cases)), Cases)),
    ok.

drain(Q, Acc) ->
    case queue:out(Q) of
        {{value, V}, Q1} -> drain(Q1, [{V, Q1} | Acc]);
        {empty, _} -> lists:reverse(Acc)
    end.

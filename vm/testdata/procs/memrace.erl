%% Asks erlang:memory/0 and process_info of others while they allocate
%% and exchange messages.
-module(memrace).
-export([run/0]).

run() ->
    Self = self(),
    Ps = [spawn(fun() -> work(Self, 200) end) || _ <- lists:seq(1, 8)],
    Sizes = [begin
                 M = erlang:memory(),
                 [process_info(P, total_heap_size) || P <- Ps],
                 proplists:get_value(processes, M) > 0
             end || _ <- lists:seq(1, 50)],
    [receive done -> ok end || _ <- Ps],
    lists:all(fun(B) -> B end, Sizes).

work(Parent, 0) -> Parent ! done;
work(Parent, N) ->
    _ = lists:reverse(lists:seq(1, 500)),
    self() ! {tick, N},
    receive {tick, N} -> work(Parent, N - 1) end.

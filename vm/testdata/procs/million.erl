%% Spawns N processes that each wait for one message, sends each its
%% message and waits until all have answered and exited.
-module(million).
-export([run/1]).

run(N) ->
    Self = self(),
    Pids = spawn_all(N, Self, []),
    lists:foreach(fun(P) -> P ! go end, Pids),
    wait(N).

spawn_all(0, _, Acc) -> Acc;
spawn_all(N, Self, Acc) ->
    P = spawn(fun() -> receive go -> Self ! done end end),
    spawn_all(N - 1, Self, [P | Acc]).

wait(0) -> ok;
wait(N) -> receive done -> wait(N - 1) end.

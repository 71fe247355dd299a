%% One process collects a large heap while two others play ping-pong:
%% the ping-pong must finish first.
-module(gcpause).
-export([run/1]).

run(N) ->
    Self = self(),
    spawn(fun() ->
                  L = lists:seq(1, N),
                  Self ! built,
                  erlang:garbage_collect(),
                  Self ! {gc_done, length(L)}
          end),
    receive built -> ok end,
    Pong = spawn(fun Loop() -> receive {P, M} -> P ! M, Loop() end end),
    spawn(fun() -> ping(Pong, 200), Self ! pp_done end),
    First = receive pp_done -> pp_done; {gc_done, _} -> gc_done end,
    Second = receive pp_done -> pp_done; {gc_done, _} -> gc_done end,
    [First, Second].

ping(_, 0) -> ok;
ping(Pong, K) ->
    Pong ! {self(), K},
    receive K -> ping(Pong, K - 1) end.

%% A spawned process halts the runtime while the first one waits.
-module(halter).
-export([run/0]).

run() ->
    spawn(fun() -> erlang:halt(3) end),
    receive never -> ok after 5000 -> timeout end.

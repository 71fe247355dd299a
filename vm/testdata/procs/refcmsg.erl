%% Sends a refc binary to 50 processes that receive it and to 50 that are
%% killed with it still in their mailbox or inbox.
-module(refcmsg).
-export([run/0]).

run() ->
    B = list_to_binary(lists:duplicate(1000, $x)),
    Self = self(),
    Ps = [spawn(fun() -> receive {bin, X} -> Self ! {len, byte_size(X)} end end)
          || _ <- lists:seq(1, 50)],
    lists:foreach(fun(P) -> P ! {bin, B} end, Ps),
    Dead = [spawn(fun() -> receive never -> ok end end) || _ <- lists:seq(1, 50)],
    lists:foreach(fun(D) -> D ! {bin, B}, exit(D, kill) end, Dead),
    lists:sum([receive {len, N} -> N end || _ <- Ps]).

-module(hotload).
-export([run/1, f/0, mkfun/0]).

%% Two processes call hotload:f/0, make funs of this module and call
%% them, and call beamr_hot:g/0 (a Go native, registered while they run),
%% N times each, while the test loads this module again and again.
run(N) ->
    Self = self(),
    Pids = [spawn(fun() -> loop(N), Self ! {done, self()} end) || _ <- [1, 2]],
    [receive {done, P} -> ok end || P <- Pids],
    ok.

f() -> 1.

mkfun() -> fun() -> 2 end.

loop(0) ->
    ok;
loop(N) ->
    1 = hotload:f(),
    F = hotload:mkfun(),
    2 = F(),
    _ = catch beamr_hot:g(),
    loop(N - 1).

%% Functions the tests of package beamr call.
-module(embedtest).
-export([add/2, echo/1, crash/1, throw_it/1, double_via_go/1, go_then/1,
         reply_to/2, hold_file/2, sleeper/0, counter/1, call_go_catch/1,
         loop_until/1, whoami/0, nest/1, pid_fun/1, local_add/2, go_wait/0]).

add(A, B) -> A + B.

echo(X) -> X.

crash(X) -> error({bad, X}).

throw_it(X) -> throw(X).

%% Calls the Go function gofns:double/1.
double_via_go(X) -> gofns:double(X) + 0.

%% Calls gofns:block/0 (which blocks in Go) and returns what it returned.
go_then(Tag) -> {Tag, gofns:block()}.

%% Sends {reply, self(), Msg} to Pid.
reply_to(Pid, Msg) -> Pid ! {reply, self(), Msg}, ok.

%% Opens Path, tells Pid, and waits forever holding the file open.
hold_file(Path, Pid) ->
    {ok, F} = file:open(Path, [read]),
    Pid ! {opened, F},
    receive stop -> ok end.

sleeper() -> receive after infinity -> ok end.

%% Counts messages until it gets {get, Pid}.
counter(N) ->
    receive
        {get, Pid} -> Pid ! {count, N}, counter(N);
        _ -> counter(N + 1)
    end.

%% Calls gofns:F/1 with X and returns {ok, V} or the caught exception.
call_go_catch(F) ->
    try gofns:F(arg) of
        V -> {ok, V}
    catch
        C:R:S -> {caught, C, R, hd(S)}
    end.

%% Busy loop for N iterations (keeps a scheduler busy).
loop_until(0) -> done;
loop_until(N) -> loop_until(N - 1).

whoami() -> self().

%% A list nested N levels deep: [[...[x]...]].
nest(N) -> lists:foldl(fun(_, A) -> [A] end, x, lists:seq(1, N)).

%% A fun that holds the pid P.
pid_fun(P) -> fun() -> P end.

%% Calls add/2 locally.
local_add(A, B) -> add(A, B).

%% Calls the Go function gofns:wait/0 and returns what it returns.
go_wait() -> gofns:wait().

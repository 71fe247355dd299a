%% The Erlang half of the Go embedding API (package beamr at the module
%% root). Go starts these functions in processes of their own; the
%% functions of module beamr_go that they call are Go natives that hand
%% terms over to the Go side. Build: erlc +deterministic -o erl erl/beamr_embed.erl
%% (go generate in the module root does it).
-module(beamr_embed).
-export([call/4, wait/4, mailbox/1]).

%% call(Key, M, F, Args): the process of a Go Call. It runs apply(M, F,
%% Args) and hands the outcome, {ok, Value} or {Class, Reason, Stack}, to
%% the Go caller waiting under Key.
call(Key, M, F, Args) ->
    Outcome = try apply(M, F, Args) of
                  Value -> {ok, Value}
              catch
                  Class:Reason:Stack -> {Class, Reason, Stack}
              end,
    beamr_go:reply(Key, Outcome).

%% wait(Ref, M, F, Args): where a process that called the Go function
%% M:F/length(Args) waits for its outcome, which a goroutine sends as
%% {Ref, ok, Value} or {Ref, raise, Class, Reason}. The exception's stack
%% trace is the caller's, topped by the Go function's frame (as a built-in
%% function's error shows its arguments).
wait(Ref, M, F, Args) ->
    receive
        {Ref, ok, Value} ->
            Value;
        {Ref, raise, Class, Reason} ->
            Stack = try erlang:error(stack) catch error:stack:S -> tl(S) end,
            erlang:raise(Class, Reason, [{M, F, Args, []} | Stack])
    end.

%% mailbox(Key): the process behind a Go mailbox. Every message it
%% receives (exit signals of links arrive as {'EXIT', Pid, Reason}) goes to
%% the Go side; it ends normally when the mailbox is closed.
mailbox(Key) ->
    process_flag(trap_exit, true),
    loop(Key).

loop(Key) ->
    receive
        Msg ->
            case beamr_go:deliver(Key, Msg) of
                ok -> loop(Key);
                stop -> ok
            end
    end.

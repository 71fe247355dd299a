%% Erlang helpers the Gleam test programs call through @external: process
%% primitives Gleam 0.30 has no syntax for, and a way to run a function and
%% get its exception back as a value.
-module(gt_ffi).
-export([spawn/1, send/2, receive_any/1, receive_tagged/2, self/0,
         rescue/1, identity/1, crash_badmatch/1, positive_sqrt/1, sleep/1, monitor/1,
         receive_down/1, collect/2]).

%% spawn(F): starts a process running F(), returns its pid.
spawn(F) when is_function(F, 0) ->
    erlang:spawn(F).

%% send(Pid, Msg): sends Msg, returns nil (Gleam's Nil).
send(Pid, Msg) ->
    Pid ! Msg,
    nil.

self() ->
    erlang:self().

%% receive_any(Timeout): the next message as {ok, Msg}, or {error, nil}
%% when none arrives within Timeout milliseconds.
receive_any(Timeout) ->
    receive
        Msg -> {ok, Msg}
    after Timeout ->
        {error, nil}
    end.

%% receive_tagged(Tag, Timeout): selectively receives {Tag, Value}, leaving
%% other messages in the mailbox.
receive_tagged(Tag, Timeout) ->
    receive
        {Tag, Value} -> {ok, Value}
    after Timeout ->
        {error, nil}
    end.

%% collect(N, Timeout): the next N messages in arrival order.
collect(0, _Timeout) ->
    [];
collect(N, Timeout) ->
    receive
        Msg -> [Msg | collect(N - 1, Timeout)]
    after Timeout ->
        []
    end.

%% rescue(F): {ok, F()} or {error, {Class, Reason}} if F raises.
rescue(F) ->
    try
        {ok, F()}
    catch
        Class:Reason -> {error, {Class, Reason}}
    end.

identity(X) ->
    X.

%% crash_badmatch(X): fails with {badmatch, X} unless X is ok.
crash_badmatch(X) ->
    ok = X,
    nil.

%% positive_sqrt(X): the square root of a positive number; other
%% arguments match no clause.
positive_sqrt(X) when is_number(X), X > 0 ->
    math:sqrt(X).

sleep(Ms) ->
    timer:sleep(Ms),
    nil.

%% monitor(Pid): monitors Pid, returns the reference.
monitor(Pid) ->
    erlang:monitor(process, Pid).

%% receive_down(Ref): waits for the DOWN message of Ref and returns the
%% exit reason.
receive_down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    end.

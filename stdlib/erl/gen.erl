%% gen: what the generic behaviours share. Starting a server process
%% (synchronously, through proc_lib, optionally under a name: {local, N},
%% {global, N} or {via, Module, N}), the call protocol (a monitored request
%% {Label, {Caller, Ref}, Request} answered by {Ref, Reply}), replies,
%% asynchronous requests and stopping a server.
-module(gen).

-export([start/5, start/6, init_it/7,
         call/3, call/4, reply/2, stop/1, stop/3,
         send_request/3, send_request/5, wait_response/2, wait_response/3,
         receive_response/2, receive_response/3, check_response/2, check_response/3,
         reqids_new/0, reqids_add/3, reqids_size/1, reqids_to_list/1,
         where/1, name/1, get_parent/0, unregister_name/1, debug_options/2,
         hibernate_after/1, spawn_opts/1, timeout/1]).

-define(DEFAULT_TIMEOUT, 5000).

%%% Starting.

%% start(GenMod, LinkP, [Name,] Mod, Args, Options): LinkP is link, monitor
%% or nolink. Returns {ok, Pid} ({ok, {Pid, Ref}} for monitor), ignore or
%% {error, Reason}.
start(GenMod, LinkP, Mod, Args, Options) ->
    do_spawn(GenMod, LinkP, self, Mod, Args, Options).

start(GenMod, LinkP, Name, Mod, Args, Options) ->
    case check_name(Name) of
        ok ->
            case where(Name) of
                undefined -> do_spawn(GenMod, LinkP, Name, Mod, Args, Options);
                Pid -> {error, {already_started, Pid}}
            end;
        error ->
            erlang:error(badarg, [GenMod, LinkP, Name, Mod, Args, Options])
    end.

check_name({local, N}) when is_atom(N) -> ok;
check_name({global, _}) -> ok;
check_name({via, M, _}) when is_atom(M) -> ok;
check_name(_) -> error.

do_spawn(GenMod, LinkP, Name, Mod, Args, Options) ->
    Time = timeout(Options),
    SpawnOpts = spawn_opts(Options),
    Parent = case LinkP of link -> self(); _ -> self end,
    InitArgs = [GenMod, self(), Parent, Name, Mod, Args, Options],
    case LinkP of
        link ->
            proc_lib:start_link(?MODULE, init_it, InitArgs, Time, SpawnOpts);
        monitor ->
            case proc_lib:start_monitor(?MODULE, init_it, InitArgs, Time, SpawnOpts) of
                {{ok, Pid}, Ref} ->
                    {ok, {Pid, Ref}};
                {Other, Ref} ->
                    erlang:demonitor(Ref, [flush]),
                    Other
            end;
        _ ->
            proc_lib:start(?MODULE, init_it, InitArgs, Time, SpawnOpts)
    end.

%% init_it: runs in the new process. Parent is self (the atom) for a
%% server started without a link: the server is its own parent.
init_it(GenMod, Starter, self, Name, Mod, Args, Options) ->
    init_it(GenMod, Starter, self(), Name, Mod, Args, Options);
init_it(GenMod, Starter, Parent, self, Mod, Args, Options) ->
    GenMod:init_it(Starter, Parent, self(), Mod, Args, Options);
init_it(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    case register_name(Name) of
        true ->
            GenMod:init_it(Starter, Parent, Name, Mod, Args, Options);
        {false, Pid} ->
            proc_lib:init_ack(Starter, {error, {already_started, Pid}})
    end.

register_name({local, Name}) ->
    try register(Name, self()) of
        true -> true
    catch
        error:_ -> {false, whereis(Name)}
    end;
register_name({global, Name}) ->
    case global:register_name(Name, self()) of
        yes -> true;
        no -> {false, global:whereis_name(Name)}
    end;
register_name({via, Mod, Name}) ->
    case Mod:register_name(Name, self()) of
        yes -> true;
        no -> {false, Mod:whereis_name(Name)}
    end.

%% unregister_name(Name): undoes the registration made at start-up.
unregister_name({local, Name}) ->
    try unregister(Name) catch _:_ -> ok end;
unregister_name({global, Name}) ->
    catch global:unregister_name(Name);
unregister_name({via, Mod, Name}) ->
    catch Mod:unregister_name(Name);
unregister_name(Pid) when is_pid(Pid) ->
    ok.

%% where(Name): the pid registered under Name, or undefined.
where({local, Name}) -> whereis(Name);
where({global, Name}) -> global:whereis_name(Name);
where({via, Mod, Name}) -> Mod:whereis_name(Name).

%% name(Name): how a server is named in reports.
name({local, Name}) -> Name;
name({global, Name}) -> Name;
name({via, _, Name}) -> Name;
name(Pid) -> Pid.

get_parent() ->
    case get('$ancestors') of
        [Parent | _] when is_pid(Parent) -> Parent;
        [Parent | _] when is_atom(Parent) -> name_to_pid(Parent);
        _ -> exit(process_was_not_started_by_proc_lib)
    end.

name_to_pid(Name) ->
    case whereis(Name) of
        undefined ->
            case global:whereis_name(Name) of
                undefined -> exit(could_not_find_registered_name);
                Pid -> Pid
            end;
        Pid ->
            Pid
    end.

timeout(Options) ->
    case lists:keyfind(timeout, 1, Options) of
        {_, T} -> T;
        false -> infinity
    end.

spawn_opts(Options) ->
    case lists:keyfind(spawn_opt, 1, Options) of
        {_, Opts} -> Opts;
        false -> []
    end.

hibernate_after(Options) ->
    case lists:keyfind(hibernate_after, 1, Options) of
        {_, HA} -> HA;
        false -> infinity
    end.

debug_options(_Name, Options) ->
    sys:debug_options(raw_debug_options(Options)).

raw_debug_options(Options) ->
    case lists:keyfind(debug, 1, Options) of
        {_, Opts} -> Opts;
        false -> []
    end.

%%% Calls.

%% call(Process, Label, Request[, Timeout]) -> {ok, Reply}; exits with
%% noproc, timeout, calling_self, {nodedown, Node} or the reason the
%% server died with.
call(Process, Label, Request) ->
    call(Process, Label, Request, ?DEFAULT_TIMEOUT).

call(Process, Label, Request, Timeout)
  when Timeout =:= infinity; is_integer(Timeout), Timeout >= 0 ->
    case resolve(Process) of
        {ok, Pid} -> do_call(Pid, Label, Request, Timeout);
        {error, Reason} -> exit(Reason)
    end;
call(Process, Label, Request, Timeout) ->
    erlang:error(badarg, [Process, Label, Request, Timeout]).

resolve(Pid) when is_pid(Pid) ->
    {ok, Pid};
resolve(Name) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> {error, noproc};
        Pid -> {ok, Pid}
    end;
resolve({global, Name}) ->
    case global:whereis_name(Name) of
        undefined -> {error, noproc};
        Pid -> {ok, Pid}
    end;
resolve({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        undefined -> {error, noproc};
        Pid -> {ok, Pid}
    end;
resolve({Name, Node}) when is_atom(Name), Node =:= node() ->
    resolve(Name);
resolve({Name, Node}) when is_atom(Name), is_atom(Node) ->
    {error, {nodedown, Node}};
resolve(_) ->
    {error, noproc}.

do_call(Pid, _Label, _Request, _Timeout) when Pid =:= self() ->
    exit(calling_self);
do_call(Pid, Label, Request, Timeout) ->
    Mref = erlang:monitor(process, Pid),
    Pid ! {Label, {self(), Mref}, Request},
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Reply};
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    after Timeout ->
            erlang:demonitor(Mref, [flush]),
            receive {Mref, _} -> ok after 0 -> ok end,
            exit(timeout)
    end.

%% reply({To, Tag}, Reply): answers a call.
reply({To, Tag}, Reply) when is_pid(To) ->
    To ! {Tag, Reply},
    ok;
reply({To, Tag}, Reply) ->
    catch (To ! {Tag, Reply}),
    ok.

%%% Asynchronous requests.

send_request(Process, Label, Request) ->
    Target = case resolve(Process) of
                 {ok, Pid} -> Pid;
                 {error, _} when is_atom(Process) -> Process;
                 {error, _} -> undefined
             end,
    case Target of
        undefined ->
            Mref = erlang:monitor(process, self()),
            self() ! {'DOWN', Mref, process, Process, noproc},
            Mref;
        _ ->
            Mref = erlang:monitor(process, Target),
            catch erlang:send(Target, {Label, {self(), Mref}, Request}),
            Mref
    end.

wait_response(Mref, Timeout) when is_reference(Mref) ->
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}}
    after timeout_ms(Timeout) ->
            timeout
    end.

receive_response(Mref, Timeout) when is_reference(Mref) ->
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}}
    after timeout_ms(Timeout) ->
            erlang:demonitor(Mref, [flush]),
            receive {Mref, Reply} -> {reply, Reply} after 0 -> timeout end
    end.

check_response(Msg, Mref) when is_reference(Mref) ->
    case Msg of
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}};
        _ ->
            no_reply
    end.

%%% Collections of request ids: maps from request id to label.

reqids_new() ->
    #{}.

reqids_add(ReqId, Label, Coll) when is_reference(ReqId), is_map(Coll) ->
    case maps:is_key(ReqId, Coll) of
        true -> erlang:error(badarg, [ReqId, Label, Coll]);
        false -> maps:put(ReqId, Label, Coll)
    end;
reqids_add(ReqId, Label, Coll) ->
    erlang:error(badarg, [ReqId, Label, Coll]).

reqids_size(Coll) when is_map(Coll) ->
    maps:size(Coll).

reqids_to_list(Coll) when is_map(Coll) ->
    maps:to_list(Coll).

send_request(Process, Label, Request, ReqLabel, Coll) when is_map(Coll) ->
    reqids_add(send_request(Process, Label, Request), ReqLabel, Coll).

%% wait_response(Coll, Timeout, Delete): the first response to any request
%% of Coll: {Response, Label, Coll1}, no_request or timeout. Delete says
%% whether the request leaves the collection.
wait_response(Coll, _Timeout, _Delete) when map_size(Coll) =:= 0 ->
    no_request;
wait_response(Coll, Timeout, Delete) when is_map(Coll) ->
    receive
        {Mref, Reply} when is_map_key(Mref, Coll) ->
            erlang:demonitor(Mref, [flush]),
            collection_result({reply, Reply}, Mref, Coll, Delete);
        {'DOWN', Mref, _, Object, Reason} when is_map_key(Mref, Coll) ->
            collection_result({error, {Reason, Object}}, Mref, Coll, Delete)
    after timeout_ms(Timeout) ->
            timeout
    end.

receive_response(Coll, Timeout, Delete) when is_map(Coll) ->
    wait_response(Coll, Timeout, Delete).

check_response(_Msg, Coll, _Delete) when map_size(Coll) =:= 0 ->
    no_request;
check_response(Msg, Coll, Delete) when is_map(Coll) ->
    case Msg of
        {Mref, Reply} when is_map_key(Mref, Coll) ->
            erlang:demonitor(Mref, [flush]),
            collection_result({reply, Reply}, Mref, Coll, Delete);
        {'DOWN', Mref, _, Object, Reason} when is_map_key(Mref, Coll) ->
            collection_result({error, {Reason, Object}}, Mref, Coll, Delete);
        _ ->
            no_reply
    end.

collection_result(Response, Mref, Coll, true) ->
    {Response, maps:get(Mref, Coll), maps:remove(Mref, Coll)};
collection_result(Response, Mref, Coll, false) ->
    {Response, maps:get(Mref, Coll), Coll}.

%% timeout_ms: a timeout in milliseconds from infinity, a number of
%% milliseconds or {abs, MonotonicMillisecond}.
timeout_ms({abs, Abs}) ->
    max(0, Abs - erlang:monotonic_time(millisecond));
timeout_ms(T) ->
    T.

%%% Stopping.

stop(Process) ->
    stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    case resolve(Process) of
        {ok, Pid} -> proc_lib:stop(Pid, Reason, Timeout);
        {error, R} -> exit(R)
    end.

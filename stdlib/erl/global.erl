%% global: the global name registry as it behaves on a node that is not
%% distributed. Names are any terms; a registered process is monitored and
%% its names go away when it dies. The registry is a server registered as
%% global_name_server, started when first needed.
-module(global).

-export([register_name/2, register_name/3, re_register_name/2, re_register_name/3,
         unregister_name/1, whereis_name/1, send/2, registered_names/0, sync/0]).
-export([server_init/1]).

-define(SERVER, global_name_server).

register_name(Name, Pid) when is_pid(Pid) ->
    call({register, Name, Pid, false}).

register_name(Name, Pid, _Resolve) when is_pid(Pid) ->
    register_name(Name, Pid).

re_register_name(Name, Pid) when is_pid(Pid) ->
    call({register, Name, Pid, true}).

re_register_name(Name, Pid, _Resolve) when is_pid(Pid) ->
    re_register_name(Name, Pid).

unregister_name(Name) ->
    call({unregister, Name}).

whereis_name(Name) ->
    call({whereis, Name}).

registered_names() ->
    call(registered_names).

sync() ->
    ok.

send(Name, Msg) ->
    case whereis_name(Name) of
        undefined -> exit({badarg, {Name, Msg}});
        Pid -> Pid ! Msg, Pid
    end.

call(Req) ->
    Srv = server(),
    Ref = erlang:monitor(process, Srv),
    Srv ! {call, self(), Ref, Req},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, process, _, Reason} ->
            exit(Reason)
    end.

server() ->
    case whereis(?SERVER) of
        undefined ->
            {Pid, Ref} = spawn_monitor(?MODULE, server_init, [self()]),
            receive
                {Pid, registered} ->
                    erlang:demonitor(Ref, [flush]),
                    Pid;
                {'DOWN', Ref, process, Pid, _} ->
                    server()
            end;
        Pid ->
            Pid
    end.

server_init(Starter) ->
    try register(?SERVER, self()) of
        true ->
            Starter ! {self(), registered},
            loop(#{})
    catch
        error:badarg -> ok
    end.

%% Names maps each name to {Pid, MonitorRef}.
loop(Names) ->
    receive
        {call, From, Ref, Req} ->
            {Reply, Names1} = handle(Req, Names),
            From ! {Ref, Reply},
            loop(Names1);
        {'DOWN', Mref, process, _, _} ->
            loop(maps:filter(fun(_, {_, R}) -> R =/= Mref end, Names));
        _ ->
            loop(Names)
    end.

handle({register, Name, Pid, Replace}, Names) ->
    Taken = maps:is_key(Name, Names),
    Alive = is_process_alive(Pid),
    if
        Taken, not Replace -> {no, Names};
        not Alive -> {no, Names};
        true ->
            Names1 = drop(Name, Names),
            {yes, Names1#{Name => {Pid, erlang:monitor(process, Pid)}}}
    end;
handle({unregister, Name}, Names) ->
    {ok, drop(Name, Names)};
handle({whereis, Name}, Names) ->
    case Names of
        #{Name := {Pid, _}} -> {Pid, Names};
        _ -> {undefined, Names}
    end;
handle(registered_names, Names) ->
    {maps:keys(Names), Names};
handle(_, Names) ->
    {{error, badarg}, Names}.

drop(Name, Names) ->
    case Names of
        #{Name := {_, Ref}} ->
            erlang:demonitor(Ref, [flush]),
            maps:remove(Name, Names);
        _ ->
            Names
    end.

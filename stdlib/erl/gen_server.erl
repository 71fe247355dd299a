%% gen_server: the generic server behaviour. A server process runs a
%% callback module's init/1, then loops over its messages: calls
%% ({'$gen_call', From, Request}) go to handle_call/3, casts
%% ({'$gen_cast', Request}) to handle_cast/2, system messages (sys) are
%% handled here, an 'EXIT' from the parent of a server that traps exits
%% ends it, and everything else goes to handle_info/2. Callbacks may ask
%% for a timeout, hibernation or a handle_continue/2 call. When the server
%% stops it calls terminate/2 (when exported); for an abnormal reason it
%% logs "** Generic server ... terminating" and exits with that reason.
-module(gen_server).

-export([start/3, start/4, start_link/3, start_link/4, start_monitor/3, start_monitor/4,
         stop/1, stop/3, call/2, call/3, cast/2, reply/2,
         abcast/2, abcast/3, multi_call/2, multi_call/3, multi_call/4,
         send_request/2, send_request/4, wait_response/2, wait_response/3,
         receive_response/2, receive_response/3, check_response/2, check_response/3,
         reqids_new/0, reqids_add/3, reqids_size/1, reqids_to_list/1,
         enter_loop/3, enter_loop/4, enter_loop/5]).
%% gen's and sys's callbacks.
-export([init_it/6, wake_hib/6,
         system_continue/3, system_terminate/4, system_get_state/1,
         system_replace_state/2, format_status/2]).

-callback init(Args :: term()) -> term().
-callback handle_call(Request :: term(), From :: {pid(), term()}, State :: term()) -> term().
-callback handle_cast(Request :: term(), State :: term()) -> term().
-callback handle_info(Info :: term(), State :: term()) -> term().
-callback handle_continue(Info :: term(), State :: term()) -> term().
-callback terminate(Reason :: term(), State :: term()) -> term().
-callback code_change(OldVsn :: term(), State :: term(), Extra :: term()) -> term().
-optional_callbacks([handle_info/2, handle_continue/2, terminate/2, code_change/3]).

%%% Starting and stopping.

start(Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Mod, Args, Options).

start(Name, Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Name, Mod, Args, Options).

start_link(Mod, Args, Options) ->
    gen:start(?MODULE, link, Mod, Args, Options).

start_link(Name, Mod, Args, Options) ->
    gen:start(?MODULE, link, Name, Mod, Args, Options).

start_monitor(Mod, Args, Options) ->
    gen:start(?MODULE, monitor, Mod, Args, Options).

start_monitor(Name, Mod, Args, Options) ->
    gen:start(?MODULE, monitor, Name, Mod, Args, Options).

stop(Server) ->
    gen:stop(Server).

stop(Server, Reason, Timeout) ->
    gen:stop(Server, Reason, Timeout).

%%% Requests.

call(Server, Request) ->
    case catch gen:call(Server, '$gen_call', Request) of
        {ok, Reply} -> Reply;
        {'EXIT', Reason} -> exit({Reason, {?MODULE, call, [Server, Request]}})
    end.

call(Server, Request, Timeout) ->
    case catch gen:call(Server, '$gen_call', Request, Timeout) of
        {ok, Reply} -> Reply;
        {'EXIT', Reason} -> exit({Reason, {?MODULE, call, [Server, Request, Timeout]}})
    end.

cast(Server, Request) ->
    send_cast(Server, {'$gen_cast', Request}),
    ok.

send_cast({global, Name}, Msg) ->
    catch global:send(Name, Msg);
send_cast({via, Mod, Name}, Msg) ->
    catch Mod:send(Name, Msg);
send_cast({Name, Node} = Dest, Msg) when is_atom(Name), is_atom(Node) ->
    catch erlang:send(Dest, Msg);
send_cast(Dest, Msg) when is_atom(Dest); is_pid(Dest) ->
    catch erlang:send(Dest, Msg);
send_cast(_, _) ->
    ok.

reply(From, Reply) ->
    gen:reply(From, Reply).

abcast(Name, Request) when is_atom(Name) ->
    send_cast(Name, {'$gen_cast', Request}),
    abcast.

abcast(Nodes, Name, Request) when is_list(Nodes), is_atom(Name) ->
    [send_cast({Name, Node}, {'$gen_cast', Request}) || Node <- Nodes],
    abcast.

multi_call(Name, Request) ->
    multi_call([node()], Name, Request).

multi_call(Nodes, Name, Request) ->
    multi_call(Nodes, Name, Request, infinity).

multi_call(Nodes, Name, Request, Timeout) when is_list(Nodes), is_atom(Name) ->
    lists:foldr(
      fun(Node, {Replies, Bad}) ->
              case catch gen:call({Name, Node}, '$gen_call', Request, Timeout) of
                  {ok, Reply} -> {[{Node, Reply} | Replies], Bad};
                  _ -> {Replies, [Node | Bad]}
              end
      end, {[], []}, Nodes).

send_request(Server, Request) ->
    gen:send_request(Server, '$gen_call', Request).

wait_response(RequestId, Timeout) ->
    gen:wait_response(RequestId, Timeout).

receive_response(RequestId, Timeout) ->
    gen:receive_response(RequestId, Timeout).

check_response(Msg, RequestId) ->
    gen:check_response(Msg, RequestId).

send_request(Server, Request, Label, ReqIdCollection) ->
    gen:send_request(Server, '$gen_call', Request, Label, ReqIdCollection).

wait_response(ReqIdCollection, Timeout, Delete) ->
    gen:wait_response(ReqIdCollection, Timeout, Delete).

receive_response(ReqIdCollection, Timeout, Delete) ->
    gen:receive_response(ReqIdCollection, Timeout, Delete).

check_response(Msg, ReqIdCollection, Delete) ->
    gen:check_response(Msg, ReqIdCollection, Delete).

reqids_new() -> gen:reqids_new().
reqids_add(ReqId, Label, ReqIdCollection) -> gen:reqids_add(ReqId, Label, ReqIdCollection).
reqids_size(ReqIdCollection) -> gen:reqids_size(ReqIdCollection).
reqids_to_list(ReqIdCollection) -> gen:reqids_to_list(ReqIdCollection).

%%% enter_loop: makes the calling process (started by proc_lib) a server.

enter_loop(Mod, Options, State) ->
    enter_loop(Mod, Options, State, self(), infinity).

enter_loop(Mod, Options, State, ServerName = {Scope, _})
  when Scope =:= local; Scope =:= global ->
    enter_loop(Mod, Options, State, ServerName, infinity);
enter_loop(Mod, Options, State, ServerName = {via, _, _}) ->
    enter_loop(Mod, Options, State, ServerName, infinity);
enter_loop(Mod, Options, State, Timeout) ->
    enter_loop(Mod, Options, State, self(), Timeout).

enter_loop(Mod, Options, State, ServerName, Timeout) ->
    Name = case ServerName of
               Pid when is_pid(Pid) -> Pid;
               _ ->
                   case gen:where(ServerName) of
                       Self when Self =:= self() -> ServerName;
                       _ -> exit(process_not_registered)
                   end
           end,
    Parent = gen:get_parent(),
    HibernateAfter = gen:hibernate_after(Options),
    loop(Parent, Name, State, Mod, Timeout, HibernateAfter, []).

%%% The server process.

init_it(Starter, Parent, Name, Mod, Args, Options) ->
    HibernateAfter = gen:hibernate_after(Options),
    Debug = gen:debug_options(Name, Options),
    case init_callback(Mod, Args) of
        {ok, {ok, State}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, infinity, HibernateAfter, Debug);
        {ok, {ok, State, Timeout}} when ?MODULE =/= Mod ->
            case valid_timeout(Timeout) of
                true ->
                    proc_lib:init_ack(Starter, {ok, self()}),
                    loop(Parent, Name, State, Mod, Timeout, HibernateAfter, Debug);
                false ->
                    init_failed(Starter, Name, {bad_return_value, {ok, State, Timeout}})
            end;
        {ok, {stop, Reason}} ->
            gen:unregister_name(Name),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, ignore} ->
            gen:unregister_name(Name),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Else} ->
            init_failed(Starter, Name, {bad_return_value, Else});
        {'EXIT', Class, Reason, Stack} ->
            gen:unregister_name(Name),
            proc_lib:init_ack(Starter, {error, exit_reason(Class, Reason, Stack)}),
            erlang:raise(Class, Reason, Stack)
    end.

init_failed(Starter, Name, Error) ->
    gen:unregister_name(Name),
    proc_lib:init_ack(Starter, {error, Error}),
    exit(Error).

init_callback(Mod, Args) ->
    try
        {ok, Mod:init(Args)}
    catch
        throw:R -> {ok, R};
        Class:R:S -> {'EXIT', Class, R, S}
    end.

valid_timeout(infinity) -> true;
valid_timeout(hibernate) -> true;
valid_timeout({continue, _}) -> true;
valid_timeout(T) -> is_integer(T) andalso T >= 0.

exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(exit, Reason, _Stack) -> Reason;
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack}.

%% The loop. Time is what the last callback asked for: infinity, a
%% timeout in milliseconds, hibernate or {continue, Continue}.
loop(Parent, Name, State, Mod, {continue, Continue} = Msg, HibernateAfter, Debug) ->
    Reply = try_dispatch(Mod, handle_continue, Continue, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, HibernateAfter, State, Debug);
loop(Parent, Name, State, Mod, hibernate, HibernateAfter, Debug) ->
    proc_lib:hibernate(?MODULE, wake_hib, [Parent, Name, State, Mod, HibernateAfter, Debug]);
loop(Parent, Name, State, Mod, infinity, HibernateAfter, Debug) ->
    receive
        Msg ->
            decode_msg(Msg, Parent, Name, State, Mod, infinity, HibernateAfter, Debug, false)
    after HibernateAfter ->
            loop(Parent, Name, State, Mod, hibernate, HibernateAfter, Debug)
    end;
loop(Parent, Name, State, Mod, Time, HibernateAfter, Debug) ->
    Msg = receive
              Input -> Input
          after Time -> timeout
          end,
    decode_msg(Msg, Parent, Name, State, Mod, Time, HibernateAfter, Debug, false).

wake_hib(Parent, Name, State, Mod, HibernateAfter, Debug) ->
    Msg = receive
              Input -> Input
          end,
    decode_msg(Msg, Parent, Name, State, Mod, hibernate, HibernateAfter, Debug, true).

decode_msg(Msg, Parent, Name, State, Mod, Time, HibernateAfter, Debug, Hib) ->
    case Msg of
        {system, From, Req} ->
            sys:handle_system_msg(Req, From, Parent, ?MODULE, Debug,
                                  [Name, State, Mod, Time, HibernateAfter], Hib);
        {'EXIT', Parent, Reason} ->
            terminate(exit, Reason, [], Name, undefined, Msg, Mod, State, Debug);
        _ ->
            Debug1 = debug(Debug, Name, {in, Msg}),
            handle_msg(Msg, Parent, Name, State, Mod, {HibernateAfter, Debug1})
    end.

%% debug(Debug, Name, Event) hands Event to sys when debugging is on.
debug([], _Name, _Event) -> [];
debug(Debug, Name, Event) -> sys:handle_debug(Debug, fun print_event/3, gen:name(Name), Event).

print_event(Dev, {in, {'$gen_call', {From, _Tag}, Call}}, Name) ->
    io:format(Dev, "*DBG* ~tp got call ~tp from ~tw~n", [Name, Call, From]);
print_event(Dev, {in, {'$gen_cast', Cast}}, Name) ->
    io:format(Dev, "*DBG* ~tp got cast ~tp~n", [Name, Cast]);
print_event(Dev, {in, Msg}, Name) ->
    io:format(Dev, "*DBG* ~tp got ~tp~n", [Name, Msg]);
print_event(Dev, {out, Msg, {To, _Tag}, State}, Name) ->
    io:format(Dev, "*DBG* ~tp sent ~tp to ~tw, new state ~tp~n", [Name, Msg, To, State]);
print_event(Dev, {noreply, State}, Name) ->
    io:format(Dev, "*DBG* ~tp new state ~tp~n", [Name, State]);
print_event(Dev, Event, Name) ->
    io:format(Dev, "*DBG* ~tp dbg  ~tp~n", [Name, Event]).

%% handle_msg/6 as in OTP (its frame shows in crash reports): the last
%% argument carries the hibernate_after time and the debug options.
handle_msg({'$gen_call', From, Request} = Msg, Parent, Name, State, Mod, {HibernateAfter, Debug}) ->
    Result = try_handle_call(Mod, Request, From, State),
    case Result of
        {ok, {reply, Reply, NState}} ->
            reply(From, Reply),
            Debug1 = debug(Debug, Name, {out, Reply, From, NState}),
            loop(Parent, Name, NState, Mod, infinity, HibernateAfter, Debug1);
        {ok, {reply, Reply, NState, Time1}} ->
            case valid_timeout(Time1) of
                true ->
                    reply(From, Reply),
                    Debug1 = debug(Debug, Name, {out, Reply, From, NState}),
                    loop(Parent, Name, NState, Mod, Time1, HibernateAfter, Debug1);
                false ->
                    terminate(exit, {bad_return_value, {reply, Reply, NState, Time1}}, [],
                              Name, From, Msg, Mod, State, Debug)
            end;
        {ok, {stop, Reason, Reply, NState}} ->
            try
                terminate(exit, Reason, [], Name, From, Msg, Mod, NState, Debug)
            after
                reply(From, Reply)
            end;
        Other ->
            handle_common_reply(Other, Parent, Name, From, Msg, Mod, HibernateAfter, State, Debug)
    end;
handle_msg(Msg, Parent, Name, State, Mod, {HibernateAfter, Debug}) ->
    Reply = try_dispatch(Msg, Mod, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, HibernateAfter, State, Debug).

try_handle_call(Mod, Request, From, State) ->
    try
        {ok, Mod:handle_call(Request, From, State)}
    catch
        throw:R -> {ok, R};
        Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

try_dispatch({'$gen_cast', Msg}, Mod, State) ->
    try_dispatch(Mod, handle_cast, Msg, State);
try_dispatch(Info, Mod, State) ->
    try_dispatch(Mod, handle_info, Info, State).

try_dispatch(Mod, Func, Msg, State) ->
    try
        {ok, Mod:Func(Msg, State)}
    catch
        throw:R ->
            {ok, R};
        error:undef = R:Stack when Func =:= handle_info ->
            case erlang:function_exported(Mod, handle_info, 2) of
                false ->
                    logger:report(warning, "WARNING",
                                  io_lib:format("** Undefined handle_info in ~tp~n"
                                                "** Unhandled message: ~tp~n", [Mod, Msg])),
                    {ok, {noreply, State}};
                true ->
                    {'EXIT', error, R, Stack}
            end;
        Class:R:Stack ->
            {'EXIT', Class, R, Stack}
    end.

handle_common_reply(Reply, Parent, Name, From, Msg, Mod, HibernateAfter, State, Debug) ->
    case Reply of
        {ok, {noreply, NState}} ->
            Debug1 = debug(Debug, Name, {noreply, NState}),
            loop(Parent, Name, NState, Mod, infinity, HibernateAfter, Debug1);
        {ok, {noreply, NState, Time1}} ->
            case valid_timeout(Time1) of
                true ->
                    Debug1 = debug(Debug, Name, {noreply, NState}),
                    loop(Parent, Name, NState, Mod, Time1, HibernateAfter, Debug1);
                false ->
                    terminate(exit, {bad_return_value, {noreply, NState, Time1}}, [],
                              Name, From, Msg, Mod, State, Debug)
            end;
        {ok, {stop, Reason, NState}} ->
            terminate(exit, Reason, [], Name, From, Msg, Mod, NState, Debug);
        {'EXIT', Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, Name, From, Msg, Mod, State, Debug);
        {ok, BadReply} ->
            terminate(exit, {bad_return_value, BadReply}, [], Name, From, Msg, Mod, State, Debug)
    end.

%% terminate: runs Mod:terminate/2, logs an abnormal end and exits. Stack
%% is [] when the server stops on request (a stop return, the parent's
%% exit); for a crash the report shows {Reason, Stack} whatever the class,
%% while terminate/2 and the exit get {Reason, Stack} only for an error.
terminate(Class, Reason, Stack, Name, From, Msg, Mod, State, Debug) ->
    Reason1 = exit_reason(Class, Reason, Stack),
    case try_terminate(Mod, Reason1, State) of
        {'EXIT', C, R, S} ->
            error_info(report_reason(R, S), Name, From, Msg, Mod, State, Debug),
            erlang:raise(C, R, S);
        _ ->
            case Reason1 of
                normal -> ok;
                shutdown -> ok;
                {shutdown, _} -> ok;
                _ -> error_info(report_reason(Reason, Stack), Name, From, Msg, Mod, State, Debug)
            end,
            case Stack of
                [] -> exit(Reason);
                _ -> erlang:raise(Class, Reason, Stack)
            end
    end.

report_reason(Reason, []) -> Reason;
report_reason(Reason, Stack) -> {Reason, Stack}.

try_terminate(Mod, Reason, State) ->
    case erlang:function_exported(Mod, terminate, 2) orelse load_exports(Mod, terminate, 2) of
        true ->
            try
                {ok, Mod:terminate(Reason, State)}
            catch
                throw:R -> {ok, R};
                Class:R:Stack -> {'EXIT', Class, R, Stack}
            end;
        false ->
            {ok, ok}
    end.

load_exports(Mod, F, A) ->
    _ = (catch Mod:module_info(module)),
    erlang:function_exported(Mod, F, A).

%% error_info: the "** Generic server ... terminating" report.
error_info(Reason, Name, From, Msg, _Mod, State, _Debug) ->
    LastMsg = case Msg of
                  {'$gen_call', _, Request} -> Request;
                  _ -> Msg
              end,
    Text = io_lib:format("** Generic server ~tp terminating ~n"
                         "** Last message in was ~tp~n"
                         "** When Server state == ~tp~n"
                         "** Reason for termination ==~n** ~tp~n",
                         [gen:name(Name), LastMsg, State, Reason]),
    logger:report(error, "ERROR", [Text, client_info(From)]).

client_info({Pid, _Tag}) when is_pid(Pid), node(Pid) =:= node() ->
    case erlang:process_info(Pid, current_stacktrace) of
        {current_stacktrace, Stack} ->
            io_lib:format("** Client ~tp stacktrace~n** ~tp~n", [Pid, Stack]);
        _ ->
            io_lib:format("** Client ~tp is dead~n", [Pid])
    end;
client_info({Pid, _Tag}) when is_pid(Pid) ->
    io_lib:format("** Client ~tp is remote on node ~tp~n", [Pid, node(Pid)]);
client_info(_) ->
    [].

%%% sys callbacks.

system_continue(Parent, Debug, [Name, State, Mod, Time, HibernateAfter]) ->
    loop(Parent, Name, State, Mod, Time, HibernateAfter, Debug).

system_terminate(Reason, _Parent, Debug, [Name, State, Mod, _Time, _HibernateAfter]) ->
    terminate(exit, Reason, [], Name, undefined, [], Mod, State, Debug).

system_get_state([_Name, State, _Mod, _Time, _HibernateAfter]) ->
    {ok, State}.

system_replace_state(StateFun, [Name, State, Mod, Time, HibernateAfter]) ->
    NState = StateFun(State),
    {ok, NState, [Name, NState, Mod, Time, HibernateAfter]}.

format_status(_Opt, [_PDict, SysState, Parent, Debug, [Name, State, Mod, _Time, _HA]]) ->
    [{header, lists:flatten(io_lib:format("Status for generic server ~tp", [gen:name(Name)]))},
     {data, [{"Status", SysState}, {"Parent", Parent}, {"Logged events", Debug}]},
     {data, [{"State", State}]},
     {callback_module, Mod}].

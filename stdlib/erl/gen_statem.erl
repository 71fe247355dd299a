%% gen_statem: the generic state machine behaviour. A state machine
%% process runs its callback module's init/1, asks callback_mode/0 how to
%% call it (state_functions: Module:StateName(EventType, Content, Data);
%% handle_event_function: Module:handle_event(EventType, Content, State,
%% Data); optionally with state enter calls), and then handles one event
%% at a time: calls ({'$gen_call', From, Request}), casts
%% ({'$gen_cast', Msg}), other messages (info), its own time-outs and the
%% events its callbacks insert. A callback's result says which state comes
%% next and which actions to take: replies, postponing the event until the
%% state changes, inserting events, hibernating, and starting, updating or
%% cancelling the event time-out, the state time-out and named generic
%% time-outs. System messages (sys) are handled here; the parent's 'EXIT'
%% ends the machine. When it stops it calls terminate/3 (when exported);
%% for an abnormal reason it logs "** State machine ... terminating".
-module(gen_statem).

-export([start/3, start/4, start_link/3, start_link/4, start_monitor/3, start_monitor/4,
         stop/1, stop/3, cast/2, call/2, call/3,
         send_request/2, send_request/4,
         wait_response/1, wait_response/2, wait_response/3,
         receive_response/1, receive_response/2, receive_response/3,
         check_response/2, check_response/3,
         reqids_new/0, reqids_size/1, reqids_add/3, reqids_to_list/1,
         reply/1, reply/2, enter_loop/4, enter_loop/5, enter_loop/6]).
%% gen's, proc_lib's, sys's and logger's callbacks.
-export([init_it/6, wakeup_from_hibernate/3,
         system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2, format_status/2,
         format_log/1, format_log/2]).

-callback callback_mode() -> term().
-callback init(Args :: term()) -> term().
-callback state_name(EventType :: term(), EventContent :: term(), Data :: term()) -> term().
-callback handle_event(EventType :: term(), EventContent :: term(),
                       State :: term(), Data :: term()) -> term().
-callback terminate(Reason :: term(), State :: term(), Data :: term()) -> term().
-callback code_change(OldVsn :: term(), State :: term(), Data :: term(), Extra :: term()) ->
    term().
-callback format_status(Opt :: normal | terminate, [term()]) -> term().
-callback format_status(Status :: map()) -> map().
-optional_callbacks([state_name/3, handle_event/4, terminate/3, code_change/4,
                     format_status/2, format_status/1]).

%% What rarely changes: who the parent is, the name, the callback modules
%% (the first is the current one), how to call them, and the
%% hibernate_after time.
-record(params, {parent, name, modules = [?MODULE], mode = state_functions,
                 enter = false, hib_after = infinity}).

%% The engine between events: {State, Data}, the postponed events (newest
%% first), the running time-outs (type => {TimerRef, Content}; TimerRef 0
%% for a zero time-out waiting in zeros), the zero time-outs in the order
%% they fire, and whether to hibernate before the next message.
-record(engine, {sd = {undefined, undefined}, postponed = [], timers = #{},
                 zeros = [], hib = false}).

%% What one event's callback and its state enter call collect: inserted
%% events and time-outs (both newest first), hibernation, postponing.
-record(trans, {events = [], timeouts = [], hib = false, postpone = false}).

-define(IS_TIMEOUT_TYPE(T),
        (T =:= timeout orelse T =:= state_timeout
         orelse (tuple_size(T) =:= 2 andalso element(1, T) =:= timeout))).
-define(IS_REL_TIME(T), ((is_integer(T) andalso T >= 0) orelse T =:= infinity)).
-define(IS_ABS_TIME(T), (is_integer(T) orelse T =:= infinity)).

%% Where the engine is now (its caller's frame first), for the reasons it
%% makes up itself.
-define(STACK, element(2, erlang:process_info(self(), current_stacktrace))).


%%% Starting and stopping.

start(Module, Args, Opts) ->
    gen:start(?MODULE, nolink, Module, Args, Opts).

start(ServerName, Module, Args, Opts) ->
    gen:start(?MODULE, nolink, ServerName, Module, Args, Opts).

start_link(Module, Args, Opts) ->
    gen:start(?MODULE, link, Module, Args, Opts).

start_link(ServerName, Module, Args, Opts) ->
    gen:start(?MODULE, link, ServerName, Module, Args, Opts).

start_monitor(Module, Args, Opts) ->
    gen:start(?MODULE, monitor, Module, Args, Opts).

start_monitor(ServerName, Module, Args, Opts) ->
    gen:start(?MODULE, monitor, ServerName, Module, Args, Opts).

stop(ServerRef) ->
    gen:stop(ServerRef).

stop(ServerRef, Reason, Timeout) ->
    gen:stop(ServerRef, Reason, Timeout).

%%% Events from clients.

%% cast(ServerRef, Msg): always ok, whether or not the machine exists.
cast(ServerRef, Msg) when is_pid(ServerRef); is_atom(ServerRef) ->
    send(ServerRef, {'$gen_cast', Msg});
cast({global, Name}, Msg) ->
    _ = (catch global:send(Name, {'$gen_cast', Msg})),
    ok;
cast({via, Mod, Name}, Msg) ->
    _ = (catch Mod:send(Name, {'$gen_cast', Msg})),
    ok;
cast({Name, Node} = ServerRef, Msg) when is_atom(Name), is_atom(Node) ->
    send(ServerRef, {'$gen_cast', Msg}).

send(Dest, Msg) ->
    try erlang:send(Dest, Msg) of
        _ -> ok
    catch
        error:_ -> ok
    end.

%% call(ServerRef, Request[, Timeout]): the reply. Timeout is infinity
%% (the default), milliseconds, {dirty_timeout, T} or {clean_timeout, T};
%% a failing call exits with {Reason, {gen_statem, call, [ServerRef,
%% Request, Timeout]}}.
call(ServerRef, Request) ->
    call(ServerRef, Request, infinity).

call(ServerRef, Request, infinity = Timeout) ->
    call_dirty(ServerRef, Request, Timeout, infinity);
call(ServerRef, Request, {dirty_timeout, T} = Timeout) ->
    call_dirty(ServerRef, Request, Timeout, T);
call(ServerRef, Request, {clean_timeout, T} = Timeout) ->
    call_clean(ServerRef, Request, Timeout, T);
call(ServerRef, Request, {_, _} = Timeout) ->
    erlang:error(badarg, [ServerRef, Request, Timeout]);
call(ServerRef, Request, Timeout) ->
    call_clean(ServerRef, Request, Timeout, Timeout).

call_dirty(ServerRef, Request, Timeout, T) ->
    try gen:call(ServerRef, '$gen_call', Request, T) of
        {ok, Reply} -> Reply
    catch
        exit:Reason:Stack ->
            erlang:raise(exit, {Reason, {?MODULE, call, [ServerRef, Request, Timeout]}}, Stack)
    end.

%% A call to a local pid (or {Name, node()}) is made directly; any other
%% call with a time-out goes through a helper process, so that a reply
%% that comes too late dies with the helper instead of reaching the
%% caller's mailbox.
call_clean(ServerRef, Request, Timeout, T) when is_pid(ServerRef), node(ServerRef) =:= node() ->
    call_dirty(ServerRef, Request, Timeout, T);
call_clean({Name, Node} = ServerRef, Request, Timeout, T) when is_atom(Name), Node =:= node() ->
    call_dirty(ServerRef, Request, Timeout, T);
call_clean(ServerRef, Request, Timeout, T) ->
    Tag = make_ref(),
    Caller = self(),
    Helper = spawn(fun() ->
                           Caller ! try gen:call(ServerRef, '$gen_call', Request, T) of
                                        Result -> {Tag, Result}
                                    catch
                                        Class:Reason:Stack -> {Tag, Class, Reason, Stack}
                                    end
                   end),
    Mref = erlang:monitor(process, Helper),
    receive
        {Tag, {ok, Reply}} ->
            erlang:demonitor(Mref, [flush]),
            Reply;
        {Tag, exit, Reason, Stack} ->
            erlang:demonitor(Mref, [flush]),
            erlang:raise(exit, {Reason, {?MODULE, call, [ServerRef, Request, Timeout]}}, Stack);
        {Tag, Class, Reason, Stack} ->
            erlang:demonitor(Mref, [flush]),
            erlang:raise(Class, Reason, Stack);
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    end.

%% Asynchronous requests, answered like calls.

send_request(ServerRef, Request) ->
    try gen:send_request(ServerRef, '$gen_call', Request)
    catch error:badarg -> erlang:error(badarg, [ServerRef, Request])
    end.

send_request(ServerRef, Request, Label, ReqIdCol) ->
    try gen:send_request(ServerRef, '$gen_call', Request, Label, ReqIdCol)
    catch error:badarg -> erlang:error(badarg, [ServerRef, Request, Label, ReqIdCol])
    end.

wait_response(ReqId) ->
    wait_response(ReqId, infinity).

wait_response(ReqId, WaitTime) ->
    try gen:wait_response(ReqId, WaitTime)
    catch error:_ -> erlang:error(badarg, [ReqId, WaitTime])
    end.

wait_response(ReqIdCol, WaitTime, Delete) ->
    try gen:wait_response(ReqIdCol, WaitTime, Delete)
    catch error:_ -> erlang:error(badarg, [ReqIdCol, WaitTime, Delete])
    end.

receive_response(ReqId) ->
    receive_response(ReqId, infinity).

receive_response(ReqId, Timeout) ->
    try gen:receive_response(ReqId, Timeout)
    catch error:_ -> erlang:error(badarg, [ReqId, Timeout])
    end.

receive_response(ReqIdCol, Timeout, Delete) ->
    try gen:receive_response(ReqIdCol, Timeout, Delete)
    catch error:_ -> erlang:error(badarg, [ReqIdCol, Timeout, Delete])
    end.

check_response(Msg, ReqId) ->
    try gen:check_response(Msg, ReqId)
    catch error:_ -> erlang:error(badarg, [Msg, ReqId])
    end.

check_response(Msg, ReqIdCol, Delete) ->
    try gen:check_response(Msg, ReqIdCol, Delete)
    catch error:_ -> erlang:error(badarg, [Msg, ReqIdCol, Delete])
    end.

reqids_new() ->
    gen:reqids_new().

reqids_size(ReqIdCol) ->
    try gen:reqids_size(ReqIdCol)
    catch error:_ -> erlang:error(badarg, [ReqIdCol])
    end.

reqids_add(ReqId, Label, ReqIdCol) ->
    try gen:reqids_add(ReqId, Label, ReqIdCol)
    catch error:_ -> erlang:error(badarg, [ReqId, Label, ReqIdCol])
    end.

reqids_to_list(ReqIdCol) ->
    try gen:reqids_to_list(ReqIdCol)
    catch error:_ -> erlang:error(badarg, [ReqIdCol])
    end.

%% reply({reply, From, Reply}) or a list of them; reply(From, Reply).
reply({reply, From, Reply}) ->
    reply(From, Reply);
reply(Replies) when is_list(Replies) ->
    lists:foreach(fun({reply, From, Reply}) -> reply(From, Reply) end, Replies).

reply(From, Reply) ->
    gen:reply(From, Reply).

%%% enter_loop: makes the calling process (started by proc_lib) a state
%%% machine in State with Data, as if init/1 had returned them.

enter_loop(Module, Opts, State, Data) ->
    enter_loop(Module, Opts, State, Data, self(), []).

enter_loop(Module, Opts, State, Data, Actions) when is_list(Actions) ->
    enter_loop(Module, Opts, State, Data, self(), Actions);
enter_loop(Module, Opts, State, Data, Server) ->
    enter_loop(Module, Opts, State, Data, Server, []).

enter_loop(Module, Opts, State, Data, Server, Actions) ->
    is_atom(Module) orelse erlang:error({atom, Module}),
    Parent = gen:get_parent(),
    Name = registered_as(Server),
    Debug = gen:debug_options(Name, Opts),
    P = #params{parent = Parent, name = Name, modules = [Module],
                hib_after = gen:hibernate_after(Opts)},
    enter(P, Debug, State, Data, Actions).

%% registered_as(Server): the name of this process in reports; exits when
%% it is not registered under Server.
registered_as(Pid) when is_pid(Pid) ->
    Pid;
registered_as({local, Name}) ->
    case erlang:process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> exit(process_not_registered)
    end;
registered_as({global, Name}) ->
    case global:whereis_name(Name) of
        Self when Self =:= self() -> Name;
        _ -> exit(process_not_registered_globally)
    end;
registered_as({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Self when Self =:= self() -> Name;
        _ -> exit({process_not_registered_via, Mod})
    end.

%%% Starting up (in the new process).

init_it(Starter, self, ServerRef, Module, Args, Opts) ->
    init_it(Starter, self(), ServerRef, Module, Args, Opts);
init_it(Starter, Parent, ServerRef, Module, Args, Opts) ->
    Name = gen:name(ServerRef),
    Debug = gen:debug_options(Name, Opts),
    P = #params{parent = Parent, name = Name, modules = [Module],
                hib_after = gen:hibernate_after(Opts)},
    try Module:init(Args) of
        Result -> init_result(Starter, ServerRef, P, Debug, Result)
    catch
        throw:Result ->
            init_result(Starter, ServerRef, P, Debug, Result);
        Class:Reason:Stack ->
            gen:unregister_name(ServerRef),
            proc_lib:init_ack(Starter, {error, Reason}),
            error_info(Class, Reason, Stack, P, Debug, #engine{}, []),
            erlang:raise(Class, Reason, Stack)
    end.

init_result(Starter, ServerRef, P, Debug, Result) ->
    case Result of
        {ok, State, Data} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(P, Debug, State, Data, []);
        {ok, State, Data, Actions} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(P, Debug, State, Data, Actions);
        {stop, Reason} ->
            gen:unregister_name(ServerRef),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        ignore ->
            gen:unregister_name(ServerRef),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        _ ->
            gen:unregister_name(ServerRef),
            Error = {bad_return_from_init, Result},
            proc_lib:init_ack(Starter, {error, Error}),
            error_info(error, Error, ?STACK, P, Debug, #engine{}, []),
            exit(Error)
    end.

%% enter: where init_it and enter_loop meet. The initial actions are
%% handled as if a callback had returned them for the event
%% {internal, init_state}, which is then dropped; with state enter calls
%% the first one is made with the initial state as the old state.
enter(P, Debug, State, Data, Actions) ->
    Queue = [{internal, init_state}],
    S = #engine{sd = {State, Data}},
    case callback_mode(P, P#params.modules) of
        {ok, P1} ->
            Debug1 = debug(Debug, P1, {enter, hd(P1#params.modules), State}),
            actions(P1, Debug1, S, Queue, {State, Data}, #trans{}, true, true,
                    listify(Actions) ++ [{postpone, false}]);
        {error, Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, P, Debug, S, Queue)
    end.

%% callback_mode(P, Modules): {ok, P1} with the callback mode of the
%% first of Modules, or {error, Class, Reason, Stack}.
callback_mode(P, [Module | _] = Modules) ->
    try Module:callback_mode() of
        Result -> callback_mode_result(P, Modules, Result)
    catch
        throw:Result -> callback_mode_result(P, Modules, Result);
        Class:Reason:Stack -> {error, Class, Reason, Stack}
    end.

callback_mode_result(P, Modules, Result) ->
    case parse_mode(listify(Result), undefined, false) of
        {ok, Mode, Enter} ->
            {ok, P#params{modules = Modules, mode = Mode, enter = Enter}};
        error ->
            {error, error, {bad_return_from_callback_mode, Result}, ?STACK}
    end.

parse_mode([], undefined, _Enter) -> error;
parse_mode([], Mode, Enter) -> {ok, Mode, Enter};
parse_mode([state_functions = M | T], _, Enter) -> parse_mode(T, M, Enter);
parse_mode([handle_event_function = M | T], _, Enter) -> parse_mode(T, M, Enter);
parse_mode([state_enter | T], Mode, _) -> parse_mode(T, Mode, true);
parse_mode(_, _, _) -> error.

%%% The loop.

loop(P, Debug, #engine{hib = true} = S) ->
    proc_lib:hibernate(?MODULE, wakeup_from_hibernate, [P, Debug, S]);
loop(P, Debug, S) ->
    receive_event(P, Debug, S).

wakeup_from_hibernate(P, Debug, S) ->
    receive_event(P, Debug, S).

receive_event(#params{parent = Parent, hib_after = HibAfter} = P, Debug, S) ->
    receive
        Msg ->
            case Msg of
                {'$gen_call', From, Request} ->
                    received(P, Debug, S, {{call, From}, Request});
                {'$gen_cast', Cast} ->
                    received(P, Debug, S, {cast, Cast});
                {timeout, Ref, Type} when is_reference(Ref) ->
                    case S#engine.timers of
                        #{Type := {Ref, Content}} = Timers ->
                            received(P, Debug, S#engine{timers = maps:remove(Type, Timers)},
                                     {Type, Content});
                        _ ->
                            received(P, Debug, S, {info, Msg})
                    end;
                {system, From, Request} ->
                    sys:handle_system_msg(Request, From, Parent, ?MODULE, Debug, {P, S},
                                          S#engine.hib);
                {'EXIT', Parent, Reason} ->
                    terminate(exit, Reason, ?STACK, P, Debug, S, []);
                _ ->
                    received(P, Debug, S, {info, Msg})
            end
    after HibAfter ->
            proc_lib:hibernate(?MODULE, wakeup_from_hibernate, [P, Debug, S])
    end.

%% received: an event from outside (or a zero time-out) starts a new queue.
received(P, Debug, #engine{sd = {State, _}} = S, Event) ->
    Debug1 = debug(Debug, P, {in, Event, State}),
    handle(P, Debug1, S, Event, []).

%% handle: calls the state callback for Event; Queue holds the events
%% waiting after it. The queue passed on keeps Event at its head until
%% the transition is done.
handle(P, Debug, S, Event, Queue) ->
    case S#engine.hib of
        true -> _ = garbage_collect();
        false -> ok
    end,
    state_callback(P, Debug, S, [Event | Queue], S#engine.sd, #trans{}, true, Event).

%% state_callback: calls the callback with {Type, Content} in the state of
%% SD. StateCall is false for a state enter call.
state_callback(#params{modules = [Module | _], mode = Mode} = P, Debug, S, Queue,
               {State, Data} = SD, Tr, StateCall, {Type, Content}) ->
    try
        case Mode of
            state_functions -> Module:State(Type, Content, Data);
            handle_event_function -> Module:handle_event(Type, Content, State, Data)
        end
    of
        Result -> callback_result(P, Debug, S, Queue, SD, Tr, StateCall, Result)
    catch
        throw:Result -> callback_result(P, Debug, S, Queue, SD, Tr, StateCall, Result);
        Class:Reason:Stack -> terminate(Class, Reason, Stack, P, Debug, S, Queue)
    end.

callback_result(P, Debug, S, Queue, {State, _Data} = SD, Tr, StateCall, Result) ->
    case Result of
        {next_state, State, NData} ->
            actions(P, Debug, S, Queue, {State, NData}, Tr, false, StateCall, []);
        {next_state, NState, NData} when StateCall ->
            actions(P, Debug, S, Queue, {NState, NData}, Tr, true, StateCall, []);
        {next_state, _, _} ->
            bad(bad_state_enter_return_from_state_function, Result, P, Debug, S, Queue, SD, Tr);
        {next_state, State, NData, Actions} ->
            actions(P, Debug, S, Queue, {State, NData}, Tr, false, StateCall, listify(Actions));
        {next_state, NState, NData, Actions} when StateCall ->
            actions(P, Debug, S, Queue, {NState, NData}, Tr, true, StateCall, listify(Actions));
        {next_state, _, _, _} ->
            bad(bad_state_enter_return_from_state_function, Result, P, Debug, S, Queue, SD, Tr);
        {keep_state, NData} ->
            actions(P, Debug, S, Queue, {State, NData}, Tr, false, StateCall, []);
        {keep_state, NData, Actions} ->
            actions(P, Debug, S, Queue, {State, NData}, Tr, false, StateCall, listify(Actions));
        keep_state_and_data ->
            actions(P, Debug, S, Queue, SD, Tr, false, StateCall, []);
        {keep_state_and_data, Actions} ->
            actions(P, Debug, S, Queue, SD, Tr, false, StateCall, listify(Actions));
        {repeat_state, NData} ->
            actions(P, Debug, S, Queue, {State, NData}, Tr, true, StateCall, []);
        {repeat_state, NData, Actions} ->
            actions(P, Debug, S, Queue, {State, NData}, Tr, true, StateCall, listify(Actions));
        repeat_state_and_data ->
            actions(P, Debug, S, Queue, SD, Tr, true, StateCall, []);
        {repeat_state_and_data, Actions} ->
            actions(P, Debug, S, Queue, SD, Tr, true, StateCall, listify(Actions));
        stop ->
            terminate(exit, normal, ?STACK, P, Debug, at(S, SD, Tr), Queue);
        {stop, Reason} ->
            terminate(exit, Reason, ?STACK, P, Debug, at(S, SD, Tr), Queue);
        {stop, Reason, NData} ->
            terminate(exit, Reason, ?STACK, P, Debug, at(S, {State, NData}, Tr), Queue);
        {stop_and_reply, Reason, Replies} ->
            reply_then_terminate(Reason, P, Debug, at(S, SD, Tr), Queue, listify(Replies));
        {stop_and_reply, Reason, Replies, NData} ->
            reply_then_terminate(Reason, P, Debug, at(S, {State, NData}, Tr), Queue,
                                 listify(Replies));
        _ ->
            bad(bad_return_from_state_function, Result, P, Debug, S, Queue, SD, Tr)
    end.

%% at(S, SD, Tr): the engine as a report shows it when the machine stops
%% in the middle of a transition.
at(S, SD, Tr) ->
    S#engine{sd = SD, hib = Tr#trans.hib}.

%% bad: stops the machine for a bad callback result or action.
bad(Tag, What, P, Debug, S, Queue, SD, Tr) ->
    terminate(error, {Tag, What}, ?STACK, P, Debug, at(S, SD, Tr), Queue).

%% actions: goes through a callback's actions, then makes the state enter
%% call (CallEnter: the state changed or is repeated) or the transition.
actions(P, Debug, S, Queue, SD, Tr, CallEnter, _StateCall, []) ->
    case CallEnter andalso P#params.enter of
        true ->
            {OldState, _} = S#engine.sd,
            state_callback(P, Debug, S, Queue, SD, Tr, false, {enter, OldState});
        false ->
            transition(P, Debug, S, Queue, SD, Tr)
    end;
actions(P, Debug, S, Queue, SD, Tr, CallEnter, StateCall, [Action | Actions]) ->
    Next = fun(Debug1, Tr1) ->
                   actions(P, Debug1, S, Queue, SD, Tr1, CallEnter, StateCall, Actions)
           end,
    case Action of
        {reply, From, Reply} ->
            case is_from(From) of
                true ->
                    reply(From, Reply),
                    Next(debug(Debug, P, {out, Reply, From}), Tr);
                false ->
                    bad(bad_action_from_state_function, Action, P, Debug, S, Queue, SD, Tr)
            end;
        {hibernate, Hib} when is_boolean(Hib) ->
            Next(Debug, Tr#trans{hib = Hib});
        hibernate ->
            Next(Debug, Tr#trans{hib = true});
        {postpone, Postpone} when Postpone =:= false; Postpone =:= true, StateCall ->
            Next(Debug, Tr#trans{postpone = Postpone});
        postpone when StateCall ->
            Next(Debug, Tr#trans{postpone = true});
        postpone ->
            bad(bad_state_enter_action_from_state_function, Action, P, Debug, S, Queue, SD, Tr);
        {next_event, Type, Content} ->
            case StateCall andalso is_event_type(Type) of
                true ->
                    {NState, _} = SD,
                    Event = {Type, Content},
                    Next(debug(Debug, P, {in, Event, NState}),
                         Tr#trans{events = [Event | Tr#trans.events]});
                false when StateCall ->
                    bad(bad_action_from_state_function, Action, P, Debug, S, Queue, SD, Tr);
                false ->
                    bad(bad_state_enter_action_from_state_function, Action, P, Debug, S, Queue,
                        SD, Tr)
            end;
        {Tag, NewModule} when (Tag =:= change_callback_module orelse
                               Tag =:= push_callback_module), is_atom(NewModule) ->
            Modules = case Tag of
                          change_callback_module -> [NewModule | tl(P#params.modules)];
                          push_callback_module -> [NewModule | P#params.modules]
                      end,
            change_module(P, Debug, S, Queue, SD, Tr, CallEnter, StateCall, Actions, Action,
                          Modules);
        pop_callback_module when tl(P#params.modules) =/= [] ->
            change_module(P, Debug, S, Queue, SD, Tr, CallEnter, StateCall, Actions, Action,
                          tl(P#params.modules));
        _ ->
            case timeout_action(Action) of
                {ok, Timeout} ->
                    Next(Debug, Tr#trans{timeouts = [Timeout | Tr#trans.timeouts]});
                error ->
                    bad(bad_action_from_state_function, Action, P, Debug, S, Queue, SD, Tr)
            end
    end.

change_module(P, Debug, S, Queue, SD, Tr, CallEnter, true, Actions, _Action, Modules) ->
    case callback_mode(P, Modules) of
        {ok, P1} ->
            {NState, _} = SD,
            Debug1 = debug(Debug, P, {module, hd(Modules), NState}),
            actions(P1, Debug1, S, Queue, SD, Tr, CallEnter, true, Actions);
        {error, Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, P, Debug, at(S, SD, Tr), Queue)
    end;
change_module(P, Debug, S, Queue, SD, Tr, _CallEnter, false, _Actions, Action, _Modules) ->
    bad(bad_state_enter_action_from_state_function, Action, P, Debug, S, Queue, SD, Tr).

%% timeout_action(Action): {ok, Timeout} for a valid time-out action,
%% normalised to {Type, Time, Content} (relative time, infinity or update)
%% or {Type, Time, Content, Opts} (absolute time); else error.
timeout_action({Type, Time, Content, Opts} = Action) when ?IS_TIMEOUT_TYPE(Type) ->
    case abs_option(listify(Opts), false) of
        true when ?IS_ABS_TIME(Time) -> {ok, setelement(4, Action, listify(Opts))};
        false when ?IS_REL_TIME(Time) -> {ok, {Type, Time, Content}};
        _ -> error
    end;
timeout_action({Type, Time, _Content} = Action) when ?IS_TIMEOUT_TYPE(Type) ->
    case ?IS_REL_TIME(Time) orelse Time =:= update of
        true -> {ok, Action};
        false -> error
    end;
timeout_action({Type, cancel}) when ?IS_TIMEOUT_TYPE(Type) ->
    {ok, {Type, infinity, undefined}};
timeout_action(Time) when ?IS_REL_TIME(Time) ->
    {ok, {timeout, Time, Time}};
timeout_action(_) ->
    error.

abs_option([], Abs) -> Abs;
abs_option([{abs, Abs} | T], _) when is_boolean(Abs) -> abs_option(T, Abs);
abs_option(_, _) -> badarg.

is_from({Pid, _}) when is_pid(Pid) -> true;
is_from(_) -> false.

is_event_type({call, From}) -> is_from(From);
is_event_type(cast) -> true;
is_event_type(info) -> true;
is_event_type(internal) -> true;
is_event_type(Type) when ?IS_TIMEOUT_TYPE(Type) -> true;
is_event_type(_) -> false.

%%% The transition.

%% transition: the event at the head of Queue has been handled. It is
%% postponed or consumed; a new state retries the postponed events and
%% cancels the state time-out; the event time-out is cancelled anyway.
%% Then the new time-outs start and the inserted events go first.
transition(P, Debug, S, [Event | Events], {NState, _} = SD, Tr) ->
    #engine{sd = {State, _}, postponed = Postponed0} = S,
    Postponed1 = case Tr#trans.postpone of
                     true -> [Event | Postponed0];
                     false -> Postponed0
                 end,
    Tag = case Tr#trans.postpone of
              true -> postpone;
              false -> consume
          end,
    Debug1 = debug(Debug, P, {Tag, Event, State, NState}),
    S1 = case NState =:= State of
             true ->
                 cancel_timeout(timeout, S#engine{postponed = Postponed1});
             false ->
                 cancel_timeout(timeout, cancel_timeout(state_timeout, S#engine{postponed = []}))
         end,
    Queue = case NState =:= State of
                true -> Events;
                false -> lists:reverse(Postponed1, Events)
            end,
    {S2, Debug2} = start_timeouts(Tr#trans.timeouts, #{}, [], P, Debug1, NState, S1),
    next(P, Debug2, S2#engine{sd = SD, hib = Tr#trans.hib},
         lists:reverse(Tr#trans.events, Queue)).

%% next: handles the next queued event; with none, the first zero
%% time-out; with none either, waits for a message.
next(P, Debug, S, []) ->
    case S#engine.zeros of
        [Type | Zeros] ->
            Timers = S#engine.timers,
            #{Type := {0, Content}} = Timers,
            received(P, Debug, S#engine{timers = maps:remove(Type, Timers), zeros = Zeros},
                     {Type, Content});
        [] ->
            loop(P, Debug, S)
    end;
next(P, Debug, S, [Event | Events]) ->
    handle(P, Debug, S, Event, Events).

%% start_timeouts(TimeoutsR, Seen, Zeros, ...): TimeoutsR is newest first;
%% of several time-outs of one type the last one set counts. Zeros
%% collects the types of new zero time-outs, which fire after the ones
%% already waiting, in the order they were set.
start_timeouts([], _Seen, Zeros, _P, Debug, _NState, S) ->
    {S#engine{zeros = S#engine.zeros ++ Zeros}, Debug};
start_timeouts([Timeout | TimeoutsR], Seen, Zeros, P, Debug, NState, S) ->
    Type = element(1, Timeout),
    case Seen of
        #{Type := _} ->
            start_timeouts(TimeoutsR, Seen, Zeros, P, Debug, NState, S);
        #{} ->
            {Time, Content, Opts} = case Timeout of
                                        {_, T, C} -> {T, C, []};
                                        {_, T, C, O} -> {T, C, O}
                                    end,
            Seen1 = Seen#{Type => true},
            case Time of
                infinity ->
                    start_timeouts(TimeoutsR, Seen1, Zeros, P, Debug, NState,
                                   cancel_timeout(Type, S));
                update ->
                    Timers = S#engine.timers,
                    case Timers of
                        #{Type := {Ref, _}} ->
                            S1 = S#engine{timers = Timers#{Type := {Ref, Content}}},
                            start_timeouts(TimeoutsR, Seen1, Zeros, P, Debug, NState, S1);
                        #{} ->
                            S1 = S#engine{timers = Timers#{Type => {0, Content}}},
                            start_timeouts(TimeoutsR, Seen1, [Type | Zeros], P, Debug, NState, S1)
                    end;
                _ ->
                    {Ref, Zeros1} = case Time of
                                        0 -> {0, [Type | Zeros]};
                                        _ -> {erlang:start_timer(Time, self(), Type, Opts), Zeros}
                                    end,
                    Debug1 = debug(Debug, P, {start_timer, {Type, Time, Content, Opts}, NState}),
                    S1 = cancel_timeout(Type, S),
                    S2 = S1#engine{timers = (S1#engine.timers)#{Type => {Ref, Content}}},
                    start_timeouts(TimeoutsR, Seen1, Zeros1, P, Debug1, NState, S2)
            end
    end.

%% cancel_timeout(Type, S): stops the time-out of Type, if it runs.
cancel_timeout(Type, #engine{timers = Timers} = S) ->
    case Timers of
        #{Type := {0, _}} ->
            S#engine{timers = maps:remove(Type, Timers),
                     zeros = lists:delete(Type, S#engine.zeros)};
        #{Type := {Ref, _}} ->
            cancel_timer(Ref),
            S#engine{timers = maps:remove(Type, Timers)};
        #{} ->
            S
    end.

%% cancel_timer(Ref): stops a timer; when it has fired already, its
%% message is taken out of the mailbox.
cancel_timer(Ref) ->
    case erlang:cancel_timer(Ref) of
        false ->
            receive {timeout, Ref, _} -> ok end;
        _ ->
            ok
    end.

listify(L) when is_list(L) -> L;
listify(X) -> [X].

%%% Stopping.

reply_then_terminate(Reason, P, Debug, S, Queue, []) ->
    terminate(exit, Reason, ?STACK, P, Debug, S, Queue);
reply_then_terminate(Reason, P, Debug, S, Queue, [R | Rs]) ->
    case R of
        {reply, From, Reply} ->
            case is_from(From) of
                true ->
                    reply(From, Reply),
                    reply_then_terminate(Reason, P, debug(Debug, P, {out, Reply, From}), S,
                                         Queue, Rs);
                false ->
                    terminate(error, {bad_reply_action_from_state_function, R}, ?STACK, P,
                              Debug, S, Queue)
            end;
        _ ->
            terminate(error, {bad_reply_action_from_state_function, R}, ?STACK, P, Debug, S,
                      Queue)
    end.

%% terminate: calls Module:terminate/3 (when exported) with the reason as
%% raised, logs an abnormal end and re-raises the reason.
terminate(Class, Reason, Stack, #params{modules = [Module | _]} = P, Debug, S, Queue) ->
    {State, Data} = S#engine.sd,
    case erlang:function_exported(Module, terminate, 3) of
        true ->
            try Module:terminate(Reason, State, Data) of
                _ -> ok
            catch
                throw:_ ->
                    ok;
                C:R:ST ->
                    error_info(C, R, ST, P, Debug, S, Queue),
                    erlang:raise(C, R, ST)
            end;
        false ->
            ok
    end,
    case Reason of
        normal -> debug(Debug, P, {terminate, Reason, State});
        shutdown -> debug(Debug, P, {terminate, Reason, State});
        {shutdown, _} -> debug(Debug, P, {terminate, Reason, State});
        _ -> error_info(Class, Reason, Stack, P, Debug, S, Queue)
    end,
    case Stack of
        [] -> erlang:Class(Reason);
        _ -> erlang:raise(Class, Reason, Stack)
    end.

%% error_info: the "** State machine ... terminating" error report.
error_info(Class, Reason, Stack, P, Debug, S, Queue) ->
    #params{name = Name, modules = [Module | _] = Modules, mode = Mode, enter = Enter} = P,
    #engine{sd = {State, Data}, postponed = Postponed, timers = Timers} = S,
    {NumTimers, TimerList} = list_timeouts(Timers),
    Status = callback_status(Module, terminate,
                             #{reason => Reason, state => State, data => Data,
                               queue => Queue, postponed => Postponed,
                               timeouts => TimerList, log => get_log(Debug)},
                             [get(), State, Data]),
    FmtState = case Status of
                   #{'$status' := St} -> St;
                   #{state := St, data := D} -> {St, D}
               end,
    Report = #{label => {gen_statem, terminate},
               name => Name,
               queue => maps:get(queue, Status),
               postponed => maps:get(postponed, Status),
               modules => Modules,
               callback_mode => Mode,
               state_enter => Enter,
               state => FmtState,
               timeouts => {NumTimers, maps:get(timeouts, Status)},
               log => maps:get(log, Status),
               reason => {Class, maps:get(reason, Status), Stack},
               client_info => client_info(Queue)},
    logger:log(error, Report,
               #{domain => [otp], mfa => {?MODULE, error_info, 7},
                 report_cb => fun ?MODULE:format_log/2,
                 error_logger => #{tag => error, report_cb => fun ?MODULE:format_log/1}}).

%% client_info(Queue): what the report says about the caller when the
%% last event was a call.
client_info([{{call, {Pid, _Tag}}, _Request} | _]) when is_pid(Pid), node(Pid) =:= node() ->
    case erlang:process_info(Pid, [current_stacktrace, registered_name]) of
        undefined -> {Pid, dead};
        [{current_stacktrace, Stack}, {registered_name, []}] -> {Pid, {Pid, Stack}};
        [{current_stacktrace, Stack}, {registered_name, Name}] -> {Pid, {Name, Stack}}
    end;
client_info([{{call, {Pid, _Tag}}, _Request} | _]) when is_pid(Pid) ->
    {Pid, remote};
client_info(_) ->
    undefined.

%% callback_status(Module, Opt, Status, LegacyArgs): Status as the callback
%% module's format_status/1 (or, failing that, format_status/2, whose
%% result lands under '$status') formats it.
callback_status(Module, Opt, Status, LegacyArgs) ->
    case {erlang:function_exported(Module, format_status, 1),
          erlang:function_exported(Module, format_status, 2)} of
        {true, _} ->
            try Module:format_status(Status) of
                New when is_map(New) ->
                    Merged = maps:merge(Status, New),
                    case map_size(Merged) =:= map_size(New) of
                        true -> Merged;
                        false -> status_failed(Status, Module, "/1 returned a map with unknown keys")
                    end;
                _ ->
                    status_failed(Status, Module, "/1 did not return a map")
            catch
                _:_ -> status_failed(Status, Module, "/1 crashed")
            end;
        {false, true} ->
            try Module:format_status(Opt, LegacyArgs) of
                Result -> Status#{'$status' => Result}
            catch
                throw:Result -> Status#{'$status' => Result};
                _:_ -> status_failed(Status, Module, "/2 crashed")
            end;
        {false, false} ->
            Status
    end.

status_failed(Status, Module, What) ->
    Status#{'EXIT' => atom_to_list(Module) ++ ":format_status" ++ What}.

%% list_timeouts(Timers): {Count, [{Type, Content}]}.
list_timeouts(Timers) ->
    {map_size(Timers),
     maps:fold(fun(Type, {_Ref, Content}, Acc) -> [{Type, Content} | Acc] end, [], Timers)}.

%% get_log(Debug): the events sys has logged, oldest first.
get_log(Debug) ->
    case lists:keyfind(log, 1, Debug) of
        {log, {_N, Events}} -> [E || {E, _, _} <- lists:reverse(Events)];
        _ -> []
    end.

%%% The error report's text.

%% format_log(Report): {Format, Args}, for error_logger's handlers.
format_log(Report) ->
    Depth = try error_logger:get_format_depth() catch _:_ -> unlimited end,
    log_lines(Report, #{chars_limit => unlimited, depth => Depth, single_line => false,
                        encoding => utf8}).

%% format_log(Report, FormatOpts): the report's text, for logger.
format_log(Report, FormatOpts) ->
    Opts = maps:merge(#{chars_limit => unlimited, depth => unlimited, single_line => false,
                        encoding => utf8}, FormatOpts),
    IoOpts = case Opts of
                 #{chars_limit := unlimited} -> [];
                 #{chars_limit := Limit} -> [{chars_limit, Limit}]
             end,
    {Format, Args} = case Opts of
                         #{single_line := true} -> log_line(Report, Opts);
                         _ -> log_lines(Report, Opts)
                     end,
    io_lib:format(Format, Args, IoOpts).

%% A report is built from parts {Format, Terms}; each term is printed
%% with P (~tp, or ~tP with the depth added).
parts(Parts, #{depth := Depth} = Opts) ->
    P = term_directive(Opts),
    lists:foldr(
      fun({Fmt, Terms}, {FAcc, AAcc}) ->
              Args = case Depth of
                         unlimited -> Terms;
                         _ -> lists:append([[T, Depth] || T <- Terms])
                     end,
              {expand(Fmt, P) ++ FAcc, Args ++ AAcc}
      end, {"", []}, Parts).

%% expand(Fmt, P): Fmt with every "~P" placeholder replaced by P.
expand([$~, $P | T], P) -> P ++ expand(T, P);
expand([C | T], P) -> [C | expand(T, P)];
expand([], _) -> [].

term_directive(#{single_line := Single, depth := Depth, encoding := Enc}) ->
    "~" ++ case Single of true -> "0"; false -> "" end
        ++ case Enc of latin1 -> ""; _ -> "t" end
        ++ case Depth of unlimited -> "p"; _ -> "P" end.

log_lines(#{label := {gen_statem, terminate}, name := Name, queue := Queue,
            postponed := Postponed, modules := Modules, callback_mode := Mode,
            state_enter := Enter, state := State, timeouts := Timeouts, log := Log,
            reason := {Class, Reason, Stack}, client_info := Client}, Opts) ->
    {Reason1, Stack1} = explain_undef(Class, Reason, Stack),
    ModeShown = case Enter of
                    true -> [Mode, state_enter];
                    false -> Mode
                end,
    Parts = [{"** State machine ~P terminating~n", [Name]}]
        ++ case Queue of
               [Last | _] -> [{"** Last event = ~P~n", [Last]}];
               [] -> []
           end
        ++ [{"** When server state  = ~P~n", [State]},
            {"** Reason for termination = ~P:~P~n", [Class, Reason1]},
            {"** Callback modules = ~P~n", [Modules]},
            {"** Callback mode = ~P~n", [ModeShown]}]
        ++ case Queue of
               [_ | [_ | _] = Queued] -> [{"** Queued = ~P~n", [Queued]}];
               _ -> []
           end
        ++ case Postponed of
               [] -> [];
               _ -> [{"** Postponed = ~P~n", [Postponed]}]
           end
        ++ case Stack1 of
               [] -> [];
               _ -> [{"** Stacktrace =~n**  ~P~n", [Stack1]}]
           end
        ++ case Timeouts of
               {0, _} -> [];
               _ -> [{"** Time-outs: ~P~n", [Timeouts]}]
           end
        ++ case Log of
               [] -> [];
               _ -> [{"** Log =~n**  ~P~n", [Log]}]
           end
        ++ case Client of
               undefined -> [];
               {Pid, dead} -> [{"** Client " ++ pid_text(Pid) ++ " is dead~n", []}];
               {Pid, remote} ->
                   [{"** Client " ++ pid_text(Pid) ++ " is remote on node "
                     ++ io_lib:format("~p", [node(Pid)]) ++ "~n", []}];
               {_Pid, {CName, CStack}} ->
                   [{"** Client ~P stacktrace~n** ~P~n", [CName, CStack]}]
           end,
    parts(Parts, Opts).

log_line(#{label := {gen_statem, terminate}, name := Name, queue := Queue, state := State,
           log := Log, reason := {Class, Reason, Stack}, client_info := Client}, Opts) ->
    {Reason1, Stack1} = explain_undef(Class, Reason, Stack),
    Parts = [{"State machine ~P terminating. Reason: ~P", [Name, Reason1]}]
        ++ case Stack1 of
               [] -> [];
               _ -> [{". Stack: ~P", [Stack1]}]
           end
        ++ case Queue of
               [Last | _] -> [{". Last event: ~P", [Last]}];
               [] -> []
           end
        ++ [{". State: ~P", [State]}]
        ++ case Log of
               [] -> [];
               _ -> [{". Log: ~P", [Log]}]
           end
        ++ [{".", []}]
        ++ case Client of
               undefined -> [];
               {Pid, dead} -> [{" Client " ++ pid_text(Pid) ++ " is dead.", []}];
               {Pid, remote} ->
                   [{" Client " ++ pid_text(Pid) ++ " is remote on node "
                     ++ io_lib:format("~0p", [node(Pid)]) ++ ".", []}];
               {_Pid, {CName, CStack}} ->
                   [{" Client ~P stacktrace: ~P.", [CName, lists:sublist(CStack, 4)]}]
           end,
    parts(Parts, Opts).

pid_text(Pid) ->
    escape(pid_to_list(Pid)).

escape([$~ | T]) -> [$~, $~ | escape(T)];
escape([C | T]) -> [C | escape(T)];
escape([]) -> [].

%% explain_undef: an undef of a module that is not loaded or a function
%% that is not exported is reported as such.
explain_undef(error, undef, [{M, F, Args, _} | Rest] = Stack) when is_atom(M), is_atom(F) ->
    case code:is_loaded(M) of
        false ->
            {{'module could not be loaded', M}, Rest};
        _ ->
            Arity = case Args of
                        _ when is_list(Args) -> length(Args);
                        _ -> Args
                    end,
            case erlang:function_exported(M, F, Arity) of
                true -> {undef, Stack};
                false -> {{'function not exported', {M, F, Arity}}, Rest}
            end
    end;
explain_undef(_Class, Reason, Stack) ->
    {Reason, Stack}.

%%% sys callbacks. sys's Misc is {P, S}.

system_continue(Parent, Debug, {P, S}) ->
    loop(P#params{parent = Parent}, Debug, S).

system_terminate(Reason, Parent, Debug, {P, S}) ->
    terminate(exit, Reason, ?STACK, P#params{parent = Parent}, Debug, S, []).

system_code_change({#params{modules = [Module | _] = Modules} = P, S}, _Mod, OldVsn, Extra) ->
    {State, Data} = S#engine.sd,
    Result = try Module:code_change(OldVsn, State, Data, Extra)
             catch throw:Thrown -> Thrown
             end,
    case Result of
        {ok, NState, NData} ->
            case callback_mode(P, Modules) of
                {ok, P1} -> {ok, {P1, S#engine{sd = {NState, NData}}}};
                {error, Class, Reason, Stack} -> erlang:raise(Class, Reason, Stack)
            end;
        {ok, _} = Error ->
            erlang:error({case_clause, Error});
        Error ->
            Error
    end.

system_get_state({_P, S}) ->
    {ok, S#engine.sd}.

system_replace_state(StateFun, {P, S}) ->
    SD = StateFun(S#engine.sd),
    {ok, SD, {P, S#engine{sd = SD}}}.

%% format_status(Opt, StatusData): what sys:get_status/1 shows.
format_status(Opt, [PDict, SysState, Parent, Debug, {P, S}]) ->
    #params{name = Name, modules = [Module | _] = Modules} = P,
    #engine{sd = {State, Data}, postponed = Postponed, timers = Timers} = S,
    {NumTimers, TimerList} = list_timeouts(Timers),
    Status0 = #{state => State, data => Data, postponed => Postponed,
                log => get_log(Debug), timeouts => TimerList},
    Status = case callback_status(Module, Opt, Status0, [PDict, State, Data]) of
                 #{'EXIT' := Why} ->
                     Status0#{'$status' => [{data, [{"State", {State, Why}}]}]};
                 #{'$status' := L} = SM when is_list(L) -> SM;
                 #{'$status' := T} = SM -> SM#{'$status' := [T]};
                 #{state := St, data := D} = SM -> SM#{'$status' => [{data, [{"State", {St, D}}]}]}
             end,
    [{header, status_header("Status for state machine", Name)},
     {data, [{"Status", SysState},
             {"Parent", Parent},
             {"Modules", Modules},
             {"Time-outs", {NumTimers, maps:get(timeouts, Status)}},
             {"Logged Events", maps:get(log, Status)},
             {"Postponed", maps:get(postponed, Status)}]}
     | maps:get('$status', Status)].

status_header(Tag, Pid) when is_pid(Pid) -> lists:concat([Tag, " ", pid_to_list(Pid)]);
status_header(Tag, Name) when is_atom(Name) -> lists:concat([Tag, " ", Name]);
status_header(Tag, Name) -> {Tag, Name}.

%%% sys debugging: events as the callback module sees them.

debug([], _P, _Event) -> [];
debug(Debug, #params{name = Name}, Event) ->
    sys:handle_debug(Debug, fun print_event/3, Name, Event).

print_event(Dev, Event, Name) ->
    case Event of
        {in, E, State} ->
            io:format(Dev, "*DBG* ~tp receive ~ts in state ~tp~n", [Name, event_text(E), State]);
        {out, Reply, {To, _Tag}} ->
            io:format(Dev, "*DBG* ~tp send ~tp to ~tw~n", [Name, Reply, To]);
        {enter, Module, State} ->
            io:format(Dev, "*DBG* ~tp enter ~tp in state ~tp~n", [Name, Module, State]);
        {module, Module, State} ->
            io:format(Dev, "*DBG* ~tp module ~tp in state ~tp~n", [Name, Module, State]);
        {start_timer, Action, State} ->
            io:format(Dev, "*DBG* ~tp start_timer ~tp in state ~tp~n", [Name, Action, State]);
        {insert_timeout, E, State} ->
            io:format(Dev, "*DBG* ~tp insert_timeout ~tp in state ~tp~n", [Name, E, State]);
        {terminate, Reason, State} ->
            io:format(Dev, "*DBG* ~tp terminate ~tp in state ~tp~n", [Name, Reason, State]);
        {Tag, E, State, NState} when Tag =:= postpone; Tag =:= consume ->
            StateText = case NState of
                            State -> io_lib:format("~tp", [State]);
                            _ -> io_lib:format("~tp => ~tp", [State, NState])
                        end,
            io:format(Dev, "*DBG* ~tp ~tw ~ts in state ~ts~n",
                      [Name, Tag, event_text(E), StateText])
    end.

event_text({{call, {Pid, _Tag}}, Request}) ->
    io_lib:format("call ~tp from ~tw", [Request, Pid]);
event_text({Type, Content}) ->
    io_lib:format("~tw ~tp", [Type, Content]).

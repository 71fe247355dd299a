%% supervisor: the supervisor behaviour. A supervisor is a gen_server
%% (this module is its callback module) that traps exits, starts the
%% children its callback module's init/1 describes, and restarts them when
%% they die, following the restart strategy (one_for_one, one_for_all,
%% rest_for_one, simple_one_for_one) and each child's restart type
%% (permanent, transient, temporary). More than Intensity restarts within
%% Period seconds make it give up: it terminates its children and exits
%% with reason shutdown. Problems are logged as supervisor reports.
%%
%% Children are kept newest first, as which_children/1 lists them; they
%% are started oldest first and terminated newest first.
-module(supervisor).
-behaviour(gen_server).

-export([start_link/2, start_link/3, start_child/2, restart_child/2, delete_child/2,
         terminate_child/2, which_children/1, count_children/1, check_childspecs/1,
         check_childspecs/2, get_childspec/2, get_callback_module/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3,
         format_status/2]).

-callback init(Args :: term()) -> term().

-record(child, {pid = undefined, id, mfargs, restart_type, significant = false,
                shutdown, child_type, modules = []}).

-record(state, {name, strategy, children = [], dynamics = #{}, intensity = 1,
                period = 5, restarts = [], auto_shutdown = never, module, args}).

-define(is_s1f1(S), S#state.strategy =:= simple_one_for_one).

%%% API.

start_link(Mod, Args) ->
    gen_server:start_link(?MODULE, {self, Mod, Args}, []).

start_link(SupName, Mod, Args) ->
    gen_server:start_link(SupName, ?MODULE, {SupName, Mod, Args}, []).

start_child(Sup, ChildSpecOrArgs) ->
    call(Sup, {start_child, ChildSpecOrArgs}).

restart_child(Sup, Id) ->
    call(Sup, {restart_child, Id}).

delete_child(Sup, Id) ->
    call(Sup, {delete_child, Id}).

terminate_child(Sup, IdOrPid) ->
    call(Sup, {terminate_child, IdOrPid}).

get_childspec(Sup, IdOrPid) ->
    call(Sup, {get_childspec, IdOrPid}).

which_children(Sup) ->
    call(Sup, which_children).

count_children(Sup) ->
    call(Sup, count_children).

%% get_callback_module(Pid): the supervisor's callback module.
get_callback_module(Pid) ->
    State = sys:get_state(Pid),
    State#state.module.

call(Sup, Req) ->
    gen_server:call(Sup, Req, infinity).

check_childspecs(Specs) ->
    check_childspecs(Specs, undefined).

check_childspecs(Specs, _AutoShutdown) when is_list(Specs) ->
    case check_startspec(Specs) of
        {ok, _} -> ok;
        Error -> {error, Error}
    end;
check_childspecs(X, _AutoShutdown) ->
    {error, {badarg, X}}.

%%% gen_server callbacks.

init({SupName0, Mod, Args}) ->
    process_flag(trap_exit, true),
    SupName = case SupName0 of
                  self -> {self(), Mod};
                  _ -> SupName0
              end,
    case Mod:init(Args) of
        {ok, {SupFlags, StartSpec}} ->
            case init_state(SupName, SupFlags, Mod, Args) of
                {ok, State} when State#state.strategy =:= simple_one_for_one ->
                    init_dynamic(State, StartSpec);
                {ok, State} ->
                    init_children(State, StartSpec);
                Error ->
                    {stop, {supervisor_data, Error}}
            end;
        ignore ->
            ignore;
        Error ->
            {stop, {bad_return, {Mod, init, Error}}}
    end.

init_children(State, StartSpec) ->
    case check_startspec(StartSpec) of
        {ok, Children} ->
            case start_children(Children, State#state.name) of
                {ok, Started} ->
                    {ok, State#state{children = Started}};
                {error, Started, Reason} ->
                    terminate_children(Started, State#state.name),
                    {stop, {shutdown, Reason}}
            end;
        Error ->
            {stop, {start_spec, Error}}
    end.

init_dynamic(State, [StartSpec]) ->
    case check_startspec([StartSpec]) of
        {ok, Children} -> {ok, State#state{children = Children}};
        Error -> {stop, {start_spec, Error}}
    end;
init_dynamic(_State, StartSpec) ->
    {stop, {bad_start_spec, StartSpec}}.

%% start_children(Children, SupName): starts Children (newest first) oldest
%% first. Returns {ok, Children} or {error, ChildrenStarted, Reason}.
start_children(Children, SupName) ->
    start_children(lists:reverse(Children), [], SupName).

start_children([], Done, _SupName) ->
    {ok, Done};
start_children([Child | Rest], Done, SupName) ->
    case do_start_child(SupName, Child) of
        {ok, undefined} when Child#child.restart_type =:= temporary ->
            start_children(Rest, Done, SupName);
        {ok, Pid} ->
            start_children(Rest, [Child#child{pid = Pid} | Done], SupName);
        {ok, Pid, _Extra} ->
            start_children(Rest, [Child#child{pid = Pid} | Done], SupName);
        {error, Reason} ->
            report_error(start_error, Reason, Child, SupName),
            {error, lists:reverse(Rest) ++ [Child | Done],
             {failed_to_start_child, Child#child.id, Reason}}
    end.

do_start_child(_SupName, #child{mfargs = {M, F, Args}}) ->
    start_mfa(M, F, Args).

start_mfa(M, F, Args) ->
    case catch apply(M, F, Args) of
        {ok, Pid} when is_pid(Pid) -> {ok, Pid};
        {ok, Pid, Extra} when is_pid(Pid) -> {ok, Pid, Extra};
        ignore -> {ok, undefined};
        {error, What} -> {error, What};
        What -> {error, What}
    end.

handle_call({start_child, EArgs}, _From, State) when ?is_s1f1(State) ->
    [Child] = State#state.children,
    {M, F, A} = Child#child.mfargs,
    Args = A ++ EArgs,
    case start_mfa(M, F, Args) of
        {ok, undefined} ->
            {reply, {ok, undefined}, State};
        {ok, Pid} ->
            {reply, {ok, Pid}, add_dynamic(Pid, Args, State)};
        {ok, Pid, Extra} ->
            {reply, {ok, Pid, Extra}, add_dynamic(Pid, Args, State)};
        Error ->
            {reply, Error, State}
    end;
handle_call({start_child, ChildSpec}, _From, State) ->
    case check_childspec(ChildSpec) of
        {ok, Child} ->
            {Reply, NState} = handle_start_child(Child, State),
            {reply, Reply, NState};
        What ->
            {reply, {error, What}, State}
    end;
handle_call({terminate_child, Pid}, _From, State) when ?is_s1f1(State), is_pid(Pid) ->
    case State#state.dynamics of
        #{Pid := _} ->
            [Child] = State#state.children,
            do_terminate(Child#child{pid = Pid}, State#state.name),
            {reply, ok, del_dynamic(Pid, State)};
        _ ->
            %% A process that is gone counts as terminated already.
            case is_process_alive(Pid) of
                false -> {reply, ok, State};
                true -> {reply, {error, not_found}, State}
            end
    end;
handle_call({terminate_child, _Id}, _From, State) when ?is_s1f1(State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({terminate_child, IdOrPid}, _From, State) ->
    case find_child(IdOrPid, State) of
        {ok, Child} ->
            Child1 = do_terminate(Child, State#state.name),
            NState = case Child#child.restart_type of
                         temporary -> del_child(Child, State);
                         _ -> replace_child(Child1, State)
                     end,
            {reply, ok, NState};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({restart_child, _Id}, _From, State) when ?is_s1f1(State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({restart_child, Id}, _From, State) ->
    case find_child(Id, State) of
        {ok, #child{pid = undefined} = Child} ->
            case do_start_child(State#state.name, Child) of
                {ok, Pid} ->
                    {reply, {ok, Pid}, replace_child(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {reply, {ok, Pid, Extra}, replace_child(Child#child{pid = Pid}, State)};
                Error ->
                    {reply, Error, State}
            end;
        {ok, #child{pid = {restarting, _}}} ->
            {reply, {error, restarting}, State};
        {ok, _} ->
            {reply, {error, running}, State};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({delete_child, _Id}, _From, State) when ?is_s1f1(State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({delete_child, Id}, _From, State) ->
    case find_child(Id, State) of
        {ok, #child{pid = undefined} = Child} ->
            {reply, ok, del_child(Child, State)};
        {ok, #child{pid = {restarting, _}}} ->
            {reply, {error, restarting}, State};
        {ok, _} ->
            {reply, {error, running}, State};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({get_childspec, Pid}, _From, State) when ?is_s1f1(State) ->
    [Child] = State#state.children,
    case is_pid(Pid) andalso (maps:is_key(Pid, State#state.dynamics)
                              orelse not is_process_alive(Pid)) of
        true -> {reply, {ok, child_to_spec(Child)}, State};
        false -> {reply, {error, not_found}, State}
    end;
handle_call({get_childspec, IdOrPid}, _From, State) ->
    case find_child(IdOrPid, State) of
        {ok, Child} -> {reply, {ok, child_to_spec(Child)}, State};
        error -> {reply, {error, not_found}, State}
    end;
handle_call(which_children, _From, State) when ?is_s1f1(State) ->
    [#child{child_type = T, modules = Mods}] = State#state.children,
    Reply = [{undefined, dyn_pid(Pid, V), T, Mods}
             || {Pid, V} <- lists:sort(maps:to_list(State#state.dynamics))],
    {reply, Reply, State};
handle_call(which_children, _From, State) ->
    Reply = [{Id, child_pid(Pid), T, Mods}
             || #child{pid = Pid, id = Id, child_type = T, modules = Mods} <- State#state.children],
    {reply, Reply, State};
handle_call(count_children, _From, State) when ?is_s1f1(State) ->
    [#child{child_type = T}] = State#state.children,
    N = maps:size(State#state.dynamics),
    Active = length([P || {P, V} <- maps:to_list(State#state.dynamics),
                          not is_tuple(V) orelse element(1, V) =/= restarting,
                          is_process_alive(P)]),
    {Sups, Workers} = case T of
                          supervisor -> {N, 0};
                          worker -> {0, N}
                      end,
    {reply, [{specs, 1}, {active, Active}, {supervisors, Sups}, {workers, Workers}], State};
handle_call(count_children, _From, State) ->
    Cs = State#state.children,
    Active = length([C || #child{pid = P} = C <- Cs, is_pid(P)]),
    Sups = length([C || #child{child_type = supervisor} = C <- Cs]),
    {reply, [{specs, length(Cs)}, {active, Active}, {supervisors, Sups},
             {workers, length(Cs) - Sups}], State};
handle_call(Req, _From, State) ->
    error_report("Supervisor received unexpected message: ~tp~n", [Req]),
    {reply, {error, {unexpected_call, Req}}, State}.

handle_cast({try_again_restart, Key}, State) ->
    case find_restarting(Key, State) of
        {ok, Child} ->
            case restart(Child, State) of
                {ok, NState} -> {noreply, NState};
                {shutdown, NState} -> {stop, shutdown, NState}
            end;
        error ->
            {noreply, State}
    end;
handle_cast(Msg, State) ->
    error_report("Supervisor received unexpected message: ~tp~n", [Msg]),
    {noreply, State}.

handle_info({'EXIT', Pid, Reason}, State) ->
    case restart_child(Pid, Reason, State) of
        {ok, NState} -> {noreply, NState};
        {shutdown, NState} -> {stop, shutdown, NState}
    end;
handle_info(Msg, State) ->
    error_report("Supervisor received unexpected message: ~tp~n", [Msg]),
    {noreply, State}.

terminate(_Reason, State) when ?is_s1f1(State) ->
    [Child] = State#state.children,
    [do_terminate(Child#child{pid = P}, State#state.name)
     || {P, V} <- lists:sort(maps:to_list(State#state.dynamics)), not is_restarting(V)],
    ok;
terminate(_Reason, State) ->
    terminate_children(State#state.children, State#state.name),
    ok.

code_change(_OldVsn, State, _Extra) ->
    {ok, State}.

format_status(_Opt, [_PDict, State]) ->
    State.

%%% Children.

handle_start_child(Child, State) ->
    case find_child(Child#child.id, State) of
        error ->
            case do_start_child(State#state.name, Child) of
                {ok, undefined} when Child#child.restart_type =:= temporary ->
                    {{ok, undefined}, State};
                {ok, Pid} ->
                    {{ok, Pid}, add_child(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {{ok, Pid, Extra}, add_child(Child#child{pid = Pid}, State)};
                {error, What} ->
                    {{error, {What, Child}}, State}
            end;
        {ok, #child{pid = undefined}} ->
            {{error, already_present}, State};
        {ok, #child{pid = Pid}} ->
            {{error, {already_started, Pid}}, State}
    end.

child_pid({restarting, _}) -> restarting;
child_pid(Pid) -> Pid.

dyn_pid(_Pid, {restarting, _}) -> restarting;
dyn_pid(Pid, _) -> Pid.

is_restarting({restarting, _}) -> true;
is_restarting(_) -> false.

add_dynamic(Pid, Args, State) ->
    State#state{dynamics = maps:put(Pid, Args, State#state.dynamics)}.

del_dynamic(Pid, State) ->
    State#state{dynamics = maps:remove(Pid, State#state.dynamics)}.

find_child_by_pid(Pid, State) ->
    case lists:keyfind(Pid, #child.pid, State#state.children) of
        false -> error;
        Child -> {ok, Child}
    end.

find_child(Id, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        false -> error;
        Child -> {ok, Child}
    end.

find_restarting({dynamic, Pid}, State) when ?is_s1f1(State) ->
    case State#state.dynamics of
        #{Pid := {restarting, Args}} ->
            [Child] = State#state.children,
            {M, F, _} = Child#child.mfargs,
            {ok, Child#child{pid = Pid, mfargs = {M, F, Args}}};
        _ ->
            error
    end;
find_restarting(Id, State) ->
    case find_child(Id, State) of
        {ok, #child{pid = {restarting, _}} = Child} -> {ok, Child};
        _ -> error
    end.

add_child(Child, State) ->
    State#state{children = [Child | State#state.children]}.

del_child(Child, State) ->
    State#state{children = lists:keydelete(Child#child.id, #child.id, State#state.children)}.

replace_child(Child, State) ->
    State#state{children = lists:keyreplace(Child#child.id, #child.id,
                                            State#state.children, Child)}.

child_to_spec(#child{id = Id, mfargs = MFA, restart_type = R, significant = Sig,
                     shutdown = Sd, child_type = T, modules = Mods}) ->
    #{id => Id, start => MFA, restart => R, significant => Sig, shutdown => Sd,
      type => T, modules => Mods}.

%%% Restarts.

restart_child(Pid, Reason, State) when ?is_s1f1(State) ->
    case State#state.dynamics of
        #{Pid := Args} when is_list(Args) ->
            [Child] = State#state.children,
            {M, F, _} = Child#child.mfargs,
            do_restart(Reason, Child#child{pid = Pid, mfargs = {M, F, Args}}, State);
        _ ->
            {ok, State}
    end;
restart_child(Pid, Reason, State) ->
    case find_child_by_pid(Pid, State) of
        {ok, Child} -> do_restart(Reason, Child, State);
        error -> {ok, State}
    end.

do_restart(Reason, #child{restart_type = permanent} = Child, State) ->
    report_error(child_terminated, Reason, Child, State#state.name),
    restart(Child, State);
do_restart(Reason, #child{restart_type = transient} = Child, State) ->
    case is_normal(Reason) of
        true ->
            {ok, child_down(Child, State)};
        false ->
            report_error(child_terminated, Reason, Child, State#state.name),
            restart(Child, State)
    end;
do_restart(Reason, #child{restart_type = temporary} = Child, State) ->
    case is_normal(Reason) of
        true -> ok;
        false -> report_error(child_terminated, Reason, Child, State#state.name)
    end,
    {ok, remove_child(Child, State)}.

is_normal(normal) -> true;
is_normal(shutdown) -> true;
is_normal({shutdown, _}) -> true;
is_normal(_) -> false.

%% child_down: a child that ended and stays down.
child_down(Child, State) when ?is_s1f1(State) ->
    del_dynamic(Child#child.pid, State);
child_down(Child, State) ->
    replace_child(Child#child{pid = undefined}, State).

remove_child(Child, State) when ?is_s1f1(State) ->
    del_dynamic(Child#child.pid, State);
remove_child(Child, State) ->
    del_child(Child, State).

restart(Child, State) ->
    case add_restart(State) of
        {ok, NState} ->
            {ok, restart(NState#state.strategy, Child, NState)};
        {terminate, NState} ->
            report_error(shutdown, reached_max_restart_intensity, Child, State#state.name),
            {shutdown, remove_child(Child, NState)}
    end.

restart(simple_one_for_one, Child, State) ->
    #child{pid = OldPid, mfargs = {M, F, Args}} = Child,
    State1 = del_dynamic(OldPid, State),
    case start_mfa(M, F, Args) of
        {ok, undefined} ->
            State1;
        {ok, Pid} ->
            add_dynamic(Pid, Args, State1);
        {ok, Pid, _Extra} ->
            add_dynamic(Pid, Args, State1);
        {error, Reason} ->
            report_error(start_error, Reason, Child, State#state.name),
            try_again({dynamic, OldPid}),
            State#state{dynamics = maps:put(OldPid, {restarting, Args}, State#state.dynamics)}
    end;
restart(one_for_one, Child, State) ->
    case do_start_child(State#state.name, Child) of
        {ok, Pid} ->
            replace_child(Child#child{pid = Pid}, State);
        {ok, Pid, _Extra} ->
            replace_child(Child#child{pid = Pid}, State);
        {error, Reason} ->
            report_error(start_error, Reason, Child, State#state.name),
            try_again(Child#child.id),
            replace_child(Child#child{pid = {restarting, Child#child.pid}}, State)
    end;
restart(one_for_all, Child, State) ->
    Children = lists:keyreplace(Child#child.id, #child.id, State#state.children,
                                Child#child{pid = undefined}),
    restart_group(Children, [], Child, State);
restart(rest_for_one, Child, State) ->
    {After, [_ | Before]} = lists:splitwith(fun(C) -> C#child.id =/= Child#child.id end,
                                            State#state.children),
    restart_group(After ++ [Child#child{pid = undefined}], Before, Child, State).

%% restart_group(Group, Rest, Failed, State): terminates the children of
%% Group (newest first) and starts them again oldest first; Rest are the
%% older children left alone. Temporary children of the group are not
%% started again. When one fails to start, a later attempt is queued.
restart_group(Group, Rest, Failed, State) ->
    Name = State#state.name,
    Stopped = [stop_for_restart(C, Failed, Name) || C <- Group],
    ToStart = [C || C <- Stopped, C#child.restart_type =/= temporary],
    case start_children(ToStart, Name) of
        {ok, Started} ->
            State#state{children = Started ++ Rest};
        {error, Started, {failed_to_start_child, Id, _Reason}} ->
            try_again(Id),
            Marked = [case C#child.id of
                          Id -> C#child{pid = {restarting, undefined}};
                          _ -> C
                      end || C <- Started],
            State#state{children = Marked ++ Rest}
    end.

stop_for_restart(#child{id = Id} = C, #child{id = Id}, _SupName) ->
    C#child{pid = undefined};
stop_for_restart(C, _Failed, SupName) ->
    do_terminate(C, SupName).

try_again(Key) ->
    gen_server:cast(self(), {try_again_restart, Key}).

add_restart(State) ->
    #state{intensity = I, period = P, restarts = R} = State,
    Now = erlang:monotonic_time(second),
    R1 = [Now | [T || T <- R, Now - T < P]],
    NState = State#state{restarts = R1},
    case length(R1) > I of
        true -> {terminate, NState};
        false -> {ok, NState}
    end.

%%% Terminating children.

terminate_children(Children, SupName) ->
    [do_terminate(C, SupName) || C <- Children],
    ok.

%% do_terminate(Child, SupName): shuts the child down as its shutdown
%% setting says; returns the child with no pid.
do_terminate(#child{pid = Pid} = Child, SupName) when is_pid(Pid) ->
    case shutdown(Pid, Child#child.shutdown) of
        ok -> ok;
        {error, normal} when Child#child.restart_type =/= permanent -> ok;
        {error, Reason} -> report_error(shutdown_error, Reason, Child, SupName)
    end,
    Child#child{pid = undefined};
do_terminate(Child, _SupName) ->
    Child#child{pid = undefined}.

shutdown(Pid, brutal_kill) ->
    case monitor_child(Pid) of
        ok ->
            exit(Pid, kill),
            receive
                {'DOWN', _, process, Pid, killed} -> ok;
                {'DOWN', _, process, Pid, Reason} -> {error, Reason}
            end;
        {error, _} = Error ->
            Error
    end;
shutdown(Pid, Time) ->
    case monitor_child(Pid) of
        ok ->
            exit(Pid, shutdown),
            receive
                {'DOWN', _, process, Pid, shutdown} -> ok;
                {'DOWN', _, process, Pid, Reason} -> {error, Reason}
            after Time ->
                    exit(Pid, kill),
                    receive
                        {'DOWN', _, process, Pid, Reason} -> {error, Reason}
                    end
            end;
        {error, _} = Error ->
            Error
    end.

%% monitor_child(Pid): monitors the child and drops the link; a child that
%% died already is reported with the reason it died with.
monitor_child(Pid) ->
    erlang:monitor(process, Pid),
    unlink(Pid),
    receive
        {'EXIT', Pid, Reason} ->
            receive
                {'DOWN', _, process, Pid, _} -> {error, Reason}
            end
    after 0 ->
            ok
    end.

%%% Flags and child specifications.

init_state(SupName, Flags, Mod, Args) when is_map(Flags) ->
    Strategy = maps:get(strategy, Flags, one_for_one),
    Intensity = maps:get(intensity, Flags, 1),
    Period = maps:get(period, Flags, 5),
    AutoShutdown = maps:get(auto_shutdown, Flags, never),
    check_flags(SupName, Strategy, Intensity, Period, AutoShutdown, Mod, Args);
init_state(SupName, {Strategy, Intensity, Period}, Mod, Args) ->
    check_flags(SupName, Strategy, Intensity, Period, never, Mod, Args);
init_state(_SupName, Flags, _Mod, _Args) ->
    {invalid_type, Flags}.

check_flags(SupName, Strategy, Intensity, Period, AutoShutdown, Mod, Args) ->
    ValidStrategy = lists:member(Strategy, [one_for_one, one_for_all, rest_for_one,
                                            simple_one_for_one]),
    ValidAuto = lists:member(AutoShutdown, [never, any_significant, all_significant]),
    if
        not ValidStrategy -> {invalid_strategy, Strategy};
        not (is_integer(Intensity) andalso Intensity >= 0) -> {invalid_intensity, Intensity};
        not (is_integer(Period) andalso Period > 0) -> {invalid_period, Period};
        not ValidAuto -> {invalid_auto_shutdown, AutoShutdown};
        true ->
            {ok, #state{name = SupName, strategy = Strategy, intensity = Intensity,
                        period = Period, auto_shutdown = AutoShutdown,
                        module = Mod, args = Args}}
    end.

%% check_startspec(Specs): {ok, Children} (newest first) or an error term.
check_startspec(Specs) ->
    check_startspec(Specs, []).

check_startspec([Spec | Rest], Acc) ->
    case check_childspec(Spec) of
        {ok, Child} ->
            case lists:keymember(Child#child.id, #child.id, Acc) of
                true -> {duplicate_child_name, Child#child.id};
                false -> check_startspec(Rest, [Child | Acc])
            end;
        Error ->
            Error
    end;
check_startspec([], Acc) ->
    {ok, Acc};
check_startspec(Other, _Acc) ->
    {invalid_child_spec, Other}.

check_childspec(Spec) when is_map(Spec) ->
    case {maps:find(id, Spec), maps:find(start, Spec)} of
        {error, _} ->
            missing_id;
        {_, error} ->
            missing_start;
        {{ok, Id}, {ok, Start}} ->
            Type = maps:get(type, Spec, worker),
            DefShutdown = case Type of
                              supervisor -> infinity;
                              _ -> 5000
                          end,
            DefModules = case Start of
                             {M, _, _} -> [M];
                             _ -> []
                         end,
            check_child(Id, Start, maps:get(restart, Spec, permanent),
                        maps:get(significant, Spec, false),
                        maps:get(shutdown, Spec, DefShutdown), Type,
                        maps:get(modules, Spec, DefModules))
    end;
check_childspec({Id, Start, Restart, Shutdown, Type, Modules}) ->
    check_child(Id, Start, Restart, false, Shutdown, Type, Modules);
check_childspec(Other) ->
    {invalid_child_spec, Other}.

check_child(Id, Start, Restart, Significant, Shutdown, Type, Modules) ->
    Checks = [{valid_mfa(Start), {invalid_mfa, Start}},
              {lists:member(Restart, [permanent, transient, temporary]),
               {invalid_restart_type, Restart}},
              {is_boolean(Significant), {invalid_significant, Significant}},
              {Type =:= worker orelse Type =:= supervisor, {invalid_child_type, Type}},
              {valid_shutdown(Shutdown), {invalid_shutdown, Shutdown}},
              {valid_modules(Modules), {invalid_modules, Modules}}],
    case [E || {false, E} <- Checks] of
        [] ->
            {ok, #child{id = Id, mfargs = Start, restart_type = Restart,
                        significant = Significant, shutdown = Shutdown,
                        child_type = Type, modules = Modules}};
        [E | _] ->
            E
    end.

valid_mfa({M, F, A}) -> is_atom(M) andalso is_atom(F) andalso is_list(A);
valid_mfa(_) -> false.

valid_shutdown(brutal_kill) -> true;
valid_shutdown(infinity) -> true;
valid_shutdown(T) -> is_integer(T) andalso T >= 0.

valid_modules(dynamic) -> true;
valid_modules(Mods) when is_list(Mods) -> lists:all(fun is_atom/1, Mods);
valid_modules(_) -> false.

%%% Reports.

report_error(Context, Reason, Child, SupName) ->
    Text = io_lib:format("    supervisor: ~tp~n    errorContext: ~tp~n    reason: ~tp~n"
                         "    offender: ~tp~n",
                         [SupName, Context, Reason, offender(Child)]),
    logger:report(error, "SUPERVISOR", Text).

offender(#child{pid = Pid, id = Id, mfargs = MFA, restart_type = R, significant = S,
                shutdown = Sd, child_type = T}) ->
    P = case Pid of
            {restarting, Old} -> Old;
            _ -> Pid
        end,
    [{pid, P}, {id, Id}, {mfargs, MFA}, {restart_type, R}, {significant, S},
     {shutdown, Sd}, {child_type, T}].

error_report(Format, Args) ->
    logger:report(error, "ERROR", io_lib:format(Format, Args)).

%% application_controller: the server behind the application module. It
%% keeps the loaded applications (their keys from the .app file and their
%% environment) and the running ones, newest first. kernel and stdlib are
%% there from the start, loaded and running, as in a node started by erl.
%%
%% Starting and stopping an application is done by its application
%% master (application_master); the controller answers the caller when the
%% master reports back, so the application's callbacks may use the
%% application module meanwhile. When a master ends on its own (the
%% application's top supervisor died), the application is reported as
%% exited; a permanent application (or a transient one ending abnormally)
%% takes the runtime down, as it takes the node down in OTP.
%%
%% The server is registered as application_controller and started by the
%% first call that needs it.
-module(application_controller).
-behaviour(gen_server).

-export([ensure_started/0, call/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2,
         code_change/3]).

-define(SERVER, application_controller).

%% loaded: App => #{keys => Keys, env => Env}; order: loaded apps, oldest
%% first; running: [{App, Master, Type}], newest first; pending: the
%% callers waiting for a master, by master pid.
-record(st, {loaded = #{}, order = [], running = [], pending = #{}, env = #{}}).

%% ensure_started(): the controller's pid, starting it if needed.
ensure_started() ->
    case whereis(?SERVER) of
        undefined ->
            case gen_server:start({local, ?SERVER}, ?MODULE, [], []) of
                {ok, Pid} -> Pid;
                {error, {already_started, Pid}} -> Pid
            end;
        Pid ->
            Pid
    end.

call(Req) ->
    gen_server:call(ensure_started(), Req, infinity).

%%% Callbacks.

init([]) ->
    process_flag(trap_exit, true),
    Erts = "ERTS  CXC 138 10",
    Base = [{kernel, Erts, "8.5.3"}, {stdlib, Erts, "4.2"}],
    Loaded = maps:from_list([{A, #{keys => keys(A, [{description, D}, {vsn, V}]), env => []}}
                             || {A, D, V} <- Base]),
    {ok, #st{loaded = Loaded, order = [kernel, stdlib],
             running = [{stdlib, undefined, permanent}, {kernel, undefined, permanent}]}}.

handle_call({load, App, Keys}, _From, St) ->
    case maps:is_key(App, St#st.loaded) of
        true ->
            {reply, {error, {already_loaded, App}}, St};
        false ->
            Env = proplists:get_value(env, Keys, []),
            Old = maps:get(App, St#st.env, []),
            Env1 = lists:foldl(fun({K, V}, E) -> put_env(K, V, E) end, Old, Env),
            Info = #{keys => keys(App, Keys), env => Env1},
            {reply, ok, St#st{loaded = maps:put(App, Info, St#st.loaded),
                              order = St#st.order ++ [App],
                              env = maps:remove(App, St#st.env)}}
    end;
handle_call({unload, App}, _From, St) ->
    case {maps:is_key(App, St#st.loaded), lists:keymember(App, 1, St#st.running)} of
        {false, _} -> {reply, {error, {not_loaded, App}}, St};
        {true, true} -> {reply, {error, {running, App}}, St};
        {true, false} ->
            {reply, ok, St#st{loaded = maps:remove(App, St#st.loaded),
                              order = lists:delete(App, St#st.order)}}
    end;
handle_call({is_loaded, App}, _From, St) ->
    {reply, maps:is_key(App, St#st.loaded), St};
handle_call(loaded_applications, _From, St) ->
    {reply, [{A, key(A, description, St), key(A, vsn, St)} || A <- St#st.order], St};
handle_call(which_applications, _From, St) ->
    {reply, [{A, key(A, description, St), key(A, vsn, St)} || {A, _, _} <- St#st.running], St};
handle_call({get_key, App, Key}, _From, St) ->
    case maps:find(App, St#st.loaded) of
        {ok, #{keys := Keys, env := Env}} ->
            case Key of
                env -> {reply, {ok, Env}, St};
                _ ->
                    case lists:keyfind(Key, 1, Keys) of
                        {_, V} -> {reply, {ok, V}, St};
                        false -> {reply, undefined, St}
                    end
            end;
        error ->
            {reply, undefined, St}
    end;
handle_call({get_all_key, App}, _From, St) ->
    case maps:find(App, St#st.loaded) of
        {ok, #{keys := Keys, env := Env}} ->
            {reply, {ok, lists:keyreplace(env, 1, Keys, {env, Env})}, St};
        error ->
            {reply, undefined, St}
    end;
handle_call({get_env, App, Key}, _From, St) ->
    case lists:keyfind(Key, 1, env_of(App, St)) of
        {_, V} -> {reply, {ok, V}, St};
        false -> {reply, undefined, St}
    end;
handle_call({get_all_env, App}, _From, St) ->
    {reply, env_of(App, St), St};
handle_call({set_env, App, Key, Val}, _From, St) ->
    {reply, ok, update_env(App, fun(E) -> put_env(Key, Val, E) end, St)};
handle_call({unset_env, App, Key}, _From, St) ->
    {reply, ok, update_env(App, fun(E) -> lists:keydelete(Key, 1, E) end, St)};
handle_call({application_of_master, Master}, _From, St) ->
    case {lists:keyfind(Master, 2, St#st.running), maps:find(Master, St#st.pending)} of
        {{App, _, _}, _} when is_pid(Master) -> {reply, {ok, App}, St};
        {_, {ok, {_, _, App, _}}} -> {reply, {ok, App}, St};
        _ -> {reply, undefined, St}
    end;
handle_call({application_of_module, Mod}, _From, St) ->
    Apps = [A || A <- St#st.order, lists:member(Mod, key(A, modules, St))],
    case Apps of
        [A | _] -> {reply, {ok, A}, St};
        [] -> {reply, undefined, St}
    end;
handle_call({start, App, Type}, From, St) ->
    case {maps:find(App, St#st.loaded), lists:keymember(App, 1, St#st.running)} of
        {error, _} ->
            {reply, {error, {not_loaded, App}}, St};
        {_, true} ->
            {reply, {error, {already_started, App}}, St};
        {{ok, _}, false} ->
            Deps = key(App, applications, St),
            case [D || D <- Deps, not lists:keymember(D, 1, St#st.running)] of
                [Missing | _] ->
                    {reply, {error, {not_started, Missing}}, St};
                [] ->
                    case key(App, mod, St) of
                        {Mod, Args} ->
                            Master = application_master:start(self(), App, Mod, Args),
                            erlang:monitor(process, Master),
                            Pending = maps:put(Master, {start, From, App, Type}, St#st.pending),
                            {noreply, St#st{pending = Pending}};
                        _ ->
                            {reply, ok, St#st{running = [{App, undefined, Type} | St#st.running]}}
                    end
            end
    end;
handle_call({stop, App}, From, St) ->
    case lists:keyfind(App, 1, St#st.running) of
        false ->
            {reply, {error, {not_started, App}}, St};
        {App, undefined, Type} ->
            report_exit(App, stopped, Type),
            {reply, ok, St#st{running = lists:keydelete(App, 1, St#st.running)}};
        {App, Master, Type} ->
            Master ! {stop, self()},
            Pending = maps:put(Master, {stop, From, App, Type}, St#st.pending),
            Running = lists:keydelete(App, 1, St#st.running),
            {noreply, St#st{pending = Pending, running = Running}}
    end.

handle_cast(_Msg, St) ->
    {noreply, St}.

handle_info({started, Master, Result}, St) ->
    case maps:take(Master, St#st.pending) of
        {{start, From, App, Type}, Pending} ->
            case Result of
                ok ->
                    gen_server:reply(From, ok),
                    {noreply, St#st{pending = Pending,
                                    running = [{App, Master, Type} | St#st.running]}};
                {error, Reason} ->
                    gen_server:reply(From, {error, Reason}),
                    report_exit(App, Reason, Type),
                    {noreply, St#st{pending = Pending}}
            end;
        error ->
            {noreply, St}
    end;
handle_info({stopped, Master}, St) ->
    case maps:take(Master, St#st.pending) of
        {{stop, From, App, Type}, Pending} ->
            gen_server:reply(From, ok),
            report_exit(App, stopped, Type),
            {noreply, St#st{pending = Pending}};
        error ->
            {noreply, St}
    end;
handle_info({'DOWN', _, process, Master, Reason}, St) ->
    case maps:take(Master, St#st.pending) of
        {{start, From, App, Type}, Pending} ->
            gen_server:reply(From, {error, {Reason, App}}),
            report_exit(App, Reason, Type),
            {noreply, St#st{pending = Pending}};
        {{stop, _, _, _}, _} ->
            {noreply, St};
        error ->
            case lists:keyfind(Master, 2, St#st.running) of
                {App, Master, Type} ->
                    report_exit(App, Reason, Type),
                    St1 = St#st{running = lists:keydelete(App, 1, St#st.running)},
                    case Type =:= permanent orelse (Type =:= transient andalso Reason =/= normal) of
                        true -> erlang:halt(1);
                        false -> ok
                    end,
                    {noreply, St1};
                false ->
                    {noreply, St}
            end
    end;
handle_info(_Msg, St) ->
    {noreply, St}.

terminate(_Reason, _St) ->
    ok.

code_change(_Old, St, _Extra) ->
    {ok, St}.

%%% Helpers.

%% keys(App, Keys): every key of an application, in the order
%% get_all_key/1 lists them, with the defaults of missing ones.
keys(_App, Keys) ->
    Get = fun(K, Def) -> proplists:get_value(K, Keys, Def) end,
    [{description, Get(description, "")},
     {id, Get(id, [])},
     {vsn, Get(vsn, "")},
     {modules, Get(modules, [])},
     {maxP, Get(maxP, infinity)},
     {maxT, Get(maxT, infinity)},
     {registered, Get(registered, [])},
     {included_applications, Get(included_applications, [])},
     {optional_applications, Get(optional_applications, [])},
     {applications, Get(applications, [])},
     {env, []},
     {mod, Get(mod, [])},
     {start_phases, Get(start_phases, undefined)}].

key(App, Key, St) ->
    case maps:find(App, St#st.loaded) of
        {ok, #{keys := Keys}} ->
            case lists:keyfind(Key, 1, Keys) of
                {_, V} -> V;
                false -> undefined
            end;
        error ->
            undefined
    end.

env_of(App, St) ->
    case maps:find(App, St#st.loaded) of
        {ok, #{env := Env}} -> Env;
        error -> maps:get(App, St#st.env, [])
    end.

update_env(App, F, St) ->
    case maps:find(App, St#st.loaded) of
        {ok, #{env := Env} = Info} ->
            St#st{loaded = maps:put(App, Info#{env := F(Env)}, St#st.loaded)};
        error ->
            St#st{env = maps:put(App, F(maps:get(App, St#st.env, [])), St#st.env)}
    end.

%% put_env: a new key goes first (OTP lists the environment that way for
%% small ones).
put_env(K, V, Env) ->
    case lists:keymember(K, 1, Env) of
        true -> lists:keyreplace(K, 1, Env, {K, V});
        false -> [{K, V} | Env]
    end.

report_exit(App, Reason, Type) ->
    Text = io_lib:format("    application: ~tp~n    exited: ~tp~n    type: ~tp~n",
                         [App, Reason, Type]),
    logger:report(notice, "INFO", Text).

%% application: loading, starting and stopping applications, and their
%% keys and environment. An application is loaded from its resource file
%% Name.app, found in a directory of the code path (or given as
%% {application, Name, Keys}); starting it starts the applications it
%% depends on first (ensure_all_started) or requires them running (start),
%% then calls Module:start(normal, Args) of its mod key. The state lives
%% in application_controller; each running application has an
%% application_master.
-module(application).

-export([load/1, load/2, unload/1, start/1, start/2, stop/1,
         ensure_started/1, ensure_started/2, ensure_all_started/1, ensure_all_started/2,
         which_applications/0, which_applications/1, loaded_applications/0,
         get_key/1, get_key/2, get_all_key/0, get_all_key/1,
         get_env/1, get_env/2, get_env/3, get_all_env/0, get_all_env/1,
         set_env/1, set_env/2, set_env/3, set_env/4, unset_env/2, unset_env/3,
         get_application/0, get_application/1, start_type/0]).

-callback start(StartType :: term(), StartArgs :: term()) -> term().
-callback stop(State :: term()) -> term().

-define(AC, application_controller).

%%% Loading.

load(App) ->
    load(App, []).

load({application, Name, Keys}, _Distributed) when is_atom(Name), is_list(Keys) ->
    ?AC:call({load, Name, Keys});
load(Name, _Distributed) when is_atom(Name) ->
    case ?AC:call({is_loaded, Name}) of
        true ->
            {error, {already_loaded, Name}};
        false ->
            case read_app_file(Name) of
                {ok, Keys} -> ?AC:call({load, Name, Keys});
                Error -> Error
            end
    end.

%% read_app_file(Name): the keys of Name.app, found on the code path.
read_app_file(Name) ->
    File = atom_to_list(Name) ++ ".app",
    case code:where_is_file(File) of
        non_existing ->
            {error, {"no such file or directory", File}};
        Full ->
            case file:consult(Full) of
                {ok, [{application, Name, Keys}]} when is_list(Keys) ->
                    {ok, Keys};
                {ok, Terms} ->
                    {error, {bad_application, Terms}};
                {error, Reason} ->
                    {error, {Reason, File}}
            end
    end.

unload(App) ->
    ?AC:call({unload, App}).

%%% Starting and stopping.

start(App) ->
    start(App, temporary).

start(App, Type) when Type =:= temporary; Type =:= transient; Type =:= permanent ->
    case ensure_loaded(App) of
        ok -> ?AC:call({start, App, Type});
        Error -> Error
    end.

ensure_loaded(App) ->
    case load(App) of
        ok -> ok;
        {error, {already_loaded, App}} -> ok;
        Error -> Error
    end.

stop(App) ->
    ?AC:call({stop, App}).

ensure_started(App) ->
    ensure_started(App, temporary).

ensure_started(App, Type) ->
    case start(App, Type) of
        ok -> ok;
        {error, {already_started, App}} -> ok;
        Error -> Error
    end.

%% ensure_all_started(App[, Type]): starts App and, first, the
%% applications it depends on. {ok, Started} lists those this call
%% started, in order; on an error they are stopped again.
ensure_all_started(App) ->
    ensure_all_started(App, temporary).

ensure_all_started(App, Type) ->
    case start_all(App, Type, []) of
        {ok, Started} ->
            {ok, lists:reverse(Started)};
        {error, Reason, Started} ->
            [stop(A) || A <- Started],
            {error, Reason}
    end.

start_all(App, Type, Started) ->
    case ensure_loaded(App) of
        ok ->
            case is_running(App) of
                true ->
                    {ok, Started};
                false ->
                    {ok, Deps} = get_key(App, applications),
                    case start_deps(Deps, Type, Started) of
                        {ok, Started1} ->
                            case start(App, Type) of
                                ok -> {ok, [App | Started1]};
                                {error, {already_started, App}} -> {ok, Started1};
                                {error, Reason} -> {error, {App, Reason}, Started1}
                            end;
                        Error ->
                            Error
                    end
            end;
        {error, Reason} ->
            {error, {App, Reason}, Started}
    end.

start_deps([], _Type, Started) ->
    {ok, Started};
start_deps([Dep | Deps], Type, Started) ->
    case start_all(Dep, Type, Started) of
        {ok, Started1} -> start_deps(Deps, Type, Started1);
        Error -> Error
    end.

is_running(App) ->
    lists:keymember(App, 1, which_applications()).

%%% Information.

which_applications() ->
    ?AC:call(which_applications).

which_applications(_Timeout) ->
    which_applications().

loaded_applications() ->
    ?AC:call(loaded_applications).

get_key(Key) ->
    case get_application() of
        {ok, App} -> get_key(App, Key);
        undefined -> undefined
    end.

get_key(App, Key) ->
    ?AC:call({get_key, App, Key}).

get_all_key() ->
    case get_application() of
        {ok, App} -> get_all_key(App);
        undefined -> undefined
    end.

get_all_key(App) ->
    ?AC:call({get_all_key, App}).

get_env(Key) ->
    case get_application() of
        {ok, App} -> get_env(App, Key);
        undefined -> undefined
    end.

get_env(App, Key) ->
    ?AC:call({get_env, App, Key}).

get_env(App, Key, Default) ->
    case get_env(App, Key) of
        {ok, Val} -> Val;
        undefined -> Default
    end.

get_all_env() ->
    case get_application() of
        {ok, App} -> get_all_env(App);
        undefined -> []
    end.

get_all_env(App) ->
    ?AC:call({get_all_env, App}).

%% set_env(Config): Config is [{App, [{Key, Value}]}].
set_env(Config) ->
    set_env(Config, []).

set_env(Config, _Opts) when is_list(Config) ->
    [set_env(App, K, V) || {App, Env} <- Config, {K, V} <- Env],
    ok.

set_env(App, Key, Val) ->
    ?AC:call({set_env, App, Key, Val}).

set_env(App, Key, Val, _Opts) ->
    set_env(App, Key, Val).

unset_env(App, Key) ->
    ?AC:call({unset_env, App, Key}).

unset_env(App, Key, _Opts) ->
    unset_env(App, Key).

%% get_application(): the application the calling process belongs to,
%% found through its group leader (the application's master).
get_application() ->
    ?AC:call({application_of_master, group_leader()}).

get_application(Pid) when is_pid(Pid) ->
    case erlang:process_info(Pid, group_leader) of
        {group_leader, GL} -> ?AC:call({application_of_master, GL});
        undefined -> undefined
    end;
get_application(Module) when is_atom(Module) ->
    ?AC:call({application_of_module, Module}).

start_type() ->
    undefined.

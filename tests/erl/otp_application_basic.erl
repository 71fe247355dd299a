-module(otp_application_basic).
-behaviour(application).
-behaviour(supervisor).
-export([main/0, start/2, prep_stop/1, stop/1, init/1, start_worker/1, worker/1]).

%% application: an application whose resource file
%% (otp_application_basic.app, next to this module's beam) lists a
%% dependency, with load, keys and environment (get_key, get_all_key,
%% get_env, set_env, unset_env), start (needing the dependency first),
%% ensure_started, ensure_all_started (starting the dependency), the
%% callbacks start/2, prep_stop/1 and stop/1, which_applications,
%% get_application from inside and outside the application, io from the
%% application's processes (through its master), stop, unload, and the
%% errors for a missing resource file, a failing start/2, a bad return
%% and a dependency that fails. The application ends when its top
%% supervisor dies. The logger's default handler is removed: erl prints
%% no reports.

main() ->
    logger:remove_handler(default),
    register(app_main, self()),
    keys_and_env(),
    starting(),
    failures(),
    top_supervisor_dies(),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

running() ->
    [A || {A, _, _} <- application:which_applications(),
          lists:prefix("otp_application_basic", atom_to_list(A))].

%%% Callbacks.

start(normal, fail) ->
    {error, start_failed};
start(normal, bad) ->
    not_a_start_result;
start(normal, [Which]) ->
    io:format("start/2 of ~p: application ~p~n", [Which, application:get_application()]),
    {ok, Sup} = supervisor:start_link(?MODULE, Which),
    {ok, Sup, {state, Which}}.

prep_stop(State) ->
    io:format("prep_stop/1: ~p~n", [State]),
    {prepped, State}.

stop(State) ->
    io:format("stop/1: ~p~n", [State]),
    ok.

init(Which) ->
    {ok, {#{}, [#{id => worker, start => {?MODULE, start_worker, [Which]}}]}}.

start_worker(Which) ->
    {ok, proc_lib:spawn_link(?MODULE, worker, [Which])}.

worker(Which) ->
    receive
        {report, From} ->
            From ! {report, Which, application:get_application(),
                    application:get_env(colour), application:get_env(depth),
                    application:get_key(vsn)},
            worker(Which);
        print ->
            io:format("worker ~p prints through its group leader~n", [Which]),
            app_main ! printed,
            worker(Which);
        die ->
            exit(died)
    end.

%%% Tests.

keys_and_env() ->
    App = otp_application_basic,
    p("loaded before", lists:keymember(App, 1, application:loaded_applications())),
    p("get_key before load", application:get_key(App, vsn)),
    p("load", application:load(App)),
    p("load again", application:load(App)),
    p("loaded", lists:keymember(App, 1, application:loaded_applications())),
    p("description", application:get_key(App, description)),
    p("vsn", application:get_key(App, vsn)),
    p("applications", application:get_key(App, applications)),
    p("mod", application:get_key(App, mod)),
    p("registered", application:get_key(App, registered)),
    p("missing key", application:get_key(App, nosuch)),
    {ok, AllKeys} = application:get_all_key(App),
    p("all keys", [K || {K, _} <- AllKeys]),
    p("all keys env", lists:sort(proplists:get_value(env, AllKeys))),
    p("get_env", application:get_env(App, colour)),
    p("get_env missing", application:get_env(App, nosuch)),
    p("get_env/3", application:get_env(App, nosuch, default)),
    p("get_env/3 present", application:get_env(App, sizes, default)),
    p("get_all_env", lists:sort(application:get_all_env(App))),
    p("set_env", application:set_env(App, colour, red)),
    p("get_env after set", application:get_env(App, colour)),
    p("set_env new", application:set_env(App, shape, round)),
    p("unset_env", application:unset_env(App, shape)),
    p("get_env after unset", application:get_env(App, shape)),
    p("get_env/1 outside", application:get_env(colour)),
    p("get_application outside", application:get_application()),
    p("get_application of module", application:get_application(?MODULE)),
    p("unload", application:unload(App)),
    p("unload again", application:unload(App)),
    p("get_env after unload", application:get_env(App, colour)),
    p("load from a term", application:load({application, otp_application_basic_term,
                                             [{vsn, "9"}, {env, [{k, v}]}]})),
    p("term env", application:get_env(otp_application_basic_term, k)),
    p("term description", application:get_key(otp_application_basic_term, description)),
    p("kernel loaded", lists:keymember(kernel, 1, application:loaded_applications())),
    p("kernel running", lists:keymember(kernel, 1, application:which_applications())),
    p("start kernel", application:start(kernel)),
    p("ensure_started stdlib", application:ensure_started(stdlib)),
    ok.

starting() ->
    App = otp_application_basic,
    p("start without its dependency", application:start(App)),
    p("ensure_all_started", application:ensure_all_started(App)),
    p("running", running()),
    p("start again", application:start(App)),
    p("ensure_started", application:ensure_started(App)),
    p("ensure_all_started again", application:ensure_all_started(App)),
    {_, Desc, Vsn} = lists:keyfind(App, 1, application:which_applications()),
    p("which_applications entry", {Desc, Vsn}),
    Sup = whereis_sup(App),
    [{worker, W, worker, _}] = supervisor:which_children(Sup),
    W ! {report, self()},
    receive {report, Which, GA, Env1, Env2, Vsn1} -> p("inside", {Which, GA, Env1, Env2, Vsn1})
    after 5000 -> p("inside", timeout)
    end,
    W ! print,
    receive printed -> ok after 5000 -> p("print", timeout) end,
    p("get_application of a worker", application:get_application(W)),
    p("stop the dependency first", application:stop(otp_application_basic_dep)),
    p("running", running()),
    p("stop", application:stop(App)),
    p("worker gone", is_process_alive(W)),
    p("stop again", application:stop(App)),
    p("running", running()),
    p("still loaded", lists:keymember(App, 1, application:loaded_applications())),
    p("start", application:start(App)),
    p("stop", application:stop(App)),
    ok.

%% whereis_sup(App): the top supervisor, found through the application's
%% processes: the supervisor whose callback module is this one.
whereis_sup(App) ->
    Procs = [P || P <- processes(), application:get_application(P) =:= {ok, App}],
    hd([P || P <- Procs,
             case erlang:process_info(P, dictionary) of
                 {dictionary, D} -> lists:keyfind('$initial_call', 1, D) =:= {'$initial_call', {supervisor, ?MODULE, 1}};
                 _ -> false
             end]).

failures() ->
    p("start missing", application:start(otp_application_basic_nosuch)),
    p("load missing", application:load(otp_application_basic_nosuch)),
    p("ensure_all_started missing", application:ensure_all_started(otp_application_basic_nosuch)),
    p("start failing", application:start(otp_application_basic_fail)),
    p("start bad return", application:start(otp_application_basic_bad)),
    p("running", running()),
    p("ensure_all_started failing dependency", application:ensure_all_started(otp_application_basic_chain)),
    p("running", running()),
    p("stop not started", application:stop(otp_application_basic_chain)),
    ok.

top_supervisor_dies() ->
    App = otp_application_basic_dep,
    {ok, Started} = application:ensure_all_started(App),
    p("started", Started),
    Sup = whereis_dep_sup(App),
    Ref = erlang:monitor(process, Sup),
    exit(Sup, kill),
    R = receive {'DOWN', Ref, process, Sup, R0} -> R0 after 5000 -> timeout end,
    %% The application's prep_stop/1 and stop/1 print before it is gone.
    wait_not_running(App, 100),
    p("top supervisor", R),
    p("running after the top supervisor died", running()),
    p("still loaded", lists:keymember(App, 1, application:loaded_applications())),
    p("start again", application:start(App)),
    p("stop", application:stop(App)),
    ok.

whereis_dep_sup(App) ->
    Procs = [P || P <- processes(), application:get_application(P) =:= {ok, App}],
    hd([P || P <- Procs,
             case erlang:process_info(P, dictionary) of
                 {dictionary, D} -> lists:keyfind('$initial_call', 1, D) =:= {'$initial_call', {supervisor, ?MODULE, 1}};
                 _ -> false
             end]).

wait_not_running(_App, 0) -> ok;
wait_not_running(App, N) ->
    case lists:keymember(App, 1, application:which_applications()) of
        true -> timer:sleep(10), wait_not_running(App, N - 1);
        false -> ok
    end.

-module(stdlib_otp_supervisor).
-behaviour(supervisor).
-export([main/0, service/0, init/1, start_worker/1]).
-export([handle_call/3, handle_cast/2]).

%% supervisor and gen_server from OTP's beams: a supervised service whose
%% gen_server workers crash and are restarted (one_for_one, one_for_all,
%% rest_for_one), children added, stopped, restarted and deleted at run
%% time, temporary and transient children, and a supervisor that gives up
%% when restarts come too often. service/0 leaves the logger's reports on
%% (they go to standard error); main/0 turns them off so that its output
%% is the same on every run. Later releases print maps in another order.
%% beamr: later-runtime-differs

%%% Supervisors (init/1 of a {Strategy, Intensity, Children} argument)
%%% and their workers (init/1 of {worker, Id}): gen_servers registered
%%% under their id that count how often they were started.

init({Strategy, Intensity, Children}) ->
    {ok, {#{strategy => Strategy, intensity => Intensity, period => 10},
          [child(Id, Restart) || {Id, Restart} <- Children]}};
init({worker, Id}) ->
    N = persistent_term:get({?MODULE, Id}, 0) + 1,
    persistent_term:put({?MODULE, Id}, N),
    {ok, Id}.

child(Id, Restart) ->
    #{id => Id, start => {?MODULE, start_worker, [Id]}, restart => Restart}.

start_worker(Id) ->
    gen_server:start_link({local, Id}, ?MODULE, {worker, Id}, []).

handle_call(starts, _From, Id) ->
    {reply, persistent_term:get({?MODULE, Id}), Id};
handle_call(crash, _From, _Id) ->
    error(boom).

handle_cast({exit, Reason}, _Id) ->
    exit(Reason).

starts(Id) ->
    gen_server:call(Id, starts).

%% crash(Id, How) makes worker Id fail (an error in a call) or exit with
%% a reason, and waits until a new worker is registered under Id, or not.
crash(Id, How) ->
    Pid = whereis(Id),
    Ref = monitor(process, Pid),
    case How of
        error -> try gen_server:call(Id, crash) catch exit:_ -> ok end;
        Reason -> gen_server:cast(Id, {exit, Reason})
    end,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    wait_registered(Id, 50).

wait_registered(_Id, 0) ->
    gone;
wait_registered(Id, N) ->
    case whereis(Id) of
        undefined -> timer:sleep(10), wait_registered(Id, N - 1);
        _ -> restarted
    end.

show(Label, V) ->
    io:format("~s: ~p~n", [Label, V]).

ids(Sup) ->
    [{Id, Type, is_pid(P)} || {Id, P, Type, _} <- supervisor:which_children(Sup)].

%%% The tests.

service() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, {one_for_one, 3, [{w1, permanent}, {w2, permanent}]}),
    show("children", ids(Sup)),
    show("w1 starts", starts(w1)),
    show("crash w1", crash(w1, error)),
    show("w1 starts", starts(w1)),
    show("w2 starts", starts(w2)),
    show("count", supervisor:count_children(Sup)),
    unlink(Sup),
    exit(Sup, shutdown),
    ok.

main() ->
    logger:remove_handler(default),
    process_flag(trap_exit, true),
    service(),
    timer:sleep(50),
    [persistent_term:erase({?MODULE, Id}) || Id <- [w1, w2]],

    {ok, All} = supervisor:start_link(?MODULE, {one_for_all, 3, [{a1, permanent}, {a2, permanent}]}),
    show("one_for_all crash a1", crash(a1, boom)),
    timer:sleep(20),
    show("one_for_all starts", {starts(a1), starts(a2)}),
    exit(All, shutdown),
    receive {'EXIT', All, _} -> ok end,

    {ok, Rest} = supervisor:start_link(?MODULE, {rest_for_one, 3, [{r1, permanent}, {r2, permanent}, {r3, permanent}]}),
    show("rest_for_one crash r2", crash(r2, boom)),
    timer:sleep(20),
    show("rest_for_one starts", {starts(r1), starts(r2), starts(r3)}),

    show("start_child", element(1, supervisor:start_child(Rest, child(r4, temporary)))),
    show("start_child dup", element(1, supervisor:start_child(Rest, child(r4, temporary)))),
    show("children", ids(Rest)),
    show("terminate_child", supervisor:terminate_child(Rest, r3)),
    show("r3 stopped", [{Id, P} || {Id, P, _, _} <- supervisor:which_children(Rest), Id =:= r3]),
    show("restart_child", element(1, supervisor:restart_child(Rest, r3))),
    show("r3 starts", starts(r3)),
    show("delete running", supervisor:delete_child(Rest, r3)),
    ok = supervisor:terminate_child(Rest, r3),
    show("delete_child", supervisor:delete_child(Rest, r3)),
    show("crash temporary", crash(r4, boom)),
    show("temporary gone", [Id || {Id, _, _, _} <- supervisor:which_children(Rest), Id =:= r4]),
    show("get_childspec", supervisor:get_childspec(Rest, r1)),
    show("check_childspecs", supervisor:check_childspecs([child(x, permanent), #{id => y}])),
    show("count", supervisor:count_children(Rest)),
    exit(Rest, shutdown),
    receive {'EXIT', Rest, _} -> ok end,

    {ok, Tr} = supervisor:start_link(?MODULE, {one_for_one, 3, [{t1, transient}]}),
    show("transient normal exit", crash(t1, normal)),
    show("transient kept", ids(Tr)),
    exit(Tr, shutdown),
    receive {'EXIT', Tr, _} -> ok end,

    {ok, Fragile} = supervisor:start_link(?MODULE, {one_for_one, 1, [{f1, permanent}]}),
    crash(f1, boom),
    gen_server:cast(f1, {exit, boom}),
    show("too many restarts", receive {'EXIT', Fragile, Why} -> Why after 2000 -> none end),
    ok.

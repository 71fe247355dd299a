-module(otp_supervisor_strategies).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/1, start_worker/2, worker_init/2]).

%% supervisor: restart strategies (one_for_one, one_for_all,
%% rest_for_one) and the order children are started and terminated in,
%% restart types (permanent, transient, temporary) with normal and abnormal
%% exits, the restart intensity (the supervisor gives up with reason
%% shutdown), termination of the children when the supervisor stops,
%% brutal_kill and shutdown timeouts, and nested supervisors. Every worker
%% tells the test process when it starts and when it is shut down. The
%% logger's default handler is removed: erl prints no reports.

-define(T, 5000).

main() ->
    logger:remove_handler(default),
    register(sup_main, self()),
    process_flag(trap_exit, true),
    one_for_one(),
    one_for_all(),
    rest_for_one(),
    restart_types(),
    intensity(),
    stopping(),
    shutdowns(),
    nested(),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

tell(X) -> sup_main ! {event, X}.

events() ->
    receive {event, X} -> [X | events()] after 100 -> [] end.

%%% Workers. A worker traps exits, so a shutdown reaches it as a message;
%%% it reports it and exits with the same reason. With ignore_shutdown it
%%% keeps running instead.

start_worker(Id) ->
    start_worker(Id, []).

start_worker(Id, Opts) ->
    proc_lib:start_link(?MODULE, worker_init, [Id, Opts]).

worker_init(Id, Opts) ->
    process_flag(trap_exit, true),
    tell({started, Id}),
    case lists:member(fail_start, Opts) of
        true -> proc_lib:init_ack({error, failed});
        false -> proc_lib:init_ack({ok, self()}), worker_loop(Id, Opts)
    end.

worker_loop(Id, Opts) ->
    receive
        {'EXIT', _, R} ->
            case lists:member(ignore_shutdown, Opts) of
                true -> tell({ignoring, Id, R}), worker_loop(Id, Opts);
                false -> tell({stopped, Id, R}), exit(R)
            end;
        {die, R} ->
            exit(R)
    end.

%%% The supervisor callback: init's argument is {Flags, Specs}.

init({Flags, Specs}) -> {ok, {Flags, Specs}}.

spec(Id) -> spec(Id, #{}).
spec(Id, Extra) -> maps:merge(#{id => Id, start => {?MODULE, start_worker, [Id]}}, Extra).

pids(Sup) -> [{Id, P} || {Id, P, _, _} <- supervisor:which_children(Sup)].

kill(Sup, Id, Reason) ->
    {Id, P} = lists:keyfind(Id, 1, pids(Sup)),
    P ! {die, Reason},
    P.

wait_dead(P) ->
    Ref = erlang:monitor(process, P),
    receive {'DOWN', Ref, process, P, R} -> R after ?T -> timeout end.

show(Sup) ->
    [{Id, if is_pid(P) -> pid; true -> P end} || {Id, P} <- pids(Sup)].

stop_sup(Sup) ->
    unlink(Sup),
    Ref = erlang:monitor(process, Sup),
    exit(Sup, shutdown),
    R = receive {'DOWN', Ref, process, Sup, Why} -> Why after 5000 -> timeout end,
    events(),
    R.

group(Strategy) ->
    {ok, Sup} = supervisor:start_link(?MODULE, {#{strategy => Strategy, intensity => 10},
                                                [spec(a), spec(b), spec(c)]}),
    p(atom_to_list(Strategy) ++ " started", events()),
    p("children", show(Sup)),
    Before = pids(Sup),
    kill(Sup, b, boom),
    p("after b dies", events()),
    After = pids(Sup),
    p("pids changed", [{Id, P =/= element(2, lists:keyfind(Id, 1, Before))} || {Id, P} <- After]),
    Sup.

one_for_one() ->
    Sup = group(one_for_one),
    p("stopped", stop_sup(Sup)).

one_for_all() ->
    Sup = group(one_for_all),
    p("stopped", stop_sup(Sup)).

rest_for_one() ->
    Sup = group(rest_for_one),
    kill(Sup, c, boom),
    p("after c dies", events()),
    kill(Sup, a, boom),
    p("after a dies", events()),
    p("stopped", stop_sup(Sup)).

restart_types() ->
    {ok, Sup} = supervisor:start_link(?MODULE, {#{intensity => 10},
                                                [spec(p1, #{restart => permanent}),
                                                 spec(p2, #{restart => permanent}),
                                                 spec(t1, #{restart => transient}),
                                                 spec(t2, #{restart => transient}),
                                                 spec(t3, #{restart => transient}),
                                                 spec(m1, #{restart => temporary}),
                                                 spec(m2, #{restart => temporary})]}),
    events(),
    [begin
         P = kill(Sup, Id, R),
         wait_dead(P),
         p(io_lib:format("~p exits ~p", [Id, R]), events())
     end || {Id, R} <- [{p1, normal}, {p2, boom}, {t1, normal}, {t2, {shutdown, x}},
                        {t3, boom}, {m1, normal}, {m2, boom}]],
    p("children", show(Sup)),
    p("count", supervisor:count_children(Sup)),
    p("stopped", stop_sup(Sup)).

intensity() ->
    {ok, Sup} = supervisor:start_link(?MODULE, {{one_for_one, 2, 10}, [spec(a), spec(b)]}),
    events(),
    kill(Sup, a, boom1),
    p("first restart", events()),
    kill(Sup, a, boom2),
    p("second restart", events()),
    kill(Sup, a, boom3),
    p("too many restarts", events()),
    receive {'EXIT', Sup, R} -> p("supervisor exit", R) after ?T -> p("supervisor exit", timeout) end,
    {ok, Sup0} = supervisor:start_link(?MODULE, {#{intensity => 0}, [spec(a), spec(b)]}),
    events(),
    kill(Sup0, b, boom),
    p("intensity 0", events()),
    receive {'EXIT', Sup0, R0} -> p("supervisor exit", R0) after ?T -> p("supervisor exit", timeout) end.

stopping() ->
    {ok, Sup} = supervisor:start_link({local, strat_sup}, ?MODULE,
                                      {#{}, [spec(a), spec(b), spec(c)]}),
    events(),
    p("registered", whereis(strat_sup) =:= Sup),
    unlink(Sup),
    Ref = erlang:monitor(process, Sup),
    ok = gen_server:stop(strat_sup),
    p("stop order", events()),
    receive {'DOWN', Ref, process, Sup, R} -> p("stopped", R) after ?T -> ok end,
    %% The parent's exit reaches a supervisor (it traps exits): children
    %% are terminated, then it exits with the parent's reason.
    Self = self(),
    Parent = spawn(fun() ->
                           {ok, S} = supervisor:start_link(?MODULE, {#{}, [spec(x), spec(y)]}),
                           Self ! {sup, S},
                           receive die -> exit(parent_gone) end
                   end),
    S = receive {sup, S0} -> S0 after ?T -> undefined end,
    events(),
    RefS = erlang:monitor(process, S),
    Parent ! die,
    p("parent exit", receive {'DOWN', RefS, process, S, WhyS} -> WhyS after ?T -> timeout end),
    p("parent exit order", events()).

shutdowns() ->
    {ok, Sup} = supervisor:start_link(
                  ?MODULE,
                  {#{}, [#{id => stubborn, start => {?MODULE, start_worker, [stubborn, [ignore_shutdown]]},
                           shutdown => 100},
                         #{id => brutal, start => {?MODULE, start_worker, [brutal]},
                           shutdown => brutal_kill},
                         #{id => patient, start => {?MODULE, start_worker, [patient]},
                           shutdown => infinity}]}),
    events(),
    Kids = pids(Sup),
    Refs = [{Id, erlang:monitor(process, P)} || {Id, P} <- Kids],
    p("stopped", stop_sup(Sup)),
    p("children ended", [{Id, receive {'DOWN', Ref, process, _, R} -> R after ?T -> timeout end}
                         || {Id, Ref} <- Refs]),
    {ok, Sup2} = supervisor:start_link(?MODULE, {#{}, [#{id => stubborn, start => {?MODULE, start_worker, [stubborn, [ignore_shutdown]]},
                                                         shutdown => 50}]}),
    events(),
    p("terminate_child with timeout", supervisor:terminate_child(Sup2, stubborn)),
    p("events", events()),
    p("children", show(Sup2)),
    p("stopped", stop_sup(Sup2)).

nested() ->
    Inner = #{id => inner, type => supervisor,
              start => {supervisor, start_link, [?MODULE, {#{}, [spec(i1), spec(i2)]}]}},
    {ok, Sup} = supervisor:start_link(?MODULE, {#{strategy => one_for_all}, [spec(o1), Inner, spec(o2)]}),
    p("nested start", events()),
    p("count", supervisor:count_children(Sup)),
    {inner, InnerPid} = lists:keyfind(inner, 1, pids(Sup)),
    p("inner children", show(InnerPid)),
    {ok, InnerSpec} = supervisor:get_childspec(Sup, inner),
    p("inner spec", lists:sort(maps:to_list(InnerSpec))),
    kill(InnerPid, i1, boom),
    p("inner child dies", events()),
    kill(Sup, o1, boom),
    p("outer child dies", events()),
    p("stopped", stop_sup(Sup)).

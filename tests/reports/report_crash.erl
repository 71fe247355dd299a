-module(report_crash).
-behaviour(gen_server).
%% (It is also the callback module of a supervisor: init(sup).)
-export([main/0, crasher/1, idle/0, init/1, handle_call/3, handle_cast/2,
         start_worker/0, worker/0]).

%% Reports that erl's default logger handler prints: proc_lib crash
%% reports (an error, an exit, a throw, with messages, a dictionary, a
%% registered name and linked neighbours), a gen_server's error report,
%% a warning for an unexpected message, supervisor reports and a logger
%% call. Each scenario finishes before the next starts, so the order of
%% the reports is fixed. The program prints nothing itself.

main() ->
    wait(proc_lib:spawn(?MODULE, crasher, [badmatch])),
    wait(proc_lib:spawn(?MODULE, crasher, [exit])),
    wait(proc_lib:spawn(?MODULE, crasher, [throw])),
    wait(proc_lib:spawn(?MODULE, crasher, [busy])),
    wait(proc_lib:spawn(?MODULE, crasher, [neighbour])),
    wait(proc_lib:spawn(?MODULE, crasher, [clause])),
    {ok, G} = gen_server:start(?MODULE, [1, 2, 3], []),
    G ! unexpected,
    gen_server:cast(G, crash),
    wait(G),
    process_flag(trap_exit, true),
    {ok, S} = supervisor:start_link({local, report_sup}, ?MODULE, sup),
    [{worker, W, worker, _}] = supervisor:which_children(S),
    W ! {die, boom},
    wait(W),
    [{worker, W2, worker, _}] = supervisor:which_children(S),
    W2 ! {die, again},
    wait(S),
    logger:error("a logger error: ~p", [{some, term}]),
    logger:warning("a warning"),
    logger:info("not shown"),
    sync(),
    ok.

%% wait(Pid): waits until Pid is gone and its reports are printed.
wait(Pid) ->
    Ref = erlang:monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    sync().

sync() ->
    timer:sleep(100),
    logger:get_handler_ids(),
    ok.

crasher(badmatch) ->
    {ok, _} = list_to_tuple([error, lists:seq(1, 30)]);
crasher(exit) ->
    exit({some, reason});
crasher(throw) ->
    throw(thrown);
crasher(busy) ->
    register(busy_crasher, self()),
    put(key, value),
    self() ! first_message,
    self() ! {second, message},
    error(busy);
crasher(neighbour) ->
    P = spawn_link(?MODULE, idle, []),
    Q = proc_lib:spawn_link(?MODULE, idle, []),
    wait_waiting(P),
    wait_waiting(Q),
    exit(neighbours);
crasher(clause) ->
    clause(this_atom).

clause(N) when is_integer(N) -> N.

idle() ->
    receive _ -> ok end.

wait_waiting(P) ->
    case erlang:process_info(P, status) of
        {status, waiting} -> ok;
        _ -> timer:sleep(1), wait_waiting(P)
    end.

init(sup) ->
    {ok, {#{intensity => 1, period => 60},
          [#{id => worker, start => {?MODULE, start_worker, []}}]}};
init(State) ->
    {ok, State}.

handle_call(_, _From, State) ->
    {reply, ok, State}.

handle_cast(crash, State) ->
    exit({cast_crash, State}).

start_worker() ->
    {ok, proc_lib:spawn_link(?MODULE, worker, [])}.

worker() ->
    receive {die, R} -> exit(R) end.

-module(otp_supervisor_api).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/1, start_worker/2, start_ignore/0, start_error/0,
         start_crash/0, start_bad/0, loop/0]).

%% supervisor's API: start_child, terminate_child, restart_child,
%% delete_child, which_children, count_children, get_childspec and
%% check_childspecs with child specifications as maps and as tuples, their
%% error returns, simple_one_for_one supervisors, children that return
%% ignore or an error from their start function, and what start_link
%% returns for bad flags, bad specifications and failing children. Pids
%% are printed as the atom pid, maps as {map, SortedPairs} (later
%% releases print maps in another key order). The logger's default handler is removed:
%% erl prints no reports.

main() ->
    logger:remove_handler(default),
    process_flag(trap_exit, true),
    dynamic_children(),
    checks(),
    start_failures(),
    simple_one_for_one(),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, nopid(X)]).

nopid(P) when is_pid(P) -> pid;
nopid(T) when is_tuple(T) -> list_to_tuple(nopid(tuple_to_list(T)));
nopid([H | T]) -> [nopid(H) | nopid(T)];
nopid(M) when is_map(M) -> {map, lists:sort(nopid(maps:to_list(M)))};
nopid(X) -> X.

init(ignore) -> ignore;
init(bad) -> {ok, bad};
init({Flags, Specs}) -> {ok, {Flags, Specs}}.

start_worker(_Id) -> {ok, proc_lib:spawn_link(?MODULE, loop, [])}.
start_worker(_Id, _Extra) -> {ok, proc_lib:spawn_link(?MODULE, loop, [])}.
start_ignore() -> ignore.
start_error() -> {error, nope}.
start_crash() -> error(start_crashed).
start_bad() -> what.

loop() ->
    receive {die, R} -> exit(R); _ -> loop() end.

w(Id) -> #{id => Id, start => {?MODULE, start_worker, [Id]}}.

dynamic_children() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{}, [w(a), w(b)]}),
    p("which_children", supervisor:which_children(S)),
    p("count_children", supervisor:count_children(S)),
    p("start_child existing", supervisor:start_child(S, w(a))),
    p("start_child", supervisor:start_child(S, w(c))),
    p("start_child ignore", supervisor:start_child(S, #{id => d, start => {?MODULE, start_ignore, []}})),
    p("start_child ignore temporary",
      supervisor:start_child(S, #{id => d2, start => {?MODULE, start_ignore, []}, restart => temporary})),
    p("start_child error", supervisor:start_child(S, #{id => e, start => {?MODULE, start_error, []}})),
    {error, {{'EXIT', {Crash, Stack}}, CrashChild}} =
        supervisor:start_child(S, #{id => e2, start => {?MODULE, start_crash, []}}),
    p("start_child crash", {Crash, is_list(Stack), CrashChild}),
    p("start_child bad return", supervisor:start_child(S, #{id => e3, start => {?MODULE, start_bad, []}})),
    p("start_child bad restart", supervisor:start_child(S, #{id => f, start => {?MODULE, start_error, []}, restart => bogus})),
    p("start_child tuple", supervisor:start_child(S, {g, {?MODULE, start_worker, [g]}, transient, 10, worker, dynamic})),
    p("start_child bad tuple", supervisor:start_child(S, {h})),
    p("start_child missing start", supervisor:start_child(S, #{id => h})),
    p("start_child missing id", supervisor:start_child(S, #{start => {?MODULE, start_worker, [x]}})),
    p("which_children", supervisor:which_children(S)),
    p("get_childspec tuple", supervisor:get_childspec(S, g)),
    p("get_childspec map", supervisor:get_childspec(S, c)),
    p("get_childspec missing", supervisor:get_childspec(S, zz)),
    p("terminate_child", supervisor:terminate_child(S, a)),
    p("terminate_child again", supervisor:terminate_child(S, a)),
    p("terminate_child missing", supervisor:terminate_child(S, zz)),
    {_, PidC, _, _} = lists:keyfind(c, 1, supervisor:which_children(S)),
    p("terminate_child by pid", supervisor:terminate_child(S, PidC)),
    p("delete_child running", supervisor:delete_child(S, b)),
    p("restart_child running", supervisor:restart_child(S, b)),
    p("restart_child", supervisor:restart_child(S, a)),
    p("restart_child missing", supervisor:restart_child(S, zz)),
    p("restart_child ignore", supervisor:restart_child(S, d)),
    p("delete_child", supervisor:delete_child(S, d)),
    p("delete_child missing", supervisor:delete_child(S, zz)),
    p("which_children", supervisor:which_children(S)),
    p("count_children", supervisor:count_children(S)),
    unlink(S),
    exit(S, shutdown),
    wait_dead(S),
    p("call a dead supervisor", catch supervisor:which_children(S)),
    p("call a missing name", catch supervisor:count_children(no_such_sup)),
    ok.

%% wait_until(Pred): polls Pred until it holds (for at most a few seconds).
wait_until(Pred) -> wait_until(Pred, 500).

wait_until(_Pred, 0) -> timeout;
wait_until(Pred, N) ->
    case Pred() of
        true -> ok;
        false -> timer:sleep(10), wait_until(Pred, N - 1)
    end.

wait_dead(P) ->
    Ref = erlang:monitor(process, P),
    receive {'DOWN', Ref, process, P, R} -> R after 5000 -> timeout end.

checks() ->
    p("check_childspecs ok", supervisor:check_childspecs([w(x), {y, {m, f, []}, permanent, brutal_kill, worker, [m]}])),
    p("check_childspecs missing start", supervisor:check_childspecs([#{id => x}])),
    p("check_childspecs missing id", supervisor:check_childspecs([#{start => {a, b, []}}])),
    p("check_childspecs duplicate", supervisor:check_childspecs([w(x), w(x)])),
    p("check_childspecs bad mfa", supervisor:check_childspecs([#{id => x, start => {a, b}}])),
    p("check_childspecs bad shutdown", supervisor:check_childspecs([#{id => x, start => {a, b, []}, shutdown => -1}])),
    p("check_childspecs bad type", supervisor:check_childspecs([#{id => x, start => {a, b, []}, type => thing}])),
    p("check_childspecs bad modules", supervisor:check_childspecs([#{id => x, start => {a, b, []}, modules => x}])),
    p("check_childspecs tuple", supervisor:check_childspecs([{x, {a, b, []}, permanent, 10, worker}])),
    ok.

start_failures() ->
    p("init ignore", supervisor:start_link(?MODULE, ignore)),
    p("init bad return", supervisor:start_link(?MODULE, bad)),
    p("bad strategy", supervisor:start_link(?MODULE, {#{strategy => bad}, []})),
    p("bad intensity", supervisor:start_link(?MODULE, {#{intensity => -1}, []})),
    p("bad period", supervisor:start_link(?MODULE, {#{period => 0}, []})),
    p("bad tuple flags", supervisor:start_link(?MODULE, {{one_for_one, x, 5}, []})),
    p("failing child", supervisor:start_link(?MODULE, {#{}, [w(a), #{id => q, start => {?MODULE, start_error, []}}, w(c)]})),
    p("missing start", supervisor:start_link(?MODULE, {#{}, [#{id => q}]})),
    p("duplicate ids", supervisor:start_link(?MODULE, {#{}, [w(a), w(a)]})),
    p("ignoring children", begin
                               {ok, S} = supervisor:start_link(?MODULE, {#{}, [#{id => i, start => {?MODULE, start_ignore, []}},
                                                                                 #{id => t, start => {?MODULE, start_ignore, []},
                                                                                   restart => temporary}]}),
                               R = supervisor:which_children(S),
                               unlink(S), exit(S, shutdown),
                               R
                           end),
    p("named", supervisor:start_link({local, api_sup}, ?MODULE, {#{}, []})),
    p("named twice", supervisor:start_link({local, api_sup}, ?MODULE, {#{}, []})),
    p("named children", supervisor:which_children(api_sup)),
    receive {'EXIT', _, _} -> ok after 100 -> ok end,
    flush(),
    ok.

flush() ->
    receive {'EXIT', _, _} -> flush() after 100 -> ok end.

simple_one_for_one() ->
    Tmpl = #{id => tmpl, start => {?MODULE, start_worker, [tmpl]}},
    {ok, S} = supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, [Tmpl]}),
    p("s1f1 empty", supervisor:which_children(S)),
    p("s1f1 start_child", supervisor:start_child(S, [x])),
    {ok, P2} = supervisor:start_child(S, [y]),
    p("s1f1 start_child spec", element(1, supervisor:start_child(S, w(a)))),
    p("s1f1 terminate_child id", supervisor:terminate_child(S, tmpl)),
    p("s1f1 delete_child", supervisor:delete_child(S, tmpl)),
    p("s1f1 restart_child", supervisor:restart_child(S, tmpl)),
    p("s1f1 count_children", supervisor:count_children(S)),
    p("s1f1 which_children", supervisor:which_children(S)),
    p("s1f1 get_childspec", supervisor:get_childspec(S, P2)),
    p("s1f1 terminate_child pid", supervisor:terminate_child(S, P2)),
    p("s1f1 terminate_child pid again", supervisor:terminate_child(S, P2)),
    p("s1f1 count_children", supervisor:count_children(S)),
    [{_, P1, _, _}] = supervisor:which_children(S),
    P1 ! {die, boom},
    wait_dead(P1),
    wait_until(fun() -> [{_, P, _, _}] = supervisor:which_children(S), P =/= P1 end),
    p("s1f1 after a crash", supervisor:which_children(S)),
    p("s1f1 two templates", supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, [w(a), w(b)]})),
    p("s1f1 no template", supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, []})),
    {ok, T} = supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one},
                                              [Tmpl#{restart => temporary}]}),
    {ok, TP} = supervisor:start_child(T, [z]),
    TP ! {die, boom},
    wait_dead(TP),
    wait_until(fun() -> supervisor:which_children(T) =:= [] end),
    p("s1f1 temporary after a crash", supervisor:count_children(T)),
    p("s1f1 start ignore", supervisor:start_child(
                              element(2, supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one},
                                                                         [#{id => i, start => {?MODULE, start_ignore, []}}]})),
                              [])),
    ok.

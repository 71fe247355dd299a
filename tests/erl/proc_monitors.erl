-module(proc_monitors).
-export([main/0]).

%% Monitors: monitor/2 by pid, registered name and {Name, Node}, 'DOWN'
%% message shapes and reasons (normal, exit reasons, noproc, killed),
%% demonitor/1,2 with flush/info options, the demonitor/DOWN race, several
%% monitors on one process, spawn_monitor, monitor/3 with a tag, and the
%% monitors/monitored_by items of process_info. Pids and refs are only
%% compared, never printed.

-define(T, 3000).

main() ->
    {Pid, Ref} = spawn_monitor(fun body/0),
    receive
        {'DOWN', Ref, process, Pid, normal} -> ok;
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("FAILED: body exited: ~p~n", [Reason])
    after 10000 -> io:format("FAILED: body timed out~n")
    end.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

idle() ->
    receive
        {die, Reason} -> exit(Reason);
        {monitor, P, From} -> From ! {monitored, monitor(process, P)}, idle();
        stop -> ok
    after ?T -> exit(idle_timeout)
    end.

%% down(Ref, Obj): waits for the DOWN of Ref and checks its object field.
down(Ref, Obj) ->
    receive
        {'DOWN', Ref, process, Obj, Reason} -> Reason;
        {'DOWN', Ref, Type, Other, Reason} -> {wrong_object, Type, Other, Reason}
    after ?T -> down_timeout
    end.

info(P, Item) ->
    case process_info(P, Item) of
        {Item, V} -> V;
        undefined -> undefined
    end.

body() ->
    Self = self(),
    Node = node(),

    %% monitor(process, Pid) and DOWN reasons.
    P1 = spawn(fun idle/0),
    R1 = monitor(process, P1),
    io:format("monitor_ref: ~p~n", [is_reference(R1)]),
    P1 ! stop,
    io:format("down_normal: ~p~n", [down(R1, P1)]),
    P2 = spawn(fun idle/0),
    R2 = monitor(process, P2),
    P2 ! {die, {crash, [1, 2]}},
    io:format("down_crash: ~p~n", [down(R2, P2)]),
    P3 = spawn(fun idle/0),
    R3 = monitor(process, P3),
    exit(P3, kill),
    io:format("down_killed: ~p~n", [down(R3, P3)]),
    P3b = spawn(fun idle/0),
    R3b = monitor(process, P3b),
    P3b ! {die, kill},
    io:format("down_exit_kill_self: ~p~n", [down(R3b, P3b)]),
    %% A dead target: immediate DOWN with noproc.
    R4 = monitor(process, P1),
    io:format("down_noproc: ~p~n", [down(R4, P1)]),
    %% Monitoring does not kill the monitoring process or link anything.
    io:format("links_after_monitors: ~p~n", [info(Self, links)]),

    %% monitor(process, RegName): the DOWN object is {RegName, node()}.
    P5 = spawn(fun idle/0),
    register(proc_monitors_reg, P5),
    R5 = monitor(process, proc_monitors_reg),
    io:format("monitors_by_name: ~p~n",
              [info(Self, monitors) =:= [{process, {proc_monitors_reg, Node}}]]),
    io:format("monitored_by_name: ~p~n", [info(P5, monitored_by) =:= [Self]]),
    P5 ! {die, named_crash},
    io:format("down_by_name: ~p~n", [down(R5, {proc_monitors_reg, Node})]),
    %% monitor(process, {RegName, node()}).
    P6 = spawn(fun idle/0),
    register(proc_monitors_reg2, P6),
    R6 = monitor(process, {proc_monitors_reg2, Node}),
    exit(P6, kill),
    io:format("down_by_name_node: ~p~n", [down(R6, {proc_monitors_reg2, Node})]),
    %% Unregistered name: noproc with the name in the object.
    R7 = monitor(process, proc_monitors_nobody),
    io:format("down_name_noproc: ~p~n", [down(R7, {proc_monitors_nobody, Node})]),
    R7b = monitor(process, {proc_monitors_nobody, Node}),
    io:format("down_name_node_noproc: ~p~n", [down(R7b, {proc_monitors_nobody, Node})]),
    %% A name monitor follows the process, not the name.
    P8 = spawn(fun idle/0),
    register(proc_monitors_reg3, P8),
    R8 = monitor(process, proc_monitors_reg3),
    unregister(proc_monitors_reg3),
    P8 ! {die, after_unregister},
    io:format("down_name_unregistered: ~p~n", [down(R8, {proc_monitors_reg3, Node})]),

    %% demonitor/1.
    P9 = spawn(fun idle/0),
    R9 = monitor(process, P9),
    io:format("demonitor_ret: ~p~n", [demonitor(R9)]),
    io:format("demonitor_again: ~p~n", [demonitor(R9)]),
    io:format("monitors_after_demonitor: ~p ~p~n", [info(Self, monitors), info(P9, monitored_by)]),
    P9 ! {die, unobserved},
    receive after 20 -> ok end,
    io:format("no_down_after_demonitor: ~p~n", [flush()]),
    io:format("demonitor_unknown_ref: ~p~n", [demonitor(make_ref())]),

    %% demonitor/2 options, with the monitor still active.
    Opts = [[], [flush], [info], [flush, info]],
    Active = [begin
                  P = spawn(fun idle/0),
                  R = monitor(process, P),
                  Ret = demonitor(R, O),
                  P ! stop,
                  {O, Ret}
              end || O <- Opts],
    io:format("demonitor2_active: ~p~n", [Active]),
    %% ...and with the DOWN already delivered (and still in the queue).
    Fired = [begin
                 P = spawn(fun idle/0),
                 R = monitor(process, P),
                 P ! stop,
                 %% Wait for the DOWN without removing it.
                 wait_in_queue(R),
                 Ret = demonitor(R, O),
                 Left = [M || {'DOWN', R0, _, _, _} = M <- flush(), R0 =:= R],
                 {O, Ret, length(Left)}
             end || O <- Opts],
    io:format("demonitor2_fired: ~p~n", [Fired]),
    %% Unknown refs.
    io:format("demonitor2_unknown: ~p~n",
              [[{O, demonitor(make_ref(), O)} || O <- Opts]]),
    io:format("demonitor_badarg: ~p~n",
              [[try demonitor(id(X)) catch C:E -> {C, E} end || X <- [not_a_ref, 42]]]),
    io:format("demonitor2_badopt: ~p~n",
              [try demonitor(make_ref(), [bogus]) catch C1:E1 -> {C1, E1} end]),
    io:format("demonitor2_notlist: ~p~n",
              [try demonitor(make_ref(), flush) catch C1b:E1b -> {C1b, E1b} end]),

    %% Race: the target dies at about the time we demonitor; after
    %% demonitor(R, [flush]) no DOWN for R is ever seen.
    Race = [begin
                P = spawn(fun() -> ok end),
                R = monitor(process, P),
                demonitor(R, [flush]),
                R
            end || _ <- lists:seq(1, 50)],
    receive after 30 -> ok end,
    Stray = [M || {'DOWN', R, _, _, _} = M <- flush(), lists:member(R, Race)],
    io:format("race_no_down: ~p~n", [Stray]),

    %% Several monitors on one process: each gets its own DOWN.
    P10 = spawn(fun idle/0),
    Rs = [monitor(process, P10) || _ <- lists:seq(1, 5)],
    io:format("multi_unique_refs: ~p~n", [length(lists:usort(Rs))]),
    io:format("multi_monitors_count: ~p~n", [length(info(Self, monitors))]),
    io:format("multi_monitored_by_count: ~p~n", [length(info(P10, monitored_by))]),
    demonitor(hd(Rs)),
    io:format("multi_after_one_demonitor: ~p~n", [length(info(Self, monitors))]),
    P10 ! {die, multi},
    io:format("multi_downs: ~p~n", [[down(R, P10) || R <- tl(Rs)]]),
    io:format("multi_no_extra: ~p~n", [flush()]),
    io:format("monitors_empty: ~p~n", [info(Self, monitors)]),

    %% Monitors from other processes show in monitored_by.
    P11 = spawn(fun idle/0),
    Watchers = [spawn(fun idle/0) || _ <- [1, 2, 3]],
    [begin W ! {monitor, P11, Self}, receive {monitored, _} -> ok after ?T -> ok end end
     || W <- Watchers],
    MB = info(P11, monitored_by),
    io:format("monitored_by_watchers: ~p~n", [lists:sort(MB) =:= lists:sort(Watchers)]),
    io:format("watcher_monitors: ~p~n",
              [[info(W, monitors) =:= [{process, P11}] || W <- Watchers]]),
    %% When a watcher dies its monitor goes away.
    WRef = monitor(process, hd(Watchers)),
    hd(Watchers) ! stop,
    down(WRef, hd(Watchers)),
    io:format("monitored_by_after_watcher_exit: ~p~n", [length(info(P11, monitored_by))]),
    [W ! stop || W <- tl(Watchers)],
    P11 ! stop,

    %% spawn_monitor/1,3.
    {SP, SR} = spawn_monitor(fun() -> exit(from_spawn_monitor) end),
    io:format("spawn_monitor_down: ~p~n", [down(SR, SP)]),
    {SP3, SR3} = spawn_monitor(erlang, exit, [from_mfa]),
    io:format("spawn_monitor3_down: ~p~n", [down(SR3, SP3)]),

    %% monitor/3 with a tag replaces the 'DOWN' atom.
    P12 = spawn(fun idle/0),
    R12 = erlang:monitor(process, P12, [{tag, my_tag}]),
    P12 ! {die, tagged},
    io:format("monitor3_tag: ~p~n",
              [receive {my_tag, R12, process, P12, W12} -> W12 after ?T -> timeout end]),
    R12b = erlang:monitor(process, P12, []),
    io:format("monitor3_empty_opts_noproc: ~p~n", [down(R12b, P12)]),

    %% Monitoring self: allowed, shows up, can be removed.
    RS = monitor(process, Self),
    io:format("monitor_self: ~p ~p~n",
              [info(Self, monitors) =:= [{process, Self}], info(Self, monitored_by) =:= [Self]]),
    io:format("demonitor_self: ~p ~p~n", [demonitor(RS, [info]), info(Self, monitors)]),

    %% Bad arguments.
    Bad = fun(F) -> try F() catch C:E -> {C, E} end end,
    io:format("monitor_bad_type: ~p~n", [Bad(fun() -> monitor(id(proc), Self) end)]),
    io:format("monitor_bad_item: ~p~n", [Bad(fun() -> monitor(process, id(42)) end)]),
    io:format("monitor_bad_tuple: ~p~n", [Bad(fun() -> monitor(process, id({a, b, c})) end)]),
    io:format("monitor3_bad_opt: ~p~n",
              [Bad(fun() -> erlang:monitor(process, Self, [bogus]) end)]),
    io:format("leftover: ~p~n", [flush()]),
    ok.

%% wait_in_queue(Ref): polls until a DOWN for Ref is in the message queue
%% without receiving it.
wait_in_queue(Ref) -> wait_in_queue(Ref, 300).

wait_in_queue(_Ref, 0) -> io:format("wait_in_queue: timeout~n");
wait_in_queue(Ref, N) ->
    {messages, Ms} = process_info(self(), messages),
    case [x || {'DOWN', R, _, _, _} <- Ms, R =:= Ref] of
        [] -> receive after 10 -> ok end, wait_in_queue(Ref, N - 1);
        _ -> ok
    end.

id(X) -> X.

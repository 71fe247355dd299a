-module(proc_links).
-export([main/0]).

%% Links: link/unlink, link sets in process_info, crash propagation down a
%% chain of linked processes (observed by a trapping process at the end),
%% exit reasons carried along, normal exits not propagating, linking to a
%% dead process with and without trap_exit, unlink before a crash, and
%% idempotent link/unlink. Crashing processes use exit/1 so no error
%% reports are produced.

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

%% idle(): waits for a command.
idle() ->
    receive
        {die, Reason} -> exit(Reason);
        {link, P, From} -> From ! {linked, self(), link(P)}, idle();
        {unlink, P, From} -> From ! {unlinked, self(), unlink(P)}, idle();
        stop -> ok
    after ?T -> exit(idle_timeout)
    end.

wait_down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after ?T -> down_timeout
    end.

links(P) ->
    case process_info(P, links) of
        {links, L} -> L;
        undefined -> undefined
    end.

%% chain(N, Report): builds a chain of N processes, each linked to the
%% next; the last one traps exits and reports the first 'EXIT' it gets.
%% Returns the list of pids, head first.
chain(N, Report) ->
    Self = self(),
    Last = spawn(fun() ->
                         process_flag(trap_exit, true),
                         Self ! {ready, self()},
                         receive
                             {'EXIT', _From, Reason} -> Report ! {chain_end, Reason}
                         after ?T -> Report ! {chain_end, timeout}
                         end
                 end),
    receive {ready, Last} -> ok after ?T -> ok end,
    chain(N - 1, Last, [Last]).

chain(0, _Next, Acc) -> Acc;
chain(N, Next, Acc) ->
    Self = self(),
    P = spawn(fun() ->
                      link(Next),
                      Self ! {ready, self()},
                      idle()
              end),
    receive {ready, P} -> ok after ?T -> ok end,
    chain(N - 1, P, [P | Acc]).

body() ->
    Self = self(),
    io:format("initial_links: ~p~n", [links(Self)]),

    %% link/unlink return true and show up on both sides.
    A = spawn(fun idle/0),
    io:format("link_ret: ~p~n", [link(A)]),
    io:format("links_self: ~p~n", [links(Self) =:= [A]]),
    io:format("links_other: ~p~n", [links(A) =:= [Self]]),
    io:format("link_again: ~p ~p~n", [link(A), length(links(Self))]),
    io:format("link_self: ~p ~p~n", [link(Self), length(links(Self))]),
    io:format("unlink_ret: ~p~n", [unlink(A)]),
    io:format("links_after_unlink: ~p ~p~n", [links(Self), links(A)]),
    io:format("unlink_again: ~p~n", [unlink(A)]),
    io:format("unlink_never_linked: ~p~n", [unlink(spawn(fun() -> ok end))]),
    %% Link established from the other side.
    A ! {link, Self, Self},
    RL = receive {linked, A, LR} -> LR after ?T -> timeout end,
    io:format("link_from_other: ~p ~p~n", [RL, links(Self) =:= [A]]),
    A ! {unlink, Self, Self},
    RU = receive {unlinked, A, UR} -> UR after ?T -> timeout end,
    io:format("unlink_from_other: ~p ~p~n", [RU, links(Self)]),
    A ! stop,

    %% Crash propagation down a chain; the trapping end sees the reason.
    Chain = chain(10, Self),
    io:format("chain_len: ~p~n", [length(Chain)]),
    Refs = [monitor(process, P) || P <- Chain],
    hd(Chain) ! {die, chain_boom},
    End = receive {chain_end, E} -> E after ?T -> timeout end,
    io:format("link_chain_end_reason: ~p~n", [End]),
    Reasons = [wait_down(R) || R <- lists:droplast(Refs)],
    io:format("link_chain_reasons: ~p~n", [lists:usort(Reasons)]),
    io:format("link_chain_last: ~p~n", [wait_down(lists:last(Refs))]),
    io:format("link_chain_all_dead: ~p~n",
              [lists:all(fun(P) -> not is_process_alive(P) end, Chain)]),

    %% Reason terms are passed unchanged.
    Chain2 = chain(3, Self),
    hd(Chain2) ! {die, {complex, [1, 2], <<"r">>}},
    io:format("link_chain_term: ~p~n",
              [receive {chain_end, E2} -> E2 after ?T -> timeout end]),

    %% A normal exit does not kill linked processes (they get nothing when
    %% not trapping).
    Chain3 = chain(4, Self),
    Mid = lists:nth(2, Chain3),
    MidRef = monitor(process, Mid),
    hd(Chain3) ! {die, normal},
    receive after 30 -> ok end,
    io:format("normal_exit_mid_alive: ~p~n", [is_process_alive(Mid)]),
    io:format("normal_exit_mid_links: ~p~n", [length(links(Mid))]),
    Mid ! {die, after_normal},
    io:format("mid_down: ~p~n", [wait_down(MidRef)]),
    io:format("normal_then_crash_end: ~p~n",
              [receive {chain_end, E3} -> E3 after ?T -> timeout end]),

    %% A trapping process linked to a normally exiting one gets the
    %% 'EXIT' with reason normal.
    Chain4 = chain(2, Self),
    hd(Chain4) ! {die, normal},
    io:format("normal_exit_trapped: ~p~n",
              [receive {chain_end, E4} -> E4 after ?T -> timeout end]),

    %% Link to a dead pid.
    {Dead, DRef} = spawn_monitor(fun() -> ok end),
    wait_down(DRef),
    %% Without trap_exit: error noproc, and we stay alive.
    R1 = try link(Dead) catch C1:E1 -> {C1, E1} end,
    io:format("link_dead_no_trap: ~p~n", [R1]),
    io:format("link_dead_no_trap_alive: ~p ~p~n", [is_process_alive(Self), flush()]),
    %% With trap_exit: returns true and an {'EXIT', Pid, noproc} arrives.
    process_flag(trap_exit, true),
    R2 = try link(Dead) catch C2b:E2b -> {C2b, E2b} end,
    io:format("link_dead_trap: ~p~n", [R2]),
    R3 = receive {'EXIT', Dead, Why3} -> Why3 after ?T -> timeout end,
    io:format("link_dead_trap_msg: ~p~n", [R3]),
    io:format("link_dead_links: ~p~n", [links(Self)]),
    process_flag(trap_exit, false),
    %% The same in a fresh process (default flags); it reports by exiting.
    {_, R4} = spawn_monitor(fun() -> exit(try link(Dead) catch Cf:Ef -> {Cf, Ef} end) end),
    io:format("link_dead_fresh: ~p~n", [wait_down(R4)]),

    %% unlink, then crash: nothing propagates.
    B = spawn(fun idle/0),
    link(B),
    unlink(B),
    BRef = monitor(process, B),
    B ! {die, unlinked_crash},
    io:format("unlinked_crash_down: ~p~n", [wait_down(BRef)]),
    receive after 20 -> ok end,
    io:format("unlinked_crash_alive: ~p ~p~n", [is_process_alive(Self), flush()]),

    %% Crash of a linked process kills a non-trapping partner; observe it
    %% from a monitor on the partner.
    Partner = spawn(fun() ->
                            C = spawn_link(fun idle/0),
                            Self ! {child, C},
                            idle()
                    end),
    Child = receive {child, C0} -> C0 after ?T -> undefined end,
    PRef = monitor(process, Partner),
    io:format("partner_links: ~p~n", [links(Partner) =:= [Child]]),
    Child ! {die, child_crash},
    io:format("partner_killed_by_link: ~p~n", [wait_down(PRef)]),

    %% A process exiting with kill as its own reason (exit(kill)) gives
    %% linked processes the reason kill, which a trapping process sees.
    Chain5 = chain(2, Self),
    hd(Chain5) ! {die, kill},
    io:format("exit_kill_reason_via_link: ~p~n",
              [receive {chain_end, E5} -> E5 after ?T -> timeout end]),
    %% ...and a non-trapping linked process dies with reason kill (not
    %% killed), since only exit/2 with kill is untrappable.
    Chain6 = chain(3, Self),
    M6 = monitor(process, lists:nth(2, Chain6)),
    hd(Chain6) ! {die, kill},
    io:format("exit_kill_middle: ~p~n", [wait_down(M6)]),
    io:format("exit_kill_end: ~p~n",
              [receive {chain_end, E6} -> E6 after ?T -> timeout end]),

    %% Links are removed when a process dies.
    D = spawn(fun idle/0),
    link(D),
    process_flag(trap_exit, true),
    D ! {die, gone},
    R7 = receive {'EXIT', D, Why7} -> Why7 after ?T -> timeout end,
    io:format("trapped_exit: ~p links_after: ~p~n", [R7, links(Self)]),
    process_flag(trap_exit, false),
    io:format("process_info_links_dead: ~p~n", [process_info(D, links)]),
    io:format("link_badarg: ~p~n", [try link(id(not_a_pid)) catch C8:E8 -> {C8, E8} end]),
    io:format("unlink_badarg: ~p~n", [try unlink(id(42)) catch C9:E9 -> {C9, E9} end]),
    io:format("leftover: ~p~n", [flush()]),
    ok.

id(X) -> X.

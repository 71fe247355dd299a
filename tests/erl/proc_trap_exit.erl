-module(proc_trap_exit).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% Trapping exits: process_flag(trap_exit, _) return values, 'EXIT'
%% messages for linked crashes, exit/2 with normal, kill and other reasons
%% on trapping and non-trapping targets (linked and unlinked), exit/1
%% versus exit/2 on the calling process, and killing a trapping process.

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

wait_down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after ?T -> down_timeout
    end.

%% trapper(Parent): traps exits and forwards every message it gets to
%% Parent as {got, self(), Msg}, with the sender pid replaced by a marker
%% saying whether it was Parent, itself, or someone else.
trapper(Parent) ->
    process_flag(trap_exit, true),
    Parent ! {ready, self()},
    trapper_loop(Parent).

trapper_loop(Parent) ->
    receive
        {'EXIT', From, Reason} ->
            Parent ! {got, self(), {'EXIT', who(From, Parent), Reason}},
            trapper_loop(Parent);
        {do, F} ->
            F(),
            trapper_loop(Parent);
        stop -> ok
    after ?T -> exit(trapper_timeout)
    end.

who(P, P) -> parent;
who(P, _) when P =:= self() -> self;
who(_, _) -> other.

%% plain(Parent): does not trap; runs commands.
plain(Parent) ->
    Parent ! {ready, self()},
    plain_loop().

plain_loop() ->
    receive
        {do, F} -> F(), plain_loop();
        stop -> ok
    after ?T -> exit(plain_timeout)
    end.

start(Fun) ->
    Self = self(),
    P = spawn(fun() -> Fun(Self) end),
    receive {ready, P} -> ok after ?T -> io:format("start: timeout~n") end,
    {P, monitor(process, P)}.

got(P) ->
    receive {got, P, M} -> M after ?T -> timeout end.

%% settle(): lets signals sent so far be handled (a round trip through a
%% process that was spawned after them cannot be used as a barrier in
%% general, so just wait briefly when checking that nothing happened).
settle() -> receive after 30 -> ok end.

body() ->
    Self = self(),
    %% Return values of process_flag(trap_exit, _).
    io:format("trap_initial: ~p~n", [process_info(Self, trap_exit)]),
    io:format("trap_set_true: ~p~n", [process_flag(trap_exit, true)]),
    io:format("trap_set_true_again: ~p~n", [process_flag(trap_exit, true)]),
    io:format("trap_info: ~p~n", [process_info(Self, trap_exit)]),
    io:format("trap_set_false: ~p~n", [process_flag(trap_exit, false)]),
    io:format("trap_set_false_again: ~p~n", [process_flag(trap_exit, false)]),
    io:format("trap_bad_value: ~p~n",
              [try process_flag(trap_exit, yes) catch C0:E0 -> {C0, E0} end]),

    %% 'EXIT' from linked processes.
    process_flag(trap_exit, true),
    L1 = spawn_link(fun() -> exit(linked_crash) end),
    io:format("exit_msg_crash: ~p~n",
              [receive {'EXIT', L1, R1} -> R1 after ?T -> timeout end]),
    L2 = spawn_link(fun() -> ok end),
    io:format("exit_msg_normal: ~p~n",
              [receive {'EXIT', L2, R2} -> R2 after ?T -> timeout end]),
    L3 = spawn_link(fun() -> exit({tuple, reason, [1]}) end),
    io:format("exit_msg_term: ~p~n",
              [receive {'EXIT', L3, R3} -> R3 after ?T -> timeout end]),
    L4 = spawn_link(fun() -> exit(kill) end),
    io:format("exit_msg_self_kill: ~p~n",
              [receive {'EXIT', L4, R4} -> R4 after ?T -> timeout end]),
    %% Our exit/2 on a linked process: it dies, we get its 'EXIT' with the
    %% same reason (or killed for kill).
    L5 = spawn_link(fun() -> receive after ?T -> ok end end),
    exit(L5, shot),
    io:format("exit2_linked_other: ~p~n",
              [receive {'EXIT', L5, R5} -> R5 after ?T -> timeout end]),
    L6 = spawn_link(fun() -> receive after ?T -> ok end end),
    exit(L6, kill),
    io:format("exit2_linked_kill: ~p~n",
              [receive {'EXIT', L6, R6} -> R6 after ?T -> timeout end]),
    process_flag(trap_exit, false),

    %% exit/2 on a trapping target turns into a message, for any reason
    %% but kill; the sender is the caller.
    {TP, TRef} = start(fun trapper/1),
    io:format("exit2_trap_ret: ~p~n", [exit(TP, some_reason)]),
    io:format("exit2_trap_other: ~p~n", [got(TP)]),
    exit(TP, normal),
    io:format("exit2_trap_normal: ~p~n", [got(TP)]),
    exit(TP, {compound, 1}),
    io:format("exit2_trap_compound: ~p~n", [got(TP)]),
    io:format("exit2_trap_alive: ~p~n", [is_process_alive(TP)]),
    %% exit(self(), Reason) inside a trapping process: a message from self.
    TP ! {do, fun() -> exit(self(), normal) end},
    io:format("exit2_self_normal_trapping: ~p~n", [got(TP)]),
    TP ! {do, fun() -> exit(self(), custom) end},
    io:format("exit2_self_custom_trapping: ~p~n", [got(TP)]),
    %% kill cannot be trapped: the process dies with killed.
    exit(TP, kill),
    io:format("exit2_trap_kill: ~p~n", [wait_down(TRef)]),
    io:format("exit2_trap_kill_dead: ~p~n", [is_process_alive(TP)]),
    %% exit(self(), kill) in a trapping process: killed too.
    {TP2, TRef2} = start(fun trapper/1),
    TP2 ! {do, fun() -> exit(self(), kill) end},
    io:format("exit2_self_kill_trapping: ~p~n", [wait_down(TRef2)]),

    %% Non-trapping targets.
    {NP, NRef} = start(fun plain/1),
    exit(NP, normal),
    settle(),
    io:format("exit2_plain_normal_ignored: ~p~n", [is_process_alive(NP)]),
    exit(NP, shot),
    io:format("exit2_plain_other: ~p~n", [wait_down(NRef)]),
    {NP2, NRef2} = start(fun plain/1),
    exit(NP2, kill),
    io:format("exit2_plain_kill: ~p~n", [wait_down(NRef2)]),
    %% exit(self(), normal) without trapping: the process exits normally.
    {NP3, NRef3} = start(fun plain/1),
    NP3 ! {do, fun() -> exit(self(), normal) end},
    io:format("exit2_self_normal_plain: ~p~n", [wait_down(NRef3)]),
    {NP4, NRef4} = start(fun plain/1),
    NP4 ! {do, fun() -> exit(self(), custom) end},
    io:format("exit2_self_custom_plain: ~p~n", [wait_down(NRef4)]),

    %% exit/1 is an exception and can be caught; exit/2 on self is a signal
    %% and cannot.
    {_, CRef1} = spawn_monitor(fun() ->
                                       R = try exit(caught_me) catch exit:X -> {caught, X} end,
                                       exit({after_catch, R})
                               end),
    io:format("exit1_catchable: ~p~n", [wait_down(CRef1)]),
    {_, CRef2} = spawn_monitor(fun() ->
                                       R = try exit(self(), not_caught), receive after ?T -> timeout end
                                           catch exit:X -> {caught, X} end,
                                       exit({after_catch, R})
                               end),
    io:format("exit2_self_not_catchable: ~p~n", [wait_down(CRef2)]),
    {_, CRef3} = spawn_monitor(fun() ->
                                       R = (catch exit(old_catch)),
                                       exit({after_catch, R})
                               end),
    io:format("exit1_old_catch: ~p~n", [wait_down(CRef3)]),

    %% Linked non-trapping partners of a killed process get killed (not
    %% kill); a trapping partner gets {'EXIT', P, killed}.
    {TP3, TRef3} = start(fun trapper/1),
    Victim = spawn(fun() -> receive after ?T -> ok end end),
    TP3 ! {do, fun() -> link(Victim), Self ! linked end},
    receive linked -> ok after ?T -> ok end,
    exit(Victim, kill),
    io:format("killed_seen_by_trapping_link: ~p~n", [got(TP3)]),
    TP3 ! stop,
    io:format("trapper_stop: ~p~n", [wait_down(TRef3)]),
    {NP5, NRef5} = start(fun plain/1),
    Victim2 = spawn(fun() -> receive after ?T -> ok end end),
    NP5 ! {do, fun() -> link(Victim2), Self ! linked end},
    receive linked -> ok after ?T -> ok end,
    exit(Victim2, kill),
    io:format("killed_seen_by_plain_link: ~p~n", [wait_down(NRef5)]),

    %% Turning trap_exit off again makes linked crashes fatal.
    {NP6, NRef6} = start(fun plain/1),
    NP6 ! {do, fun() ->
                       process_flag(trap_exit, true),
                       process_flag(trap_exit, false),
                       spawn_link(fun() -> exit(untrapped_again) end)
               end},
    io:format("trap_off_again: ~p~n", [wait_down(NRef6)]),
    %% Queued 'EXIT' messages stay as messages after trap_exit is turned off.
    {NP7, NRef7} = start(fun plain/1),
    NP7 ! {do, fun() ->
                       process_flag(trap_exit, true),
                       P = spawn_link(fun() -> exit(queued) end),
                       M = monitor(process, P),
                       receive {'DOWN', M, _, _, _} -> ok after ?T -> ok end,
                       process_flag(trap_exit, false),
                       R = receive {'EXIT', P, Why} -> {still_queued, Why} after 0 -> none end,
                       exit(R)
               end},
    io:format("exit_msg_after_trap_off: ~p~n", [wait_down(NRef7)]),
    io:format("leftover: ~p~n", [flush()]),
    ok.

-module(proc_exit_signals).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% Exit signal semantics: exit(Pid, normal) from linked and unlinked
%% senders, exit/2 to a pid that no longer exists, exit(self(), kill)
%% inside a catch, the 'EXIT' message for a partner's exit(normal), signal
%% ordering (messages sent before an exit arrive before the 'EXIT' or
%% 'DOWN'), and is_process_alive/1 seeing the effect of our own exit
%% signals.

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

%% target(Trap): a process that optionally traps exits, reports what it
%% receives to its creator, and runs commands.
target(Parent, Trap) ->
    process_flag(trap_exit, Trap),
    Parent ! {ready, self()},
    target_loop(Parent).

target_loop(Parent) ->
    receive
        {do, F} -> F(), target_loop(Parent);
        stop -> ok;
        Msg -> Parent ! {got, self(), tag(Msg, Parent)}, target_loop(Parent)
    after ?T -> exit(target_timeout)
    end.

tag({'EXIT', From, Reason}, Parent) when From =:= Parent -> {'EXIT', parent, Reason};
tag({'EXIT', From, Reason}, _) when From =:= self() -> {'EXIT', self, Reason};
tag({'EXIT', _, Reason}, _) -> {'EXIT', other, Reason};
tag(M, _) -> M.

start(Trap) ->
    Self = self(),
    P = spawn(fun() -> target(Self, Trap) end),
    receive {ready, P} -> ok after ?T -> io:format("start: timeout~n") end,
    {P, monitor(process, P)}.

got(P) ->
    receive {got, P, M} -> M after ?T -> timeout end.

%% sync(P): a round trip with P; every signal we sent to P before has been
%% handled by P when this returns (only used for processes that keep
%% running).
sync(P) ->
    Self = self(),
    P ! {do, fun() -> Self ! {synced, self()} end},
    receive {synced, P} -> ok after ?T -> io:format("sync: timeout~n") end.

body() ->
    Self = self(),

    %% exit(P, normal) from an unlinked sender: ignored by a non-trapping
    %% target, a message for a trapping one.
    {P1, R1} = start(false),
    io:format("normal_unlinked_ret: ~p~n", [exit(P1, normal)]),
    sync(P1),
    io:format("normal_unlinked_plain_alive: ~p~n", [is_process_alive(P1)]),
    {P2, R2} = start(true),
    exit(P2, normal),
    io:format("normal_unlinked_trapping: ~p~n", [got(P2)]),
    %% ...and from a linked sender: same, and the link stays.
    link(P1),
    exit(P1, normal),
    sync(P1),
    io:format("normal_linked_plain_alive: ~p ~p~n",
              [is_process_alive(P1), process_info(P1, links) =:= {links, [Self]}]),
    link(P2),
    exit(P2, normal),
    io:format("normal_linked_trapping: ~p~n", [got(P2)]),
    io:format("normal_linked_trapping_link_kept: ~p~n",
              [process_info(P2, links) =:= {links, [Self]}]),
    unlink(P1), unlink(P2),
    P1 ! stop, P2 ! stop,
    wait_down(R1), wait_down(R2),

    %% exit/2 to a pid that does not exist returns true.
    {Dead, DR} = spawn_monitor(fun() -> ok end),
    wait_down(DR),
    io:format("exit_dead_pid: ~p ~p ~p~n",
              [exit(Dead, kill), exit(Dead, normal), exit(Dead, whatever)]),
    io:format("exit_bad_pid: ~p~n", [try exit(id(not_a_pid), x) catch C0:E0 -> {C0, E0} end]),

    %% exit(self(), kill) inside catch/try cannot be caught.
    {K1, KR1} = spawn_monitor(fun() ->
                                      R = (catch exit(self(), kill)),
                                      receive after 100 -> ok end,
                                      exit({survived, R})
                              end),
    io:format("self_kill_in_catch: ~p~n", [wait_down(KR1)]),
    {_, KR2} = spawn_monitor(fun() ->
                                     R = try exit(self(), kill), receive after 100 -> ok end
                                         catch C:E -> {caught, C, E} end,
                                     exit({survived, R})
                             end),
    io:format("self_kill_in_try: ~p~n", [wait_down(KR2)]),
    {_, KR3} = spawn_monitor(fun() ->
                                     process_flag(trap_exit, true),
                                     R = (catch exit(self(), kill)),
                                     receive after 100 -> ok end,
                                     exit({survived, R})
                             end),
    io:format("self_kill_trapping_in_catch: ~p~n", [wait_down(KR3)]),
    _ = K1,

    %% A trapping process's partner calls exit(normal): 'EXIT' with normal.
    {P3, R3} = start(true),
    P3 ! {do, fun() -> spawn_link(fun() -> exit(normal) end) end},
    io:format("partner_exit_normal: ~p~n", [got(P3)]),
    P3 ! {do, fun() -> spawn_link(fun() -> ok end) end},
    io:format("partner_return_normal: ~p~n", [got(P3)]),
    P3 ! {do, fun() -> spawn_link(fun() -> exit(self(), normal) end) end},
    io:format("partner_exit2_self_normal: ~p~n", [got(P3)]),
    P3 ! stop,
    wait_down(R3),

    %% Messages sent before exiting arrive before the 'EXIT' (linked,
    %% trapping receiver) and before the 'DOWN' (monitor).
    process_flag(trap_exit, true),
    %% Linked and monitored from the start (spawn_opt), so the monitor
    %% cannot come after the sender's end.
    {Sender, SRef} = spawn_opt(fun() ->
                                       [Self ! {before_exit, I} || I <- lists:seq(1, 100)],
                                       exit(sender_done)
                               end, [link, monitor]),
    Seq = collect_until_exit(Sender, []),
    io:format("msgs_before_exit: ~p~n", [Seq]),
    io:format("down_after_exit: ~p~n",
              [receive {'DOWN', SRef, process, Sender, W} -> W after ?T -> timeout end]),
    %% Same with the DOWN seen first: a monitor-only sender.
    Sender2 = spawn(fun() ->
                            [Self ! {before_down, I} || I <- lists:seq(1, 50)],
                            exit(sender2_done)
                    end),
    SRef2 = monitor(process, Sender2),
    %% The monitor may be set up after the sender already died (then the
    %% DOWN is noproc); either way all messages come before the DOWN.
    Seq2 = collect_until_down(SRef2, []),
    io:format("msgs_before_down: ~p~n", [Seq2]),
    %% exit/2 after messages from the same sender: messages first.
    {P4, R4} = start(true),
    [P4 ! {m, I} || I <- [1, 2, 3]],
    exit(P4, after_messages),
    Got4 = [got(P4) || _ <- [1, 2, 3, 4]],
    io:format("msgs_then_exit2: ~p~n", [Got4]),
    _ = R4,
    exit(P4, kill),
    wait_down(R4),
    process_flag(trap_exit, false),

    %% is_process_alive/1 after our own exit signal sees the result.
    Alive = [begin
                 {P, R} = start(Trap),
                 exit(P, Reason),
                 A = is_process_alive(P),
                 Msg = case {A, Trap} of
                           {true, true} -> G = got(P), P ! stop, wait_down(R), G;
                           {true, false} -> P ! stop, {ignored, wait_down(R)};
                           {false, _} -> wait_down(R)
                       end,
                 {Trap, Reason, A, Msg}
             end || Trap <- [false, true], Reason <- [kill, shot, normal]],
    io:format("alive_after_exit2: ~p~n", [Alive]),
    receive after 10 -> ok end,
    io:format("leftover: ~p~n", [[tag(M, Self) || M <- flush()]]),
    ok.

collect_until_exit(Sender, Acc) ->
    receive
        {before_exit, I} -> collect_until_exit(Sender, [I | Acc]);
        {'EXIT', Sender, Reason} ->
            {length(Acc), lists:reverse(Acc) =:= lists:seq(1, length(Acc)), Reason}
    after ?T -> timeout
    end.

collect_until_down(Ref, Acc) ->
    receive
        {before_down, I} -> collect_until_down(Ref, [I | Acc]);
        {'DOWN', Ref, process, _, Reason} ->
            R = case Reason of
                    noproc -> sender2_done;
                    _ -> Reason
                end,
            {length(Acc), lists:reverse(Acc) =:= lists:seq(1, length(Acc)), R}
    after ?T -> timeout
    end.

id(X) -> X.

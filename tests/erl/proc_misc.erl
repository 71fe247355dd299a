-module(proc_misc).
-export([main/0, woke/2, woke_again/1]).

%% Miscellaneous process BIFs: erlang:yield/0, erlang:hibernate/3 (the
%% process waits, a message wakes it into the given function with an empty
%% stack, the message stays queued), group_leader/0,2 (inheritance,
%% setting, and a fake io server that captures io:format requests), and
%% io:format output from spawned processes, ordered by synchronisation.

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

wait_status(_P, _S, 0) -> io:format("wait_status: gave up~n");
wait_status(P, S, N) ->
    case process_info(P, status) of
        {status, S} -> ok;
        _ -> receive after 5 -> ok end, wait_status(P, S, N - 1)
    end.

%% woke(Parent, Tag): entered after hibernation; the waking message is still
%% in the queue.
woke(Parent, Tag) ->
    {messages, Ms} = process_info(self(), messages),
    receive
        Msg ->
            io:format("hibernate_woke_in: ~p ~p~n", [Tag, Msg]),
            Parent ! {woke, Tag, Msg, Ms}
    after ?T -> Parent ! {woke, Tag, timeout}
    end,
    receive
        again -> erlang:hibernate(?MODULE, woke_again, [Parent]);
        done -> ok
    after ?T -> ok
    end.

woke_again(Parent) ->
    receive
        M -> Parent ! {woke_again, M}
    after ?T -> Parent ! {woke_again, timeout}
    end.

%% fake_io(Owner): a minimal io server that formats put_chars requests and
%% forwards the text to Owner.
fake_io(Owner) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            Text = case Req of
                       {put_chars, unicode, M, F, A} -> apply(M, F, A);
                       {put_chars, unicode, Chars} -> Chars;
                       Other -> io_lib:format("unexpected ~p", [Other])
                   end,
            Owner ! {captured, unicode:characters_to_list(Text)},
            From ! {io_reply, ReplyAs, ok},
            fake_io(Owner);
        stop -> ok
    after ?T -> ok
    end.

body() ->
    Self = self(),
    %% yield.
    io:format("yield: ~p~n", [erlang:yield()]),
    io:format("yield_many: ~p~n", [lists:usort([erlang:yield() || _ <- lists:seq(1, 100)])]),

    %% hibernate/3.
    H = spawn(fun() ->
                      Self ! {hibernating, self()},
                      erlang:hibernate(?MODULE, woke, [Self, first])
              end),
    receive {hibernating, H} -> ok after ?T -> io:format("hibernate: no start~n") end,
    wait_status(H, waiting, 300),
    io:format("hibernate_status: ~p~n", [process_info(H, status)]),
    io:format("hibernate_current_function: ~p~n", [process_info(H, current_function)]),
    io:format("hibernate_mql: ~p~n", [process_info(H, message_queue_len)]),
    H ! wake_up,
    RH = receive {woke, first, WM, WQ} -> {WM, WQ} after ?T -> timeout end,
    io:format("hibernate_woke: ~p~n", [RH]),
    %% Hibernate again from the woken function.
    H ! again,
    wait_status(H, waiting, 300),
    H ! second_wake,
    io:format("hibernate_again: ~p~n",
              [receive {woke_again, M2} -> M2 after ?T -> timeout end]),
    %% A message already queued wakes the process at once.
    H2 = spawn(fun() ->
                       self() ! early,
                       erlang:hibernate(?MODULE, woke, [Self, queued])
               end),
    io:format("hibernate_queued: ~p~n",
              [receive {woke, queued, QM, QQ} -> {QM, QQ} after ?T -> timeout end]),
    H2 ! again,
    H2 ! done,
    receive {woke_again, _} -> ok after ?T -> ok end,
    %% The stack is discarded: an enclosing try/after never runs, and links
    %% and the dictionary survive.
    {H3, R3} = spawn_monitor(fun() ->
                                     put(kept, yes),
                                     link(Self),
                                     try
                                         erlang:hibernate(?MODULE, woke, [Self, discarded])
                                     after
                                         Self ! after_ran
                                     end
                             end),
    wait_status(H3, waiting, 300),
    io:format("hibernate_dict_links: ~p ~p~n",
              [process_info(H3, dictionary), process_info(H3, links) =:= {links, [Self]}]),
    H3 ! go,
    RD = receive {woke, discarded, DM, _} -> DM after ?T -> timeout end,
    io:format("hibernate_discarded_woke: ~p~n", [RD]),
    H3 ! done,
    io:format("hibernate_exit: ~p~n", [wait_down(R3)]),
    unlink(H3),
    io:format("hibernate_after_clause: ~p~n", [flush()]),

    %% group_leader/0,2.
    GL = group_leader(),
    io:format("group_leader_pid: ~p~n", [is_pid(GL)]),
    C = spawn(fun() -> Self ! {child_gl, group_leader()}, receive stop -> ok after ?T -> ok end end),
    io:format("group_leader_inherited: ~p~n",
              [receive {child_gl, CGL} -> CGL =:= GL after ?T -> timeout end]),
    Fake = spawn(fun() -> fake_io(Self) end),
    io:format("group_leader_set: ~p~n", [group_leader(Fake, C)]),
    io:format("group_leader_info: ~p~n", [process_info(C, group_leader) =:= {group_leader, Fake}]),
    io:format("group_leader_unchanged_self: ~p~n", [group_leader() =:= GL]),
    C ! stop,
    %% A process whose group leader is the fake server: io:format goes there.
    W = spawn(fun() ->
                      group_leader(Fake, self()),
                      io:format("captured ~p and ~s~n", [42, "text"]),
                      io:put_chars("plain chars\n"),
                      Self ! {writer_done, group_leader() =:= Fake}
              end),
    C1 = receive {captured, T1} -> T1 after ?T -> timeout end,
    C2 = receive {captured, T2} -> T2 after ?T -> timeout end,
    io:format("fake_io_format: ~p~n", [C1]),
    io:format("fake_io_put_chars: ~p~n", [C2]),
    io:format("fake_io_writer: ~p~n",
              [receive {writer_done, WD} -> WD after ?T -> timeout end]),
    _ = W,
    Fake ! stop,
    %% Bad arguments.
    Bad = fun(F) -> try F() catch Cl:E -> {Cl, E} end end,
    io:format("group_leader_bad: ~p~n", [Bad(fun() -> group_leader(id(not_pid), self()) end)]),
    io:format("group_leader_bad2: ~p~n", [Bad(fun() -> group_leader(self(), id(42)) end)]),
    {Dead, DR} = spawn_monitor(fun() -> ok end),
    wait_down(DR),
    io:format("group_leader_dead: ~p~n", [Bad(fun() -> group_leader(GL, Dead) end)]),

    %% io:format from spawned processes, ordered by synchronisation: each
    %% writer prints, then tells us; we print only after that.
    lists:foreach(fun(I) ->
                          spawn(fun() ->
                                        io:format("child ~p says hello~n", [I]),
                                        Self ! {printed, I}
                                end),
                          receive {printed, I} -> io:format("main saw child ~p~n", [I])
                          after ?T -> io:format("child ~p: timeout~n", [I])
                          end
                  end, [1, 2, 3]),
    %% A chain: each process prints, then spawns the next.
    Chain = fun Next(0) -> Self ! chain_done;
                Next(K) -> io:format("chain ~p~n", [K]), spawn(fun() -> Next(K - 1) end)
            end,
    spawn(fun() -> Chain(4) end),
    receive chain_done -> io:format("chain done~n") after ?T -> io:format("chain: timeout~n") end,
    io:format("leftover: ~p~n", [flush()]),
    ok.

id(X) -> X.

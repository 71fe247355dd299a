-module(proc_spawn).
-export([main/0, echo/1, count_to/3]).
-compile(nowarn_deprecated_catch).

%% Process creation and plain message passing: spawn/1,3, spawn_link,
%% spawn_monitor, self(), per-sender message ordering (one sender and
%% several interleaved senders), the value of Pid ! Msg, erlang:send/2,3
%% with options, sends to dead pids and unregistered names,
%% is_process_alive and processes().

-define(T, 3000).

%% echo(Parent): replies {self(), Msg} for each message until stop.
echo(Parent) ->
    receive
        stop -> Parent ! {self(), stopped};
        Msg -> Parent ! {self(), Msg}, echo(Parent)
    after ?T -> Parent ! {self(), echo_timeout}
    end.

%% count_to(Parent, Tag, N): sends {Tag, 1} .. {Tag, N} to Parent.
count_to(Parent, Tag, N) ->
    lists:foreach(fun(I) -> Parent ! {Tag, I} end, lists:seq(1, N)).

%% collect(Tag, N): receives {Tag, I} N times, returns the Is in arrival order.
collect(_Tag, 0, Acc) -> lists:reverse(Acc);
collect(Tag, N, Acc) ->
    receive
        {Tag, I} -> collect(Tag, N - 1, [I | Acc])
    after ?T -> lists:reverse([timeout | Acc])
    end.

wait_down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after ?T -> down_timeout
    end.

%% The checks run in a fresh process so that they do not depend on the
%% state (links, trap_exit) of the process that calls main/0.
main() ->
    {Pid, Ref} = spawn_monitor(fun body/0),
    receive
        {'DOWN', Ref, process, Pid, normal} -> ok;
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("FAILED: body exited: ~p~n", [Reason])
    after 10000 -> io:format("FAILED: body timed out~n")
    end.

body() ->
    Self = self(),
    io:format("self_is_pid: ~p~n", [is_pid(Self)]),
    io:format("self_alive: ~p~n", [is_process_alive(Self)]),
    io:format("self_stable: ~p~n", [Self =:= self()]),

    %% spawn/1 with a closure.
    P1 = spawn(fun() -> Self ! {from_fun, self()} end),
    R1 = receive {from_fun, P1x} -> P1x =:= P1 after ?T -> timeout end,
    io:format("spawn1_self_matches: ~p~n", [R1]),
    io:format("spawn1_distinct: ~p~n", [P1 =/= Self]),

    %% spawn/3 with an exported function.
    P3 = spawn(?MODULE, echo, [Self]),
    P3 ! hello,
    R3 = receive {P3, hello} -> ok after ?T -> timeout end,
    io:format("spawn3_echo: ~p~n", [R3]),
    P3 ! {tuple, [1, 2, 3], <<"bin">>, 2.5},
    R3b = receive {P3, {tuple, L, B, F}} -> {L, B, F} after ?T -> timeout end,
    io:format("spawn3_echo_term: ~p~n", [R3b]),
    P3 ! stop,
    R3c = receive {P3, stopped} -> stopped after ?T -> timeout end,
    io:format("spawn3_stop: ~p~n", [R3c]),

    %% spawn_monitor/3 of a BIF: the process exits with the given reason.
    {PU, RU} = spawn_monitor(erlang, exit, [via_mfa]),
    io:format("spawn_bif_reason: ~p~n", [wait_down(RU)]),
    io:format("spawn_bif_dead: ~p~n", [is_process_alive(PU)]),

    %% spawn_link: a normal exit of the child does not affect us.
    PL = spawn_link(fun() ->
                            Self ! {linked_child, self()},
                            receive go -> ok after ?T -> ok end
                    end),
    RL = receive {linked_child, PL} -> ok after ?T -> timeout end,
    io:format("spawn_link_msg: ~p~n", [RL]),
    {links, MyLinks} = process_info(Self, links),
    io:format("spawn_link_linked: ~p~n", [lists:member(PL, MyLinks)]),
    MRef0 = monitor(process, PL),
    PL ! go,
    io:format("spawn_link_child_exit: ~p~n", [wait_down(MRef0)]),
    io:format("spawn_link_still_alive: ~p~n", [is_process_alive(Self)]),

    %% spawn_monitor returns {Pid, Ref} and the DOWN carries both.
    {PM, RM} = spawn_monitor(fun() -> exit(my_reason) end),
    RDown = receive
                {'DOWN', RM, process, PM, Why} -> {down, Why}
            after ?T -> timeout
            end,
    io:format("spawn_monitor_shape: ~p~n", [is_pid(PM) andalso is_reference(RM)]),
    io:format("spawn_monitor_down: ~p~n", [RDown]),

    %% One sender, many messages: arrive in send order.
    N = 500,
    spawn(?MODULE, count_to, [Self, one, N]),
    Got = collect(one, N, []),
    io:format("pairwise_single: ~p~n", [Got =:= lists:seq(1, N)]),

    %% Several senders at once: each stream is in order, interleaving is
    %% arbitrary, so receive each tag's messages selectively.
    Tags = [s1, s2, s3, s4],
    [spawn(?MODULE, count_to, [Self, T, 200]) || T <- Tags],
    Streams = [{T, collect(T, 200, []) =:= lists:seq(1, 200)} || T <- Tags],
    io:format("pairwise_multi: ~p~n", [Streams]),
    %% Interleaved arrival but per-sender order: read everything in arrival
    %% order and check each subsequence.
    [spawn(?MODULE, count_to, [Self, T, 100]) || T <- Tags],
    All = collect_any(Tags, 400, []),
    PerTag = [{T, [I || {T2, I} <- All, T2 =:= T] =:= lists:seq(1, 100)} || T <- Tags],
    io:format("pairwise_interleaved: ~p ~p~n", [length(All), PerTag]),

    %% Messages from self to self keep order.
    [Self ! {me, I} || I <- lists:seq(1, 50)],
    io:format("self_order: ~p~n", [collect(me, 50, []) =:= lists:seq(1, 50)]),

    %% Pid ! Msg evaluates to Msg.
    V = (Self ! {value, 42}),
    io:format("send_value: ~p~n", [V]),
    V2 = (Self ! (Self ! chained)),
    io:format("send_chain_value: ~p~n", [V2]),
    receive {value, 42} -> ok after ?T -> io:format("send_value: lost~n") end,
    io:format("send_chain_recv: ~p~n", [collect_n(2)]),

    %% erlang:send/2,3.
    io:format("erlang_send2: ~p~n", [erlang:send(Self, s2msg)]),
    io:format("erlang_send3_noconnect: ~p~n", [erlang:send(Self, s3a, [noconnect])]),
    io:format("erlang_send3_nosuspend: ~p~n", [erlang:send(Self, s3b, [nosuspend])]),
    io:format("erlang_send3_both: ~p~n", [erlang:send(Self, s3c, [noconnect, nosuspend])]),
    io:format("erlang_send3_empty: ~p~n", [erlang:send(Self, s3d, [])]),
    io:format("erlang_send_recv: ~p~n", [collect_n(5)]),
    io:format("erlang_send3_badopt: ~p~n",
              [try erlang:send(Self, x, [bogus]) catch C0:E0 -> {C0, E0} end]),
    io:format("erlang_send3_notlist: ~p~n",
              [try erlang:send(Self, x, bogus) catch C9:E9 -> {C9, E9} end]),
    io:format("after_bad_sends: ~p~n", [collect_n(5)]),

    %% Sending to a dead pid succeeds silently.
    {Dead, DRef} = spawn_monitor(fun() -> ok end),
    wait_down(DRef),
    io:format("dead_alive: ~p~n", [is_process_alive(Dead)]),
    io:format("send_dead: ~p~n", [Dead ! to_the_void]),
    io:format("send_dead_erlang: ~p~n", [erlang:send(Dead, to_the_void, [])]),

    %% Sending to an unregistered name is badarg.
    io:format("send_unregistered: ~p~n",
              [try nobody_registered_here ! msg catch C1:E1 -> {C1, E1} end]),
    io:format("send_unregistered_erlang: ~p~n",
              [try erlang:send(nobody_registered_here, msg) catch C2:E2 -> {C2, E2} end]),
    io:format("send_unregistered_catch: ~p~n",
              [case catch nobody_registered_here ! msg of
                   {'EXIT', {badarg, _}} -> badarg;
                   O -> O
               end]),
    io:format("send_bad_dest: ~p~n",
              [try id(42) ! msg catch C3:E3 -> {C3, E3} end]),
    io:format("send_bad_dest_tuple: ~p~n",
              [try id({a, b, c}) ! msg catch C4:E4 -> {C4, E4} end]),
    io:format("send_local_name_node: ~p~n",
              [try {nobody_registered_here, node()} ! msg catch C5:E5 -> {C5, E5} end]),

    %% is_process_alive before and after exit.
    Waiter = spawn(fun() -> receive go -> ok after ?T -> ok end end),
    io:format("alive_before: ~p~n", [is_process_alive(Waiter)]),
    WRef = monitor(process, Waiter),
    Waiter ! go,
    io:format("waiter_down: ~p~n", [wait_down(WRef)]),
    io:format("alive_after: ~p~n", [is_process_alive(Waiter)]),
    io:format("alive_badarg: ~p~n",
              [try is_process_alive(id(not_a_pid)) catch C6:E6 -> {C6, E6} end]),

    %% processes() lists self and live processes, not dead ones.
    Procs = processes(),
    io:format("processes_self: ~p~n", [lists:member(Self, Procs)]),
    io:format("processes_dead: ~p~n", [lists:member(Waiter, Procs)]),
    io:format("processes_all_pids: ~p~n", [lists:all(fun is_pid/1, Procs)]),
    Live = spawn(fun() -> receive stop -> ok after ?T -> ok end end),
    io:format("processes_new: ~p~n", [lists:member(Live, processes())]),
    LRef = monitor(process, Live),
    Live ! stop,
    wait_down(LRef),

    %% Many short-lived processes all report back.
    Ps = [spawn(fun() -> Self ! {done, I * I} end) || I <- lists:seq(1, 100)],
    Sum = lists:sum([receive {done, X} -> X after ?T -> 0 end || _ <- Ps]),
    io:format("many_spawn_sum: ~p~n", [Sum]),
    io:format("unique_pids: ~p~n", [length(lists:usort(Ps))]),
    io:format("leftover: ~p~n", [collect_n(100)]),
    ok.

collect_any(_Tags, 0, Acc) -> lists:reverse(Acc);
collect_any(Tags, N, Acc) ->
    receive
        {T, I} = M when is_integer(I) ->
            case lists:member(T, Tags) of
                true -> collect_any(Tags, N - 1, [M | Acc]);
                false -> collect_any(Tags, N, Acc)
            end
    after ?T -> lists:reverse([timeout | Acc])
    end.

%% collect_n(N): up to N messages already queued, in order.
collect_n(0) -> [];
collect_n(N) ->
    receive M -> [M | collect_n(N - 1)] after 0 -> [] end.

id(X) -> X.

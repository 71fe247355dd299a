-module(proc_timers).
-export([main/0]).

%% BIF timers: erlang:send_after/3,4, start_timer/3,4 and their message
%% shapes, cancel_timer/1,2 and read_timer/1,2 (synchronous and
%% asynchronous), timers addressed to registered names, deadline order,
%% absolute timers, timers of dead processes and bad arguments. Remaining
%% times are only checked for type and range, never printed.

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

remaining(T) when is_integer(T), T >= 0 -> int;
remaining(false) -> false;
remaining(Other) -> {unexpected, Other}.

%% pos(T): an integer remaining time that is positive and at most Max.
pos(T, Max) -> is_integer(T) andalso T > 0 andalso T =< Max.

body() ->
    Self = self(),

    %% send_after/3 delivers the plain message.
    T1 = erlang:send_after(10, Self, hello),
    io:format("send_after_ref: ~p~n", [is_reference(T1)]),
    io:format("send_after_msg: ~p~n", [receive hello -> hello after ?T -> timeout end]),
    io:format("read_fired: ~p~n", [erlang:read_timer(T1)]),
    io:format("cancel_fired: ~p~n", [erlang:cancel_timer(T1)]),

    %% start_timer/3 delivers {timeout, Ref, Msg}.
    T2 = erlang:start_timer(10, Self, payload),
    R2 = receive
             {timeout, T2, payload} -> shape_ok;
             {timeout, _, _} = X -> {wrong_ref, X}
         after ?T -> timeout
         end,
    io:format("start_timer_msg: ~p~n", [R2]),

    %% Zero timeouts fire (asynchronously).
    erlang:send_after(0, Self, zero),
    io:format("send_after_0: ~p~n", [receive zero -> zero after ?T -> timeout end]),
    T0 = erlang:start_timer(0, Self, zero2),
    io:format("start_timer_0: ~p~n",
              [receive {timeout, T0, zero2} -> ok after ?T -> timeout end]),

    %% read_timer/1 on a running timer: integer, bounded by the timeout.
    T3 = erlang:send_after(5000, Self, never3),
    RT = erlang:read_timer(T3),
    io:format("read_running: ~p~n", [pos(RT, 5000)]),
    %% read_timer/2 synchronous and asynchronous.
    io:format("read_sync: ~p~n", [pos(erlang:read_timer(T3, [{async, false}]), 5000)]),
    io:format("read_async_ret: ~p~n", [erlang:read_timer(T3, [{async, true}])]),
    RA = receive {read_timer, T3, V3} -> pos(V3, 5000) after ?T -> timeout end,
    io:format("read_async_msg: ~p~n", [RA]),
    io:format("read_empty_opts: ~p~n", [pos(erlang:read_timer(T3, []), 5000)]),
    %% cancel_timer/1 returns the remaining time, then false.
    C3 = erlang:cancel_timer(T3),
    io:format("cancel_running: ~p~n", [pos(C3, 5000)]),
    io:format("cancel_again: ~p~n", [erlang:cancel_timer(T3)]),
    io:format("read_cancelled: ~p~n", [erlang:read_timer(T3)]),

    %% cancel_timer/2 options.
    T4 = erlang:send_after(5000, Self, never4),
    io:format("cancel_info_false: ~p~n", [erlang:cancel_timer(T4, [{info, false}])]),
    io:format("cancel_info_false_gone: ~p~n", [erlang:read_timer(T4)]),
    T5 = erlang:send_after(5000, Self, never5),
    io:format("cancel_async: ~p~n", [erlang:cancel_timer(T5, [{async, true}])]),
    R5 = receive {cancel_timer, T5, V5} -> pos(V5, 5000) after ?T -> timeout end,
    io:format("cancel_async_msg: ~p~n", [R5]),
    T6 = erlang:send_after(5000, Self, never6),
    io:format("cancel_async_noinfo: ~p~n",
              [erlang:cancel_timer(T6, [{async, true}, {info, false}])]),
    io:format("cancel_async_noinfo_gone: ~p~n", [erlang:read_timer(T6)]),
    T7 = erlang:send_after(5000, Self, never7),
    io:format("cancel_sync_info: ~p~n",
              [pos(erlang:cancel_timer(T7, [{async, false}, {info, true}]), 5000)]),
    %% Asynchronous cancel of an already cancelled timer reports false.
    io:format("cancel_async_dead: ~p~n", [erlang:cancel_timer(T7, [{async, true}])]),
    R7 = receive {cancel_timer, T7, V7} -> V7 after ?T -> timeout end,
    io:format("cancel_async_dead_msg: ~p~n", [R7]),
    io:format("cancel_empty_opts: ~p~n", [erlang:cancel_timer(T7, [])]),
    %% Cancel of an expired timer whose message is still queued: false, and
    %% the message stays.
    T8 = erlang:send_after(1, Self, expired8),
    receive after 30 -> ok end,
    io:format("cancel_expired: ~p~n", [erlang:cancel_timer(T8)]),
    io:format("expired_msg_kept: ~p~n", [flush()]),
    %% A reference that never was a timer.
    io:format("cancel_plain_ref: ~p~n", [erlang:cancel_timer(make_ref())]),
    io:format("read_plain_ref: ~p~n", [erlang:read_timer(make_ref())]),

    %% Cancelled timers never deliver.
    Ts = [erlang:send_after(20, Self, {cancelled, I}) || I <- lists:seq(1, 10)],
    Cs = [remaining(erlang:cancel_timer(T)) || T <- Ts],
    io:format("cancel_many: ~p~n", [lists:usort(Cs)]),
    receive after 50 -> ok end,
    io:format("cancelled_delivered: ~p~n", [flush()]),

    %% Timers to a registered name.
    register(proc_timers_target, Self),
    erlang:send_after(10, proc_timers_target, by_name),
    io:format("name_send_after: ~p~n", [receive by_name -> ok after ?T -> timeout end]),
    TN = erlang:start_timer(10, proc_timers_target, by_name2),
    io:format("name_start_timer: ~p~n",
              [receive {timeout, TN, by_name2} -> ok after ?T -> timeout end]),
    unregister(proc_timers_target),
    %% A name that is not registered when the timer fires: nothing happens.
    erlang:send_after(5, proc_timers_nobody, lost),
    receive after 30 -> ok end,
    io:format("name_unregistered: ~p~n", [flush()]),
    %% The name is looked up when the timer fires, not when it is set.
    erlang:send_after(20, proc_timers_late, late_name),
    register(proc_timers_late, Self),
    io:format("name_late_register: ~p~n",
              [receive late_name -> ok after ?T -> timeout end]),
    unregister(proc_timers_late),

    %% Deadline order, set in reverse.
    [erlang:send_after(D, Self, {order, D}) || D <- [80, 60, 40, 20]],
    Order = [receive {order, D} -> D after ?T -> timeout end || _ <- [1, 2, 3, 4]],
    io:format("deadline_order: ~p~n", [Order]),
    [erlang:start_timer(D, Self, D) || D <- [45, 5, 25]],
    Order2 = [receive {timeout, _, D} -> D after ?T -> timeout end || _ <- [1, 2, 3]],
    io:format("deadline_order_start_timer: ~p~n", [Order2]),

    %% Absolute timers use erlang:monotonic_time(millisecond).
    Now = erlang:monotonic_time(millisecond),
    TR = erlang:send_after(Now + 5000, Self, abs_never, [{abs, true}]),
    io:format("abs_read: ~p~n", [pos(erlang:read_timer(TR), 5000)]),
    io:format("abs_cancel: ~p~n", [pos(erlang:cancel_timer(TR), 5000)]),
    TA = erlang:send_after(Now + 20, Self, abs_msg, [{abs, true}]),
    io:format("abs_ref: ~p~n", [is_reference(TA)]),
    io:format("abs_msg: ~p~n", [receive abs_msg -> ok after ?T -> timeout end]),
    io:format("abs_waited: ~p~n", [erlang:monotonic_time(millisecond) >= Now + 20]),
    TB = erlang:start_timer(Now - 100, Self, past, [{abs, true}]),
    io:format("abs_past_fires: ~p~n",
              [receive {timeout, TB, past} -> ok after ?T -> timeout end]),
    TC = erlang:send_after(5000, Self, rel_never, [{abs, false}]),
    io:format("abs_false_read: ~p~n", [pos(erlang:cancel_timer(TC), 5000)]),
    erlang:send_after(10, Self, rel_msg, [{abs, false}]),
    io:format("abs_false_msg: ~p~n", [receive rel_msg -> ok after ?T -> timeout end]),
    TD = erlang:start_timer(10, Self, empty_opts, []),
    io:format("start_timer4_empty: ~p~n",
              [receive {timeout, TD, empty_opts} -> ok after ?T -> timeout end]),
    Now2 = erlang:monotonic_time(millisecond),
    Abs = [erlang:start_timer(Now2 + D, Self, {abs_order, D}, [{abs, true}])
           || D <- [70, 50, 30]],
    AbsOrder = [receive {timeout, _, {abs_order, D}} -> D after ?T -> timeout end || _ <- Abs],
    io:format("abs_order: ~p~n", [AbsOrder]),

    %% A timer to another process; cancelled automatically when it dies.
    Other = spawn(fun() -> receive stop -> ok after ?T -> ok end end),
    TO = erlang:send_after(5000, Other, never),
    io:format("other_read: ~p~n", [pos(erlang:read_timer(TO), 5000)]),
    ORef = monitor(process, Other),
    Other ! stop,
    receive {'DOWN', ORef, _, _, _} -> ok after ?T -> io:format("other: no DOWN~n") end,
    receive after 10 -> ok end,
    io:format("other_dead_read: ~p~n", [erlang:read_timer(TO)]),
    %% A timer to a dead pid is accepted (and never fires).
    TX = erlang:send_after(10, Other, nothing),
    io:format("dead_pid_timer: ~p~n", [is_reference(TX)]),
    %% Another process's timer can be read and cancelled by us.
    Owner = spawn(fun() ->
                          T = erlang:send_after(5000, Self, from_owner_timer),
                          Self ! {owner_timer, T},
                          receive stop -> ok after ?T -> ok end
                  end),
    OT = receive {owner_timer, OT0} -> OT0 after ?T -> undefined end,
    io:format("foreign_read: ~p~n", [pos(erlang:read_timer(OT), 5000)]),
    io:format("foreign_cancel: ~p~n", [pos(erlang:cancel_timer(OT), 5000)]),
    Owner ! stop,

    %% Bad arguments.
    Bad = fun(F) -> try F() catch C:E -> {C, E} end end,
    io:format("bad_negative: ~p~n", [Bad(fun() -> erlang:send_after(-1, Self, x) end)]),
    io:format("bad_float: ~p~n", [Bad(fun() -> erlang:send_after(1.0, Self, x) end)]),
    io:format("bad_dest: ~p~n", [Bad(fun() -> erlang:send_after(10, 42, x) end)]),
    io:format("bad_dest_tuple: ~p~n",
              [Bad(fun() -> erlang:send_after(10, {name, node()}, x) end)]),
    io:format("bad_start_negative: ~p~n", [Bad(fun() -> erlang:start_timer(-5, Self, x) end)]),
    io:format("bad_option: ~p~n",
              [Bad(fun() -> erlang:send_after(10, Self, x, [{abs, perhaps}]) end)]),
    io:format("bad_option2: ~p~n",
              [Bad(fun() -> erlang:send_after(10, Self, x, [bogus]) end)]),
    io:format("bad_too_large: ~p~n",
              [Bad(fun() -> erlang:send_after(1 bsl 64, Self, x) end)]),
    io:format("bad_cancel: ~p~n", [Bad(fun() -> erlang:cancel_timer(not_a_ref) end)]),
    io:format("bad_read: ~p~n", [Bad(fun() -> erlang:read_timer(42) end)]),
    io:format("bad_cancel_opt: ~p~n",
              [Bad(fun() -> erlang:cancel_timer(make_ref(), [{async, 1}]) end)]),
    io:format("bad_read_opt: ~p~n",
              [Bad(fun() -> erlang:read_timer(make_ref(), [bogus]) end)]),
    %% Large valid timeout.
    TL = erlang:send_after(16#FFFFFFFF, Self, far),
    io:format("large_ok: ~p~n", [remaining(erlang:cancel_timer(TL))]),
    receive after 20 -> ok end,
    io:format("leftover: ~p~n", [flush()]),
    ok.

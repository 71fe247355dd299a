-module(proc_timeouts).
-export([main/0, add/2, three/3]).

%% Receive timeouts: after 0 with an empty queue and with queued
%% non-matching / matching messages, small timeouts, after infinity when a
%% message arrives, timeouts held in variables, invalid timeout values,
%% timer:sleep/1 and timer:tc/1,2,3 (result shapes only).

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

add(A, B) -> A + B.
three(A, B, C) -> [A, B, C].

%% wait_for(T): receive with a timeout that is a variable.
wait_for(T) ->
    receive
        wake -> woken
    after T -> timed_out
    end.

tc_shape({Time, Value}) when is_integer(Time), Time >= 0 -> {int_time, Value};
tc_shape(Other) -> {bad_shape, Other}.

elapsed_ms(Start) ->
    erlang:monotonic_time(millisecond) - Start.

body() ->
    Self = self(),
    %% after 0 on an empty queue.
    io:format("after0_empty: ~p~n", [receive _ -> got after 0 -> timeout end]),
    %% after 0 with a matching message already queued.
    Self ! ping,
    io:format("after0_match: ~p~n", [receive ping -> got_ping after 0 -> timeout end]),
    %% after 0 with only non-matching messages: they stay queued.
    Self ! other1, Self ! other2,
    io:format("after0_nomatch: ~p~n", [receive ping -> got_ping after 0 -> timeout end]),
    io:format("after0_kept: ~p~n", [flush()]),
    %% after 0 as a plain sleep-less yield.
    io:format("after0_only: ~p~n", [receive after 0 -> done end]),

    %% after N.
    S1 = erlang:monotonic_time(millisecond),
    R1 = receive never -> never after 30 -> timeout end,
    io:format("after30: ~p waited_enough: ~p~n", [R1, elapsed_ms(S1) >= 30]),
    %% Receive without clauses is a sleep.
    S2 = erlang:monotonic_time(millisecond),
    receive after 20 -> ok end,
    io:format("bare_after20_waited: ~p~n", [elapsed_ms(S2) >= 20]),
    %% Non-matching messages arriving during the wait do not end it early.
    spawn(fun() -> Self ! noise1, receive after 5 -> ok end, Self ! noise2 end),
    S3 = erlang:monotonic_time(millisecond),
    R3 = receive never -> never after 40 -> timeout end,
    io:format("noise_during_wait: ~p waited_enough: ~p~n", [R3, elapsed_ms(S3) >= 40]),
    N2 = receive noise2 -> ok after ?T -> missing end,
    io:format("noise_kept: ~p ~p~n", [N2, flush()]),

    %% A message arriving before the timeout ends the wait.
    spawn(fun() -> receive after 10 -> ok end, Self ! wake end),
    io:format("message_before_timeout: ~p~n", [wait_for(?T)]),
    %% after infinity with a message that does arrive.
    spawn(fun() -> receive after 10 -> ok end, Self ! {late, 1} end),
    R4 = receive {late, X} -> {got, X} after infinity -> impossible end,
    io:format("after_infinity: ~p~n", [R4]),
    Inf = id(infinity),
    spawn(fun() -> Self ! wake end),
    io:format("after_infinity_var: ~p~n", [wait_for(Inf)]),

    %% Timeouts from variables.
    io:format("var_timeout_0: ~p~n", [wait_for(id(0))]),
    io:format("var_timeout_15: ~p~n", [wait_for(id(15))]),
    Self ! wake,
    io:format("var_timeout_queued: ~p~n", [wait_for(id(0))]),
    %% Large but valid timeout with a message already there.
    Self ! wake,
    io:format("var_timeout_large: ~p~n", [wait_for(id(16#FFFFFFFF))]),
    Self ! wake,
    io:format("var_timeout_bignum: ~p~n", [wait_for(id(1 bsl 70))]),

    %% Invalid timeout values raise error:timeout_value.
    Bad = [-1, 1.5, foo, "10", {10}, -(1 bsl 70), 16#100000000, 1 bsl 70],
    io:format("bad_timeouts: ~p~n",
              [[{B, try wait_for(id(B)) catch C:E -> {C, E} end} || B <- Bad]]),
    %% Even with a matching message queued the bad timeout is raised?
    Self ! wake,
    R5 = try wait_for(id(-5)) catch C5:E5 -> {C5, E5} end,
    io:format("bad_timeout_with_message: ~p left ~p~n", [R5, flush()]),
    %% 16#FFFFFFFF is the largest valid timeout: the process just waits.
    Max = id(16#FFFFFFFF),
    MaxP = spawn(fun() ->
                         R = try receive never -> never after Max -> ok end
                             catch C:E -> {C, E} end,
                         Self ! {max_timeout, R}
                 end),
    R7 = receive {max_timeout, M} -> M after 50 -> still_waiting end,
    io:format("max_timeout: ~p ~p~n", [R7, process_info(MaxP, status)]),
    exit(MaxP, kill),
    R6 = try receive after id(neg_atom) -> ok end catch C6:E6 -> {C6, E6} end,
    io:format("bad_timeout_bare: ~p~n", [R6]),

    %% timer:sleep/1.
    S7 = erlang:monotonic_time(millisecond),
    io:format("sleep_ret: ~p~n", [timer:sleep(25)]),
    io:format("sleep_waited: ~p~n", [elapsed_ms(S7) >= 25]),
    io:format("sleep0: ~p~n", [timer:sleep(0)]),
    Self ! kept_across_sleep,
    timer:sleep(5),
    io:format("sleep_keeps_messages: ~p~n", [flush()]),

    %% timer:tc/1,2,3.
    io:format("tc1: ~p~n", [tc_shape(timer:tc(fun() -> lists:seq(1, 3) end))]),
    io:format("tc2: ~p~n", [tc_shape(timer:tc(fun add/2, [20, 22]))]),
    io:format("tc3: ~p~n", [tc_shape(timer:tc(?MODULE, three, [a, b, c]))]),
    {TSleep, ok} = timer:tc(timer, sleep, [20]),
    io:format("tc_sleep_at_least: ~p~n", [TSleep >= 20000]),
    ok.

id(X) -> X.

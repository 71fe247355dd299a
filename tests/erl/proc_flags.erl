-module(proc_flags).
-export([main/0, child/1]).

%% process_flag/2 (priority, trap_exit, heap settings, message queue data,
%% sensitive, error_handler) and spawn_opt/2,4 options (link, monitor,
%% priority, min_heap_size, fullsweep_after, max_heap_size,
%% message_queue_data), with their process_info counterparts and the
%% badarg cases. Heap sizes are only compared, never printed.

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

%% child(Parent): reports its readiness and waits for stop.
child(Parent) ->
    Parent ! {ready, self()},
    receive stop -> ok after ?T -> ok end.

ready(P) ->
    receive {ready, P} -> ok after ?T -> io:format("ready: timeout~n") end.

wait_down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after ?T -> down_timeout
    end.

stop(P) ->
    R = monitor(process, P),
    P ! stop,
    wait_down(R).

val(P, Item) ->
    case process_info(P, Item) of
        {Item, V} -> V;
        Other -> {unexpected, Other}
    end.

%% mhs(Map): the stable part of a max_heap_size map.
mhs(#{size := S, kill := K, error_logger := E}) -> {S, K, E};
mhs(Other) -> {not_a_map, Other}.

err(F) -> try F() catch C:E -> {C, E} end.

body() ->
    Self = self(),

    %% priority.
    io:format("priority_initial: ~p~n", [process_info(Self, priority)]),
    io:format("priority_set_high: ~p~n", [process_flag(priority, high)]),
    io:format("priority_info_high: ~p~n", [process_info(Self, priority)]),
    io:format("priority_set_low: ~p~n", [process_flag(priority, low)]),
    io:format("priority_set_max: ~p~n", [process_flag(priority, max)]),
    io:format("priority_set_normal: ~p~n", [process_flag(priority, normal)]),
    io:format("priority_set_normal_again: ~p~n", [process_flag(priority, normal)]),
    io:format("priority_bad: ~p~n", [err(fun() -> process_flag(priority, id(urgent)) end)]),
    io:format("priority_after_bad: ~p~n", [process_info(Self, priority)]),

    %% trap_exit.
    io:format("trap_exit_set: ~p ~p~n", [process_flag(trap_exit, true), process_flag(trap_exit, false)]),
    io:format("trap_exit_bad: ~p~n", [err(fun() -> process_flag(trap_exit, id(1)) end)]),

    %% Other flags.
    io:format("bad_flag: ~p~n", [err(fun() -> process_flag(id(no_such_flag), true) end)]),
    io:format("bad_flag_type: ~p~n", [err(fun() -> process_flag(id("trap_exit"), true) end)]),
    io:format("sensitive: ~p ~p~n", [process_flag(sensitive, true), process_flag(sensitive, false)]),
    io:format("error_handler: ~p ~p~n",
              [process_flag(error_handler, my_handler), process_flag(error_handler, error_handler)]),
    io:format("message_queue_data: ~p ~p ~p~n",
              [process_flag(message_queue_data, off_heap),
               process_info(Self, message_queue_data),
               process_flag(message_queue_data, on_heap)]),
    io:format("message_queue_data_bad: ~p~n",
              [err(fun() -> process_flag(message_queue_data, id(nowhere)) end)]),
    OldMin = process_flag(min_heap_size, 1000),
    io:format("min_heap_size_old: ~p~n", [is_integer(OldMin)]),
    io:format("min_heap_size_new: ~p~n", [val(Self, min_heap_size) >= 1000]),
    io:format("min_heap_size_restore: ~p~n", [process_flag(min_heap_size, OldMin) >= 1000]),
    io:format("min_heap_size_bad: ~p~n", [err(fun() -> process_flag(min_heap_size, id(-1)) end)]),
    OldMax = process_flag(max_heap_size, 100000),
    io:format("max_heap_size_old: ~p~n", [mhs(OldMax)]),
    io:format("max_heap_size_info: ~p~n", [mhs(val(Self, max_heap_size))]),
    io:format("max_heap_size_map: ~p~n",
              [mhs(process_flag(max_heap_size, #{size => 200000, kill => false}))]),
    io:format("max_heap_size_info2: ~p~n", [mhs(val(Self, max_heap_size))]),
    io:format("max_heap_size_reset: ~p~n", [mhs(process_flag(max_heap_size, 0))]),
    io:format("max_heap_size_info3: ~p~n", [mhs(val(Self, max_heap_size))]),
    io:format("max_heap_size_bad: ~p~n",
              [err(fun() -> process_flag(max_heap_size, id(bogus)) end)]),
    io:format("max_heap_size_bad_key: ~p~n",
              [err(fun() -> process_flag(max_heap_size, id(#{sizes => 10})) end)]),

    %% spawn_opt link / monitor.
    PL = spawn_opt(fun() -> child(Self) end, [link]),
    ready(PL),
    io:format("spawn_opt_link: ~p ~p~n", [is_pid(PL), val(Self, links) =:= [PL]]),
    stop(PL),
    io:format("spawn_opt_link_gone: ~p~n", [val(Self, links)]),
    {PM, RM} = spawn_opt(fun() -> child(Self) end, [monitor]),
    ready(PM),
    io:format("spawn_opt_monitor: ~p ~p~n",
              [is_pid(PM) andalso is_reference(RM), val(Self, monitors) =:= [{process, PM}]]),
    PM ! stop,
    io:format("spawn_opt_monitor_down: ~p~n",
              [receive {'DOWN', RM, process, PM, W} -> W after ?T -> timeout end]),
    {PLM, RLM} = spawn_opt(fun() -> child(Self) end, [link, monitor]),
    ready(PLM),
    io:format("spawn_opt_link_monitor: ~p ~p~n",
              [val(Self, links) =:= [PLM], val(Self, monitors) =:= [{process, PLM}]]),
    PLM ! stop,
    io:format("spawn_opt_link_monitor_down: ~p~n", [wait_down(RLM)]),
    {P4, R4} = spawn_opt(?MODULE, child, [Self], [monitor]),
    ready(P4),
    io:format("spawn_opt4_initial_call: ~p~n", [process_info(P4, initial_call)]),
    P4 ! stop,
    io:format("spawn_opt4_down: ~p~n", [wait_down(R4)]),
    {_, RT} = spawn_opt(fun() -> exit(spawn_opt_reason) end, [monitor]),
    io:format("spawn_opt_monitor_reason: ~p~n", [wait_down(RT)]),
    %% monitor with options (a tag).
    {PT, RTag} = spawn_opt(fun() -> exit(tagged) end, [{monitor, [{tag, opt_tag}]}]),
    io:format("spawn_opt_monitor_tag: ~p~n",
              [receive {opt_tag, RTag, process, PT, WT} -> WT after ?T -> timeout end]),

    %% spawn_opt priority.
    [begin
         P = spawn_opt(fun() -> child(Self) end, [{priority, Prio}]),
         ready(P),
         io:format("spawn_opt_priority_~p: ~p~n", [Prio, process_info(P, priority)]),
         stop(P)
     end || Prio <- [low, normal, high, max]],

    %% Heap options.
    PH = spawn_opt(fun() -> child(Self) end, [{min_heap_size, 5000}]),
    ready(PH),
    io:format("spawn_opt_min_heap: ~p ~p~n",
              [val(PH, min_heap_size) >= 5000, val(PH, heap_size) >= 5000]),
    stop(PH),
    PF = spawn_opt(fun() -> child(Self) end, [{fullsweep_after, 7}]),
    ready(PF),
    io:format("spawn_opt_fullsweep: ~p~n", [process_info(PF, fullsweep_after)]),
    {garbage_collection, GC} = process_info(PF, garbage_collection),
    io:format("spawn_opt_fullsweep_gc: ~p~n", [lists:keyfind(fullsweep_after, 1, GC)]),
    stop(PF),
    PX = spawn_opt(fun() -> child(Self) end, [{max_heap_size, 1000000}]),
    ready(PX),
    io:format("spawn_opt_max_heap: ~p~n", [mhs(val(PX, max_heap_size))]),
    stop(PX),
    PX2 = spawn_opt(fun() -> child(Self) end,
                    [{max_heap_size, #{size => 2000000, kill => false, error_logger => false}}]),
    ready(PX2),
    io:format("spawn_opt_max_heap_map: ~p~n", [mhs(val(PX2, max_heap_size))]),
    stop(PX2),
    PQ = spawn_opt(fun() -> child(Self) end, [{message_queue_data, off_heap}]),
    ready(PQ),
    io:format("spawn_opt_mqd: ~p~n", [process_info(PQ, message_queue_data)]),
    stop(PQ),
    %% Several options together.
    {PA, RA} = spawn_opt(fun() -> child(Self) end,
                         [monitor, {priority, low}, {fullsweep_after, 3}, {min_heap_size, 300}]),
    ready(PA),
    io:format("spawn_opt_combined: ~p~n", [process_info(PA, [priority, fullsweep_after])]),
    PA ! stop,
    io:format("spawn_opt_combined_down: ~p~n", [wait_down(RA)]),

    %% A process exceeding max_heap_size with kill => true is killed.
    {_, RK} = spawn_opt(fun() ->
                                L = lists:seq(1, 200000),
                                exit({survived, length(L)})
                        end,
                        [monitor, {max_heap_size, #{size => 10000, kill => true,
                                                    error_logger => false}}]),
    io:format("max_heap_kill: ~p~n", [wait_down(RK)]),

    %% Bad spawn_opt options.
    F = fun() -> ok end,
    io:format("spawn_opt_bad_atom: ~p~n", [err(fun() -> spawn_opt(F, [id(bogus)]) end)]),
    io:format("spawn_opt_bad_priority: ~p~n", [err(fun() -> spawn_opt(F, [{priority, id(urgent)}]) end)]),
    io:format("spawn_opt_bad_min_heap: ~p~n", [err(fun() -> spawn_opt(F, [{min_heap_size, id(-5)}]) end)]),
    io:format("spawn_opt_not_list: ~p~n", [err(fun() -> spawn_opt(F, id(link)) end)]),
    io:format("spawn_opt_bad_fun: ~p~n", [err(fun() -> spawn_opt(id(not_fun), []) end)]),
    receive after 10 -> ok end,
    io:format("leftover: ~p~n", [flush()]),
    ok.

id(X) -> X.

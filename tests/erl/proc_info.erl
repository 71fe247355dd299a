-module(proc_info).
-export([main/0, wait_here/1, wait_deeper/1]).

%% process_info/1,2: the keys of process_info/1, single items (status,
%% message_queue_len, messages, links, dictionary, current_function,
%% initial_call, registered_name, reductions, priority, trap_exit,
%% group_leader, heap sizes, parent, ...), item lists, dead pids and bad
%% arguments. Only stable values are printed: sizes and counts are checked
%% for type.

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

%% wait_here(Parent): tells Parent it is about to wait, then waits here.
wait_here(Parent) ->
    Parent ! {waiting, self()},
    receive
        stop -> ok;
        {put, K, V} -> put(K, V), Parent ! {done, self()}, wait_here_quiet(Parent)
    after ?T -> ok
    end.

wait_here_quiet(Parent) ->
    receive
        stop -> ok;
        {put, K, V} -> put(K, V), Parent ! {done, self()}, wait_here_quiet(Parent)
    after ?T -> ok
    end.

wait_deeper(Parent) ->
    R = wait_here(Parent),
    {deeper, R}.

start_waiter(F) ->
    Self = self(),
    P = spawn(?MODULE, F, [Self]),
    receive {waiting, P} -> ok after ?T -> io:format("start_waiter: timeout~n") end,
    %% The waiter may not have reached its receive yet: poll its status.
    wait_status(P, waiting, 300),
    P.

wait_status(_P, _S, 0) -> io:format("wait_status: gave up~n");
wait_status(P, S, N) ->
    case process_info(P, status) of
        {status, S} -> ok;
        _ -> receive after 5 -> ok end, wait_status(P, S, N - 1)
    end.

stop(P) ->
    R = monitor(process, P),
    P ! stop,
    receive {'DOWN', R, _, _, _} -> ok after ?T -> io:format("stop: timeout~n") end.

val(P, Item) ->
    case process_info(P, Item) of
        {Item, V} -> V;
        Other -> {unexpected, Other}
    end.

body() ->
    Self = self(),
    P = start_waiter(wait_here),

    %% process_info/1: which keys are present, and their exact order.
    Info = process_info(P),
    Keys = [K || {K, _} <- Info],
    Fixed = [current_function, initial_call, status, message_queue_len, links,
             dictionary, trap_exit, error_handler, priority, group_leader,
             total_heap_size, heap_size, stack_size, reductions,
             garbage_collection, suspending, registered_name, messages, memory],
    io:format("info1_present: ~p~n", [[{K, lists:member(K, Keys)} || K <- Fixed]]),
    io:format("info1_keys: ~p~n", [Keys]),
    register(proc_info_named, P),
    io:format("info1_named_first: ~p~n", [hd(process_info(P))]),
    unregister(proc_info_named),

    %% Single items.
    io:format("status_waiting: ~p~n", [process_info(P, status)]),
    io:format("status_self: ~p~n", [process_info(Self, status)]),
    io:format("current_function: ~p~n", [process_info(P, current_function)]),
    io:format("initial_call_mfa: ~p~n", [process_info(P, initial_call)]),
    {current_stacktrace, [{M0, F0, A0, _} | _]} = process_info(P, current_stacktrace),
    io:format("current_stacktrace_top: ~p~n", [{M0, F0, A0}]),
    {current_location, {M1, F1, A1, _}} = process_info(P, current_location),
    io:format("current_location_mfa: ~p~n", [{M1, F1, A1}]),
    Q = start_waiter(wait_deeper),
    io:format("current_function_deeper: ~p~n", [process_info(Q, current_function)]),
    io:format("initial_call_deeper: ~p~n", [process_info(Q, initial_call)]),
    {current_stacktrace, QStack} = process_info(Q, current_stacktrace),
    io:format("stacktrace_deeper: ~p~n", [[{M, F, A} || {M, F, A, _} <- QStack]]),
    stop(Q),
    %% A process spawned from a fun starts in erlang:apply/2.
    FP = spawn(fun() -> receive stop -> ok after ?T -> ok end end),
    io:format("initial_call_fun: ~p~n", [process_info(FP, initial_call)]),
    {current_function, {FM, FF, FA}} = process_info(FP, current_function),
    io:format("current_function_fun: ~p~n", [{FM, is_atom(FF), FA}]),
    stop(FP),

    io:format("registered_name_none: ~p~n", [process_info(P, registered_name)]),
    io:format("registered_name_none_list: ~p~n", [process_info(P, [registered_name])]),
    register(proc_info_p, P),
    io:format("registered_name: ~p~n", [process_info(P, registered_name)]),
    io:format("registered_name_list: ~p~n", [process_info(P, [registered_name])]),
    unregister(proc_info_p),

    io:format("reductions: ~p~n", [is_integer(val(P, reductions))]),
    io:format("priority: ~p~n", [process_info(P, priority)]),
    io:format("trap_exit: ~p~n", [process_info(P, trap_exit)]),
    io:format("group_leader: ~p~n", [is_pid(val(P, group_leader))]),
    io:format("group_leader_inherited: ~p~n", [val(P, group_leader) =:= group_leader()]),
    io:format("error_handler: ~p~n", [process_info(P, error_handler)]),
    io:format("suspending: ~p~n", [process_info(P, suspending)]),
    io:format("parent: ~p~n", [val(P, parent) =:= Self]),
    io:format("heap_size: ~p~n", [is_integer(val(P, heap_size)) andalso val(P, heap_size) > 0]),
    io:format("total_heap_size: ~p~n",
              [val(P, total_heap_size) >= val(P, heap_size)]),
    io:format("stack_size: ~p~n", [is_integer(val(P, stack_size))]),
    io:format("memory: ~p~n", [is_integer(val(P, memory)) andalso val(P, memory) > 0]),
    GC = val(P, garbage_collection),
    io:format("garbage_collection_keys: ~p~n",
              [[{K, lists:keymember(K, 1, GC)}
                || K <- [min_heap_size, min_bin_vheap_size, fullsweep_after, minor_gcs, max_heap_size]]]),
    io:format("min_heap_size: ~p~n", [process_info(P, min_heap_size)]),
    io:format("fullsweep_after: ~p~n", [process_info(P, fullsweep_after)]),
    io:format("message_queue_data: ~p~n", [process_info(P, message_queue_data)]),

    %% Message queue items.
    io:format("mql_empty: ~p ~p~n", [process_info(P, message_queue_len), process_info(P, messages)]),
    [Self ! {m, I} || I <- [1, 2, 3]],
    io:format("mql_self: ~p~n", [process_info(Self, message_queue_len)]),
    io:format("messages_self: ~p~n", [process_info(Self, messages)]),
    flush(),
    %% Messages queued at a waiting process that does not match them.
    Busy = spawn(fun() -> receive stop -> ok after ?T -> ok end end),
    [Busy ! {junk, I} || I <- [1, 2]],
    wait_status(Busy, waiting, 300),
    io:format("mql_other: ~p~n", [process_info(Busy, message_queue_len)]),
    io:format("messages_other: ~p~n", [process_info(Busy, messages)]),
    stop(Busy),

    %% Links and the dictionary.
    io:format("links_none: ~p~n", [process_info(P, links)]),
    link(P),
    io:format("links_one: ~p ~p~n", [val(P, links) =:= [Self], val(Self, links) =:= [P]]),
    unlink(P),
    io:format("dictionary_empty: ~p~n", [process_info(P, dictionary)]),
    P ! {put, color, blue},
    receive {done, P} -> ok after ?T -> io:format("put: timeout~n") end,
    P ! {put, size, 3},
    receive {done, P} -> ok after ?T -> io:format("put: timeout~n") end,
    wait_status(P, waiting, 300),
    io:format("dictionary: ~p~n", [lists:sort(val(P, dictionary))]),
    put(own_key, own_value),
    io:format("dictionary_self: ~p~n", [lists:keyfind(own_key, 1, val(Self, dictionary))]),
    erase(own_key),
    %% After handling a message P waits in another function.
    io:format("current_function_after: ~p~n", [process_info(P, current_function)]),

    %% Item lists keep the order (and duplicates) of the request.
    io:format("item_list: ~p~n",
              [process_info(P, [status, trap_exit, priority, message_queue_len])]),
    io:format("item_list_dup: ~p~n", [process_info(P, [priority, priority])]),
    io:format("item_list_empty: ~p~n", [process_info(P, [])]),
    io:format("item_list_links_dict: ~p~n", [process_info(P, [links, registered_name])]),

    %% trap_exit and priority as seen from outside.
    T = spawn(fun() ->
                      process_flag(trap_exit, true),
                      process_flag(priority, low),
                      Self ! {ready, self()},
                      receive stop -> ok after ?T -> ok end
              end),
    receive {ready, T} -> ok after ?T -> ok end,
    io:format("other_flags: ~p~n", [process_info(T, [trap_exit, priority])]),
    stop(T),

    %% Dead pids.
    stop(P),
    io:format("dead_item: ~p~n", [process_info(P, status)]),
    io:format("dead_list: ~p~n", [process_info(P, [status, links])]),
    io:format("dead_info1: ~p~n", [process_info(P)]),

    %% Bad arguments.
    Bad = fun(F) -> try F() catch C:E -> {C, E} end end,
    io:format("bad_item: ~p~n", [Bad(fun() -> process_info(Self, id(bogus_item)) end)]),
    io:format("bad_item_in_list: ~p~n", [Bad(fun() -> process_info(Self, [status, bogus]) end)]),
    io:format("bad_improper_list: ~p~n", [Bad(fun() -> process_info(Self, id([status | x])) end)]),
    io:format("bad_pid: ~p~n", [Bad(fun() -> process_info(id(not_a_pid)) end)]),
    io:format("bad_pid2: ~p~n", [Bad(fun() -> process_info(id(self), status) end)]),
    io:format("bad_item_dead: ~p~n", [Bad(fun() -> process_info(P, id(bogus_item)) end)]),
    io:format("leftover: ~p~n", [flush()]),
    ok.

id(X) -> X.

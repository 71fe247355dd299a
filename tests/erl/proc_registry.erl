-module(proc_registry).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% The process registry: register/unregister/whereis/registered, error
%% cases (duplicate names, a process with two names, dead pids, unknown
%% names, the reserved name undefined), names released when a process
%% exits, sending to names, and registered_name in process_info.

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

idle(Parent) ->
    receive
        {die, Reason} -> exit(Reason);
        {register, Name} -> Parent ! {registered, self(), catch register(Name, self())}, idle(Parent);
        stop -> ok;
        Msg -> Parent ! {echo, self(), Msg}, idle(Parent)
    after ?T -> exit(idle_timeout)
    end.

wait_down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after ?T -> down_timeout
    end.

err(F) -> try F() catch C:E -> {C, E} end.

body() ->
    Self = self(),
    io:format("whereis_unknown: ~p~n", [whereis(proc_registry_none)]),
    io:format("registered_is_list: ~p~n", [is_list(registered())]),
    io:format("registered_atoms: ~p~n", [lists:all(fun is_atom/1, registered())]),
    io:format("name_initial: ~p~n", [process_info(Self, registered_name)]),

    %% register self.
    io:format("register_self: ~p~n", [register(proc_registry_main, Self)]),
    io:format("whereis_self: ~p~n", [whereis(proc_registry_main) =:= Self]),
    io:format("registered_member: ~p~n", [lists:member(proc_registry_main, registered())]),
    io:format("name_info: ~p~n", [process_info(Self, registered_name)]),
    proc_registry_main ! to_my_name,
    io:format("send_to_own_name: ~p~n", [flush()]),
    io:format("erlang_send_name: ~p~n", [erlang:send(proc_registry_main, via_send)]),
    io:format("send_name_node: ~p~n", [{proc_registry_main, node()} ! via_tuple]),
    io:format("name_msgs: ~p~n", [flush()]),

    %% Errors.
    P = spawn(fun() -> idle(Self) end),
    io:format("dup_name: ~p~n", [err(fun() -> register(proc_registry_main, P) end)]),
    io:format("second_name: ~p~n", [err(fun() -> register(proc_registry_other, Self) end)]),
    io:format("second_name_not_registered: ~p~n", [whereis(proc_registry_other)]),
    io:format("register_undefined: ~p~n", [err(fun() -> register(undefined, P) end)]),
    io:format("register_not_atom: ~p~n", [err(fun() -> register(id("name"), P) end)]),
    io:format("register_not_pid: ~p~n", [err(fun() -> register(proc_registry_x, id(42)) end)]),
    io:format("unregister_unknown: ~p~n", [err(fun() -> unregister(proc_registry_none) end)]),
    io:format("unregister_not_atom: ~p~n", [err(fun() -> unregister(id(42)) end)]),
    io:format("whereis_not_atom: ~p~n", [err(fun() -> whereis(id(42)) end)]),
    {Dead, DRef} = spawn_monitor(fun() -> ok end),
    wait_down(DRef),
    io:format("register_dead: ~p~n", [err(fun() -> register(proc_registry_dead, Dead) end)]),
    io:format("register_dead_whereis: ~p~n", [whereis(proc_registry_dead)]),
    io:format("error_catch_form: ~p~n",
              [case catch register(proc_registry_main, P) of
                   {'EXIT', {badarg, [{erlang, register, [proc_registry_main, _], _} | _]}} -> badarg;
                   Other -> Other
               end]),

    %% unregister self.
    io:format("unregister: ~p~n", [unregister(proc_registry_main)]),
    io:format("unregister_whereis: ~p~n", [whereis(proc_registry_main)]),
    io:format("unregister_member: ~p~n", [lists:member(proc_registry_main, registered())]),
    io:format("unregister_info: ~p~n", [process_info(Self, registered_name)]),
    io:format("unregister_twice: ~p~n", [err(fun() -> unregister(proc_registry_main) end)]),
    io:format("send_after_unregister: ~p~n",
              [err(fun() -> proc_registry_main ! lost end)]),
    %% Re-register under another name is fine once unregistered.
    io:format("reregister: ~p ~p~n",
              [register(proc_registry_other, Self), process_info(Self, registered_name)]),
    unregister(proc_registry_other),

    %% Another process's name, registered by us and by itself.
    io:format("register_other: ~p~n", [register(proc_registry_p, P)]),
    io:format("other_name_info: ~p~n", [process_info(P, registered_name)]),
    proc_registry_p ! hello,
    io:format("send_to_other_name: ~p~n",
              [receive {echo, P, M} -> M after ?T -> timeout end]),
    %% Unregistering another process's name is allowed.
    io:format("unregister_other: ~p ~p~n", [unregister(proc_registry_p), whereis(proc_registry_p)]),
    P ! {register, proc_registry_selfreg},
    io:format("self_register: ~p~n",
              [receive {registered, P, R} -> R after ?T -> timeout end]),
    io:format("self_register_whereis: ~p~n", [whereis(proc_registry_selfreg) =:= P]),
    P ! {register, proc_registry_second},
    io:format("self_register_second: ~p~n",
              [receive {registered, P, {'EXIT', {E2, _}}} -> E2; {registered, P, R2} -> R2
               after ?T -> timeout end]),

    %% The name is released when the process exits.
    PRef = monitor(process, P),
    P ! {die, bye},
    io:format("named_down: ~p~n", [wait_down(PRef)]),
    io:format("released_whereis: ~p~n", [whereis(proc_registry_selfreg)]),
    io:format("released_member: ~p~n", [lists:member(proc_registry_selfreg, registered())]),
    io:format("released_send: ~p~n", [err(fun() -> proc_registry_selfreg ! x end)]),
    io:format("released_reuse: ~p~n", [register(proc_registry_selfreg, Self)]),
    unregister(proc_registry_selfreg),
    %% Killed processes release their names too.
    K = spawn(fun() -> idle(Self) end),
    register(proc_registry_k, K),
    KRef = monitor(process, K),
    exit(K, kill),
    io:format("killed_down: ~p~n", [wait_down(KRef)]),
    io:format("killed_released: ~p~n", [whereis(proc_registry_k)]),

    %% Many names.
    Names = [list_to_atom("proc_registry_n" ++ integer_to_list(I)) || I <- lists:seq(1, 20)],
    Ps = [spawn(fun() -> idle(Self) end) || _ <- Names],
    [register(N, Pn) || {N, Pn} <- lists:zip(Names, Ps)],
    io:format("many_registered: ~p~n",
              [lists:all(fun(N) -> lists:member(N, registered()) end, Names)]),
    io:format("many_whereis: ~p~n", [[whereis(N) || N <- Names] =:= Ps]),
    [N ! {ping, N} || N <- Names],
    Pongs = [receive {echo, Pn, {ping, N}} -> N after ?T -> timeout end
             || {N, Pn} <- lists:zip(Names, Ps)],
    io:format("many_send: ~p~n", [Pongs =:= Names]),
    Refs = [monitor(process, Pn) || Pn <- Ps],
    [Pn ! stop || Pn <- Ps],
    [wait_down(R0) || R0 <- Refs],
    io:format("many_released: ~p~n", [[N || N <- Names, whereis(N) =/= undefined]]),
    io:format("leftover: ~p~n", [flush()]),
    ok.

id(X) -> X.

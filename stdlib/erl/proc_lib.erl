%% proc_lib: starting processes the OTP way. A process started here keeps
%% its parent and the parent's ancestors in its dictionary under
%% '$ancestors' and the function it started with under '$initial_call'. It
%% may start synchronously: the starter waits until the new process calls
%% init_ack. When such a process dies of anything but normal, shutdown or
%% {shutdown, _}, a crash report is logged (logger), and the process exits
%% with the reason it crashed with ({Reason, Stack} for an error,
%% {{nocatch, Value}, Stack} for a throw).
-module(proc_lib).
-compile({no_auto_import, [spawn/1, spawn/2, spawn/3, spawn/4, spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4, spawn_opt/2, spawn_opt/3, spawn_opt/4, spawn_opt/5]}).

-export([spawn/1, spawn/2, spawn/3, spawn/4,
         spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4,
         spawn_opt/2, spawn_opt/3, spawn_opt/4, spawn_opt/5,
         start/3, start/4, start/5,
         start_link/3, start_link/4, start_link/5,
         start_monitor/3, start_monitor/4, start_monitor/5,
         init_ack/1, init_ack/2, init_fail/2, init_fail/3,
         hibernate/3, initial_call/1, translate_initial_call/1,
         stop/1, stop/3,
         format/1, format/2, format/3]).
%% Where new processes start.
-export([init_p/3, init_p/5, wake_up/3]).

%%% Asynchronous starts.

spawn(F) when is_function(F) ->
    erlang:spawn(?MODULE, init_p, [my_name(), ancestors(), F]).

spawn(Node, F) when is_function(F) ->
    erlang:spawn(Node, ?MODULE, init_p, [my_name(), ancestors(), F]).

spawn(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn(Node, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(Node, ?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn_link(F) when is_function(F) ->
    erlang:spawn_link(?MODULE, init_p, [my_name(), ancestors(), F]).

spawn_link(Node, F) when is_function(F) ->
    erlang:spawn_link(Node, ?MODULE, init_p, [my_name(), ancestors(), F]).

spawn_link(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn_link(Node, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(Node, ?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn_opt(F, Opts) when is_function(F), is_list(Opts) ->
    erlang:spawn_opt(?MODULE, init_p, [my_name(), ancestors(), F], Opts).

spawn_opt(Node, F, Opts) when is_function(F), is_list(Opts) ->
    erlang:spawn_opt(Node, ?MODULE, init_p, [my_name(), ancestors(), F], Opts).

spawn_opt(M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A), is_list(Opts) ->
    erlang:spawn_opt(?MODULE, init_p, [my_name(), ancestors(), M, F, A], Opts).

spawn_opt(Node, M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A), is_list(Opts) ->
    erlang:spawn_opt(Node, ?MODULE, init_p, [my_name(), ancestors(), M, F, A], Opts).

%%% Synchronous starts: the caller waits for init_ack.

start(M, F, A) ->
    start(M, F, A, infinity).

start(M, F, A, Timeout) ->
    start(M, F, A, Timeout, []).

start(M, F, A, Timeout, SpawnOpts) when is_atom(M), is_atom(F), is_list(A) ->
    check_opts(SpawnOpts, [M, F, A, Timeout, SpawnOpts]),
    {Pid, Ref} = spawn_opt(M, F, A, [monitor | SpawnOpts]),
    receive
        {ack, Pid, Return} ->
            erlang:demonitor(Ref, [flush]),
            Return;
        {nack, Pid, Return} ->
            receive {'DOWN', Ref, process, Pid, _} -> Return end;
        {'DOWN', Ref, process, Pid, Reason} ->
            {error, Reason}
    after Timeout ->
            erlang:demonitor(Ref, [flush]),
            kill_flush(Pid),
            {error, timeout}
    end.

start_link(M, F, A) ->
    start_link(M, F, A, infinity).

start_link(M, F, A, Timeout) ->
    start_link(M, F, A, Timeout, []).

start_link(M, F, A, Timeout, SpawnOpts) when is_atom(M), is_atom(F), is_list(A) ->
    check_opts(SpawnOpts, [M, F, A, Timeout, SpawnOpts]),
    Pid = spawn_opt(M, F, A, [link | SpawnOpts]),
    receive
        {ack, Pid, Return} ->
            Return;
        {nack, Pid, Return} ->
            Ref = erlang:monitor(process, Pid),
            receive {'DOWN', Ref, process, Pid, _} -> ok end,
            receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
            Return;
        {'EXIT', Pid, Reason} ->
            {error, Reason}
    after Timeout ->
            unlink(Pid),
            kill_flush(Pid),
            receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
            {error, timeout}
    end.

start_monitor(M, F, A) ->
    start_monitor(M, F, A, infinity).

start_monitor(M, F, A, Timeout) ->
    start_monitor(M, F, A, Timeout, []).

start_monitor(M, F, A, Timeout, SpawnOpts) when is_atom(M), is_atom(F), is_list(A) ->
    check_opts(SpawnOpts, [M, F, A, Timeout, SpawnOpts]),
    {Pid, Ref} = spawn_opt(M, F, A, [monitor | SpawnOpts]),
    receive
        {ack, Pid, Return} ->
            {Return, Ref};
        {nack, Pid, Return} ->
            receive {'DOWN', Ref, process, Pid, _} = Down1 -> self() ! Down1 end,
            {Return, Ref};
        {'DOWN', Ref, process, Pid, Reason} = Down ->
            self() ! Down,
            {{error, Reason}, Ref}
    after Timeout ->
            kill_flush(Pid),
            {{error, timeout}, Ref}
    end.

check_opts(Opts, Args) ->
    case lists:member(monitor, Opts) of
        true -> erlang:error(badarg, Args);
        false -> ok
    end.

kill_flush(Pid) ->
    exit(Pid, kill),
    receive {ack, Pid, _} -> ok after 0 -> ok end.

%% init_ack(Return): tells the starter (the first ancestor) that start-up is
%% done; its start call returns Return.
init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).

init_ack(Parent, Return) ->
    Parent ! {ack, self(), Return},
    ok.

%% init_fail(Return, {Class, Reason, Stack}): start-up failed; the starter's
%% start call returns Return once this process has exited with the
%% exception (OTP 26 and later).
init_fail(Return, Exception) ->
    [Parent | _] = get('$ancestors'),
    init_fail(Parent, Return, Exception).

init_fail(Parent, Return, {Class, Reason, Stack}) ->
    %% A linked starter must not get this process's exit signal.
    _ = (catch unlink(resolve(Parent))),
    Parent ! {nack, self(), Return},
    erlang:raise(Class, Reason, Stack);
init_fail(Parent, Return, Exception) ->
    erlang:error(badarg, [Parent, Return, Exception]).

%%% Where the processes start.

init_p(Parent, Ancestors, F) when is_function(F) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', fun_mfa(F)),
    init_p_do_apply(erlang, apply, [F, []]).

init_p(Parent, Ancestors, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', trans_init(M, F, A)),
    init_p_do_apply(M, F, A).

init_p_do_apply(M, F, A) ->
    try
        apply(M, F, A)
    catch
        Class:Reason:Stack ->
            exit_p(Class, Reason, Stack)
    end.

%% hibernate(M, F, A): erlang:hibernate/3 that keeps crash reports.
hibernate(M, F, A) ->
    erlang:hibernate(?MODULE, wake_up, [M, F, A]).

wake_up(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    try
        apply(M, F, A)
    catch
        Class:Reason:Stack ->
            exit_p(Class, Reason, Stack)
    end.

exit_p(Class, Reason, Stack) ->
    case Class of
        exit when Reason =:= normal; Reason =:= shutdown -> ok;
        exit when tuple_size(Reason) =:= 2, element(1, Reason) =:= shutdown -> ok;
        _ -> crash_report(Class, Reason, Stack)
    end,
    erlang:raise(exit, exit_reason(Class, Reason, Stack), Stack).

exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(exit, Reason, _Stack) -> Reason;
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack}.

%% The '$initial_call' of a process. The generic behaviours start in
%% gen:init_it/7; their initial call is shown as the callback module's
%% init/1 ({supervisor, Module, 1} for a supervisor).
trans_init(gen, init_it, [gen_server, _, _, _, supervisor, {_, Module, _}, _]) ->
    {supervisor, Module, 1};
trans_init(gen, init_it, [gen_server, _, _, _, supervisor_bridge, {_, Module, _}, _]) ->
    {supervisor_bridge, Module, 1};
trans_init(gen, init_it, [gen_event | _]) ->
    {gen_event, init_it, 6};
trans_init(gen, init_it, [_GenMod, _, _, _, Module, _, _]) when is_atom(Module) ->
    {Module, init, 1};
trans_init(M, F, A) ->
    {M, F, length(A)}.

fun_mfa(F) ->
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    {arity, A} = erlang:fun_info(F, arity),
    {M, N, A}.

my_name() ->
    case erlang:process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> self()
    end.

ancestors() ->
    case get('$ancestors') of
        A when is_list(A) -> A;
        _ -> []
    end.

%%% Initial calls of other processes.

%% initial_call(Process): {M, F, Args} with one placeholder atom per
%% argument, or false when Process was not started here.
initial_call(Process) ->
    case dictionary_of(Process) of
        {ok, Dict} ->
            case lists:keyfind('$initial_call', 1, Dict) of
                {_, {M, F, A}} -> {M, F, dummy_args(A)};
                false -> false
            end;
        error ->
            false
    end.

%% translate_initial_call(Process): {M, F, Arity} of the function Process
%% started with; {proc_lib, init_p, 5} when it is not known.
translate_initial_call(Process) ->
    case dictionary_of(Process) of
        {ok, Dict} ->
            case lists:keyfind('$initial_call', 1, Dict) of
                {_, {M, F, A}} -> {M, F, A};
                false -> {?MODULE, init_p, 5}
            end;
        error ->
            {?MODULE, init_p, 5}
    end.

dictionary_of(Pid) when is_pid(Pid) ->
    case erlang:process_info(Pid, dictionary) of
        {dictionary, D} -> {ok, D};
        _ -> error
    end;
dictionary_of(Name) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> error;
        Pid -> dictionary_of(Pid)
    end;
dictionary_of(Info) when is_list(Info) ->
    case lists:keyfind(dictionary, 1, Info) of
        {dictionary, D} -> {ok, D};
        false -> error
    end;
dictionary_of(_) ->
    error.

dummy_args(N) ->
    [list_to_atom("Argument__" ++ integer_to_list(I)) || I <- lists:seq(1, N)].

%%% stop: ends a process that handles system messages.

stop(Process) ->
    stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    Ref = erlang:monitor(process, Process),
    Tag = make_ref(),
    catch erlang:send(Process, {system, {self(), Tag}, {terminate, Reason}}),
    receive
        {'DOWN', Ref, _, _, Reason} ->
            ok;
        {'DOWN', Ref, _, _, Other} ->
            exit(Other)
    after Timeout ->
            erlang:demonitor(Ref, [flush]),
            exit(timeout)
    end.

%%% Crash reports.

crash_report(Class, Reason, Stack) ->
    Report = [crasher(Class, Reason, Stack), neighbours()],
    logger:report(error, "CRASH", format(Report, unicode)).

crasher(Class, Reason, Stack) ->
    Items = [registered_name, message_queue_len, messages, links, dictionary,
             trap_exit, status, heap_size, stack_size, reductions],
    Info = case erlang:process_info(self(), Items) of
               L when is_list(L) -> L;
               _ -> []
           end,
    Dict = [KV || {K, _} = KV <- get(), K =/= '$ancestors', K =/= '$initial_call'],
    Info1 = lists:keystore(dictionary, 1, Info, {dictionary, Dict}),
    Info2 = lists:keystore(registered_name, 1, Info1,
                           {registered_name, case lists:keyfind(registered_name, 1, Info1) of
                                                 {_, N} when is_atom(N) -> N;
                                                 _ -> []
                                             end}),
    Initial = case get('$initial_call') of
                  {M, F, A} when is_atom(M), is_atom(F), is_integer(A) -> {M, F, dummy_args(A)};
                  _ -> []
              end,
    [{initial_call, Initial}, {pid, self()},
     lists:keyfind(registered_name, 1, Info2),
     {error_info, {Class, Reason, Stack}},
     {ancestors, ancestors()}
     | [lists:keyfind(K, 1, Info2) || K <- Items -- [registered_name], lists:keyfind(K, 1, Info2) =/= false]].

%% neighbours(): the processes linked to this one that are not its
%% ancestors.
neighbours() ->
    Links = case erlang:process_info(self(), links) of
                {links, L} -> L;
                _ -> []
            end,
    Ancestors = [resolve(A) || A <- ancestors()],
    Pids = [P || P <- lists:reverse(Links), is_pid(P), not lists:member(P, Ancestors)],
    lists:append([neighbour(P) || P <- Pids]).

resolve(P) when is_pid(P) -> P;
resolve(Name) when is_atom(Name) -> whereis(Name);
resolve(_) -> undefined.

neighbour(Pid) ->
    Items = [registered_name, initial_call, current_function, dictionary,
             message_queue_len, links, trap_exit, status, heap_size, stack_size,
             reductions, current_stacktrace],
    case erlang:process_info(Pid, Items) of
        Info when is_list(Info) ->
            Dict = element(2, lists:keyfind(dictionary, 1, Info)),
            Name = case lists:keyfind(registered_name, 1, Info) of
                       {_, N} when is_atom(N) -> N;
                       _ -> []
                   end,
            Initial = case lists:keyfind('$initial_call', 1, Dict) of
                          {_, {M, F, A}} -> {initial_call, {M, F, dummy_args(A)}};
                          false -> lists:keyfind(initial_call, 1, Info)
                      end,
            Anc = case lists:keyfind('$ancestors', 1, Dict) of
                      {_, As} -> As;
                      false -> []
                  end,
            Get = fun(K) -> lists:keyfind(K, 1, Info) end,
            [[{pid, Pid}, {registered_name, Name}, Initial, Get(current_function),
              {ancestors, Anc}, Get(message_queue_len), Get(links), Get(trap_exit),
              Get(status), Get(heap_size), Get(stack_size), Get(reductions),
              Get(current_stacktrace)]];
        _ ->
            []
    end.

%% format(CrashReport): the text of a crash report, [Crasher, Neighbours]
%% as proc_lib builds it.
format(CrashReport) ->
    format(CrashReport, latin1).

format(CrashReport, Encoding) ->
    format(CrashReport, Encoding, unlimited).

format([Crasher, Neighbours], _Encoding, _Depth) ->
    ["  crasher:\n", [item(4, I) || I <- Crasher],
     "  neighbours:\n",
     lists:join("\n", [["    neighbour:\n", lists:join("\n", [chomp(item(6, I)) || I <- N])]
                       || N <- Neighbours])].

chomp(Text) ->
    Flat = lists:flatten(Text),
    case lists:reverse(Flat) of
        [$\n | R] -> lists:reverse(R);
        _ -> Flat
    end.

item(Ind, {initial_call, {M, F, Args}}) when is_list(Args) ->
    io_lib:format("~*cinitial call: ~tw:~tw/~w~n", [Ind, $\s, M, F, length(Args)]);
item(Ind, {error_info, {Class, Reason, Stack}}) ->
    Trim = fun(M, _F, _A) -> M =:= ?MODULE end,
    [lists:duplicate(Ind, $\s),
     erl_error:format_exception(Ind + 1, Class, Reason, Stack, Trim, fun pp/2), $\n];
item(Ind, {Tag, Value}) ->
    [lists:duplicate(Ind, $\s), atom_to_list(Tag), ": ", pp(Value, 18), $\n];
item(_Ind, _) ->
    [].

pp(Term, Col) ->
    io_lib:print(Term, Col, 80, -1).

-module(otp_proclib_basic).
-export([main/0, child/1, acker/2, slow/0, crasher/1, sleeper/0, hib/1, woke/1]).
-export([init/1, handle_call/3, handle_cast/2]).

%% proc_lib: the dictionary entries a proc_lib process gets ('$ancestors',
%% '$initial_call'), the initial call erlang reports, spawn variants,
%% synchronous starts (start, start_link, start_monitor) with init_ack,
%% timeouts and early deaths, the exit reasons a crashing proc_lib process
%% ends with, initial_call/translate_initial_call, hibernate, and stop.
%% Crash reports go to the logger; the default handler is removed so that
%% erl prints nothing but the observations.

-define(T, 5000).

main() ->
    logger:remove_handler(default),
    dictionary(),
    spawn_variants(),
    sync_starts(),
    exit_reasons(),
    initial_calls(),
    hibernation(),
    stopping(),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%% child(Report): sends back its proc_lib dictionary entries.
child(Report) ->
    Report ! {dict, self(), get('$ancestors'), get('$initial_call')},
    receive stop -> ok after ?T -> ok end.

dictionary() ->
    Self = self(),
    P = proc_lib:spawn(?MODULE, child, [Self]),
    receive
        {dict, P, Anc, Init} ->
            p("ancestors are the parent", Anc =:= [Self]),
            p("initial call", Init)
    after ?T -> p("dictionary", timeout)
    end,
    p("erlang initial_call", erlang:process_info(P, initial_call)),
    P ! stop,
    %% A registered parent is named in '$ancestors'; the parent's own
    %% ancestors follow.
    register(proclib_main, self()),
    Q = proc_lib:spawn(fun() ->
                               Inner = proc_lib:spawn(?MODULE, child, [Self]),
                               receive stop -> Inner ! stop end
                       end),
    receive
        {dict, _, Anc2, Init2} ->
            p("nested ancestors", [if is_pid(A) -> pid; true -> A end || A <- Anc2]),
            p("nested ancestor is the fun process", lists:nth(1, Anc2) =:= Q),
            p("nested initial call", Init2)
    after ?T -> p("nested", timeout)
    end,
    {_, {M, _, A}} = erlang:process_info(Q, initial_call),
    p("fun process initial_call", {M, A}),
    Q ! stop,
    unregister(proclib_main).

spawn_variants() ->
    process_flag(trap_exit, true),
    L = proc_lib:spawn_link(?MODULE, crasher, [{exit, linked}]),
    receive {'EXIT', L, R} -> p("spawn_link exit", R) after ?T -> p("spawn_link", timeout) end,
    L2 = proc_lib:spawn_link(fun() -> exit(fun_linked) end),
    receive {'EXIT', L2, R2} -> p("spawn_link fun exit", R2) after ?T -> p("spawn_link fun", timeout) end,
    {P, Ref} = proc_lib:spawn_opt(?MODULE, crasher, [{exit, monitored}], [monitor]),
    receive {'DOWN', Ref, process, P, R3} -> p("spawn_opt monitor", R3) after ?T -> p("spawn_opt", timeout) end,
    {P4, Ref4} = proc_lib:spawn_opt(fun() -> exit(fun_monitored) end, [monitor]),
    receive {'DOWN', Ref4, process, P4, R4} -> p("spawn_opt fun monitor", R4) after ?T -> p("spawn_opt fun", timeout) end,
    P5 = proc_lib:spawn_opt(?MODULE, crasher, [{exit, plain}], []),
    p("spawn_opt plain is a pid", is_pid(P5)),
    {'EXIT', {Bad, _}} = (catch proc_lib:start(?MODULE, acker, [x, y], 100, [monitor])),
    p("monitor in start's spawn options", Bad),
    process_flag(trap_exit, false),
    flush().

acker(Mode, Value) ->
    case Mode of
        ack when Value =:= {ok, self} -> proc_lib:init_ack({ok, self()});
        ack -> proc_lib:init_ack(Value);
        ack2 -> [Parent | _] = get('$ancestors'), proc_lib:init_ack(Parent, Value);
        die -> exit(Value);
        crash -> error(Value);
        never -> ok
    end,
    receive stop -> ok after ?T -> ok end.

slow() ->
    receive stop -> ok after ?T -> ok end.

sync_starts() ->
    p("start ack", proc_lib:start(?MODULE, acker, [ack, {ok, started}])),
    p("start ack/2", proc_lib:start(?MODULE, acker, [ack2, whatever])),
    p("start dies", proc_lib:start(?MODULE, acker, [die, early])),
    p("start timeout", proc_lib:start(?MODULE, slow, [], 50)),
    p("start_link ack", proc_lib:start_link(?MODULE, acker, [ack, linked_ok])),
    process_flag(trap_exit, true),
    p("start_link dies", proc_lib:start_link(?MODULE, acker, [die, early_link])),
    {error, {Err, Stack}} = proc_lib:start_link(?MODULE, acker, [crash, boom]),
    p("start_link crashes", {Err, is_list(Stack)}),
    p("start_link timeout", proc_lib:start_link(?MODULE, slow, [], 50)),
    process_flag(trap_exit, false),
    flush(),
    {R1, Ref1} = proc_lib:start_monitor(?MODULE, acker, [ack, monitored]),
    p("start_monitor ack", {R1, is_reference(Ref1)}),
    {R2, Ref2} = proc_lib:start_monitor(?MODULE, acker, [die, mon_early]),
    p("start_monitor dies", R2),
    receive
        {'DOWN', Ref2, process, _, DR} -> p("start_monitor DOWN kept", DR)
    after 0 -> p("start_monitor DOWN kept", none)
    end,
    erlang:demonitor(Ref1, [flush]).

crasher({exit, R}) -> exit(R);
crasher({error, R}) -> error(R);
crasher({throw, R}) -> throw(R);
crasher(normal) -> ok.

exit_reasons() ->
    [begin
         {P, Ref} = proc_lib:spawn_opt(?MODULE, crasher, [How], [monitor]),
         receive
             {'DOWN', Ref, process, P, {R, Stack}} when is_list(Stack) ->
                 p("exit reason", {How, R, stack});
             {'DOWN', Ref, process, P, R} ->
                 p("exit reason", {How, R})
         after ?T -> p("exit reason", timeout)
         end
     end || How <- [normal, {exit, normal}, {exit, shutdown}, {exit, {shutdown, x}},
                    {exit, other}, {error, bad}, {throw, thrown}]].

sleeper() ->
    receive stop -> ok after ?T -> ok end.

initial_calls() ->
    Self = self(),
    P = proc_lib:spawn(?MODULE, child, [Self]),
    receive {dict, P, _, _} -> ok after ?T -> ok end,
    p("initial_call", proc_lib:initial_call(P)),
    p("translate_initial_call", proc_lib:translate_initial_call(P)),
    {ok, P2} = proc_lib:start(?MODULE, acker, [ack, {ok, self}]),
    p("initial_call/2 args", proc_lib:initial_call(P2)),
    p("translate_initial_call/2", proc_lib:translate_initial_call(P2)),
    Plain = spawn(?MODULE, sleeper, []),
    p("plain initial_call", proc_lib:initial_call(Plain)),
    p("plain translate_initial_call", proc_lib:translate_initial_call(Plain)),
    [X ! stop || X <- [P, P2, Plain]],
    ok.

hib(Report) ->
    proc_lib:hibernate(?MODULE, woke, [Report]).

woke(Report) ->
    receive
        Msg -> Report ! {woke, Msg, get('$initial_call')}
    end,
    receive crash -> error(after_wake) end.

hibernation() ->
    Self = self(),
    {P, Ref} = proc_lib:spawn_opt(?MODULE, hib, [Self], [monitor]),
    wait_hibernating(P, 100),
    p("hibernating in", erlang:process_info(P, current_function)),
    P ! hello,
    receive {woke, M, I} -> p("woke with", {M, I}) after ?T -> p("woke", timeout) end,
    P ! crash,
    receive
        {'DOWN', Ref, process, P, {R, S}} when is_list(S) -> p("crash after wake", R)
    after ?T -> p("crash after wake", timeout)
    end.

wait_hibernating(_P, 0) -> ok;
wait_hibernating(P, N) ->
    case erlang:process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} -> ok;
        _ -> timer:sleep(5), wait_hibernating(P, N - 1)
    end.

stopping() ->
    {ok, G} = gen_server:start(?MODULE, [], []),
    Ref = erlang:monitor(process, G),
    p("stop", proc_lib:stop(G)),
    receive {'DOWN', Ref, process, G, R} -> p("stopped with", R) after ?T -> p("stopped", timeout) end,
    {ok, G2} = gen_server:start(?MODULE, [], []),
    p("stop/3", proc_lib:stop(G2, {shutdown, done}, 1000)),
    p("stop dead", catch proc_lib:stop(G2)),
    P = spawn(?MODULE, sleeper, []),
    p("stop non-system process", catch proc_lib:stop(P, normal, 50)),
    P ! stop.

flush() ->
    receive _ -> flush() after 0 -> ok end.

%% A minimal gen_server for stop/1,3.
init(S) -> {ok, S}.
handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.

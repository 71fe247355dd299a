-module(stdlib_gen_statem_api).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, handle_event/4, terminate/3, code_change/4]).

%% gen_statem's API: start/start_link/start_monitor with and without a
%% name ({local, N}, {global, N}, {via, global, N}), what init/1 may
%% return (ok with and without actions, ignore, stop, a bad value, a
%% crash, an exit, a throw), calls with every kind of time-out, casts,
%% other messages, replying later with reply/1,2, stop/1,3, the exit
%% reasons of failing calls, send_request and the response functions,
%% request id collections, and enter_loop/4,5,6. The logger's default
%% handler is removed so that erl prints no reports.

-define(T, 5000).

%% Maps are printed as sorted lists: later releases print map keys in
%% another order.
p(Label, X) -> io:format("~s: ~p~n", [Label, nomap(X)]).

nomap(M) when is_map(M) -> {map, lists:sort(nomap(maps:to_list(M)))};
nomap(T) when is_tuple(T) -> list_to_tuple(nomap(tuple_to_list(T)));
nomap([H | T]) -> [nomap(H) | nomap(T)];
nomap(X) -> X.

%%% Callbacks (handle_event_function). The data is a map.

callback_mode() -> handle_event_function.

init({ok, S, D}) -> {ok, S, D};
init({ok, S, D, A}) -> {ok, S, D, A};
init({trap, D}) -> process_flag(trap_exit, true), {ok, a, D};
init(ignore) -> ignore;
init({stop, R}) -> {stop, R};
init(bad) -> {ok, only_state};
init({crash, R}) -> error(R);
init({exit, R}) -> exit(R);
init({throw, V}) -> throw(V);
init(dict) -> {ok, idle, #{anc => get('$ancestors'), init => get('$initial_call')}}.

handle_event({call, From}, get, S, D) ->
    {keep_state_and_data, [{reply, From, {S, D}}]};
handle_event({call, From}, {put, K, V}, _S, D) ->
    {keep_state, D#{K => V}, {reply, From, ok}};
handle_event({call, From}, {goto, S1}, _S, D) ->
    {next_state, S1, D, [{reply, From, {went, S1}}]};
handle_event({call, From}, later, _S, D) ->
    {keep_state, D#{later => From}};
handle_event({call, From}, {answer, V}, _S, #{later := F} = D) ->
    ok = gen_statem:reply(F, {later, V}),
    {keep_state, maps:remove(later, D), [{reply, From, answered}]};
handle_event({call, From}, {answer_all, V}, _S, #{later := F} = D) ->
    ok = gen_statem:reply([{reply, F, {all, V}}, {reply, From, all_answered}]),
    {keep_state, maps:remove(later, D)};
handle_event({call, From}, {answer_one, V}, _S, #{later := F} = D) ->
    ok = gen_statem:reply({reply, F, {one, V}}),
    {keep_state, maps:remove(later, D), [{reply, From, one_answered}]};
handle_event({call, _From}, {sleep, Ms}, _S, _D) ->
    timer:sleep(Ms),
    keep_state_and_data;
handle_event({call, From}, thrown, _S, D) ->
    throw({keep_state, D#{thrown => true}, [{reply, From, thrown_reply}]});
handle_event({call, From}, self_call, _S, _D) ->
    {keep_state_and_data, [{reply, From, catch gen_statem:call(self(), get)}]};
handle_event({call, From}, {stop, R}, _S, _D) ->
    {stop_and_reply, R, {reply, From, stopping}};
handle_event({call, _From}, {stop_noreply, R}, _S, _D) ->
    {stop, R};
handle_event({call, From}, crash, _S, _D) ->
    _ = From,
    error(call_crash);
handle_event(cast, {put, K, V}, _S, D) ->
    {keep_state, D#{K => V}};
handle_event(cast, {stop, R}, _S, D) ->
    {stop, R, D#{stopped => R}};
handle_event(info, {put, K, V}, _S, D) ->
    {keep_state, D#{K => V}};
handle_event(info, _Other, _S, _D) ->
    keep_state_and_data;
handle_event(internal, {put, K, V}, _S, D) ->
    {keep_state, D#{K => V}}.

terminate(Reason, _S, #{owner := O}) -> O ! {terminated, Reason};
terminate(_Reason, _S, _D) -> ok.

code_change(_Old, S, D, _Extra) -> {ok, S, D}.

%%% Tests.

main() ->
    logger:remove_handler(default),
    starting(),
    requests(),
    failing_calls(),
    names(),
    async_requests(),
    entering(),
    ok.

start_mon(Arg) ->
    {ok, P} = gen_statem:start(?MODULE, Arg, []),
    put({mon, P}, erlang:monitor(process, P)),
    {ok, P}.

wait_dead(P) ->
    Ref = case get({mon, P}) of
              undefined -> erlang:monitor(process, P);
              R0 -> R0
          end,
    receive {'DOWN', Ref, process, P, R} -> nostack(R) after ?T -> timeout end.

nostack({R, [{_, _, _, _} | _]}) -> {R, stack};
nostack(R) -> R.

%% reason(Fun): the exit reason of a failing call, with stack traces and
%% pids left out.
reason(F) ->
    try F() of
        V -> {returned, V}
    catch
        exit:{{R, S}, Call} when is_list(S) -> {exit, {{R, stack}, nopid(Call)}};
        exit:R -> {exit, nopid(R)};
        error:R -> {error, nopid(R)}
    end.

nopid(P) when is_pid(P) -> pid;
nopid(T) when is_tuple(T) -> list_to_tuple(nopid(tuple_to_list(T)));
nopid([H | T]) -> [nopid(H) | nopid(T)];
nopid(X) -> X.

starting() ->
    {ok, P} = start_mon(dict),
    {idle, #{anc := Anc, init := Init}} = gen_statem:call(P, get),
    p("ancestors", Anc =:= [self()]),
    p("initial call", Init),
    p("proc_lib initial_call", nopid(proc_lib:initial_call(P))),
    p("translate_initial_call", proc_lib:translate_initial_call(P)),
    p("links after start", erlang:process_info(P, links)),
    ok = gen_statem:stop(P),
    p("stopped", wait_dead(P)),
    {ok, P1} = start_mon({ok, s1, #{a => 1}, [{next_event, internal, {put, b, 2}}]}),
    p("init actions", gen_statem:call(P1, get)),
    gen_statem:stop(P1, {shutdown, done}, infinity),
    p("stop/3", wait_dead(P1)),
    {ok, P2} = start_mon({ok, s2, #{}, {next_event, internal, {put, single, action}}}),
    p("init single action", gen_statem:call(P2, get)),
    gen_statem:stop(P2),
    p("start ignore", gen_statem:start(?MODULE, ignore, [])),
    p("start stop", gen_statem:start(?MODULE, {stop, no_way}, [])),
    p("start bad return", gen_statem:start(?MODULE, bad, [])),
    p("start crash", gen_statem:start(?MODULE, {crash, init_crash}, [])),
    p("start exit", gen_statem:start(?MODULE, {exit, init_exit}, [])),
    {ok, P3} = gen_statem:start(?MODULE, {throw, {ok, thrown, #{}}}, []),
    p("start throw", gen_statem:call(P3, get)),
    gen_statem:stop(P3),
    p("start with timeout option", element(1, gen_statem:start(?MODULE, {ok, a, #{}}, [{timeout, 1000}]))),
    {ok, L} = gen_statem:start_link(?MODULE, {ok, a, #{}}, []),
    p("start_link links", erlang:process_info(L, links) =:= {links, [self()]}),
    unlink(L),
    gen_statem:stop(L),
    {ok, {M, Ref}} = gen_statem:start_monitor(?MODULE, {ok, a, #{}}, []),
    p("start_monitor", is_reference(Ref)),
    gen_statem:stop(M, {shutdown, bye}, infinity),
    receive {'DOWN', Ref, process, M, R4} -> p("monitored down", R4) after ?T -> p("down", timeout) end,
    p("start_monitor ignore", gen_statem:start_monitor(?MODULE, ignore, [])),
    p("start_monitor stop", gen_statem:start_monitor(?MODULE, {stop, mon_no}, [])),
    process_flag(trap_exit, true),
    {ok, L2} = gen_statem:start_link(?MODULE, {trap, #{owner => self()}}, []),
    exit(L2, shutdown),
    receive {terminated, TR} -> p("parent exit terminates", TR) after ?T -> p("terminate", timeout) end,
    receive {'EXIT', L2, ER} -> p("parent exit reason", ER) after ?T -> p("exit", timeout) end,
    {ok, L3} = gen_statem:start_link(?MODULE, {trap, #{owner => self()}}, []),
    exit(L3, some_reason),
    receive {terminated, TR3} -> p("parent exit terminates", TR3) after ?T -> p("terminate", timeout) end,
    receive {'EXIT', L3, ER3} -> p("parent exit reason", ER3) after ?T -> p("exit", timeout) end,
    process_flag(trap_exit, false),
    ok.

requests() ->
    {ok, P} = start_mon({ok, s, #{}}),
    p("call put", gen_statem:call(P, {put, a, 1})),
    p("cast", gen_statem:cast(P, {put, b, 2})),
    P ! {put, c, 3},
    P ! ignored,
    p("after cast and info", gen_statem:call(P, get)),
    p("call with timeout", gen_statem:call(P, get, 1000)),
    p("call infinity", gen_statem:call(P, get, infinity)),
    p("call dirty_timeout", gen_statem:call(P, get, {dirty_timeout, 1000})),
    p("call clean_timeout", gen_statem:call(P, get, {clean_timeout, 1000})),
    p("call clean infinity", gen_statem:call(P, get, {clean_timeout, infinity})),
    p("call goto", gen_statem:call(P, {goto, t})),
    p("thrown result", gen_statem:call(P, thrown)),
    Self = self(),
    later(P, Self),
    p("answer", gen_statem:call(P, {answer, 42})),
    receive {later, V} -> p("later reply", V) after ?T -> p("later", timeout) end,
    later(P, Self),
    p("answer all", gen_statem:call(P, {answer_all, 43})),
    receive {later, V2} -> p("later reply", V2) after ?T -> p("later", timeout) end,
    later(P, Self),
    p("answer one", gen_statem:call(P, {answer_one, 44})),
    receive {later, V3} -> p("later reply", V3) after ?T -> p("later", timeout) end,
    p("cast to a dead name", gen_statem:cast(no_such_machine, hello)),
    p("cast to a remote node", gen_statem:cast({x, 'nonode@nowhere'}, hello)),
    p("cast to a global name", gen_statem:cast({global, no_such_machine}, hello)),
    p("cast via", gen_statem:cast({via, global, no_such_machine}, hello)),
    register(gsm_api, P),
    p("call by name", gen_statem:call(gsm_api, get)),
    p("call by name with timeout", gen_statem:call(gsm_api, get, 1000)),
    p("call by {name, node}", gen_statem:call({gsm_api, node()}, get)),
    gen_statem:cast(gsm_api, {put, d, 4}),
    p("after cast by name", gen_statem:call(gsm_api, get, {clean_timeout, 1000})),
    p("stop with reply", gen_statem:call(P, {stop, normal})),
    p("stopped", wait_dead(P)),
    ok.

later(P, Self) ->
    spawn(fun() -> Self ! {later, gen_statem:call(P, later)} end),
    wait_for_key(P, later, 200).

wait_for_key(_P, _K, 0) -> timeout;
wait_for_key(P, K, N) ->
    {_, D} = gen_statem:call(P, get),
    case maps:is_key(K, D) of
        true -> ok;
        false -> timer:sleep(5), wait_for_key(P, K, N - 1)
    end.

failing_calls() ->
    {ok, P} = start_mon({ok, s, #{}}),
    p("timeout", reason(fun() -> gen_statem:call(P, {sleep, 300}, 20) end)),
    p("dirty timeout", reason(fun() -> gen_statem:call(P, {sleep, 300}, {dirty_timeout, 20}) end)),
    p("server still alive", is_process_alive(P)),
    register(gsm_slow, P),
    p("clean timeout by name", reason(fun() -> gen_statem:call(gsm_slow, {sleep, 100}, {clean_timeout, 20}) end)),
    p("timeout by name", reason(fun() -> gen_statem:call(gsm_slow, {sleep, 100}, 20) end)),
    %% The sleeping calls are never answered; this call waits until
    %% the sleeps are over.
    _ = gen_statem:call(P, get),
    p("bad timeout", reason(fun() -> gen_statem:call(P, get, {other, 1}) end)),
    p("calling self", nopid(gen_statem:call(P, self_call))),
    p("crash in call", reason(fun() -> gen_statem:call(P, crash) end)),
    p("server after crash", wait_dead(P)),
    {ok, P3} = start_mon({ok, s, #{}}),
    p("stop without reply", reason(fun() -> gen_statem:call(P3, {stop_noreply, normal}) end)),
    {ok, P4} = start_mon({ok, s, #{}}),
    p("stop with reason and reply", reason(fun() -> gen_statem:call(P4, {stop, {shutdown, x}}) end)),
    p("stopped", wait_dead(P4)),
    p("dead pid", reason(fun() -> gen_statem:call(P4, get) end)),
    p("dead pid with timeout", reason(fun() -> gen_statem:call(P4, get, 100) end)),
    p("dead pid clean", reason(fun() -> gen_statem:call(P4, get, {clean_timeout, 100}) end)),
    p("no such name", reason(fun() -> gen_statem:call(no_such_machine, get) end)),
    p("no such name with timeout", reason(fun() -> gen_statem:call(no_such_machine, get, 100) end)),
    p("remote node", reason(fun() -> gen_statem:call({x, 'nonode@nowhere'}, get) end)),
    p("no such global name", reason(fun() -> gen_statem:call({global, no_such_machine}, get) end)),
    p("stop dead", reason(fun() -> gen_statem:stop(P4) end)),
    p("stop no such name", reason(fun() -> gen_statem:stop(no_such_machine) end)),
    {ok, P5} = start_mon({ok, s, #{}}),
    gen_statem:cast(P5, {stop, cast_stop}),
    p("stop from cast", wait_dead(P5)),
    {ok, P6} = start_mon({ok, s, #{}}),
    p("stop/3 other reason", reason(fun() -> gen_statem:stop(P6, other_reason, infinity) end)),
    p("stopped", wait_dead(P6)),
    ok.

names() ->
    {ok, P} = gen_statem:start({local, gsm_named}, ?MODULE, {ok, s, #{}}, []),
    p("registered", whereis(gsm_named) =:= P),
    p("already started", gen_statem:start({local, gsm_named}, ?MODULE, {ok, s, #{}}, []) =:= {error, {already_started, P}}),
    p("call by name", gen_statem:call(gsm_named, get)),
    gen_statem:stop(gsm_named),
    p("unregistered after stop", whereis(gsm_named)),
    p("named ignore", gen_statem:start({local, gsm_named}, ?MODULE, ignore, [])),
    p("name free after ignore", whereis(gsm_named)),
    p("named stop", gen_statem:start({local, gsm_named}, ?MODULE, {stop, x}, [])),
    p("name free after stop", whereis(gsm_named)),
    p("named bad return", gen_statem:start({local, gsm_named}, ?MODULE, bad, [])),
    p("name free after bad return", whereis(gsm_named)),
    {ok, L} = gen_statem:start_link({local, gsm_linked}, ?MODULE, {ok, s, #{}}, []),
    p("start_link/4", whereis(gsm_linked) =:= L),
    unlink(L),
    gen_statem:stop(gsm_linked),
    {ok, {M, Ref}} = gen_statem:start_monitor({local, gsm_mon}, ?MODULE, {ok, s, #{}}, []),
    p("start_monitor/4", whereis(gsm_mon) =:= M),
    gen_statem:stop(gsm_mon),
    receive {'DOWN', Ref, process, M, R} -> p("start_monitor/4 down", R) after ?T -> p("down", timeout) end,
    {ok, G} = gen_statem:start({global, gsm_global}, ?MODULE, {ok, g, #{g => 1}}, []),
    p("global whereis", global:whereis_name(gsm_global) =:= G),
    p("global call", gen_statem:call({global, gsm_global}, get)),
    gen_statem:cast({global, gsm_global}, {put, h, 2}),
    p("global after cast", gen_statem:call({global, gsm_global}, get, 1000)),
    p("global already started", gen_statem:start({global, gsm_global}, ?MODULE, {ok, s, #{}}, []) =:= {error, {already_started, G}}),
    gen_statem:stop({global, gsm_global}),
    p("global gone", global:whereis_name(gsm_global)),
    p("global call gone", reason(fun() -> gen_statem:call({global, gsm_global}, get) end)),
    {ok, V} = gen_statem:start({via, global, gsm_via}, ?MODULE, {ok, v, #{v => 1}}, []),
    p("via whereis", global:whereis_name(gsm_via) =:= V),
    p("via call", gen_statem:call({via, global, gsm_via}, get)),
    gen_statem:cast({via, global, gsm_via}, {put, w, 2}),
    p("via after cast", gen_statem:call({via, global, gsm_via}, get)),
    gen_statem:stop({via, global, gsm_via}),
    p("via gone", global:whereis_name(gsm_via)),
    p("bad name", element(1, catch gen_statem:start({bad, name}, ?MODULE, {ok, s, #{}}, []))),
    ok.

flush_down() ->
    receive {'DOWN', _, process, _, _} -> flush_down() after 0 -> ok end.

async_requests() ->
    flush_down(),
    {ok, P} = gen_statem:start(?MODULE, {ok, s, #{x => 1}}, []),
    R1 = gen_statem:send_request(P, get),
    p("wait_response", gen_statem:wait_response(R1, 1000)),
    R2 = gen_statem:send_request(P, get),
    p("receive_response", gen_statem:receive_response(R2, 1000)),
    R2b = gen_statem:send_request(P, get),
    p("receive_response/1", gen_statem:receive_response(R2b)),
    R2c = gen_statem:send_request(P, get),
    p("wait_response/1", gen_statem:wait_response(R2c)),
    R3 = gen_statem:send_request(P, get),
    Msg = receive M -> M after ?T -> none end,
    p("check_response other", gen_statem:check_response(other, R3)),
    p("check_response", gen_statem:check_response(Msg, R3)),
    R4 = gen_statem:send_request(P, {sleep, 50}),
    p("wait_response timeout", gen_statem:wait_response(R4, 10)),
    C0 = gen_statem:reqids_new(),
    p("empty collection", gen_statem:reqids_size(C0)),
    C1 = gen_statem:send_request(P, get, la, C0),
    C2 = gen_statem:send_request(P, {put, y, 2}, lb, C1),
    p("collection size", gen_statem:reqids_size(C2)),
    p("collection labels", lists:sort([Lb || {_, Lb} <- gen_statem:reqids_to_list(C2)])),
    {Res1, L1, C3} = gen_statem:wait_response(C2, 1000, true),
    p("first response", {Res1, L1, gen_statem:reqids_size(C3)}),
    {Res2, L2, C4} = gen_statem:receive_response(C3, 1000, false),
    p("second response", {Res2, L2, gen_statem:reqids_size(C4)}),
    C5 = gen_statem:send_request(P, get, lc, gen_statem:reqids_new()),
    Msg2 = receive M2 -> M2 after ?T -> none end,
    p("check_response/3 other", gen_statem:check_response(other, C5, true)),
    {Res3, L3, C6} = gen_statem:check_response(Msg2, C5, true),
    p("check_response/3", {Res3, L3, gen_statem:reqids_size(C6)}),
    p("no request", gen_statem:wait_response(C6, 10, true)),
    [{Id, _}] = gen_statem:reqids_to_list(C1),
    p("add twice", element(1, catch gen_statem:reqids_add(Id, again, gen_statem:reqids_add(Id, x, C0)))),
    Mref = erlang:monitor(process, P),
    gen_statem:stop(P),
    receive {'DOWN', Mref, _, _, _} -> ok end,
    R5 = gen_statem:send_request(P, get),
    {error, {Reason, Obj}} = gen_statem:wait_response(R5, 1000),
    p("wait_response dead", {Reason, Obj =:= P}),
    flush(),
    ok.

flush() ->
    receive _ -> flush() after 0 -> ok end.

%% enter_loop: a proc_lib process becomes a state machine.
entering() ->
    Self = self(),
    P1 = proc_lib:spawn(fun() ->
                                gen_statem:enter_loop(?MODULE, [], e1, #{k => 1})
                        end),
    p("enter_loop/4", gen_statem:call(P1, get)),
    gen_statem:stop(P1),
    _ = proc_lib:spawn(fun() ->
                                register(gsm_entered, self()),
                                Self ! registered,
                                gen_statem:enter_loop(?MODULE, [], e2, #{}, {local, gsm_entered})
                        end),
    receive registered -> ok end,
    p("enter_loop/5 name", gen_statem:call(gsm_entered, get)),
    gen_statem:stop(gsm_entered),
    P3 = proc_lib:spawn(fun() ->
                                gen_statem:enter_loop(?MODULE, [], e3, #{},
                                                      [{next_event, internal, {put, a, 1}}])
                        end),
    p("enter_loop/5 actions", gen_statem:call(P3, get)),
    gen_statem:stop(P3),
    _ = proc_lib:spawn(fun() ->
                                register(gsm_entered4, self()),
                                Self ! registered,
                                gen_statem:enter_loop(?MODULE, [], e4, #{}, {local, gsm_entered4},
                                                      {next_event, internal, {put, b, 2}})
                        end),
    receive registered -> ok end,
    p("enter_loop/6", gen_statem:call(gsm_entered4, get)),
    gen_statem:stop(gsm_entered4),
    P5 = proc_lib:spawn(fun() ->
                                gen_statem:enter_loop(?MODULE, [], e5, #{}, self())
                        end),
    p("enter_loop/5 pid", gen_statem:call(P5, get)),
    gen_statem:stop(P5),
    P6 = proc_lib:spawn(fun() ->
                                receive go -> ok end,
                                gen_statem:enter_loop(?MODULE, [], e6, #{}, {local, not_me})
                        end),
    R6 = erlang:monitor(process, P6),
    P6 ! go,
    receive {'DOWN', R6, process, P6, Why6} -> p("enter_loop not registered", Why6) after ?T -> p("down", timeout) end,
    {P7, R7} = spawn_monitor(fun() -> gen_statem:enter_loop(?MODULE, [], e7, #{}) end),
    receive {'DOWN', R7, process, P7, Why7} -> p("enter_loop without proc_lib", Why7) after ?T -> p("down", timeout) end,
    ok.

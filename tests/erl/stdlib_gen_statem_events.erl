-module(stdlib_gen_statem_events).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, a/3, b/3, c/3, handle_event/4, terminate/3, code_change/4]).

%% gen_statem's event handling: state functions with state enter calls
%% (the old state they are given, repeat_state, no call when the state
%% stays), every state callback result, postponed events (kept while the
%% state stays, retried in order when it changes, after the inserted
%% events), inserted events of every type and their order, hibernation
%% and hibernate_after, changing the callback module (push, pop, change),
%% and sys: tracing and logging events, get_state, replace_state,
%% suspend/resume, get_status and change_code. Every event a callback
%% sees is logged in the data; the test reads the log with a call.

-define(T, 5000).

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%%% Callbacks. The data is {Log, Extra}; the log is newest first.

callback_mode() ->
    case get(mode) of
        handle_event -> handle_event_function;
        _ -> [state_functions, state_enter]
    end.

init({functions, Actions}) ->
    {ok, a, {[], none}, Actions};
init(handle_event) ->
    put(mode, handle_event),
    {ok, {start, 0}, {[], none}}.

log(E, {Log, X}) -> {[E | Log], X}.

a(enter, Old, D) -> {keep_state, log({enter, Old, a}, D)};
a(cast, {p, _} = E, D) -> {keep_state, log({postponed_in_a, E}, D), [postpone]};
a(cast, keep, D) -> {keep_state, log(keep, D)};
a(cast, keep_and_data, _D) -> keep_state_and_data;
a(cast, same, D) -> {next_state, a, log(same, D)};
a(cast, repeat, D) -> {repeat_state, log(repeat, D)};
a(cast, repeat_and_data, _D) -> repeat_state_and_data;
a(cast, go_b, D) -> {next_state, b, log(go_b, D)};
a(cast, go_b_inserting, D) ->
    {next_state, b, log(go_b_inserting, D),
     [{next_event, internal, i1}, {next_event, cast, i2}, {next_event, info, i3}]};
a(cast, {p_and_go, Next}, D) ->
    {next_state, Next, log(p_and_go, D), [postpone, {next_event, internal, inserted}]};
a(Type, Content, D) -> common(Type, Content, a, D).

b(enter, Old, D) -> {keep_state, log({enter, Old, b}, D)};
b(cast, {p, _} = E, D) -> {keep_state, log({handled_in_b, E}, D)};
b(cast, go_a, D) -> {next_state, a, log(go_a, D)};
b(cast, go_c, D) -> {next_state, c, log(go_c, D)};
b(cast, go_c_inserting, D) ->
    {next_state, c, log(go_c_inserting, D), [{next_event, cast, {p, 5}}, {next_event, cast, {p, 6}}]};
b(Type, Content, D) -> common(Type, Content, b, D).

%% c's enter call inserts nothing but sets a zero state time-out; the
%% events of c are postponed until it fires, which moves to a.
c(enter, Old, D) -> {keep_state, log({enter, Old, c}, D), [{state_timeout, 0, leave_c}]};
c(state_timeout, leave_c, D) -> {next_state, a, log(leave_c, D)};
c(cast, {p, _} = E, D) -> {keep_state, log({postponed_in_c, E}, D), postpone};
c(Type, Content, D) -> common(Type, Content, c, D).

common({call, From}, log, _State, {Log, X}) ->
    {keep_state, {[], X}, [{reply, From, lists:reverse(Log)}]};
common({call, From}, hibernate, _State, D) ->
    {keep_state, log(hibernate, D), [{reply, From, ok}, hibernate]};
common({call, From}, {hibernate, H}, _State, D) ->
    {keep_state, log({hibernate, H}, D), [{hibernate, H}, {reply, From, ok}]};
common({call, From}, push, _State, D) ->
    put(mode, handle_event),
    {keep_state, log(push, D), [{push_callback_module, ?MODULE}, {reply, From, pushed}]};
common({call, From}, state, State, _D) ->
    {keep_state_and_data, [{reply, From, State}]};
common(cast, {insert, Events}, _State, D) ->
    {keep_state, log(insert, D), [{next_event, T, C} || {T, C} <- Events]};
common(cast, stop, _State, D) ->
    {stop, normal, D};
common(Type, Content, State, D) ->
    {keep_state, log({State, Type, Content}, D)}.

%% handle_event_function: the state is {Name, Count}.
handle_event({call, From}, log, _S, {Log, X}) ->
    {keep_state, {[], X}, [{reply, From, lists:reverse(Log)}]};
handle_event({call, From}, state, S, _D) ->
    {keep_state_and_data, [{reply, From, S}]};
handle_event({call, From}, pop, _S, D) ->
    erase(mode),
    {keep_state, log(pop, D), [{reply, From, popped}, pop_callback_module]};
handle_event({call, From}, change, _S, D) ->
    erase(mode),
    {keep_state, log(change, D), [{reply, From, changed}, {change_callback_module, ?MODULE}]};
handle_event({call, From}, {count, N}, {Name, C}, D) ->
    {next_state, {Name, C + N}, log({count, N}, D), [{reply, From, C + N}]};
handle_event(cast, {rename, Name}, {_, C}, D) ->
    {next_state, {Name, C}, log({rename, Name}, D)};
handle_event(cast, {p, _} = E, {start, _}, D) ->
    {keep_state, log({postponed, E}, D), [postpone]};
handle_event(cast, {p, _} = E, S, D) ->
    {keep_state, log({handled, E, S}, D)};
handle_event(cast, {keep_then, Result}, _S, D) ->
    case Result of
        keep_state_and_data -> keep_state_and_data;
        repeat_state_and_data -> repeat_state_and_data;
        {repeat_state, X} -> {repeat_state, log({repeat, X}, D)};
        {repeat_state_and_data, A} -> {repeat_state_and_data, A}
    end;
handle_event(Type, Content, S, D) ->
    {keep_state, log({S, Type, Content}, D)}.

code_change(Old, State, {Log, X}, Extra) ->
    {ok, State, {[{code_change, Old, Extra} | Log], X}}.

terminate(Reason, State, {Log, _}) ->
    case whereis(gsm_events_main) of
        undefined -> ok;
        Main -> Main ! {terminate, Reason, State, lists:reverse(Log)}
    end.

%%% Tests.

main() ->
    logger:remove_handler(default),
    register(gsm_events_main, self()),
    functions(),
    hibernation(),
    handle_event(),
    modules(),
    system(),
    ok.

logged(P) -> gen_statem:call(P, log).

functions() ->
    {ok, P} = gen_statem:start(?MODULE, {functions, [{next_event, internal, first},
                                                      {next_event, cast, second}]}, []),
    p("init", logged(P)),
    gen_statem:cast(P, {p, 1}),
    gen_statem:cast(P, keep),
    gen_statem:cast(P, {p, 2}),
    gen_statem:cast(P, keep_and_data),
    gen_statem:cast(P, same),
    gen_statem:cast(P, repeat),
    gen_statem:cast(P, repeat_and_data),
    p("postponed while in a", logged(P)),
    gen_statem:cast(P, go_b),
    p("retried in b", logged(P)),
    gen_statem:cast(P, go_a),
    gen_statem:cast(P, {p, 3}),
    P ! {p, info},
    gen_statem:cast(P, go_b_inserting),
    p("inserted before postponed", logged(P)),
    gen_statem:cast(P, go_a),
    gen_statem:cast(P, {p, 4}),
    gen_statem:cast(P, {p_and_go, b}),
    p("postpone and insert", logged(P)),
    gen_statem:cast(P, go_c),
    p("zero state time-out in the enter call", gen_statem:call(P, state)),
    gen_statem:cast(P, go_b),
    gen_statem:cast(P, go_c_inserting),
    p("state", gen_statem:call(P, state)),
    p("postponed in c, retried in a", logged(P)),
    gen_statem:cast(P, {insert, [{internal, x}, {info, y}, {cast, z}, {state_timeout, st},
                                 {{timeout, n}, gt}, {timeout, et}]}),
    p("inserted types", logged(P)),
    gen_statem:cast(P, stop),
    receive {terminate, R, S, L} -> p("terminate", {R, S, L}) after ?T -> p("terminate", timeout) end.

%% wait_hibernated(P): true once P hibernates (OTP 28 and later
%% hibernate in gen_statem:loop_hibernate/3).
wait_hibernated(P) -> wait_hibernated(P, 500).

wait_hibernated(_P, 0) -> false;
wait_hibernated(P, N) ->
    case erlang:process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} -> true;
        {current_function, {gen_statem, loop_hibernate, 3}} -> true;
        _ -> timer:sleep(2), wait_hibernated(P, N - 1)
    end.

hibernation() ->
    {ok, P} = gen_statem:start(?MODULE, {functions, []}, []),
    p("hibernate", gen_statem:call(P, hibernate)),
    p("hibernated", wait_hibernated(P)),
    p("woken up", gen_statem:call(P, state)),
    p("hibernate false", gen_statem:call(P, {hibernate, false})),
    p("hibernate true", gen_statem:call(P, {hibernate, true})),
    p("hibernated", wait_hibernated(P)),
    gen_statem:cast(P, {p, 1}),
    p("after hibernation", logged(P)),
    gen_statem:stop(P),
    {ok, H} = gen_statem:start(?MODULE, {functions, []}, [{hibernate_after, 20}]),
    p("hibernate_after", wait_hibernated(H)),
    p("woken up", gen_statem:call(H, state)),
    p("hibernate_after again", wait_hibernated(H)),
    gen_statem:stop(H),
    receive {terminate, _, _, _} -> ok after 0 -> ok end,
    receive {terminate, _, _, _} -> ok after 0 -> ok end.

handle_event() ->
    {ok, P} = gen_statem:start(?MODULE, handle_event, []),
    p("initial", gen_statem:call(P, state)),
    gen_statem:cast(P, {p, 1}),
    gen_statem:cast(P, {p, 2}),
    p("count", gen_statem:call(P, {count, 0})),
    p("same state keeps postponed", logged(P)),
    p("count", gen_statem:call(P, {count, 5})),
    p("complex state change retries", logged(P)),
    gen_statem:cast(P, {rename, start}),
    gen_statem:cast(P, {p, 3}),
    gen_statem:cast(P, {keep_then, keep_state_and_data}),
    gen_statem:cast(P, {keep_then, repeat_state_and_data}),
    gen_statem:cast(P, {keep_then, {repeat_state, x}}),
    gen_statem:cast(P, {keep_then, {repeat_state_and_data, [{next_event, internal, from_repeat}]}}),
    p("repeat keeps postponed", logged(P)),
    gen_statem:cast(P, {rename, other}),
    p("renamed", logged(P)),
    gen_statem:stop(P),
    receive {terminate, R, S, L} -> p("terminate", {R, S, L}) after ?T -> p("terminate", timeout) end.

modules() ->
    {ok, P} = gen_statem:start(?MODULE, {functions, []}, []),
    gen_statem:cast(P, go_b),
    p("push", gen_statem:call(P, push)),
    p("pushed mode", gen_statem:call(P, state)),
    p("modules", modules_of(P)),
    gen_statem:cast(P, {p, 1}),
    p("pop", gen_statem:call(P, pop)),
    p("modules", modules_of(P)),
    gen_statem:cast(P, go_a),
    p("popped mode", logged(P)),
    p("push", gen_statem:call(P, push)),
    p("change", gen_statem:call(P, change)),
    p("modules", modules_of(P)),
    gen_statem:cast(P, go_b),
    p("changed mode", logged(P)),
    gen_statem:stop(P),
    receive {terminate, R, S, L} -> p("terminate", {R, S, L}) after ?T -> p("terminate", timeout) end.

modules_of(P) ->
    {status, _, _, [_, _, _, _, Items]} = sys:get_status(P),
    [Data | _] = [D || {data, D} <- Items],
    proplists:get_value("Modules", Data).

system() ->
    {ok, P} = gen_statem:start({local, gsm_traced}, ?MODULE, {functions, []},
                               [{debug, [trace]}]),
    p("traced start", sys:get_state(P)),
    gen_statem:cast(P, {p, 1}),
    gen_statem:cast(P, go_b),
    P ! hello,
    gen_statem:cast(P, go_c_inserting),
    p("state", sys:get_state(P)),
    sys:trace(P, false),
    p("untraced", sys:get_state(P)),
    sys:log(P, true),
    gen_statem:cast(P, {p, 2}),
    gen_statem:cast(P, go_b),
    {ok, Events} = sys:log(P, get),
    p("logged events", Events),
    {status, _, Mod, [_, SysState, _, _, Items]} = sys:get_status(gsm_traced),
    p("status module", Mod),
    p("status sys state", SysState),
    p("status header", proplists:get_value(header, Items)),
    [Data, StateData] = [D || {data, D} <- Items],
    p("status data", [{K, V} || {K, V} <- Data, K =/= "Parent"]),
    p("status state", StateData),
    sys:log(P, false),
    p("replace_state", sys:replace_state(P, fun({S, {L, _}}) -> {S, {L, replaced}} end)),
    p("get_state", sys:get_state(P)),
    ok = sys:suspend(P),
    gen_statem:cast(P, {p, 7}),
    {status, _, _, [_, Suspended | _]} = sys:get_status(P),
    p("suspended status", Suspended),
    p("suspended state", sys:get_state(P)),
    ok = sys:change_code(P, ?MODULE, old, extra),
    ok = sys:resume(P),
    p("resumed", logged(P)),
    ok = sys:terminate(P, normal),
    receive {terminate, R, S, L} -> p("terminate", {R, S, L}) after ?T -> p("terminate", timeout) end.

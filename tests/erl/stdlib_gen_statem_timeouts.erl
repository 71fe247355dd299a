-module(stdlib_gen_statem_timeouts).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, handle_event/4]).

%% gen_statem's time-outs: the event time-out (an integer, {timeout, T,
%% Msg}, zero, cancelled by any event, also an inserted one), the state
%% time-out (kept while the state stays, cancelled by a state change,
%% started for the new state), named generic time-outs (kept across
%% events and states), restarting, cancelling ({Type, cancel} and
%% infinity), updating a running and a stopped time-out, absolute
%% times, the order zero time-outs fire in, what sys:get_status shows of
%% running time-outs, and timeout messages that are not the machine's.
%% Each time-out event is logged and announced to the test process,
%% which waits for the announcements; time-outs that must not fire are
%% either cancelled deterministically or long enough never to fire
%% before the test has looked.

-define(T, 5000).

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

callback_mode() -> handle_event_function.

init(Main) -> {ok, s, {Main, []}}.

log(E, {Main, Log}) -> {Main, [E | Log]}.

is_timeout(timeout) -> true;
is_timeout(state_timeout) -> true;
is_timeout({timeout, _}) -> true;
is_timeout(_) -> false.

handle_event({call, From}, log, _S, {Main, Log}) ->
    {keep_state, {Main, []}, [{reply, From, lists:reverse(Log)}]};
handle_event({call, From}, {act, Next, Actions}, _S, D) ->
    {next_state, Next, D, [{reply, From, ok} | Actions]};
handle_event(cast, {act, Next, Actions}, S, D) ->
    {next_state, Next, log({cast, S, Next}, D), Actions};
handle_event(internal, {goto, Next}, S, D) ->
    {next_state, Next, log({internal, S, Next}, D)};
handle_event(internal, {act, Next, Actions}, S, D) ->
    {next_state, Next, log({internal, S, Next}, D), Actions};
handle_event(Type, Content, S, {Main, _} = D) ->
    case is_timeout(Type) of
        true -> Main ! fired;
        false -> ok
    end,
    {keep_state, log({Type, Content, S}, D)}.

%% act(P, Next, Actions): a cast that moves to Next with Actions.
act(P, Next, Actions) -> gen_statem:cast(P, {act, Next, Actions}).

%% fired(N): waits for N time-out events.
fired(0) -> ok;
fired(N) -> receive fired -> fired(N - 1) after ?T -> timeout end.

logged(P) -> gen_statem:call(P, log).

timeouts(P) ->
    {status, _, _, [_, _, _, _, Items]} = sys:get_status(P),
    [Data | _] = [D || {data, D} <- Items],
    {N, L} = proplists:get_value("Time-outs", Data),
    {N, lists:sort(L)}.

main() ->
    logger:remove_handler(default),
    {ok, P} = gen_statem:start(?MODULE, self(), []),
    event_timeouts(P),
    state_timeouts(P),
    generic_timeouts(P),
    changing(P),
    zeros(P),
    other_messages(P),
    gen_statem:stop(P),
    ok.

event_timeouts(P) ->
    act(P, s, [30]),
    p("integer", {fired(1), logged(P)}),
    act(P, s, [{timeout, 20, et}]),
    p("tuple", {fired(1), logged(P)}),
    act(P, t, [{timeout, 20, et}]),
    p("with a state change", {fired(1), logged(P)}),
    act(P, s, [{timeout, 20, et}, {timeout, 10, last_wins}]),
    p("the last one counts", {fired(1), logged(P)}),
    act(P, s, [{timeout, 20, et}, {next_event, internal, {goto, s}}]),
    act(P, s, [{{timeout, sync}, 60, sync}]),
    p("cancelled by an inserted event", {fired(1), logged(P)}),
    act(P, s, [{timeout, 300, et}, {{timeout, sync}, 600, sync}]),
    act(P, s, []),
    p("cancelled by a cast", {fired(1), logged(P)}),
    act(P, s, [{timeout, 300, et}, {{timeout, sync}, 600, sync}]),
    P ! hello,
    p("cancelled by a message", {fired(1), logged(P)}),
    act(P, s, [{timeout, 300, et}, {{timeout, sync}, 100, sync}, {{timeout, sync2}, 500, sync2}]),
    p("cancelled by another time-out", {fired(2), logged(P)}),
    act(P, s, [{timeout, 100, et}, {timeout, cancel}, {{timeout, sync}, 300, sync}]),
    p("cancel", {fired(1), logged(P)}),
    act(P, s, [{timeout, 100, et}, {timeout, infinity, x}, {{timeout, sync}, 300, sync}]),
    p("infinity", {fired(1), logged(P)}),
    act(P, s, [{timeout, 0, zero}]),
    act(P, s, []),
    p("zero fires before the next message", {fired(1), logged(P)}),
    act(P, s, [{timeout, 0, zero}, {next_event, internal, {goto, s}}]),
    act(P, s, [{{timeout, sync}, 0, sync}]),
    p("zero cancelled by an inserted event", {fired(1), logged(P)}),
    ok = gen_statem:call(P, {act, s, [{timeout, 0, from_call}]}),
    p("from a call", {fired(1), logged(P)}),
    ok.

state_timeouts(P) ->
    act(P, s, [{state_timeout, 20, st}]),
    p("state time-out", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 40, st}, {next_event, internal, {goto, s}}]),
    p("kept in the same state", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 30, st}, {next_event, internal, {goto, t}},
               {{timeout, sync}, 100, sync}]),
    p("cancelled by a state change", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 300, st}]),
    act(P, t, [{state_timeout, 20, new_state}]),
    p("started for the new state", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 100, st}, {state_timeout, cancel}, {{timeout, sync}, 300, sync}]),
    p("cancel", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 0, zero}]),
    p("zero", {fired(1), logged(P)}),
    Abs = erlang:monotonic_time(millisecond) + 20,
    act(P, s, [{state_timeout, Abs, absolute, [{abs, true}]}]),
    p("absolute", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 20, relative, [{abs, false}]}]),
    p("relative with options", {fired(1), logged(P)}),
    act(P, s, [{state_timeout, 20, relative, []}]),
    p("relative without options", {fired(1), logged(P)}),
    Past = erlang:monotonic_time(millisecond) - 1000,
    act(P, s, [{state_timeout, Past, past, {abs, true}}]),
    p("absolute in the past", {fired(1), logged(P)}),
    ok.

generic_timeouts(P) ->
    act(P, s, [{{timeout, a}, 60, a}, {{timeout, b}, 20, b},
               {next_event, internal, {goto, t}}]),
    p("named, in time order", {fired(2), logged(P)}),
    act(P, s, [{{timeout, a}, 200, a}]),
    act(P, t, [{{timeout, b}, 20, b}]),
    P ! hello,
    p("kept across events and states", {fired(2), logged(P)}),
    act(P, s, [{{timeout, a}, 5000, old}]),
    act(P, s, [{{timeout, a}, 20, new}]),
    p("restarted", {fired(1), logged(P)}),
    p("none left", timeouts(P)),
    act(P, s, [{{timeout, a}, 5000, a}, {{timeout, b}, 5000, b}]),
    act(P, s, [{{timeout, a}, cancel}, {{timeout, b}, infinity, ignored}]),
    p("cancelled", timeouts(P)),
    p("cancel log", logged(P)),
    act(P, s, [{{timeout, c}, 0, c}, {{timeout, d}, 0, d}]),
    p("zeros", {fired(2), logged(P)}),
    ok.

changing(P) ->
    act(P, s, [{{timeout, a}, 5000, one}, {state_timeout, 5000, st}, {timeout, 5000, et}]),
    p("running", timeouts(P)),
    act(P, s, [{{timeout, a}, update, two}, {state_timeout, update, st2}]),
    p("updated", timeouts(P)),
    act(P, s, [{{timeout, a}, cancel}, {state_timeout, cancel}]),
    p("after cancel", timeouts(P)),
    p("log", logged(P)),
    act(P, s, [{{timeout, c}, update, now}]),
    p("update of a stopped time-out fires", {fired(1), logged(P)}),
    act(P, s, [{timeout, update, event_now}, {state_timeout, update, now}]),
    p("update of stopped state and event time-outs", {fired(2), logged(P)}),
    act(P, s, [{{timeout, a}, 0, zero}, {{timeout, a}, update, updated_zero}]),
    p("update of a zero time-out", {fired(1), logged(P)}),
    act(P, s, [{{timeout, a}, 30, first}, {{timeout, a}, 5000, second}, {{timeout, a}, 10, third}]),
    p("the last of a type counts", {fired(1), logged(P)}),
    p("none left", timeouts(P)),
    ok.

zeros(P) ->
    act(P, s, [{state_timeout, 0, s0}, {{timeout, g}, 0, g0}, {timeout, 0, e0},
               {next_event, internal, i}]),
    p("zeros after inserted events", {fired(2), logged(P)}),
    act(P, s, [{{timeout, g}, 0, g0}, {state_timeout, 0, s0},
               {next_event, internal, {act, s, [{{timeout, h}, 0, h0}, {{timeout, g}, 0, g1}]}}]),
    p("zeros set later go last", {fired(3), logged(P)}),
    act(P, s, [{state_timeout, 0, s0}, {next_event, internal, {goto, t}}]),
    act(P, s, [{{timeout, sync}, 0, sync}]),
    p("zero state time-out cancelled by a state change", {fired(1), logged(P)}),
    ok.

other_messages(P) ->
    Ref = make_ref(),
    P ! {timeout, Ref, state_timeout},
    P ! {timeout, not_a_ref, {timeout, a}},
    [{info, {timeout, R, state_timeout}, s}, {info, M2, s}] = logged(P),
    p("foreign timeout messages", {R =:= Ref, M2}),
    TRef = erlang:start_timer(10, P, timeout),
    [{info, {timeout, R2, timeout}, s}] = wait_logged(P, 1000),
    p("a timer the machine did not start", R2 =:= TRef),
    ok.

%% wait_logged(P, N): the log, once something has been logged.
wait_logged(_P, 0) -> [];
wait_logged(P, N) ->
    case logged(P) of
        [] -> timer:sleep(2), wait_logged(P, N - 1);
        L -> L
    end.

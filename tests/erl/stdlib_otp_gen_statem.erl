-module(stdlib_otp_gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, locked/3, open/3, terminate/3, code_change/4]).
-export([handle_event/4]).

%% gen_statem from OTP's beams: a code lock in state_functions mode with
%% state enter calls, state timeouts, postponed events, inserted events
%% and replies as actions; then a handle_event_function machine with
%% complex states, event timeouts, generic timeouts, call timeouts and
%% stop. The callback mode is chosen by the init argument.

callback_mode() ->
    case get(mode) of
        handle_event -> [handle_event_function];
        _ -> [state_functions, state_enter]
    end.

init({lock, Code, Owner}) ->
    {ok, locked, #{code => Code, input => [], owner => Owner}};
init({events, Owner}) ->
    put(mode, handle_event),
    {ok, {idle, 0}, #{owner => Owner}}.

locked(enter, _Old, #{owner := O} = D) ->
    O ! {entered, locked},
    {keep_state, D#{input := []}};
locked({call, From}, {button, B}, #{code := Code, input := In} = D) ->
    case [B | In] of
        Rev when length(Rev) =:= length(Code) ->
            case lists:reverse(Rev) of
                Code -> {next_state, open, D, [{reply, From, opened}]};
                _ -> {keep_state, D#{input := []}, [{reply, From, wrong}]}
            end;
        Rev ->
            {keep_state, D#{input := Rev}, [{reply, From, more}]}
    end;
locked({call, From}, state, _D) ->
    {keep_state_and_data, [{reply, From, locked}]};
locked(cast, lock, _D) ->
    keep_state_and_data;
locked(info, Msg, #{owner := O}) ->
    O ! {locked_info, Msg},
    keep_state_and_data.

open(enter, _Old, #{owner := O}) ->
    O ! {entered, open},
    {keep_state_and_data, [{state_timeout, 30, lock}]};
open(state_timeout, lock, D) ->
    {next_state, locked, D};
open({call, From}, state, _D) ->
    {keep_state_and_data, [{reply, From, open}]};
open({call, _From}, {button, _}, _D) ->
    {keep_state_and_data, [postpone]};
open(cast, lock, D) ->
    {next_state, locked, D}.

handle_event({call, From}, get, State, _D) ->
    {keep_state_and_data, [{reply, From, State}]};
handle_event(cast, {add, N}, {S, Count}, D) ->
    {next_state, {S, Count + N}, D, [{next_event, internal, check}]};
handle_event(internal, check, {_, Count}, D) when Count >= 10 ->
    {next_state, {full, Count}, D};
handle_event(internal, check, _State, _D) ->
    keep_state_and_data;
handle_event(cast, wait, State, D) ->
    {next_state, State, D, [{timeout, 20, idle_timeout}]};
handle_event(timeout, idle_timeout, {_, Count}, #{owner := O} = D) ->
    O ! {event_timeout, Count},
    {next_state, {idle, Count}, D};
handle_event(cast, {generic, Name}, _State, _D) ->
    {keep_state_and_data, [{{timeout, Name}, 10, fired}]};
handle_event({timeout, Name}, fired, _State, #{owner := O}) ->
    O ! {generic_timeout, Name},
    keep_state_and_data;
handle_event({call, _From}, slow, _State, _D) ->
    keep_state_and_data;
handle_event({call, From}, {stop, Why}, _State, D) ->
    {stop_and_reply, Why, [{reply, From, stopping}], D}.

terminate(Reason, State, #{owner := O}) ->
    O ! {terminate, Reason, State},
    ok.

code_change(_Old, State, Data, _Extra) ->
    {ok, State, Data}.

show(Label, V) ->
    io:format("~s: ~p~n", [Label, V]).

next() ->
    receive M -> M after 1000 -> timeout end.

main() ->
    logger:remove_handler(default),
    {ok, L} = gen_statem:start(?MODULE, {lock, [1, 2, 3], self()}, []),
    show("enter", next()),
    show("state", gen_statem:call(L, state)),
    show("press", [gen_statem:call(L, {button, B}) || B <- [1, 2, 4]]),
    show("press", [gen_statem:call(L, {button, B}) || B <- [1, 2, 3]]),
    show("enter", next()),
    show("state", gen_statem:call(L, state)),
    Self = self(),
    spawn(fun() -> Self ! {postponed, gen_statem:call(L, {button, 9})} end),
    show("state timeout enter", next()),
    show("postponed reply", next()),
    L ! hello,
    show("info", next()),
    show("get_state", element(1, sys:get_state(L))),
    ok = gen_statem:stop(L),
    show("stopped", {is_process_alive(L), next()}),

    {ok, E} = gen_statem:start(?MODULE, {events, self()}, []),
    show("initial", gen_statem:call(E, get)),
    gen_statem:cast(E, {add, 4}),
    show("added", gen_statem:call(E, get)),
    gen_statem:cast(E, {add, 7}),
    show("internal event", gen_statem:call(E, get)),
    gen_statem:cast(E, wait),
    show("event timeout", next()),
    show("after timeout", gen_statem:call(E, get)),
    gen_statem:cast(E, {generic, g1}),
    show("generic timeout", next()),
    show("call timeout", try gen_statem:call(E, slow, 20) catch exit:{R, _} -> R end),
    show("stop_and_reply", gen_statem:call(E, {stop, done})),
    show("terminate", next()),
    ok.

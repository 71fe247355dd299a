-module(stdlib_gen_statem_errors).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, ready/3, entering/3, terminate/3, format_status/1]).
-export([log/2]).

%% How gen_statem fails: bad results and bad actions of state callbacks
%% and state enter calls, crashes (error, exit, throw), a bad or crashing
%% callback_mode/0, an undefined state function, stop and stop_and_reply
%% (also with bad replies), a crashing terminate/3. The test process
%% traps exits and starts each machine linked, so it sees the exit
%% reason; terminate/3 tells it the reason and the state it got. A logger
%% handler of this module receives the error reports and the test prints
%% their contents (without stack traces and pids); format_status/1
%% shapes the state the report shows. gen_statem:format_log/2 formats a
%% report made here. Calls to crashing and dead machines exit with the
%% reasons OTP gives.

-define(T, 5000).

%% Pids are printed as pid, maps as sorted lists (later releases print
%% map keys in another order).
p(Label, X) -> io:format("~s: ~p~n", [Label, norm(X)]).

norm(P) when is_pid(P) -> pid;
norm(R) when is_reference(R) -> ref;
norm(M) when is_map(M) -> {map, lists:sort(norm(maps:to_list(M)))};
norm(T) when is_tuple(T) -> list_to_tuple(norm(tuple_to_list(T)));
norm([H | T]) -> [norm(H) | norm(T)];
norm(X) -> X.

%%% Callbacks. init's argument is a map: mode (the callback_mode/0
%%% result), state, enter_result (what the enter call of state entering
%%% returns).

callback_mode() ->
    case get(mode) of
        crash -> error(mode_crash);
        Mode -> Mode
    end.

init(#{mode := Mode} = Opts) ->
    put(mode, Mode),
    case Opts of
        #{fmt := true} -> put(fmt, true);
        _ -> ok
    end,
    {ok, maps:get(state, Opts, ready), maps:without([mode, state, fmt], Opts)}.

%% ready: the state callback returns what the event asks for.
ready(enter, _Old, _D) -> keep_state_and_data;
ready({call, From}, {return, R}, _D) -> with_from(R, From);
ready({call, _From}, crash, _D) -> error(call_crash);
ready(cast, {return, R}, _D) -> R;
ready(cast, {error, R}, _D) -> error(R);
ready(cast, {exit, R}, _D) -> exit(R);
ready(cast, {throw, R}, _D) -> throw(R);
ready(cast, {postpone_then, R}, _D) ->
    {keep_state_and_data, [postpone, {next_event, internal, {return, R}}, {next_event, internal, queued}]};
ready(internal, {return, R}, _D) -> R;
ready(info, _, _D) -> keep_state_and_data.

%% Replaces the atom from in a result by the caller.
with_from(from, From) -> From;
with_from(T, From) when is_tuple(T) -> list_to_tuple(with_from(tuple_to_list(T), From));
with_from([H | T], From) -> [with_from(H, From) | with_from(T, From)];
with_from(X, _From) -> X.

%% entering: its enter call returns the data's enter_result.
entering(enter, _Old, #{enter_result := R}) -> R;
entering(cast, go, D) -> {next_state, ready, D};
entering(cast, reenter, D) -> {repeat_state, D}.

terminate(_Reason, _State, #{terminate := crash}) ->
    error(terminate_crash);
terminate(_Reason, _State, #{terminate := throw}) ->
    throw(terminate_throw);
terminate(Reason, State, D) ->
    gsm_errors_main ! {terminate, nostack(Reason), State, maps:get(new, D, old)}.

format_status(#{data := D} = Status) ->
    case get(fmt) of
        true -> Status#{data := maps:with([new], D), state := {formatted, maps:get(state, Status)}};
        _ -> Status
    end.

%% A logger handler: sends gen_statem's reports to the test process.
log(#{msg := {report, #{label := {gen_statem, terminate}} = R}}, #{config := #{main := Main}}) ->
    Main ! {report, R};
log(_Event, _Config) ->
    ok.

%%% Tests.

main() ->
    logger:remove_handler(default),
    register(gsm_errors_main, self()),
    logger:add_handler(gsm_capture, ?MODULE, #{config => #{main => self()}}),
    process_flag(trap_exit, true),
    results(),
    actions(),
    enter_calls(),
    crashes(),
    modes(),
    calls(),
    reports(),
    formatting(),
    ok.

nostack({R, [{_, _, _, _} | _]}) -> {R, stack};
nostack(R) -> R.

nopid(P) when is_pid(P) -> pid;
nopid(T) when is_tuple(T) -> list_to_tuple(nopid(tuple_to_list(T)));
nopid([H | T]) -> [nopid(H) | nopid(T)];
nopid(X) -> X.

start(Opts) ->
    {ok, P} = gen_statem:start_link(?MODULE, maps:merge(#{mode => [state_functions, state_enter]}, Opts), []),
    P.

%% outcome(P): what terminate/3 got and the exit reason; the error
%% report (if any) is dropped.
outcome(P) ->
    T = receive {terminate, R, S, New} -> {R, S, New} after ?T -> no_terminate end,
    E = receive {'EXIT', P, Why} -> nostack(Why) after ?T -> no_exit end,
    drop_report(),
    {T, E}.

drop_report() ->
    receive {report, _} -> ok after 0 -> ok end.

cast_outcome(Label, Opts, Event) ->
    P = start(Opts),
    gen_statem:cast(P, Event),
    p(Label, outcome(P)).

results() ->
    cast_outcome("bad return", #{}, {return, what}),
    cast_outcome("bad return tuple", #{}, {return, {next_state}}),
    cast_outcome("bad keep_state", #{}, {return, {keep_state}}),
    cast_outcome("stop", #{}, {return, stop}),
    cast_outcome("stop reason", #{}, {return, {stop, my_reason}}),
    cast_outcome("stop shutdown", #{}, {return, {stop, {shutdown, x}}}),
    cast_outcome("stop with new data", #{}, {return, {stop, normal, #{new => data}}}),
    cast_outcome("stop_and_reply none", #{}, {return, {stop_and_reply, normal, []}}),
    cast_outcome("stop_and_reply new data", #{}, {return, {stop_and_reply, normal, [], #{new => d}}}),
    cast_outcome("stop_and_reply bad reply", #{}, {return, {stop_and_reply, normal, [bad]}}),
    cast_outcome("stop_and_reply bad from", #{}, {return, {stop_and_reply, normal, {reply, nofrom, x}}}),
    cast_outcome("thrown result", #{}, {throw, {stop, thrown_stop}}),
    cast_outcome("thrown bad result", #{}, {throw, garbage}),
    P = start(#{}),
    p("stop_and_reply with replies",
      gen_statem:call(P, {return, {stop_and_reply, done, [{reply, from, r1}, {reply, from, r2}]}})),
    p("stop_and_reply outcome", outcome(P)),
    ok.

actions() ->
    Bad = [bad_action, {reply, nofrom, x}, {timeout, -1, x}, {state_timeout, foo, x},
           {{timeout, a}, 10, x, [{abs, perhaps}]}, {{timeout, a}, -5, x, [{abs, false}]},
           {{timeout, a}, foo, x, [{abs, true}]}, {other_timeout, 10, x},
           {next_event, bad_type, x}, {next_event, {call, nofrom}, x}, {hibernate, perhaps},
           {postpone, perhaps}, pop_callback_module, {change_callback_module, "m"},
           {timeout, cancel, x}, {update, 1}, -1],
    lists:foreach(fun(A) ->
                          cast_outcome(io_lib:format("action ~p", [A]), #{},
                                       {return, {keep_state_and_data, [A]}})
                  end, Bad),
    cast_outcome("bad action after good ones", #{},
                 {return, {keep_state_and_data, [{timeout, 10, x}, postpone, bad]}}),
    cast_outcome("bad action with next_state", #{},
                 {return, {next_state, other, #{new => d}, [bad]}}),
    cast_outcome("bad action in an inserted event", #{},
                 {postpone_then, {keep_state_and_data, bad}}),
    ok.

enter_calls() ->
    E = fun(Label, R) ->
                cast_outcome(Label, #{state => ready, enter_result => R}, {return, {next_state, entering, #{enter_result => R}}})
        end,
    E("enter next_state other", {next_state, other, #{}}),
    E("enter next_state other with actions", {next_state, other, #{}, []}),
    E("enter postpone", {keep_state_and_data, postpone}),
    E("enter postpone true", {keep_state_and_data, {postpone, true}}),
    E("enter next_event", {keep_state_and_data, {next_event, internal, x}}),
    E("enter next_event bad type", {keep_state_and_data, {next_event, bad, x}}),
    E("enter push module", {keep_state_and_data, {push_callback_module, ?MODULE}}),
    E("enter bad result", nonsense),
    E("enter stop", {stop, enter_stop}),
    P = start(#{state => entering,
                enter_result => {keep_state_and_data, [{postpone, false}, {state_timeout, 60000, x}, hibernate]}}),
    p("enter allowed actions", gen_statem:cast(P, go)),
    gen_statem:stop(P),
    p("enter outcome", outcome(P)),
    P2 = start(#{state => entering, enter_result => {next_state, entering, #{enter_result => {stop, later}}}}),
    gen_statem:cast(P2, reenter),
    p("enter next_state same", outcome(P2)),
    ok.

crashes() ->
    cast_outcome("error", #{}, {error, boom}),
    cast_outcome("exit", #{}, {exit, bye}),
    cast_outcome("exit normal", #{}, {exit, normal}),
    P0 = start(#{}),
    gen_statem:cast(P0, {throw, keep_state_and_data}),
    p("throw keep", sys:get_state(P0)),
    gen_statem:stop(P0),
    p("throw keep outcome", outcome(P0)),
    P = start(#{}),
    gen_statem:cast(P, {return, {next_state, nostate, #{}}}),
    gen_statem:cast(P, x),
    p("undefined state function", outcome_undef(P)),
    P1 = start(#{terminate => crash}),
    gen_statem:cast(P1, {return, {stop, why}}),
    p("terminate crash", receive {'EXIT', P1, W1} -> nostack(W1) after ?T -> no_exit end),
    drop_report(),
    P2 = start(#{terminate => throw}),
    gen_statem:cast(P2, {return, {stop, why}}),
    p("terminate throw", receive {'EXIT', P2, W2} -> W2 after ?T -> no_exit end),
    drop_report(),
    P3 = start(#{terminate => crash}),
    gen_statem:cast(P3, {return, {stop, normal}}),
    p("terminate crash on normal stop", receive {'EXIT', P3, W3} -> nostack(W3) after ?T -> no_exit end),
    drop_report(),
    ok.

outcome_undef(P) ->
    T = receive {terminate, R, S, _} -> {R, S} after ?T -> no_terminate end,
    E = receive {'EXIT', P, {undef, [Frame | _]}} -> {undef, nopid(Frame)};
            {'EXIT', P, Why} -> nostack(Why)
        after ?T -> no_exit
        end,
    drop_report(),
    {T, E}.

modes() ->
    {ok, P} = gen_statem:start_link(?MODULE, #{mode => bad_mode}, []),
    p("bad callback mode", outcome(P)),
    {ok, P2} = gen_statem:start_link(?MODULE, #{mode => [state_enter]}, []),
    p("no callback mode", outcome(P2)),
    {ok, P3} = gen_statem:start_link(?MODULE, #{mode => crash}, []),
    p("callback mode crash", outcome(P3)),
    {ok, P4} = gen_statem:start_link(?MODULE, #{mode => [state_functions, state_enter, bad]}, []),
    p("callback mode with junk", outcome(P4)),
    {ok, P5} = gen_statem:start_link(?MODULE, #{mode => [handle_event_function, state_functions]}, []),
    gen_statem:cast(P5, {return, {stop, last_mode_counts}}),
    p("the last mode counts", outcome(P5)),
    ok.

reason(F) ->
    try F() of
        V -> {returned, V}
    catch
        exit:{{R, S}, Call} when is_list(S) -> {exit, {{R, stack}, nopid(Call)}};
        exit:R -> {exit, nopid(R)}
    end.

calls() ->
    P = start(#{}),
    p("crash in a call", reason(fun() -> gen_statem:call(P, crash) end)),
    p("crash in a call outcome", outcome(P)),
    p("call a dead machine", reason(fun() -> gen_statem:call(P, {return, keep_state_and_data}) end)),
    p("call a dead machine with timeout", reason(fun() -> gen_statem:call(P, x, 100) end)),
    P2 = start(#{}),
    p("bad return in a call", reason(fun() -> gen_statem:call(P2, {return, bad}) end)),
    p("bad return in a call outcome", outcome(P2)),
    P3 = start(#{}),
    p("stop in a call", reason(fun() -> gen_statem:call(P3, {return, {stop, stopped}}) end)),
    p("stop in a call outcome", outcome(P3)),
    P4 = start(#{}),
    p("exit in a call", reason(fun() -> gen_statem:call(P4, {return, {stop, normal}}, {clean_timeout, 1000}) end)),
    p("exit in a call outcome", outcome(P4)),
    ok.

%% report_of(Label, Opts, Events): makes a machine fail and prints what
%% its error report holds.
report_of(Label, Opts, Events) ->
    P = start(Opts),
    lists:foreach(fun({call, Req}) -> catch gen_statem:call(P, Req);
                     (Event) -> gen_statem:cast(P, Event)
                  end, Events),
    receive
        {report, R} ->
            #{reason := {Class, Reason, Stack}, timeouts := {N, Ts}} = R,
            Shown = maps:without([reason, client_info, timeouts, process_label], R),
            p(Label, lists:sort(maps:to_list(Shown#{reason => {Class, Reason, Stack =/= []},
                                                    timeouts => {N, lists:sort(Ts)}}))),
            p(Label ++ " client", case maps:get(client_info, R) of
                                      {Pid, {Name, S}} when is_list(S) -> {Pid, {Name, stack}};
                                      C -> C
                                  end)
    after ?T -> p(Label, no_report)
    end,
    receive {'EXIT', P, _} -> ok after ?T -> ok end,
    receive {terminate, _, _, _} -> ok after 0 -> ok end.

reports() ->
    report_of("report bad return", #{}, [{return, what}]),
    report_of("report with queue", #{}, [{postpone_then, {stop, queued}}]),
    report_of("report in a call", #{}, [{call, {return, {stop, in_call}}}]),
    report_of("report with timeouts", #{},
              [{return, {keep_state_and_data, [{state_timeout, 1000, st}, {{timeout, a}, 1000, a}]}},
               {postpone_then, {stop, timeouts, #{new => x}}}]),
    report_of("report with format_status", #{fmt => true},
              [{return, {stop, formatted, #{new => hidden, other => 1}}}]),
    report_of("report of a crash", #{mode => handle_event_function, state => {complex, state}}, [x]),
    report_of("report of a throw in terminate", #{terminate => throw}, [{error, boom}]),
    ok.

formatting() ->
    Report = #{label => {gen_statem, terminate}, name => my_machine,
               queue => [{cast, last}, {info, queued}], postponed => [{cast, postponed}],
               modules => [m1, m2], callback_mode => state_functions, state_enter => true,
               state => {s, data}, timeouts => {1, [{state_timeout, st}]},
               log => [{in, {cast, x}, s}], reason => {exit, some_reason, []},
               client_info => undefined,
               %% Later releases need this key; OTP 25 ignores it.
               process_label => undefined},
    io:put_chars(gen_statem:format_log(Report, #{})),
    io:put_chars(gen_statem:format_log(Report, #{single_line => true})),
    io:nl(),
    io:put_chars(gen_statem:format_log(Report#{queue => [], postponed => [], timeouts => {0, []},
                                               log => [], state_enter => false,
                                               reason => {error, {deep, [1, 2, [3, [4, [5]]]]}, []}},
                                       #{depth => 4})),
    ok.

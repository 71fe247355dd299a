%% sys: system messages to processes that follow the OTP design
%% principles (the generic behaviours). A request is a call with the label
%% system; the process hands it to handle_system_msg/6,7, which answers
%% get_state, replace_state, get_status, suspend, resume, change_code and
%% terminate through the process's system_* callbacks. The debug options
%% trace, log and statistics are kept in the process's debug list, a list
%% of {Option, Data}, which handle_debug/4 updates for every event.
-module(sys).

-export([get_state/1, get_state/2, replace_state/2, replace_state/3,
         get_status/1, get_status/2, suspend/1, suspend/2, resume/1, resume/2,
         change_code/4, change_code/5, terminate/2, terminate/3,
         trace/2, trace/3, log/2, log/3, statistics/2, statistics/3,
         no_debug/1, no_debug/2, debug_options/1,
         handle_system_msg/6, handle_system_msg/7, handle_debug/4]).

-define(TIMEOUT, 5000).

get_state(Name) -> get_state(Name, ?TIMEOUT).
get_state(Name, Timeout) ->
    case send_system_msg(Name, get_state, Timeout, get_state, [Name]) of
        {error, Reason} -> erlang:error(Reason);
        State -> State
    end.

replace_state(Name, StateFun) -> replace_state(Name, StateFun, ?TIMEOUT).
replace_state(Name, StateFun, Timeout) ->
    case send_system_msg(Name, {replace_state, StateFun}, Timeout, replace_state,
                         [Name, StateFun]) of
        {error, Reason} -> erlang:error(Reason);
        State -> State
    end.

get_status(Name) -> get_status(Name, ?TIMEOUT).
get_status(Name, Timeout) ->
    send_system_msg(Name, get_status, Timeout, get_status, [Name]).

suspend(Name) -> suspend(Name, ?TIMEOUT).
suspend(Name, Timeout) -> send_system_msg(Name, suspend, Timeout, suspend, [Name]).

resume(Name) -> resume(Name, ?TIMEOUT).
resume(Name, Timeout) -> send_system_msg(Name, resume, Timeout, resume, [Name]).

change_code(Name, Mod, Vsn, Extra) -> change_code(Name, Mod, Vsn, Extra, ?TIMEOUT).
change_code(Name, Mod, Vsn, Extra, Timeout) ->
    send_system_msg(Name, {change_code, Mod, Vsn, Extra}, Timeout, change_code,
                    [Name, Mod, Vsn, Extra]).

terminate(Name, Reason) -> terminate(Name, Reason, infinity).
terminate(Name, Reason, Timeout) ->
    gen:stop(Name, Reason, Timeout).

trace(Name, Flag) -> trace(Name, Flag, ?TIMEOUT).
trace(Name, Flag, Timeout) -> send_system_msg(Name, {debug, {trace, Flag}}, Timeout, trace, [Name, Flag]).
log(Name, Flag) -> log(Name, Flag, ?TIMEOUT).
log(Name, Flag, Timeout) -> send_system_msg(Name, {debug, {log, Flag}}, Timeout, log, [Name, Flag]).
statistics(Name, Flag) -> statistics(Name, Flag, ?TIMEOUT).
statistics(Name, Flag, Timeout) ->
    send_system_msg(Name, {debug, {statistics, Flag}}, Timeout, statistics, [Name, Flag]).
no_debug(Name) -> no_debug(Name, ?TIMEOUT).
no_debug(Name, Timeout) -> send_system_msg(Name, {debug, no_debug}, Timeout, no_debug, [Name]).

%% debug_options(Options) -> Debug: the debug list a process starts with.
debug_options(Options) ->
    lists:foldl(fun debug_option/2, [], Options).

debug_option(trace, Debug) -> set_debug(trace, true, Debug);
debug_option(log, Debug) -> set_debug(log, {10, []}, Debug);
debug_option({log, N}, Debug) when is_integer(N), N > 0 -> set_debug(log, {N, []}, Debug);
debug_option(statistics, Debug) -> set_debug(statistics, init_stats(), Debug);
debug_option(_, Debug) -> Debug.

set_debug(Key, Value, Debug) -> lists:keystore(Key, 1, Debug, {Key, Value}).

init_stats() ->
    {erlang:localtime(), reductions(), 0, 0}.

reductions() ->
    {reductions, R} = process_info(self(), reductions),
    R.

%% handle_debug(Debug, FormFunc, Extra, Event) -> Debug1: prints Event
%% with FormFunc(standard_io, Event, Extra) when tracing, logs it and
%% counts it in the statistics.
handle_debug([], _FormFunc, _Extra, _Event) -> [];
handle_debug(Debug, FormFunc, Extra, Event) ->
    [debug_event(D, FormFunc, Extra, Event) || D <- Debug].

debug_event({trace, true} = D, FormFunc, Extra, Event) ->
    print_event(FormFunc, Extra, Event),
    D;
debug_event({log, {N, Events}}, FormFunc, Extra, Event) ->
    {log, {N, lists:sublist([{Event, Extra, FormFunc} | Events], N)}};
debug_event({statistics, {Start, Reds, In, Out}}, _FormFunc, _Extra, Event) ->
    {statistics, case Event of
                     {in, _} -> {Start, Reds, In + 1, Out};
                     {in, _, _} -> {Start, Reds, In + 1, Out};
                     {out, _, _} -> {Start, Reds, In, Out + 1};
                     {out, _, _, _} -> {Start, Reds, In, Out + 1};
                     _ -> {Start, Reds, In, Out}
                 end};
debug_event(D, _FormFunc, _Extra, _Event) ->
    D.

print_event(FormFunc, Extra, Event) ->
    try
        FormFunc(standard_io, Event, Extra)
    catch
        _:_ -> io:format("*DBG* ~tp dbg ~tp~n", [Extra, Event])
    end.

send_system_msg(Name, Request, Timeout, F, Args) ->
    case catch gen:call(Name, system, Request, Timeout) of
        {ok, Reply} ->
            Reply;
        {'EXIT', Reason} ->
            exit({Reason, {?MODULE, F, Args}})
    end.

%% handle_system_msg(Request, From, Parent, Module, Debug, Misc[, Hib]):
%% answers Request and continues with Module:system_continue/3 (or ends
%% through Module:system_terminate/4).
handle_system_msg(Request, From, Parent, Module, Debug, Misc) ->
    handle_system_msg(Request, From, Parent, Module, Debug, Misc, false).

handle_system_msg(Request, From, Parent, Module, Debug, Misc, _Hib) ->
    case do_cmd(Request, Parent, Module, Debug, Misc) of
        {suspend, Reply} ->
            gen:reply(From, Reply),
            suspend_loop(Parent, Module, Debug, Misc);
        {terminate, Reason} ->
            Module:system_terminate(Reason, Parent, Debug, Misc);
        {Reply, Debug1, Misc1} ->
            gen:reply(From, Reply),
            Module:system_continue(Parent, Debug1, Misc1)
    end.

suspend_loop(Parent, Module, Debug, Misc) ->
    receive
        {system, From, resume} ->
            gen:reply(From, ok),
            Module:system_continue(Parent, Debug, Misc);
        {system, From, Request} ->
            case do_cmd(Request, suspended, Parent, Module, Debug, Misc) of
                {suspend, Reply} ->
                    gen:reply(From, Reply),
                    suspend_loop(Parent, Module, Debug, Misc);
                {terminate, Reason} ->
                    Module:system_terminate(Reason, Parent, Debug, Misc);
                {Reply, Debug1, Misc1} ->
                    gen:reply(From, Reply),
                    suspend_loop(Parent, Module, Debug1, Misc1)
            end;
        {'EXIT', Parent, Reason} ->
            Module:system_terminate(Reason, Parent, Debug, Misc)
    end.

%% do_cmd(Request, SysState, ...): SysState (running or suspended) is what
%% get_status reports.
do_cmd(get_status, SysState, Parent, Module, Debug, Misc) ->
    status(SysState, Parent, Module, Debug, Misc);
do_cmd(Request, _SysState, Parent, Module, Debug, Misc) ->
    do_cmd(Request, Parent, Module, Debug, Misc).

do_cmd(suspend, _Parent, _Module, _Debug, _Misc) ->
    {suspend, ok};
do_cmd(resume, _Parent, _Module, Debug, Misc) ->
    {ok, Debug, Misc};
do_cmd({terminate, Reason}, _Parent, _Module, _Debug, _Misc) ->
    {terminate, Reason};
do_cmd(get_state, _Parent, Module, Debug, Misc) ->
    case erlang:function_exported(Module, system_get_state, 1) of
        true ->
            try Module:system_get_state(Misc) of
                {ok, State} -> {State, Debug, Misc};
                Other -> {{error, {callback_failed, {Module, system_get_state}, Other}}, Debug, Misc}
            catch
                Class:R -> {{error, {callback_failed, {Module, system_get_state}, {Class, R}}},
                            Debug, Misc}
            end;
        false ->
            {Misc, Debug, Misc}
    end;
do_cmd({replace_state, StateFun}, _Parent, Module, Debug, Misc) ->
    case erlang:function_exported(Module, system_replace_state, 2) of
        true ->
            try Module:system_replace_state(StateFun, Misc) of
                {ok, State, Misc1} -> {State, Debug, Misc1};
                Other -> {{error, {callback_failed, {Module, system_replace_state}, Other}},
                          Debug, Misc}
            catch
                Class:R -> {{error, {callback_failed, {Module, system_replace_state}, {Class, R}}},
                            Debug, Misc}
            end;
        false ->
            try StateFun(Misc) of
                Misc1 -> {Misc1, Debug, Misc1}
            catch
                Class:R -> {{error, {callback_failed, StateFun, {Class, R}}}, Debug, Misc}
            end
    end;
do_cmd(get_status, Parent, Module, Debug, Misc) ->
    status(running, Parent, Module, Debug, Misc);
do_cmd({change_code, Mod, Vsn, Extra}, _Parent, Module, Debug, Misc) ->
    case erlang:function_exported(Module, system_code_change, 4) of
        true ->
            case catch Module:system_code_change(Misc, Mod, Vsn, Extra) of
                {ok, Misc1} -> {ok, Debug, Misc1};
                Else -> {{error, Else}, Debug, Misc}
            end;
        false ->
            {ok, Debug, Misc}
    end;
do_cmd({debug, Cmd}, _Parent, _Module, Debug, Misc) ->
    {Reply, Debug1} = debug_cmd(Cmd, Debug),
    {Reply, Debug1, Misc};
do_cmd(_Other, _Parent, _Module, Debug, Misc) ->
    {{error, unknown_system_msg}, Debug, Misc}.

status(SysState, Parent, Module, Debug, Misc) ->
    PDict = get(),
    Status = case erlang:function_exported(Module, format_status, 2) of
                 true ->
                     catch Module:format_status(normal, [PDict, SysState, Parent, Debug, Misc]);
                 false ->
                     [{data, [{"Status", SysState}, {"Parent", Parent}]}, Misc]
             end,
    {{status, self(), {module, Module}, [PDict, SysState, Parent, Debug, Status]}, Debug, Misc}.

debug_cmd({trace, true}, Debug) -> {ok, set_debug(trace, true, Debug)};
debug_cmd({trace, false}, Debug) -> {ok, lists:keydelete(trace, 1, Debug)};
debug_cmd({log, true}, Debug) -> {ok, set_debug(log, {10, []}, Debug)};
debug_cmd({log, {true, N}}, Debug) when is_integer(N), N > 0 ->
    {ok, set_debug(log, {N, []}, Debug)};
debug_cmd({log, false}, Debug) -> {ok, lists:keydelete(log, 1, Debug)};
debug_cmd({log, get}, Debug) ->
    case lists:keyfind(log, 1, Debug) of
        {log, {_, Events}} -> {{ok, [E || {E, _, _} <- lists:reverse(Events)]}, Debug};
        false -> {{ok, []}, Debug}
    end;
debug_cmd({log, print}, Debug) ->
    case lists:keyfind(log, 1, Debug) of
        {log, {_, Events}} ->
            [print_event(F, X, E) || {E, X, F} <- lists:reverse(Events)];
        false ->
            ok
    end,
    {ok, Debug};
debug_cmd({statistics, true}, Debug) -> {ok, set_debug(statistics, init_stats(), Debug)};
debug_cmd({statistics, false}, Debug) -> {ok, lists:keydelete(statistics, 1, Debug)};
debug_cmd({statistics, get}, Debug) ->
    case lists:keyfind(statistics, 1, Debug) of
        {statistics, {Start, Reds, In, Out}} ->
            {{ok, [{start_time, Start}, {current_time, erlang:localtime()},
                   {reductions, reductions() - Reds},
                   {messages_in, In}, {messages_out, Out}]}, Debug};
        false ->
            {{ok, no_statistics}, Debug}
    end;
debug_cmd(no_debug, _Debug) -> {ok, []};
debug_cmd(_Other, Debug) -> {unknown_debug, Debug}.

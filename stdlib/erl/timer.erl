%% timer: delays, time conversions, measuring calls, and timers that send a
%% message, send an exit signal or spawn a call later, once or repeatedly.
%%
%% A delayed send to a local pid is an erlang:send_after/3 timer of the
%% runtime ({send_local, Ref}); a zero delay acts at once ({instant, Ref}).
%% Everything else (sends to names, exit signals, spawned calls, intervals)
%% is kept by a server process registered as timer_server, started the
%% first time it is needed. It holds one runtime timer per pending request
%% and acts when that timer's timeout message arrives. An interval is
%% dropped when the process it depends on goes down: the destination of
%% send_interval, the caller of apply_interval. The server speaks the
%% gen_server call protocol and exports gen_server callbacks, but drives
%% them with a small loop of its own.
-module(timer).

-export([sleep/1, tc/1, tc/2, tc/3,
         seconds/1, minutes/1, hours/1, hms/3, now_diff/2,
         send_after/2, send_after/3, send_interval/2, send_interval/3,
         exit_after/2, exit_after/3, kill_after/1, kill_after/2,
         apply_after/4, apply_interval/4, cancel/1,
         start/0, start_link/0]).
%% The server's callbacks.
-export([init/1, handle_call/3, handle_cast/2, handle_info/2,
         terminate/2, code_change/3]).

-define(SERVER, timer_server).

%% A destination of a message: a pid, a registered name, or {Name, Node}.
-define(IS_DEST(D), (is_pid(D) orelse is_atom(D)
                     orelse (is_tuple(D) andalso tuple_size(D) =:= 2
                             andalso is_atom(element(1, D))
                             andalso is_atom(element(2, D))))).
-define(IS_TIME(T), (is_integer(T) andalso T >= 0)).

%%% Delays, conversions and measurements.

sleep(Time) ->
    receive
    after Time -> ok
    end.

tc(Fun) ->
    Start = erlang:monotonic_time(),
    Value = Fun(),
    {elapsed_us(Start), Value}.

tc(Fun, Args) ->
    Start = erlang:monotonic_time(),
    Value = apply(Fun, Args),
    {elapsed_us(Start), Value}.

tc(Module, Function, Args) ->
    Start = erlang:monotonic_time(),
    Value = apply(Module, Function, Args),
    {elapsed_us(Start), Value}.

elapsed_us(Start) ->
    erlang:convert_time_unit(erlang:monotonic_time() - Start, native, microsecond).

seconds(S) -> S * 1000.

minutes(M) -> M * 60000.

hours(H) -> H * 3600000.

hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

%% Microseconds from the erlang:timestamp() triple Then to Now.
now_diff({NowMega, NowSec, NowMicro}, {ThenMega, ThenSec, ThenMicro}) ->
    ((NowMega - ThenMega) * 1000000 + NowSec - ThenSec) * 1000000
        + NowMicro - ThenMicro.

%%% Timers.

send_after(Time, Msg) ->
    send_after(Time, self(), Msg).

send_after(0, Dest, Msg) when ?IS_DEST(Dest) ->
    Dest ! Msg,
    {ok, {instant, make_ref()}};
send_after(Time, Pid, Msg) when ?IS_TIME(Time), is_pid(Pid), node(Pid) =:= node() ->
    {ok, {send_local, erlang:send_after(Time, Pid, Msg)}};
send_after(Time, Dest, Msg) when ?IS_TIME(Time), ?IS_DEST(Dest) ->
    call({once, Time, {send, Dest, Msg}});
send_after(_, _, _) ->
    {error, badarg}.

exit_after(Time, Reason) ->
    exit_after(Time, self(), Reason).

exit_after(0, Target, Reason) ->
    catch erlang:exit(Target, Reason),
    {ok, {instant, make_ref()}};
exit_after(Time, Target, Reason) when ?IS_TIME(Time) ->
    call({once, Time, {exit, Target, Reason}});
exit_after(_, _, _) ->
    {error, badarg}.

kill_after(Time) ->
    exit_after(Time, self(), kill).

kill_after(Time, Target) ->
    exit_after(Time, Target, kill).

apply_after(0, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    catch spawn(M, F, A),
    {ok, {instant, make_ref()}};
apply_after(Time, M, F, A) when ?IS_TIME(Time), is_atom(M), is_atom(F), is_list(A) ->
    call({once, Time, {spawn, M, F, A}});
apply_after(_, _, _, _) ->
    {error, badarg}.

send_interval(Time, Msg) ->
    send_interval(Time, self(), Msg).

send_interval(Time, Dest, Msg) when ?IS_TIME(Time), ?IS_DEST(Dest) ->
    call({interval, now_ms(), Time, {send, Dest, Msg}, Dest});
send_interval(_, _, _) ->
    {error, badarg}.

apply_interval(Time, M, F, A) when ?IS_TIME(Time), is_atom(M), is_atom(F), is_list(A) ->
    call({interval, now_ms(), Time, {spawn, M, F, A}, self()});
apply_interval(_, _, _, _) ->
    {error, badarg}.

cancel({instant, Ref}) when is_reference(Ref) ->
    {ok, cancel};
cancel({send_local, Ref}) when is_reference(Ref) ->
    _ = erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({Kind, Ref}) when (Kind =:= once orelse Kind =:= interval), is_reference(Ref) ->
    call({cancel, Ref});
cancel(_) ->
    {error, badarg}.

now_ms() ->
    erlang:monotonic_time(millisecond).

%%% Starting the server and calling it.

%% start() makes sure the server runs.
start() ->
    _ = start_server(nolink),
    ok.

%% start_link() starts the server linked to the caller: {ok, Pid}, or
%% {error, {already_started, Pid}} when it already runs.
start_link() ->
    start_server(link).

start_server(Link) ->
    Starter = self(),
    Boot = fun() -> boot(Starter, Link) end,
    Pid = case Link of
              link -> spawn_link(Boot);
              nolink -> spawn(Boot)
          end,
    Mref = erlang:monitor(process, Pid),
    receive
        {Pid, Started} ->
            erlang:demonitor(Mref, [flush]),
            Started;
        {'DOWN', Mref, process, Pid, Reason} ->
            {error, Reason}
    end.

%% The new process takes the server's name; if another process has it, the
%% new one reports that and ends.
boot(Starter, Link) ->
    case catch register(?SERVER, self()) of
        true ->
            {ok, State} = init([]),
            Starter ! {self(), {ok, self()}},
            Parent = case Link of
                         link -> Starter;
                         nolink -> none
                     end,
            loop(Parent, State);
        _ ->
            Starter ! {self(), {error, {already_started, whereis(?SERVER)}}}
    end.

server() ->
    case whereis(?SERVER) of
        undefined ->
            _ = start_server(nolink),
            server();
        Pid ->
            Pid
    end.

call(Request) ->
    Server = server(),
    Mref = erlang:monitor(process, Server),
    Server ! {'$gen_call', {self(), Mref}, Request},
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            Reply;
        {'DOWN', Mref, process, _, Reason} ->
            erlang:exit({Reason, {gen_server, call, [?SERVER, Request, infinity]}})
    end.

%%% The server loop.

loop(Parent, State) ->
    receive
        {'$gen_call', From, Request} ->
            {reply, Reply, State1} = handle_call(Request, From, State),
            reply(From, Reply),
            loop(Parent, State1);
        {'$gen_cast', Msg} ->
            {noreply, State1} = handle_cast(Msg, State),
            loop(Parent, State1);
        {'EXIT', Parent, Reason} ->
            terminate(Reason, State),
            erlang:exit(Reason);
        Info ->
            {noreply, State1} = handle_info(Info, State),
            loop(Parent, State1)
    end.

reply({_, [alias | Alias] = Tag}, Reply) ->
    Alias ! {Tag, Reply};
reply({To, Tag}, Reply) ->
    To ! {Tag, Reply}.

%%% Callbacks.
%%
%% The state maps each pending request's reference to an entry:
%%   {once, TimerRef, Action}
%%   {interval, TimerRef, Due, Period, Action, MonitorRef}
%% (Due: the monotonic millisecond the running timer ends at) and each
%% interval's monitor to its reference. An action is {send, Dest, Msg},
%% {exit, Target, Reason} or {spawn, M, F, A}.

-record(state, {timers = #{}, monitors = #{}}).

init([]) ->
    process_flag(trap_exit, true),
    {ok, #state{}}.

handle_call({once, Time, Action}, _From, #state{timers = Timers} = State) ->
    Ref = make_ref(),
    case catch erlang:start_timer(Time, self(), {once, Ref}) of
        TRef when is_reference(TRef) ->
            Entry = {once, TRef, Action},
            {reply, {ok, {once, Ref}}, State#state{timers = Timers#{Ref => Entry}}};
        _ ->
            {reply, {error, badarg}, State}
    end;
handle_call({interval, Start, Period, Action, Watch}, _From, State) ->
    #state{timers = Timers, monitors = Monitors} = State,
    Ref = make_ref(),
    Due = Start + Period,
    case catch erlang:start_timer(max(Due - now_ms(), 0), self(), {interval, Ref}) of
        TRef when is_reference(TRef) ->
            case catch erlang:monitor(process, Watch) of
                Mref when is_reference(Mref) ->
                    Entry = {interval, TRef, Due, Period, Action, Mref},
                    {reply, {ok, {interval, Ref}},
                     State#state{timers = Timers#{Ref => Entry},
                                 monitors = Monitors#{Mref => Ref}}};
                _ ->
                    _ = erlang:cancel_timer(TRef),
                    {reply, {error, badarg}, State}
            end;
        _ ->
            {reply, {error, badarg}, State}
    end;
handle_call({cancel, Ref}, _From, State) ->
    {reply, {ok, cancel}, remove(Ref, State)};
handle_call(_Request, _From, State) ->
    {reply, {error, badarg}, State}.

handle_cast(_Msg, State) ->
    {noreply, State}.

handle_info({timeout, TRef, {once, Ref}}, #state{timers = Timers} = State) ->
    case Timers of
        #{Ref := {once, TRef, Action}} ->
            act(Action),
            {noreply, State#state{timers = maps:remove(Ref, Timers)}};
        _ ->
            {noreply, State}
    end;
handle_info({timeout, TRef, {interval, Ref}}, #state{timers = Timers} = State) ->
    case Timers of
        #{Ref := {interval, TRef, Due, Period, Action, Mref}} ->
            act(Action),
            Next = Due + Period,
            TRef1 = erlang:start_timer(max(Next - now_ms(), 0), self(), {interval, Ref}),
            Entry = {interval, TRef1, Next, Period, Action, Mref},
            {noreply, State#state{timers = Timers#{Ref => Entry}}};
        _ ->
            {noreply, State}
    end;
handle_info({'DOWN', Mref, process, _, _}, #state{monitors = Monitors} = State) ->
    case Monitors of
        #{Mref := Ref} -> {noreply, remove(Ref, State)};
        _ -> {noreply, State}
    end;
handle_info(_Info, State) ->
    {noreply, State}.

terminate(_Reason, _State) ->
    ok.

code_change(_OldVsn, State, _Extra) ->
    {ok, State}.

%% remove drops the request Ref, stopping its timer and its monitor.
remove(Ref, #state{timers = Timers, monitors = Monitors} = State) ->
    case maps:take(Ref, Timers) of
        {{once, TRef, _}, Timers1} ->
            _ = erlang:cancel_timer(TRef),
            State#state{timers = Timers1};
        {{interval, TRef, _, _, _, Mref}, Timers1} ->
            _ = erlang:cancel_timer(TRef),
            erlang:demonitor(Mref, [flush]),
            State#state{timers = Timers1, monitors = maps:remove(Mref, Monitors)};
        error ->
            State
    end.

%% act carries out an action; a destination that is gone or not valid
%% any more is ignored.
act({send, Dest, Msg}) ->
    catch erlang:send(Dest, Msg),
    ok;
act({exit, Target, Reason}) ->
    catch erlang:exit(Target, Reason),
    ok;
act({spawn, M, F, A}) ->
    catch spawn(M, F, A),
    ok.

-module(otp_genserver_loop).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2]).

%% beamr: later-runtime-differs
%% (OTP 26 and later: a start_link whose init returns {stop, R} no
%% longer sends the caller an exit signal; a hibernating gen_server waits
%% in gen_server:loop_hibernate/4.)
%%
%% gen_server's loop: timeouts asked for by init/1 and the callbacks
%% (handle_info(timeout, ...)), hibernation (the server waits in
%% erlang:hibernate/3 and keeps its state), handle_continue/2, the
%% hibernate_after option, terminate/2 with the reason the server stops
%% for (stop, a crash, the parent's exit when trapping exits, a bad
%% return), and sys:get_state, replace_state, suspend and resume. The
%% test process is told about every callback, so the order of events is
%% observed. The logger's default handler is removed: erl prints no
%% reports.

-define(T, 5000).

main() ->
    logger:remove_handler(default),
    register(gs_loop_main, self()),
    timeouts(),
    hibernation(),
    continues(),
    terminates(),
    sys_calls(),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

tell(X) -> gs_loop_main ! {event, X}.

events() ->
    receive {event, X} -> [X | events()] after 100 -> [] end.

%%% Callbacks.

init({timeout, T}) -> {ok, #{}, T};
init(hibernate) -> {ok, #{}, hibernate};
init({continue, C}) -> {ok, #{}, {continue, C}};
init(trap) -> process_flag(trap_exit, true), {ok, #{}};
init(S) -> {ok, S}.

handle_call({reply_timeout, T}, _From, S) -> {reply, ok, S, T};
handle_call(hibernate, _From, S) -> {reply, ok, S, hibernate};
handle_call({continue, C}, _From, S) -> {reply, ok, S, {continue, C}};
handle_call(get, _From, S) -> {reply, S, S};
handle_call({noreply_timeout, T}, From, S) -> gen_server:reply(From, ok), {noreply, S, T};
handle_call(bad_timeout, _From, S) -> {reply, ok, S, bad};
handle_call(crash, _From, _S) -> error(crashed);
handle_call({stop, R}, _From, S) -> {stop, R, S}.

handle_cast({timeout, T}, S) -> {noreply, S, T};
handle_cast(hibernate, S) -> {noreply, S, hibernate};
handle_cast({stop, R}, S) -> {stop, R, S};
handle_cast(exit, _S) -> exit(exited);
handle_cast(bad, _S) -> bad_value.

handle_info(timeout, S) -> tell(timeout), {noreply, S};
handle_info({'EXIT', _, R} = M, S) -> tell({info, M}), {stop, {got_exit, R}, S};
handle_info(Other, S) -> tell({info, Other}), {noreply, S}.

handle_continue(C, S) when is_integer(C), C > 0 ->
    tell({continue, C}),
    {noreply, S, {continue, C - 1}};
handle_continue(0, S) ->
    tell({continue, 0}),
    {noreply, S#{continued => true}};
handle_continue(hib, S) ->
    tell({continue, hib}),
    {noreply, S, hibernate}.

terminate({R, Stack}, _S) when is_list(Stack) -> tell({terminate, {R, stack}});
terminate(R, _S) -> tell({terminate, R}).

%%% Tests.

timeouts() ->
    {ok, P} = start_mon({timeout, 10}),
    timer:sleep(50),
    p("init timeout", events()),
    ok = gen_server:call(P, {reply_timeout, 10}),
    timer:sleep(50),
    p("reply timeout", events()),
    gen_server:cast(P, {timeout, 10}),
    timer:sleep(50),
    p("noreply timeout", events()),
    ok = gen_server:call(P, {reply_timeout, 200}),
    P ! before,
    timer:sleep(300),
    p("a message cancels the timeout", events()),
    ok = gen_server:call(P, {noreply_timeout, 0}),
    timer:sleep(50),
    p("zero timeout", events()),
    ok = gen_server:call(P, {reply_timeout, infinity}),
    timer:sleep(50),
    p("infinity", events()),
    {'EXIT', {BadT, {gen_server, call, [_, bad_timeout]}}} = (catch gen_server:call(P, bad_timeout)),
    p("bad timeout", BadT),
    p("after bad timeout", wait_dead(P)),
    p("terminate for bad timeout", events()),
    ok.

%% start_mon(Arg): starts a server and monitors it at once, so that
%% wait_dead/1 sees its exit reason however soon it ends.
start_mon(Arg) -> start_mon(Arg, []).
start_mon(Arg, Opts) ->
    {ok, P} = gen_server:start(?MODULE, Arg, Opts),
    put({mon, P}, erlang:monitor(process, P)),
    {ok, P}.

wait_dead(P) ->
    Ref = case get({mon, P}) of
              undefined -> erlang:monitor(process, P);
              R0 -> R0
          end,
    receive
        {'DOWN', Ref, process, P, {R, S}} when is_list(S) -> {R, stack};
        {'DOWN', Ref, process, P, R} -> R
    after ?T -> timeout
    end.

hibernating(P) ->
    hibernating(P, 100).

hibernating(P, 0) -> erlang:process_info(P, current_function);
hibernating(P, N) ->
    case erlang:process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} -> true;
        _ -> timer:sleep(5), hibernating(P, N - 1)
    end.

hibernation() ->
    {ok, P} = start_mon(hibernate),
    p("init hibernate", hibernating(P)),
    ok = gen_server:call(P, {continue, 0}),
    timer:sleep(20),
    p("woken", gen_server:call(P, get)),
    ok = gen_server:call(P, hibernate),
    p("call hibernate", hibernating(P)),
    P ! hello,
    timer:sleep(20),
    p("info after hibernate", events()),
    gen_server:cast(P, hibernate),
    p("cast hibernate", hibernating(P)),
    p("state kept", gen_server:call(P, get)),
    gen_server:stop(P),
    {ok, Q} = start_mon(#{}, [{hibernate_after, 20}]),
    p("hibernate_after", hibernating(Q)),
    p("hibernate_after state", gen_server:call(Q, get)),
    gen_server:stop(Q),
    events(),
    ok.

continues() ->
    {ok, P} = start_mon({continue, 2}),
    p("init continue", gen_server:call(P, get)),
    p("continue events", events()),
    ok = gen_server:call(P, {continue, 1}),
    p("call continue", gen_server:call(P, get)),
    p("continue events", events()),
    ok = gen_server:call(P, {continue, hib}),
    p("continue then hibernate", hibernating(P)),
    p("continue events", events()),
    gen_server:stop(P),
    events(),
    ok.

terminates() ->
    {ok, P1} = start_mon(#{}),
    gen_server:cast(P1, {stop, cast_stop}),
    p("stop reason", wait_dead(P1)),
    p("terminate", events()),
    {ok, P2} = start_mon(#{}),
    Ref2 = erlang:monitor(process, P2),
    catch gen_server:call(P2, crash),
    receive
        {'DOWN', Ref2, process, P2, {CR, CS}} when is_list(CS) -> p("crash reason", CR)
    after ?T -> p("crash reason", timeout)
    end,
    p("terminate", events()),
    {ok, P3} = start_mon(#{}),
    gen_server:cast(P3, exit),
    p("exit reason", wait_dead(P3)),
    p("terminate", events()),
    {ok, P4} = start_mon(#{}),
    gen_server:cast(P4, bad),
    p("bad return reason", wait_dead(P4)),
    p("terminate", events()),
    {ok, P5} = start_mon(#{}),
    gen_server:stop(P5, {shutdown, stopped}, infinity),
    p("terminate on stop/3", events()),
    %% A server that traps exits ends through terminate/2 when its parent
    %% exits; other 'EXIT' messages go to handle_info/2.
    Self = self(),
    Parent = spawn(fun() ->
                           {ok, S} = gen_server:start_link(?MODULE, trap, []),
                           Self ! {server, S},
                           receive die -> exit(parent_died) end
                   end),
    S = receive {server, S0} -> S0 after ?T -> undefined end,
    put({mon, S}, erlang:monitor(process, S)),
    Parent ! die,
    p("parent exit", wait_dead(S)),
    p("terminate", events()),
    {ok, T} = start_mon(trap),
    Other = spawn(fun() -> receive die -> exit(other_died) end end),
    ok = gen_server:call(T, get) =:= #{} andalso ok,
    gen_server:cast(T, {timeout, infinity}),
    sys:replace_state(T, fun(St) -> link(Other), St end),
    Other ! die,
    p("other exit", wait_dead(T)),
    p("events", [case E of {info, {'EXIT', _, R}} -> {info, R}; _ -> E end || E <- events()]),
    %% Without trap_exit the parent's exit kills the server: no terminate.
    Parent2 = spawn(fun() ->
                            {ok, S2} = gen_server:start_link(?MODULE, #{}, []),
                            Self ! {server, S2},
                            receive die -> exit(parent_died) end
                    end),
    S2 = receive {server, S20} -> S20 after ?T -> undefined end,
    Parent2 ! die,
    p("parent exit without trap_exit", wait_dead(S2)),
    p("terminate", events()),
    ok.

sys_calls() ->
    {ok, P} = start_mon(#{n => 1}),
    p("get_state", sys:get_state(P)),
    p("replace_state", sys:replace_state(P, fun(S) -> S#{n => 2} end)),
    p("state after replace", gen_server:call(P, get)),
    p("suspend", sys:suspend(P)),
    gen_server:cast(P, {timeout, infinity}),
    p("get_state while suspended", sys:get_state(P)),
    p("resume", sys:resume(P)),
    p("call after resume", gen_server:call(P, get)),
    {status, SP, {module, gen_server}, _} = sys:get_status(P),
    p("get_status pid", SP =:= P),
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    p("get_state dead", case catch sys:get_state(Dead) of
                            {'EXIT', {R, {sys, F, _}}} -> {R, F};
                            O -> O
                        end),
    register(gs_loop_srv, P),
    p("get_state by name", sys:get_state(gs_loop_srv)),
    p("terminate", sys:terminate(gs_loop_srv, normal)),
    p("terminate events", events()),
    ok.

-module(stdlib_otp_gen_server).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2, code_change/3]).

%% gen_server from OTP's beams: start and start_link with and without a
%% name, init's timeout and continue, call, cast, info, replies from
%% elsewhere (gen_server:reply), call timeouts, the request-id API, stop
%% with terminate, and the errors of calls to dead or missing servers.

%%% The server: a key-value store that logs its callbacks to its starter.

init({Owner, continue}) ->
    {ok, #{owner => Owner, log => [init]}, {continue, warm_up}};
init({Owner, timeout}) ->
    {ok, #{owner => Owner, log => [init]}, 0};
init({_Owner, ignore}) ->
    ignore;
init({_Owner, stop}) ->
    {stop, no_way};
init({Owner, plain}) ->
    {ok, #{owner => Owner, log => [init]}}.

handle_continue(warm_up, S) ->
    {noreply, note(continue, S)}.

handle_call({put, K, V}, _From, S) ->
    {reply, ok, note(put, S#{K => V})};
handle_call({get, K}, _From, S) ->
    {reply, maps:find(K, S), note(get, S)};
handle_call(log, _From, #{log := Log} = S) ->
    {reply, lists:reverse(Log), S};
handle_call({later, Ms}, From, S) ->
    erlang:send_after(Ms, self(), {reply_to, From}),
    {noreply, note(later, S)};
handle_call({sleep, Ms}, _From, S) ->
    timer:sleep(Ms),
    {reply, slept, S};
handle_call({stop, Reason}, _From, S) ->
    {stop, Reason, stopping, S}.

handle_cast({put, K, V}, S) ->
    {noreply, note(cast, S#{K => V})};
handle_cast(crash, _S) ->
    exit(cast_crash).

handle_info(timeout, #{owner := Owner} = S) ->
    Owner ! {timed_out, self()},
    {noreply, note(timeout, S)};
handle_info({reply_to, From}, S) ->
    gen_server:reply(From, late_reply),
    {noreply, note(replied, S)};
handle_info(Other, S) ->
    {noreply, note({info, Other}, S)}.

terminate(Reason, #{owner := Owner}) ->
    Owner ! {terminated, Reason},
    ok.

code_change(_Old, S, _Extra) ->
    {ok, S}.

note(What, #{log := Log} = S) ->
    S#{log := [What | Log]}.

%%% The test.

show(Label, V) ->
    io:format("~s: ~p~n", [Label, V]).

main() ->
    logger:remove_handler(default),
    process_flag(trap_exit, true),
    {ok, P} = gen_server:start_link(?MODULE, {self(), plain}, []),
    show("call put", gen_server:call(P, {put, a, 1})),
    show("call get", gen_server:call(P, {get, a})),
    show("call get missing", gen_server:call(P, {get, zz}, 1000)),
    ok = gen_server:cast(P, {put, b, 2}),
    P ! hello,
    show("after cast", gen_server:call(P, {get, b})),
    show("log", gen_server:call(P, log)),
    show("reply from info", gen_server:call(P, {later, 10})),
    show("call timeout", catch_exit(fun() -> gen_server:call(P, {sleep, 200}, 20) end)),
    receive_flush(),
    ReqId = gen_server:send_request(P, {get, a}),
    show("wait_response", gen_server:wait_response(ReqId, 1000)),
    ReqId2 = gen_server:send_request(P, log),
    show("receive_response", element(1, gen_server:receive_response(ReqId2, 1000))),
    show("stop via call", gen_server:call(P, {stop, normal})),
    show("terminated", receive {terminated, R} -> R after 1000 -> none end),
    show("exit signal", receive {'EXIT', P, R2} -> R2 after 1000 -> none end),
    show("call dead", catch_exit(fun() -> gen_server:call(P, log) end)),

    {ok, Named} = gen_server:start({local, gs_named}, ?MODULE, {self(), continue}, []),
    show("named", whereis(gs_named) =:= Named),
    show("continue log", gen_server:call(gs_named, log)),
    show("already started", element(1, element(2, gen_server:start({local, gs_named}, ?MODULE, {self(), plain}, [])))),
    ok = gen_server:stop(gs_named),
    show("stop/1", receive {terminated, R3} -> R3 after 1000 -> none end),
    show("registered after stop", whereis(gs_named)),

    {ok, T} = gen_server:start(?MODULE, {self(), timeout}, []),
    %% Wait for init's zero timeout, or the call could come first.
    receive {timed_out, T} -> ok after 1000 -> ok end,
    show("timeout log", gen_server:call(T, log)),
    ok = gen_server:stop(T, shutdown, 1000),
    show("stop/3", receive {terminated, R4} -> R4 after 1000 -> none end),

    show("init ignore", gen_server:start(?MODULE, {self(), ignore}, [])),
    show("init stop", gen_server:start(?MODULE, {self(), stop}, [])),
    show("call missing name", catch_exit(fun() -> gen_server:call(no_such_server, x) end)),

    {ok, C} = gen_server:start(?MODULE, {self(), plain}, []),
    Ref = monitor(process, C),
    gen_server:cast(C, crash),
    show("cast crash", receive {'DOWN', Ref, process, C, R5} -> R5 after 1000 -> none end),
    show("terminate on crash", receive {terminated, R6} -> R6 after 1000 -> none end),
    ok.

catch_exit(F) ->
    try F() of
        V -> {value, V}
    catch
        exit:{Reason, {gen_server, call, _}} -> {exit, Reason}
    end.

receive_flush() ->
    receive _ -> receive_flush() after 300 -> ok end.

-module(stdlib_otp_sys_proc_lib).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).
-export([plain_init/1, plain_crash/0]).

%% proc_lib and sys from OTP's beams: processes started with proc_lib
%% (start_link and init_ack, spawn, initial_call and
%% translate_initial_call, the exit of a start that fails), and sys on a
%% gen_server: get_state, replace_state, suspend and resume, get_status,
%% statistics and the debug log.

init(N) -> {ok, N}.
handle_call(get, _From, N) -> {reply, N, N};
handle_call(inc, _From, N) -> {reply, ok, N + 1}.
handle_cast(_, N) -> {noreply, N}.

plain_init(Parent) ->
    proc_lib:init_ack(Parent, {ok, self(), proc_lib:initial_call(self())}),
    receive stop -> ok end.

plain_crash() ->
    exit(no_start).

show(Label, V) ->
    io:format("~s: ~p~n", [Label, V]).

main() ->
    logger:remove_handler(default),
    {ok, P, Init} = proc_lib:start_link(?MODULE, plain_init, [self()]),
    show("start_link ack", Init),
    show("initial_call", proc_lib:initial_call(P)),
    show("translate_initial_call", proc_lib:translate_initial_call(P)),
    show("dictionary keys", lists:sort([K || {K, _} <- element(2, process_info(P, dictionary))])),
    P ! stop,
    Self = self(),
    Q = proc_lib:spawn(fun() -> Self ! {running, self()}, receive stop -> ok end end),
    receive {running, Q} -> ok end,
    show("spawn initial_call", proc_lib:initial_call(Q)),
    Q ! stop,
    process_flag(trap_exit, true),
    show("start fails", try proc_lib:start_link(?MODULE, plain_crash, [], 1000) catch C:E -> {C, E} end),
    receive {'EXIT', _, _} -> ok after 100 -> ok end,

    {ok, S} = gen_server:start(?MODULE, 5, []),
    show("get_state", sys:get_state(S)),
    show("replace_state", sys:replace_state(S, fun(N) -> N * 10 end)),
    show("call", gen_server:call(S, get)),
    ok = sys:suspend(S),
    Self = self(),
    spawn(fun() -> Self ! {late, gen_server:call(S, inc)} end),
    show("suspended", receive {late, _} = M -> M after 100 -> nothing end),
    ok = sys:resume(S),
    show("resumed", receive {late, _} = M2 -> M2 after 1000 -> nothing end),
    show("after resume", gen_server:call(S, get)),
    {status, _, {module, Mod}, [_PDict, SysState, _Parent, _Debug, _Misc]} = sys:get_status(S),
    show("get_status", {Mod, SysState}),
    ok = sys:statistics(S, true),
    gen_server:call(S, get),
    {ok, Stats} = sys:statistics(S, get),
    show("statistics keys", lists:sort([K || {K, _} <- Stats])),
    show("messages in", proplists:get_value(messages_in, Stats)),
    ok = sys:statistics(S, false),
    ok = sys:log(S, true),
    gen_server:call(S, inc),
    {ok, Log} = sys:log(S, get),
    show("log", [element(1, E) || E <- Log]),
    ok = sys:log(S, false),
    show("terminate", sys:terminate(S, normal)),
    ok.

-module(otp_genserver_reqids).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

%% gen_server's collections of request ids (OTP 25): send_request/4 into
%% a collection, reqids_size/reqids_to_list, wait_response/3,
%% receive_response/3 with an absolute timeout and check_response/3, with
%% and without deleting the answered request; and supervisor's
%% get_callback_module/1.

init(sup) -> {ok, {#{}, []}};
init(S) -> {ok, S}.

handle_call({sleep, N}, _From, S) -> timer:sleep(N), {reply, {slept, N}, S};
handle_call(G, _From, S) -> {reply, {G, S}, S}.

handle_cast(_, S) -> {noreply, S}.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

main() ->
    {ok, P} = gen_server:start(?MODULE, s, []),
    C0 = gen_server:reqids_new(),
    p("empty", gen_server:reqids_size(C0)),
    C1 = gen_server:send_request(P, a, la, C0),
    C2 = gen_server:send_request(P, {sleep, 50}, lb, C1),
    p("size", gen_server:reqids_size(C2)),
    p("labels", lists:sort([L || {_, L} <- gen_server:reqids_to_list(C2)])),
    {R1, L1, C3} = gen_server:wait_response(C2, 1000, true),
    p("first", {R1, L1, gen_server:reqids_size(C3)}),
    p("too soon", gen_server:wait_response(C3, 10, true)),
    {R2, L2, C4} = gen_server:receive_response(C3, {abs, erlang:monotonic_time(millisecond) + 1000}, true),
    p("second", {R2, L2, gen_server:reqids_size(C4)}),
    p("nothing left", gen_server:wait_response(C4, 10, true)),
    p("check nothing", gen_server:check_response(x, C4, true)),
    C5 = gen_server:send_request(P, b, lc, C4),
    M = receive Msg -> Msg end,
    p("check other", gen_server:check_response(other, C5, false)),
    {R3, L3, C6} = gen_server:check_response(M, C5, false),
    p("check kept", {R3, L3, gen_server:reqids_size(C6)}),
    p("add twice", element(1, catch gen_server:reqids_add(hd([R || {R, _} <- gen_server:reqids_to_list(C6)]), x, C6))),
    gen_server:stop(P),
    C7 = gen_server:send_request(P, b, ld, C0),
    {{error, {Reason, _}}, L4, _} = gen_server:wait_response(C7, 1000, true),
    p("dead server", {Reason, L4}),
    {ok, S} = supervisor:start_link(?MODULE, sup),
    p("get_callback_module", supervisor:get_callback_module(S)),
    ok.

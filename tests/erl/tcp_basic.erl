-module(tcp_basic).
-export([main/0]).

%% gen_tcp and inet on the loopback interface in passive mode: listen on
%% port 0, inet:port, connect, accept (with and without a timeout),
%% send and recv with {packet,0} (a length, length 0, a timeout, binary
%% and list mode, large transfers), close and {error,closed},
%% shutdown(write) and exit_on_close, controlling_process (including
%% {error,not_owner}), peername and sockname (addresses only; ports are
%% only compared), getopts and setopts, and the errors of refused
%% connections, busy ports, closed and listening sockets. Port numbers
%% and sockets are never printed.

-define(T, 5000).
-define(LO, {127, 0, 0, 1}).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, ?LO}, {packet, 0},
                                 {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    p("listen port", is_integer(Port) andalso Port > 0),
    p("listen sockname", addr(inet:sockname(L))),
    p("listen sockname port", port_of(inet:sockname(L)) =:= Port),
    basics(L, Port),
    modes(L, Port),
    timeouts(L, Port),
    large(L, Port),
    closing(L, Port),
    shutdown(L, Port),
    owner(L, Port),
    options(L, Port),
    errors(L, Port),
    p("close listen", gen_tcp:close(L)),
    p("accept closed listen", gen_tcp:accept(L, 100)),
    p("close listen again", gen_tcp:close(L)),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

addr({ok, {A, _Port}}) -> {ok, A};
addr(Other) -> Other.

port_of({ok, {_, Port}}) -> Port;
port_of(Other) -> Other.

%% pair(L, Port, Opts): a connected client and server socket.
pair(L, Port, Opts) ->
    {ok, C} = gen_tcp:connect(?LO, Port, [binary, {active, false} | Opts], ?T),
    {ok, S} = gen_tcp:accept(L, ?T),
    {C, S}.

%% recv_all(S, N): receives exactly N bytes with recv(S, 0).
recv_all(S, N) -> recv_all(S, N, []).

recv_all(_S, N, Acc) when N =< 0 -> {ok, iolist_to_binary(lists:reverse(Acc))};
recv_all(S, N, Acc) ->
    case gen_tcp:recv(S, 0, ?T) of
        {ok, B} -> recv_all(S, N - iolist_size(B), [B | Acc]);
        Error -> {Error, iolist_size(Acc)}
    end.

basics(L, Port) ->
    io:format("== basics~n"),
    {C, S} = pair(L, Port, []),
    p("peername address", addr(inet:peername(S))),
    p("client sockname address", addr(inet:sockname(C))),
    p("client peer port is listen port", port_of(inet:peername(C)) =:= Port),
    p("accepted sockname port is listen port", port_of(inet:sockname(S)) =:= Port),
    p("ports agree", port_of(inet:sockname(C)) =:= port_of(inet:peername(S))),
    p("inet:port accepted", inet:port(S) =:= {ok, Port}),
    p("send", gen_tcp:send(C, <<"hello">>)),
    p("recv 5", gen_tcp:recv(S, 5, ?T)),
    p("send iolist", gen_tcp:send(C, ["ab", [$c, <<"de">>], <<>>])),
    p("recv 2", gen_tcp:recv(S, 2, ?T)),
    p("recv 3", gen_tcp:recv(S, 3, ?T)),
    p("send list", gen_tcp:send(S, "from server")),
    p("recv 0", gen_tcp:recv(C, 0, ?T)),
    p("send two", {gen_tcp:send(C, <<"12345">>), gen_tcp:send(C, <<"67890">>)}),
    p("recv 7 across sends", gen_tcp:recv(S, 7, ?T)),
    p("recv 3 rest", gen_tcp:recv(S, 3, ?T)),
    p("send empty", gen_tcp:send(C, <<>>)),
    p("recv without timeout", begin ok = gen_tcp:send(C, <<"x">>), gen_tcp:recv(S, 1) end),
    p("close client", gen_tcp:close(C)),
    p("close server", gen_tcp:close(S)),
    ok.

modes(L, Port) ->
    io:format("== modes~n"),
    {C, S} = pair(L, Port, [list]),
    p("client mode", inet:getopts(C, [mode])),
    p("server mode", inet:getopts(S, [mode])),
    ok = gen_tcp:send(S, <<"to list">>),
    p("list recv", gen_tcp:recv(C, 7, ?T)),
    ok = inet:setopts(C, [binary]),
    ok = gen_tcp:send(S, "to binary"),
    p("binary recv", gen_tcp:recv(C, 9, ?T)),
    ok = inet:setopts(C, [{mode, list}]),
    ok = gen_tcp:send(S, "mode list"),
    p("mode list recv", gen_tcp:recv(C, 0, ?T)),
    %% The header option: the first N bytes as a list, the rest binary.
    ok = inet:setopts(C, [binary, {header, 2}]),
    ok = gen_tcp:send(S, "header"),
    p("header recv", gen_tcp:recv(C, 6, ?T)),
    ok = inet:setopts(C, [{header, 0}]),
    %% Passive {packet, 2} and {packet, line}.
    ok = inet:setopts(C, [{packet, 2}]),
    ok = gen_tcp:send(S, <<0, 3, "abc", 0, 0, 0, 1, "z">>),
    p("packet 2 recv", gen_tcp:recv(C, 0, ?T)),
    p("packet 2 recv empty", gen_tcp:recv(C, 0, ?T)),
    p("packet 2 recv length", gen_tcp:recv(C, 1, ?T)),
    p("packet 2 recv", gen_tcp:recv(C, 0, ?T)),
    ok = inet:setopts(C, [{packet, line}]),
    ok = gen_tcp:send(S, <<"one\ntwo\n">>),
    p("line recv", gen_tcp:recv(C, 0, ?T)),
    p("line recv", gen_tcp:recv(C, 0, ?T)),
    ok = inet:setopts(C, [{packet, 0}]),
    p("close", {gen_tcp:close(C), gen_tcp:close(S)}),
    ok.

timeouts(L, Port) ->
    io:format("== timeouts~n"),
    {C, S} = pair(L, Port, []),
    p("recv 0 timeout", gen_tcp:recv(S, 0, 50)),
    p("recv 0 timeout 0", gen_tcp:recv(S, 0, 0)),
    ok = gen_tcp:send(C, <<"12345">>),
    p("recv 5", gen_tcp:recv(S, 5, ?T)),
    ok = gen_tcp:send(C, <<"abc">>),
    %% Wait until the three bytes are there, then ask for more.
    p("recv 3 peek", gen_tcp:recv(S, 3, ?T)),
    ok = gen_tcp:send(C, <<"abc">>),
    {ok, <<"a">>} = gen_tcp:recv(S, 1, ?T),
    p("recv more than available", gen_tcp:recv(S, 10, 100)),
    p("data kept after timeout", gen_tcp:recv(S, 2, ?T)),
    p("accept timeout", gen_tcp:accept(L, 50)),
    p("accept timeout 0", gen_tcp:accept(L, 0)),
    p("close", {gen_tcp:close(C), gen_tcp:close(S)}),
    ok.

large(L, Port) ->
    io:format("== large~n"),
    {C, S} = pair(L, Port, []),
    Size = 1 bsl 20,
    Data = << <<(I band 255)>> || I <- lists:seq(1, Size) >>,
    Self = self(),
    %% Any process may send on a socket.
    _ = spawn_link(fun() -> Self ! {sent, gen_tcp:send(C, Data)} end),
    {ok, Got} = recv_all(S, Size),
    p("received", {byte_size(Got), Got =:= Data}),
    p("sent", receive {sent, R} -> R after ?T -> timeout end),
    Half = Size div 2,
    ok = gen_tcp:send(S, binary:part(Data, 0, Half)),
    p("recv exact large", case gen_tcp:recv(C, Half, ?T) of
                              {ok, B} -> {ok, byte_size(B), B =:= binary:part(Data, 0, Half)};
                              Other -> Other
                          end),
    p("close", {gen_tcp:close(C), gen_tcp:close(S)}),
    ok.

closing(L, Port) ->
    io:format("== closing~n"),
    {C, S} = pair(L, Port, []),
    ok = gen_tcp:send(C, <<"last words">>),
    p("close client", gen_tcp:close(C)),
    p("recv data before close", gen_tcp:recv(S, 0, ?T)),
    p("recv closed", gen_tcp:recv(S, 0, ?T)),
    p("recv closed again", gen_tcp:recv(S, 0, ?T)),
    p("send on closed", gen_tcp:send(S, <<"x">>)),
    p("close server", gen_tcp:close(S)),
    p("close server again", gen_tcp:close(S)),
    p("recv own closed", gen_tcp:recv(S, 0, ?T)),
    p("send own closed", gen_tcp:send(S, <<"x">>)),
    p("setopts own closed", inet:setopts(S, [{active, false}])),
    p("getopts own closed", inet:getopts(S, [active])),
    p("peername own closed", inet:peername(S)),
    p("sockname own closed", inet:sockname(S)),
    p("port own closed", inet:port(S)),
    p("send client closed", gen_tcp:send(C, <<"x">>)),
    p("recv client closed", gen_tcp:recv(C, 0, ?T)),

    %% Data waiting when the peer closes with a length-limited recv.
    {C2, S2} = pair(L, Port, []),
    ok = gen_tcp:send(C2, <<"abc">>),
    ok = gen_tcp:close(C2),
    p("recv more than left", gen_tcp:recv(S2, 5, ?T)),
    p("recv after", gen_tcp:recv(S2, 0, ?T)),
    ok = gen_tcp:close(S2),
    ok.

shutdown(L, Port) ->
    io:format("== shutdown~n"),
    {C, S} = pair(L, Port, []),
    ok = inet:setopts(S, [{exit_on_close, false}]),
    ok = gen_tcp:send(C, <<"request">>),
    p("shutdown write", gen_tcp:shutdown(C, write)),
    p("recv request", gen_tcp:recv(S, 0, ?T)),
    p("recv end", gen_tcp:recv(S, 0, ?T)),
    p("send after end", gen_tcp:send(S, <<"reply">>)),
    p("client recv reply", gen_tcp:recv(C, 0, ?T)),
    p("client send after shutdown", gen_tcp:send(C, <<"more">>)),
    p("server shutdown write", gen_tcp:shutdown(S, write)),
    p("client recv end", gen_tcp:recv(C, 0, ?T)),
    p("close", {gen_tcp:close(C), gen_tcp:close(S)}),

    %% With exit_on_close (the default) the end of input closes the socket.
    {C2, S2} = pair(L, Port, []),
    ok = gen_tcp:shutdown(C2, write),
    p("recv end", gen_tcp:recv(S2, 0, ?T)),
    p("send after end", gen_tcp:send(S2, <<"reply">>)),
    p("client recv", gen_tcp:recv(C2, 0, ?T)),
    p("close", {gen_tcp:close(C2), gen_tcp:close(S2)}),

    %% shutdown read and read_write.
    {C3, S3} = pair(L, Port, []),
    p("shutdown read", gen_tcp:shutdown(C3, read)),
    p("send after shutdown read", gen_tcp:send(C3, <<"still">>)),
    p("server recv", gen_tcp:recv(S3, 0, ?T)),
    p("shutdown read_write", gen_tcp:shutdown(C3, read_write)),
    p("server recv end", gen_tcp:recv(S3, 0, ?T)),
    p("close", {gen_tcp:close(C3), gen_tcp:close(S3)}),
    p("shutdown closed", gen_tcp:shutdown(C3, write)),
    ok.

owner(L, Port) ->
    io:format("== controlling_process~n"),
    {C, S} = pair(L, Port, []),
    Self = self(),
    Other = spawn_link(fun() ->
                               receive
                                   {sock, Sock} ->
                                       R1 = gen_tcp:controlling_process(Sock, self()),
                                       R2 = inet:setopts(Sock, [{active, once}]),
                                       R3 = gen_tcp:recv(Sock, 0, 100),
                                       Self ! {not_owner, R1, R2, R3}
                               end,
                               receive
                                   {owner, Sock2} ->
                                       ok = inet:setopts(Sock2, [{active, once}]),
                                       Self ! {ready, self()},
                                       receive
                                           {tcp, Sock2, Data} -> Self ! {got, Data}
                                       after ?T -> Self ! {got, timeout}
                                       end,
                                       R4 = gen_tcp:controlling_process(Sock2, Self),
                                       Self ! {given_back, R4}
                               end
                       end),
    Other ! {sock, S},
    p("non-owner calls", receive {not_owner, A, B, D} -> {A, B, D} after ?T -> timeout end),
    p("controlling_process self", gen_tcp:controlling_process(S, self())),
    p("controlling_process", gen_tcp:controlling_process(S, Other)),
    p("old owner again", gen_tcp:controlling_process(S, self())),
    Other ! {owner, S},
    receive {ready, Other} -> ok after ?T -> error(not_ready) end,
    ok = gen_tcp:send(C, <<"for new owner">>),
    p("new owner got", receive {got, Data} -> Data after ?T -> timeout end),
    p("given back", receive {given_back, R} -> R after ?T -> timeout end),
    ok = inet:setopts(S, [{active, once}]),
    ok = gen_tcp:send(C, <<"back home">>),
    p("old owner got", receive {tcp, S, D2} -> D2 after ?T -> timeout end),
    p("controlling_process dead pid", gen_tcp:controlling_process(S, dead_pid())),
    p("controlling_process bad", catch_result(fun() -> gen_tcp:controlling_process(S, foo) end)),
    p("close", {gen_tcp:close(C), gen_tcp:close(S)}),
    p("controlling_process closed", gen_tcp:controlling_process(S, self())),

    %% The socket closes when its owner exits.
    {C2, S2} = pair(L, Port, []),
    {Pid, Ref} = spawn_monitor(fun() -> receive {take, Sk} -> ok end, Self ! {has, Sk},
                                        receive stop -> ok end end),
    ok = gen_tcp:controlling_process(S2, Pid),
    Pid ! {take, S2},
    receive {has, S2} -> ok after ?T -> error(not_taken) end,
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, _} -> ok after ?T -> error(not_down) end,
    p("peer sees owner exit", gen_tcp:recv(C2, 0, ?T)),
    p("socket of dead owner", gen_tcp:send(S2, <<"x">>)),
    ok = gen_tcp:close(C2),
    ok.

dead_pid() ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Pid, _} -> Pid end.

options(L, Port) ->
    io:format("== options~n"),
    {C, S} = pair(L, Port, [{nodelay, true}]),
    p("listen opts", inet:getopts(L, [active, packet, mode, reuseaddr])),
    p("client opts", inet:getopts(C, [active, packet, mode, nodelay, keepalive, reuseaddr,
                                      exit_on_close, header, packet_size, deliver,
                                      delay_send, linger, send_timeout,
                                      send_timeout_close, show_econnreset])),
    p("server opts", inet:getopts(S, [active, packet, mode, nodelay, keepalive,
                                      reuseaddr, exit_on_close])),
    p("setopts", inet:setopts(C, [{active, once}, {packet, 4}, {nodelay, false},
                                  {keepalive, true}, {packet_size, 1000},
                                  {send_timeout, 1000}, {linger, {true, 0}}])),
    p("after setopts", inet:getopts(C, [active, packet, nodelay, keepalive,
                                        packet_size, send_timeout, linger])),
    p("setopts linger off", inet:setopts(C, [{linger, {false, 0}}])),
    p("setopts active N", inet:setopts(C, [{active, 5}])),
    p("active N", inet:getopts(C, [active])),
    p("setopts active N more", inet:setopts(C, [{active, 3}])),
    p("active N summed", inet:getopts(C, [active])),
    p("setopts active false", inet:setopts(C, [{active, false}])),
    p("setopts bad option", inet:setopts(C, [{bogus, 1}])),
    p("setopts bad value", inet:setopts(C, [{active, 'maybe'}])),
    p("setopts bad packet", inet:setopts(C, [{packet, 3}])),
    p("setopts not a list", catch_result(fun() -> inet:setopts(C, active) end)),
    p("getopts unknown", inet:getopts(C, [bogus])),
    p("getopts mixed", inet:getopts(C, [active, bogus, packet])),
    p("getopts empty", inet:getopts(C, [])),
    p("recv in packet 4", begin
                              ok = inet:setopts(C, [{packet, 0}]),
                              ok = gen_tcp:send(S, <<"raw">>),
                              gen_tcp:recv(C, 0, ?T)
                          end),
    p("recv while active", begin
                               ok = inet:setopts(C, [{active, true}]),
                               gen_tcp:recv(C, 0, 50)
                           end),
    p("close", {gen_tcp:close(C), gen_tcp:close(S)}),
    ok.

errors(L, Port) ->
    io:format("== errors~n"),
    {ok, L2} = gen_tcp:listen(0, [{ip, ?LO}]),
    {ok, Port2} = inet:port(L2),
    ok = gen_tcp:close(L2),
    p("connect refused", gen_tcp:connect(?LO, Port2, [], ?T)),
    p("listen busy port", gen_tcp:listen(Port, [{ip, ?LO}])),
    p("listen busy port reuseaddr", gen_tcp:listen(Port, [{ip, ?LO}, {reuseaddr, true}])),
    p("recv on listen", gen_tcp:recv(L, 0, 50)),
    p("send on listen", gen_tcp:send(L, <<"x">>)),
    p("peername of listen", inet:peername(L)),
    p("listen bad option", catch_result(fun() -> gen_tcp:listen(0, [{bogus, 1}]) end)),
    p("connect bad port", catch_result(fun() -> gen_tcp:connect(?LO, -1, []) end)),
    p("connect bad address", catch_result(fun() -> gen_tcp:connect({1, 2, 3}, Port, []) end)),
    p("accept on connected", begin
                                 {C1, S1} = pair(L, Port, []),
                                 R = gen_tcp:accept(S1, 50),
                                 gen_tcp:close(C1),
                                 gen_tcp:close(S1),
                                 R
                             end),
    ok.

catch_result(F) ->
    try F() of
        V -> {value, V}
    catch
        C:E -> {caught, C, strip(E)}
    end.

%% strip(E): an exit reason without the stack trace it may carry.
strip({Reason, [{M, F, A, _} | _]}) when is_atom(M), is_atom(F), is_list(A) -> Reason;
strip(E) -> E.

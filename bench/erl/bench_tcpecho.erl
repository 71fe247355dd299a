%% TCP echo over loopback: 50 client processes, each with its own
%% connection to a handler process of an echo server, make 2,000 round
%% trips of 100 bytes (send, then wait for the echo) in passive mode.
-module(bench_tcpecho).
-export([main/0]).
-define(CLIENTS, 50).
-define(TRIPS, 2000).
-define(SIZE, 100).
main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127, 0, 0, 1}},
                                 {backlog, 128}, {nodelay, true}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    spawn_link(fun() -> acceptor(L) end),
    Socks = [begin
                 {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port,
                                           [binary, {active, false}, {nodelay, true}]),
                 C
             end || _ <- lists:seq(1, ?CLIENTS)],
    Msg = binary:copy(<<"x">>, ?SIZE),
    T0 = erlang:monotonic_time(microsecond),
    Pids = [spawn_link(fun() -> Self ! {done, self(), client(C, Msg, ?TRIPS, 0)} end)
            || C <- Socks],
    Bytes = lists:sum([receive {done, P, B} -> B end || P <- Pids]),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p bytes echoed~n", [Bytes]),
    io:format(standard_error, "bench-us ~p~n", [T1 - T0]).

acceptor(L) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            P = spawn(fun() -> receive go -> echo(S) end end),
            ok = gen_tcp:controlling_process(S, P),
            P ! go,
            acceptor(L);
        {error, closed} ->
            ok
    end.

echo(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, Data} -> ok = gen_tcp:send(S, Data), echo(S);
        {error, closed} -> ok
    end.

client(C, _Msg, 0, Bytes) ->
    ok = gen_tcp:close(C),
    Bytes;
client(C, Msg, N, Bytes) ->
    ok = gen_tcp:send(C, Msg),
    {ok, Back} = gen_tcp:recv(C, byte_size(Msg)),
    client(C, Msg, N - 1, Bytes + byte_size(Back)).

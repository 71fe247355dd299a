%% TCP throughput over loopback: one process sends 1 GiB in 64 KiB
%% binaries on one connection; another receives it in passive mode.
-module(bench_tcpstream).
-export([main/0]).
-define(CHUNK, 65536).
-define(CHUNKS, 16384).
main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127, 0, 0, 1}}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    {ok, S} = gen_tcp:accept(L),
    Chunk = binary:copy(<<"0123456789abcdef">>, ?CHUNK div 16),
    T0 = erlang:monotonic_time(microsecond),
    _ = spawn_link(fun() -> send(C, Chunk, ?CHUNKS), Self ! sent end),
    Bytes = recv(S, ?CHUNK * ?CHUNKS, 0),
    receive sent -> ok end,
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p bytes received~n", [Bytes]),
    io:format(standard_error, "bench-us ~p~n", [T1 - T0]).

send(_C, _Chunk, 0) -> ok;
send(C, Chunk, N) -> ok = gen_tcp:send(C, Chunk), send(C, Chunk, N - 1).

recv(_S, 0, Bytes) -> Bytes;
recv(S, Left, Bytes) ->
    {ok, B} = gen_tcp:recv(S, 0),
    recv(S, Left - byte_size(B), Bytes + byte_size(B)).

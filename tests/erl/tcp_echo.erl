-module(tcp_echo).
-export([main/0]).

%% An echo server on the loopback interface: an acceptor process accepts
%% connections and hands each to a new handler process (with
%% controlling_process); even connections are served in passive mode,
%% odd ones in {active, once} mode. 50 client processes connect at the
%% same time and each sends 10 messages of various sizes (up to 64 KiB),
%% waiting for each echo and checking it. A second round does the same
%% with {packet, 4} on both sides. Only a summary is printed: counts of
%% clients, messages and bytes, how the handlers ended, and the
%% acceptor's result once the listening socket is closed.

-define(T, 20000).
-define(LO, {127, 0, 0, 1}).
-define(CLIENTS, 50).
-define(MSGS, 10).

main() ->
    serve(0),
    serve(4),
    ok.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

serve(Packet) ->
    io:format("== packet ~p~n", [Packet]),
    Self = self(),
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, ?LO}, {packet, Packet},
                                 {backlog, 128}, {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    Acceptor = spawn_link(fun() -> acceptor(L, Self, 0) end),
    Clients = [spawn_link(fun() -> Self ! {client, I, client(Port, Packet, I)} end)
               || I <- lists:seq(1, ?CLIENTS)],
    Results = [receive {client, I, R} -> R after ?T -> timeout end
               || I <- lists:seq(1, length(Clients))],
    p("clients", length(Results)),
    p("results", lists:usort([element(1, R) || R <- Results])),
    p("messages", lists:sum([M || {ok, M, _} <- Results])),
    p("bytes", lists:sum([B || {ok, _, B} <- Results])),
    p("failures", [R || R <- Results, element(1, R) =/= ok]),
    Handlers = [receive {handler, Mode, Why, N} -> {Mode, Why, N} after ?T -> timeout end
                || _ <- Results],
    p("handlers", lists:usort([{Mode, Why} || {Mode, Why, _} <- Handlers])),
    p("handler counts", count([Mode || {Mode, _, _} <- Handlers])),
    p("handler bytes", lists:sum([N || {_, _, N} <- Handlers])),
    ok = gen_tcp:close(L),
    p("acceptor", receive {acceptor, R, Accepted} -> {R, Accepted} after ?T -> timeout end),
    unlink(Acceptor),
    ok.

count(List) ->
    Counts = lists:foldl(fun(K, M) -> maps:update_with(K, fun(V) -> V + 1 end, 1, M) end,
                         #{}, List),
    lists:sort(maps:to_list(Counts)).

acceptor(L, Parent, N) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            Mode = case N rem 2 of 0 -> passive; 1 -> active end,
            H = spawn(fun() -> handler(S, Mode, Parent) end),
            ok = gen_tcp:controlling_process(S, H),
            H ! go,
            acceptor(L, Parent, N + 1);
        Error ->
            Parent ! {acceptor, Error, N}
    end.

handler(S, Mode, Parent) ->
    receive go -> ok end,
    Why = case Mode of
              passive -> passive_loop(S, 0);
              active -> active_loop(S, 0)
          end,
    Parent ! {handler, Mode, element(1, Why), element(2, Why)}.

%% The loops return {How, Bytes}: how the connection ended and how many
%% bytes were echoed (how many pieces depends on the segmentation).
passive_loop(S, N) ->
    case gen_tcp:recv(S, 0) of
        {ok, Data} ->
            ok = gen_tcp:send(S, Data),
            passive_loop(S, N + byte_size(Data));
        {error, closed} ->
            {closed, N};
        {error, Other} ->
            {Other, N}
    end.

active_loop(S, N) ->
    ok = inet:setopts(S, [{active, once}]),
    receive
        {tcp, S, Data} ->
            ok = gen_tcp:send(S, Data),
            active_loop(S, N + byte_size(Data));
        {tcp_closed, S} ->
            {closed, N};
        {tcp_error, S, Reason} ->
            {Reason, N}
    end.

%% client(Port, Packet, I): sends ?MSGS messages, checks each echo;
%% {ok, Messages, Bytes} or what went wrong.
client(Port, Packet, I) ->
    case gen_tcp:connect(?LO, Port, [binary, {active, false}, {packet, Packet}], ?T) of
        {ok, C} ->
            R = exchange(C, Packet, I, 1, 0),
            ok = gen_tcp:close(C),
            R;
        Error ->
            {connect_failed, Error}
    end.

exchange(_C, _Packet, _I, K, Bytes) when K > ?MSGS -> {ok, ?MSGS, Bytes};
exchange(C, Packet, I, K, Bytes) ->
    Msg = message(I, K),
    ok = gen_tcp:send(C, Msg),
    Len = case Packet of 0 -> byte_size(Msg); _ -> 0 end,
    case gen_tcp:recv(C, Len, ?T) of
        {ok, Msg} -> exchange(C, Packet, I, K + 1, Bytes + byte_size(Msg));
        {ok, Other} -> {mismatch, I, K, byte_size(Msg), byte_size(Other)};
        Error -> {recv_failed, I, K, Error}
    end.

%% message(I, K): the K-th message of client I; sizes from 1 byte to
%% 64 KiB, the contents depend on I and K.
message(I, K) ->
    Size = case (I + K) rem 5 of
               0 -> 1;
               1 -> 10;
               2 -> 1000;
               3 -> 10000;
               4 -> 65536
           end,
    Seed = <<I:16, K:16>>,
    binary:part(binary:copy(<<Seed/binary, "echo">>, Size div 8 + 1), 0, Size).

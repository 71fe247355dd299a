-module(tcp_many).
-export([main/0]).

%% An echo server holding 1,000 loopback connections at once: an acceptor
%% hands each connection to its own handler process ({active, once});
%% 1,000 client processes connect, wait until every one of them is
%% connected, then each makes 5 round trips and closes. Only a summary
%% is printed.

-define(T, 30000).
-define(LO, {127, 0, 0, 1}).
-define(N, 1000).

main() ->
    Self = self(),
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, ?LO}, {backlog, 1024}]),
    {ok, Port} = inet:port(L),
    Acceptor = spawn_link(fun() -> acceptor(L, Self, 0) end),
    Clients = [spawn_link(fun() -> client(Self, Port, I) end) || I <- lists:seq(1, ?N)],
    Connected = [receive {connected, C, R} -> R after ?T -> timeout end || C <- Clients],
    io:format("connected: ~p~n", [count(Connected)]),
    io:format("handlers alive: ~p~n", [receive {accepted, A} -> A after ?T -> timeout end]),
    [C ! go || C <- Clients],
    Results = [receive {result, C, R} -> R after ?T -> timeout end || C <- Clients],
    io:format("results: ~p~n", [count(Results)]),
    Ends = [receive {handler_end, Why} -> Why after ?T -> timeout end || _ <- Clients],
    io:format("handlers: ~p~n", [count(Ends)]),
    ok = gen_tcp:close(L),
    io:format("acceptor: ~p~n", [receive {acceptor, R, N} -> {R, N} after ?T -> timeout end]),
    unlink(Acceptor),
    ok.

count(List) ->
    lists:sort(maps:to_list(lists:foldl(fun(K, M) -> maps:update_with(K, fun(V) -> V + 1 end, 1, M) end,
                                        #{}, List))).

acceptor(L, Parent, N) when N =:= ?N ->
    Parent ! {accepted, N},
    acceptor(L, Parent, N + 1);
acceptor(L, Parent, N) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            H = spawn(fun() -> receive go -> handler(S, Parent) end end),
            ok = gen_tcp:controlling_process(S, H),
            H ! go,
            acceptor(L, Parent, N + 1);
        Error ->
            Parent ! {acceptor, Error, min(N, ?N)}
    end.

handler(S, Parent) ->
    ok = inet:setopts(S, [{active, once}]),
    receive
        {tcp, S, Data} ->
            ok = gen_tcp:send(S, Data),
            handler(S, Parent);
        {tcp_closed, S} ->
            Parent ! {handler_end, closed}
    end.

client(Parent, Port, I) ->
    case gen_tcp:connect(?LO, Port, [binary, {active, false}], ?T) of
        {ok, C} ->
            Parent ! {connected, self(), ok},
            receive go -> ok end,
            R = trips(C, I, 5),
            ok = gen_tcp:close(C),
            Parent ! {result, self(), R};
        Error ->
            Parent ! {connected, self(), Error},
            receive go -> ok end,
            Parent ! {result, self(), Error}
    end.

trips(_C, _I, 0) -> ok;
trips(C, I, K) ->
    Msg = <<I:32, K:32, "echo">>,
    ok = gen_tcp:send(C, Msg),
    case gen_tcp:recv(C, byte_size(Msg), ?T) of
        {ok, Msg} -> trips(C, I, K - 1);
        Other -> {bad_echo, Other}
    end.

-module(tcp_leak).
-export([main/0]).

%% Sockets connected, used and closed many times; 10,000 processes killed while
%% they own sockets, wait in recv, wait in accept or receive actively;
%% 10,000 explicit closes racing the owner's exit; peers closing under active
%% and passive receivers. Nothing may stay open afterwards
%% (TestSocketLeaks checks the descriptors of the VM; here the program
%% checks the results).

-define(LO, {127, 0, 0, 1}).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, ?LO}, {backlog, 1024}]),
    {ok, Port} = inet:port(L),
    io:format("cycles: ~p~n", [cycles(L, Port, 3000, 0)]),
    io:format("killed owners: ~p~n", [batches(4, fun() -> killed(L, Port, 1000, fun(_S) -> receive never -> ok end end) end)]),
    io:format("killed receivers: ~p~n",
              [batches(3, fun() -> killed(L, Port, 1000, fun(S) -> {ok, _} = gen_tcp:recv(S, 0), error(data) end) end)]),
    io:format("killed active owners: ~p~n",
              [batches(3, fun() -> killed(L, Port, 1000, fun(S) -> ok = inet:setopts(S, [{active, true}]),
                                                                 receive never -> ok end end) end)]),
    io:format("killed acceptors: ~p~n", [killed_acceptors(200)]),
    io:format("close races: ~p~n", [lists:sum([close_races(L, Port, 1000) || _ <- lists:seq(1, 10)])]),
    io:format("peer closes: ~p~n", [peer_closes(L, Port, 500)]),
    ok = gen_tcp:close(L),
    io:format("done~n").

%% batches(K, F): runs F K times (each holds at most a thousand
%% connections at once) and adds up the {Killed, Closed} counts.
batches(K, F) ->
    lists:foldl(fun(_, {A, B}) -> {A1, B1} = F(), {A + A1, B + B1} end, {0, 0}, lists:seq(1, K)).

pair(L, Port) ->
    {ok, C} = gen_tcp:connect(?LO, Port, [binary, {active, false}]),
    {ok, S} = gen_tcp:accept(L),
    {C, S}.

cycles(_, _, 0, Bytes) ->
    Bytes;
cycles(L, Port, N, Bytes) ->
    {C, S} = pair(L, Port),
    ok = gen_tcp:send(C, <<"ping">>),
    {ok, Data} = gen_tcp:recv(S, 4),
    ok = gen_tcp:send(S, Data),
    {ok, Back} = gen_tcp:recv(C, 4),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    cycles(L, Port, N - 1, Bytes + byte_size(Back)).

%% killed(L, Port, N, Body): N processes each own the server side of a
%% connection and run Body on it; all are killed, then the client sides
%% must see the connection closed.
killed(L, Port, N, Body) ->
    Parent = self(),
    Pairs = [begin
                 {C, S} = pair(L, Port),
                 P = spawn(fun() -> receive go -> ok end, Parent ! {ready, self()}, Body(S) end),
                 ok = gen_tcp:controlling_process(S, P),
                 P ! go,
                 {C, P}
             end || _ <- lists:seq(1, N)],
    [receive {ready, P} -> ok end || {_, P} <- Pairs],
    Killed = kill_all([P || {_, P} <- Pairs]),
    Closed = length([C || {C, _} <- Pairs, gen_tcp:recv(C, 0, 5000) =:= {error, closed}]),
    [ok = gen_tcp:close(C) || {C, _} <- Pairs],
    {Killed, Closed}.

killed_acceptors(N) ->
    Parent = self(),
    Pids = [spawn(fun() ->
                          {ok, L} = gen_tcp:listen(0, [{ip, ?LO}]),
                          Parent ! {ready, self()},
                          gen_tcp:accept(L)
                  end) || _ <- lists:seq(1, N)],
    [receive {ready, P} -> ok end || P <- Pids],
    kill_all(Pids).

kill_all(Pids) ->
    Refs = [erlang:monitor(process, P) || P <- Pids],
    [exit(P, kill) || P <- Pids],
    length([R || R <- Refs, receive {'DOWN', R, _, _, killed} -> true end]).

close_races(L, Port, N) ->
    Parent = self(),
    Pairs = [begin
                 {C, S} = pair(L, Port),
                 P = spawn(fun() -> receive go -> ok end,
                                    Parent ! {closed, self(), gen_tcp:close(S)} end),
                 ok = gen_tcp:controlling_process(S, P),
                 {C, P}
             end || _ <- lists:seq(1, N)],
    Refs = [erlang:monitor(process, P) || {_, P} <- Pairs],
    [begin P ! go, exit(P, kill) end || {_, P} <- Pairs],
    [receive {'DOWN', R, _, _, _} -> ok end || R <- Refs],
    Closed = length([C || {C, _} <- Pairs, gen_tcp:recv(C, 0, 5000) =:= {error, closed}]),
    [ok = gen_tcp:close(C) || {C, _} <- Pairs],
    flush_closed(),
    Closed.

flush_closed() ->
    receive {closed, _, ok} -> flush_closed() after 0 -> ok end.

%% peer_closes(L, Port, N): the client closes while the server side waits
%% in recv (half the time) or receives actively.
peer_closes(L, Port, N) ->
    Parent = self(),
    Pairs = [begin
                 {C, S} = pair(L, Port),
                 Active = I rem 2 =:= 0,
                 P = spawn(fun() ->
                                   receive go -> ok end,
                                   R = case Active of
                                           true ->
                                               ok = inet:setopts(S, [{active, true}]),
                                               receive {tcp_closed, S} -> closed end;
                                           false ->
                                               {error, closed} = gen_tcp:recv(S, 0),
                                               closed
                                       end,
                                   Parent ! {peer_closed, self(), R}
                           end),
                 ok = gen_tcp:controlling_process(S, P),
                 P ! go,
                 {C, P}
             end || I <- lists:seq(1, N)],
    [ok = gen_tcp:close(C) || {C, _} <- Pairs],
    length([P || {_, P} <- Pairs, receive {peer_closed, P, closed} -> true after 5000 -> false end]).

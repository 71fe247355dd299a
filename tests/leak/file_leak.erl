-module(file_leak).
-export([main/0]).

%% Files opened, read and closed many times; processes killed while they
%% hold open files or wait for a read; explicit closes racing the owner's
%% exit. Nothing may stay open afterwards (TestFileLeaks checks the
%% descriptors of the VM; here the program checks the results).

main() ->
    Dir = filename:join("/tmp", "beamr_leak_" ++ os:getpid() ++ "_" ++
                            integer_to_list(erlang:unique_integer([positive]))),
    ok = file:make_dir(Dir),
    F = filename:join(Dir, "data"),
    ok = file:write_file(F, binary:copy(<<"0123456789abcdef">>, 256)),
    io:format("cycles: ~p~n", [cycles(F, 100000, 0)]),
    io:format("killed holders: ~p~n", [kill_holders(F, 10000)]),
    io:format("killed readers: ~p~n", [kill_readers(F, 10000)]),
    io:format("close races: ~p~n", [close_races(F, 10000)]),
    io:format("io servers: ~p~n", [io_servers(F, 1000)]),
    Big = filename:join(Dir, "big"),
    ok = file:write_file(Big, binary:copy(<<"0123456789abcdef">>, 65536)),
    io:format("streamers: ~p~n", [streamers(Big, 300)]),
    ok = file:delete(Big),
    ok = file:delete(F),
    ok = file:del_dir(Dir),
    io:format("done~n").

cycles(_, 0, Bytes) ->
    Bytes;
cycles(F, N, Bytes) ->
    {ok, Fd} = file:open(F, [read, raw, binary]),
    {ok, Data} = file:read(Fd, 1000),
    ok = file:close(Fd),
    cycles(F, N - 1, Bytes + byte_size(Data)).

kill_holders(F, N) ->
    Parent = self(),
    Pids = [spawn(fun() ->
                          {ok, _} = file:open(F, [read, raw, binary]),
                          Parent ! {opened, self()},
                          receive never -> ok end
                  end) || _ <- lists:seq(1, N)],
    [receive {opened, P} -> ok end || P <- Pids],
    kill_all(Pids).

kill_readers(F, N) ->
    Parent = self(),
    Pids = [spawn(fun() ->
                          {ok, Fd} = file:open(F, [read, raw, binary]),
                          Parent ! {opened, self()},
                          read_forever(Fd)
                  end) || _ <- lists:seq(1, N)],
    [receive {opened, P} -> ok end || P <- Pids],
    kill_all(Pids).

read_forever(Fd) ->
    case file:pread(Fd, 0, 4096) of
        {ok, _} -> read_forever(Fd)
    end.

kill_all(Pids) ->
    Refs = [erlang:monitor(process, P) || P <- Pids],
    [exit(P, kill) || P <- Pids],
    length([R || R <- Refs, receive {'DOWN', R, _, _, killed} -> true end]).

close_races(F, N) ->
    Parent = self(),
    Pids = [spawn(fun() ->
                          {ok, Fd} = file:open(F, [read, raw, binary]),
                          Parent ! {opened, self()},
                          receive go -> ok end,
                          Parent ! {closed, self(), file:close(Fd)}
                  end) || _ <- lists:seq(1, N)],
    [receive {opened, P} -> ok end || P <- Pids],
    Refs = [erlang:monitor(process, P) || P <- Pids],
    [begin P ! go, exit(P, kill) end || P <- Pids],
    [receive {'DOWN', R, _, _, _} -> ok end || R <- Refs],
    Closed = collect_closed(0),
    Closed =< N.

collect_closed(N) ->
    receive {closed, _, ok} -> collect_closed(N + 1)
    after 0 -> N
    end.

io_servers(F, N) ->
    Parent = self(),
    Pids = [spawn(fun() ->
                          {ok, P} = file:open(F, [read]),
                          Parent ! {opened, self(), P},
                          receive never -> ok end
                  end) || _ <- lists:seq(1, N)],
    Servers = [receive {opened, P, S} -> S end || P <- Pids],
    Mons = [erlang:monitor(process, S) || S <- Servers],
    kill_all(Pids),
    length([M || M <- Mons, receive {'DOWN', M, _, _, _} -> true end]).

%% Processes streaming a 1 MiB file in 64 KiB chunks, so that each holds
%% what was read ahead of it, and a chunk they pass on: one in three ends
%% without closing, one is killed while it waits, one drops its file and
%% collects. The chunks kept must stay intact.
streamers(F, N) ->
    Parent = self(),
    Pids = [spawn(fun() -> streamer(Parent, F, I rem 3) end)
            || I <- lists:seq(1, N)],
    Chunks = [receive {chunk, P, C} -> C end || P <- Pids],
    kill_all([P || {P, I} <- lists:zip(Pids, lists:seq(1, N)), I rem 3 =:= 1]),
    erlang:garbage_collect(),
    Want = binary:copy(<<"0123456789abcdef">>, 4096),
    length([C || C <- Chunks, C =:= Want]).

streamer(Parent, F, How) ->
    {ok, Fd} = file:open(F, [read, raw, binary]),
    {ok, _} = file:read(Fd, 65536),
    {ok, _} = file:read(Fd, 65536),
    {ok, C} = file:read(Fd, 65536),
    Parent ! {chunk, self(), C},
    case How of
        0 -> ok;
        1 -> receive never -> ok end;
        2 -> erlang:garbage_collect(), receive after 10 -> ok end
    end.

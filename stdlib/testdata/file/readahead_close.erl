-module(readahead_close).
-export([main/1]).

%% Files read ahead of their readers and then closed every way a file
%% closes: explicitly, by the owner's end, by the owner being killed, by
%% the last reference dying; and one file open twice in one process.
%% Returns the number of chunks that came back whole.
main(Name) ->
    ok = file:write_file(Name, binary:copy(<<"0123456789abcdef">>, 65536)),
    Parent = self(),
    Pids = [spawn(fun() -> reader(Parent, Name, How) end)
            || How <- [close, finish, kill, drop]],
    Chunks = [receive {chunk, P, C} -> C end || P <- Pids],
    [Killed] = [P || {P, kill} <- lists:zip(Pids, [close, finish, kill, drop])],
    Ref = erlang:monitor(process, Killed),
    exit(Killed, kill),
    receive {'DOWN', Ref, _, _, _} -> ok end,
    [wait_end(P) || P <- Pids],
    {ok, A} = file:open(Name, [read, raw, binary]),
    {ok, B} = file:open(Name, [read, raw, binary]),
    [{ok, _} = file:read(A, 65536) || _ <- [1, 2, 3]],
    [{ok, _} = file:read(B, 65536) || _ <- [1, 2, 3]],
    ok = file:close(A),
    ok = file:close(B),
    ok = file:delete(Name),
    Want = binary:copy(<<"0123456789abcdef">>, 4096),
    length([C || C <- Chunks, C =:= Want]).

wait_end(P) ->
    Ref = erlang:monitor(process, P),
    receive {'DOWN', Ref, _, _, _} -> ok end.

reader(Parent, Name, How) ->
    {ok, Fd} = file:open(Name, [read, raw, binary]),
    {ok, _} = file:read(Fd, 65536),
    {ok, _} = file:read(Fd, 65536),
    {ok, C} = file:read(Fd, 65536),
    Parent ! {chunk, self(), C},
    case How of
        close -> ok = file:close(Fd);
        finish -> ok;
        kill -> receive never -> ok end;
        drop -> erlang:garbage_collect()
    end.

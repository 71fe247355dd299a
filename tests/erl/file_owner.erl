-module(file_owner).
-export([main/0]).

%% Who owns an open file. An io-server handle (opened without raw) is a
%% process that monitors the process that opened it: any process may use
%% it, and it goes away, with the owner's exit reason, when the owner
%% dies. A raw handle may only be used by its owner (other processes get
%% an error:not_on_controlling_process exception, also after the owner
%% died; erl closes the descriptor shortly after the owner's 'DOWN').
%% Also: the owner is not linked to its file, handles passed between
%% processes, and files opened and closed by the thousand (in one
%% process and by short-lived owners that never close them). Handles are
%% only compared, never printed.

-define(T, 5000).

main() ->
    Dir = filename:join("/tmp", "beamr_test_" ++
                            integer_to_list(os:system_time(nanosecond)) ++
                            "_" ++ os:getpid()),
    ok = file:make_dir(Dir),
    try
        server_owner(Dir),
        raw_owner(Dir),
        handover(Dir),
        many(Dir)
    after
        cleanup(Dir)
    end.

cleanup(Dir) ->
    {ok, Names} = file:list_dir(Dir),
    [ok = file:delete(filename:join(Dir, N)) || N <- Names],
    ok = file:del_dir(Dir).

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%% opener(Parent, Path, Modes): opens Path, hands the result to Parent,
%% then obeys Parent until told to exit.
opener(Parent, Path, Modes) ->
    Parent ! {opened, self(), file:open(Path, Modes)},
    opener_loop(Parent).

opener_loop(Parent) ->
    receive
        {do, F} ->
            Parent ! {done, self(), F()},
            opener_loop(Parent);
        {exit, Reason} ->
            exit(Reason)
    after ?T ->
        exit(opener_timeout)
    end.

start_opener(Path, Modes) ->
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() -> opener(Self, Path, Modes) end),
    receive
        {opened, Pid, {ok, Fd}} -> {Pid, Ref, Fd};
        {opened, Pid, Error} -> error({open_failed, Error})
    after ?T -> error(open_timeout)
    end.

%% in(Pid, F): runs F in opener Pid and returns its result.
in(Pid, F) ->
    Pid ! {do, F},
    receive
        {done, Pid, R} -> R
    after ?T -> timeout
    end.

stop(Pid, Ref, Reason) ->
    Pid ! {exit, Reason},
    receive
        {'DOWN', Ref, process, Pid, R} -> R
    after ?T -> down_timeout
    end.

server_owner(Dir) ->
    io:format("== server~n"),
    F = filename:join(Dir, "server.txt"),
    {Pid, Ref, Fd} = start_opener(F, [write, read]),
    p("handle is a pid", is_pid(Fd)),
    p("handle alive", is_process_alive(Fd)),
    p("owner linked to handle",
      in(Pid, fun() ->
                      {links, Links} = process_info(self(), links),
                      lists:member(Fd, Links)
              end)),
    p("owner writes", in(Pid, fun() -> file:write(Fd, "from owner\n") end)),
    p("other writes", file:write(Fd, "from other\n")),
    p("other position", file:position(Fd, bof)),
    p("other reads", file:read(Fd, 100)),
    p("other io:format", io:format(Fd, "~w~n", [formatted])),
    p("other pread", file:pread(Fd, 0, 4)),
    FRef = monitor(process, Fd),
    p("owner exits", stop(Pid, Ref, normal)),
    p("handle down",
      receive
          {'DOWN', FRef, process, Fd, R} -> R
      after ?T -> down_timeout
      end),
    p("handle alive", is_process_alive(Fd)),
    p("write after owner died", file:write(Fd, "late")),
    p("read after owner died", file:read(Fd, 1)),
    p("io:format after owner died", catch_result(fun() -> io:format(Fd, "x", []) end)),
    p("close after owner died", file:close(Fd)),
    p("contents", file:read_file(F)),

    %% The handle takes the owner's exit reason.
    {Pid2, Ref2, Fd2} = start_opener(F, [read]),
    FRef2 = monitor(process, Fd2),
    p("owner killed", stop(Pid2, Ref2, kill)),
    p("handle down",
      receive
          {'DOWN', FRef2, process, Fd2, R2} -> R2
      after ?T -> down_timeout
      end),
    {Pid3, Ref3, Fd3} = start_opener(F, [read]),
    FRef3 = monitor(process, Fd3),
    p("owner crashes", stop(Pid3, Ref3, {shutdown, crash})),
    p("handle down",
      receive
          {'DOWN', FRef3, process, Fd3, R3} -> R3
      after ?T -> down_timeout
      end),

    %% Closing from another process works; the handle stops normally.
    {Pid4, Ref4, Fd4} = start_opener(F, [read]),
    FRef4 = monitor(process, Fd4),
    p("other closes", file:close(Fd4)),
    p("handle down",
      receive
          {'DOWN', FRef4, process, Fd4, R4} -> R4
      after ?T -> down_timeout
      end),
    p("owner reads closed", in(Pid4, fun() -> file:read(Fd4, 1) end)),
    p("owner exits", stop(Pid4, Ref4, normal)),
    ok.

raw_owner(Dir) ->
    io:format("== raw~n"),
    F = filename:join(Dir, "raw.txt"),
    ok = file:write_file(F, "0123456789"),
    {Pid, Ref, Fd} = start_opener(F, [read, write, raw, binary]),
    p("handle is a pid", is_pid(Fd)),
    p("owner reads", in(Pid, fun() -> file:read(Fd, 3) end)),
    p("other reads", catch_result(fun() -> file:read(Fd, 3) end)),
    p("other writes", catch_result(fun() -> file:write(Fd, "x") end)),
    p("other pread", catch_result(fun() -> file:pread(Fd, 0, 2) end)),
    p("other position", catch_result(fun() -> file:position(Fd, bof) end)),
    p("other read_line", catch_result(fun() -> file:read_line(Fd) end)),
    p("other sync", catch_result(fun() -> file:sync(Fd) end)),
    p("other truncate", catch_result(fun() -> file:truncate(Fd) end)),
    p("other close", catch_result(fun() -> file:close(Fd) end)),
    p("owner still reads", in(Pid, fun() -> file:read(Fd, 3) end)),
    p("owner exits", stop(Pid, Ref, normal)),
    p("read after owner died", catch_result(fun() -> file:read(Fd, 1) end)),
    p("write after owner died", catch_result(fun() -> file:write(Fd, "x") end)),
    p("close after owner died", catch_result(fun() -> file:close(Fd) end)),
    p("contents", file:read_file(F)),

    %% A raw handle closed by its owner.
    {Pid2, Ref2, Fd2} = start_opener(F, [read, raw]),
    p("owner closes", in(Pid2, fun() -> file:close(Fd2) end)),
    p("owner reads closed", in(Pid2, fun() -> file:read(Fd2, 1) end)),
    p("other reads closed", catch_result(fun() -> file:read(Fd2, 1) end)),
    p("owner exits", stop(Pid2, Ref2, normal)),
    ok.

handover(Dir) ->
    io:format("== handover~n"),
    F = filename:join(Dir, "handover.txt"),
    {ok, Fd} = file:open(F, [write]),
    Self = self(),
    Writers = [spawn_link(fun() ->
                                  receive
                                      {go, H} ->
                                          R = [file:write(H, [integer_to_list(I), $\n])
                                               || _ <- lists:seq(1, 10)],
                                          Self ! {written, I, lists:usort(R)}
                                  end
                          end)
               || I <- lists:seq(1, 5)],
    [W ! {go, Fd} || W <- Writers],
    p("writers", lists:sort([receive {written, I, R} -> {I, R} after ?T -> timeout end
                             || _ <- Writers])),
    p("close", file:close(Fd)),
    {ok, Bin} = file:read_file(F),
    Lines = binary:split(Bin, <<"\n">>, [global, trim]),
    p("lines", length(Lines)),
    p("per writer", [{N, length([L || L <- Lines, L =:= integer_to_binary(N)])}
                     || N <- lists:seq(1, 5)]),
    ok.

many(Dir) ->
    io:format("== many~n"),
    F = filename:join(Dir, "many.txt"),
    ok = file:write_file(F, "data"),
    N = 2000,
    Loop = fun(Modes) ->
                   lists:foldl(fun(_, {Ok, Bad}) ->
                                       case file:open(F, Modes) of
                                           {ok, Fd} ->
                                               {ok, <<"da">>} = file:read(Fd, 2),
                                               ok = file:close(Fd),
                                               {Ok + 1, Bad};
                                           Error ->
                                               {Ok, [Error | Bad]}
                                       end
                               end, {0, []}, lists:seq(1, N))
           end,
    p("raw open/close", Loop([read, raw, binary])),
    p("server open/close", Loop([read, binary])),

    %% Many open at once, then all closed.
    Open = [begin {ok, Fd} = file:open(F, [read, raw, binary]), Fd end
            || _ <- lists:seq(1, 200)],
    p("read all open", lists:usort([file:pread(Fd, 2, 2) || Fd <- Open])),
    p("close all", lists:usort([file:close(Fd) || Fd <- Open])),
    OpenS = [begin {ok, Fd} = file:open(F, [read, binary]), Fd end
             || _ <- lists:seq(1, 200)],
    p("read all open", lists:usort([file:pread(Fd, 0, 1) || Fd <- OpenS])),
    p("close all", lists:usort([file:close(Fd) || Fd <- OpenS])),

    %% Short-lived owners that never close their files.
    Leak = fun(Modes) ->
                   Results = [begin
                                  {Pid, Ref} = spawn_monitor(
                                                 fun() ->
                                                         {ok, Fd} = file:open(F, Modes),
                                                         {ok, _} = file:read(Fd, 1),
                                                         exit(done)
                                                 end),
                                  receive {'DOWN', Ref, process, Pid, R} -> R
                                  after ?T -> timeout
                                  end
                              end || _ <- lists:seq(1, N)],
                   lists:usort(Results)
           end,
    p("raw owners exit", Leak([read, raw])),
    p("server owners exit", Leak([read])),
    {ok, Last} = file:open(F, [read, raw]),
    p("still opens", file:read(Last, 4)),
    p("close", file:close(Last)),
    ok.

catch_result(F) ->
    try F() of
        V -> {value, V}
    catch
        C:E -> {caught, C, E}
    end.

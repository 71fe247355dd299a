-module(res_release).
%% File handles (fd resources) released by every route other than an
%% explicit close by a lone owner: dropped and collected, copied in
%% messages to processes that drop them, die or outlive the owner. After
%% each round the program checks that the VM holds no descriptor on the
%% file (TestResourceReleases checks that none was released twice).
-export([main/0]).

main() ->
    Name = "/tmp/beamr_res_release_" ++ os:getpid() ++ "_" ++
        integer_to_list(os:system_time(nanosecond)),
    ok = file:write_file(Name, <<"data">>),
    try
        dropped(Name, 1000),
        io:format("dropped: ~p~n", [settle(Name)]),
        copied(Name, 200),
        io:format("copied: ~p~n", [settle(Name)]),
        owner_exits(Name, 200),
        io:format("owner exits: ~p~n", [settle(Name)])
    after
        file:delete(Name)
    end,
    io:format("done~n").

%% open(Name): the number of descriptors the VM holds on file Name.
open(Name) ->
    {ok, L} = file:list_dir("/proc/self/fd"),
    length([F || F <- L, file:read_link("/proc/self/fd/" ++ F) =:= {ok, Name}]).

%% settle(Name): true once the VM holds no descriptor on Name (collecting
%% this process first), false if it still does after a few seconds.
settle(Name) -> settle(Name, 300).
settle(Name, 0) -> open(Name) =:= 0;
settle(Name, N) ->
    erlang:garbage_collect(),
    case open(Name) of
        0 -> true;
        _ -> receive after 10 -> settle(Name, N - 1) end
    end.

%% Handles opened and dropped: the collector closes them.
dropped(_, 0) -> ok;
dropped(Name, N) ->
    {ok, _} = file:open(Name, [read, raw, binary]),
    dropped(Name, N - 1).

%% A handle sent to ten processes, which drop it, keep it until killed, or
%% send it on; then the owner closes it.
copied(_, 0) -> ok;
copied(Name, N) ->
    {ok, Fd} = file:open(Name, [read, raw, binary]),
    Self = self(),
    Ps = [spawn(fun() -> holder(K, Self) end) || K <- lists:seq(1, 10)],
    [P ! {fd, Fd} || P <- Ps],
    [receive {held, P} -> ok end || P <- Ps],
    ok = file:close(Fd),
    [exit(P, kill) || P <- Ps],
    copied(Name, N - 1).

holder(K, Parent) ->
    receive {fd, Fd} -> ok end,
    case K rem 3 of
        0 -> Parent ! {held, self()}, erlang:garbage_collect(), receive after infinity -> ok end;
        1 -> Parent ! {held, self()}, hold(Fd);
        2 -> spawn(fun() -> receive {fd, _} -> ok end end) ! {fd, Fd}, Parent ! {held, self()}, hold(Fd)
    end.

hold(Fd) -> receive never -> Fd end.

%% An owner that sends its handle to five holders and ends: its exit
%% closes the file while the holders still have the term.
owner_exits(_, 0) -> ok;
owner_exits(Name, N) ->
    Hs = [spawn(fun() -> receive {fd, From, Fd} -> From ! {held, self()}, hold(Fd) end end) || _ <- lists:seq(1, 5)],
    {Owner, Ref} = spawn_monitor(fun() ->
        {ok, Fd} = file:open(Name, [read, raw, binary]),
        [H ! {fd, self(), Fd} || H <- Hs],
        [receive {held, H} -> ok end || H <- Hs]
    end),
    receive {'DOWN', Ref, process, Owner, normal} -> ok end,
    [exit(H, kill) || H <- Hs],
    owner_exits(Name, N - 1).

-module(proc_priority).
-export([main/0]).

%% Process priorities, restricted to what is deterministic on a
%% multi-scheduler VM: priority values as set and reported, that children
%% do not inherit their parent's priority, that processes of every level
%% run to completion (also while processes of other levels are busy), and
%% that messages between levels keep per-sender order. No ordering between
%% levels is assumed.

-define(T, 5000).

main() ->
    {Pid, Ref} = spawn_monitor(fun body/0),
    receive
        {'DOWN', Ref, process, Pid, normal} -> ok;
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("FAILED: body exited: ~p~n", [Reason])
    after 10000 -> io:format("FAILED: body timed out~n")
    end.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

%% work(N): a small deterministic computation.
work(N) -> lists:foldl(fun(I, Acc) -> (Acc * 31 + I) rem 1000003 end, N, lists:seq(1, 2000)).

levels() -> [low, normal, high, max].

body() ->
    Self = self(),
    %% Each level reports its own priority and inherits nothing.
    Reports = [begin
                   spawn_opt(fun() ->
                                     Child = spawn(fun() -> ok end),
                                     {priority, Mine} = process_info(self(), priority),
                                     CP = case process_info(Child, priority) of
                                              {priority, X} -> X;
                                              undefined -> exited
                                          end,
                                     Self ! {prio, L, Mine, CP}
                             end, [{priority, L}]),
                   receive {prio, L, Mine, CP} -> {L, Mine, CP} after ?T -> {L, timeout} end
               end || L <- levels()],
    io:format("levels: ~p~n", [[{L, Mine} || {L, Mine, _} <- Reports]]),
    io:format("child_not_inherited: ~p~n",
              [[{L, CP =:= normal orelse CP =:= exited} || {L, _, CP} <- Reports]]),
    %% A child spawned by a high-priority process that is still alive.
    spawn_opt(fun() ->
                      Me = self(),
                      C = spawn(fun() -> receive stop -> ok after ?T -> ok end end),
                      Self ! {child_prio, process_info(C, priority), process_info(Me, priority)},
                      C ! stop
              end, [{priority, high}]),
    io:format("child_of_high: ~p~n",
              [receive {child_prio, CPr, MPr} -> {CPr, MPr} after ?T -> timeout end]),
    %% Priority changes made by a process are visible from outside.
    P = spawn(fun() ->
                      loop_prio(Self)
              end),
    Seen = [begin
                P ! {set, L, self()},
                receive {set_done, Old} -> {Old, process_info(P, priority)} after ?T -> timeout end
            end || L <- [high, low, max, normal]],
    io:format("set_from_inside: ~p~n", [Seen]),
    P ! stop,

    %% Every level completes its work, all started together.
    N = 20,
    Expected = lists:sort([{L, I, work(I)} || L <- levels(), I <- lists:seq(1, N)]),
    [spawn_opt(fun() -> Self ! {done, L, I, work(I)} end, [{priority, L}])
     || L <- levels(), I <- lists:seq(1, N)],
    Done = [receive {done, L, I, W} -> {L, I, W} after ?T -> timeout end
            || _ <- lists:seq(1, 4 * N)],
    io:format("all_levels_complete: ~p ~p~n", [length(Done), lists:sort(Done) =:= Expected]),

    %% Busy high-priority processes (finite work) do not prevent low ones
    %% from finishing eventually.
    Busy = [spawn_opt(fun() -> Self ! {busy_done, length([work(I) || I <- lists:seq(1, 30)])} end,
                      [{priority, high}]) || _ <- [1, 2]],
    Lows = [spawn_opt(fun() -> Self ! {low_done, I} end, [{priority, low}]) || I <- lists:seq(1, 5)],
    BusyDone = [receive {busy_done, K} -> K after ?T -> timeout end || _ <- Busy],
    LowDone = lists:sort([receive {low_done, I} -> I after ?T -> timeout end || _ <- Lows]),
    io:format("busy_high_done: ~p~n", [BusyDone]),
    io:format("low_done: ~p~n", [LowDone]),

    %% Per-sender order holds across priority levels.
    Streams = [spawn_opt(fun() -> [Self ! {seq, L, I} || I <- lists:seq(1, 100)] end,
                         [{priority, L}]) || L <- levels()],
    Orders = [{L, [receive {seq, L, I} -> I after ?T -> timeout end || _ <- lists:seq(1, 100)]
                  =:= lists:seq(1, 100)} || L <- levels()],
    io:format("per_sender_order: ~p ~p~n", [length(Streams), Orders]),

    %% A low-priority receiver still gets messages from a max sender.
    process_flag(priority, low),
    spawn_opt(fun() -> Self ! from_max end, [{priority, max}]),
    io:format("low_receives_from_max: ~p~n", [receive from_max -> ok after ?T -> timeout end]),
    process_flag(priority, normal),
    io:format("leftover: ~p~n", [flush()]),
    ok.

loop_prio(Parent) ->
    receive
        {set, L, From} ->
            Old = process_flag(priority, L),
            From ! {set_done, Old},
            loop_prio(Parent);
        stop -> ok
    after ?T -> ok
    end.

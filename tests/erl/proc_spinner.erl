-module(proc_spinner).
-export([main/0]).

%% Preemption: a process spinning in a tight loop that never receives must
%% not stop 1000 other processes from doing their small jobs and reporting
%% back, and it can still be killed with exit(P, kill). Also a spinner that
%% only ever calls local functions and one that builds garbage.

-define(T, 5000).

main() ->
    {Pid, Ref} = spawn_monitor(fun body/0),
    receive
        {'DOWN', Ref, process, Pid, normal} -> ok;
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("FAILED: body exited: ~p~n", [Reason])
    after 20000 -> io:format("FAILED: body timed out~n")
    end.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

spin(N) -> spin(N + 1).

spin_alloc(L) when length(L) > 100 -> spin_alloc([]);
spin_alloc(L) -> spin_alloc([{L} | L]).

collect(0, Acc) -> Acc;
collect(N, Acc) ->
    receive
        {job, I, V} -> collect(N - 1, [{I, V} | Acc])
    after ?T -> Acc
    end.

body() ->
    Self = self(),
    {Spinner, SRef} = spawn_monitor(fun() -> spin(0) end),
    {Spinner2, SRef2} = spawn_monitor(fun() -> spin_alloc([]) end),
    %% Let the spinners get going.
    receive after 20 -> ok end,
    io:format("spinner_alive: ~p ~p~n", [is_process_alive(Spinner), is_process_alive(Spinner2)]),
    N = 1000,
    [spawn(fun() -> Self ! {job, I, I * I} end) || I <- lists:seq(1, N)],
    Got = collect(N, []),
    io:format("reported: ~p~n", [length(Got)]),
    io:format("results_ok: ~p~n",
              [lists:sort(Got) =:= [{I, I * I} || I <- lists:seq(1, N)]]),
    %% The spinner is runnable or running, never waiting.
    {status, St} = process_info(Spinner, status),
    io:format("spinner_status: ~p~n", [lists:member(St, [running, runnable, garbage_collecting])]),
    %% Messages to the spinner just queue up.
    [Spinner ! {ignored, I} || I <- lists:seq(1, 10)],
    io:format("spinner_queue: ~p~n", [process_info(Spinner, message_queue_len)]),
    %% exit(P, normal) and other reasons from an unlinked process: normal is
    %% ignored, kill kills.
    exit(Spinner, normal),
    receive after 10 -> ok end,
    io:format("spinner_after_normal: ~p~n", [is_process_alive(Spinner)]),
    exit(Spinner, kill),
    io:format("spinner_down: ~p~n",
              [receive {'DOWN', SRef, process, Spinner, R} -> R after ?T -> timeout end]),
    io:format("spinner_dead: ~p~n", [is_process_alive(Spinner)]),
    exit(Spinner2, stop_spinning),
    io:format("spinner2_down: ~p~n",
              [receive {'DOWN', SRef2, process, Spinner2, R2} -> R2 after ?T -> timeout end]),
    %% A round of request/reply while two spinners run.
    S3 = spawn(fun() -> spin(0) end),
    S4 = spawn(fun() -> spin(0) end),
    Echo = spawn(fun Loop() ->
                         receive {P, M} -> P ! {echoed, M}, Loop(); stop -> ok
                         after ?T -> ok
                         end
                 end),
    Echoed = [begin Echo ! {Self, I}, receive {echoed, I} -> I after ?T -> timeout end end
              || I <- lists:seq(1, 200)],
    io:format("echo_with_spinners: ~p~n", [Echoed =:= lists:seq(1, 200)]),
    Echo ! stop,
    M3 = monitor(process, S3), M4 = monitor(process, S4),
    exit(S3, kill), exit(S4, kill),
    Downs = [receive {'DOWN', M, process, _, R3} -> R3 after ?T -> timeout end || M <- [M3, M4]],
    io:format("spinners_killed: ~p~n", [Downs]),
    io:format("leftover: ~p~n", [flush()]),
    ok.

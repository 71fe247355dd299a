-module(proc_receive).
-export([main/0]).

%% Receive semantics: selective receive leaves unmatched messages queued in
%% their original order, guards in receive clauses, nested receives, the
%% make_ref()/{Ref, Reply} request-reply pattern (compiled with receive
%% markers) skipping older messages, flush loops, and message_queue_len.

-define(T, 3000).

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

qlen() ->
    {message_queue_len, N} = process_info(self(), message_queue_len),
    N.

%% server(): answers {Ref, Reply} requests; replies are computed from the
%% request so the client can check them.
server() ->
    receive
        {call, From, Ref, {add, A, B}} -> From ! {Ref, A + B}, server();
        {call, From, Ref, {echo, X}} -> From ! {Ref, X}, server();
        {call, From, Ref, {noise_then_reply, X}} ->
            %% Unrelated messages first, then the reply.
            From ! {noise, 1},
            From ! {make_ref(), fake_reply},
            From ! {Ref, X},
            server();
        stop -> ok
    after ?T -> ok
    end.

call(Server, Req) ->
    Ref = make_ref(),
    Server ! {call, self(), Ref, Req},
    receive
        {Ref, Reply} -> Reply
    after ?T -> call_timeout
    end.

%% Same pattern using monitor refs (as gen:call does).
mcall(Server, Req) ->
    MRef = monitor(process, Server),
    Server ! {call, self(), MRef, Req},
    receive
        {MRef, Reply} -> demonitor(MRef, [flush]), Reply;
        {'DOWN', MRef, _, _, Why} -> {down, Why}
    after ?T -> call_timeout
    end.

classify(Msgs) ->
    [receive
         X when is_integer(X), X > 100 -> {big, X};
         X when is_integer(X) -> {small, X};
         X when is_atom(X); is_binary(X) -> {atomish, X};
         {A, B} when A =:= B -> {pair_same, A};
         {_, _} = P -> {pair, P};
         Other -> {other, Other}
     after ?T -> timeout
     end || _ <- Msgs].

body() ->
    Self = self(),
    io:format("empty_queue_len: ~p~n", [qlen()]),

    %% Selective receive: pick messages out of the middle; the rest stay in
    %% order.
    [Self ! M || M <- [a, {b, 1}, c, {b, 2}, d, {e, 3}]],
    io:format("queue_len_6: ~p~n", [qlen()]),
    R1 = receive {b, X1} -> X1 after ?T -> timeout end,
    R2 = receive {e, X2} -> X2 after ?T -> timeout end,
    R3 = receive {b, X3} -> X3 after ?T -> timeout end,
    io:format("selective: ~p~n", [[R1, R2, R3]]),
    io:format("queue_len_3: ~p~n", [qlen()]),
    io:format("remaining_order: ~p~n", [flush()]),

    %% The first message that matches any clause wins, not the first clause.
    [Self ! M || M <- [x, y, z]],
    R4 = receive z -> z; y -> y after ?T -> timeout end,
    io:format("first_message_wins: ~p rest ~p~n", [R4, flush()]),

    %% Guards.
    Msgs = [5, 500, foo, <<"b">>, {1, 1}, {1, 2}, [list], 3.5],
    [Self ! M || M <- Msgs],
    io:format("guards: ~p~n", [classify(Msgs)]),
    [Self ! M || M <- [1, 2, 3, 4, 5, 6]],
    Evens = [receive E when E rem 2 =:= 0 -> E after ?T -> timeout end || _ <- [1, 2, 3]],
    io:format("guard_evens: ~p odds_left: ~p~n", [Evens, flush()]),
    %% A guard that raises is just false.
    [Self ! M || M <- [notnum, 7]],
    R5 = receive G when G + 1 > 0 -> G after ?T -> timeout end,
    io:format("guard_exception_false: ~p left ~p~n", [R5, flush()]),
    %% Bound variables in patterns.
    Want = id(key2),
    [Self ! {K, V} || {K, V} <- [{key1, 1}, {key2, 2}, {key3, 3}]],
    R6 = receive {Want, V6} -> V6 after ?T -> timeout end,
    io:format("bound_var: ~p left ~p~n", [R6, flush()]),

    %% Nested receive: the inner receive sees the queue without the message
    %% the outer one took.
    [Self ! M || M <- [{outer, 1}, inner_a, {outer, 2}, inner_b]],
    R7 = receive
             {outer, N1} ->
                 I1 = receive inner_b -> inner_b after ?T -> timeout end,
                 I2 = receive {outer, N2} -> N2 after ?T -> timeout end,
                 {N1, I1, I2}
         after ?T -> timeout
         end,
    io:format("nested: ~p left ~p~n", [R7, flush()]),
    %% Nested receive inside a fun that recurses.
    [Self ! {lvl, L} || L <- [3, 1, 2]],
    Deep = fun Rec(0) -> [];
               Rec(K) -> receive {lvl, K} -> [K | Rec(K - 1)] after ?T -> [timeout] end
           end,
    io:format("nested_fun: ~p~n", [Deep(3)]),

    %% Request-reply with a fresh ref, old messages in the queue are skipped
    %% and stay there.
    Server = spawn(fun server/0),
    [Self ! {old, I} || I <- lists:seq(1, 5)],
    Self ! {make_ref(), stale_reply},
    io:format("call_add: ~p~n", [call(Server, {add, 2, 3})]),
    io:format("call_echo: ~p~n", [call(Server, {echo, hello})]),
    io:format("call_noise: ~p~n", [call(Server, {noise_then_reply, got_it})]),
    io:format("mcall_add: ~p~n", [mcall(Server, {add, 40, 2})]),
    io:format("queue_after_calls: ~p~n", [qlen()]),
    Left = flush(),
    io:format("left_after_calls: ~p~n",
              [[case M of
                    {R, Tag} when is_reference(R) -> {ref, Tag};
                    _ -> M
                end || M <- Left]]),
    %% Many calls in a row with an ever growing queue.
    [Self ! {junk, I} || I <- lists:seq(1, 200)],
    Results = [call(Server, {add, I, I}) || I <- lists:seq(1, 50)],
    io:format("many_calls: ~p~n", [Results =:= [2 * I || I <- lists:seq(1, 50)]]),
    io:format("junk_kept: ~p~n", [qlen()]),
    Junk = flush(),
    io:format("junk_order: ~p~n", [Junk =:= [{junk, I} || I <- lists:seq(1, 200)]]),
    %% Call to a dead server via monitor gets noproc.
    SRef = monitor(process, Server),
    Server ! stop,
    receive {'DOWN', SRef, process, _, _} -> ok after ?T -> io:format("server: no DOWN~n") end,
    io:format("mcall_dead: ~p~n", [mcall(Server, {add, 1, 1})]),
    io:format("after_dead_call: ~p~n", [flush()]),

    %% Flush loop after a selective pick.
    [Self ! I || I <- lists:seq(1, 10)],
    receive 5 -> ok after ?T -> ok end,
    io:format("flush: ~p~n", [flush()]),
    io:format("flush_empty: ~p ~p~n", [flush(), qlen()]),

    %% Messages from another process to us, queue length grows.
    spawn(fun() -> [Self ! {m, I} || I <- lists:seq(1, 20)], Self ! sent end),
    receive sent -> ok after ?T -> io:format("sender: timeout~n") end,
    io:format("queue_len_20: ~p~n", [qlen()]),
    {messages, Ms} = process_info(Self, messages),
    io:format("messages: ~p~n", [Ms =:= [{m, I} || I <- lists:seq(1, 20)]]),
    flush(),

    %% Receive with a catch-all after a specific clause, and a receive of a
    %% large message.
    Big = lists:seq(1, 10000),
    spawn(fun() -> Self ! {big, Big} end),
    R8 = receive {big, B} -> length(B) =:= 10000 andalso lists:sum(B) after ?T -> timeout end,
    io:format("big_message: ~p~n", [R8]),
    %% A message that shares a subterm is copied intact.
    Shared = {x, Big, Big},
    Self ! Shared,
    R9 = receive {x, S1, S2} -> S1 =:= S2 andalso length(S1) after ?T -> timeout end,
    io:format("shared_message: ~p~n", [R9]),
    ok.

id(X) -> X.

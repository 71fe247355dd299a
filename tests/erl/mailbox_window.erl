%% The mailbox keeps its order and contents while messages are taken from
%% the front and the back and new ones arrive: every pattern here slides
%% the queue of kept messages along the process's mailbox storage and
%% back to its start.
-module(mailbox_window).
-export([main/0]).

main() ->
    %% Take the first five of eight, then add one: the three kept must
    %% stay in front of the new one.
    send_all(self(), [{a, I} || I <- lists:seq(1, 8)]),
    [receive {a, I} -> ok end || I <- lists:seq(1, 5)],
    self() ! {b, 9},
    io:format("~p~n", [drain()]),
    %% The same from another process, with sizes around every capacity.
    [io:format("~p ~p ~p~n", [N, K, slide(N, K)]) || N <- [1, 2, 3, 7, 8, 9, 15, 16, 17, 33], K <- lists:usort([0, 1, N div 2, N - 1]), K < N],
    %% A server that keeps a few requests queued while it answers the
    %% oldest and waits for replies of its own (a selective receive on a
    %% fresh reference) between them.
    io:format("~p~n", [serve_queue(5, 200)]),
    io:format("~p~n", [selective(30)]),
    ok.

send_all(P, Ms) -> [P ! M || M <- Ms], ok.

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.

%% Fill the mailbox with N messages, take K from the front, add N more
%% one at a time while taking the oldest each time, and return what is
%% left.
slide(N, K) ->
    Self = self(),
    P = spawn(fun() ->
        receive go -> ok end,
        [receive {m, I} -> ok end || I <- lists:seq(1, K)],
        loop(N + 1, K + 1, 2 * N),
        Self ! {left, self(), drain()}
    end),
    send_all(P, [{m, I} || I <- lists:seq(1, N)]),
    P ! go,
    receive {left, P, L} -> L end.

loop(_, _, 0) -> ok;
loop(New, Next, Left) ->
    self() ! {m, New},
    receive {m, Next} -> ok end,
    loop(New + 1, Next + 1, Left - 1).

serve_queue(Workers, Calls) ->
    Self = self(),
    S = spawn(fun() -> server(0) end),
    Ws = [spawn(fun() -> Self ! {done, I, lists:usort([call(S, I) || _ <- lists:seq(1, Calls)])} end)
          || I <- lists:seq(1, Workers)],
    R = lists:sort([receive {done, I, L} -> {I, L} end || _ <- Ws]),
    S ! stop,
    R.

call(S, I) ->
    M = monitor(process, S),
    S ! {req, self(), M, I},
    receive
        {rep, M, R} -> demonitor(M, [flush]), R;
        {'DOWN', M, _, _, W} -> {down, W}
    end.

server(N) ->
    receive
        {req, F, M, I} ->
            F ! {rep, M, own_call(I)},
            server(N + 1);
        stop ->
            ok
    end.

%% A round trip through a helper, waited for on a fresh reference while
%% requests queue up behind.
own_call(I) ->
    Ref = make_ref(),
    Self = self(),
    spawn(fun() -> Self ! {Ref, I * 2} end),
    receive {Ref, V} -> V end.

%% Messages taken out of the middle of the mailbox, by value.
selective(N) ->
    send_all(self(), [{s, I} || I <- lists:seq(1, N)]),
    Odd = [receive {s, I} -> I end || I <- lists:seq(1, N, 2)],
    self() ! last,
    {Odd, drain()}.

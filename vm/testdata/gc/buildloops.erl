-module(buildloops).
-export([maps/1, bins/1, seqs/1, bigs/1, recvs/1]).

%% Loops whose only allocation is a map update or a binary append: no
%% test_heap, so put_map_assoc and bs_create_bin must collect themselves;
%% and ones whose only allocations are made by native functions (called, or
%% guard BIFs on bignums); and a process that only receives, whose
%% messages are its only allocation.

maps(N) -> maps(N, 0).

maps(0, Acc) -> Acc;
maps(N, Acc) -> maps(N - 1, Acc + map_size(build(1, 30, #{}))).

build(I, Max, M) when I > Max -> M;
build(I, Max, M) -> build(I + 1, Max, M#{I => I * I}).

bins(N) -> bins(N, 0).

bins(0, Acc) -> Acc;
bins(N, Acc) -> bins(N - 1, Acc + byte_size(append(1000, <<>>))).

append(0, B) -> B;
append(I, B) -> append(I - 1, <<B/binary, I:16, (I band 255):8>>).

seqs(N) -> seqs(N, 0).

seqs(0, Acc) -> Acc;
seqs(N, Acc) -> seqs(N - 1, Acc + length(lists:seq(1, 100))).

bigs(N) -> bigs(N, 1 bsl 200, 0).

bigs(0, _, Acc) -> Acc;
bigs(N, B, Acc) -> bigs(N - 1, B, Acc + (B * N) rem 7).

recvs(N) ->
    Self = self(),
    S = spawn(fun() -> sender(N, Self) end),
    recv(N, S, 0).

%% recv answers each message with an immediate, so that its heap grows by
%% the messages it takes in and nothing else.
recv(0, _, Acc) -> Acc;
recv(I, S, Acc) ->
    receive {n, K} -> S ! K, recv(I - 1, S, Acc + K) end.

sender(0, _) -> ok;
sender(I, P) ->
    P ! {n, I},
    receive I -> sender(I - 1, P) end.

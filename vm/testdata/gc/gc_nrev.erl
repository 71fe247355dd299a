%% Naive reverse in a loop while holding a large live list: allocates about
%% 0.7 MB per iteration with Keep words live throughout (a garbage
%% collection test, see vm/gc_test.go).
-module(gc_nrev).
-export([run/2]).

run(Iterations, KeepLen) ->
    Keep = lists:seq(1, KeepLen),
    L = lists:seq(1, 300),
    Sum = loop(Iterations, L, 0),
    {Sum, length(Keep), lists:sum(Keep)}.

loop(0, _, Acc) -> Acc;
loop(N, L, Acc) -> loop(N - 1, L, Acc + hd(nrev(L))).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

-module(tailrec_deep_acc).
-export([main/0]).

%% Deep tail recursion (millions of iterations, constant stack) with large
%% accumulators: lists, bignums, tuples and binaries.

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [N | Acc]).

bigsum(0, Acc) -> Acc;
bigsum(N, Acc) -> bigsum(N - 1, Acc + N * (1 bsl 64)).

tup(0, {A, B, C}) -> {A, B, C};
tup(N, {A, B, C}) -> tup(N - 1, {B, C, A + 1}).

mutual_even(0) -> true;
mutual_even(N) -> mutual_odd(N - 1).
mutual_odd(0) -> false;
mutual_odd(N) -> mutual_even(N - 1).

collatz_len(1, L) -> L;
collatz_len(N, L) when N rem 2 =:= 0 -> collatz_len(N div 2, L + 1);
collatz_len(N, L) -> collatz_len(3 * N + 1, L + 1).

longest(N, Max, Best, Best) when N > Max -> Best;
longest(N, Max, {_, BL} = Best, _) ->
    L = collatz_len(N, 1),
    B2 = if L > BL -> {N, L}; true -> Best end,
    longest(N + 1, Max, B2, B2).

main() ->
    io:format("count ~w~n", [count(3000000, 0)]),
    L = build(1000000, []),
    io:format("build ~w ~w ~w~n", [length(L), hd(L), lists:last(L)]),
    io:format("sum ~w~n", [lists:foldl(fun(X, A) -> X + A end, 0, L)]),
    io:format("bigsum ~w~n", [bigsum(100000, 0)]),
    io:format("tup ~w~n", [tup(999999, {0, 0, 0})]),
    io:format("mutual ~w ~w~n", [mutual_even(1000001), mutual_odd(1000001)]),
    io:format("collatz ~w~n", [longest(1, 30000, {1, 1}, none)]),
    Fact = fact(3000, 1),
    io:format("fact3000 digits ~w~n", [length(integer_to_list(Fact))]),
    B = binacc(100000, <<>>),
    io:format("binacc ~w ~w~n", [byte_size(B), binary:last(B)]),
    io:format("strbuild ~w~n", [length(lists:flatten(strbuild(10000, [])))]),
    ok.

fact(0, Acc) -> Acc;
fact(N, Acc) -> fact(N - 1, Acc * N).

binacc(0, B) -> B;
binacc(N, B) -> binacc(N - 1, <<B/binary, (N rem 256)>>).

strbuild(0, Acc) -> Acc;
strbuild(N, Acc) -> strbuild(N - 1, [Acc, integer_to_list(N rem 10)]).

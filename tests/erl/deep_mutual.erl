-module(deep_mutual).
-export([main/0]).

%% Deep non-tail mutual recursion and deeply nested terms built and
%% consumed recursively.

%% parity(N) is N rem 2, computed through two mutually recursive
%% functions that each do work after the call returns.
parity(0) -> 0;
parity(N) -> 1 - parity2(N - 1).

parity2(0) -> 0;
parity2(N) -> 1 - parity(N - 1).

nest(0) -> leaf;
nest(N) -> {node, nest(N - 1)}.

depth(leaf) -> 0;
depth({node, T}) -> 1 + depth(T).

nest_list(0) -> [];
nest_list(N) -> [nest_list(N - 1)].

list_depth([]) -> 0;
list_depth([X]) -> 1 + list_depth(X).

tree(0) -> nil;
tree(N) -> {tree(N - 1), N, nil}.

tsum(nil) -> 0;
tsum({L, V, R}) -> tsum(L) + V + tsum(R).

main() ->
    io:format("parity ~w ~w~n", [parity(1000000), parity(999999)]),
    T = nest(500000),
    io:format("depth ~w~n", [depth(T)]),
    NL = nest_list(300000),
    io:format("list depth ~w~n", [list_depth(NL)]),
    io:format("flatten ~w~n", [lists:flatten(NL)]),
    io:format("equal ~w ~w~n", [nest(200000) =:= nest(200000), nest(200000) < nest(200001)]),
    io:format("tsum ~w~n", [tsum(tree(400000))]),
    io:format("hash ~w~n", [erlang:phash2(nest(100000))]),
    io:format("t2b ~w~n", [byte_size(term_to_binary(nest(100000)))]),
    io:format("roundtrip ~w~n", [binary_to_term(term_to_binary(NL)) =:= NL]),
    ok.

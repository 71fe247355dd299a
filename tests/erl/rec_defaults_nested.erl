-module(rec_defaults_nested).
-export([main/0]).

%% Default values that are expressions (evaluated at each creation),
%% deeply nested records, records with many fields, records holding funs.

-record(cfg, {size = 2 * 8, name = atom_to_list(default), list = lists:seq(1, 3),
              sub = #{}, counter = next()}).
-record(node, {val, left = nil, right = nil}).
-record(wide, {f1 = 1, f2 = 2, f3 = 3, f4 = 4, f5 = 5, f6 = 6, f7 = 7, f8 = 8, f9 = 9, f10 = 10,
               f11 = 11, f12 = 12, f13 = 13, f14 = 14, f15 = 15, f16 = 16, f17 = 17, f18 = 18}).
-record(op, {name, f}).

next() ->
    N = case get(counter) of undefined -> 1; C -> C + 1 end,
    put(counter, N),
    N.

insert(V, nil) -> #node{val = V};
insert(V, #node{val = X, left = L} = N) when V < X -> N#node{left = insert(V, L)};
insert(V, #node{right = R} = N) -> N#node{right = insert(V, R)}.

to_list(nil) -> [];
to_list(#node{val = V, left = L, right = R}) -> to_list(L) ++ [V] ++ to_list(R).

depth(nil) -> 0;
depth(#node{left = L, right = R}) -> 1 + max(depth(L), depth(R)).

main() ->
    C1 = #cfg{},
    C2 = #cfg{name = "custom"},
    C3 = #cfg{counter = 100},
    io:format("cfg ~p~n", [C1]),
    io:format("cfg2 ~p~n", [C2]),
    io:format("cfg3 ~p~n", [C3]),
    io:format("counter ~w~n", [get(counter)]),
    T = lists:foldl(fun insert/2, nil, [50, 30, 70, 20, 40, 60, 80, 35]),
    io:format("tree ~w~n", [to_list(T)]),
    io:format("depth ~w~n", [depth(T)]),
    io:format("root ~w left ~w~n", [T#node.val, (T#node.left)#node.val]),
    io:format("deep ~w~n", [((((T#node.left)#node.right)#node.left)#node.val)]),
    W = #wide{},
    W2 = W#wide{f1 = a, f18 = z, f9 = m},
    io:format("wide ~w~n", [W2]),
    io:format("wide size ~w ~w~n", [tuple_size(W), record_info(size, wide)]),
    io:format("wide sum ~w~n", [lists:sum(tl(tuple_to_list(W)))]),
    Ops = [#op{name = double, f = fun(X) -> X * 2 end}, #op{name = neg, f = fun(X) -> -X end}],
    io:format("ops ~w~n", [[{O#op.name, (O#op.f)(21)} || O <- Ops]]),
    ok.

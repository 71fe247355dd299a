-module(lists_misc).
-export([main/0]).

%% Assorted lists functions: uniq, join, search, splitwith, append,
%% subtract, sumlists via foldl, min/max by key, and combinations.

main() ->
    io:format("uniq ~w ~w~n", [lists:uniq([3, 1, 3, 2, 1, 1.0]), lists:uniq([])]),
    io:format("uniq2 ~w~n", [lists:uniq(fun({K, _}) -> K end, [{a, 1}, {b, 2}, {a, 3}])]),
    io:format("join ~p ~p ~p~n", [lists:join(", ", ["a", "b", "c"]), lists:join(x, []), lists:join(x, [y])]),
    io:format("search ~w ~w~n", [lists:search(fun(X) -> X > 2 end, [1, 2, 3, 4]),
                                 lists:search(fun(X) -> X > 9 end, [1, 2])]),
    io:format("partition ~w~n", [lists:partition(fun is_atom/1, [a, 1, b, 2.0, "c"])]),
    Words = string:split("the quick brown fox jumps over the lazy dog", " ", all),
    Longest = lists:foldl(fun(W, Best) when length(W) > length(Best) -> W; (_, Best) -> Best end, "", Words),
    io:format("longest ~s~n", [Longest]),
    Grouped = group([1, 1, 2, 3, 3, 3, 1]),
    io:format("group ~w~n", [Grouped]),
    io:format("pairs ~w~n", [[{X, Y} || X <- [1, 2, 3], Y <- [1, 2, 3], X < Y]]),
    io:format("transpose ~w~n", [transpose([[1, 2, 3], [4, 5, 6]])]),
    io:format("perms ~w~n", [perms([1, 2, 3])]),
    io:format("qsort ~w~n", [qsort([5, 2, 8, 1, 9, 3, 7])]),
    io:format("concat ~s~n", [lists:concat(lists:join("-", [1, two, "three"]))]),
    io:format("applyseq ~w~n", [lists:foldl(fun(F, X) -> F(X) end, 3,
                                            [fun(X) -> X + 1 end, fun(X) -> X * 10 end, fun(X) -> -X end])]),
    ok.

group([]) -> [];
group([H | T]) -> group(T, H, 1, []).
group([H | T], H, N, Acc) -> group(T, H, N + 1, Acc);
group([H | T], P, N, Acc) -> group(T, H, 1, [{P, N} | Acc]);
group([], P, N, Acc) -> lists:reverse([{P, N} | Acc]).

transpose([[] | _]) -> [];
transpose(M) -> [[hd(R) || R <- M] | transpose([tl(R) || R <- M])].

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

-module(lists_sort_usort).
-export([main/0]).

%% lists:sort/1,2 and usort/1,2 with custom orderings; stability; big lists.

main() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
    io:format("sort ~w~n", [lists:sort(L)]),
    io:format("usort ~w~n", [lists:usort(L)]),
    io:format("desc ~w~n", [lists:sort(fun(A, B) -> A >= B end, L)]),
    io:format("udesc ~w~n", [lists:usort(fun(A, B) -> A >= B end, L)]),
    io:format("empty ~w ~w~n", [lists:sort([]), lists:usort([a])]),
    Pairs = [{b, 1}, {a, 2}, {b, 0}, {a, 1}, {c, 5}, {a, 2}],
    io:format("pairs ~w~n", [lists:sort(Pairs)]),
    ByFirst = fun({A, _}, {B, _}) -> A =< B end,
    io:format("stable ~w~n", [lists:sort(ByFirst, Pairs)]),
    io:format("ustable ~w~n", [lists:usort(ByFirst, Pairs)]),
    Strs = ["pear", "Apple", "fig", "apple", "banana", "Fig"],
    io:format("strs ~p~n", [lists:sort(Strs)]),
    io:format("bylen ~p~n", [lists:sort(fun(A, B) -> length(A) =< length(B) end, Strs)]),
    %% a deterministic pseudo-random big list
    Big = rand_list(20000, 12345, []),
    S = lists:sort(Big),
    io:format("big ~w ~w ~w ~w~n", [length(S), hd(S), lists:last(S), sorted(S)]),
    U = lists:usort(Big),
    io:format("ubig ~w ~w~n", [length(U), sorted(U)]),
    io:format("rev ~w~n", [lists:sort(lists:reverse(lists:seq(1, 10))) =:= lists:seq(1, 10)]),
    io:format("sorted ~w ~w~n", [sorted([1, 2, 2, 3]), sorted([2, 1])]),
    ok.

rand_list(0, _, Acc) -> Acc;
rand_list(N, Seed, Acc) ->
    Next = (Seed * 1103515245 + 12345) rem 2147483648,
    rand_list(N - 1, Next, [Next rem 10000 | Acc]).

sorted([A, B | T]) when A =< B -> sorted([B | T]);
sorted([_, _ | _]) -> false;
sorted(_) -> true.

-module(lists_sublist_nth).
-export([main/0]).

%% lists:nth, nthtail, sublist/2,3, split, last, droplast, prefix, suffix.

main() ->
    L = [a, b, c, d, e],
    io:format("nth ~w~n", [[lists:nth(I, L) || I <- [1, 3, 5]]]),
    io:format("nthtail ~w~n", [[lists:nthtail(I, L) || I <- [0, 1, 4, 5]]]),
    io:format("sublist2 ~w~n", [[lists:sublist(L, N) || N <- [0, 1, 3, 5, 10]]]),
    io:format("sublist3 ~w~n", [[lists:sublist(L, S, N)
                                 || {S, N} <- [{1, 2}, {2, 3}, {5, 1}, {4, 10}, {6, 1}, {3, 0}]]]),
    io:format("split ~w~n", [[lists:split(N, L) || N <- [0, 2, 5]]]),
    io:format("last ~w droplast ~w ~w~n", [lists:last(L), lists:droplast(L), lists:droplast([x])]),
    io:format("prefix ~w ~w ~w ~w~n", [lists:prefix([a, b], L), lists:prefix([], L), lists:prefix([b], L),
                                       lists:prefix(L ++ [f], L)]),
    io:format("suffix ~w ~w ~w~n", [lists:suffix([d, e], L), lists:suffix([], L), lists:suffix([c], L)]),
    io:format("strpre ~w~n", [lists:prefix("http", "http://x")]),
    Errs = [fun() -> lists:nth(id(0), L) end, fun() -> lists:nth(id(6), L) end,
            fun() -> lists:nthtail(id(6), L) end, fun() -> lists:split(id(6), L) end,
            fun() -> lists:split(id(-1), L) end, fun() -> lists:last(id([])) end,
            fun() -> lists:droplast(id([])) end, fun() -> lists:sublist(L, id(0), 1) end,
            fun() -> lists:sublist(L, id(-1)) end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("err ~w: ~w~n", [I, R])
      end, lists:zip(lists:seq(1, length(Errs)), Errs)),
    Big = lists:seq(1, 100000),
    io:format("big ~w ~w ~w~n", [lists:nth(77777, Big), hd(lists:nthtail(99999, Big)),
                                 length(element(2, lists:split(40000, Big)))]),
    ok.

id(X) -> X.

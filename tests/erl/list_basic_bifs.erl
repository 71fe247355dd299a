-module(list_basic_bifs).
-export([main/0]).

%% length/1, hd/1, tl/1, is_list/1 and improper lists, with error cases.

main() ->
    Ls = [[], [a], [a, b, c], "hello", [[]], [1 | [2 | [3 | []]]], lists:seq(1, 100000)],
    io:format("length ~w~n", [[length(L) || L <- Ls]]),
    io:format("hd ~p~n", [[hd(L) || L <- tl(Ls)]]),
    io:format("tl ~p~n", [[tl(L) || L <- lists:sublist(tl(Ls), 5)]]),
    io:format("impr hd/tl ~p ~p~n", [hd([a | b]), tl([a | b])]),
    io:format("is_list ~w~n", [[is_list(X) || X <- [[], [a], [a | b], "s", {}, <<>>, a]]]),
    io:format("cons ~p ~p~n", [[x | [y]], [[1, 2] | [3]]]),
    Errs = [fun() -> hd(id([])) end, fun() -> tl(id([])) end, fun() -> hd(id(a)) end,
            fun() -> tl(id({1, 2})) end, fun() -> length(id([a | b])) end,
            fun() -> length(id(a)) end, fun() -> length(id([1, 2 | 3])) end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("err ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Errs)), Errs)),
    io:format("guards ~w~n", [[g(X) || X <- [[], [1], [1, 2, 3], [a | b], foo]]]),
    io:format("walk ~w~n", [walk([1, 2, 3 | tail], [])]),
    ok.

g(L) when length(L) > 2 -> long;
g(L) when hd(L) =:= 1 -> starts_one;
g(L) when tl(L) =:= b -> improper_b;
g([]) -> empty;
g(_) -> other.

walk([H | T], Acc) -> walk(T, [H | Acc]);
walk(Tail, Acc) -> {lists:reverse(Acc), Tail}.

id(X) -> X.

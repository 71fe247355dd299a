-module(list_append_subtract).
-export([main/0]).

%% The ++ and -- operators: ordering, duplicates, improper tails, errors.

main() ->
    io:format("app ~p~n", [[[1, 2] ++ [3], [] ++ [a], [a] ++ [], [] ++ [], "ab" ++ "cd"]]),
    io:format("tail ~p ~p ~p~n", [[1] ++ 2, [1, 2] ++ {x}, [] ++ atom]),
    io:format("nested ~p~n", [[[1]] ++ [[2]]]),
    io:format("assoc ~w~n", [([1] ++ [2]) ++ [3] =:= [1] ++ ([2] ++ [3])]),
    io:format("sub ~p~n", [[[1, 2, 3, 2, 1] -- [2], [1, 2, 3, 2, 1] -- [2, 2], [1, 2, 3] -- [4],
                            [1, 2, 3] -- [], [] -- [1], [a, b, a, b] -- [b, a, b],
                            "hello world" -- "lo", [1, 1.0, 1] -- [1.0]]]),
    io:format("rightassoc ~p~n", [[1, 2, 3] -- [1, 2] -- [2]]),
    io:format("mixed ~p~n", [[1, 2] ++ [3] -- [2, 3]]),
    Big = lists:seq(1, 5000),
    io:format("bigsub ~w~n", [length(Big -- lists:seq(2, 5000, 2))]),
    io:format("bigsub2 ~w~n", [lists:sum((Big ++ Big) -- Big)]),
    io:format("bigapp ~w~n", [length(Big ++ Big ++ Big)]),
    io:format("deep ~p~n", [[{a, [1]}, {b}] -- [{b}]]),
    Errs = [fun() -> id(a) ++ [1] end, fun() -> id([1 | 2]) ++ [3] end,
            fun() -> id([1]) -- id(a) end, fun() -> id(a) -- [1] end,
            fun() -> id([1 | 2]) -- [1] end, fun() -> [1, 2] -- id([1 | 2]) end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("err ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Errs)), Errs)),
    ok.

id(X) -> X.

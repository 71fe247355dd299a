-module(lists_foreach_effects).
-export([main/0]).

%% lists:foreach for side effects (printing) and its evaluation order, plus
%% the order in which map, foldl and foldr call their function.

main() ->
    lists:foreach(fun(X) -> io:format("item ~p~n", [X]) end, [one, "two", 3, {four}]),
    lists:foreach(fun(_) -> io:format("never~n") end, []),
    R = lists:foreach(fun(X) -> X end, [a]),
    io:format("returns ~w~n", [R]),
    lists:map(fun(X) -> io:format("map ~w~n", [X]) end, [1, 2, 3]),
    lists:foldl(fun(X, _) -> io:format("foldl ~w~n", [X]) end, ok, [1, 2, 3]),
    lists:foldr(fun(X, _) -> io:format("foldr ~w~n", [X]) end, ok, [1, 2, 3]),
    lists:filter(fun(X) -> io:format("filter ~w~n", [X]), true end, [1, 2]),
    lists:any(fun(X) -> io:format("any ~w~n", [X]), X > 1 end, [1, 2, 3]),
    lists:all(fun(X) -> io:format("all ~w~n", [X]), X < 2 end, [1, 2, 3]),
    _ = [io:format("lc ~w~n", [X]) || X <- [a, b]],
    lists:foreach(fun({K, V}) -> io:format("~s=~p~n", [K, V]) end, [{"x", 1}, {"y", [2]}]),
    Cnt = lists:foldl(fun(X, N) -> io:format("~w:~w ", [N, X]), N + 1 end, 0, [p, q, r]),
    io:format("~ncount ~w~n", [Cnt]),
    E = try lists:foreach(fun(X) -> io:format("before ~w~n", [X]), 1 = X end, [1, 2, 3])
        catch C:Reason -> {C, Reason} end,
    io:format("stopped ~w~n", [E]),
    ok.

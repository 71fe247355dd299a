-module(lists_filter_partition).
-export([main/0]).

%% lists:filter, partition, filtermap, splitwith, takewhile, dropwhile,
%% any, all.

main() ->
    L = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0],
    Even = fun(X) -> X rem 2 =:= 0 end,
    Small = fun(X) -> X < 5 end,
    io:format("filter ~w ~w~n", [lists:filter(Even, L), lists:filter(Small, [])]),
    io:format("partition ~w~n", [lists:partition(Even, L)]),
    io:format("filtermap ~w~n", [lists:filtermap(fun(X) when X > 5 -> {true, X * 10};
                                                  (X) -> X =:= 0 end, L)]),
    io:format("takewhile ~w ~w ~w~n", [lists:takewhile(fun(X) -> X > 2 end, L),
                                       lists:takewhile(Small, L), lists:takewhile(Even, [])]),
    io:format("dropwhile ~w ~w~n", [lists:dropwhile(fun(X) -> X > 2 end, L),
                                    lists:dropwhile(fun(_) -> true end, L)]),
    io:format("splitwith ~w~n", [lists:splitwith(fun(X) -> X > 2 end, L)]),
    io:format("any ~w ~w ~w~n", [lists:any(Even, L), lists:any(fun(X) -> X > 100 end, L),
                                 lists:any(Even, [])]),
    io:format("all ~w ~w ~w~n", [lists:all(fun is_integer/1, L), lists:all(Even, L), lists:all(Even, [])]),
    io:format("strings ~p~n", [lists:filter(fun(S) -> length(S) > 3 end, ["a", "abcd", "xyz", "hello"])]),
    R = try lists:filter(fun(X) -> X end, id([true, 1])) catch C:E -> {C, E} end,
    io:format("notbool ~w~n", [R]),
    R2 = try lists:all(fun(X) -> X end, id([true, maybe_not])) catch C2:E2 -> {C2, E2} end,
    io:format("all notbool ~w~n", [R2]),
    ok.

id(X) -> X.

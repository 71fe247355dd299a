-module(lists_zip_unzip).
-export([main/0]).

%% lists:zip, zip3, unzip, unzip3, zipwith, zipwith3, enumerate.

main() ->
    A = [1, 2, 3], B = [a, b, c], C = ["x", "y", "z"],
    io:format("zip ~p~n", [lists:zip(A, B)]),
    io:format("zip3 ~p~n", [lists:zip3(A, B, C)]),
    io:format("unzip ~p~n", [lists:unzip([{1, a}, {2, b}])]),
    io:format("unzip3 ~p~n", [lists:unzip3([{1, a, x}, {2, b, y}])]),
    io:format("zipwith ~w~n", [lists:zipwith(fun(X, Y) -> X * Y end, A, [10, 20, 30])]),
    io:format("zipwith3 ~w~n", [lists:zipwith3(fun(X, Y, Z) -> X + Y + Z end, A, A, A)]),
    io:format("empty ~w ~w~n", [lists:zip([], []), lists:unzip([])]),
    io:format("enumerate ~p~n", [lists:enumerate([a, b, c])]),
    io:format("enumerate2 ~p~n", [lists:enumerate(10, [x, y])]),
    io:format("roundtrip ~w~n", [lists:unzip(lists:zip(A, B)) =:= {A, B}]),
    R = try lists:zip(id([1, 2]), id([a])) catch C1:E1 -> {C1, E1} end,
    io:format("mismatch ~w~n", [R]),
    R2 = try lists:unzip(id([{1, 2}, {3}])) catch C2:E2 -> {C2, E2} end,
    io:format("badunzip ~w~n", [R2]),
    Big = lists:seq(1, 50000),
    {X1, X2} = lists:unzip(lists:zip(Big, lists:reverse(Big))),
    io:format("big ~w ~w~n", [lists:sum(X1), hd(X2)]),
    ok.

id(X) -> X.

-module(match_operator).
-export([main/0]).

%% The match operator '=': in bodies (returns the right side), chained,
%% aliases inside patterns (Pat = Var), in function heads, and badmatch
%% errors with various values.

head({point, X, Y} = P) -> {P, X + Y}.

main() ->
    A = B = id(7),
    io:format("chain ~w ~w~n", [A, B]),
    V = 1 + (fun() -> _Q = id(3) end)(),
    io:format("value ~w~n", [V]),
    {X, Y} = T = id({1, 2}),
    io:format("alias ~w ~w ~w~n", [X, Y, T]),
    [H | _] = L = id([a, b, c]),
    io:format("listalias ~w ~w~n", [H, L]),
    io:format("head ~w~n", [head({point, 3, 4})]),
    {ok, {_, Inner} = Whole} = id({ok, {w, 9}}),
    io:format("inneralias ~w ~w~n", [Inner, Whole]),
    Same = {x} = id({x}),
    io:format("same ~w~n", [Same]),
    D = {E, F} = id({e, f}),
    io:format("both sides ~w ~w ~w~n", [D, E, F]),
    Bad = [fun() -> {_, _} = id({1, 2, 3}) end, fun() -> [_] = id([]) end,
           fun() -> 1 = id(1.0) end, fun() -> a = id(b) end,
           fun() -> "abc" = id("abd") end, fun() -> {Q, Q} = id({1, 2}) end,
           fun() -> <<_:8>> = id(<<1, 2>>) end],
    lists:foreach(
      fun({I, G}) ->
              R = try G() catch Cl:Er -> {Cl, Er} end,
              io:format("bad ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Bad)), Bad)),
    R2 = try head(id({circle, 1})) catch C2:E2 -> {C2, E2} end,
    io:format("function_clause ~p~n", [R2]),
    ok.

id(X) -> X.

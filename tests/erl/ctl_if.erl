-module(ctl_if).
-export([main/0]).

%% if expressions: ordered guard evaluation, true as catch-all, guard
%% sequences, failing guards, if_clause errors, and if as a value.

sign(X) ->
    if X > 0 -> pos;
       X < 0 -> neg;
       true -> zero
    end.

fizz(N) ->
    if N rem 15 =:= 0 -> fizzbuzz;
       N rem 3 =:= 0 -> fizz;
       N rem 5 =:= 0 -> buzz;
       true -> N
    end.

grade(S) ->
    if S >= 90 -> a;
       S >= 80, S < 90 -> b;
       S >= 70; S =:= bonus -> c;
       true -> f
    end.

main() ->
    io:format("sign ~w~n", [[sign(X) || X <- [5, -5, 0, 0.0, 1 bsl 80, -0.5]]]),
    io:format("fizz ~w~n", [[fizz(N) || N <- lists:seq(1, 20)]]),
    io:format("grade ~w~n", [[grade(S) || S <- [95, 85, 75, bonus, 10]]]),
    io:format("guardfail ~w~n", [[if hd(X) > 0 -> head_pos; true -> no end || X <- [[1], [0], [], foo]]]),
    X = id(7),
    Y = if X > 5 -> big; true -> small end,
    io:format("value ~w~n", [Y]),
    io:format("nested ~w~n", [[if A > 0 -> if A > 10 -> huge; true -> pos end; true -> nonpos end
                               || A <- [20, 5, -1]]]),
    One = id(1), Atom = id(a),
    R = try if One > 2 -> never end catch C:E -> {C, E} end,
    io:format("noclause ~w~n", [R]),
    R2 = try if Atom + 1 > 0 -> never end catch C2:E2 -> {C2, E2} end,
    io:format("noclause2 ~w~n", [R2]),
    ok.

id(X) -> X.

-module(lists_max_min_sum).
-export([main/0]).

%% lists:max, min, sum, member, delete, subtract, last, usort on mixed terms.

main() ->
    Ns = [3, -7, 2.5, 1 bsl 64, 0, -0.5],
    io:format("max ~w min ~w sum ~w~n", [lists:max(Ns), lists:min(Ns), lists:sum(Ns)]),
    io:format("sum ints ~w sum empty ~w~n", [lists:sum(lists:seq(1, 1000)), lists:sum([])]),
    io:format("sum floats ~w~n", [lists:sum([0.1, 0.2, 0.3])]),
    Terms = [b, {1}, "str", 42, [], a],
    io:format("tmax ~p tmin ~p~n", [lists:max(Terms), lists:min(Terms)]),
    io:format("single ~w ~w~n", [lists:max([x]), lists:min([x])]),
    io:format("member ~w ~w ~w ~w~n", [lists:member(3, Ns), lists:member(3.0, Ns),
                                       lists:member({1}, Terms), lists:member(z, [])]),
    io:format("delete ~w ~w ~w~n", [lists:delete(2, [1, 2, 3, 2]), lists:delete(9, [1]), lists:delete(a, [])]),
    io:format("subtract ~w~n", [lists:subtract([1, 2, 3, 2, 1], [1, 2])]),
    R = try lists:max(id([])) catch C:E -> {C, E} end,
    R2 = try lists:min(id([])) catch C2:E2 -> {C2, E2} end,
    R3 = try lists:sum(id([1, a])) catch C3:E3 -> {C3, E3} end,
    io:format("errs ~w ~w ~w~n", [R, R2, R3]),
    Big = [((I * 7919) rem 10007) - 5000 || I <- lists:seq(1, 20000)],
    io:format("big ~w ~w ~w~n", [lists:max(Big), lists:min(Big), lists:sum(Big)]),
    ok.

id(X) -> X.

-module(fun_external_local).
-export([main/0, exported/1, exported/2]).

%% fun Name/Arity (local), fun Module:Name/Arity (external), funs built from
%% runtime module/function names, and erlang:fun_info on each.

exported(X) -> {exported, X}.
exported(X, Y) -> {exported2, X, Y}.
local(X) -> {local, X}.

main() ->
    L = fun local/1,
    E = fun ?MODULE:exported/1,
    E2 = fun fun_external_local:exported/2,
    B = fun erlang:abs/1,
    Ls = fun lists:reverse/1,
    io:format("calls ~p ~p ~p ~p ~p~n", [L(1), E(2), E2(3, 4), B(-5), Ls([1, 2])]),
    M = id(lists), F = id(seq), A = id(2),
    Dyn = fun M:F/A,
    io:format("dynamic ~w~n", [Dyn(1, 4)]),
    io:format("printed ~p ~p ~p~n", [E, B, Dyn]),
    io:format("ext info ~p~n", [[erlang:fun_info(E, K) || K <- [module, name, arity, type, env]]]),
    io:format("bif info ~p~n", [[erlang:fun_info(B, K) || K <- [module, name, arity, type]]]),
    io:format("local info ~p~n", [[erlang:fun_info(L, K) || K <- [module, arity, type]]]),
    io:format("eq ~w ~w ~w~n", [E =:= fun ?MODULE:exported/1, Dyn =:= fun lists:seq/2, E =:= E2]),
    io:format("is_function ~w~n", [[is_function(X, 1) || X <- [L, E, E2, B, Dyn]]]),
    io:format("map ~w~n", [lists:map(fun erlang:abs/1, [-1, 2, -3])]),
    io:format("sortfun ~w~n", [lists:sort(fun erlang:'>='/2, [1, 3, 2])]),
    io:format("ops ~w~n", [[(fun erlang:'+'/2)(1, 2), (fun erlang:'*'/2)(3, 4), (fun erlang:'-'/1)(5)]]),
    Missing = id(nonexistent),
    Undef = fun ?MODULE:Missing/1,
    R = try Undef(1) catch C:Er -> {C, Er} end,
    io:format("undef ~p~n", [R]),
    R2 = try (id(fun lists:nosuch/3))(1, 2, 3) catch C2:Er2 -> {C2, Er2} end,
    io:format("undef2 ~p~n", [R2]),
    R3 = try (id(fun lists:seq/2))(1) catch C3:Er3 -> {C3, element(1, Er3)} end,
    io:format("badarity ~p~n", [R3]),
    ok.

id(X) -> X.

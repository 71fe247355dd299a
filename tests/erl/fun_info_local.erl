-module(fun_info_local).
-export([main/0]).

%% erlang:fun_info/1,2 on local funs: module, name, arity, type, env
%% (values of captured variables), plus the errors for bad items. The
%% pid, index and uniq items are not printed.

mk(A, B) -> fun(X) -> {A, B, X} end.

main() ->
    F0 = fun() -> zero end,
    F2 = fun(X, Y) -> X + Y end,
    A = 1, B = "two",
    Fc = mk(A, B),
    Named = fun Loop(0) -> done; Loop(N) -> Loop(N - 1) end,
    lists:foreach(
      fun({Label, F}) ->
              io:format("~s: ~p~n", [Label, [erlang:fun_info(F, K) || K <- [module, name, arity, type, env]]])
      end, [{"f0", F0}, {"f2", F2}, {"closure", Fc}, {"named", Named}]),
    All = erlang:fun_info(F2),
    io:format("keys ~p~n", [[K || {K, _} <- All]]),
    io:format("arity via all ~p~n", [proplists:get_value(arity, All)]),
    io:format("ext keys ~p~n", [[K || {K, _} <- erlang:fun_info(fun lists:map/2)]]),
    R = try erlang:fun_info(F0, bogus) catch C:E -> {C, E} end,
    io:format("bogus ~p~n", [R]),
    R2 = try erlang:fun_info(id(notfun), arity) catch C2:E2 -> {C2, E2} end,
    io:format("notfun ~p~n", [R2]),
    io:format("calls ~p ~p ~p ~p~n", [F0(), F2(1, 2), Fc(x), Named(3)]),
    ok.

id(X) -> X.

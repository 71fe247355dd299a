-module(exc_stack_funs).
-export([main/0]).

%% Stack traces through funs, list comprehensions and higher-order
%% library calls; frame names of funs come from the compiler.
%% beamr: per-release-output

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell, lists])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

run(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~p~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~p~n  ~p~n", [Label, {C, R}, st(S)])
    end.

id(X) -> X.

inv(L) -> [1 / X || X <- L].

apply_twice(F, X) -> F(F(X)) + 0.

main() ->
    run("lc", fun() -> inv(id([1, 2, 0])) end),
    run("apply twice", fun() -> apply_twice(fun(X) -> element(2, X) end, {a, {b}}) end),
    run("fun in map", fun() -> lists:map(fun(X) -> X = 1 end, id([1, 2])) end),
    run("binary lc", fun() -> << <<(X * 2)>> || <<X>> <= id(<<1, 2>>), X < id(a) >> end),
    run("fun value", fun() -> F = fun(X) -> X end, {F(1), fun(Y) -> Y end} end),
    ok.

-module(exc_function_clause).
-export([main/0]).

%% function_clause errors: the top frame shows the actual arguments, for
%% local functions, funs, and library functions.

id(X) -> X.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

run(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~p~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~p~n  ~p~n", [Label, {C, R}, st(S)])
    end.

only_pos(N) when is_integer(N), N > 0 -> N.

pair({A, B}, C) when A < B -> {A, B, C}.

three(a, b, c) -> ok;
three(x, y, z) -> ok.

deep(0, X) -> only_pos(X);
deep(N, X) -> [deep(N - 1, X)].

main() ->
    run("local", fun() -> only_pos(id(-5)) end),
    run("local atom", fun() -> only_pos(id(atom)) end),
    run("two args", fun() -> pair(id({3, 1}), "c") end),
    run("three args", fun() -> three(id(a), b, [big, "list", <<"bin">>]) end),
    run("nested", fun() -> deep(3, id(0)) end),
    run("fun", fun() -> F = fun(ok) -> fine end, F(id(notok)) end),
    run("big arg", fun() -> only_pos(id(lists:seq(1, 30))) end),
    ok.

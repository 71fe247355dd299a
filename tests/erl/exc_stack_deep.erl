-module(exc_stack_deep).
-export([main/0]).

%% Stack traces from deep recursion: only the innermost frames are kept
%% (the default backtrace depth is 8), tail calls leave no frame, and
%% mutual recursion shows alternating frames.  The failing leaf can also
%% return normally, so the compiler keeps the recursive calls non-tail.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

run(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~p~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~p ~p frames~n  ~p~n", [Label, {C, R}, length(st(S)), st(S)])
    end.

id(X) -> X.

leaf(X) -> 100 div id(X).

body(0) -> leaf(0);
body(N) -> 1 + body(N - 1).

tail(0) -> leaf(0);
tail(N) -> tail(N - 1).

ping(0) -> element(1, id(done));
ping(N) -> [pong(N - 1)].

pong(0) -> atom_to_list(id("done"));
pong(N) -> {ping(N - 1)}.

crash_in_list([H | T]) -> [10 div H | crash_in_list(T)];
crash_in_list([]) -> [].

main() ->
    run("body 3", fun() -> body(3) end),
    run("body 100000", fun() -> body(100000) end),
    run("tail 100000", fun() -> tail(100000) end),
    run("ping 5", fun() -> ping(5) end),
    run("ping 6", fun() -> ping(6) end),
    run("div in list", fun() -> crash_in_list([5, 2, 1, 0, 3]) end),
    ok.

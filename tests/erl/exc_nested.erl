-module(exc_nested).
-export([main/0]).

%% Nested try/catch: inner handlers that rethrow, catch inside after,
%% exceptions replacing each other, and the stack trace kept when a
%% handler re-raises with erlang:raise/3.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

id(X) -> X.

inner(X) -> 10 div id(X).

level2(X) ->
    try inner(X)
    catch error:badarith:S -> erlang:raise(error, {level2, badarith}, S)
    end.

level1(X) ->
    try level2(X) of
        V -> {ok, V}
    catch
        error:{level2, R} -> {recovered, R}
    end.

translate(F) ->
    try F()
    catch
        throw:T -> {thrown, T};
        error:E -> error({translated, E})
    end.

main() ->
    io:format("level1 ok ~p~n", [level1(5)]),
    io:format("level1 err ~p~n", [level1(0)]),
    R = try level2(0) catch C:E:S -> {C, E, st(S)} end,
    io:format("kept trace ~p~n", [R]),
    io:format("translate throw ~p~n", [translate(fun() -> throw(x) end)]),
    io:format("translate error ~p~n", [try translate(fun() -> error(y) end) catch error:Z -> Z end]),
    io:format("translate exit ~p~n", [try translate(fun() -> exit(z) end) catch exit:Z2 -> {exit, Z2} end]),
    After = try
                try error(first)
                after
                    try error(in_after) catch error:in_after -> ok end
                end
            catch error:W -> {outer_sees, W}
            end,
    io:format("catch in after ~p~n", [After]),
    Replace = try
                  try throw(original)
                  after error(replacement)
                  end
              catch C2:W2 -> {C2, W2}
              end,
    io:format("after replaces ~p~n", [Replace]),
    Deep = lists:foldl(fun(I, Acc) ->
                               try
                                   case I rem 3 of
                                       0 -> throw({I, Acc});
                                       1 -> error({I, Acc});
                                       2 -> exit({I, Acc})
                                   end
                               catch
                                   throw:{N, _} -> N + Acc;
                                   error:{N, _} -> N * 2 + Acc;
                                   exit:{N, _} -> N * 3 + Acc
                               end
                       end, 0, lists:seq(1, 10)),
    io:format("loop ~p~n", [Deep]),
    Nest = fun Nest(0) -> throw(bottom);
               Nest(N) -> try Nest(N - 1) catch throw:bottom when N =:= 5 -> {caught_at, N} end
           end,
    io:format("nest ~p~n", [Nest(8)]),
    ok.

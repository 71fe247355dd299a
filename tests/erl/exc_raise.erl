-module(exc_raise).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% erlang:raise/3: re-raising with a saved stack trace, raising each
%% class, invalid arguments (raise returns badarg instead).

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

fail(X) -> error({failed, X}).

rethrow(F) ->
    try F()
    catch C:R:S -> erlang:raise(C, {wrapped, R}, S)
    end.

main() ->
    R1 = try rethrow(fun() -> fail(1) end) catch C1:E1:S1 -> {C1, E1, st(S1)} end,
    io:format("rethrow error ~p~n", [R1]),
    R2 = try rethrow(fun() -> throw(t) end) catch C2:E2 -> {C2, E2} end,
    io:format("rethrow throw ~p~n", [R2]),
    R3 = try rethrow(fun() -> exit(x) end) catch C3:E3 -> {C3, E3} end,
    io:format("rethrow exit ~p~n", [R3]),
    Fake = [{fake_mod, fake_fun, 2, [{file, "fake.erl"}, {line, 99}]},
            {other, f, [a, b], []}],
    R4 = try erlang:raise(error, custom, Fake) catch C4:E4:S4 -> {C4, E4, S4} end,
    io:format("custom stack ~p~n", [R4]),
    R5 = try erlang:raise(throw, thrown, []) catch C5:E5:S5 -> {C5, E5, st(S5)} end,
    io:format("empty stack ~p~n", [R5]),
    io:format("bad class ~p~n", [catch erlang:raise(bogus, r, [])]),
    io:format("bad stack ~p~n", [catch erlang:raise(error, r, not_a_list)]),
    io:format("bad frame ~p~n", [catch erlang:raise(error, r, [{a, b}])]),
    io:format("improper ~p~n", [catch erlang:raise(error, r, [{m, f, 0, []} | x])]),
    R6 = try erlang:raise(exit, {nested, [1]}, [{m, f, 1, [{line, 5}]}])
         catch exit:{nested, L}:S6 -> {L, S6} end,
    io:format("exit raise ~p~n", [R6]),
    ok.

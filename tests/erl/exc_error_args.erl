-module(exc_error_args).
-export([main/0]).

%% error/2 and error/3: the argument list replaces the arity in the top
%% stack frame, and error_info is passed through as given.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

checked(X, Y) when is_integer(X) -> X + Y;
checked(X, Y) -> error(badarg, [X, Y]).

with_info(X) -> error(bad_value, [X], [{error_info, #{module => ?MODULE, cause => X}}]).

none(_X) -> error(plain, none).

run(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~p~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~p~n  ~p~n", [Label, {C, R}, st(S)])
    end.

main() ->
    run("checked ok", fun() -> checked(1, 2) end),
    run("checked bad", fun() -> checked(a, 2) end),
    run("with info", fun() -> with_info({some, data}) end),
    run("none", fun() -> none(1) end),
    run("atom args", fun() -> error(reason, not_a_list) end),
    ok.

-module(gt_let_assert).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, token/0]).

-type dynamic_() :: any().

-type token() :: {word, binary()} | {number, integer()} | {sym, binary()}.

-spec expect_number(token()) -> integer().
expect_number(T) ->
    {number, N} = case T of
        {number, _} -> T;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"gt_let_assert"/utf8>>,
                        function => <<"expect_number"/utf8>>,
                        line => 15})
    end,
    N.

-spec sum(list(token()), integer()) -> integer().
sum(Ts, Acc) ->
    case Ts of
        [] ->
            Acc;

        [T | Rest] ->
            N = expect_number(T),
            io:format(<<"running total ~b~n"/utf8>>, [Acc + N]),
            sum(Rest, Acc + N)
    end.

-spec main() -> integer().
main() ->
    Tokens = [{number, 1},
        {number, 22},
        {word, <<"héllo wörld"/utf8>>},
        {number, 3}],
    sum(Tokens, 0).

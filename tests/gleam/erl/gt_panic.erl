-module(gt_panic).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([account/0]).

-type account() :: {account, binary(), integer()}.

-spec withdraw(account(), integer()) -> account().
withdraw(A, Amount) ->
    case Amount > erlang:element(3, A) of
        true ->
            erlang:error(#{gleam_error => panic,
                    message => <<"insufficient funds"/utf8>>,
                    module => <<"gt_panic"/utf8>>,
                    function => <<"withdraw"/utf8>>,
                    line => 13});

        false ->
            erlang:setelement(3, A, erlang:element(3, A) - Amount)
    end.

-spec run(account(), list(integer())) -> account().
run(A, Amounts) ->
    case Amounts of
        [] ->
            A;

        [X | Rest] ->
            A2 = withdraw(A, X),
            io:format(
                <<"withdrew ~b, left ~b~n"/utf8>>,
                [X, erlang:element(3, A2)]
            ),
            Result = run(A2, Rest),
            io:format(<<"unreachable~n"/utf8>>, []),
            Result
    end.

-spec main() -> nil.
main() ->
    A = {account, <<"Zoë"/utf8>>, 100},
    run(A, [10, 20, 30, 50, 5]),
    nil.

-module(gt_throw).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([abort/0]).

-type abort() :: {abort, binary(), list(integer()), {float(), list(binary())}}.

-spec step(integer()) -> integer().
step(N) ->
    case N > 3 of
        true ->
            erlang:throw(
                {abort,
                    <<"too many steps: ünïcode"/utf8>>,
                    [N, N * 2, N * 3],
                    {1.5, [<<"x"/utf8>>, <<"y"/utf8>>]}}
            );

        false ->
            io:format(<<"step ~b~n"/utf8>>, [N]),
            step(N + 1) + 1
    end.

-spec main() -> integer().
main() ->
    step(1).

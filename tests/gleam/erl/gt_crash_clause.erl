-module(gt_crash_clause).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec roots(list(float())) -> list(float()).
roots(Xs) ->
    case Xs of
        [] ->
            [];

        [X | Rest] ->
            R = gt_ffi:positive_sqrt(X),
            io:format(<<"sqrt ~p = ~p~n"/utf8>>, [X, R]),
            [R | roots(Rest)]
    end.

-spec main() -> list(float()).
main() ->
    roots([4.0, 2.25, -1.0, 9.0]).

-module(gt_panic_closure).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, entry/0]).

-type dynamic_() :: any().

-type entry() :: {entry, integer(), binary(), list(integer())}.

-spec foreach(fun((LJ) -> any()), list(LJ)) -> nil.
foreach(F, L) ->
    case L of
        [] ->
            nil;

        [X | Rest] ->
            F(X),
            foreach(F, Rest)
    end.

-spec main() -> nil.
main() ->
    Entries = [{entry, 1, <<"Ünal"/utf8>>, [90, 85]},
        {entry, 2, <<"Zoë"/utf8>>, [70]},
        {entry, 3, <<"Ola"/utf8>>, []},
        {entry, 4, <<"Никола"/utf8>>, [60, 61, 62]}],
    foreach(
        fun(E) ->
            _assert_subject = erlang:element(4, E),
            [Best | _] = case _assert_subject of
                [_ | _] -> _assert_subject;
                _assert_fail ->
                    erlang:error(#{gleam_error => let_assert,
                                message => <<"Assertion pattern match failed"/utf8>>,
                                value => _assert_fail,
                                module => <<"gt_panic_closure"/utf8>>,
                                function => <<"main"/utf8>>,
                                line => 34})
            end,
            io:format(
                <<"~ts: ~b~n"/utf8>>,
                erlang:tuple_to_list({erlang:element(3, E), Best})
            )
        end,
        Entries
    ).

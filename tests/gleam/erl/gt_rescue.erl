-module(gt_rescue).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec half(integer()) -> integer().
half(N) ->
    case N rem 2 of
        0 ->
            N div 2;

        _ ->
            erlang:error(#{gleam_error => panic,
                    message => <<"odd number"/utf8>>,
                    module => <<"gt_rescue"/utf8>>,
                    function => <<"half"/utf8>>,
                    line => 28})
    end.

-spec first(list(AGG)) -> AGG.
first(L) ->
    [X | _] = case L of
        [_ | _] -> L;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"gt_rescue"/utf8>>,
                        function => <<"first"/utf8>>,
                        line => 33})
    end,
    X.

-spec unfinished() -> integer().
unfinished() ->
    erlang:error(#{gleam_error => todo,
            message => <<"This has not yet been implemented"/utf8>>,
            module => <<"gt_rescue"/utf8>>,
            function => <<"unfinished"/utf8>>,
            line => 38}).

-spec bare_panic() -> integer().
bare_panic() ->
    erlang:error(#{gleam_error => panic,
            message => <<"panic expression evaluated"/utf8>>,
            module => <<"gt_rescue"/utf8>>,
            function => <<"bare_panic"/utf8>>,
            line => 42}).

-spec main() -> nil.
main() ->
    p(gt_ffi:rescue(fun() -> half(10) end)),
    p(gt_ffi:rescue(fun() -> half(7) end)),
    p(gt_ffi:rescue(fun() -> first([1, 2]) end)),
    p(gt_ffi:rescue(fun() -> first([]) end)),
    p(gt_ffi:rescue(fun() -> unfinished() end)),
    p(gt_ffi:rescue(fun() -> bare_panic() end)),
    p(gt_ffi:rescue(fun() -> erlang:throw({<<"thrown"/utf8>>, 1}) end)),
    p(
        gt_ffi:rescue(
            fun() -> erlang:exit(erlang:binary_to_atom(<<"shutdown"/utf8>>)) end
        )
    ),
    p(
        gt_ffi:rescue(
            fun() ->
                _assert_subject = {error, <<"nope"/utf8>>},
                {ok, V} = case _assert_subject of
                    {ok, _} -> _assert_subject;
                    _assert_fail ->
                        erlang:error(#{gleam_error => let_assert,
                                    message => <<"Assertion pattern match failed"/utf8>>,
                                    value => _assert_fail,
                                    module => <<"gt_rescue"/utf8>>,
                                    function => <<"main"/utf8>>,
                                    line => 55})
                end,
                V
            end
        )
    ).

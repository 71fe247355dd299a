-module(gt_ring).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, pid_/0, ref/0, msg/0]).

-type dynamic_() :: any().

-type pid_() :: any().

-type ref() :: any().

-type msg() :: {next, pid_()} | {token, integer(), list(integer())}.

-spec relay(integer(), pid_()) -> nil.
relay(Id, Next) ->
    case gt_ffi:receive_any(5000) of
        {ok, {token, 0, Trail}} ->
            gt_ffi:send(Next, {token, 0, Trail});

        {ok, {token, Hops, Trail@1}} ->
            gt_ffi:send(Next, {token, Hops - 1, [Id | Trail@1]}),
            relay(Id, Next);

        _ ->
            nil
    end.

-spec node(integer()) -> nil.
node(Id) ->
    _assert_subject = gt_ffi:receive_any(5000),
    {ok, {next, Next}} = case _assert_subject of
        {ok, {next, _}} -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"gt_ring"/utf8>>,
                        function => <<"node"/utf8>>,
                        line => 49})
    end,
    relay(Id, Next).

-spec start(integer(), list(pid_())) -> list(pid_()).
start(N, Acc) ->
    case N of
        0 ->
            Acc;

        _ ->
            start(N - 1, [gt_ffi:spawn(fun() -> node(N) end) | Acc])
    end.

-spec link_up(list(pid_()), pid_()) -> nil.
link_up(Ps, First) ->
    case Ps of
        [] ->
            nil;

        [A] ->
            gt_ffi:send(A, {next, First});

        [A@1, B | Rest] ->
            gt_ffi:send(A@1, {next, B}),
            link_up([B | Rest], First)
    end.

-spec length(list(any())) -> integer().
length(L) ->
    case L of
        [] ->
            0;

        [_ | Xs] ->
            1 + length(Xs)
    end.

-spec main() -> nil.
main() ->
    Me = gt_ffi:self(),
    Ring = start(10, []),
    [First | _] = case Ring of
        [_ | _] -> Ring;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"gt_ring"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 92})
    end,
    link_up(Ring, Me),
    gt_ffi:send(First, {token, 35, []}),
    _assert_subject = gt_ffi:receive_any(5000),
    {ok, {token, Hops, Trail}} = case _assert_subject of
        {ok, {token, _, _}} -> _assert_subject;
        _assert_fail@1 ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail@1,
                        module => <<"gt_ring"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 95})
    end,
    io:format(
        <<"hops left ~b, trail length ~b~n"/utf8>>,
        erlang:tuple_to_list({Hops, length(Trail)})
    ),
    io:format(<<"~w~n"/utf8>>, [Trail]),
    Doomed = gt_ffi:spawn(
        fun() ->
            gt_ffi:receive_any(5000),
            case gt_ffi:rescue(fun() -> erlang:error(#{gleam_error => panic,
                            message => <<"worker gave up"/utf8>>,
                            module => <<"gt_ring"/utf8>>,
                            function => <<"main"/utf8>>,
                            line => 100}) end) of
                {ok, _} ->
                    nil;

                {error, Reason} ->
                    erlang:exit({<<"panicked"/utf8>>, Reason})
            end
        end
    ),
    Ref = gt_ffi:monitor(Doomed),
    gt_ffi:send(Doomed, <<"go"/utf8>>),
    Reason@1 = gt_ffi:receive_down(Ref),
    io:format(<<"~p~n"/utf8>>, [Reason@1]),
    Calm = gt_ffi:spawn(fun() -> gt_ffi:receive_any(5000) end),
    Ref2 = gt_ffi:monitor(Calm),
    gt_ffi:send(Calm, <<"bye"/utf8>>),
    io:format(<<"~p~n"/utf8>>, [gt_ffi:receive_down(Ref2)]).

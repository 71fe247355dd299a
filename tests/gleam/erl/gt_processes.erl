-module(gt_processes).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, pid_/0, tag/0, request/0]).

-type dynamic_() :: any().

-type pid_() :: any().

-type tag() :: result | log | done.

-type request() :: {square, pid_(), integer()} |
    {sum, pid_(), list(integer())} |
    stop.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec sum(list(integer())) -> integer().
sum(L) ->
    case L of
        [] ->
            0;

        [X | Xs] ->
            X + sum(Xs)
    end.

-spec worker(integer()) -> nil.
worker(Id) ->
    case gt_ffi:receive_any(5000) of
        {ok, {square, From, N}} ->
            gt_ffi:send(From, {result, {Id, N * N}}),
            worker(Id);

        {ok, {sum, From@1, Ns}} ->
            gt_ffi:send(From@1, {log, <<"summing"/utf8>>}),
            gt_ffi:send(From@1, {result, {Id, sum(Ns)}}),
            worker(Id);

        {ok, stop} ->
            nil;

        {error, nil} ->
            nil
    end.

-spec collect(integer(), list({integer(), integer()})) -> list({integer(),
    integer()}).
collect(N, Acc) ->
    case N of
        0 ->
            Acc;

        _ ->
            _assert_subject = gt_ffi:receive_tagged(result, 5000),
            {ok, R} = case _assert_subject of
                {ok, _} -> _assert_subject;
                _assert_fail ->
                    erlang:error(#{gleam_error => let_assert,
                                message => <<"Assertion pattern match failed"/utf8>>,
                                value => _assert_fail,
                                module => <<"gt_processes"/utf8>>,
                                function => <<"collect"/utf8>>,
                                line => 78})
            end,
            collect(N - 1, [R | Acc])
    end.

-spec counter(integer()) -> nil.
counter(Count) ->
    case gt_ffi:receive_any(5000) of
        {ok, {done, From}} ->
            gt_ffi:send(From, {result, Count});

        {ok, _} ->
            counter(Count + 1);

        {error, nil} ->
            nil
    end.

-spec wait_dead(pid_(), integer()) -> nil.
wait_dead(Pid, Tries) ->
    case {erlang:is_process_alive(Pid), Tries} of
        {false, _} ->
            nil;

        {true, 0} ->
            nil;

        {true, _} ->
            gt_ffi:receive_any(1),
            wait_dead(Pid, Tries - 1)
    end.

-spec range(integer(), integer()) -> list(integer()).
range(A, B) ->
    case A > B of
        true ->
            [];

        false ->
            [A | range(A + 1, B)]
    end.

-spec each(list(AML), fun((AML) -> any())) -> nil.
each(L, F) ->
    case L of
        [] ->
            nil;

        [X | Xs] ->
            F(X),
            each(Xs, F)
    end.

-spec main() -> nil.
main() ->
    Me = gt_ffi:self(),
    W1 = gt_ffi:spawn(fun() -> worker(1) end),
    W2 = gt_ffi:spawn(fun() -> worker(2) end),
    gt_ffi:send(W1, {square, Me, 12}),
    gt_ffi:send(W2, {square, Me, 7}),
    gt_ffi:send(W1, {sum, Me, [1, 2, 3, 4]}),
    Results = collect(3, []),
    p(lists:sort(Results)),
    p(gt_ffi:receive_tagged(log, 1000)),
    p(gt_ffi:receive_any(0)),
    gt_ffi:send(W1, stop),
    gt_ffi:send(W2, stop),
    C = gt_ffi:spawn(fun() -> counter(0) end),
    each(range(1, 250), fun(I) -> gt_ffi:send(C, {log, I}) end),
    gt_ffi:send(C, {done, Me}),
    p(gt_ffi:receive_tagged(result, 5000)),
    p(gt_ffi:receive_any(50)),
    Lazy = gt_ffi:spawn(fun() -> nil end),
    wait_dead(Lazy, 100),
    p(erlang:is_process_alive(Lazy)),
    p(erlang:is_process_alive(Me)).

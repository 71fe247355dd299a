-module(gt_modules).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec apply(binary(), integer(), integer()) -> integer().
apply(Op, A, B) ->
    case Op of
        <<"+"/utf8>> ->
            A + B;

        <<"*"/utf8>> ->
            A * B;

        _ ->
            A - B
    end.

-spec rpn(list(binary()), gt_lib@stack:stack(integer())) -> {ok, integer()} |
    {error, binary()}.
rpn(Tokens, Stack) ->
    case Tokens of
        [] ->
            case gt_lib@stack:pop(Stack) of
                {ok, {V, Rest}} ->
                    case gt_lib@stack:size(Rest) of
                        0 ->
                            {ok, V};

                        _ ->
                            {error, <<"leftover values"/utf8>>}
                    end;

                {error, nil} ->
                    {error, <<"empty"/utf8>>}
            end;

        [Op | Rest@1] when ((Op =:= <<"+"/utf8>>) orelse (Op =:= <<"*"/utf8>>)) orelse (Op =:= <<"-"/utf8>>) ->
            case gt_lib@stack:pop(Stack) of
                {ok, {B, S1}} ->
                    case gt_lib@stack:pop(S1) of
                        {ok, {A, S2}} ->
                            rpn(Rest@1, gt_lib@stack:push(S2, apply(Op, A, B)));

                        {error, nil} ->
                            {error, <<"stack underflow at "/utf8, Op/binary>>}
                    end;

                {error, nil} ->
                    {error, <<"stack underflow at "/utf8, Op/binary>>}
            end;

        [N | Rest@2] ->
            rpn(Rest@2, gt_lib@stack:push(Stack, erlang:binary_to_integer(N)))
    end.

-spec each(list(AIM), fun((AIM) -> any())) -> nil.
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
    io:format(<<"~ts~n"/utf8>>, [<<"shapes:"/utf8>>]),
    All = [{circle, 1.0},
        {rect, 2.0, 2.0},
        {rect, 2.0, 3.5},
        {polygon, [{0.0, 0.0}, {4.0, 0.0}, {4.0, 3.0}]},
        {circle, 0.5}],
    each(
        All,
        fun(S) ->
            Pair = {gt_lib@shapes:name(S), gt_lib@shapes:area(S)},
            io:format(<<"~ts ~p~n"/utf8>>, erlang:tuple_to_list(Pair))
        end
    ),
    io:format(
        <<"~p ~p~n"/utf8>>,
        erlang:tuple_to_list(
            {3.141592653589793, [<<"mm"/utf8>>, <<"cm"/utf8>>, <<"m"/utf8>>]}
        )
    ),
    io:format(<<"~p~n"/utf8>>, [All]),
    S@1 = gt_lib@stack:push(
        gt_lib@stack:push(gt_lib@stack:new(), <<"a"/utf8>>),
        <<"b"/utf8>>
    ),
    io:format(<<"size ~b~n"/utf8>>, [gt_lib@stack:size(S@1)]),
    io:format(<<"~p~n"/utf8>>, [gt_lib@stack:pop(S@1)]),
    _pipe = [<<"3 4 + 2 *"/utf8>>,
        <<"1 2 3 * + 4 -"/utf8>>,
        <<"1 +"/utf8>>,
        <<"1 2"/utf8>>,
        <<""/utf8>>],
    each(
        _pipe,
        fun(E) ->
            io:format(
                <<"~ts => ~p~n"/utf8>>,
                erlang:tuple_to_list(
                    {E, rpn(string:lexemes(E, [32]), gt_lib@stack:new())}
                )
            )
        end
    ),
    io:format(<<"arguments ~p~n"/utf8>>, [init:get_plain_arguments()]).

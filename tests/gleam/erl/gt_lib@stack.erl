-module(gt_lib@stack).
-compile([no_auto_import, nowarn_unused_vars]).

-export([new/0, push/2, pop/1, size/1]).
-export_type([stack/1]).

-opaque stack(ABP) :: {stack, list(ABP), integer()}.

-spec new() -> stack(any()).
new() ->
    {stack, [], 0}.

-spec push(stack(ABS), ABS) -> stack(ABS).
push(S, X) ->
    {stack, [X | erlang:element(2, S)], erlang:element(3, S) + 1}.

-spec pop(stack(ABV)) -> {ok, {ABV, stack(ABV)}} | {error, nil}.
pop(S) ->
    case erlang:element(2, S) of
        [] ->
            {error, nil};

        [X | Rest] ->
            {ok, {X, {stack, Rest, erlang:element(3, S) - 1}}}
    end.

-spec size(stack(any())) -> integer().
size(S) ->
    erlang:element(3, S).

-module(gt_lib@shapes).
-compile([no_auto_import, nowarn_unused_vars]).

-export([area/1, name/1]).
-export_type([shape/0]).

-type shape() :: {circle, float()} |
    {rect, float(), float()} |
    {polygon, list({float(), float()})}.

-spec first(list({float(), float()})) -> {float(), float()}.
first(Points) ->
    case Points of
        [P | _] ->
            P;

        [] ->
            {0.0, 0.0}
    end.

-spec shoelace(list({float(), float()}), {float(), float()}, float()) -> float().
shoelace(Points, Start, Acc) ->
    case Points of
        [] ->
            Acc;

        [{X1, Y1}] ->
            (Acc + (X1 * erlang:element(2, Start))) - (erlang:element(1, Start)
            * Y1);

        [{X1@1, Y1@1}, {X2, Y2} | Rest] ->
            shoelace(
                [{X2, Y2} | Rest],
                Start,
                (Acc + (X1@1 * Y2)) - (X2 * Y1@1)
            )
    end.

-spec abs(float()) -> float().
abs(X) ->
    case X < 0.0 of
        true ->
            0.0 - X;

        false ->
            X
    end.

-spec area(shape()) -> float().
area(S) ->
    case S of
        {circle, R} ->
            (3.141592653589793 * R) * R;

        {rect, W, H} ->
            W * H;

        {polygon, Points} ->
            abs(shoelace(Points, first(Points), 0.0)) / 2.0
    end.

-spec name(shape()) -> binary().
name(S) ->
    case S of
        {circle, _} ->
            <<"circle"/utf8>>;

        {rect, W, H} when W =:= H ->
            <<"square"/utf8>>;

        {rect, _, _} ->
            <<"rectangle"/utf8>>;

        {polygon, _} ->
            <<"polygon"/utf8>>
    end.

-module(gt_todo).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([shape/0]).

-type shape() :: {square, float()} |
    {circle, float()} |
    {triangle, float(), float(), float()}.

-spec area(shape()) -> float().
area(S) ->
    case S of
        {square, X} ->
            X * X;

        {circle, R} ->
            (3.0 * R) * R;

        {triangle, _, _, _} ->
            erlang:error(#{gleam_error => todo,
                    message => <<"triangles are not done yet"/utf8>>,
                    module => <<"gt_todo"/utf8>>,
                    function => <<"area"/utf8>>,
                    line => 16})
    end.

-spec main() -> nil.
main() ->
    io:format(<<"~p~n"/utf8>>, [area({square, 2.0})]),
    io:format(<<"~p~n"/utf8>>, [area({circle, 1.0})]),
    io:format(<<"~p~n"/utf8>>, [area({triangle, 3.0, 4.0, 5.0})]).

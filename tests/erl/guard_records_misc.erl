-module(guard_records_misc).
-export([main/0]).

%% is_record/2,3 and record field tests in guards, guards on funs
%% (is_function/2) and literal comparisons with mixed types.

-record(point, {x = 0, y = 0}).
-record(circle, {center = #point{}, radius = 1}).

kind(R) when is_record(R, point) -> point;
kind(R) when is_record(R, circle, 3) -> circle;
kind(R) when is_tuple(R), tuple_size(R) > 0, is_atom(element(1, R)) -> {other_record, element(1, R)};
kind(_) -> not_a_record.

origin(#point{x = 0, y = 0}) -> true;
origin(_) -> false.

quadrant(#point{x = X, y = Y}) when X > 0, Y > 0 -> 1;
quadrant(#point{x = X, y = Y}) when X < 0, Y > 0 -> 2;
quadrant(#point{x = X, y = Y}) when X < 0, Y < 0 -> 3;
quadrant(#point{x = X, y = Y}) when X > 0, Y < 0 -> 4;
quadrant(#point{}) -> axis.

big(C) when C#circle.radius > 10 -> big;
big(C) when (C#circle.center)#point.x =:= 0 -> centered;
big(_) -> small.

arity(F) when is_function(F, 0) -> 0;
arity(F) when is_function(F, 1) -> 1;
arity(F) when is_function(F, 2) -> 2;
arity(F) when is_function(F) -> many;
arity(_) -> notfun.

main() ->
    Vals = [#point{}, #circle{}, {point, 1}, {point, 1, 2, 3}, {circle, a, b}, {other, 1}, {}, {1, 2},
            point, [point]],
    io:format("kind ~w~n", [[kind(V) || V <- Vals]]),
    io:format("isrec ~w~n", [[{is_record(V, point), is_record(V, point, 3), is_record(V, circle)} || V <- Vals]]),
    io:format("origin ~w~n", [[origin(P) || P <- [#point{}, #point{x = 1}, {point, 0, 0}, {point, 0.0, 0}]]]),
    io:format("quadrant ~w~n", [[quadrant(#point{x = X, y = Y})
                                 || {X, Y} <- [{1, 1}, {-1, 1}, {-1, -1}, {1, -1}, {0, 5}]]]),
    io:format("big ~w~n", [[big(C) || C <- [#circle{radius = 11}, #circle{}, #circle{center = #point{x = 3}}]]]),
    io:format("arity ~w~n", [[arity(F) || F <- [fun() -> a end, fun(_) -> b end, fun erlang:'+'/2,
                                                fun(_, _, _) -> c end, fun lists:seq/3, {fn}]]]),
    R = try big(id(#point{})) catch C:E -> {C, E} end,
    io:format("wrongrecord ~w~n", [R]),
    ok.

id(X) -> X.

-module(order_sort_mixed).
-export([main/0]).

%% Standard term order across all types: number < atom < reference < fun <
%% port < pid < tuple < map < nil < list < bitstring. References, funs and
%% pids are sorted but printed only as type tags.

kind(X) when is_number(X) -> number;
kind(X) when is_atom(X) -> atom;
kind(X) when is_reference(X) -> reference;
kind(X) when is_function(X) -> 'fun';
kind(X) when is_port(X) -> port;
kind(X) when is_pid(X) -> pid;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_map(X) -> map;
kind([]) -> nil;
kind(X) when is_list(X) -> list;
kind(X) when is_bitstring(X) -> bitstring.

show(X) ->
    case kind(X) of
        K when K =:= reference; K =:= 'fun'; K =:= pid -> K;
        _ -> X
    end.

main() ->
    Mixed = [<<"bin">>, [a], [], #{a => 1}, {}, self(), fun() -> ok end, make_ref(),
             zzz, 42, 3.5, <<1:3>>, {a, b}, "str", #{}, aaa, -1 bsl 70, 'Zed', [[]],
             <<>>, {{}}, fun lists:map/2, [a | b], 1 bsl 70, -0.5],
    Sorted = lists:sort(Mixed),
    io:format("kinds ~w~n", [[kind(X) || X <- Sorted]]),
    io:format("sorted ~p~n", [[show(X) || X <- Sorted]]),
    io:format("rev ~w~n", [[kind(X) || X <- lists:reverse(lists:sort(fun(A, B) -> A >= B end, Mixed))]]),
    io:format("same ~w~n", [lists:sort(lists:reverse(Mixed)) =:= Sorted]),
    io:format("usort ~w~n", [length(lists:usort(Mixed ++ Mixed)) =:= length(Mixed)]),
    Pairs = [{X, Y} || X <- Mixed, Y <- Mixed],
    io:format("antisym ~w~n", [lists:usort([(X < Y) xor (Y < X) orelse X == Y || {X, Y} <- Pairs])]),
    io:format("total ~w~n", [lists:usort([X < Y orelse X == Y orelse X > Y || {X, Y} <- Pairs])]),
    io:format("max ~p min ~p~n", [show(lists:max(Mixed)), show(lists:min(Mixed))]),
    io:format("refs ~w ~w~n", [make_ref() > 1 bsl 100, make_ref() < fun() -> ok end]),
    io:format("pid ~w ~w ~w~n", [self() > make_ref(), self() < {}, self() > fun erlang:abs/1]),
    ok.

-module(fun_higher_order).
-export([main/0]).

%% Higher-order functions written by hand: map/filter/reduce, fixpoint,
%% memoisation through the process dictionary, function tables, and
%% funs passed through data structures.

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

my_filter(P, L) -> [X || X <- L, P(X)].

reduce(_, Acc, []) -> Acc;
reduce(F, Acc, [H | T]) -> reduce(F, F(H, Acc), T).

fix(F, X) ->
    case F(X) of
        X -> X;
        Y -> fix(F, Y)
    end.

iterate(_, 0, X) -> X;
iterate(F, N, X) -> iterate(F, N - 1, F(X)).

main() ->
    io:format("map ~w~n", [my_map(fun(X) -> X + 1 end, [1, 2, 3])]),
    io:format("filter ~w~n", [my_filter(fun(X) -> X > 1 end, [0, 1, 2, 3])]),
    io:format("reduce ~w~n", [reduce(fun(X, A) -> X * A end, 1, lists:seq(1, 15))]),
    io:format("fix ~w~n", [fix(fun(X) -> (X + 100 div X) div 2 end, 100)]),
    io:format("collatz ~w~n", [iterate(fun(1) -> 1; (N) when N rem 2 =:= 0 -> N div 2; (N) -> 3 * N + 1 end, 200, 27)]),
    Table = [{add, fun erlang:'+'/2}, {sub, fun erlang:'-'/2}, {mul, fun erlang:'*'/2},
             {pow, fun(B, E) -> iterate(fun(X) -> X * B end, E, 1) end}],
    io:format("table ~w~n", [[{Op, F(2, 10)} || {Op, F} <- Table]]),
    Calc = fun(Op, A, B) -> {Op, F} = lists:keyfind(Op, 1, Table), F(A, B) end,
    io:format("calc ~w~n", [Calc(pow, 3, 40)]),
    MemoFib = fun MF(N) when N < 2 -> N;
                  MF(N) ->
                      case get({fib, N}) of
                          undefined -> V = MF(N - 1) + MF(N - 2), put({fib, N}, V), V;
                          V -> V
                      end
              end,
    io:format("memofib ~w~n", [MemoFib(200)]),
    Preds = [fun is_atom/1, fun is_integer/1, fun(X) -> is_list(X) andalso X =/= [] end],
    io:format("preds ~w~n", [[[P(X) || P <- Preds] || X <- [a, 1, [], [x]]]]),
    Sorter = fun(Key) -> fun(A, B) -> element(Key, A) =< element(Key, B) end end,
    Data = [{3, c}, {1, z}, {2, a}],
    io:format("sortby ~w ~w~n", [lists:sort(Sorter(1), Data), lists:sort(Sorter(2), Data)]),
    io:format("zipwith ~w~n", [lists:zipwith(fun(F, X) -> F(X) end, [fun abs/1, fun float/1, fun integer_to_list/1],
                                             [-3, 2, 10])]),
    ok.

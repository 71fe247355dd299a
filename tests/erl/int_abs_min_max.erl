-module(int_abs_min_max).
-export([main/0]).

%% abs/1, min/2, max/2 on integers at the edges and mixed with floats.

main() ->
    Vs = [0, 1, -1, -(1 bsl 59), (1 bsl 59) - 1, -(1 bsl 59) - 1, 1 bsl 59,
          -(1 bsl 64), 1 bsl 64, -(1 bsl 100), -2.5, 2.5, 0.0],
    lists:foreach(fun(V) -> io:format("abs ~w = ~w~n", [V, abs(V)]) end, Vs),
    io:format("absmin ~w ~w~n", [abs(id(-(1 bsl 59))), abs(id(-(1 bsl 59))) =:= 1 bsl 59]),
    Pairs = [{1, 2}, {2, 1}, {-1, 1}, {1, 1.0}, {1.0, 1}, {0, -0.0}, {-0.0, 0},
             {1 bsl 64, (1 bsl 64) + 1}, {-(1 bsl 64), 1}, {3, 2.9999}, {a, 1},
             {1, a}, {[], a}, {{1}, [1]}, {"abc", "abd"}, {1 bsl 53, float(1 bsl 53)}],
    lists:foreach(
      fun({A, B}) ->
              io:format("min(~w,~w)=~w max=~w~n", [A, B, min(A, B), max(A, B)])
      end, Pairs),
    io:format("lmin ~w lmax ~w~n", [lists:min(Vs), lists:max(Vs)]),
    lists:foreach(
      fun(V) ->
              R = try abs(id(V)) catch C:E -> {C, E} end,
              io:format("abs err ~w -> ~w~n", [V, R])
      end, [a, "1", {1}]),
    ok.

id(X) -> X.

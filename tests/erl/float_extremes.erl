-module(float_extremes).
-export([main/0]).

%% Very large and very small floats: max/min normal, subnormals, gradual
%% underflow, and overflow raising badarith.

main() ->
    Max = id(1.7976931348623157e308),
    MinN = id(2.2250738585072014e-308),
    MinS = id(5.0e-324),
    io:format("max ~p ~p~n", [Max, Max / 2]),
    io:format("max-ish ~p ~p~n", [Max - 1.0e292, Max * 0.5 * 2]),
    io:format("minnormal ~p ~p ~p~n", [MinN, MinN / 2, MinN / 4]),
    io:format("subnormal ~p ~p ~p~n", [MinS, MinS * 2, MinS * 3]),
    io:format("underflow ~p ~p~n", [MinS / 2, MinS * 0.49]),
    io:format("roundup ~p~n", [MinS * 0.51]),
    io:format("negunder ~p~n", [-MinS / 2]),
    io:format("chain ~p~n", [lists:foldl(fun(_, X) -> X / 10 end, id(1.0), lists:seq(1, 330))]),
    io:format("grow ~p~n", [lists:foldl(fun(_, X) -> X * 10 end, id(1.0), lists:seq(1, 308))]),
    Over = [fun() -> Max * 2 end, fun() -> Max + Max end, fun() -> -Max - Max end,
            fun() -> Max * 1.0000001 end, fun() -> id(1.0e200) * 1.0e200 end,
            fun() -> id(1.0) / MinS end, fun() -> id(1.0e300) / 1.0e-300 end,
            fun() -> Max + 1.0e292 end, fun() -> Max + 1.0e291 end,
            fun() -> id(1.0) / 0.0 end, fun() -> id(0.0) / 0.0 end, fun() -> id(1) / 0 end,
            fun() -> id(1.0) / -0.0 end, fun() -> lists:foldl(fun(_, X) -> X * 10 end, id(1.0), lists:seq(1, 309)) end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("over ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Over)), Over)),
    io:format("cmp ~w ~w ~w~n", [MinS > 0, -MinS < 0, MinS / 2 == 0]),
    io:format("trunc ~w~n", [trunc(Max) > (1 bsl 1023)]),
    io:format("lit ~p ~p~n", [1.0e-320, 2.4703282292062328e-324]),
    ok.

id(X) -> X.

-module(float_conversion).
-export([main/0]).

%% float/1 on integers of every size, including rounding of big integers
%% and overflow, and trunc back.

main() ->
    Ints = [0, 1, -1, (1 bsl 53) - 1, 1 bsl 53, (1 bsl 53) + 1, (1 bsl 53) + 2, (1 bsl 53) + 3,
            (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 60, (1 bsl 63) - 1, 1 bsl 64, (1 bsl 64) - 1,
            (1 bsl 64) + (1 bsl 11), (1 bsl 64) + (1 bsl 11) + 1, (1 bsl 64) + (1 bsl 12),
            (1 bsl 100) + 1, -(1 bsl 200) - 1, 12345678901234567890123,
            (1 bsl 1023), (1 bsl 1024) - (1 bsl 970), (1 bsl 1024) - (1 bsl 971),
            -(1 bsl 1024) + (1 bsl 970)],
    lists:foreach(
      fun(I) ->
              R = try float(I) catch C:E -> {C, E} end,
              io:format("~w -> ~w~n", [I, R])
      end, Ints),
    io:format("exact ~w~n", [[trunc(float(I)) =:= I || I <- [0, 1 bsl 53, 1 bsl 64, 1 bsl 100, -(1 bsl 200)]]]),
    io:format("same ~w~n", [[float(X) || X <- [1.5, -0.0, 1.0e300]]]),
    lists:foreach(
      fun(I) ->
              R = try float(id(I)) catch C:E -> {C, E} end,
              io:format("err ~p -> ~w~n", [I, R])
      end, [1 bsl 1024, -(1 bsl 1024), 1 bsl 2000, a, "1", {}]),
    io:format("mixed ~w ~w ~w~n", [id(1 bsl 64) + 0.5, id(1 bsl 1023) * 1.5, id(3) / id(1 bsl 1000)]),
    R3 = try id(1 bsl 1030) + 1.0 catch C3:E3 -> {C3, E3} end,
    io:format("bigplus ~w~n", [R3]),
    R4 = try id(1 bsl 1030) / id(1 bsl 1029) catch C4:E4 -> {C4, E4} end,
    io:format("bigdiv ~w~n", [R4]),
    ok.

id(X) -> X.

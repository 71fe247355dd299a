-module(int_bsl_bsr).
-export([main/0]).

%% Arithmetic shifts: bsl/bsr on smalls, negatives and bignums, with
%% shift counts around word sizes and negative counts (reverse direction).

vals() ->
    [0, 1, -1, 5, -5, 255, -256,
     (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59,
     16#FFFFFFFFFFFFFFFF, -16#FFFFFFFFFFFFFFFF, 1 bsl 64, -(1 bsl 64),
     16#123456789ABCDEF0123456789ABCDEF, -16#123456789ABCDEF0123456789ABCDEF].

shifts() -> [0, 1, 3, 4, 31, 32, 58, 59, 60, 61, 63, 64, 65, 127, 128, 200, -1, -4, -64].

main() ->
    lists:foreach(
      fun(V) ->
              io:format("~w bsl: ~w~n", [V, [V bsl S || S <- shifts()]]),
              io:format("~w bsr: ~w~n", [V, [V bsr S || S <- shifts()]])
      end, vals()),
    %% shifting far right saturates at 0 or -1
    io:format("far ~w~n", [[V bsr 1000 || V <- vals()]]),
    io:format("farneg ~w~n", [[V bsl -1000 || V <- vals()]]),
    %% inverse property for left then right
    io:format("inverse ~w~n", [lists:usort([(V bsl S) bsr S =:= V || V <- vals(), S <- [1, 30, 59, 64, 100]])]),
    %% bsr on negative rounds toward minus infinity
    io:format("floor ~w ~w ~w~n", [id(-7) bsr 1, id(-1) bsr 63, id(-(1 bsl 64) - 1) bsr 64]),
    io:format("edge ~w ~w ~w~n", [id(1) bsl 59, id(-1) bsl 59, id(-1) bsl 60]),
    io:format("back ~w~n", [(id(1) bsl 100) bsr 98]),
    %% errors
    lists:foreach(
      fun({A, B}) ->
              R = try id(A) bsl id(B) catch C:E -> {C, E} end,
              io:format("bsl ~w ~w -> ~w~n", [A, B, R])
      end, [{1, a}, {a, 1}, {1.0, 1}, {1, 1.0}, {1, 1 bsl 64}]),
    lists:foreach(
      fun({A, B}) ->
              R = try id(A) bsr id(B) catch C:E -> {C, E} end,
              io:format("bsr ~w ~w -> ~w~n", [A, B, R])
      end, [{1, a}, {[], 1}, {1, 1 bsl 64}, {-1, 1 bsl 64}, {0, -(1 bsl 64)}]),
    ok.

id(X) -> X.

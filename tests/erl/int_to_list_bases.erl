-module(int_to_list_bases).
-export([main/0]).

%% integer_to_list/1,2 and integer_to_binary/1,2 in every interesting base.

vals() ->
    [0, 1, -1, 9, 10, 35, 36, -35, 255, -256, 1000000,
     (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 64, -(1 bsl 64) + 1,
     16#DEADBEEFCAFEBABE0123456789].

main() ->
    lists:foreach(
      fun(V) ->
              io:format("~w: ~s ~s ~s ~s ~s ~s~n",
                        [V, integer_to_list(V), integer_to_list(V, 2), integer_to_list(V, 8),
                         integer_to_list(V, 16), integer_to_list(V, 36), integer_to_list(V, 7)])
      end, vals()),
    lists:foreach(
      fun(V) ->
              io:format("bin ~w: ~p ~p ~p~n",
                        [V, integer_to_binary(V), integer_to_binary(V, 16), integer_to_binary(V, 3)])
      end, vals()),
    io:format("allbases ~p~n", [[integer_to_list(-123456789, B) || B <- lists:seq(2, 36)]]),
    io:format("roundtrip ~w~n",
              [lists:usort([list_to_integer(integer_to_list(V, B), B) =:= V
                            || V <- vals(), B <- lists:seq(2, 36)])]),
    io:format("p ~p~n", [integer_to_list(1 bsl 200)]),
    lists:foreach(
      fun({V, B}) ->
              R1 = try integer_to_list(V, B) catch C1:E1 -> {C1, E1} end,
              R2 = try integer_to_binary(V, B) catch C2:E2 -> {C2, E2} end,
              io:format("err ~w ~w: ~p ~p~n", [V, B, R1, R2])
      end, [{10, 1}, {10, 37}, {10, 0}, {1.0, 10}, {a, 2}, {10, a}, {10, -2}]),
    R3 = try integer_to_list(id(2.5)) catch C3:E3 -> {C3, E3} end,
    io:format("err1 ~p~n", [R3]),
    ok.

id(X) -> X.

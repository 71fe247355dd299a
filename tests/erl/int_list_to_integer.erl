-module(int_list_to_integer).
-export([main/0]).

%% list_to_integer/1,2 and binary_to_integer/1,2: signs, bases, case,
%% huge values and every kind of malformed input.

main() ->
    Good = ["0", "1", "-1", "+1", "007", "-007", "576460752303423487", "576460752303423488",
            "-576460752303423488", "-576460752303423489", "18446744073709551616",
            "-0", "+0", "123456789012345678901234567890123456789012345678901234567890"],
    lists:foreach(fun(S) -> io:format("~s -> ~w~n", [S, list_to_integer(S)]) end, Good),
    Based = [{"ff", 16}, {"FF", 16}, {"-ff", 16}, {"zz", 36}, {"ZZ", 36}, {"101", 2},
             {"777", 8}, {"10", 36}, {"+7fffffffffffffff", 16}, {"-8000000000000000", 16},
             {"ffffffffffffffffffffffff", 16}, {lists:duplicate(65, $1), 2}],
    lists:foreach(fun({S, B}) -> io:format("~s/~w -> ~w~n", [S, B, list_to_integer(S, B)]) end, Based),
    lists:foreach(fun({S, B}) ->
                          io:format("bin ~s/~w -> ~w~n", [S, B, binary_to_integer(list_to_binary(S), B)])
                  end, Based),
    io:format("bin ~w ~w~n", [binary_to_integer(<<"-42">>), binary_to_integer(<<"99999999999999999999">>)]),
    Bad = ["", "-", "+", "1.0", "12a", " 1", "1 ", "--1", "+-1", "1e5", "0x10", [$1, 256], [49 | 50]],
    lists:foreach(
      fun(S) ->
              R = try list_to_integer(S) catch C:E -> {C, E} end,
              io:format("bad ~w -> ~w~n", [S, R])
      end, Bad),
    BadB = [{"2", 2}, {"8", 8}, {"g", 16}, {"10", 1}, {"10", 37}, {"", 10}, {"z", 35}],
    lists:foreach(
      fun({S, B}) ->
              R = try list_to_integer(S, B) catch C:E -> {C, E} end,
              R2 = try binary_to_integer(list_to_binary(S), B) catch C2:E2 -> {C2, E2} end,
              io:format("badb ~p/~w -> ~w ~w~n", [S, B, R, R2])
      end, BadB),
    R3 = try list_to_integer(id(abc)) catch C3:E3 -> {C3, E3} end,
    R4 = try binary_to_integer(id("12")) catch C4:E4 -> {C4, E4} end,
    io:format("types ~w ~w~n", [R3, R4]),
    ok.

id(X) -> X.

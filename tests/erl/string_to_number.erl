-module(string_to_number).
-export([main/0]).

%% string:to_integer/1 and string:to_float/1: prefixes, signs, rest of
%% string and error tuples.

main() ->
    Is = ["123", "-45abc", "+7", "  12", "abc", "", "12.5", "007", "99999999999999999999999 rest",
          "-", "1_000", <<"42 bin">>, "0x1F"],
    lists:foreach(fun(S) -> io:format("to_integer ~p -> ~p~n", [S, string:to_integer(S)]) end, Is),
    Fs = ["1.5", "-2.25e3", "1.0e-2xyz", "3", "3.", ".5", "1e5", "1.5E+2", "abc", "", "+1.0",
          "1.7976931348623157e308", <<"2.5 bin">>, "0.1.2"],
    lists:foreach(fun(S) -> io:format("to_float ~p -> ~p~n", [S, string:to_float(S)]) end, Fs),
    io:format("list_to_float ~p ~p~n", [list_to_float("1.5"), list_to_float("-0.0")]),
    R = try list_to_float(id("1")) catch C:E -> {C, E} end,
    io:format("list_to_float int ~p~n", [R]),
    R2 = try list_to_float(id("1.0e400")) catch C2:E2 -> {C2, E2} end,
    io:format("list_to_float big ~p~n", [R2]),
    ok.

id(X) -> X.

-module(fmt_p_wrap).
-export([main/0]).

%% ~p of long and nested terms: line breaking at 80 columns, indentation
%% relative to the current column, ~P/~W depth limits, and the field
%% width of ~p, which sets the line length.

main() ->
    L = lists:seq(1, 60),
    io:format("~p~n", [L]),
    io:format("prefix: ~p~n", [L]),
    io:format("~p~n", [{L, L}]),
    Nested = {config, [{name, "server"}, {port, 8080}, {hosts, ["alpha.example.com", "beta.example.com",
                                                                "gamma.example.com"]},
                       {limits, #{max_conn => 1000, timeout => 30000, retries => 5,
                                  backoff => {exponential, 2.0, 60000}}},
                       {flags, [verbose, debug, {level, 3}]}]},
    io:format("~p~n", [Nested]),
    io:format("    indented ~p~n", [Nested]),
    Deep = lists:foldl(fun(I, Acc) -> {level, I, Acc} end, bottom, lists:seq(1, 12)),
    io:format("~p~n", [Deep]),
    io:format("~P~n", [Deep, 5]),
    io:format("~P~n", [L, 10]),
    io:format("~P~n", [Nested, 4]),
    io:format("~W~n", [Nested, 4]),
    Strs = [lists:duplicate(N, $x) || N <- lists:seq(1, 12)],
    io:format("~p~n", [Strs]),
    Bins = [list_to_binary(lists:duplicate(N, $y)) || N <- lists:seq(5, 14)],
    io:format("~p~n", [Bins]),
    LongBin = list_to_binary(lists:seq(1, 120)),
    io:format("~p~n", [LongBin]),
    LongStrBin = list_to_binary(lists:duplicate(100, $z)),
    io:format("~p~n", [LongStrBin]),
    io:format("~p~n", [[{I, lists:duplicate(I, $a)} || I <- lists:seq(1, 8)]]),
    io:format("~p~n", [list_to_tuple(lists:seq(1000, 1040))]),
    io:format("~p~n", [[[1, 2, [3, 4, [5, 6, [7, 8, [9, 10 | tail]]]]]]]),
    io:format("neg width ~p~n", [try io_lib:format("~-50p", [short]) catch C:R -> {C, R} end]),
    io:format("~50p|~n", [{a, b}]),
    io:format("~40p~n", [L]),
    ok.

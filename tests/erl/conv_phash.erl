-module(conv_phash).
-export([main/0]).

%% erlang:phash2/1,2 values, which are portable and stable across
%% releases, for terms of every type including large maps and binaries.

main() ->
    Terms = [0, 1, -1, 255, 1 bsl 27, 1 bsl 60, 1 bsl 64, -(1 bsl 100), 1.0, -0.0, 0.0, 3.14,
             a, '', 'hello', [], [a], "abc", [1 | 2], {}, {a, b}, {{{}}},
             <<>>, <<1>>, <<"hello world">>, <<1:1>>, <<7:3>>, binary:copy(<<"ab">>, 100),
             #{}, #{a => 1}, #{a => 1, b => 2}, #{b => 2, a => 1},
             maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
             maps:from_list([{I, I} || I <- lists:seq(1, 100)]),
             maps:from_list([{integer_to_binary(I), [I]} || I <- lists:seq(1, 50)]),
             fun lists:map/2, lists:seq(1, 1000), list_to_tuple(lists:seq(1, 100))],
    lists:foreach(
      fun(T) ->
              io:format("~w ~w ~w ~w~n",
                        [erlang:phash2(T), erlang:phash2(T, 1), erlang:phash2(T, 100),
                         erlang:phash2(T, 1 bsl 32)])
      end, Terms),
    io:format("sub-binary ~w~n", [erlang:phash2(binary:part(binary:copy(<<"xyz">>, 50), 3, 99))
                                  =:= erlang:phash2(binary:copy(<<"xyz">>, 33))]),
    io:format("bad range ~p~n", [try erlang:phash2(a, 0) catch C:R -> {C, R} end]),
    io:format("bad range2 ~p~n", [try erlang:phash2(a, (1 bsl 32) + 1) catch C2:R2 -> {C2, R2} end]),
    ok.

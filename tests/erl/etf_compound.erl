-module(etf_compound).
-export([main/0]).

%% term_to_binary bytes of lists, strings, tuples, binaries, bitstrings,
%% maps and external funs.

main() ->
    Terms = ["", "abc", [1, 2, 3], [256], [1 | 2], [a, [b, [c]]], [1.0, "x"],
             lists:seq(1, 20), lists:duplicate(3, 300), [$a | <<"b">>],
             {}, {a}, {1, 2, 3}, {{}, []}, list_to_tuple(lists:seq(1, 256)),
             <<>>, <<1, 2, 3>>, <<"text">>, <<1:1>>, <<255, 7:3>>, <<0:65>>,
             #{}, #{a => 1}, #{b => [], a => {}}, #{1 => 2, "k" => <<"v">>},
             fun lists:map/2, fun erlang:'+'/2, fun(X) -> X end =:= none],
    lists:foreach(fun(T) ->
                          B = term_to_binary(T),
                          io:format("~w:~n  ~w~n", [T, B])
                  end, Terms),
    %% long string (more than 65535 elements becomes a LIST_EXT)
    S = lists:duplicate(70000, $x),
    SB = term_to_binary(S),
    io:format("long string ~w ~w~n", [byte_size(SB), binary:part(SB, 0, 8)]),
    S2 = lists:duplicate(65535, $y),
    io:format("max string ~w ~w~n", [byte_size(term_to_binary(S2)), binary:part(term_to_binary(S2), 0, 6)]),
    BigMap = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    BM = term_to_binary(BigMap),
    io:format("big map ~w ~w~n", [byte_size(BM), BM]),
    ok.

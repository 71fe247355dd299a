-module(lists_seq_duplicate).
-export([main/0]).

%% lists:seq/2,3 (including empty and negative steps), duplicate,
%% append/1,2, concat.

main() ->
    io:format("seq ~w ~w ~w ~w~n", [lists:seq(1, 5), lists:seq(3, 3), lists:seq(5, 4), lists:seq(-2, 2)]),
    io:format("step ~w ~w ~w ~w~n", [lists:seq(1, 10, 3), lists:seq(10, 1, -3), lists:seq(1, 1, 0),
                                     lists:seq(0, 20, 5)]),
    io:format("big ~w~n", [lists:seq(1 bsl 60, (1 bsl 60) + 2)]),
    io:format("seqempty ~w~n", [lists:seq(1, 0, 1)]),
    Errs = [{1, -5}, {1, a}, {1.0, 3}],
    lists:foreach(fun({F, T}) ->
                          R = try lists:seq(id(F), id(T)) catch C:E -> {C, E} end,
                          io:format("seqerr ~w ~w: ~w~n", [F, T, R])
                  end, Errs),
    Errs3 = [{1, 5, 0}, {5, 1, 1}, {1, 5, -1}],
    lists:foreach(fun({F, T, S}) ->
                          R = try lists:seq(id(F), id(T), id(S)) catch C:E -> {C, E} end,
                          io:format("seqerr3 ~w ~w ~w: ~w~n", [F, T, S, R])
                  end, Errs3),
    io:format("dup ~p ~p ~p~n", [lists:duplicate(3, x), lists:duplicate(0, x), lists:duplicate(2, "ab")]),
    io:format("append ~p ~p~n", [lists:append([[1], [2, 3], [], [4]]), lists:append([1], [2])]),
    io:format("append str ~p~n", [lists:append(["abc", "", "de"])]),
    io:format("concat ~p~n", [lists:concat([foo, "bar", 42, 1.5, '_'])]),
    io:format("concat2 ~p~n", [lists:concat([])]),
    R = try lists:duplicate(id(-1), x) catch C:E -> {C, E} end,
    io:format("duperr ~w~n", [R]),
    ok.

id(X) -> X.

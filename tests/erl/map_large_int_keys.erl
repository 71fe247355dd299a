-module(map_large_int_keys).
-export([main/0]).

%% Maps with more than 32 integer keys: their printing order and
%% to_list/keys order is the runtime's internal hash order.

main() ->
    lists:foreach(
      fun(N) ->
              M = maps:from_list([{I, I} || I <- lists:seq(1, N)]),
              io:format("n=~w size=~w~n~w~n", [N, map_size(M), maps:keys(M)])
      end, [32, 33, 34, 40, 64, 65, 100]),
    M50 = maps:from_list([{I, I * I} || I <- lists:seq(1, 50)]),
    io:format("~p~n", [M50]),
    io:format("~w~n", [M50]),
    Neg = maps:from_list([{-I, I} || I <- lists:seq(1, 40)]),
    io:format("neg ~w~n", [maps:keys(Neg)]),
    Sparse = maps:from_list([{I * 1000003, I} || I <- lists:seq(1, 36)]),
    io:format("sparse ~w~n", [maps:keys(Sparse)]),
    Bigs = maps:from_list([{1 bsl (60 + I), I} || I <- lists:seq(1, 34)]),
    io:format("bignum ~w~n", [maps:values(Bigs)]),
    ok.

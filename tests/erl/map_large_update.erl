-module(map_large_update).
-export([main/0]).

%% A map grown one key at a time past 32 keys and shrunk again: the
%% order at several sizes, and equality with maps built in one go.

main() ->
    Grow = fun(N, Acc) -> Acc#{N => N * 3} end,
    Checks = [1, 16, 31, 32, 33, 34, 48, 64, 80, 120],
    lists:foldl(
      fun(N, M0) ->
              M = Grow(N, M0),
              case lists:member(N, Checks) of
                  true ->
                      io:format("grow ~w: ~w~n  eq=~w~n",
                                [N, maps:keys(M),
                                 M =:= maps:from_list([{I, I * 3} || I <- lists:seq(1, N)])]);
                  false -> ok
              end,
              M
      end, #{}, lists:seq(1, 120)),
    Full = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    lists:foldl(
      fun(N, M0) ->
              M = maps:remove(N, M0),
              case map_size(M) of
                  S when S =:= 33; S =:= 32; S =:= 31; S =:= 5 ->
                      io:format("shrink ~w: ~w~n", [S, maps:to_list(M)]);
                  _ -> ok
              end,
              M
      end, Full, lists:seq(40, 1, -1)),
    %% remove from the middle then put back
    Mid = maps:put(20, back, maps:remove(20, Full)),
    io:format("reinsert ~w~n", [maps:keys(Mid) =:= maps:keys(Full)]),
    %% merge of two big maps
    A = maps:from_list([{I, a} || I <- lists:seq(1, 50)]),
    B = maps:from_list([{I, b} || I <- lists:seq(25, 75)]),
    MAB = maps:merge(A, B),
    io:format("merge ~w ~w~n", [map_size(MAB), maps:to_list(MAB)]),
    ok.

-module(int_compare_edges).
-export([main/0]).

%% Integer comparisons across the small/big edge, signs and magnitudes.

vals() ->
    [-(1 bsl 100), -(1 bsl 64), -(1 bsl 63), -(1 bsl 59) - 1, -(1 bsl 59), -1, 0, 1,
     (1 bsl 59) - 1, 1 bsl 59, (1 bsl 63) - 1, 1 bsl 63, (1 bsl 64) - 1, 1 bsl 64, 1 bsl 100].

main() ->
    Vs = vals(),
    lists:foreach(
      fun(A) ->
              Row = [cmp(A, B) || B <- Vs],
              io:format("~w: ~s~n", [A, Row])
      end, Vs),
    io:format("sorted ~w~n", [lists:sort(lists:reverse(Vs)) =:= Vs]),
    Order = [5, 3, 14, 1, 9, 7, 2, 15, 4, 11, 6, 13, 8, 10, 12],
    io:format("shuffled ~w~n", [lists:sort([lists:nth(I, Vs) || I <- Order])]),
    Ops = [{'<', fun(A, B) -> A < B end}, {'=<', fun(A, B) -> A =< B end},
           {'>', fun(A, B) -> A > B end}, {'>=', fun(A, B) -> A >= B end},
           {'==', fun(A, B) -> A == B end}, {'/=', fun(A, B) -> A /= B end},
           {'=:=', fun(A, B) -> A =:= B end}, {'=/=', fun(A, B) -> A =/= B end}],
    Ps = [{(1 bsl 59) - 1, 1 bsl 59}, {-(1 bsl 59), -(1 bsl 59) - 1}, {1 bsl 64, 1 bsl 64},
          {1 bsl 64, (1 bsl 64) + 0.0}, {-(1 bsl 64), -(1 bsl 63)}, {(1 bsl 63) * 2, 1 bsl 64}],
    lists:foreach(
      fun({A, B}) ->
              io:format("~w ~w: ~w~n", [A, B, [{N, F(A, B)} || {N, F} <- Ops]])
      end, Ps),
    %% computed bignums equal to literals
    C = id(1 bsl 32) * id(1 bsl 32),
    io:format("computed ~w ~w ~w~n", [C =:= 1 bsl 64, C == 18446744073709551616, C =/= 18446744073709551617]),
    ok.

cmp(A, B) when A < B -> $<;
cmp(A, B) when A > B -> $>;
cmp(A, B) when A =:= B -> $=.

id(X) -> X.

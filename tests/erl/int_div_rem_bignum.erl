-module(int_div_rem_bignum).
-export([main/0]).

%% Bignum division: big by small, big by big, results that shrink to smalls.

main() ->
    N = 16#FEDCBA9876543210FEDCBA9876543210FEDCBA98765432,
    Ds = [3, -3, 10, 1 bsl 32, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 63, 1 bsl 64,
          (1 bsl 64) + 1, 16#123456789ABCDEF0123, -16#123456789ABCDEF0123, N, -N, N + 1],
    lists:foreach(
      fun(D) ->
              Q = N div D, R = N rem D,
              io:format("~w: q=~w r=~w ok=~w~n", [D, Q, R, N =:= Q * D + R]),
              Q2 = -N div D, R2 = -N rem D,
              io:format("  neg: q=~w r=~w ok=~w~n", [Q2, R2, -N =:= Q2 * D + R2])
      end, Ds),
    P = 1 bsl 200,
    io:format("pow ~w ~w~n", [P div (1 bsl 100), P rem ((1 bsl 100) - 1)]),
    io:format("shrink ~w~n", [((1 bsl 100) * 12345) div (1 bsl 100)]),
    io:format("exactsmall ~w~n", [(1 bsl 64) div (1 bsl 60) =:= 16]),
    Ten30 = 1000000000000000000000000000000,
    io:format("ten ~w ~w~n", [Ten30 div 7, Ten30 rem 7]),
    Digits = digits(Ten30 * 3 + 17, []),
    io:format("digits ~w~n", [Digits]),
    ok.

digits(0, Acc) -> Acc;
digits(N, Acc) -> digits(N div 10, [N rem 10 | Acc]).

-module(int_huge_bignum).
-export([main/0]).

%% Very large integers: factorials, powers, fibonacci, and digit counts.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

isqrt(N) when N < 2 -> N;
isqrt(N) -> isqrt(N, N, (N + 1) div 2).
isqrt(_, X, Y) when Y >= X -> X;
isqrt(N, _, Y) -> isqrt(N, Y, (Y + N div Y) div 2).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

main() ->
    F100 = fact(100),
    io:format("fact100 ~w~n", [F100]),
    io:format("fact100 digits ~w~n", [length(integer_to_list(F100))]),
    F1000 = fact(1000),
    io:format("fact1000 digits ~w sum ~w~n",
              [length(integer_to_list(F1000)), lists:sum([C - $0 || C <- integer_to_list(F1000)])]),
    io:format("fact1000/fact998 ~w~n", [F1000 div fact(998)]),
    P = pow(2, 1000),
    io:format("2^1000 ~w~n", [P]),
    io:format("2^1000 bsr 990 ~w~n", [P bsr 990]),
    io:format("3^200 ~w~n", [pow(3, 200)]),
    io:format("-7^77 ~w~n", [pow(-7, 77)]),
    io:format("fib300 ~w~n", [fib(300)]),
    io:format("fib1000 rem 1000000007 ~w~n", [fib(1000) rem 1000000007]),
    S = isqrt(pow(10, 100) * 2),
    io:format("sqrt2 ~w~n", [S]),
    io:format("gcd ~w~n", [gcd(fact(50), pow(6, 40))]),
    io:format("gcd2 ~w~n", [gcd(fib(200), fib(150))]),
    M = pow(2, 127) - 1,
    io:format("mersenne127 ~w ~w~n", [M, M rem 1000000]),
    Q = (F100 * F100) div F100,
    io:format("roundtrip ~w~n", [Q =:= F100]),
    io:format("neg ~w~n", [-F100 div pow(10, 150)]),
    io:format("cmp ~w ~w ~w~n", [F100 > P, -F100 < -P, F1000 > F100]),
    io:format("bits ~w~n", [bits(P, 0)]),
    ok.

bits(0, N) -> N;
bits(X, N) -> bits(X bsr 1, N + 1).

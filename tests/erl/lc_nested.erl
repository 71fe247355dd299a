-module(lc_nested).
-export([main/0]).

%% Nested comprehensions, comprehensions in function arguments and
%% guards-like filters calling local functions, and matrix operations.

main() ->
    M = [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    io:format("transpose ~w~n", [[[lists:nth(I, R) || R <- M] || I <- lists:seq(1, 3)]]),
    io:format("mul ~w~n", [matmul(M, M)]),
    io:format("diag ~w~n", [[lists:nth(I, lists:nth(I, M)) || I <- lists:seq(1, 3)]]),
    io:format("flatten ~w~n", [[X || Row <- M, X <- Row]]),
    io:format("sumrows ~w~n", [[lists:sum(R) || R <- M]]),
    io:format("inner filter ~w~n", [[[X || X <- R, X rem 2 =:= 1] || R <- M]]),
    io:format("primes ~w~n", [[N || N <- lists:seq(2, 60), is_prime(N)]]),
    io:format("sieve ~w~n", [sieve(lists:seq(2, 60))]),
    io:format("queens6 ~w~n", [length(queens(6))]),
    io:format("queens8 ~w ~w~n", [length(queens(8)), hd(queens(8))]),
    io:format("nested gen ~w~n", [[{I, J} || I <- [1, 2, 3], J <- [X * 10 || X <- lists:seq(1, I)]]]),
    io:format("chars ~p~n", [[[C - 32 || C <- W] || W <- ["abc", "de"]]]),
    ok.

matmul(A, B) ->
    Bt = [[lists:nth(I, R) || R <- B] || I <- lists:seq(1, length(hd(B)))],
    [[lists:sum([X * Y || {X, Y} <- lists:zip(Row, Col)]) || Col <- Bt] || Row <- A].

is_prime(N) -> [] =:= [D || D <- lists:seq(2, N - 1), D * D =< N, N rem D =:= 0].

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

queens(N) -> queens(N, N).
queens(_, 0) -> [[]];
queens(N, K) -> [[Q | Qs] || Qs <- queens(N, K - 1), Q <- lists:seq(1, N), safe(Q, Qs, 1)].

safe(_, [], _) -> true;
safe(Q, [Q1 | Qs], D) -> Q =/= Q1 andalso abs(Q - Q1) =/= D andalso safe(Q, Qs, D + 1).

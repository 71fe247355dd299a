-module(fun_named_recursive).
-export([main/0]).

%% Named funs (fun Name(...) -> ... Name(...) end): factorial, fibonacci,
%% mutual-ish recursion through closures, and captured variables.

main() ->
    Fact = fun F(0) -> 1; F(N) when N > 0 -> N * F(N - 1) end,
    io:format("fact ~w ~w ~w~n", [Fact(0), Fact(10), Fact(30)]),
    Fib = fun Fib(N) when N < 2 -> N; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("fib ~w~n", [[Fib(N) || N <- lists:seq(0, 20)]]),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    io:format("len ~w~n", [Len(lists:seq(1, 1000))]),
    Base = 10,
    Digits = fun D(0, Acc) -> Acc; D(N, Acc) -> D(N div Base, [N rem Base | Acc]) end,
    io:format("digits ~w~n", [Digits(9876543210, [])]),
    Loop = fun Lp(0, Acc) -> Acc; Lp(N, Acc) -> Lp(N - 1, Acc + N) end,
    io:format("tail ~w~n", [Loop(1000000, 0)]),
    Flat = fun Fl([]) -> []; Fl([H | T]) when is_list(H) -> Fl(H) ++ Fl(T); Fl([H | T]) -> [H | Fl(T)] end,
    io:format("flat ~w~n", [Flat([1, [2, [3, [4]], 5], [[6]]])]),
    Ack = fun A(0, N) -> N + 1; A(M, 0) -> A(M - 1, 1); A(M, N) -> A(M - 1, A(M, N - 1)) end,
    io:format("ack ~w~n", [Ack(2, 3)]),
    Gen = fun G(0) -> []; G(N) -> [fun() -> N end | G(N - 1)] end,
    io:format("gen ~w~n", [[X() || X <- Gen(4)]]),
    Hanoi = fun H(0, _, _, _) -> [];
                H(N, From, To, Via) -> H(N - 1, From, Via, To) ++ [{From, To}] ++ H(N - 1, Via, To, From)
            end,
    io:format("hanoi ~w ~w~n", [length(Hanoi(10, a, c, b)), Hanoi(2, a, c, b)]),
    R = try Fact(-1) catch C:E -> {C, E} end,
    io:format("noclause ~w~n", [element(1, R)]),
    ok.

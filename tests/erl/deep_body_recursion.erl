-module(deep_body_recursion).
-export([main/0]).

%% Body (non-tail) recursion one million calls deep: the stack must grow
%% far beyond its initial size.

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

double([]) -> [];
double([H | T]) -> [2 * H | double(T)].

seq(N, N) -> [N];
seq(I, N) -> [I | seq(I + 1, N)].

count_down(0) -> 0;
count_down(N) -> count_down(N - 1) + 1.

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

main() ->
    L = seq(1, 1000000),
    io:format("len ~w~n", [len(L)]),
    io:format("sum ~w~n", [sum(L)]),
    D = double(L),
    io:format("double ~w ~w ~w~n", [len(D), hd(D), lists:last(D)]),
    io:format("count_down ~w~n", [count_down(1000000)]),
    A = app(L, [end_marker]),
    io:format("app ~w ~w~n", [len(A), lists:last(A)]),
    io:format("foldr ~w~n", [lists:foldr(fun(X, Acc) -> X + Acc end, 0, L)]),
    io:format("map ~w~n", [sum(lists:map(fun(X) -> X rem 7 end, L))]),
    io:format("lc ~w~n", [len([X || X <- L, X rem 3 =:= 0])]),
    io:format("append ~w~n", [len(L ++ L)]),
    io:format("again ~w~n", [sum(seq(1, 2000000))]),
    ok.

%% OTP 29's is_integer/3 (compiled to bif3 in guards): range checks.
-module(isint_range).
-export([main/0]).
f(X) when is_integer(X, 1, 10) -> in;
f(_) -> out.
t(F) -> try F() catch C:R -> {C, R} end.
main() ->
    io:format("~p~n", [[f(0), f(1), f(10), f(11), f(a), f(5.0), f(1 bsl 70)]]),
    io:format("~p~n", [[t(fun() -> is_integer(id(3), id(a), 5) end),
                        t(fun() -> is_integer(id(3), 1, id(3)) end),
                        t(fun() -> is_integer(id(1 bsl 70), 0, 1 bsl 80) end),
                        t(fun() -> is_integer(id(x), 0, 1) end)]]).
id(X) -> X.

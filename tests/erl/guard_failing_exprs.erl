-module(guard_failing_exprs).
-export([main/0]).

%% An exception inside a guard makes the guard fail (the clause is
%% skipped) instead of raising; in a ';' sequence only that alternative
%% fails. The same expressions raise in a body.

f(X) when X + 1 > 0 -> arith_ok;
f(X) when hd(X) =:= a -> hd_a;
f(X) when element(2, X) =:= b -> elem_b;
f(X) when length(X) =:= 0 -> empty;
f(X) when 1 / X > 0.5 -> div_ok;
f(X) when map_get(k, X) =:= 1 -> map_k;
f(X) when byte_size(X) =:= 1 -> byte;
f(_) -> fallback.

g(X) when 10 div X > 1; is_atom(X) -> first_or_atom;
g(_) -> neither.

h(X) when (X + 1 > 0) orelse is_atom(X) -> orelse_true;
h(_) -> orelse_failed.

k(X) when not (X > 0 andalso 1 / X > 0) -> not_positive;
k(_) -> positive.

main() ->
    Vals = [5, -5, [a, b], [b], {x, b}, {x}, [], 1.5, 0, 0.0, #{k => 1}, #{}, <<1>>, <<1, 2>>, atom, "s"],
    lists:foreach(fun(V) -> io:format("f(~w) = ~w~n", [V, f(V)]) end, Vals),
    io:format("g ~w~n", [[g(X) || X <- [1, 5, 20, 0, zero, "str"]]]),
    io:format("h ~w~n", [[h(X) || X <- [1, a, "s"]]]),
    io:format("k ~w~n", [[k(X) || X <- [1, 0, -1, a]]]),
    %% case/if guards behave the same
    io:format("case ~w~n", [[case X of Y when Y / 0 > 1 -> never; _ -> fine end || X <- [1, a]]]),
    io:format("if ~w~n", [[if hd(X) =:= 1 -> one; true -> other end || X <- [[1], [], a]]]),
    %% the same failing expressions raise in a body
    Errs = [fun() -> id(a) + 1 end, fun() -> hd(id([])) end, fun() -> element(2, id({x})) end,
            fun() -> length(id(a)) end, fun() -> 1 / id(0) end],
    io:format("body ~w~n", [[try F() catch C:E -> {C, E} end || F <- Errs]]),
    ok.

id(X) -> X.

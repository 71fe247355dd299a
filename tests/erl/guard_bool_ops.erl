-module(guard_bool_ops).
-export([main/0]).

%% Boolean operators in guards and bodies: and, or, andalso, orelse, xor,
%% not; comma and semicolon guard sequences; short circuiting.

g1(X, Y) when X and Y -> both;
g1(X, Y) when X or Y -> one;
g1(_, _) -> none.

g2(X) when is_integer(X), X > 0; is_float(X), X < 0 -> pos_int_or_neg_float;
g2(X) when not is_number(X) -> not_number;
g2(_) -> other.

g3(X) when is_list(X) andalso length(X) > 2 -> long;
g3(X) when is_atom(X) orelse X > 10 -> atom_or_big;
g3(_) -> other.

g4(X, Y) when X xor Y -> exactly_one;
g4(_, _) -> not_exactly_one.

g5(X) when (X > 0) =:= true -> positive;
g5(X) when not (X > 0) -> nonpositive.

main() ->
    Bs = [true, false],
    io:format("g1 ~w~n", [[g1(X, Y) || X <- Bs, Y <- Bs]]),
    io:format("g1 nonbool ~w~n", [g1(1, true)]),
    io:format("g2 ~w~n", [[g2(X) || X <- [5, -5, 1.5, -1.5, a, "x"]]]),
    io:format("g3 ~w~n", [[g3(X) || X <- [[1, 2, 3], [1], a, 11, 5, {t}]]]),
    io:format("g4 ~w~n", [[g4(X, Y) || X <- Bs, Y <- Bs]]),
    io:format("g5 ~w~n", [[g5(X) || X <- [1, 0, -1, a]]]),
    %% bodies
    io:format("and ~w~n", [[X and Y || X <- Bs, Y <- Bs]]),
    io:format("or ~w~n", [[X or Y || X <- Bs, Y <- Bs]]),
    io:format("xor ~w~n", [[X xor Y || X <- Bs, Y <- Bs]]),
    io:format("not ~w~n", [[not X || X <- Bs]]),
    io:format("andalso ~w~n", [[X andalso Y || X <- Bs, Y <- Bs]]),
    io:format("orelse ~w~n", [[X orelse Y || X <- Bs, Y <- Bs]]),
    %% short circuit: the right side is not evaluated
    io:format("sc ~w ~w~n", [id(false) andalso error(boom), id(true) orelse error(boom)]),
    %% andalso/orelse return a non-boolean right operand as-is
    io:format("tail ~w ~w~n", [id(true) andalso id(notbool), id(false) orelse id({x})]),
    Errs = [fun() -> id(1) and true end, fun() -> true or id(x) end, fun() -> not id(0) end,
            fun() -> id(a) xor true end, fun() -> id(x) andalso true end,
            fun() -> id(1) orelse false end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("err ~w: ~w~n", [I, R])
      end, lists:zip(lists:seq(1, length(Errs)), Errs)),
    ok.

id(X) -> X.

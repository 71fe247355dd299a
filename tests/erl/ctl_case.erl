-module(ctl_case).
-export([main/0]).

%% case expressions: literal, tuple, list and binding patterns, guards,
%% nested case, case as a value, variables bound in all branches,
%% and case_clause errors.

classify(X) ->
    case X of
        0 -> zero;
        N when is_integer(N), N < 0 -> negative;
        N when is_integer(N) -> positive;
        F when is_float(F) -> float;
        {} -> empty_tuple;
        {A, A} -> same_pair;
        {_, _} -> pair;
        [] -> nil;
        [_] -> singleton;
        [H | _] when is_atom(H) -> atom_headed;
        "abc" ++ _ -> abc_prefixed;
        <<>> -> empty_bin;
        <<B, _/binary>> when B > 127 -> high_bin;
        _ -> other
    end.

main() ->
    Vals = [0, -3, 7, 1 bsl 70, 2.5, {}, {x, x}, {x, y}, [], [q], [a, b], "abcdef", "xyz",
            <<>>, <<200, 1>>, <<1>>, self_test],
    io:format("classify ~w~n", [[classify(V) || V <- Vals]]),
    Bound = case id(3) of
                1 -> R = one, R;
                3 -> R = three, R
            end,
    io:format("bound ~w ~w~n", [Bound, R]),
    Nested = [case X of
                  {a, Y} -> case Y of 1 -> a1; _ -> a_other end;
                  {b, Y} when Y > 10 -> b_big;
                  _ -> none
              end || X <- [{a, 1}, {a, 2}, {b, 11}, {b, 1}, c]],
    io:format("nested ~w~n", [Nested]),
    V = id(5),
    io:format("value ~w~n", [10 + case V of 5 -> 1; _ -> 0 end]),
    Cmp = [case {X, Y} of {Same, Same} -> eq; {P, Q} when P < Q -> lt; _ -> gt end
           || {X, Y} <- [{1, 1}, {1, 2}, {2, 1}, {1, 1.0}]],
    io:format("cmp ~w~n", [Cmp]),
    Errs = [a, {1, 2, 3}, 99],
    lists:foreach(
      fun(E) ->
              Res = try case id(E) of 1 -> one; {_, _} -> pair end
                    catch C:Er -> {C, Er} end,
              io:format("clause ~w -> ~w~n", [E, Res])
      end, Errs),
    ok.

id(X) -> X.

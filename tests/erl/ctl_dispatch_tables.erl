-module(ctl_dispatch_tables).
-export([main/0]).

%% Function heads and case expressions that compile to jump tables:
%% many integer literals (dense and sparse, negative, around the small
%% integer edge), many atoms, tuples of different arities, floats, and
%% mixed-type clause lists.

int(0) -> zero; int(1) -> one; int(2) -> two; int(3) -> three; int(4) -> four;
int(5) -> five; int(6) -> six; int(7) -> seven; int(8) -> eight; int(9) -> nine;
int(-1) -> minus_one; int(-100) -> minus_hundred; int(1000) -> thousand;
int(576460752303423487) -> max_small; int(576460752303423488) -> min_big;
int(-576460752303423488) -> min_small; int(-576460752303423489) -> max_neg_big;
int(18446744073709551616) -> two_64; int(_) -> other.

atom(red) -> 1; atom(orange) -> 2; atom(yellow) -> 3; atom(green) -> 4; atom(blue) -> 5;
atom(indigo) -> 6; atom(violet) -> 7; atom(black) -> 8; atom(white) -> 9; atom(grey) -> 10;
atom(true) -> 11; atom(false) -> 12; atom(undefined) -> 13; atom(_) -> 0.

arity({}) -> 0; arity({_}) -> 1; arity({_, _}) -> 2; arity({_, _, _}) -> 3;
arity({_, _, _, _}) -> 4; arity({_, _, _, _, _}) -> 5; arity(T) when is_tuple(T) -> many;
arity(_) -> not_tuple.

flt(0.5) -> half; flt(1.0) -> one_float; flt(-2.5) -> neg; flt(1.0e300) -> huge;
flt(_) -> other.

mixed(1) -> int_one; mixed(1.0) -> float_one; mixed(one) -> atom_one; mixed("one") -> string_one;
mixed([]) -> nil; mixed(<<"one">>) -> bin_one; mixed({one}) -> tuple_one; mixed(#{}) -> empty_map;
mixed(_) -> other.

sparse(X) ->
    case X of
        10 -> a; 200 -> b; 3000 -> c; 40000 -> d; 500000 -> e; 6000000 -> f;
        70000000 -> g; 800000000 -> h; 9000000000 -> i; -5 -> j; _ -> none
    end.

main() ->
    Ints = lists:seq(-2, 11) ++ [-100, 1000, 999, 576460752303423487, 576460752303423488,
                                 -576460752303423488, -576460752303423489, 18446744073709551616,
                                 18446744073709551617, 1.0, a],
    io:format("int ~w~n", [[int(I) || I <- Ints]]),
    Atoms = [red, orange, yellow, green, blue, indigo, violet, black, white, grey, true, false,
             undefined, purple, 'Red', 1],
    io:format("atom ~w~n", [[atom(A) || A <- Atoms]]),
    io:format("arity ~w~n", [[arity(T) || T <- [{}, {a}, {a, b}, {a, b, c}, {a, b, c, d}, {1, 2, 3, 4, 5},
                                                {1, 2, 3, 4, 5, 6}, [x], x]]]),
    io:format("float ~w~n", [[flt(F) || F <- [0.5, 1.0, 1, -2.5, 1.0e300, 0.0, half]]]),
    io:format("mixed ~w~n", [[mixed(M) || M <- [1, 1.0, one, "one", [], <<"one">>, {one}, #{}, #{a => 1}, 2]]]),
    io:format("sparse ~w~n", [[sparse(S) || S <- [10, 200, 3000, 40000, 500000, 6000000, 70000000,
                                                  800000000, 9000000000, -5, 11, 10.0]]]),
    io:format("chars ~w~n", [[ch(C) || C <- "az09 _-AZ"]]),
    ok.

ch(C) when C >= $a, C =< $z -> lower;
ch(C) when C >= $A, C =< $Z -> upper;
ch(C) when C >= $0, C =< $9 -> digit;
ch($\s) -> space;
ch($_) -> underscore;
ch(_) -> punct.

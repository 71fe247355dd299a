-module(features).
-export([big/0, neg/1, flt/2, fun_env/1, maps/2, bin/2, match/1, rec/1, tryit/1, recv/1, sel/1, unicode_atom/0, long_list/0]).
-record(r, {a, b = 2, c}).

big() -> {123456789012345678901234567890, -98765432109876543210987654321, 1 bsl 62, -(1 bsl 63), 1 bsl 64}.
neg(X) -> X + -1 - 2047 + -2048 - 70000.
flt(A, B) when is_float(A), is_float(B) -> A * B + A / B - 1.5.
fun_env(X) -> fun(Y) -> X + Y end.
maps(M, K) -> #{K := V, x := W} = M, M#{y => V, z => W}.
bin(A, B) -> <<A:16/little, B/binary, "abc", 1.5/float>>.
match(<<X:8, Y:16/signed, Rest/binary>>) -> {X, Y, Rest}.
rec(R) -> R#r{a = 1, c = 3}.
tryit(F) -> try F() of V -> {ok, V} catch error:E:S -> {E, S} end.
recv(T) -> receive {msg, X} -> X after T -> timeout end.
sel(X) -> case X of a -> 1; b -> 2; c -> 3; 1 -> x; 2 -> y; {_, _} -> pair; {_} -> one; _ -> other end.
unicode_atom() -> 'héllo_wörld_λ'.
long_list() -> [a, "string", 3.14, {tuple, [nested]}, <<"bin">>].

%% Map instructions and maps natives on their fast paths and edges: keys
%% added one by one across the 32-key layout change, several pairs per
%% put (new, existing and repeated keys), exact updates, multi-key
%% matches, and the natives that build maps or lists without scratch
%% memory. main/0 returns a list of results; each map appears with
%% maps:to_list/1 next to it so that storage order is checked too.
-module(mapops).
-export([main/0]).

main() ->
    lists:append([build(), multi(), exact(), match(), natives()]).

show(M) -> {M, maps:to_list(M), maps:keys(M), maps:values(M)}.

%% For a large map with atom keys (OTP's order of those depends on atom
%% numbering in the node): contents only.
showS(M) -> {maps:size(M), lists:sort(maps:to_list(M))}.

add(Ks) -> add(Ks, #{}).
add([], M) -> M;
add([K | T], M) -> add(T, M#{K => {v, K}}).

ints(N) -> lists:seq(1, N).
shuffle(L) -> [X || {_, X} <- lists:sort([{erlang:phash2({X, 7}), X} || X <- L])].

mixed() ->
    [foo, 1.5, -7, 1 bsl 70, -(1 bsl 70), <<"ab">>, <<1:3>>, {x}, {x, y}, [], [a],
     "str", #{k => v}, 0, 2.0, 2, bar, 3.25, 100000000000000000].

%% Keys whose hash order is OTP's in any node: no atoms, pids or refs.
plain() ->
    [1.5, -7, 1 bsl 70, -(1 bsl 70), <<"ab">>, <<1:3>>, {1}, {1, 2}, [], [1],
     "str", #{1 => 2}, 0, 2.0, 2, 3.25, 100000000000000000, -0.5, {}, <<>>].

build() ->
    [show(add(ints(N))) || N <- [0, 1, 2, 31, 32, 33, 34, 40, 70]] ++
    [show(add(lists:reverse(ints(N)))) || N <- [32, 33, 40]] ++
    [show(add(shuffle(ints(N)))) || N <- [30, 33, 65]] ++
    [show(add(mixed())), show(add(lists:reverse(mixed())))] ++
    [show(add([{I, I} || I <- ints(N)])) || N <- [5, 33, 40]] ++
    [show(add(plain() ++ ints(N))) || N <- [12, 13, 40]] ++
    [showS(add(mixed() ++ ints(N))) || N <- [12, 13, 14, 40]] ++
    [show(add([integer_to_binary(I) || I <- ints(N)])) || N <- [20, 33]] ++
    %% Replacing values, small and large.
    [show(maps:fold(fun(K, _, A) -> A#{K => r} end, add(ints(N)), add(ints(N))))
     || N <- [10, 33, 50]].

two(M, A, B) -> M#{A => 1, B => 2}.
three(M, A, B, C) -> M#{A => 1, B => 2, C => 3}.
lit(M, X, Y) -> M#{a => X, b => Y, c => X, z => Y}.

multi() ->
    Base = [add(ints(N)) || N <- [0, 3, 30, 31, 32, 33, 40]],
    [show(two(M, A, B)) || M <- Base, {A, B} <- [{100, 101}, {1, 2}, {100, 100},
                                                   {2, 200}, {200, 2}, {<<"a">>, 1.0}]] ++
    [show(three(M, A, B, C)) || M <- Base, {A, B, C} <- [{100, 101, 102}, {100, 100, 100},
                                                         {101, 1, 101}, {-1, "x", <<>>}]] ++
    [showS(lit(M, p, q)) || M <- Base] ++
    [show(lit(#{}, p, q)), show(lit(#{a => 0, y => 0}, 1, 2))] ++
    [show(#{a => X, b => Y, X => Y}) || {X, Y} <- [{1, 2}, {a, 3}, {b, b}, {c, d}]].

exact() ->
    M = add(ints(5)),
    L = add(ints(40)),
    [show(M#{1 := one}), show(M#{1 := one, 5 := five}), show(L#{40 := x, 1 := y}),
     show(L#{7 := seven}),
     catch_it(fun() -> M#{6 := six} end),
     catch_it(fun() -> M#{1 := one, 6 := six} end),
     catch_it(fun() -> L#{41 := x} end),
     catch_it(fun() -> (id(not_a_map))#{1 := x} end),
     catch_it(fun() -> (id(not_a_map))#{1 => x} end)].

catch_it(F) -> try F() catch C:R -> {C, R} end.
id(X) -> X.

get3(#{a := A, b := B, c := C}) -> {A, B, C};
get3(#{a := A}) -> {only, A};
get3(_) -> none.
get3r(#{c := C, b := B, a := A}) -> {A, B, C};
get3r(_) -> none.
getk(K1, K2, M) ->
    case M of
        #{K1 := V1, K2 := V2} -> {V1, V2};
        #{K1 := V1} -> {one, V1};
        _ -> none
    end.
has(M) -> case M of #{a := _, z := _} -> both; #{a := _} -> a; _ -> neither end.

match() ->
    Ms = [#{}, #{a => 1}, #{a => 1, b => 2, c => 3}, #{c => 3, b => 2, a => 1, d => 4},
          maps:from_list([{I, I} || I <- ints(40)] ++ [{a, 1}, {b, 2}, {c, 3}]),
          add(ints(33)), add(ints(32)), #{a => 1, z => 26}, not_a_map],
    [{get3(M), get3r(M), has(M)} || M <- Ms] ++
    [getk(K1, K2, M) || M <- Ms, {K1, K2} <- [{a, b}, {1, 2}, {40, 1}, {33, 32}, {x, a},
                                               {1, 1.0}, {"s", [a]}]] ++
    [getk(K1, K2, add(mixed())) || K1 <- mixed(), K2 <- [2, 2.0, 1 bsl 70, {x, y}]].

natives() ->
    Ss = [ints(0), ints(3), ints(32), ints(33), ints(40), ints(64), ints(65), ints(100), plain()],
    Ms = [add(S) || S <- Ss],
    Mx = add(mixed()),
    [show(maps:remove(K, Mx)) || K <- [foo, bar, 2, missing]] ++
    [show(maps:without(Ks, Mx)) || Ks <- [[foo, 2.0, 2], mixed()]] ++
    [show(maps:merge(Mx, #{foo => 1, zzz => 2})), show(maps:merge(#{foo => 1, zzz => 2}, Mx))] ++
    [showS(maps:merge(Mx, add(ints(N)))) || N <- [13, 14, 40]] ++
    [show(maps:intersect(Mx, #{foo => 1, 2.0 => x, 3 => y}))] ++
    [show(maps:remove(K, M)) || M <- Ms, K <- [1, 33, 40, 100, foo, missing]] ++
    [maps:take(K, M) || M <- Ms, K <- [1, 33, missing]] ++
    [show(maps:without(Ks, M)) || M <- Ms, Ks <- [[], [1], [1, 1, 2], ints(8), ints(50), [foo, 2.0]]] ++
    [show(maps:intersect(A, B)) || A <- Ms, B <- [#{}, #{1 => x}, add(ints(35)), add(lists:seq(20, 60))]] ++
    [show(maps:merge(A, B)) || A <- Ms, B <- Ms] ++
    [show(maps:merge(A, B)) || A <- Ms, B <- [#{1 => x, 500 => y}, add(lists:seq(30, 45))]] ++
    [show(maps:from_list(L)) || L <- [[], [{a, 1}, {a, 2}], [{I rem 20, I} || I <- ints(50)],
                                      [{I rem 40, I} || I <- ints(90)],
                                      [{I, I} || I <- lists:reverse(ints(70))],
                                      [{K, 1} || K <- mixed()], [{K, 1} || K <- plain() ++ plain()]]] ++
    [show(maps:from_keys(L, v)) || L <- [[], [a, a], ints(33), ints(80), mixed(), [1, 1, 2, 2]]] ++
    [catch_it(fun() -> maps:from_list(X) end) || X <- [[{a, 1} | b], [{a}], x]] ++
    [catch_it(fun() -> maps:from_keys(X, 1) end) || X <- [[a | b], x]] ++
    [catch_it(fun() -> maps:without(X, #{}) end) || X <- [x]] ++
    [maps:to_list(#{}), maps:keys(#{}), maps:values(#{})] ++
    [show(maps:put(K, new, M)) || M <- Ms, K <- [1, 32, 33, 34, 101, "x"]] ++
    [catch_it(fun() -> maps:update(K, new, M) end) || M <- Ms, K <- [1, 33, nokey]].

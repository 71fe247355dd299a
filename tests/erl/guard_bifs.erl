-module(guard_bifs).
-export([main/0]).

%% Guard BIFs: element, tuple_size, map_size, byte_size, bit_size, abs,
%% float, round, trunc, hd, tl, length, node, self, size,
%% map_get, is_map_key, arithmetic and comparisons inside guards.

t(X) when element(1, X) =:= tag -> {tag, element(2, X)};
t(X) when tuple_size(X) =:= 3 -> triple;
t(X) when map_size(X) > 1 -> bigmap;
t(X) when is_map_key(k, X) -> {has_k, map_get(k, X)};
t(X) when byte_size(X) > 2 -> {longbin, byte_size(X)};
t(X) when bit_size(X) =:= 3 -> threebits;
t(X) when size(X) =:= 2 -> size2;
t(X) when X band 16#F0 =:= 16#80 -> band_80;
t(X) when abs(X) > 100 -> big_abs;
t(X) when float(X) =:= 2.0 -> float_two;
t(X) when round(X) =:= 3 -> rounds_to_3;
t(X) when trunc(X) =:= 4 -> truncs_to_4;
t(X) when hd(X) =:= h -> head_h;
t(X) when tl(X) =:= [t] -> tail_t;
t(X) when length(X) > 3 -> long_list;
t(X) when X =:= node() -> is_node;
t(X) when X =:= self() -> is_self;
t(X) when X * 2 + 1 =:= 11 -> arith_5;
t(X) when -X =:= 7 -> neg_7;
t(X) when X rem 3 =:= 0, X div 3 =:= 2 -> six;
t(X) when bnot X =:= -10 -> bnot_9;
t(_) -> other.

main() ->
    Vals = [{tag, 1}, {a, b, c}, #{a => 1, b => 2}, #{k => v}, <<"abcd">>, <<1:3>>, {x, y},
            <<1, 2>>, -500, 2, 2.0, 2.6, 4.7, [h, i], [x, t], [1, 2, 3, 4], [1, 2], 5, -7, 6,
            16#85, 9, 3.4, nomatch],
    lists:foreach(fun(V) -> io:format("~w -> ~w~n", [show(V), t(V)]) end, Vals),
    io:format("node ~w self ~w~n", [t(node()), t(self())]),
    io:format("bif calls ~w~n", [[element(2, {a, b}), tuple_size({}), byte_size(<<1, 2, 3>>),
                                  bit_size(<<1:5>>), abs(-3), float(3), round(2.5), trunc(-2.5),
                                  hd([1]), tl([1]), length([]), map_size(#{}), size(<<1>>)]]),
    ok.

%% maps are shown as sorted lists: their print order differs between releases
show(M) when is_map(M) -> {map, lists:sort(maps:to_list(M))};
show(X) -> X.

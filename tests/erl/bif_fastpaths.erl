%% Guard BIFs the loader gives fast paths (self, hd, tl, element,
%% tuple_size, byte_size, map_size), in guards and bodies, on every kind of
%% operand they accept and on the ones they reject.
-module(bif_fastpaths).
-export([main/0]).

main() ->
    Big = list_to_binary(lists:seq(1, 200)),
    Grown = grow(<<>>, 100),
    <<_:3, Bits/bitstring>> = <<1, 2, 3>>,
    <<_:8, Sub/binary>> = Big,
    Vals = [[], [a], [a | b], [1, 2, 3], {}, {x}, {x, y, z}, <<>>, <<1, 2, 3>>,
            Big, Grown, Bits, Sub, #{}, #{a => 1}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
            a, 7, 7.5, "str"],
    [io:format("~w~n", [probe(V)]) || V <- Vals],
    [io:format("~w ~w~n", [N, elems(N, {a, b, c})]) || N <- [-1, 0, 1, 2, 3, 4, a, 1.0, 1 bsl 64]],
    io:format("~w~n", [is_pid(self()) andalso self() =:= self()]),
    io:format("~w~n", [skip(Big, 0)]),
    ok.

grow(B, 0) -> B;
grow(B, N) -> grow(<<B/binary, N>>, N - 1).

probe(V) ->
    {guard_hd(V), guard_tl(V), guard_size(V), guard_bsize(V), guard_msize(V),
     safe(fun() -> hd(V) end), safe(fun() -> tl(V) end),
     safe(fun() -> tuple_size(V) end), safe(fun() -> byte_size(V) end),
     safe(fun() -> map_size(V) end)}.

guard_hd(V) when hd(V) =:= a -> {hd, a};
guard_hd(V) when is_list(V), V =/= [] -> {hd, other};
guard_hd(_) -> nohd.

guard_tl(V) when tl(V) =:= [] -> {tl, nil};
guard_tl(_) -> notl.

guard_size(V) when tuple_size(V) > 1 -> {big, tuple_size(V)};
guard_size(V) when tuple_size(V) >= 0 -> small;
guard_size(_) -> notuple.

guard_bsize(V) when byte_size(V) > 10 -> {big, byte_size(V)};
guard_bsize(V) when byte_size(V) >= 0 -> {small, byte_size(V)};
guard_bsize(_) -> nobin.

guard_msize(V) when map_size(V) > 0 -> {map, map_size(V)};
guard_msize(V) when map_size(V) =:= 0 -> empty;
guard_msize(_) -> nomap.

elems(N, T) ->
    {if element(N, T) =:= b -> b; true -> notb end,
     safe(fun() -> element(N, T) end)}.

%% byte_size of a tail that is being matched.
skip(<<_, Rest/binary>>, N) when byte_size(Rest) > 100 -> skip(Rest, N + 1);
skip(Rest, N) -> {N, byte_size(Rest)}.

safe(F) ->
    try F() catch C:R -> {C, R} end.

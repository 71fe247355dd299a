-module(map_guards).
-export([main/0]).

%% map_size, is_map, is_map_key and map_get in guards, and guard failure
%% on non-maps (the clause is skipped, no exception).

f(M) when map_size(M) =:= 0 -> empty;
f(M) when map_size(M) > 32 -> large;
f(M) when is_map_key(admin, M), map_get(admin, M) =:= true -> admin;
f(M) when is_map_key(admin, M) -> not_admin;
f(M) when is_map(M) -> small;
f(_) -> not_map.

g(X) when map_size(X) >= 0 -> map;
g(_) -> other.

h(M, K) when is_map_key(K, M) -> has;
h(_, _) -> hasnt.

i(M) when map_get(x, M) > 10; map_get(y, M) > 10 -> big;
i(_) -> small.

main() ->
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
    Ins = [#{}, Big, #{admin => true}, #{admin => false}, #{a => 1}, [], {map}, <<>>],
    [io:format("f ~w~n", [f(X)]) || X <- Ins],
    io:format("g ~w~n", [[g(X) || X <- [#{}, 1, atom, "s"]]]),
    io:format("h ~w~n", [[h(M, K) || {M, K} <- [{#{a => 1}, a}, {#{a => 1}, b}, {nomap, a}]]]),
    io:format("i ~w~n", [[i(M) || M <- [#{x => 11}, #{x => 1, y => 11}, #{y => 20},
                                        #{x => 1, y => 1}, #{}, atom]]]),
    F = fun(M) when is_map(M), map_size(M) rem 2 =:= 0 -> even; (_) -> odd end,
    io:format("fun ~w~n", [[F(M) || M <- [#{}, #{a => 1}, #{a => 1, b => 2}, x]]]),
    ok.

-module(map_update).
-export([main/0]).

%% Map update syntax: => inserts or replaces, := only replaces (badkey
%% otherwise), updating non-maps (badmap), and chains of updates.

id(X) -> X.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    M = id(#{a => 1, b => 2}),
    t("insert", fun() -> M#{c => 3} end),
    t("replace =>", fun() -> M#{a => 10} end),
    t("replace :=", fun() -> M#{a := 10} end),
    t("both", fun() -> M#{a := 0, z => 26} end),
    t("missing :=", fun() -> M#{c := 3} end),
    t("missing second :=", fun() -> M#{a := 5, d := 4} end),
    t("badmap", fun() -> (id(not_a_map))#{a => 1} end),
    t("badmap :=", fun() -> (id([1, 2]))#{a := 1} end),
    t("empty update", fun() -> M#{} end),
    t("empty badmap", fun() -> (id(3))#{} end),
    t("same value", fun() -> M#{a := 1} =:= M end),
    t("float key :=", fun() -> (id(#{1 => x}))#{1.0 := y} end),
    t("float key =>", fun() -> (id(#{1 => x}))#{1.0 => y} end),
    t("var keys", fun() -> K = id(b), M#{K := bb, {K} => tuple} end),
    t("chain", fun() -> ((M#{c => 3})#{d => 4})#{a := 0} end),
    t("nested", fun() -> N = #{inner => M}, N#{inner := (maps:get(inner, N))#{b := 20}} end),
    %% growing past 32 keys with => then back with :=
    Big = lists:foldl(fun(I, Acc) -> Acc#{I => I} end, id(#{}), lists:seq(1, 40)),
    Big2 = lists:foldl(fun(I, Acc) -> Acc#{I := -I} end, Big, lists:seq(1, 40, 3)),
    t("big size", fun() -> {map_size(Big), map_size(Big2)} end),
    t("big vals", fun() -> [maps:get(I, Big2) || I <- lists:seq(1, 12)] end),
    t("big badkey", fun() -> Big#{41 := x} end),
    ok.

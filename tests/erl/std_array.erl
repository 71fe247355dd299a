-module(std_array).
-export([main/0]).

%% The array module of OTP 25: its tree of 10-tuples (printed whole) as
%% set/3, reset/2, resize, from_list and from_orddict build it, every
%% exported function, the order in which funs are called and the errors of
%% bad arguments. OTP 29 changed the representation.
%% beamr: later-runtime-differs

main() ->
    construction(),
    set_get(),
    conversions(),
    builders(),
    higher_order(),
    sizes(),
    errors(),
    ok.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s~n~p~n~w~n", [Label, R, R]).

construction() ->
    show("new/0", fun() -> array:new() end),
    show("new []", fun() -> array:new([]) end),
    show("new 10", fun() -> array:new(10) end),
    show("new size 25", fun() -> array:new({size, 25}) end),
    show("new fixed", fun() -> array:new(fixed) end),
    show("new fixed false", fun() -> array:new({fixed, false}) end),
    show("new default", fun() -> array:new({default, 0}) end),
    show("new opts", fun() -> array:new([{size, 100}, {fixed, false}, {default, x}]) end),
    show("new opts 2", fun() -> array:new([101, fixed, {default, 0}]) end),
    show("new sizes", fun() -> [array:new(N) || N <- [0, 1, 9, 10, 11, 99, 100, 101, 1000, 1001]] end),
    show("new/2", fun() -> array:new(10, {fixed, false}) end),
    show("new/2 size overrides", fun() -> array:new(10, [{size, 3}]) end),
    show("new/2 list", fun() -> array:new(0, [{default, d}]) end),
    show("is_array", fun() -> [array:is_array(X) || X <- [array:new(), array:new(5), {array, a, 1, 2, 3},
                                                           {array, 1, 2, 3, 4}, {array, 1, 2, 3}, foo]] end),
    show("size default", fun() -> {array:size(array:new(7)), array:default(array:new({default, q}))} end),
    show("fix relax", fun() -> A = array:set(15, x, array:new()),
                                   {array:fix(A), array:relax(array:fix(A)), array:is_fix(A), array:is_fix(array:fix(A)),
                                    array:relax(array:new(1000))} end).

set_get() ->
    A0 = array:new(),
    A1 = array:set(0, a, A0),
    A2 = array:set(9, b, A1),
    A3 = array:set(10, c, A2),
    A4 = array:set(123, d, A3),
    A5 = array:set(4567, e, A4),
    show("set 0", fun() -> A1 end),
    show("set 9", fun() -> A2 end),
    show("set 10", fun() -> A3 end),
    show("set 123", fun() -> A4 end),
    show("set 4567", fun() -> A5 end),
    show("set big first", fun() -> array:set(12345, z, array:new()) end),
    show("set then low", fun() -> array:set(3, y, array:set(12345, z, array:new())) end),
    show("get", fun() -> [array:get(I, A5) || I <- [0, 1, 9, 10, 11, 123, 4567, 4568, 100000]] end),
    show("get default", fun() -> array:get(5, array:new({default, 0})) end),
    show("overwrite", fun() -> array:set(10, cc, A5) end),
    show("reset", fun() -> array:reset(10, A5) end),
    show("reset unset", fun() -> array:reset(11, A5) =:= A5 end),
    show("reset untouched subtree", fun() -> array:reset(2000, A5) =:= A5 end),
    show("reset beyond", fun() -> array:reset(100000, A5) =:= A5 end),
    show("reset to default value", fun() -> array:reset(0, array:set(0, undefined, array:new())) end),
    show("fixed set", fun() -> array:set(4, x, array:new(5)) end),
    show("fixed get", fun() -> array:get(4, array:new(5, {default, 1})) end),
    show("resize grow", fun() -> array:resize(35, A2) end),
    show("resize shrink", fun() -> array:resize(5, A4) end),
    show("resize fixed grow", fun() -> array:resize(250, array:new(5)) end),
    show("resize fixed grow sparse", fun() -> array:resize(250, array:fix(A3)) end),
    show("resize same", fun() -> array:resize(11, A3) =:= A3 end),
    show("resize/1", fun() -> array:resize(array:set(50, x, array:set(70, undefined, array:new()))) end),
    show("resize/1 empty", fun() -> array:resize(array:new(20)) end),
    show("shrunk then get", fun() -> array:get(9, array:resize(5, A3)) end),
    show("shrunk then regrow", fun() -> array:set(20, q, array:resize(5, A3)) end).

conversions() ->
    A = array:set(25, z, array:set(3, c, array:set(0, a, array:new({default, d})))),
    Shrunk = array:resize(10, array:from_list(lists:seq(1, 30))),
    lists:foreach(
      fun({Tag, X}) ->
              show(Tag ++ " to_list", fun() -> array:to_list(X) end),
              show(Tag ++ " sparse_to_list", fun() -> array:sparse_to_list(X) end),
              show(Tag ++ " to_orddict", fun() -> array:to_orddict(X) end),
              show(Tag ++ " sparse_to_orddict", fun() -> array:sparse_to_orddict(X) end),
              show(Tag ++ " sparse_size", fun() -> array:sparse_size(X) end)
      end, [{"sparse", A}, {"empty", array:new()}, {"fixed empty", array:new(12)},
            {"shrunk", Shrunk}, {"big", array:set(1234, x, array:new())},
            {"dense", array:from_list(lists:seq(1, 35))}]).

builders() ->
    lists:foreach(
      fun(N) ->
              show("from_list " ++ integer_to_list(N), fun() -> array:from_list(lists:seq(1, N)) end)
      end, [0, 1, 9, 10, 11, 20, 99, 100, 101, 111, 1000, 1001]),
    show("from_list default", fun() -> array:from_list([a, b, c], x) end),
    show("from_list empty default", fun() -> array:from_list([], x) end),
    show("from_list 2345", fun() -> erlang:phash2(array:from_list(lists:seq(1, 2345))) end),
    Dicts = [[], [{0, a}], [{5, a}], [{9, a}], [{10, a}], [{0, a}, {1, b}, {15, c}],
             [{3, a}, {99, b}], [{100, a}], [{150, a}, {151, b}], [{7, a}, {1000, b}, {1001, c}],
             [{0, x}, {12345, y}], [{I, I} || I <- lists:seq(0, 120, 3)],
             [{I, I} || I <- lists:seq(5, 2000, 97)], [{1, a}, {35, b}, {36, c}, {300, d}]],
    lists:foreach(
      fun(D) ->
              show("from_orddict " ++ io_lib:format("~w", [lists:sublist(D, 3)]), fun() -> array:from_orddict(D) end),
              show("from_orddict back", fun() -> array:sparse_to_orddict(array:from_orddict(D)) =:= D end)
      end, Dicts),
    show("from_orddict default", fun() -> array:from_orddict([{2, a}], 0) end),
    show("from_orddict empty default", fun() -> array:from_orddict([], 0) end),
    show("from_orddict default values", fun() -> array:from_orddict([{0, undefined}, {1, b}]) end).

higher_order() ->
    A = array:set(25, z, array:set(3, c, array:set(0, a, array:new({default, d})))),
    Shrunk = array:resize(10, array:from_list(lists:seq(1, 30))),
    Trace = fun(Tag) -> fun(I, V) -> put(calls, [{I, V} | get(calls)]), {Tag, I, V} end end,
    Trace3 = fun(I, V, Acc) -> [{I, V} | Acc] end,
    lists:foreach(
      fun({Tag, X}) ->
              show(Tag ++ " map", fun() -> put(calls, []), R = array:map(Trace(m), X), {R, lists:reverse(erase(calls))} end),
              show(Tag ++ " sparse_map", fun() -> put(calls, []), R = array:sparse_map(Trace(s), X),
                                                  {R, lists:reverse(erase(calls))} end),
              show(Tag ++ " foldl", fun() -> array:foldl(Trace3, [], X) end),
              show(Tag ++ " foldr", fun() -> array:foldr(Trace3, [], X) end),
              show(Tag ++ " sparse_foldl", fun() -> array:sparse_foldl(Trace3, [], X) end),
              show(Tag ++ " sparse_foldr", fun() -> array:sparse_foldr(Trace3, [], X) end)
      end, [{"sparse", A}, {"empty", array:new()}, {"fixed", array:new(3)},
            {"shrunk", Shrunk}, {"big", array:set(1234, x, array:set(5, y, array:new()))},
            {"dense", array:from_list(lists:seq(1, 23))}]).

sizes() ->
    show("grow by set", fun() -> [array:size(array:set(I, x, array:new())) || I <- [0, 9, 10, 99, 100, 101, 999, 1000]] end),
    show("sequential sets", fun() -> lists:foldl(fun(I, Acc) -> array:set(I, I * I, Acc) end, array:new(), lists:seq(0, 120)) end),
    show("descending sets", fun() -> lists:foldl(fun(I, Acc) -> array:set(I, I, Acc) end, array:new(), lists:seq(120, 0, -7)) end),
    show("resets", fun() -> lists:foldl(fun(I, Acc) -> array:reset(I, Acc) end, array:from_list(lists:seq(1, 40)),
                                         lists:seq(0, 39, 3)) end).

errors() ->
    A = array:from_list([a, b, c]),
    F = array:new(3),
    Bad = [{"new negative", fun() -> array:new(-1) end},
           {"new float", fun() -> array:new(10.0) end},
           {"new atom", fun() -> array:new(foo) end},
           {"new list atom", fun() -> array:new([foo]) end},
           {"new improper", fun() -> array:new([{default, 0} | fixed]) end},
           {"new fixed bad", fun() -> array:new({fixed, perhaps}) end},
           {"new/2 negative", fun() -> array:new(-1, []) end},
           {"new/2 atom", fun() -> array:new(foo, []) end},
           {"new/2 bad opt", fun() -> array:new(3, [bar]) end},
           {"size atom", fun() -> array:size(foo) end},
           {"default atom", fun() -> array:default(foo) end},
           {"fix atom", fun() -> array:fix(foo) end},
           {"is_fix atom", fun() -> array:is_fix(foo) end},
           {"relax atom", fun() -> array:relax(foo) end},
           {"set negative", fun() -> array:set(-1, x, A) end},
           {"set float", fun() -> array:set(1.0, x, A) end},
           {"set atom", fun() -> array:set(1, x, foo) end},
           {"set fixed out", fun() -> array:set(3, x, F) end},
           {"get fixed out", fun() -> array:get(3, F) end},
           {"get negative", fun() -> array:get(-1, A) end},
           {"get atom", fun() -> array:get(0, foo) end},
           {"get bignum", fun() -> array:get(1 bsl 80, A) end},
           {"reset fixed out", fun() -> array:reset(3, F) end},
           {"reset negative", fun() -> array:reset(-1, A) end},
           {"reset atom", fun() -> array:reset(0, foo) end},
           {"resize negative", fun() -> array:resize(-1, A) end},
           {"resize atom", fun() -> array:resize(1, foo) end},
           {"resize/1 atom", fun() -> array:resize(foo) end},
           {"to_list atom", fun() -> array:to_list(foo) end},
           {"sparse_to_list atom", fun() -> array:sparse_to_list(foo) end},
           {"to_orddict atom", fun() -> array:to_orddict(foo) end},
           {"sparse_to_orddict atom", fun() -> array:sparse_to_orddict(foo) end},
           {"sparse_size atom", fun() -> array:sparse_size(foo) end},
           {"from_list atom", fun() -> array:from_list(foo) end},
           {"from_list improper", fun() -> array:from_list([1, 2 | 3]) end},
           {"from_list improper long", fun() -> array:from_list([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 | 3]) end},
           {"from_list improper tenth", fun() -> array:from_list([1, 2, 3, 4, 5, 6, 7, 8, 9, 10 | 3]) end},
           {"from_orddict atom", fun() -> array:from_orddict(foo) end},
           {"from_orddict bad pair", fun() -> array:from_orddict([{0, a}, b]) end},
           {"from_orddict unordered", fun() -> array:from_orddict([{5, a}, {2, b}]) end},
           {"from_orddict duplicate", fun() -> array:from_orddict([{2, a}, {2, b}]) end},
           {"from_orddict negative", fun() -> array:from_orddict([{-1, a}]) end},
           {"from_orddict atom index", fun() -> array:from_orddict([{0, a}, {x, b}]) end},
           {"from_orddict atom index big", fun() -> array:from_orddict([{50, a}, {x, b}]) end},
           {"from_orddict improper", fun() -> array:from_orddict([{0, a} | b]) end},
           {"map not a fun", fun() -> array:map(foo, A) end},
           {"map atom", fun() -> array:map(fun(_, V) -> V end, foo) end},
           {"map empty not a fun", fun() -> array:map(foo, array:new()) end},
           {"sparse_map arity", fun() -> array:sparse_map(fun erlang:abs/1, A) end},
           {"foldl not a fun", fun() -> array:foldl(foo, 0, A) end},
           {"foldl atom", fun() -> array:foldl(fun(_, _, X) -> X end, 0, foo) end},
           {"foldr not a fun", fun() -> array:foldr(foo, 0, A) end},
           {"sparse_foldl not a fun", fun() -> array:sparse_foldl(foo, 0, A) end},
           {"sparse_foldr not a fun", fun() -> array:sparse_foldr(foo, 0, A) end},
           {"foldl raising", fun() -> array:foldl(fun(_, V, Acc) -> V + Acc end, 0, A) end}],
    lists:foreach(fun({L, Fun}) -> show(L, Fun) end, Bad).

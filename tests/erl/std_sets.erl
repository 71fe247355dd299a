-module(std_sets).
-export([main/0]).

%% The sets module of OTP 25: both representations (version 1, the
%% segmented hash table keyed by erlang:phash/2, printed as a tuple, and
%% version 2, a map), every exported function, growth and shrinking of the
%% hash table, mixed-version operations and the errors of bad arguments.
%% Later releases changed the default version, so their output differs.
%% beamr: later-runtime-differs

main() ->
    constructors(),
    queries(),
    growth(),
    set_ops(),
    higher_order(),
    mixed(),
    errors(),
    ok.

first_throw(F) ->
    try F() catch throw:T -> T end.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s~n~p~n~w~n", [Label, R, R]).

%% A deterministic mix of element types.
elem(I) ->
    case I rem 9 of
        0 -> I;
        1 -> -I * 7919;
        2 -> I * 1.5;
        3 -> list_to_atom("a" ++ integer_to_list(I));
        4 -> integer_to_binary(I);
        5 -> {I, [I]};
        6 -> [I, I + 1];
        7 -> (1 bsl 70) + I;
        8 -> {}
    end.

elems(N) -> [elem(I) || I <- lists:seq(1, N)].

%% Version 2 sets of more than 32 elements are large maps, whose key
%% order depends on the atom table when keys are atoms: use no atoms there.
elems_v2(N) -> [case elem(I) of A when is_atom(A) -> atom_to_list(A); E -> E end || I <- lists:seq(1, N)].

elems(N, [{version, 2}]) -> elems_v2(N);
elems(N, _) -> elems(N).

%% A deterministic permutation of L.
shuffle(L) ->
    {_, Sorted} = lists:foldl(fun(X, {S, Acc}) ->
                                      S1 = (S * 1103515245 + 12345) band 16#7fffffff,
                                      {S1, [{S1, X} | Acc]}
                              end, {42, []}, L),
    [X || {_, X} <- lists:sort(Sorted)].

constructors() ->
    show("new/0", fun() -> sets:new() end),
    show("new v1", fun() -> sets:new([{version, 1}]) end),
    show("new v2", fun() -> sets:new([{version, 2}]) end),
    show("new []", fun() -> sets:new([]) end),
    show("new other opts", fun() -> sets:new([foo, {bar, 1}, {version, 2}, {version, 1}]) end),
    show("new version 1 last", fun() -> sets:new([{version, 1}, {version, 2}]) end),
    show("from_list", fun() -> sets:from_list([c, a, b, a, 1, 1.0, "x"]) end),
    show("from_list v1", fun() -> sets:from_list([3, 2, 1, 2], [{version, 1}]) end),
    show("from_list v2", fun() -> sets:from_list([3, 2, 1, 2, 1.0], [{version, 2}]) end),
    show("from_list v2 extra", fun() -> sets:from_list([x, y], [{a, b}, {version, 2}]) end),
    show("from_list empty", fun() -> sets:from_list([]) end),
    show("from_list empty v2", fun() -> sets:from_list([], [{version, 2}]) end).

queries() ->
    S1 = sets:from_list(elems(30)),
    S2 = sets:from_list(elems(30), [{version, 2}]),
    lists:foreach(
      fun({Tag, S}) ->
              show(Tag ++ " size", fun() -> sets:size(S) end),
              show(Tag ++ " is_empty", fun() -> {sets:is_empty(S), sets:is_empty(sets:del_element(elem(1), S))} end),
              show(Tag ++ " to_list", fun() -> sets:to_list(S) end),
              show(Tag ++ " sorted", fun() -> lists:sort(sets:to_list(S)) end),
              show(Tag ++ " is_element",
                   fun() -> [sets:is_element(X, S) || X <- [elem(5), elem(31), 3, 3.0, 4.5, a12, <<"13">>, {}]] end),
              show(Tag ++ " is_set", fun() -> sets:is_set(S) end),
              show(Tag ++ " add existing", fun() -> sets:add_element(elem(7), S) =:= S end),
              show(Tag ++ " del missing", fun() -> sets:del_element(nope, S) =:= S end),
              show(Tag ++ " add new", fun() -> sets:add_element(new_one, S) end),
              show(Tag ++ " del", fun() -> sets:del_element(elem(10), S) end)
      end, [{"v1", S1}, {"v2", S2}]),
    show("is_set values",
         fun() -> [sets:is_set(X) || X <- [sets:new(), #{}, #{a => b}, {set, 1, 2, 3, 4, 5, 6, 7, 8},
                                            {set, 1}, [], foo, {}, sets:new([{version, 2}])]] end),
    show("is_empty new", fun() -> {sets:is_empty(sets:new()), sets:is_empty(sets:new([{version, 2}]))} end),
    show("empty to_list", fun() -> {sets:to_list(sets:new()), sets:to_list(sets:new([{version, 2}]))} end),
    show("floats and ints", fun() ->
                                    S = sets:from_list([1, 1.0, 0.0, -0.0, 0, 2]),
                                    {sets:size(S), lists:sort(sets:to_list(S)),
                                     sets:is_element(1.0, S), sets:is_element(2.0, S)}
                            end).

growth() ->
    All = elems(400),
    Steps = [1, 16, 17, 79, 80, 81, 82, 160, 161, 170, 320, 321, 400],
    lists:foreach(
      fun(N) ->
              S = sets:from_list(lists:sublist(All, N)),
              show("grown " ++ integer_to_list(N), fun() -> S end),
              show("grown list " ++ integer_to_list(N), fun() -> sets:to_list(S) end)
      end, Steps),
    Full = sets:from_list(All),
    Order = shuffle(All),
    shrink(Full, Order, 400, [399, 300, 240, 239, 200, 120, 96, 95, 48, 47, 20, 1, 0]),
    Big = sets:from_list(lists:seq(1, 1000)),
    show("big size", fun() -> sets:size(Big) end),
    show("big hash", fun() -> erlang:phash2(Big) end),
    show("big to_list", fun() -> sets:to_list(Big) end),
    show("big filter", fun() -> sets:filter(fun(X) -> X rem 3 =:= 0 end, Big) end),
    show("big filter few", fun() -> sets:filter(fun(X) -> X < 5 end, Big) end),
    show("big del one", fun() -> element(1, sets:del_element(500, Big)) end),
    Small = lists:foldl(fun sets:del_element/2, Big, lists:seq(1, 990)),
    show("big deleted", fun() -> Small end),
    show("big deleted to_list", fun() -> sets:to_list(Small) end),
    show("ext size", fun() -> byte_size(term_to_binary(sets:from_list(lists:seq(1, 200)))) end).

shrink(_, _, _, []) -> ok;
shrink(S, Order, N, [Target | Ts]) when N =:= Target ->
    show("shrunk " ++ integer_to_list(N), fun() -> S end),
    show("shrunk list " ++ integer_to_list(N), fun() -> sets:to_list(S) end),
    shrink(S, Order, N, Ts);
shrink(S, [X | Order], N, Ts) ->
    shrink(sets:del_element(X, S), Order, N - 1, Ts).

set_ops() ->
    A = lists:seq(1, 60),
    B = lists:seq(40, 130, 2),
    C = [<<"a">>, "b", {3}, 1.0, 2.0],
    lists:foreach(
      fun(Opts) ->
              Tag = io_lib:format("~w ", [Opts]),
              SA = sets:from_list(A, Opts),
              SB = sets:from_list(B, Opts),
              SC = sets:from_list(C, Opts),
              E = sets:new(Opts),
              show(Tag ++ "union", fun() -> sets:union(SA, SB) end),
              show(Tag ++ "union rev", fun() -> sets:union(SB, SA) end),
              show(Tag ++ "union list", fun() -> sets:to_list(sets:union(SA, SC)) end),
              show(Tag ++ "union empty", fun() -> {sets:union(E, SC), sets:union(SC, E)} end),
              show(Tag ++ "union/1", fun() -> sets:union([SA, SB, SC]) end),
              show(Tag ++ "union/1 one", fun() -> sets:union([SC]) end),
              show(Tag ++ "union/1 none", fun() -> sets:union([]) end),
              show(Tag ++ "intersection", fun() -> sets:intersection(SA, SB) end),
              show(Tag ++ "intersection rev", fun() -> sets:intersection(SB, SA) end),
              show(Tag ++ "intersection disjoint", fun() -> sets:intersection(SA, SC) end),
              show(Tag ++ "intersection/1", fun() -> sets:intersection([SA, SB, sets:from_list(lists:seq(50, 55), Opts)]) end),
              show(Tag ++ "intersection/1 one", fun() -> sets:intersection([SC]) end),
              show(Tag ++ "intersection floats", fun() -> sets:intersection(SC, sets:from_list([1, 2.0, "b"], Opts)) end),
              show(Tag ++ "is_disjoint", fun() -> [sets:is_disjoint(X, Y) || X <- [SA, SB, SC, E], Y <- [SA, SB, SC, E]] end),
              show(Tag ++ "subtract", fun() -> sets:subtract(SA, SB) end),
              show(Tag ++ "subtract rev", fun() -> sets:subtract(SB, SA) end),
              show(Tag ++ "subtract all", fun() -> sets:subtract(SC, SC) end),
              show(Tag ++ "subtract none", fun() -> sets:subtract(SC, SA) end),
              show(Tag ++ "is_subset", fun() -> [sets:is_subset(X, Y) || X <- [SA, SB, SC, E, sets:from_list([45, 50], Opts)],
                                                                       Y <- [SA, SB, SC, E]] end)
      end, [[{version, 1}], [{version, 2}]]).

higher_order() ->
    lists:foreach(
      fun(Opts) ->
              Tag = io_lib:format("~w ", [Opts]),
              S = sets:from_list(elems(50, Opts), Opts),
              show(Tag ++ "fold", fun() -> sets:fold(fun(X, Acc) -> [X | Acc] end, [], S) end),
              show(Tag ++ "fold count", fun() -> sets:fold(fun(_, N) -> N + 1 end, 0, S) end),
              show(Tag ++ "fold empty", fun() -> sets:fold(fun(X, Acc) -> [X | Acc] end, empty, sets:new(Opts)) end),
              show(Tag ++ "filter", fun() -> sets:filter(fun(X) -> is_integer(X) end, S) end),
              show(Tag ++ "filter all", fun() -> sets:filter(fun(_) -> true end, S) =:= S end),
              show(Tag ++ "filter none", fun() -> sets:filter(fun(_) -> false end, S) end),
              show(Tag ++ "filter order", fun() -> sets:to_list(sets:filter(fun(X) -> not is_float(X) end, S)) end),
              show(Tag ++ "fold throw", fun() -> first_throw(fun() -> sets:fold(fun(X, _) -> throw({first, X}) end, 0, S) end) end),
              show(Tag ++ "filter throw", fun() -> first_throw(fun() -> sets:filter(fun(X) -> throw({first, X}) end, S) end) end),
              show(Tag ++ "filter calls", fun() -> put(calls, []),
                                                   _ = sets:filter(fun(X) -> put(calls, [X | get(calls)]), true end, S),
                                                   lists:reverse(erase(calls)) end)
      end, [[{version, 1}], [{version, 2}]]).

mixed() ->
    V1 = sets:from_list([1, 2, 3, 4]),
    V1b = sets:from_list([3, 4, 5]),
    V2 = sets:from_list([3, 4, 5], [{version, 2}]),
    V2b = sets:from_list([1, 2, 3, 4, 5, 6], [{version, 2}]),
    show("mixed union 1 2", fun() -> sets:union(V1, V2) end),
    show("mixed union 2 1", fun() -> sets:union(V2, V1) end),
    show("mixed union 2b 1b", fun() -> sets:union(V2b, V1b) end),
    show("mixed union/1", fun() -> sets:union([V2, V1, V2b]) end),
    show("mixed intersection 1 2", fun() -> sets:intersection(V1, V2) end),
    show("mixed intersection 2b 1", fun() -> sets:intersection(V2b, V1) end),
    show("mixed subtract 1 2", fun() -> sets:subtract(V1, V2) end),
    show("mixed subtract 2 1", fun() -> sets:subtract(V2, V1) end),
    show("mixed is_subset", fun() -> {sets:is_subset(V1, V2b), sets:is_subset(V2b, V1), sets:is_subset(V2, V1)} end),
    show("mixed is_disjoint", fun() -> {sets:is_disjoint(V1, V2), sets:is_disjoint(V2, sets:from_list([9]))} end).

errors() ->
    S1 = sets:from_list([1, 2, 3]),
    S2 = sets:from_list([1, 2, 3], [{version, 2}]),
    show("new bad list", fun() -> sets:new(foo) end),
    show("new bad version", fun() -> sets:new([{version, 3}]) end),
    show("new bare version", fun() -> sets:new([version]) end),
    show("new improper", fun() -> sets:new([{a, 1} | b]) end),
    show("from_list atom", fun() -> sets:from_list(foo) end),
    show("from_list improper", fun() -> sets:from_list([a | b]) end),
    show("from_list v2 atom", fun() -> sets:from_list(foo, [{version, 2}]) end),
    show("from_list v2 improper", fun() -> sets:from_list([a | b], [{version, 2}]) end),
    show("from_list bad opts", fun() -> sets:from_list([a], foo) end),
    show("from_list bad version", fun() -> sets:from_list([a], [{version, 0}]) end),
    show("size atom", fun() -> sets:size(foo) end),
    show("size tuple", fun() -> sets:size({set, 1}) end),
    show("is_empty atom", fun() -> sets:is_empty(foo) end),
    show("to_list atom", fun() -> sets:to_list(foo) end),
    show("is_element atom", fun() -> sets:is_element(1, foo) end),
    show("add_element atom", fun() -> sets:add_element(1, foo) end),
    show("del_element atom", fun() -> sets:del_element(1, foo) end),
    show("union atom 1", fun() -> sets:union(foo, S1) end),
    show("union atom 2", fun() -> sets:union(S1, foo) end),
    show("union v2 atom", fun() -> sets:union(S2, foo) end),
    show("union/1 atom", fun() -> sets:union(foo) end),
    show("union/1 single non-set", fun() -> sets:union([foo]) end),
    show("union/1 improper", fun() -> sets:union([S1, S2 | foo]) end),
    show("intersection atom", fun() -> sets:intersection(S1, foo) end),
    show("intersection v2 atom", fun() -> sets:intersection(foo, S2) end),
    show("intersection/1 empty", fun() -> sets:intersection([]) end),
    show("intersection/1 single non-set", fun() -> sets:intersection([foo]) end),
    show("intersection/1 atom", fun() -> sets:intersection(foo) end),
    show("is_disjoint atom", fun() -> sets:is_disjoint(S1, foo) end),
    show("is_disjoint v2 atom", fun() -> sets:is_disjoint(foo, S2) end),
    show("subtract atom 1", fun() -> sets:subtract(foo, S1) end),
    show("subtract atom 2", fun() -> sets:subtract(S1, foo) end),
    show("subtract empty atom", fun() -> sets:subtract(sets:new(), foo) end),
    show("subtract v2 atom", fun() -> sets:subtract(S2, foo) end),
    show("is_subset atom 1", fun() -> sets:is_subset(foo, S1) end),
    show("is_subset atom 2", fun() -> sets:is_subset(S1, foo) end),
    show("is_subset v2 atom", fun() -> sets:is_subset(S2, foo) end),
    show("fold bad fun", fun() -> sets:fold(foo, 0, S1) end),
    show("fold arity", fun() -> sets:fold(fun erlang:abs/1, 0, S1) end),
    show("fold v2 bad fun", fun() -> sets:fold(foo, 0, S2) end),
    show("fold atom", fun() -> sets:fold(fun erlang:max/2, 0, foo) end),
    show("filter bad fun", fun() -> sets:filter(foo, S1) end),
    show("filter v2 bad fun", fun() -> sets:filter(fun erlang:max/2, S2) end),
    show("filter atom", fun() -> sets:filter(fun erlang:is_atom/1, foo) end),
    show("filter non-boolean", fun() -> sets:filter(fun erlang:abs/1, S1) end),
    show("filter v2 non-boolean", fun() -> sets:filter(fun erlang:abs/1, S2) end),
    show("fold raising", fun() -> sets:fold(fun erlang:atom_to_list/1, 0, S1) end),
    show("fold v2 raising", fun() -> sets:fold(fun erlang:'+'/2, a, S2) end).

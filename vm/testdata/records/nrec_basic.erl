-module(nrec_basic).
-export([main/0]).

%% Local native records: definitions with defaults, construction, field
%% access, update, matching, guards and the type tests.

-record #point{x = 0, y = 0}.
-record #person{name, age = -1, tags = [a, b], note = "none", extra}.
-record #defaults{i = 12345678901234567890123, n = -7, f = 1.5, a = 'hello world',
                  l = [], t = {1, {2, three}}, b = <<"bin">>, s = "str"}.
-record #empty{}.
-record #'Quoted name'{'field-1' = 1, 'Field2' = 2}.
-record #box{content}.

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

make_person(Name) -> #person{name = Name, extra = {x}}.

age(#person{age = A}) -> A.

older(P) -> P#person{age = P#person.age + 1}.

classify(#point{x = 0, y = 0}) -> origin;
classify(#point{x = 0}) -> on_y_axis;
classify(#point{y = 0}) -> on_x_axis;
classify(#point{}) -> point;
classify(#person{name = N}) when is_list(N) -> {person, N};
classify(#empty{}) -> empty;
classify(X) when is_record(X) -> other_record;
classify(_) -> not_a_record.

guard_access(P) when P#point.x > 10 -> big;
guard_access(P) when P#point.x >= 0 -> small;
guard_access(_) -> negative_or_not_point.

is_rec(X) when is_record(X, point) -> point;
is_rec(X) when is_record(X, box) -> box;
is_rec(X) when is_record(X) -> record;
is_rec(_) -> no.

main() ->
    P0 = #point{},
    P1 = #point{x = 3, y = 4},
    Per = make_person("Ann"),
    D = #defaults{},
    E = #empty{},
    Q = #'Quoted name'{'Field2' = zwei},
    io:format("~p~n~p~n~p~n~p~n~p~n~p~n", [P0, P1, Per, D, E, Q]),
    io:format("~w~n~w~n~w~n~w~n", [P1, Per, D, Q]),
    io:format("~p~n", [[P1#point.x, P1#point.y, age(Per), Per#person.tags, D#defaults.i]]),
    P2 = older(older(Per)),
    io:format("~p~n", [P2]),
    P3 = P1#point{y = 40},
    io:format("~p ~p ~p~n", [P3, P1, P3#point{x = P3#point.y, y = P3#point.x}]),
    io:format("~p~n", [[classify(X) || X <- [P0, #point{x = 0, y = 5}, #point{x = 5, y = 0}, P1, Per, E, Q, {point, 0, 0}, 42]]]),
    io:format("~p~n", [[guard_access(X) || X <- [P1, #point{x = 11}, #point{x = -1}, Per, foo]]]),
    io:format("~p~n", [[is_rec(X) || X <- [P1, #box{content = 1}, E, {point, 1, 2}, {box, 1}, []]]]),
    io:format("~p~n", [[is_record(P1), is_record(P1, point), is_record(P1, person),
                        is_record(id(P1)), is_record(id({point, 1, 2})), is_tuple(P1),
                        is_map(P1), is_atom(P1), is_list(P1)]]),
    io:format("~p~n", [[t(fun() -> tuple_size(id(P1)) end), t(fun() -> element(1, id(P1)) end),
                        t(fun() -> size(id(P1)) end), t(fun() -> map_size(id(P1)) end),
                        t(fun() -> setelement(1, id(P1), a) end), t(fun() -> tuple_to_list(id(P1)) end),
                        t(fun() -> id(P1) + 1 end), t(fun() -> length(id(P1)) end)]]),
    io:format("~p~n", [[t(fun() -> (id(Per))#point.x end), t(fun() -> (id(42))#point.x end),
                        t(fun() -> (id(Per))#point{x = 1} end), t(fun() -> (id([]))#point{x = 1} end)]]),
    Nested = #box{content = #box{content = #box{content = [P1, #point{}]}}},
    io:format("~p~n~w~n", [Nested, Nested]),
    #box{content = #box{content = #box{content = [#point{x = X1} | _]}}} = Nested,
    io:format("~p~n", [X1]),
    %% Records in other terms, and sending them around.
    self() ! {msg, P1, [Per], #{key => D}},
    receive
        {msg, #point{x = 3} = Got, [#person{name = Nm}], #{key := #defaults{s = S}}} ->
            io:format("~p ~p ~p~n", [Got, Nm, S])
    end,
    self() ! {reply, P1#point{x = 99}},
    receive {reply, Back} -> io:format("~p~n", [Back]) end,
    M = #{P1 => one, P0 => zero},
    io:format("~p ~p~n", [maps:get(#point{x = 3, y = 4}, M), maps:get(#point{}, M)]),
    ok.

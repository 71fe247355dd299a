-module(tuple_make_append).
-export([main/0]).

%% erlang:make_tuple/2,3, append_element/2, tuple_to_list/1, list_to_tuple/1.

main() ->
    io:format("make ~p ~p ~p~n", [erlang:make_tuple(3, x), erlang:make_tuple(0, x), erlang:make_tuple(1, [])]),
    io:format("make3 ~p~n", [erlang:make_tuple(5, def, [{2, b}, {4, d}, {2, bb}])]),
    io:format("make3 ~p~n", [erlang:make_tuple(3, 0, [])]),
    io:format("append ~p ~p~n", [erlang:append_element({a, b}, c), erlang:append_element({}, only)]),
    Grown = lists:foldl(fun(X, T) -> erlang:append_element(T, X) end, {}, lists:seq(1, 20)),
    io:format("grown ~w ~w~n", [Grown, tuple_size(Grown)]),
    io:format("t2l ~p ~p ~p~n", [tuple_to_list({1, {2}, [3]}), tuple_to_list({}), tuple_to_list({a})]),
    io:format("l2t ~p ~p~n", [list_to_tuple([a, "b", 3]), list_to_tuple([])]),
    io:format("round ~w~n", [list_to_tuple(tuple_to_list({x, y, z})) =:= {x, y, z}]),
    Big = erlang:make_tuple(100000, 7),
    io:format("bigmake ~w ~w~n", [tuple_size(Big), element(100000, Big)]),
    Errs = [fun() -> erlang:make_tuple(id(-1), a) end, fun() -> erlang:make_tuple(id(a), a) end,
            fun() -> erlang:make_tuple(3, a, id([{4, x}])) end,
            fun() -> erlang:make_tuple(3, a, id([{0, x}])) end,
            fun() -> erlang:make_tuple(3, a, id([bad])) end,
            fun() -> erlang:append_element(id([a]), b) end,
            fun() -> tuple_to_list(id([a])) end, fun() -> list_to_tuple(id({a})) end,
            fun() -> list_to_tuple(id([a | b])) end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("err ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Errs)), Errs)),
    ok.

id(X) -> X.

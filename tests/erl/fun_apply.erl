-module(fun_apply).
-export([main/0, add3/3, nullary/0]).

%% erlang:apply/2,3 with funs, exported functions, BIFs, dynamic module
%% and function names, wrong arity, undefined functions and bad arguments.

add3(A, B, C) -> A + B + C.
nullary() -> nothing.

main() ->
    io:format("apply2 ~w ~w~n", [apply(fun(X, Y) -> X * Y end, [6, 7]), apply(fun() -> z end, [])]),
    io:format("apply3 ~w ~w~n", [apply(?MODULE, add3, [1, 2, 3]), apply(fun_apply, nullary, [])]),
    io:format("bif ~w ~w ~w~n", [apply(erlang, abs, [-4]), apply(erlang, element, [2, {a, b}]),
                                 apply(erlang, '+', [1, 2])]),
    io:format("lists ~w~n", [apply(lists, seq, [1, 5])]),
    M = id(lists), F = id(reverse),
    io:format("dyn ~w ~w~n", [apply(M, F, [[1, 2, 3]]), M:F([a, b])]),
    Fn = id(add3),
    io:format("dyncall ~w~n", [?MODULE:Fn(10, 20, 30)]),
    io:format("funvar ~w~n", [(id(fun erlang:max/2))(3, 9)]),
    io:format("extfun ~w~n", [apply(fun ?MODULE:add3/3, [1, 1, 1])]),
    io:format("tuplecall ~w~n", [apply(erlang, tuple_to_list, [{x, y}])]),
    Errs = [fun() -> apply(id(fun(X) -> X end), [1, 2]) end,
            fun() -> apply(?MODULE, id(add3), [1]) end,
            fun() -> apply(id(no_such_module_xyz), f, []) end,
            fun() -> apply(id(lists), no_such_fun, []) end,
            fun() -> apply(id(notfun), [1]) end,
            fun() -> apply(id(lists), id(reverse), id(notalist)) end,
            fun() -> apply(id(42), f, []) end,
            fun() -> apply(lists, id("seq"), [1, 2]) end,
            fun() -> (id(notfun))(1) end,
            fun() -> apply(erlang, abs, [id(a)]) end,
            fun() -> apply(id(fun() -> ok end), [x]) end],
    lists:foreach(
      fun({I, G}) ->
              R = try G() catch C:E -> {C, simplify(E)} end,
              io:format("err ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Errs)), Errs)),
    ok.

%% drop the fun itself from badarity/badfun reasons (it prints compiler data)
simplify({badarity, {F, Args}}) when is_function(F) -> {badarity, {'F', Args}};
simplify({badfun, F}) when is_function(F) -> {badfun, 'F'};
simplify(E) -> E.

id(X) -> X.

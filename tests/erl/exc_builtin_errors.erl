-module(exc_builtin_errors).
-export([main/0]).

%% The {Class, Reason} of every built-in error kind.

id(X) -> X.

fc(1) -> one.

t(Label, F) ->
    R = try F() catch C:E -> {C, clean(E)} end,
    io:format("~s: ~p~n", [Label, R]).

%% a local fun prints with compiler-chosen numbers, so show only its arity
clean({badarity, {F, Args}}) ->
    {arity, A} = erlang:fun_info(F, arity),
    {badarity, {{fun_of_arity, A}, Args}};
clean(E) -> E.

main() ->
    t("badmatch", fun() -> {a, _} = id({b, c}) end),
    t("badmatch list", fun() -> [_] = id([1, 2]) end),
    t("case_clause", fun() -> case id(3) of 1 -> a; 2 -> b end end),
    t("case_clause tuple", fun() -> case id({x, y}) of {y, x} -> a end end),
    t("function_clause", fun() -> fc(id(2)) end),
    t("fun function_clause", fun() -> (fun(a) -> a end)(id(b)) end),
    t("if_clause", fun() -> X = id(5), if X > 10 -> big; X < 0 -> neg end end),
    t("try_clause", fun() -> try id(1) of 2 -> two catch _ -> c end end),
    t("badarg", fun() -> atom_to_list(id(123)) end),
    t("badarg element", fun() -> element(id(5), {a}) end),
    t("badarith add", fun() -> id(1) + id(a) end),
    t("badarith div", fun() -> id(1) div id(0) end),
    t("badarith fdiv", fun() -> id(1.0) / id(0.0) end),
    t("badarith rem", fun() -> id(7) rem id(0) end),
    t("badarith bsl", fun() -> id(1) bsl id(a) end),
    t("badarith neg", fun() -> -id(a) end),
    t("undef", fun() -> (id(no_such_module)):f(1) end),
    t("undef fun", fun() -> (id(lists)):no_such_function() end),
    t("badfun", fun() -> (id(not_a_fun))(1) end),
    t("badfun tuple", fun() -> (id({lists, map}))(1) end),
    t("badarity", fun() -> (fun(X) -> X end)(1, 2) end),
    t("badarity ext", fun() -> (id(fun lists:reverse/1))() end),
    t("badkey", fun() -> (id(#{}))#{k := 1} end),
    t("badkey match", fun() -> #{k := _} = id(#{}) end),
    t("badmap", fun() -> (id(x))#{k := 1} end),
    t("badmap get", fun() -> map_get(k, id(y)) end),
    t("system_limit", fun() -> list_to_atom(lists:duplicate(256, $a)) end),
    t("tuple overflow", fun() -> erlang:make_tuple(id(-1), a) end),
    t("hd", fun() -> hd(id([])) end),
    t("tl", fun() -> tl(id(a)) end),
    t("length", fun() -> length(id([a | b])) end),
    t("list ++", fun() -> id(a) ++ [1] end),
    t("list --", fun() -> [1] -- id(a) end),
    t("float overflow", fun() -> id(1.0e308) * id(10.0) end),
    t("float of big", fun() -> float(id(1 bsl 1024)) end),
    t("lists:nth", fun() -> lists:nth(id(5), [1, 2]) end),
    t("lists:seq", fun() -> lists:seq(id(5), 1, 1) end),
    t("lists:map", fun() -> lists:map(id(fun(X) -> X end), id(notalist)) end),
    t("lists:foldl", fun() -> lists:foldl(fun(X, A) -> X + A end, 0, id(bad)) end),
    ok.

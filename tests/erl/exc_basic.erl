-module(exc_basic).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% error/1, throw/1, exit/1 caught by try and by old-style catch, and the
%% class each produces.

id(X) -> X.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

c(Label, F) ->
    R = case catch F() of
            {'EXIT', {Reason, Stack}} when is_list(Stack) -> {'EXIT', Reason};
            Other -> Other
        end,
    io:format("catch ~s: ~p~n", [Label, R]).

main() ->
    t("error", fun() -> error(my_error) end),
    t("error tuple", fun() -> error({my, error, [1, 2]}) end),
    t("throw", fun() -> throw(ball) end),
    t("throw any", fun() -> throw({ok, "value"}) end),
    t("exit", fun() -> exit(bye) end),
    t("exit normal", fun() -> exit(normal) end),
    t("exit tuple", fun() -> exit({shutdown, reason}) end),
    t("no error", fun() -> fine end),
    c("error", fun() -> error(my_error) end),
    c("throw", fun() -> throw(ball) end),
    c("exit", fun() -> exit(bye) end),
    c("value", fun() -> 42 end),
    c("badarith", fun() -> id(1) + id(a) end),
    c("throw EXIT", fun() -> throw({'EXIT', fake}) end),
    %% class-specific catches
    Only = fun(F) ->
                   try F()
                   catch
                       throw:T -> {caught_throw, T};
                       error:E -> {caught_error, E};
                       exit:X -> {caught_exit, X}
                   end
           end,
    io:format("only ~p~n", [[Only(F) || F <- [fun() -> throw(1) end, fun() -> error(2) end,
                                              fun() -> exit(3) end]]]),
    %% default class is throw
    Default = fun(F) -> try F() catch X -> {default, X} end end,
    io:format("default ~p~n", [Default(fun() -> throw(t) end)]),
    io:format("default miss ~p~n", [try Default(fun() -> error(e) end) catch error:E -> {outer, E} end]),
    %% catch binds tighter than =, and works on expressions
    X = (catch 1 + 2),
    Y = (catch id(1) / id(0)),
    io:format("expr ~p ~p~n", [X, element(1, Y)]),
    ok.

-module(catch_old_style).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% 'catch Expr': normal values pass through, throw returns the thrown term,
%% exit returns {'EXIT', Reason}, errors return {'EXIT', {Reason, Stack}}
%% (only Reason is printed).

reason({'EXIT', {R, Stack}}) when is_list(Stack) -> {error_exit, R};
reason({'EXIT', R}) -> {exit, R};
reason(V) -> {value, V}.

thrower(X) -> throw({thrown, X}).

main() ->
    Cases = [fun() -> ok end,
             fun() -> throw(ball) end,
             fun() -> thrower(1) end,
             fun() -> exit(bye) end,
             fun() -> exit({shutdown, why}) end,
             fun() -> error(oops) end,
             fun() -> error({my, error}) end,
             fun() -> id(1) + id(a) end,
             fun() -> [] = id([x]) end,
             fun() -> hd(id([])) end,
             fun() -> case id(q) of r -> r end end,
             fun() -> erlang:error(badarg, [1]) end,
             fun() -> throw({'EXIT', fake}) end,
             fun() -> {'EXIT', not_an_error} end,
             fun() -> list_to_atom(id(1)) end,
             fun() -> (id(notfun))() end,
             fun() -> lists:nth(id(9), [1]) end],
    lists:foreach(
      fun({I, F}) -> io:format("case ~w: ~p~n", [I, reason(catch F())]) end,
      lists:zip(lists:seq(1, length(Cases)), Cases)),
    %% catch binds weakly: catch A + B catches the whole sum
    X = (catch id(1) + id(2)),
    io:format("sum ~w~n", [X]),
    Y = (catch id(1) + id(b)),
    io:format("sumerr ~p~n", [reason(Y)]),
    %% nested catches
    Z = catch (catch throw(inner)),
    io:format("nested ~w~n", [Z]),
    W = catch begin catch throw(a), throw(b) end,
    io:format("seq ~w~n", [W]),
    io:format("in list ~p~n", [[reason(catch 10 div N) || N <- [id(2), id(0)]]]),
    io:format("stack is list ~w~n", [begin {'EXIT', {_, S}} = (catch error(x)), is_list(S) end]),
    ok.

id(X) -> X.

-module(match_nested).
-export([main/0]).

%% Pattern matching on deeply nested tuples, lists, strings, binaries
%% inside tuples, and function heads with many clauses.

area({circle, R}) -> 3 * R * R;
area({rect, W, H}) -> W * H;
area({square, S}) -> area({rect, S, S});
area({group, Shapes}) -> lists:sum([area(S) || S <- Shapes]);
area(_) -> 0.

eval({num, N}) -> N;
eval({add, A, B}) -> eval(A) + eval(B);
eval({mul, A, B}) -> eval(A) * eval(B);
eval({neg, A}) -> -eval(A);
eval({'let', Name, V, Body}) -> eval(subst(Name, eval(V), Body)).

subst(Name, V, {var, Name}) -> {num, V};
subst(Name, V, T) when is_tuple(T) ->
    list_to_tuple([subst(Name, V, E) || E <- tuple_to_list(T)]);
subst(_, _, X) -> X.

deep({a, [{b, [c, {d, X}]}, _ | _]}) -> {found, X};
deep({a, [_ | Rest]}) -> {skip, length(Rest)};
deep(_) -> none.

main() ->
    io:format("area ~w~n", [[area(S) || S <- [{circle, 2}, {rect, 3, 4}, {square, 5},
                                              {group, [{circle, 1}, {square, 2}, {group, [{rect, 1, 1}]}]},
                                              {triangle, 1}]]]),
    Expr = {'let', x, {add, {num, 2}, {num, 3}}, {mul, {var, x}, {neg, {var, x}}}},
    io:format("eval ~w~n", [eval(Expr)]),
    io:format("deep ~w~n", [[deep(X) || X <- [{a, [{b, [c, {d, 42}]}, e]}, {a, [{b, [c, {d, 42}]}]},
                                              {a, [x, y, z]}, {a, []}, {b}]]]),
    {ok, [{K1, V1}, {K2, V2} | _]} = id({ok, [{a, 1}, {b, 2}, {c, 3}]}),
    io:format("destructure ~w~n", [[K1, V1, K2, V2]]),
    [First, {Second, [Third | _]} | _] = id([1, {2, [3, 4]}, 5]),
    io:format("mixed ~w~n", [{First, Second, Third}]),
    {tag, <<Len:8, Payload:Len/binary, Rest/binary>>} = id({tag, <<3, "abcxyz">>}),
    io:format("bininside ~p ~p~n", [Payload, Rest]),
    "prefix:" ++ Suffix = id("prefix:value"),
    io:format("strprefix ~p~n", [Suffix]),
    [$h, $e | Tail] = id("hello"),
    io:format("chars ~p~n", [Tail]),
    {{{{Inner}}}} = id({{{{core}}}}),
    io:format("inner ~w~n", [Inner]),
    ok.

id(X) -> X.

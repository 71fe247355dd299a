-module(tuple_element_setelement).
-export([main/0]).

%% element/2, setelement/3, tuple_size/1, size/1 including error cases.

main() ->
    T = {a, 2, "three", {4}, [5], 6.0},
    io:format("elements ~p~n", [[element(I, T) || I <- lists:seq(1, tuple_size(T))]]),
    io:format("size ~w ~w ~w~n", [tuple_size(T), size(T), tuple_size({})]),
    io:format("set ~p~n", [[setelement(I, T, x) || I <- [1, 3, 6]]]),
    io:format("orig ~p~n", [T]),
    T2 = setelement(2, setelement(1, T, first), second),
    io:format("chain ~p~n", [T2]),
    Big = list_to_tuple(lists:seq(1, 1000)),
    io:format("big ~w ~w ~w~n", [element(1, Big), element(1000, Big), tuple_size(Big)]),
    Big2 = setelement(500, Big, x),
    io:format("big2 ~w ~w ~w~n", [element(500, Big2), element(500, Big), element(501, Big2)]),
    Errs = [{0, T}, {7, T}, {-1, T}, {1.0, T}, {a, T}, {1, {}}, {1, [a]}, {1, <<"a">>},
            {1 bsl 64, T}, {1, a}],
    lists:foreach(
      fun({I, X}) ->
              R = try element(id(I), id(X)) catch C:E -> {C, E} end,
              R2 = try setelement(id(I), id(X), new) catch C2:E2 -> {C2, E2} end,
              io:format("err ~w ~w: ~w ~w~n", [I, X, R, R2])
      end, Errs),
    R3 = try tuple_size(id([1, 2])) catch C3:E3 -> {C3, E3} end,
    io:format("tsize ~w~n", [R3]),
    %% element used in arithmetic and guards
    io:format("sum ~w~n", [lists:sum([element(2, P) || P <- [{a, 1}, {b, 2}, {c, 3}]])]),
    io:format("guard ~w~n", [[g(X) || X <- [{1, 2}, {1}, {}, {3, 4, 5}, not_tuple]]]),
    ok.

g(X) when element(1, X) =:= 1 -> one_first;
g(X) when tuple_size(X) > 2 -> large;
g(_) -> other.

id(X) -> X.

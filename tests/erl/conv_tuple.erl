-module(conv_tuple).
-export([main/0]).

%% Tuple BIFs: tuple_to_list, list_to_tuple, element, setelement,
%% make_tuple/2,3, append_element, insert_element, delete_element,
%% tuple_size, and their errors.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

id(X) -> X.

main() ->
    T = {a, b, c},
    t("to_list", fun() -> tuple_to_list(T) end),
    t("to_list empty", fun() -> tuple_to_list({}) end),
    t("from list", fun() -> list_to_tuple([1, [2], {3}]) end),
    t("from list empty", fun() -> list_to_tuple([]) end),
    t("from improper", fun() -> list_to_tuple(id([1 | 2])) end),
    t("element", fun() -> [element(I, T) || I <- [1, 2, 3]] end),
    t("element 0", fun() -> element(id(0), T) end),
    t("element 4", fun() -> element(id(4), T) end),
    t("element not tuple", fun() -> element(1, id([a])) end),
    t("setelement", fun() -> setelement(2, T, x) end),
    t("setelement out", fun() -> setelement(id(4), T, x) end),
    t("make_tuple", fun() -> erlang:make_tuple(3, z) end),
    t("make_tuple 0", fun() -> erlang:make_tuple(0, z) end),
    t("make_tuple 3", fun() -> erlang:make_tuple(5, 0, [{2, two}, {5, five}, {2, again}]) end),
    t("make_tuple bad", fun() -> erlang:make_tuple(2, 0, [{3, x}]) end),
    t("append", fun() -> erlang:append_element(T, d) end),
    t("append empty", fun() -> erlang:append_element({}, d) end),
    t("insert", fun() -> erlang:insert_element(1, T, first) end),
    t("insert end", fun() -> erlang:insert_element(4, T, last) end),
    t("insert out", fun() -> erlang:insert_element(id(5), T, x) end),
    t("delete", fun() -> erlang:delete_element(2, T) end),
    t("delete out", fun() -> erlang:delete_element(id(4), T) end),
    t("size", fun() -> [tuple_size(X) || X <- [{}, {1}, T, list_to_tuple(lists:seq(1, 1000))]] end),
    t("size bad", fun() -> tuple_size(id([])) end),
    t("big", fun() ->
                     B = list_to_tuple(lists:seq(1, 100000)),
                     {tuple_size(B), element(99999, B), lists:sum(tuple_to_list(B))}
             end),
    t("size guard", fun() -> [case X of _ when tuple_size(X) > 1 -> big; _ -> small end
                              || X <- [{}, {a}, {a, b}]] end),
    t("size guard non-tuple", fun() -> case id(abc) of X when tuple_size(X) > 1 -> big; _ -> fails end end),
    ok.

-module(exc_stack_bif).
-export([main/0]).

%% Stack traces for failing BIFs: the top frame is the BIF itself with
%% its arguments and an error_info entry, then the calling functions
%% with line numbers.

id(X) -> X.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

run(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~p~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~p~n  ~p~n", [Label, {C, R}, st(S)])
    end.

get_elem(N, T) -> element(N, T).

main() ->
    run("element", fun() -> get_elem(id(3), {a, b}) end),
    run("atom_to_list", fun() -> atom_to_list(id("str")) end),
    run("hd", fun() -> hd(id([])) end),
    run("list_to_integer", fun() -> list_to_integer(id("12x")) end),
    run("binary_to_atom", fun() -> binary_to_atom(id(<<16#80, 16#81>>), utf8) end),
    run("integer_to_list base", fun() -> integer_to_list(id(10), id(37)) end),
    run("plus", fun() -> id(1) + id(x) end),
    run("plus in inlined fun", fun() ->
                                       G = fun(X) -> H = fun(Y) -> Y + id(a) end, H(X) * 2 end,
                                       G(1)
                               end),
    run("div zero", fun() -> id(10) div id(0) end),
    run("setelement", fun() -> setelement(id(0), {a}, b) end),
    run("tuple_size", fun() -> tuple_size(id([])) end),
    run("abs", fun() -> abs(id(a)) end),
    run("binary_part", fun() -> binary_part(id(<<1, 2>>), 1, 5) end),
    run("list_to_tuple", fun() -> list_to_tuple(id([a | b])) end),
    run("iolist_to_binary", fun() -> iolist_to_binary(id([1, foo])) end),
    run("atom_to_binary", fun() -> atom_to_binary(id(a), id(bogus)) end),
    run("float_to_list", fun() -> float_to_list(id(1.0), [{decimals, 999}]) end),
    run("make_ref arity", fun() -> erlang:apply(erlang, make_ref, [id(1)]) end),
    ok.

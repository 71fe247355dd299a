-module(guard_type_tests).
-export([main/0]).

%% Every type test BIF used in guards, against values of every type.

vals() ->
    [42, 1 bsl 70, 2.5, atom, true, [], [1], "s", {}, {a, b}, #{}, #{k => v},
     <<>>, <<1, 2>>, <<1:3>>, fun() -> ok end, fun lists:map/2, fun(_, _) -> ok end,
     self(), make_ref()].

classify(X) ->
    [T || {T, true} <- [{integer, is_int(X)}, {float, is_flt(X)}, {number, is_num(X)},
                        {atom, is_atm(X)}, {boolean, is_bool(X)}, {list, is_lst(X)},
                        {tuple, is_tup(X)}, {map, is_mp(X)}, {binary, is_bin(X)},
                        {bitstring, is_bits(X)}, {function, is_fn(X)}, {function2, is_fn2(X)},
                        {pid, is_pd(X)}, {reference, is_rf(X)}, {port, is_prt(X)}]].

is_int(X) when is_integer(X) -> true; is_int(_) -> false.
is_flt(X) when is_float(X) -> true; is_flt(_) -> false.
is_num(X) when is_number(X) -> true; is_num(_) -> false.
is_atm(X) when is_atom(X) -> true; is_atm(_) -> false.
is_bool(X) when is_boolean(X) -> true; is_bool(_) -> false.
is_lst(X) when is_list(X) -> true; is_lst(_) -> false.
is_tup(X) when is_tuple(X) -> true; is_tup(_) -> false.
is_mp(X) when is_map(X) -> true; is_mp(_) -> false.
is_bin(X) when is_binary(X) -> true; is_bin(_) -> false.
is_bits(X) when is_bitstring(X) -> true; is_bits(_) -> false.
is_fn(X) when is_function(X) -> true; is_fn(_) -> false.
is_fn2(X) when is_function(X, 2) -> true; is_fn2(_) -> false.
is_pd(X) when is_pid(X) -> true; is_pd(_) -> false.
is_rf(X) when is_reference(X) -> true; is_rf(_) -> false.
is_prt(X) when is_port(X) -> true; is_prt(_) -> false.

main() ->
    lists:foreach(
      fun({I, X}) -> io:format("~w: ~w~n", [I, classify(X)]) end,
      lists:zip(lists:seq(1, length(vals())), vals())),
    %% the same BIFs called as ordinary functions
    io:format("bifs ~w~n", [[{is_integer(X), is_float(X), is_atom(X), is_function(X, 0)}
                             || X <- [1, 1.0, a, fun() -> x end]]]),
    R = try is_function(id(fun() -> ok end), id(-1)) catch C:E -> {C, E} end,
    io:format("is_function neg ~w~n", [R]),
    io:format("guard is_function bad arity ~w~n", [fn_bad(fun() -> ok end)]),
    ok.

fn_bad(F) when is_function(F, -1) -> yes;
fn_bad(_) -> no.

id(X) -> X.

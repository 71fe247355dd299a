-module(nrec_ext).
-export([main/0]).

%% Native records defined in another module: external construction, field
%% access, update and matching, anonymous access, imported records,
%% non-exported records and the errors of each.

-import_record(nrec_lib, [req]).
-record #pair{a, b}.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.
id(X) -> X.

ext_new(A) -> #nrec_lib:pair{a = A}.
ext_get(R) -> R#nrec_lib:pair.a.
ext_upd(R) -> R#nrec_lib:pair{b = x}.
ext_match(#nrec_lib:pair{a = A, b = B}) -> {A, B};
ext_match(_) -> nomatch.
ext_any(#nrec_lib:pair{}) -> yes;
ext_any(_) -> no.
anon_match(#_{a = A}) -> A;
anon_match(_) -> nomatch.
anon_upd(R) -> R#_{a = upd}.
anon_guard(R) when R#_.a > 1 -> big;
anon_guard(_) -> small.
ext_guard(R) when R#nrec_lib:pair.a =:= 1 -> one;
ext_guard(_) -> other.
isr2(R) when is_record(R, req) -> yes;
isr2(_) -> no.
isr2b(R) -> is_record(R, req).
isr3(R) when is_record(R, nrec_lib, pair) -> yes;
isr3(_) -> no.
isr3b(R) -> is_record(R, nrec_lib, hid).
imp_new() -> #req{k = 1}.
imp_get(R) -> R#req.k.

main() ->
    io:format("~p~n", [t(fun() -> #nrec_other:later{} end)]),
    pong = nrec_other:ping(),
    io:format("~p~n", [t(fun() -> #nrec_other:later{v = 2} end)]),
    P = nrec_lib:new(1, 2),
    H = nrec_lib:hidden(7),
    L = #pair{a = 1, b = 2},
    io:format("~p~n", [[P, H, L, ext_new(5), imp_new(), nrec_lib:req(3)]]),
    io:format("~p~n", [[ext_get(P), ext_upd(P), ext_match(P), ext_match(H), ext_match(L),
                        ext_any(P), ext_any(L), anon_match(P), anon_match(H), anon_match(L),
                        anon_upd(P), anon_upd(L), anon_guard(P), anon_guard(ext_new(5)),
                        anon_guard(H), ext_guard(P), ext_guard(L)]]),
    io:format("~p~n", [[isr2(imp_new()), isr2(P), isr2b(imp_new()), isr2b({req, 1}),
                        isr3(P), isr3(L), isr3b(H), isr3b(P), imp_get(imp_new())]]),
    io:format("1 ~p~n", [[t(fun() -> (id(P))#pair.a end), t(fun() -> (id(L))#pair.a end)]]),
    io:format("2 ~p~n", [[t(fun() -> (id(H))#_.x end), t(fun() -> (id(P))#_.a end),
                          t(fun() -> (id(L))#_.zz end)]]),
    io:format("3 ~p~n", [[t(fun() -> (id(H))#nrec_lib:hid.x end),
                          t(fun() -> (id(P))#nrec_lib:pair.zz end),
                          t(fun() -> (id(L))#nrec_lib:pair.a end)]]),
    io:format("4 ~p~n", [[t(fun() -> (id(P))#pair{a = 9} end), t(fun() -> (id(H))#_{x = 9} end),
                          t(fun() -> (id(P))#_{a = 9} end), t(fun() -> (id(P))#_{zz = 9} end),
                          t(fun() -> (id(H))#nrec_lib:hid{x = 9} end),
                          t(fun() -> (id(L))#nrec_lib:pair{a = 9} end)]]),
    io:format("5 ~p~n", [[t(fun() -> case id(P) of #pair{a = A} -> A; _ -> nomatch end end),
                          t(fun() -> case id(H) of #_{x = A} -> A; _ -> nomatch end end),
                          t(fun() -> case id(H) of #_{} -> any; _ -> nomatch end end),
                          t(fun() -> case id(H) of #nrec_lib:hid{} -> any; _ -> nomatch end end),
                          t(fun() -> case id(H) of #nrec_lib:hid{x = X} -> X; _ -> nomatch end end),
                          t(fun() -> case id(P) of #_{zz = X} -> X; _ -> nomatch end end),
                          t(fun() -> case id(P) of #_{a = 1, b = B} -> B; _ -> nomatch end end)]]),
    io:format("6 ~p~n", [[t(fun() -> #nrec_lib:hid{x = 1} end), t(fun() -> #nrec_lib:pair{} end),
                          t(fun() -> #nrec_lib:pair{a = 1, c = 1} end),
                          t(fun() -> #nrec_lib:pair{c = 1} end),
                          t(fun() -> #nrec_lib:req{} end), t(fun() -> #nrec_nomod:r{a = 1} end),
                          t(fun() -> #nrec_lib:nosuch{a = 1} end),
                          t(fun() -> #nrec_lib:pair{a = 1} end),
                          t(fun() -> #nrec_lib:pair{b = 2, a = 1} end)]]),
    io:format("7 ~p~n", [[t(fun() -> (id(x))#pair.a end), t(fun() -> (id({pair, 1, 2}))#_.a end),
                          t(fun() -> (id(x))#pair{a = 1} end), t(fun() -> (id(x))#_{a = 1} end),
                          t(fun() -> (id(x))#nrec_lib:pair.a end)]]),
    io:format("8 ~p~n", [[t(fun() -> (id(L))#pair{a = 9, b = 8} end), t(fun() -> L#pair{} end)]]),
    io:format("9 ~p~n", [[records:is_exported(P), records:is_exported(H), records:is_exported(L),
                          records:get_module(P), records:get_name(H), records:get_field_names(P)]]),
    io:format("10 ~p~n", [[t(fun() -> records:get_definition(nrec_lib, pair) end),
                           t(fun() -> records:get_definition(nrec_lib, hid) end),
                           t(fun() -> records:get_definition(nrec_lib, req) end),
                           t(fun() -> records:get_definition(nrec_lib, zz) end),
                           t(fun() -> records:get_definition(nrec_ext, pair) end),
                           t(fun() -> records:get_definition(nrec_nomod, pair) end),
                           t(fun() -> records:get_definition(1, pair) end)]]),
    io:format("11 ~p~n", [[P == ext_new(1), P =:= nrec_lib:new(1, 2), P == L, P < L, L < P]]),
    ok.

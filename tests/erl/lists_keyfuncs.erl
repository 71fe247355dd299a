-module(lists_keyfuncs).
-export([main/0]).

%% keysort, keyfind, keymember, keysearch, keystore, keyreplace,
%% keydelete, keytake, keymap, ukeysort on tuple lists.

main() ->
    L = [{c, 3, x}, {a, 1, y}, {b, 2, z}, {a, 0, w}],
    io:format("keysort1 ~w~n", [lists:keysort(1, L)]),
    io:format("keysort2 ~w~n", [lists:keysort(2, L)]),
    io:format("keysort3 ~w~n", [lists:keysort(3, L)]),
    io:format("ukeysort ~w~n", [lists:ukeysort(1, L)]),
    io:format("keyfind ~w ~w ~w~n", [lists:keyfind(a, 1, L), lists:keyfind(2, 2, L), lists:keyfind(q, 1, L)]),
    io:format("keymember ~w ~w~n", [lists:keymember(b, 1, L), lists:keymember(b, 2, L)]),
    io:format("keysearch ~w ~w~n", [lists:keysearch(c, 1, L), lists:keysearch(zz, 1, L)]),
    io:format("keystore ~w~n", [lists:keystore(a, 1, L, {a, 9, new})]),
    io:format("keystore new ~w~n", [lists:keystore(d, 1, L, {d, 4, v})]),
    io:format("keyreplace ~w~n", [lists:keyreplace(b, 1, L, {b, 20, zz})]),
    io:format("keyreplace none ~w~n", [lists:keyreplace(q, 1, L, {q})]),
    io:format("keydelete ~w~n", [lists:keydelete(a, 1, L)]),
    io:format("keytake ~w~n", [lists:keytake(b, 1, L)]),
    io:format("keytake none ~w~n", [lists:keytake(q, 1, L)]),
    io:format("keymap ~w~n", [lists:keymap(fun(N) -> N * 100 end, 2, L)]),
    io:format("mixed sizes ~w~n", [lists:keyfind(k, 2, [{k}, {a, k}, {b, k, c}])]),
    io:format("nontuple ~w~n", [lists:keyfind(a, 1, [a, [a], {a}])]),
    Big = [{I, I * I} || I <- lists:seq(1, 10000)],
    io:format("bigfind ~w ~w~n", [lists:keyfind(9999, 1, Big), lists:keyfind(99980001, 2, Big)]),
    R = try lists:keyfind(a, id(0), L) catch C:E -> {C, E} end,
    io:format("badpos ~w~n", [R]),
    R2 = try lists:keysort(id(5), L) catch C2:E2 -> {C2, E2} end,
    io:format("badsort ~w~n", [R2]),
    ok.

id(X) -> X.

-module(lists_sort).
-export([main/0]).

%% Sorting: sort/1,2, usort, keysort, ukeysort, merge, umerge, stability
%% of sorts with a custom ordering, and key functions.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    Mixed = [b, 3, "str", 2.0, {1}, a, [], <<"bin">>, 1, {0, 0}, [x], 2, 1.0, #{}],
    t("sort mixed", fun() -> lists:sort(Mixed) end),
    t("usort mixed", fun() -> lists:usort(Mixed) end),
    t("usort num", fun() -> lists:usort([2, 1.0, 1, 2.0, 3]) end),
    t("sort desc", fun() -> lists:sort(fun(A, B) -> A >= B end, [3, 1, 2, 5, 4]) end),
    Recs = [{b, 2}, {a, 3}, {c, 1}, {a, 1}, {b, 1}, {a, 2}],
    t("keysort 1", fun() -> lists:keysort(1, Recs) end),
    t("keysort 2", fun() -> lists:keysort(2, Recs) end),
    t("ukeysort", fun() -> lists:ukeysort(1, Recs) end),
    t("stable", fun() -> lists:sort(fun({A, _}, {B, _}) -> A =< B end, Recs) end),
    t("stable strict", fun() -> lists:sort(fun({A, _}, {B, _}) -> A < B end, Recs) end),
    t("merge", fun() -> lists:merge([1, 4, 7], [2, 3, 8]) end),
    t("merge3", fun() -> lists:merge3([1, 5], [2, 6], [3, 4]) end),
    t("merge list", fun() -> lists:merge([[1, 3], [2], [0, 9]]) end),
    t("umerge", fun() -> lists:umerge([1, 2, 3], [2, 3, 4]) end),
    t("keymerge", fun() -> lists:keymerge(1, [{1, a}, {3, c}], [{2, b}, {3, d}]) end),
    t("big sort", fun() ->
                          L = [(I * 7919) rem 10007 || I <- lists:seq(1, 5000)],
                          S = lists:sort(L),
                          {length(S), lists:sublist(S, 5), lists:last(S), length(lists:usort(L))}
                  end),
    t("keyfind", fun() -> {lists:keyfind(a, 1, Recs), lists:keyfind(z, 1, Recs)} end),
    t("keymember", fun() -> lists:keymember(3, 2, Recs) end),
    t("keydelete", fun() -> lists:keydelete(a, 1, Recs) end),
    t("keyreplace", fun() -> lists:keyreplace(b, 1, Recs, {new}) end),
    t("keystore", fun() -> {lists:keystore(c, 1, Recs, {c, 9}), lists:keystore(z, 1, [], {z})} end),
    t("keytake", fun() -> lists:keytake(c, 1, Recs) end),
    t("keysort bad", fun() -> lists:keysort(3, Recs) end),
    t("sort floats", fun() -> lists:sort([0.0, -0.0, 1.0e-300, -1.0e300, 1]) end),
    t("sort bins", fun() -> lists:sort([<<2>>, <<1, 2>>, <<1>>, <<>>, <<1:1>>]) end),
    ok.

-module(map_errors).
-export([main/0]).

%% Errors raised by map operations and maps module functions, with the
%% stack trace of a few of them.

id(X) -> X.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

ts(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~p~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~p~n  ~p~n", [Label, {C, R}, st(S)])
    end.

main() ->
    M = id(#{a => 1}),
    t("get missing", fun() -> maps:get(b, M) end),
    t("get badmap", fun() -> maps:get(a, id(x)) end),
    t("get/3 badmap", fun() -> maps:get(a, id(x), default) end),
    t("find badmap", fun() -> maps:find(a, id([])) end),
    t("update missing", fun() -> maps:update(b, 2, M) end),
    t("update badmap", fun() -> maps:update(a, 2, id(1)) end),
    t("remove badmap", fun() -> maps:remove(a, id(<<>>)) end),
    t("put badmap", fun() -> maps:put(a, 1, id({})) end),
    t("keys badmap", fun() -> maps:keys(id(a)) end),
    t("values badmap", fun() -> maps:values(id(a)) end),
    t("merge badmap", fun() -> maps:merge(M, id(a)) end),
    t("merge badmap 1", fun() -> maps:merge(id(a), M) end),
    t("to_list badmap", fun() -> maps:to_list(id(a)) end),
    t("from_list bad", fun() -> maps:from_list(id([a])) end),
    t("from_list improper", fun() -> maps:from_list(id([{a, 1} | b])) end),
    t("size badmap", fun() -> map_size(id(a)) end),
    t("is_key badmap", fun() -> maps:is_key(a, id(a)) end),
    t("take badmap", fun() -> maps:take(a, id(a)) end),
    t("update_with missing", fun() -> maps:update_with(b, fun(V) -> V end, M) end),
    t("with bad", fun() -> maps:with(id(a), M) end),
    t("fold bad fun", fun() -> maps:fold(id(x), 0, M) end),
    t("map bad fun", fun() -> maps:map(fun(X) -> X end, M) end),
    t("iterator badmap", fun() -> maps:iterator(id(a)) end),
    t("next bad", fun() -> maps:next(id(a)) end),
    ts("trace get", fun() -> maps:get(zz, M) end),
    ts("trace update syntax", fun() -> M#{zz := 1} end),
    ts("trace badmap syntax", fun() -> (id(7))#{a => 1} end),
    ts("trace match", fun() -> #{zz := V} = M, V end),
    ts("trace map_get", fun() -> map_get(zz, M) end),
    ts("trace merge", fun() -> maps:merge(id(a), M) end),
    ok.

-module(bin_construct_errors).
-export([main/0]).

%% Binary construction errors with their stack traces (the error_info
%% the runtime attaches is printed too).

id(X) -> X.

st(S) ->
    [{M, F, A, [loc(L) || L <- Loc]} || {M, F, A, Loc} <- S,
                                        not lists:member(M, [init, erl_eval, shell])].

loc({file, F}) -> {file, filename:basename(F)};
loc(Other) -> Other.

t(Label, F) ->
    try F() of
        V -> io:format("~s: ok ~w~n", [Label, V])
    catch
        C:R:S -> io:format("~s: ~w~n  ~p~n", [Label, {C, R}, st(S)])
    end.

main() ->
    t("int atom", fun() -> <<(id(a)):8>> end),
    t("int float", fun() -> <<(id(1.5)):8>> end),
    t("neg size", fun() -> <<(id(1)):(id(-1))>> end),
    t("atom size", fun() -> <<(id(1)):(id(x))>> end),
    t("bin not bin", fun() -> <<(id(1))/binary>> end),
    t("bin short", fun() -> <<(id(<<1>>)):2/binary>> end),
    t("bits in binary", fun() -> <<(id(<<1:7>>))/binary>> end),
    t("utf8 bad", fun() -> <<(id(16#D800))/utf8>> end),
    t("utf16 bad", fun() -> <<(id(-1))/utf16>> end),
    t("float atom", fun() -> <<(id(z)):64/float>> end),
    t("second segment", fun() -> <<1, 2, (id(<<>>)):8>> end),
    t("huge size", fun() -> <<(id(0)):(id(1 bsl 62))>> end),
    t("ok", fun() -> <<(id(1)):(id(3)), (id(<<2>>))/binary>> end),
    ok.

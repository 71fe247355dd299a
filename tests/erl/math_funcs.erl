-module(math_funcs).
-export([main/0]).

%% math module functions and the floats they return, plus domain errors
%% (badarith) and integer arguments. Arguments go through id/1 so the
%% compiler cannot evaluate the calls at compile time.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Label, R]).

id(X) -> X.

main() ->
    t("pi", fun() -> math:pi() end),
    t("e", fun() -> math:exp(id(1)) end),
    t("sqrt", fun() -> [math:sqrt(id(X)) || X <- [0, 1, 2, 4, 1.0e-300, 1.0e300, 10]] end),
    t("sqrt neg", fun() -> math:sqrt(id(-1)) end),
    t("pow", fun() -> [math:pow(id(2), id(10)), math:pow(id(2), id(0.5)), math:pow(id(-8), id(3)), math:pow(id(10), id(-2)), math:pow(id(0), id(0))] end),
    t("pow neg frac", fun() -> math:pow(id(-8), id(1 / 3)) end),
    t("pow overflow", fun() -> math:pow(id(10), id(400)) end),
    t("sin cos tan", fun() -> [math:sin(id(0)), math:sin(id(math:pi() / 2)), math:cos(id(math:pi())), math:tan(id(1))] end),
    t("asin acos atan", fun() -> [math:asin(id(1)), math:acos(id(0.5)), math:atan(id(1)), math:atan2(id(1), id(-1))] end),
    t("asin domain", fun() -> math:asin(id(2)) end),
    t("sinh cosh tanh", fun() -> [math:sinh(id(1)), math:cosh(id(1)), math:tanh(id(0.5))] end),
    t("asinh acosh atanh", fun() -> [math:asinh(id(1)), math:acosh(id(2)), math:atanh(id(0.5))] end),
    t("log", fun() -> [math:log(id(1)), math:log(id(10)), math:log2(id(1024)), math:log10(id(1000)), math:log10(id(2))] end),
    t("log zero", fun() -> math:log(id(0)) end),
    t("log neg", fun() -> math:log(id(-1)) end),
    t("exp", fun() -> [math:exp(id(0)), math:exp(id(-1)), math:exp(id(10)), math:exp(id(0.5))] end),
    t("exp overflow", fun() -> math:exp(id(1000)) end),
    t("floor ceil", fun() -> [math:floor(id(2.5)), math:floor(id(-2.5)), math:ceil(id(2.1)), math:ceil(id(-2.1)), math:floor(id(3))] end),
    t("fmod", fun() -> [math:fmod(id(10), id(3)), math:fmod(id(-10), id(3)), math:fmod(id(5.5), id(2))] end),
    t("fmod zero", fun() -> math:fmod(id(1), id(0)) end),
    t("erf", fun() -> [math:erf(id(0.5)), math:erfc(id(0.5))] end),
    t("bif floor", fun() -> [floor(id(2.5)), floor(id(-2.5)), ceil(id(2.1)), ceil(id(-2.1)), round(id(2.5)), round(id(-2.5)), trunc(id(-2.7))] end),
    t("bignum arg", fun() -> math:sqrt(id(1 bsl 100)) end),
    t("huge arg", fun() -> math:sqrt(id(1 bsl 2000)) end),
    t("atom arg", fun() -> math:sin(id(a)) end),
    ok.

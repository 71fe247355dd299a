-module(conv_text_numbers).
-export([main/0]).

%% Parsing and printing numbers held in binaries and lists:
%% binary_to_integer/1,2, integer_to_binary/1,2, binary_to_float,
%% list_to_float and their rejected inputs.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    [t("b2i " ++ binary_to_list(B), fun() -> binary_to_integer(B) end)
     || B <- [<<"0">>, <<"-0">>, <<"+15">>, <<"007">>, <<"123456789012345678901234567890">>,
              <<"-9223372036854775809">>, <<"">>, <<"-">>, <<"1.0">>, <<" 1">>, <<"1 ">>,
              <<"1_000">>, <<"0x10">>]],
    [t(lists:flatten(io_lib:format("b2i ~s base ~w", [B, Base])),
       fun() -> binary_to_integer(B, Base) end)
     || {B, Base} <- [{<<"ff">>, 16}, {<<"FF">>, 16}, {<<"-zz">>, 36}, {<<"101">>, 2},
                      {<<"102">>, 2}, {<<"10">>, 37}, {<<"10">>, 1}, {<<"7fffffffffffffffffff">>, 16}]],
    [t(lists:flatten(io_lib:format("i2b ~w base ~w", [I, Base])),
       fun() -> integer_to_binary(I, Base) end)
     || {I, Base} <- [{255, 16}, {-255, 16}, {0, 2}, {35, 36}, {1 bsl 70, 36}, {10, 1}, {10, 37}]],
    t("i2b", fun() -> [integer_to_binary(I) || I <- [0, -1, 1 bsl 64]] end),
    t("i2b float", fun() -> integer_to_binary(1.0) end),
    [t("b2f " ++ binary_to_list(B), fun() -> binary_to_float(B) end)
     || B <- [<<"1.0">>, <<"-1.5">>, <<"+2.25">>, <<"1.0e10">>, <<"1.0E-3">>, <<"1.5e+2">>,
              <<"0.1">>, <<"1">>, <<"1.">>, <<".5">>, <<"1e5">>, <<"1.0e">>, <<"inf">>,
              <<"1.0e400">>, <<"1.0e-400">>, <<"00.5">>, <<"1.0 ">>, <<"1_0.0">>]],
    [t("l2f " ++ L, fun() -> list_to_float(L) end)
     || L <- ["3.14", "-0.0", "1", "1.e2", "2.5e-1", "abc", "", "1.0x", "1e-2", "1.0e+"]],
    t("l2f atom", fun() -> list_to_float(abc) end),
    t("b2f list", fun() -> binary_to_float("1.0") end),
    ok.

-module(bin_segments).
-export([main/0]).

%% binary and bitstring segments with explicit sizes and units.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    B = <<"hello world">>,
    Bits = <<1:1, 0:1, 1:1>>,
    N2 = 2, N5 = 5, N3 = 3,
    t("bin whole", fun() -> <<B/binary>> end),
    t("bin size5", fun() -> <<B:5/binary>> end),
    t("bin sizeN", fun() -> <<B:N5/binary, "!">> end),
    t("bin unit16", fun() -> <<B:N2/binary-unit:16>> end),
    t("bits whole", fun() -> <<Bits/bitstring, Bits/bits>> end),
    t("bits size2", fun() -> <<Bits:2/bits>> end),
    t("bin of bits", fun() -> <<Bits/binary>> end),
    t("bin too short", fun() -> <<B:20/binary>> end),
    t("bin unit1 size", fun() -> <<B:12/binary-unit:1>> end),
    t("int unit", fun() -> <<255:N2/integer-unit:4>> end),
    t("int unit8", fun() -> <<1:N3/unit:8>> end),
    t("not binary", fun() -> <<(list_to_atom("a"))/binary>> end),
    t("list as bin", fun() -> <<(binary_to_list(B))/binary>> end),
    %% matching with units
    <<X:2/binary-unit:16, Y:3/bits, Z/bits>> = B,
    io:format("match ~w ~w ~w~n", [X, Y, Z]),
    case B of
        <<P:N3/binary-unit:8, _:N2/unit:8, Q/binary>> -> io:format("pq ~w ~w~n", [P, Q])
    end,
    %% bitstring segments must have size multiple of unit when matched as binary
    R = case <<1:9>> of <<W/binary>> -> W; _ -> no end,
    io:format("bits as binary: ~w~n", [R]),
    R2 = case <<1:12>> of <<W2:4/binary-unit:3>> -> W2; _ -> no end,
    io:format("unit3: ~w~n", [R2]),
    ok.

-module(bin_float).
-export([main/0]).

%% Float segments of 16, 32 and 64 bits, both endiannesses, aligned and
%% unaligned, plus matching of non-finite bit patterns (which fails).

floats() -> [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 3.141592653589793, 65504.0,
             1.0e-5, 6.1e-5, 2.5e10, -123.456, 1.0e38, 5.0e-324, 1.7976931348623157e308].

f16(F) -> try <<F:16/float>> catch C:R -> {C, R} end.
f32(F) -> try <<F:32/float>> catch C:R -> {C, R} end.
f64(F) -> try <<F:64/float>> catch C:R -> {C, R} end.

back(B) when is_bitstring(B) ->
    S = bit_size(B),
    case B of
        <<X:S/float>> -> X;
        _ -> nomatch
    end;
back(E) -> E.

main() ->
    lists:foreach(
      fun(F) ->
              B16 = f16(F), B32 = f32(F), B64 = f64(F),
              io:format("~w:~n  16 ~w -> ~w~n  32 ~w -> ~w~n  64 ~w -> ~w~n",
                        [F, B16, back(B16), B32, back(B32), B64, back(B64)]),
              L = <<F:64/little-float>>,
              <<FL:64/little-float>> = L,
              io:format("  little64 ~w ~w~n", [L, FL])
      end, floats()),
    %% integer value in a float segment is converted
    io:format("int ~w ~w ~w~n", [<<1:64/float>>, <<(-2):32/float>>, <<3:16/float>>]),
    io:format("bigint ~w~n", [<<(1 bsl 80):64/float>>]),
    %% unaligned floats
    U = <<1:1, 2.5:32/float, 7:3, -0.25:64/float, 4:4>>,
    <<A:1, X:32/float, B:3, Y:64/float, C:4>> = U,
    io:format("unaligned ~w~n  ~w ~w ~w ~w ~w~n", [U, A, X, B, Y, C]),
    <<H:16/float-little, _/binary>> = <<0, 60>>,
    io:format("half little ~w~n", [H]),
    %% non-finite encodings never match as floats
    Pats = [<<16#7FF0000000000000:64>>, <<16#FFF0000000000000:64>>,
            <<16#7FF8000000000000:64>>, <<16#7F800000:32>>, <<16#FFC00000:32>>,
            <<16#7C00:16>>, <<16#7E00:16>>, <<16#7BFF:16>>, <<16#0001:16>>],
    [io:format("pat ~w -> ~w~n", [P, back(P)]) || P <- Pats],
    %% a dynamic size that is not 16/32/64 is an error in matching (no match)
    Sz = 40,
    io:format("size40 ~w~n", [case <<1,2,3,4,5>> of <<Z:Sz/float>> -> Z; _ -> nomatch end]),
    ok.

-module(bin_match_skip).
-export([main/0]).

%% Skipped segments (_:N, _/binary, _:N/binary), matches that only need
%% a size check, and multi-clause matches sharing prefixes.

second_byte(<<_, X, _/binary>>) -> X;
second_byte(_) -> none.

at_least(<<_:4/binary, _/binary>>) -> true;
at_least(_) -> false.

exactly(<<_:3/binary>>) -> three;
exactly(<<_:2/binary>>) -> two;
exactly(_) -> other.

skip_dyn(N, B) ->
    case B of
        <<_:N, X:4, _/bits>> -> X;
        _ -> short
    end.

multi(<<1, _:16, X>>) -> {one, X};
multi(<<1, _:8, X, _/binary>>) -> {one_long, X};
multi(<<2, _:3/binary, X/binary>>) -> {two, X};
multi(<<_:4, 15:4, _/bits>>) -> low_f;
multi(<<_:1, _/bits>>) -> any.

has_size(B) when is_binary(B), byte_size(B) >= 2, byte_size(B) =< 4 -> yes;
has_size(_) -> no.

main() ->
    io:format("second ~w~n", [[second_byte(B) || B <- [<<1, 2, 3>>, <<1, 2>>, <<1>>, <<1, 2:4>>]]]),
    io:format("at_least ~w~n", [[at_least(B) || B <- [<<1, 2, 3, 4>>, <<1, 2, 3>>, <<1, 2, 3, 4, 5:3>>]]]),
    io:format("exactly ~w~n", [[exactly(B) || B <- [<<1, 2, 3>>, <<1, 2>>, <<1>>, <<1, 2, 3, 4>>, <<1, 2, 0:1>>]]]),
    io:format("skip_dyn ~w~n", [[skip_dyn(N, <<16#12345678:32>>) || N <- [0, 4, 7, 13, 28, 29, 100]]]),
    io:format("multi ~w~n", [[multi(B) || B <- [<<1, 2, 3, 4>>, <<1, 2, 3, 4, 5>>, <<2, 0, 0, 0, 9>>,
                                              <<2, 0>>, <<16#3F>>, <<1:1>>]]]),
    io:format("has_size ~w~n", [[has_size(B) || B <- [<<>>, <<1, 2>>, <<1, 2, 3, 4>>, <<1, 2, 3, 4, 5>>, x]]]),
    %% skipping with unit
    <<_:2/unit:16, W:16, _/binary>> = <<0, 1, 2, 3, 4, 5, 6>>,
    io:format("unit skip ~w~n", [W]),
    %% skipping utf8
    <<_/utf8, _/utf8, Third/utf8, _/binary>> = <<"å€x😀"/utf8>>,
    io:format("utf8 skip ~w~n", [Third]),
    %% skip a float segment
    <<_:64/float, F:32/float>> = <<1.0:64/float, 2.0:32/float>>,
    io:format("float skip ~w~n", [F]),
    ok.

-module(etf_scalars).
-export([main/0]).

%% term_to_binary bytes of atoms, integers of every encoding size, floats
%% and the empty list.

%% atoms with non-ASCII characters are shown as code point lists so the
%% output stays ASCII
label(T) when is_atom(T) ->
    L = atom_to_list(T),
    case lists:all(fun(C) -> C < 128 end, L) of
        true -> T;
        false -> {atom, L}
    end;
label(T) -> T.

main() ->
    Terms = [a, ok, '', 'hello world', 'üñí', list_to_atom(lists:duplicate(255, $z)),
             true, false, nil, [],
             0, 1, 255, 256, -1, -256, 16#7FFFFFF, 16#8000000, -16#8000000, -16#8000001,
             2147483647, 2147483648, -2147483648, -2147483649, 4294967295, 4294967296,
             1 bsl 63, -(1 bsl 63), 1 bsl 64, (1 bsl 64) - 1, 1 bsl 100, -(1 bsl 100),
             123456789012345678901234567890,
             0.0, -0.0, 1.0, -1.5, 0.1, 3.141592653589793, 1.0e300, 5.0e-324, 1.0e-10],
    lists:foreach(fun(T) ->
                          B = term_to_binary(T),
                          io:format("~w: ~w~n", [label(T), B])
                  end, Terms),
    %% 2^2040 needs a LARGE_BIG header (more than 255 bytes of digits)
    Huge = 1 bsl 2040,
    HB = term_to_binary(Huge),
    io:format("huge: size ~w head ~w~n", [byte_size(HB), binary:part(HB, 0, 8)]),
    io:format("huge neg head ~w~n", [binary:part(term_to_binary(-Huge), 0, 8)]),
    ok.

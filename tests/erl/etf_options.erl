-module(etf_options).
-export([main/0]).

%% term_to_binary options: minor_version 0/1/2 (float and atom
%% encodings) and deterministic (map key order).

hex(B) -> binary:encode_hex(B).

%% non-ASCII atoms are shown as code point lists to keep the output ASCII
label(T) when is_atom(T) ->
    L = atom_to_list(T),
    case lists:all(fun(C) -> C < 128 end, L) of
        true -> T;
        false -> {atom, L}
    end;
label(L) when is_list(L) -> [label(X) || X <- L];
label(T) when is_tuple(T) -> list_to_tuple(label(tuple_to_list(T)));
label(T) -> T.

main() ->
    Terms = [1.5, 0.1, -2.0e-300, 'abc', 'åäö', 'Ω', [a, 'ü'], {3.0, 'x'}],
    lists:foreach(
      fun(T) ->
              Rs = [term_to_binary(T, [{minor_version, V}]) || V <- [0, 1, 2]],
              io:format("~w:~n", [label(T)]),
              [io:format("  v~w ~s~n", [V, hex(R)]) || {V, R} <- lists:zip([0, 1, 2], Rs)],
              io:format("  back ~w~n", [[binary_to_term(R) =:= T || R <- Rs]])
      end, Terms),
    M = maps:from_list([{I, I} || I <- lists:seq(1, 35)]),
    D = term_to_binary(M, [deterministic]),
    io:format("det size ~w back ~w~n", [byte_size(D), binary_to_term(D) =:= M]),
    io:format("det bytes ~w~n", [D]),
    Mixed = #{b => 1, 1 => a, "s" => x, {t} => y, 2.5 => z},
    io:format("det mixed ~w~n", [term_to_binary(Mixed, [deterministic])]),
    io:format("plain mixed ~w~n", [term_to_binary(Mixed)]),
    io:format("det nested ~w~n", [term_to_binary([#{z => 1, a => #{c => 1, b => 2}}], [deterministic])]),
    io:format("bad minor ~p~n", [try term_to_binary(a, [{minor_version, 3}]) catch C:R -> {C, R} end]),
    ok.

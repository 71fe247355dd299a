-module(etf_roundtrip).
-export([main/0]).

%% binary_to_term(term_to_binary(T)) gives back T for every kind of
%% term, with and without options.

main() ->
    Big = maps:from_list([{I, {I}} || I <- lists:seq(1, 100)]),
    Terms = [atom, 'with space', 'ünïcödé', 42, -42, 1 bsl 200, -(1 bsl 200), 3.25, -0.0,
             [], "string", [1, [2, [3]]], [a | b], {}, {a, {b, {c}}},
             <<>>, <<"bin">>, <<1:3>>, binary:copy(<<"x">>, 1000),
             #{}, #{k => v, "s" => [1]}, Big, #{#{} => #{}},
             fun lists:reverse/1, [{tag, #{list => [<<"deep">>, 1.5]}}],
             lists:seq(1, 1000), list_to_tuple(lists:seq(1, 300))],
    Opts = [[], [compressed], [{compressed, 9}], [{minor_version, 0}], [{minor_version, 1}],
            [{minor_version, 2}], [deterministic]],
    lists:foreach(
      fun(T) ->
              Rs = [binary_to_term(term_to_binary(T, O)) =:= T || O <- Opts],
              Safe = binary_to_term(term_to_binary(T), [safe]) =:= T,
              io:format("~w ~w safe=~w~n", [short(T), Rs, Safe])
      end, Terms),
    ok.

short(T) when is_binary(T), byte_size(T) > 10 -> {binary, byte_size(T)};
short(T) when is_list(T), length(T) > 10 -> {list, length(T)};
short(T) when is_tuple(T), tuple_size(T) > 10 -> {tuple, tuple_size(T)};
short(T) when is_map(T), map_size(T) > 10 -> {map, map_size(T)};
short(T) when is_atom(T) ->
    %% keep the output ASCII
    L = atom_to_list(T),
    case lists:all(fun(C) -> C < 128 end, L) of
        true -> T;
        false -> {atom, L}
    end;
short(T) -> T.

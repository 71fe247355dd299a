-module(progrun).
-export([main/1]).
%% Prints Go table rows {function, ~w of result, stdout} for each function.
main([Mod | Funs]) ->
    M = list_to_atom(Mod),
    [row(M, list_to_atom(F)) || F <- Funs],
    halt(0).
row(M, F) ->
    V = M:F(),
    io:format("\t{~s, ~s},~n", [q(atom_to_list(F)), q(lists:flatten(io_lib:format("~w", [V])))]).
q(S) -> [$`] ++ S ++ [$`].

-module(fun_print_local).
-export([main/0]).
%% beamr: per-release-output

%% Printing local funs shows #Fun<Module.Index.Uniq>; the index and uniq
%% come from the compiler, so this output differs per release. Also
%% prints the index/uniq items of fun_info and erlang:fun_to_list.

main() ->
    F0 = fun() -> zero end,
    F1 = fun(X) -> X end,
    Y = 5,
    F2 = fun(X) -> X + Y end,
    io:format("p ~p ~p ~p~n", [F0, F1, F2]),
    io:format("w ~w~n", [{F0, [F1]}]),
    io:format("list ~s~n", [erlang:fun_to_list(F2)]),
    io:format("ext ~s~n", [erlang:fun_to_list(fun lists:map/2)]),
    io:format("info ~p~n", [[erlang:fun_info(F, K) || F <- [F0, F1, F2], K <- [index, new_index, new_uniq, uniq]]]),
    io:format("nested ~p~n", [fun() -> fun() -> inner end end]),
    ok.

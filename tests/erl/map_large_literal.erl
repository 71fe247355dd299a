-module(map_large_literal).
-export([main/0]).

% Map literals with more than 32 keys written in the source (the
% compiler stores them in the literal table), and patterns and updates
% on them.

id(X) -> X.

ints() -> #{1 => v1, 2 => v2, 3 => v3, 4 => v4, 5 => v5, 6 => v6, 7 => v7, 8 => v8, 9 => v9, 10 => v10, 11 => v11, 12 => v12, 13 => v13, 14 => v14, 15 => v15, 16 => v16, 17 => v17, 18 => v18, 19 => v19, 20 => v20, 21 => v21, 22 => v22, 23 => v23, 24 => v24, 25 => v25, 26 => v26, 27 => v27, 28 => v28, 29 => v29, 30 => v30, 31 => v31, 32 => v32, 33 => v33, 34 => v34, 35 => v35, 36 => v36, 37 => v37, 38 => v38, 39 => v39, 40 => v40}.

atoms() -> #{a1 => 1, a2 => 2, a3 => 3, a4 => 4, a5 => 5, a6 => 6, a7 => 7, a8 => 8, a9 => 9, a10 => 10, a11 => 11, a12 => 12, a13 => 13, a14 => 14, a15 => 15, a16 => 16, a17 => 17, a18 => 18, a19 => 19, a20 => 20, a21 => 21, a22 => 22, a23 => 23, a24 => 24, a25 => 25, a26 => 26, a27 => 27, a28 => 28, a29 => 29, a30 => 30, a31 => 31, a32 => 32, a33 => 33, a34 => 34, a35 => 35}.

main() ->
    M = ints(),
    io:format("~p~n", [M]),
    io:format("keys ~w~n", [maps:keys(M)]),
    A = atoms(),
    io:format("~w~n", [lists:sort(maps:to_list(A))]),
    io:format("eq ~w ~w~n", [M =:= maps:from_list([{I, list_to_atom("v" ++ integer_to_list(I))}
                                                   || I <- lists:seq(1, 40)]),
                             A =:= maps:from_list([{list_to_atom("a" ++ integer_to_list(I)), I}
                                                   || I <- lists:seq(1, 35)])]),
    #{1 := V1, 40 := V40} = M,
    io:format("match ~p ~p~n", [V1, V40]),
    M2 = (id(M))#{1 := changed, 41 => new},
    io:format("update ~p ~p ~p~n", [map_size(M2), maps:get(1, M2), maps:get(41, M2)]),
    io:format("literal small ~p~n", [#{z => 1, a => 2, m => 3}]),
    ok.

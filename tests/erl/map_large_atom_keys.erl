-module(map_large_atom_keys).
-export([main/0]).

%% Maps with more than 32 atom keys. In OTP 25 a large map places an
%% atom key by a hash of the atom's index in the atom table, so the
%% order of such a map depends on the order atoms were created in and is
%% not printed here. What is printed holds for any order: contents,
%% sizes, lookups, and how printing, iteration, to_list and keys relate.

atoms(Prefix, N) -> [list_to_atom(Prefix ++ integer_to_list(I)) || I <- lists:seq(1, N)].

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, I2} -> [{K, V} | walk(I2)]
    end.

printed_keys(M) ->
    %% the keys in the order ~w prints them
    S = lists:flatten(io_lib:format("~w", [M])),
    Body = lists:sublist(S, 3, length(S) - 3),
    [list_to_atom(string:trim(hd(string:split(P, "=>")))) || P <- string:split(Body, ",", all)].

check(Label, M) ->
    L = maps:to_list(M),
    W = walk(maps:iterator(M)),
    io:format("~s: size=~w sorted=~w~n", [Label, map_size(M), lists:sort(L)]),
    io:format("  keys=to_list ~w values=to_list ~w~n",
              [maps:keys(M) =:= [K || {K, _} <- L], maps:values(M) =:= [V || {_, V} <- L]]),
    io:format("  iterator=reverse(to_list) ~w~n", [W =:= lists:reverse(L)]),
    io:format("  printed=iterator ~w~n", [printed_keys(M) =:= [K || {K, _} <- W]]),
    io:format("  fold=iterator ~w~n",
              [maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], M) =:= lists:reverse(W)]),
    io:format("  from_list(to_list) ~w~n", [maps:from_list(L) =:= M]).

main() ->
    M33 = maps:from_list([{A, I} || {I, A} <- lists:enumerate(atoms("key_", 33))]),
    check("33", M33),
    M100 = maps:from_list([{A, 0} || A <- atoms("k", 100)]),
    check("100", M100),
    Words = [alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa, lambda, mu,
             nu, xi, omicron, pi, rho, sigma, tau, upsilon, phi, chi, psi, omega,
             red, orange, yellow, green, blue, indigo, violet, black, white, grey, brown],
    MW = maps:from_list([{W, length(atom_to_list(W))} || W <- Words]),
    check("words", MW),
    io:format("lookups ~w~n", [[maps:get(K, MW) || K <- [alpha, omicron, brown, xi]]]),
    MW2 = maps:without([alpha, beta, gamma], MW),
    io:format("without ~w ~w~n", [map_size(MW2), lists:sort(maps:keys(MW2)) =:= lists:sort(Words -- [alpha, beta, gamma])]),
    ok.

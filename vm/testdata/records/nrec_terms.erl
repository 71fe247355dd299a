-module(nrec_terms).
-export([main/0]).

%% Native records as terms: the standard order, equality, the external
%% term format and phash2.

-record #hrec{nrk_zeta, nrk_alpha = default, nrk_mid}.
-record #lrec{a, b}.

c(M, N, Fs) -> records:create(M, N, Fs, #{is_exported => false}).
c(M, N, Fs, E) -> records:create(M, N, Fs, #{is_exported => E}).

cmp(A, B) ->
    if A < B -> lt; A > B -> gt; A == B -> eq; true -> weird end.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Z = list_to_atom("nrz_zz"),
    A = list_to_atom("nrz_aa"),
    Cases = [
      {c(m, a, [{x,1},{y,2},{z,3}]), c(m, b, [{x,1}])},
      {c(a, z, [{x,1}]), c(b, a, [{x,1}])},
      {c(m, a, [{x,1},{y,2}]), c(m, a, [{x,2},{y,1}])},
      {c(m, a, [{y,1},{x,2}]), c(m, a, [{y,2},{x,1}])},
      {c(m, a, [{x,1}]), c(m, a, [{x,1},{y,0}])},
      {c(m, a, [{x,5}]), c(m, a, [{y,1}])},
      {c(m, a, [{x,1}], true), c(m, a, [{x,1}], false)},
      {c(m, a, [{x,1},{y,2}]), c(m, a, [{y,2},{x,1}])},
      {c(m, a, [{x,1}]), c(m, a, [{x,1.0}])},
      {c(m, a, [{x,1}]), c(m, a, [{x,1}])},
      {c(m, a, [{x,1},{y,0}]), c(m, a, [{y,1}])},
      {c(m, a, [{x,1}], true), c(m, a, [{y,1}], false)},
      {c(m, a, [{x,1}], true), c(m, a, [{x,2}], false)},
      {c(m, a, [{x,5},{y,1}]), c(m, a, [{x,1},{z,1}])},
      {c(m, a, [{x,1},{y,0}], false), c(m, a, [{y,1}], true)},
      {c(m, a, [{b,2},{a,0}]), c(m, a, [{a,1},{b,1}])},
      {c(a, z, [], true), c(b, a, [], false)},
      {c(m, a, [], true), c(m, b, [], false)},
      {c(m, a, [{A,1},{Z,2}]), c(m, a, [{Z,2},{A,1}])},
      {c(m, a, [{A,2},{Z,1}]), c(m, a, [{A,1},{Z,2}])},
      {c(m, a, [{Z,2},{A,1}]), c(m, a, [{Z,1},{A,2}])},
      {c(m, a, [{x, {1, 2.0}}]), c(m, a, [{x, {1, 2}}])},
      {#lrec{a = 1, b = 2}, c(nrec_terms, lrec, [{a, 1}, {b, 2}])},
      {#lrec{a = 1, b = 2}, c(nrec_terms, lrec, [{a, 1}, {b, 2}], true)},
      {c(m, a, []), {}},
      {c(m, a, []), #{}},
      {c(m, a, [{x, 1}]), {a,b,c,d}},
      {c(m, a, []), []},
      {c(m, a, []), 42}
    ],
    [io:format("~w ~w ~w ~w~n", [X, Y, cmp(X, Y), X =:= Y]) || {X, Y} <- Cases],
    L = [c(m, a, [{x,1}]), #lrec{a = 1, b = 2}, {a}, #{}, [], 1, c(m, a, []), c(k, a, [{x, 1}]), <<>>, foo, {}],
    io:format("~w~n", [lists:sort(L)]),
    io:format("~w~n", [lists:usort([c(m, a, [{x,1}]), c(m, a, [{x,1.0}]), c(m, a, [{x,1}])])]),
    %% External term format.
    R1 = c(m, a, [{x,1},{y,2}]),
    R2 = c(m, a, [{y,2},{x,1}]),
    R3 = c(m, a, [{zz,1},{aa,2},{mm,3}], true),
    Rs = [R1, R2, R3, c(m, r, []), #lrec{a = "s", b = [R1]}, #hrec{nrk_zeta = 1, nrk_mid = <<"b">>}],
    %% (OTP 26 and later write atoms as UTF-8 by default: ask for it.)
    [io:format("~w~n", [term_to_binary(R, [{minor_version, 2}])]) || R <- Rs],
    io:format("~w~n", [term_to_binary(R3, [{minor_version, 0}])]),
    io:format("~w~n", [[erlang:external_size(R, [{minor_version, 1}]) || R <- Rs]]),
    io:format("~w~n", [[binary_to_term(term_to_binary(R)) =:= R || R <- Rs]]),
    Back = binary_to_term(term_to_binary(R3)),
    io:format("~p~n", [{Back, records:is_exported(Back), records:get_field_names(Back)}]),
    B = fun(Flags, Keys, Vals) ->
                iolist_to_binary([131, 67, <<(length(Keys)):32>>, Flags, 119, 1, $m, 119, 1, $r, Keys, Vals])
        end,
    At = fun(S) -> [119, length(S), S] end,
    Bins = [B(0, [At("a"), At("b")], [97,1, 97,2]),
            B(1, [At("a"), At("b")], [97,1, 97,2]),
            B(2, [At("a"), At("b")], [97,1, 97,2]),
            B(0, [At("a"), At("a")], [97,1, 97,2]),
            B(0, [[97,1], At("b")], [97,1, 97,2]),
            B(0, [At("b"), At("a")], [97,1, 97,2]),
            B(0, [], []),
            B(0, [At("a")], []),
            iolist_to_binary([131, 67, <<0:32>>, 0, 97, 1, 119, 1, $r]),
            iolist_to_binary([131, 104, 2, 67, <<1:32>>, 0, 119,1,$m, 119,1,$r, 119,1,$a,
                              67, <<0:32>>, 0, 119,1,$m, 119,1,$q, 97,5]),
            iolist_to_binary([131, 67, <<1:32>>, 0, 100, 0, 1, $m, 100, 0, 1, $r, 100, 0, 1, $a, 97, 1])],
    [io:format("~p~n", [t(fun() -> X = binary_to_term(Bin), {X, records:is_exported(X), records:get_field_names(X)} end)])
     || Bin <- Bins],
    %% phash2.
    H = #hrec{nrk_zeta = 1, nrk_mid = [1, 2]},
    Hs = [H, H#hrec{nrk_alpha = {x}}, {1, H}, [H, H], c(m, a, []), c(m, a, [], true),
          c(m, a, [{x, a}]), c(m, a, [{A, 1}, {Z, 2}]), c(m, a, [{Z, 2}, {A, 1}]),
          #{k => H}],
    %% (Values are hashed in the atom-table order of their field names, so
    %% only fields named by atoms that no runtime has before this module
    %% hash the same everywhere.)
    io:format("~w~n", [[erlang:phash2(X) || X <- Hs]]),
    io:format("~w~n", [[erlang:phash2(X, 1 bsl 32) || X <- Hs]]),
    ok.

-module(std_rand).
-export([main/0]).

%% The rand module of OTP 25: for every algorithm and kind of seed, the
%% states (as export_seed/0,1 shows them) and the numbers that uniform,
%% uniform_real, normal and bytes draw, jumps, the state kept under the
%% process dictionary key rand_seed, the exported generator building
%% blocks, and the errors of bad arguments. Unseeded use is only checked
%% for plausibility. Later releases changed the default algorithm's
%% helpers and some error reasons.
%% beamr: later-runtime-differs

main() ->
    seeding(),
    drawing(),
    ranges(),
    reals(),
    normals(),
    bytes(),
    jumps(),
    process_state(),
    custom_handler(),
    building_blocks(),
    unseeded(),
    errors(),
    ok.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s~n~p~n", [Label, R]).

algs() ->
    [exsss, exro928ss, exrop, exs1024s, exsp, exs64, exsplus, exs1024].

seeds() ->
    [{1, 2, 3}, {0, 0, 0}, {-5, 1 bsl 70, 7}, 0, 1, -1, 12345678901234567890123,
     [1], [0, 1], [1, 2], [1 bsl 64, 3], lists:seq(1, 16)].

label(Alg, Seed) ->
    lists:flatten(io_lib:format("~w ~w", [Alg, Seed])).

%% draws returns the values of F applied N times to a state, and the
%% exported final state.
draws(F, N, S0) ->
    {Vs, S} = lists:foldl(fun(_, {Acc, S}) ->
                                  {V, S1} = F(S),
                                  {[V | Acc], S1}
                          end, {[], S0}, lists:seq(1, N)),
    {lists:reverse(Vs), rand:export_seed_s(S)}.

seeding() ->
    [show("seed_s " ++ label(A, S), fun() -> rand:export_seed_s(rand:seed_s(A, S)) end)
     || A <- algs() ++ [default], S <- seeds()],
    show("seed_s default alg", fun() -> rand:export_seed_s(rand:seed_s(default, {1, 2, 3})) end),
    show("seed_s import", fun() -> rand:export_seed_s(rand:seed_s({exsss, [1 | 2]})) end),
    show("seed_s import draws", fun() -> draws(fun rand:uniform_s/1, 3, rand:seed_s({exrop, [5 | 6]})) end),
    show("seed_s state", fun() ->
                                 S = rand:seed_s(exsp, 9),
                                 rand:seed_s(S) =:= S
                         end),
    show("handler keys", fun() ->
                                 [{A, lists:sort(maps:keys(element(1, rand:seed_s(A, 1))))} || A <- algs()]
                         end),
    show("handler values", fun() ->
                                   [{A, maps:without([next, uniform, uniform_n, jump], element(1, rand:seed_s(A, 1)))}
                                    || A <- algs()]
                           end),
    show("handler funs", fun() ->
                                 [{A, [{K, is_function(F, 1) orelse is_function(F, 2)}
                                       || {K, F} <- lists:sort(maps:to_list(element(1, rand:seed_s(A, 1)))),
                                          is_function(F)]}
                                  || A <- algs()]
                         end).

drawing() ->
    lists:foreach(
      fun(A) ->
              lists:foreach(
                fun(S) ->
                        St = rand:seed_s(A, S),
                        show("uniform_s " ++ label(A, S), fun() -> draws(fun rand:uniform_s/1, 8, St) end),
                        show("uniform_s 100 " ++ label(A, S), fun() -> draws(fun(X) -> rand:uniform_s(100, X) end, 8, St) end)
                end, [{1, 2, 3}, 42, [7]])
      end, algs()),
    show("uniform_s many", fun() -> draws(fun rand:uniform_s/1, 1000, rand:seed_s(exsss, {1, 2, 3})) end).

ranges() ->
    Ns = [1, 2, 3, 6, 10, 1000, 1 bsl 32, (1 bsl 32) + 1, (1 bsl 58) - 1, 1 bsl 58, (1 bsl 58) + 1,
          (1 bsl 64) - 1, 1 bsl 64, (1 bsl 64) + 3, 1 bsl 100, (1 bsl 128) + 12345, 1 bsl 200, 7 bsl 300],
    lists:foreach(
      fun(A) ->
              St = rand:seed_s(A, {4, 5, 6}),
              lists:foreach(
                fun(N) ->
                        show(lists:flatten(io_lib:format("uniform_s ~w ~w", [A, N])),
                             fun() -> draws(fun(X) -> rand:uniform_s(N, X) end, 4, St) end)
                end, Ns)
      end, algs()).

reals() ->
    [show("uniform_real_s " ++ label(A, S), fun() -> draws(fun rand:uniform_real_s/1, 40, rand:seed_s(A, S)) end)
     || A <- algs(), S <- [{1, 2, 3}, 99]].

normals() ->
    [show("normal_s " ++ label(A, S), fun() -> draws(fun rand:normal_s/1, 300, rand:seed_s(A, S)) end)
     || A <- algs(), S <- [{1, 2, 3}, 99]],
    show("normal_s/3", fun() -> draws(fun(X) -> rand:normal_s(10, 4.0, X) end, 20, rand:seed_s(exsss, 5)) end),
    show("normal_s/3 integer", fun() -> draws(fun(X) -> rand:normal_s(-3, 2, X) end, 5, rand:seed_s(exrop, 5)) end),
    show("normal_s tail", fun() ->
                                  %% Enough draws to visit the slow paths many times.
                                  {Vs, S} = draws(fun rand:normal_s/1, 20000, rand:seed_s(exsss, {9, 9, 9})),
                                  {lists:sum(Vs), lists:max(Vs), lists:min(Vs), S}
                          end).

bytes() ->
    [show(lists:flatten(io_lib:format("bytes_s ~w ~w", [A, N])),
          fun() -> draws(fun(X) -> rand:bytes_s(N, X) end, 2, rand:seed_s(A, {1, 2, 3})) end)
     || A <- algs(), N <- [0, 1, 2, 6, 7, 8, 27, 28, 29, 64, 100]].

jumps() ->
    lists:foreach(
      fun(A) ->
              lists:foreach(
                fun(Pre) ->
                        show(lists:flatten(io_lib:format("jump ~w after ~w", [A, Pre])),
                             fun() ->
                                     {_, S0} = draws(fun rand:uniform_s/1, Pre, rand:seed_s(A, {1, 2, 3})),
                                     S1 = rand:jump(rand:seed_s(S0)),
                                     {rand:export_seed_s(S1), draws(fun rand:uniform_s/1, 3, S1)}
                             end)
                end, [0, 1, 5, 17])
      end, algs()).

process_state() ->
    erase(rand_seed),
    show("export_seed none", fun() -> rand:export_seed() end),
    show("seed/2", fun() -> rand:export_seed_s(rand:seed(exsss, {1, 2, 3})) end),
    show("export_seed", fun() -> rand:export_seed() end),
    show("rand_seed key", fun() ->
                                  {H, S} = get(rand_seed),
                                  {maps:get(type, H), S}
                          end),
    show("uniform/0", fun() -> [rand:uniform() || _ <- lists:seq(1, 10)] end),
    show("uniform/1", fun() -> [rand:uniform(6) || _ <- lists:seq(1, 20)] end),
    show("uniform/1 big", fun() -> [rand:uniform(1 bsl 80) || _ <- lists:seq(1, 3)] end),
    show("uniform_real/0", fun() -> [rand:uniform_real() || _ <- lists:seq(1, 5)] end),
    show("normal/0", fun() -> [rand:normal() || _ <- lists:seq(1, 5)] end),
    show("normal/2", fun() -> [rand:normal(100, 9) || _ <- lists:seq(1, 5)] end),
    show("bytes/1", fun() -> [rand:bytes(N) || N <- [0, 3, 10]] end),
    show("state after draws", fun() -> rand:export_seed() end),
    show("jump/0", fun() -> rand:export_seed_s(rand:jump()) end),
    show("after jump", fun() -> {rand:export_seed(), rand:uniform()} end),
    show("seed/1 exported", fun() ->
                                    E = rand:export_seed(),
                                    _ = rand:uniform(),
                                    _ = rand:seed(E),
                                    {rand:export_seed() =:= E, rand:uniform()}
                            end),
    lists:foreach(
      fun(A) ->
              show("process " ++ atom_to_list(A),
                   fun() ->
                           _ = rand:seed(A, 77),
                           Vs = [rand:uniform(), rand:uniform(1000), rand:uniform_real(), rand:normal(), rand:bytes(5)],
                           {Vs, rand:export_seed()}
                   end)
      end, algs()),
    show("seed/2 default", fun() -> _ = rand:seed(default, 3), {rand:export_seed(), rand:uniform()} end),
    erase(rand_seed).

%% A handler written by the program: rand uses its next fun and bits.
custom_handler() ->
    Next = fun([W | Ws]) -> {W, Ws ++ [W]} end,
    H58 = #{type => mine, bits => 58, next => Next},
    H64 = #{type => mine64, bits => 64, weak_low_bits => 3, next => Next},
    Max = #{type => old, max => (1 bsl 64) - 1, next => Next},
    Words = fun(Zeros) -> lists:duplicate(Zeros, 0) ++ [1, 1 bsl 20, 1 bsl 45, (1 bsl 50) + 3, 1 bsl 55, (1 bsl 58) - 1] end,
    lists:foreach(
      fun({Name, H}) ->
              lists:foreach(
                fun(Z) ->
                        St = {H, Words(Z)},
                        Tag = lists:flatten(io_lib:format("custom ~s ~w zeros ", [Name, Z])),
                        show(Tag ++ "uniform_real_s", fun() -> element(1, rand:uniform_real_s(St)) end),
                        show(Tag ++ "uniform_s", fun() -> element(1, rand:uniform_s(St)) end),
                        show(Tag ++ "uniform_s wide", fun() -> element(1, rand:uniform_s((1 bsl 130) + 7, St)) end),
                        show(Tag ++ "uniform_s wide power", fun() -> element(1, rand:uniform_s(1 bsl 130, St)) end),
                        show(Tag ++ "normal_s", fun() -> element(1, rand:normal_s(St)) end),
                        show(Tag ++ "bytes_s", fun() -> element(1, rand:bytes_s(20, St)) end)
                end, [0, 1, 2, 5, 17, 18, 19, 20])
      end, [{"58", H58}, {"64", H64}, {"max", Max}]),
    show("custom export", fun() -> rand:export_seed_s({H58, [1, 2]}) end),
    show("custom jump", fun() -> rand:jump({H58, [1, 2]}) end).

building_blocks() ->
    show("exsp_next", fun() -> rand:exsp_next([1 | 2]) end),
    show("exsp_jump", fun() -> rand:exsp_jump([1 | 2]) end),
    show("splitmix64_next", fun() -> [rand:splitmix64_next(X) || X <- [0, 1, -7, 1 bsl 70]] end),
    show("mwc59", fun() -> lists:foldl(fun(_, [X | _] = Acc) -> [rand:mwc59(X) | Acc] end, [1], lists:seq(1, 10)) end),
    show("mwc59 wide", fun() -> rand:mwc59((1 bsl 59) + 12345) end),
    show("mwc59_value32", fun() -> [rand:mwc59_value32(X) || X <- [1, 123456789012, (1 bsl 59) - 1]] end),
    show("mwc59_value", fun() -> [rand:mwc59_value(X) || X <- [1, 123456789012345, (1 bsl 59) - 1]] end),
    show("mwc59_float", fun() -> [rand:mwc59_float(X) || X <- [1, 123456789012345, (1 bsl 59) - 1]] end),
    show("mwc59_seed/1", fun() -> [rand:mwc59_seed(X) || X <- [0, 42, (1 bsl 58) - 1]] end),
    show("mwc59_seed/0", fun() -> S = rand:mwc59_seed(), is_integer(S) andalso S >= 1 andalso S =< 1 bsl 58 end),
    show("exro928_seed", fun() -> [rand:exro928_seed(S) || S <- [{1, 2, 3}, 7, [1, 2]]] end),
    show("exro928_next", fun() -> [rand:exro928_next(S) || S <- [{[1, 2, 3], []}, {[1], [2, 3]}]] end),
    show("exro928_next_state", fun() -> [rand:exro928_next_state(S) || S <- [{[1, 2, 3], []}, {[1], [2, 3]}]] end),
    show("exro928_jump_2pow512", fun() -> rand:exro928_jump_2pow512(rand:exro928_seed(5)) end),
    show("exro928_jump_2pow20", fun() -> rand:exro928_jump_2pow20(rand:exro928_seed(5)) end),
    show("seed58", fun() -> [rand:seed58(N, X) || {N, X} <- [{0, 1}, {3, 1}, {2, -9}]] end),
    show("make_float", fun() -> [rand:make_float(S, E, M) || {S, E, M} <- [{0, 1023, 0}, {1, 1023, 5}, {0, 0, 1}, {0, 1, 0}]] end),
    show("float2str", fun() -> [rand:float2str(X) || X <- [1.5, -0.1, 3, 5.0e-324, 0.0, 1.0e300]] end),
    show("bc64", fun() -> [rand:bc64(X) || X <- [0, 1, 2, 3, 255, 256, 1 bsl 40, (1 bsl 64) - 1, 1 bsl 63]] end),
    show("format_jumpconst58", fun() ->
                                       rand:format_jumpconst58("static const uint64_t JUMP[] = { 0x180ec6d33cfd0aba, 0xd5a61266f0c9392c };")
                               end),
    show("format_jumpconst58 binary", fun() -> rand:format_jumpconst58(<<"0x1 0x2 0x3">>) end).

unseeded() ->
    erase(rand_seed),
    show("unseeded uniform", fun() -> X = rand:uniform(), is_float(X) andalso X >= 0.0 andalso X < 1.0 end),
    show("unseeded alg", fun() -> element(1, rand:export_seed()) end),
    show("unseeded state", fun() -> {exsss, [A | B]} = rand:export_seed(), is_integer(A) andalso is_integer(B) end),
    show("seed/1 alg", fun() -> S = rand:seed(exrop), {element(1, rand:export_seed_s(S)), rand:export_seed() =:= rand:export_seed_s(S)} end),
    show("seed/1 default", fun() -> element(1, rand:export_seed_s(rand:seed(default))) end),
    show("seed_s/1", fun() -> [element(1, rand:export_seed_s(rand:seed_s(A))) || A <- algs()] end),
    show("uniform range", fun() -> lists:all(fun(X) -> X >= 1 andalso X =< 3 end, [rand:uniform(3) || _ <- lists:seq(1, 100)]) end),
    show("uniform_real range", fun() -> lists:all(fun(X) -> X > 0.0 andalso X < 1.0 end, [rand:uniform_real() || _ <- lists:seq(1, 100)]) end),
    show("normal float", fun() -> is_float(rand:normal()) end),
    show("bytes size", fun() -> byte_size(rand:bytes(13)) end),
    show("two seeds differ", fun() -> rand:seed_s(exsss) =/= rand:seed_s(exsss) end),
    erase(rand_seed).

errors() ->
    S = rand:seed_s(exsss, 1),
    show("seed unknown alg", fun() -> rand:seed(foo, 1) end),
    show("seed_s unknown alg", fun() -> rand:seed_s(foo) end),
    show("seed_s zero list", fun() -> rand:seed_s(exsss, [0, 0]) end),
    show("seed_s empty list", fun() -> rand:seed_s(exsss, []) end),
    show("seed_s too many", fun() -> rand:seed_s(exsss, [1, 2, 3]) end),
    show("seed_s too many 1024", fun() -> rand:seed_s(exs1024s, lists:seq(1, 17)) end),
    show("seed_s non-integer", fun() -> rand:seed_s(exsss, [a]) end),
    show("seed_s improper", fun() -> rand:seed_s(exrop, [1 | 2]) end),
    show("seed_s bad tuple", fun() -> rand:seed_s(exsss, {a, b, c}) end),
    show("seed_s float", fun() -> rand:seed_s(exsss, 1.5) end),
    show("seed_s atom", fun() -> rand:seed_s(exsss, foo) end),
    show("seed_s tuple of two", fun() -> rand:seed_s(exs64, {1, 2}) end),
    show("seed import unknown", fun() -> rand:seed({foo, 1}) end),
    show("seed_s non-atom", fun() -> rand:seed_s({1, 2, 3}) end),
    show("uniform_s 0", fun() -> rand:uniform_s(0, S) end),
    show("uniform_s negative", fun() -> rand:uniform_s(-3, S) end),
    show("uniform_s float", fun() -> rand:uniform_s(2.0, S) end),
    show("uniform_s atom", fun() -> rand:uniform_s(a, S) end),
    show("uniform_s bad state", fun() -> rand:uniform_s(foo) end),
    show("uniform_s/2 bad state", fun() -> rand:uniform_s(3, foo) end),
    show("uniform_real_s bad state", fun() -> rand:uniform_real_s({#{}, 1}) end),
    show("normal_s bad state", fun() -> rand:normal_s(foo) end),
    show("normal_s/3 zero variance", fun() -> rand:normal_s(0, 0, S) end),
    show("normal_s/3 negative variance", fun() -> rand:normal_s(0, -1.0, S) end),
    show("normal_s/3 bad mean", fun() -> rand:normal_s(a, 1, S) end),
    show("bytes_s negative", fun() -> rand:bytes_s(-1, S) end),
    show("bytes_s float", fun() -> rand:bytes_s(1.0, S) end),
    show("bytes_s exs64", fun() -> element(1, rand:bytes_s(5, rand:seed_s(exs64, 1))) end),
    show("bytes_s small max", fun() -> rand:bytes_s(5, {#{type => t, max => 255, next => fun(X) -> {X, X} end}, 1}) end),
    show("jump exs64", fun() -> rand:jump(rand:seed_s(exs64, 1)) end),
    show("jump bad state", fun() -> rand:jump(foo) end),
    show("export_seed_s bad", fun() -> rand:export_seed_s(foo) end),
    show("mwc59_seed out of range", fun() -> rand:mwc59_seed(1 bsl 58) end),
    show("mwc59_seed negative", fun() -> rand:mwc59_seed(-1) end),
    show("mwc59 atom", fun() -> rand:mwc59(a) end),
    show("make_float nan", fun() -> rand:make_float(0, 2047, 1) end),
    show("format_jumpconst58 none", fun() -> rand:format_jumpconst58("none here") end),
    show("format_jumpconst58 bad hex", fun() -> rand:format_jumpconst58("0xzz") end),
    erase(rand_seed),
    show("uniform/1 zero", fun() -> rand:uniform(0) end),
    show("uniform/1 atom", fun() -> rand:uniform(a) end),
    show("normal/2 negative variance", fun() -> _ = rand:seed(exsss, 1), rand:normal(0, -1) end),
    show("state after failed normal/2", fun() -> rand:export_seed() end),
    show("bytes/1 negative", fun() -> rand:bytes(-1) end),
    put(rand_seed, foo),
    show("uniform with corrupt state", fun() -> rand:uniform() end),
    show("export_seed corrupt", fun() -> rand:export_seed() end),
    erase(rand_seed).

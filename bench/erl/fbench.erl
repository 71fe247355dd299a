%% Helpers of the file benchmarks (not a benchmark itself).
-module(fbench).
-export([dir/1, name/2, data/0, in_parallel/3, remove/2]).
dir(Tag) ->
    Base = case os:getenv("TMPDIR") of
               false -> "/tmp";
               T -> T
           end,
    D = filename:join(Base, "beamr_bench_" ++ Tag ++ "_" ++ os:getpid()),
    ok = file:make_dir(D),
    D.
name(Dir, I) -> filename:join(Dir, integer_to_list(I)).
data() -> binary:copy(<<"0123456789abcdef">>, 256).
%% in_parallel(P, N, F): F(I) for I in 1..N, split between P processes;
%% the sum of the results.
in_parallel(P, N, F) ->
    Self = self(),
    Per = N div P,
    [spawn_link(fun() -> Self ! {done, run(F, (K - 1) * Per + 1, K * Per, 0)} end)
     || K <- lists:seq(1, P)],
    lists:sum([receive {done, S} -> S end || _ <- lists:seq(1, P)]).
run(_, I, Last, Acc) when I > Last -> Acc;
run(F, I, Last, Acc) -> run(F, I + 1, Last, Acc + F(I)).
remove(Dir, N) ->
    [ok = file:delete(name(Dir, I)) || I <- lists:seq(1, N)],
    ok = file:del_dir(Dir).

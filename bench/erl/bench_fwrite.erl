%% 20,000 files of 4 KiB written by 8 processes with file:write_file/2.
-module(bench_fwrite).
-export([main/0]).
-define(FILES, 20000).
-define(PROCS, 8).
main() ->
    Dir = fbench:dir("fwrite"),
    T0 = erlang:monotonic_time(microsecond),
    N = fbench:in_parallel(?PROCS, ?FILES, fun(I) ->
                                                        ok = file:write_file(fbench:name(Dir, I), fbench:data()),
                                                        1
                                                end),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p files~n", [N]),
    fbench:remove(Dir, ?FILES),
    io:format(standard_error, "bench-us ~p~n", [T1 - T0]).

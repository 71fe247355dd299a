%% 20,000 files of 4 KiB, written first (not timed), then read back by 8
%% processes with file:read_file/1.
-module(bench_fread).
-export([main/0]).
-define(FILES, 20000).
-define(PROCS, 8).
main() ->
    Dir = fbench:dir("fread"),
    fbench:in_parallel(?PROCS, ?FILES, fun(I) ->
                                                    ok = file:write_file(fbench:name(Dir, I), fbench:data()),
                                                    1
                                            end),
    T0 = erlang:monotonic_time(microsecond),
    Bytes = fbench:in_parallel(?PROCS, ?FILES, fun(I) ->
                                                            {ok, B} = file:read_file(fbench:name(Dir, I)),
                                                            byte_size(B)
                                                    end),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p bytes~n", [Bytes]),
    fbench:remove(Dir, ?FILES),
    io:format(standard_error, "bench-us ~p~n", [T1 - T0]).

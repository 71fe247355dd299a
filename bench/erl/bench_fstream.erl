%% One 256 MiB file (written first, not timed) streamed in 64 KiB reads from
%% a raw binary file.
-module(bench_fstream).
-export([main/0]).
-define(MIB, 256).
main() ->
    Dir = fbench:dir("fstream"),
    Name = filename:join(Dir, "big"),
    {ok, W} = file:open(Name, [write, raw, binary]),
    Chunk = binary:copy(<<"0123456789abcdef">>, 65536),
    [ok = file:write(W, Chunk) || _ <- lists:seq(1, ?MIB)],
    ok = file:close(W),
    T0 = erlang:monotonic_time(microsecond),
    {ok, R} = file:open(Name, [read, raw, binary]),
    Bytes = stream(R, 0),
    ok = file:close(R),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p bytes~n", [Bytes]),
    ok = file:delete(Name),
    ok = file:del_dir(Dir),
    io:format(standard_error, "bench-us ~p~n", [T1 - T0]).
stream(F, N) ->
    case file:read(F, 65536) of
        {ok, B} -> stream(F, N + byte_size(B));
        eof -> N
    end.

-module(file_seqread).
-export([main/0]).

%% Sequential reads of raw files, as a program streaming a file makes
%% them: chunks of one size to the end (sizes that divide the file and
%% sizes that do not, binary and list mode), and everything that may come
%% between two such reads: position/2 (absolute and relative), write/2 at
%% the current position, pwrite/3 ahead of it, pread/3, truncate/1,
%% read_line/1, a second file read at the same time, data appended after
%% the end was reached, and writes to the same file through another
%% descriptor, write_file/2 and an open that truncates it. Data is printed
%% as sizes and CRC-32s.

main() ->
    Dir = filename:join("/tmp", "beamr_test_" ++
                            integer_to_list(os:system_time(nanosecond)) ++
                            "_" ++ os:getpid()),
    ok = file:make_dir(Dir),
    Name = filename:join(Dir, "data"),
    try
        ok = file:write_file(Name, pattern(3000123)),
        whole(Name),
        between(Name),
        appended(Dir),
        others(Dir)
    after
        [file:delete(filename:join(Dir, F)) || F <- ["data", "grow", "other"]],
        file:del_dir(Dir)
    end.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%% pattern(N): N bytes that repeat only every 251.
pattern(N) ->
    Block = << <<(I rem 251)>> || I <- lists:seq(0, 250) >>,
    binary:part(binary:copy(Block, N div 251 + 1), 0, N).

%% stream(F, Size): reads Size-byte chunks to the end, and returns the
%% number of chunks, the size of the last, the total and the CRC-32.
stream(F, Size) -> stream(F, Size, 0, 0, 0, erlang:crc32(<<>>)).

stream(F, Size, N, Last, Total, Crc) ->
    case file:read(F, Size) of
        {ok, D} ->
            B = iolist_to_binary(D),
            stream(F, Size, N + 1, byte_size(B), Total + byte_size(B),
                   erlang:crc32(Crc, B));
        eof ->
            {N, Last, Total, Crc, file:read(F, Size)}
    end.

whole(Name) ->
    lists:foreach(
      fun({Size, Mode}) ->
              {ok, F} = file:open(Name, [read, raw | [binary || Mode =:= binary]]),
              p(io_lib:format("stream ~p ~p", [Size, Mode]), stream(F, Size)),
              p("position at end", file:position(F, cur)),
              ok = file:close(F)
      end,
      [{65536, binary}, {1000, binary}, {4096, list}, {131072, binary},
       {524288, binary}, {524289, binary}, {3000123, binary},
       {3000124, binary}, {33, binary}]),
    %% Single bytes, over the first 5000.
    {ok, F} = file:open(Name, [read, raw, binary]),
    Bytes = [begin {ok, <<B>>} = file:read(F, 1), B end
             || _ <- lists:seq(1, 5000)],
    p("bytes", {length(Bytes), erlang:crc32(Bytes)}),
    p("after bytes", file:position(F, cur)),
    p("then a chunk", crc(file:read(F, 70000))),
    ok = file:close(F).

crc({ok, D}) -> {ok, iolist_size(D), erlang:crc32(D)};
crc(Other) -> Other.

%% reads(F, K, Size): K reads of Size bytes, as sizes and CRCs.
reads(F, K, Size) -> [crc(file:read(F, Size)) || _ <- lists:seq(1, K)].

between(Name) ->
    {ok, F} = file:open(Name, [read, write, raw, binary]),
    p("three", reads(F, 3, 65536)),
    p("cur", file:position(F, cur)),
    p("back 10", file:position(F, {cur, -10})),
    p("again", reads(F, 2, 65536)),
    p("absolute", file:position(F, 1000000)),
    p("from there", reads(F, 3, 65536)),
    ok = file:write(F, <<"XYZ">>),
    p("after write", file:position(F, cur)),
    p("read after write", reads(F, 3, 65536)),
    p("pread written", file:pread(F, 1196608, 3)),
    p("pread ahead", crc(file:pread(F, 2000000, 100))),
    p("still", reads(F, 2, 65536)),
    {ok, Pos} = file:position(F, cur),
    ok = file:pwrite(F, Pos + 100000, <<"AHEAD">>),
    p("pwrite ahead", file:position(F, cur)),
    p("over it", reads(F, 2, 65536)),
    p("pread it", file:pread(F, Pos + 100000, 5)),
    p("lines", [crc(file:read_line(F)) || _ <- lists:seq(1, 3)]),
    p("after lines", file:position(F, cur)),
    p("more", reads(F, 3, 4096)),
    {ok, Cut} = file:position(F, cur),
    p("cut at", Cut),
    ok = file:truncate(F),
    p("eof", file:position(F, eof)),
    {ok, _} = file:position(F, Cut - 5000),
    p("to the cut", reads(F, 3, 4096)),
    p("the end", stream(F, 4096)),
    ok = file:close(F),
    ok = file:write_file(Name, pattern(3000123)).

%% A file read to its end, then appended to (through the same descriptor
%% and through another), then read on.
appended(Dir) ->
    Name = filename:join(Dir, "grow"),
    ok = file:write_file(Name, pattern(200000)),
    {ok, R} = file:open(Name, [read, raw, binary]),
    p("grow", stream(R, 65536)),
    {ok, W} = file:open(Name, [append, raw, binary]),
    ok = file:write(W, pattern(70000)),
    p("appended", reads(R, 3, 65536)),
    ok = file:write(W, <<"tail">>),
    p("tail", reads(R, 2, 65536)),
    ok = file:close(W),
    ok = file:close(R).

%% Two files streamed in turns, and one file changed through another
%% descriptor while it is read.
others(Dir) ->
    A = filename:join(Dir, "data"),
    B = filename:join(Dir, "other"),
    ok = file:write_file(B, binary:copy(<<"other file ">>, 100000)),
    {ok, Fa} = file:open(A, [read, raw, binary]),
    {ok, Fb} = file:open(B, [read, raw, binary]),
    Turns = [{crc(file:read(Fa, 65536)), crc(file:read(Fb, 65536))}
             || _ <- lists:seq(1, 6)],
    p("turns", Turns),
    {ok, W} = file:open(A, [read, write, raw, binary]),
    {ok, At} = file:position(Fa, cur),
    ok = file:pwrite(W, At + 70000, <<"CHANGED">>),
    p("changed elsewhere", reads(Fa, 2, 65536)),
    p("the change", file:pread(Fa, At + 70000, 7)),
    {ok, _} = file:position(W, At + 200000),
    ok = file:write(W, binary:copy(<<"w">>, 70000)),
    p("written elsewhere", reads(Fa, 3, 65536)),
    ok = file:close(W),
    ok = file:write_file(A, binary:copy(<<"new ">>, 400000)),
    p("after write_file", reads(Fa, 2, 65536)),
    {ok, T} = file:open(A, [write, raw]),
    p("after truncating open", reads(Fa, 2, 65536)),
    ok = file:close(T),
    ok = file:close(Fa),
    ok = file:close(Fb).

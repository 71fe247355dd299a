-module(file_basic).
-export([main/0]).

%% The file handle API of the file module, each case run on a raw handle
%% and on an io-server handle: open modes (read, write, append, exclusive,
%% binary, list, read_ahead, delayed_write), read/2 and write/2, pread and
%% pwrite in their single and list forms, position/2 with bof, cur, eof
%% and plain integers, read_line in binary and list mode, sync, datasync,
%% truncate, the end of file, closing twice and using a closed handle, and
%% the error atoms of a missing file, an existing file opened exclusive,
%% reading a write-only file and a bad position. Handles, paths and
%% descriptors are never printed; all files live in a fresh directory
%% that is removed at the end. OTP 29 answers a read of a closed raw
%% handle with {error,ebadf} instead of {error,einval}.
%% beamr: later-runtime-differs

main() ->
    Dir = filename:join("/tmp", "beamr_test_" ++
                            integer_to_list(os:system_time(nanosecond)) ++
                            "_" ++ os:getpid()),
    ok = file:make_dir(Dir),
    try
        lists:foreach(fun(Kind) -> run(Dir, Kind) end, [raw, server])
    after
        cleanup(Dir)
    end.

cleanup(Dir) ->
    {ok, Names} = file:list_dir(Dir),
    [ok = file:delete(filename:join(Dir, N)) || N <- Names],
    ok = file:del_dir(Dir).

%% extra(Kind): the extra open modes of a handle kind.
extra(raw) -> [raw];
extra(server) -> [].

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%% opened(R): an open result with the handle hidden.
opened({ok, _Fd}) -> {ok, fd};
opened(Other) -> Other.

open(Path, Modes) ->
    case file:open(Path, Modes) of
        {ok, Fd} -> Fd;
        Error -> error({open_failed, Modes, Error})
    end.

run(Dir, Kind) ->
    io:format("== ~p~n", [Kind]),
    X = extra(Kind),
    F = filename:join(Dir, atom_to_list(Kind) ++ ".txt"),

    %% Opening a missing file; exclusive creation.
    p("open missing read", opened(file:open(filename:join(Dir, "nope"), [read | X]))),
    p("open missing dir", opened(file:open(filename:join([Dir, "nodir", "f"]), [write | X]))),
    p("open exclusive new", opened(file:open(F, [write, exclusive | X]))),
    p("open exclusive existing", opened(file:open(F, [write, exclusive | X]))),

    %% write/2 and read/2 in binary mode.
    W = open(F, [write, binary | X]),
    p("write bin", file:write(W, <<"hello ">>)),
    p("write iolist", file:write(W, ["wor", [$l, <<"d">>], $\n])),
    p("write list", file:write(W, "line two\nlast line without newline")),
    p("sync", file:sync(W)),
    p("datasync", file:datasync(W)),
    p("close", file:close(W)),
    p("close again", file:close(W)),
    p("write after close", file:write(W, <<"x">>)),
    p("read after close", file:read(W, 1)),
    p("position after close", file:position(W, 0)),

    R = open(F, [read, binary | X]),
    p("read 5", file:read(R, 5)),
    p("read 0", file:read(R, 0)),
    p("read 3", file:read(R, 3)),
    p("position cur", file:position(R, cur)),
    p("read_line", file:read_line(R)),
    p("read_line", file:read_line(R)),
    p("read_line", file:read_line(R)),
    p("read_line eof", file:read_line(R)),
    p("read eof", file:read(R, 10)),
    p("read 0 at eof", file:read(R, 0)),
    p("position bof", file:position(R, bof)),
    p("read 100", file:read(R, 100)),
    p("position eof", file:position(R, eof)),
    p("position {eof,-4}", file:position(R, {eof, -4})),
    p("read after eof-4", file:read(R, 10)),
    p("position {bof,2}", file:position(R, {bof, 2})),
    p("position {cur,3}", file:position(R, {cur, 3})),
    p("position {cur,-1}", file:position(R, {cur, -1})),
    p("read 4", file:read(R, 4)),
    p("position 7", file:position(R, 7)),
    p("read 4", file:read(R, 4)),
    p("position past eof", file:position(R, 1000)),
    p("read past eof", file:read(R, 1)),
    p("position negative", file:position(R, -1)),
    p("position {bof,-1}", file:position(R, {bof, -1})),
    p("position {cur,-10000}", file:position(R, {cur, -10000})),
    p("position after bad", file:position(R, cur)),
    p("position bad term", catch_result(fun() -> file:position(R, bogus) end)),
    p("pread 0 5", file:pread(R, 0, 5)),
    p("pread 6 5", file:pread(R, 6, 5)),
    p("pread past eof", file:pread(R, 1000, 5)),
    p("pread straddles eof", file:pread(R, 40, 100)),
    p("pread list", file:pread(R, [{0, 2}, {6, 3}, {1000, 1}, {12, 4}])),
    p("pread list empty", file:pread(R, [])),
    p("position after pread", file:position(R, cur)),
    p("close", file:close(R)),

    %% List mode.
    L = open(F, [read | X]),
    p("list read 5", file:read(L, 5)),
    p("list read_line", file:read_line(L)),
    p("list pread", file:pread(L, 6, 5)),
    p("list pread list", file:pread(L, [{0, 1}, {1000, 1}])),
    p("close", file:close(L)),

    %% read_ahead is accepted and changes nothing visible.
    RA = open(F, [read, binary, read_ahead | X]),
    p("read_ahead read_line", file:read_line(RA)),
    p("read_ahead read 4", file:read(RA, 4)),
    p("read_ahead position", file:position(RA, cur)),
    p("read_ahead pread", file:pread(RA, 0, 3)),
    p("read_ahead read_line", file:read_line(RA)),
    p("close", file:close(RA)),
    RA2 = open(F, [read, binary, {read_ahead, 4} | X]),
    p("read_ahead 4 lines", [file:read_line(RA2) || _ <- lists:seq(1, 4)]),
    p("close", file:close(RA2)),

    %% Long lines and CRLF with read_line.
    G = filename:join(Dir, atom_to_list(Kind) ++ "_lines.txt"),
    Long = binary:copy(<<"0123456789">>, 1000),
    ok = file:write_file(G, [Long, "\r\n", "crlf\r\n", "\n", "cr\rin line\n", "tail"]),
    LR = open(G, [read, binary | X]),
    {ok, Line1} = file:read_line(LR),
    p("long line size", byte_size(Line1)),
    p("long line tail", binary:part(Line1, byte_size(Line1) - 3, 3)),
    p("crlf lines", [file:read_line(LR) || _ <- lists:seq(1, 5)]),
    p("close", file:close(LR)),
    LR2 = open(G, [read, binary, read_ahead | X]),
    {ok, Line2} = file:read_line(LR2),
    p("read_ahead long line size", byte_size(Line2)),
    p("read_ahead crlf lines", [file:read_line(LR2) || _ <- lists:seq(1, 5)]),
    p("close", file:close(LR2)),
    LL = open(G, [read | X]),
    {ok, Line3} = file:read_line(LL),
    p("list long line", {length(Line3), lists:nthtail(length(Line3) - 3, Line3)}),
    p("list crlf lines", [file:read_line(LL) || _ <- lists:seq(1, 5)]),
    p("close", file:close(LL)),

    %% pwrite, both forms, and truncate.
    RW = open(F, [read, write, binary | X]),
    p("rw position", file:position(RW, cur)),
    p("rw read 5", file:read(RW, 5)),
    p("pwrite 0", file:pwrite(RW, 0, <<"HE">>)),
    p("position after pwrite", file:position(RW, cur)),
    p("pwrite list", file:pwrite(RW, [{2, <<"LL">>}, {6, "W"}, {{bof, 7}, [<<"O">>]}])),
    p("pwrite past eof", file:pwrite(RW, 50, <<"Z">>)),
    p("pwrite list bad", file:pwrite(RW, [{0, <<"h">>}, {-5, <<"x">>}, {1, <<"e">>}])),
    p("pread all", file:pread(RW, 0, 100)),
    p("position 5", file:position(RW, 5)),
    p("truncate", file:truncate(RW)),
    p("position eof after truncate", file:position(RW, eof)),
    p("write at eof", file:write(RW, <<"!">>)),
    p("pread all", file:pread(RW, 0, 100)),
    p("position bof", file:position(RW, bof)),
    p("write over", file:write(RW, <<"j">>)),
    p("read rest", file:read(RW, 100)),
    p("close", file:close(RW)),
    p("truncate after close", file:truncate(RW)),
    p("sync after close", file:sync(RW)),
    p("pread after close", file:pread(RW, 0, 1)),
    p("pwrite after close", file:pwrite(RW, 0, <<"x">>)),
    p("read_line after close", file:read_line(RW)),
    p("contents", file:read_file(F)),

    %% write truncates, append appends wherever the position is.
    W2 = open(F, [write | X]),
    p("write", file:write(W2, "abc")),
    p("close", file:close(W2)),
    p("contents", file:read_file(F)),
    A = open(F, [append | X]),
    p("append", file:write(A, "def")),
    p("append position", file:position(A, cur)),
    p("append position bof", file:position(A, bof)),
    p("append after bof", file:write(A, "ghi")),
    p("append read", file:read(A, 1)),
    p("close", file:close(A)),
    p("contents", file:read_file(F)),
    RA3 = open(F, [read, append, binary | X]),
    p("read+append read", file:read(RA3, 2)),
    p("read+append write", file:write(RA3, "jk")),
    p("read+append position", file:position(RA3, cur)),
    p("read+append pread", file:pread(RA3, 0, 100)),
    p("close", file:close(RA3)),

    %% delayed_write: data reaches the file by close at the latest.
    DW = open(F, [write, delayed_write | X]),
    p("delayed write", file:write(DW, "delayed")),
    p("delayed close", file:close(DW)),
    p("contents", file:read_file(F)),

    %% Open with read and write on a missing file creates it;
    %% exclusive with read.
    N = filename:join(Dir, atom_to_list(Kind) ++ "_new"),
    p("open read write missing", closed(file:open(N, [read, write | X]))),
    p("exists", file:read_file(N)),
    p("open read exclusive", opened(file:open(N, [read, exclusive | X]))),
    p("open unknown mode", closed(file:open(N, [bogus | X]))),
    p("open dir for write", opened(file:open(Dir, [write | X]))),
    p("open dir for read", opened_read(file:open(Dir, [read | X]))),
    errors(F, X).

%% errors(F, X): operations the handle's mode forbids, each on a fresh
%% handle followed by a harmless operation, since an io-server handle
%% stops at some errors. The file holds 0123456789 before each.
errors(F, X) ->
    after_error("read write-only", F, [write | X], fun(Fd) -> file:read(Fd, 4) end),
    %% (An io-server handle crashes on this one, with a report.)
    [after_error("read_line write-only", F, [write | X], fun(Fd) -> file:read_line(Fd) end)
     || X =:= [raw]],
    after_error("pread write-only", F, [write | X], fun(Fd) -> file:pread(Fd, 0, 1) end),
    after_error("write read-only", F, [read | X], fun(Fd) -> file:write(Fd, "x") end),
    after_error("pwrite read-only", F, [read | X], fun(Fd) -> file:pwrite(Fd, 0, "x") end),
    after_error("truncate read-only", F, [read | X], fun(Fd) -> file:truncate(Fd) end),
    after_error("read append-only", F, [append | X], fun(Fd) -> file:read(Fd, 1) end),
    after_error("position negative", F, [read | X], fun(Fd) -> file:position(Fd, -1) end),
    after_error("pread negative", F, [read | X], fun(Fd) -> file:pread(Fd, -1, 3) end),
    after_error("pread bof form", F, [read | X], fun(Fd) -> file:pread(Fd, {bof, 1}, 3) end),
    after_error("pread list negative", F, [read | X],
                fun(Fd) -> file:pread(Fd, [{0, 1}, {-1, 1}]) end),
    after_error("pwrite negative", F, [read, write | X], fun(Fd) -> file:pwrite(Fd, -1, "x") end),
    after_error("read negative size", F, [read | X],
                fun(Fd) -> catch_result(fun() -> file:read(Fd, -1) end) end),
    after_error("write bad data", F, [write | X],
                fun(Fd) -> catch_result(fun() -> file:write(Fd, [foo]) end) end),
    p("contents", file:read_file(F)),
    ok.

%% after_error(Label, F, Modes, Op): opens F with Modes, runs Op, then
%% reports its result and those of a position and a close that follow.
after_error(Label, F, Modes, Op) ->
    ok = file:write_file(F, <<"0123456789">>),
    Fd = open(F, Modes),
    R = Op(Fd),
    Next = file:position(Fd, cur),
    p(Label, {R, Next, file:close(Fd)}).

%% closed(R): an open result with the handle hidden and closed.
closed({ok, Fd}) -> {ok, file:close(Fd)};
closed(Other) -> Other.

%% opened_read(R): opening a directory for reading succeeds on some
%% platforms; the read then fails.
opened_read({ok, Fd}) ->
    R = file:read(Fd, 1),
    file:close(Fd),
    {ok, read, R};
opened_read(Other) -> Other.

catch_result(F) ->
    try F() of
        V -> {value, V}
    catch
        C:E -> {C, E}
    end.

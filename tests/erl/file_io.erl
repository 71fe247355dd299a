-module(file_io).
-export([main/0]).

%% The io module on files opened without raw: io:format, io:fwrite,
%% io:put_chars, io:nl and io:write into a file, io:get_line,
%% io:get_chars, io:read and io:fread from it, io:getopts and io:setopts
%% on a file, list and binary mode, the latin1 and utf8 encodings (what
%% lands on disk and what comes back, and characters a latin1 file cannot
%% take), file:write with iolists and binaries; then filelib (is_file,
%% is_dir, is_regular, file_size, ensure_dir, wildcard, fold_files) and
%% the filename functions. Paths are printed relative to a fresh
%% directory that is removed at the end.

main() ->
    Dir = filename:join("/tmp", "beamr_test_" ++
                            integer_to_list(os:system_time(nanosecond)) ++
                            "_" ++ os:getpid()),
    ok = file:make_dir(Dir),
    try
        writing(Dir),
        reading(Dir),
        unicode(Dir),
        filelib(Dir),
        names()
    after
        cleanup(Dir)
    end.

%% cleanup(Dir): removes Dir and everything under it.
cleanup(Dir) ->
    case filelib:is_dir(Dir) of
        true ->
            {ok, Names} = file:list_dir(Dir),
            [cleanup(filename:join(Dir, N)) || N <- Names],
            ok = file:del_dir(Dir);
        false ->
            ok = file:delete(Dir)
    end.

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%% pw(Label, X): prints X with ~w, for terms with characters beyond ASCII.
pw(Label, X) -> io:format("~s: ~w~n", [Label, X]).

open(Path, Modes) ->
    case file:open(Path, Modes) of
        {ok, Fd} -> Fd;
        Error -> error({open_failed, Modes, Error})
    end.

catch_result(F) ->
    try F() of
        V -> {value, V}
    catch
        C:E -> {caught, C, E}
    end.

writing(Dir) ->
    io:format("== writing~n"),
    F = filename:join(Dir, "out.txt"),
    W = open(F, [write]),
    p("format", io:format(W, "~p and ~s~n", [{tuple, [1, 2]}, "string"])),
    p("fwrite", io:fwrite(W, "~5.2f|~-6w|~c~n", [3.14159, abc, $z])),
    p("fwrite no args", io:fwrite(W, "plain~n", [])),
    p("put_chars", io:put_chars(W, ["deep", [$i, "o"], <<"list">>, $\n])),
    p("put_chars binary", io:put_chars(W, <<"binary\n">>)),
    p("nl", io:nl(W)),
    p("write", io:write(W, {a, "b", <<"c">>, 1.5})),
    p("nl", io:nl(W)),
    p("file:write iolist", file:write(W, [<<"io">>, "li", [$s, [$t]], <<>>, "\n"])),
    p("file:write binary", file:write(W, <<"bytes ", 200, 255, "\n">>)),
    p("format ~ts latin1", io:format(W, "~ts~n", [[233, 252]])),
    p("getopts", io:getopts(W)),
    p("format bad", catch_result(fun() -> io:format(W, "~p~n", none()) end)),
    p("format still works", io:format(W, "after bad~n", [])),
    p("close", file:close(W)),
    pw("contents", file:read_file(F)),
    p("format after close", catch_result(fun() -> io:format(W, "x", []) end)),
    p("put_chars after close", catch_result(fun() -> io:put_chars(W, "x") end)),
    {ok, Raw} = file:open(F, [read, raw]),
    p("format raw", catch_result(fun() -> io:format(Raw, "x", []) end)),
    p("get_line raw", catch_result(fun() -> io:get_line(Raw, '') end)),
    p("close raw", file:close(Raw)),

    %% Characters above 255 into a latin1 file.
    G = filename:join(Dir, "latin1.txt"),
    L = open(G, [write]),
    p("put_chars latin1 ok", io:put_chars(L, [233])),
    p("put_chars latin1 wide", catch_result(fun() -> io:put_chars(L, [9731]) end)),
    p("format latin1 wide", catch_result(fun() -> io:format(L, "~ts", [[9731]]) end)),
    p("close", file:close(L)),
    pw("contents", file:read_file(G)),
    ok.

reading(Dir) ->
    io:format("== reading~n"),
    F = filename:join(Dir, "in.txt"),
    ok = file:write_file(F, "first line\nsecond\n{term, [1,2]}. \"two\".\n"
                            "42 abc 3.5\nbad term ).\nno newline"),
    R = open(F, [read]),
    p("getopts", io:getopts(R)),
    p("get_line", io:get_line(R, '')),
    p("get_chars 3", io:get_chars(R, '', 3)),
    p("get_chars 0", io:get_chars(R, '', 0)),
    p("get_line", io:get_line(R, "prompt> ")),
    p("read", io:read(R, '')),
    p("read", io:read(R, '')),
    p("fread", io:fread(R, '', "~d ~a ~f")),
    p("read bad", io:read(R, '')),
    p("get_line", io:get_line(R, '')),
    p("get_line eof", io:get_line(R, '')),
    p("get_chars eof", io:get_chars(R, '', 5)),
    p("read eof", io:read(R, '')),
    p("position", file:position(R, bof)),
    p("read/3", io:read(R, '', 1)),
    p("get_chars big", io:get_chars(R, '', 1000)),
    p("setopts binary", io:setopts(R, [binary])),
    p("position", file:position(R, bof)),
    p("binary get_line", io:get_line(R, '')),
    p("binary get_chars", io:get_chars(R, '', 4)),
    p("binary file:read", file:read(R, 3)),
    p("binary read_line", file:read_line(R)),
    p("binary read", io:read(R, '')),
    p("setopts list", io:setopts(R, [list])),
    p("list get_line", io:get_line(R, '')),
    p("getopts", io:getopts(R)),
    p("setopts bad", io:setopts(R, [bogus])),
    p("close", file:close(R)),

    B = open(F, [read, binary]),
    p("binary mode get_line", io:get_line(B, '')),
    p("binary mode file:read", file:read(B, 6)),
    p("binary mode read_line", file:read_line(B)),
    p("binary mode io:read", io:read(B, '')),
    p("close", file:close(B)),

    ok.

unicode(Dir) ->
    io:format("== unicode~n"),
    F = filename:join(Dir, "utf8.txt"),
    Text = [104, 233, 108, 108, 246, 32, 9731, 32, 20013, 25991, 32, 128512],
    W = open(F, [write, {encoding, utf8}]),
    p("getopts", io:getopts(W)),
    p("put_chars", io:put_chars(W, Text)),
    p("nl", io:nl(W)),
    p("format ~ts", io:format(W, "~ts|~s|~p~n", [Text, [233], [9731]])),
    p("format ~tp", io:format(W, "~tp~n", [[9731, 233]])),
    p("put_chars utf8 binary", io:put_chars(W, unicode:characters_to_binary([9731, $\n]))),
    p("file:write binary", file:write(W, <<233, $\n>>)),
    p("file:write list", file:write(W, [9731, $\n])),
    p("close", file:close(W)),
    {ok, Bytes} = file:read_file(F),
    p("bytes", Bytes),
    p("valid utf8", unicode:characters_to_list(Bytes) =/= error),

    R = open(F, [read, {encoding, utf8}]),
    pw("get_line", io:get_line(R, '')),
    pw("get_chars 4", io:get_chars(R, '', 4)),
    pw("get_line", io:get_line(R, '')),
    pw("file:read ascii", file:read(R, 2)),
    pw("get_line", io:get_line(R, '')),
    pw("file:read wide", file:read(R, 2)),
    pw("after failed read", io:get_line(R, '')),
    p("close", file:close(R)),

    RB = open(F, [read, binary, {encoding, utf8}]),
    pw("binary get_line", io:get_line(RB, '')),
    pw("binary get_chars 3", io:get_chars(RB, '', 3)),
    p("binary file:read_line", file:read_line(RB)),
    p("close", file:close(RB)),

    RL = open(F, [read, binary]),
    pw("latin1 get_line", io:get_line(RL, '')),
    p("close", file:close(RL)),

    %% Invalid UTF-8 read through a utf8 file.
    Bad = filename:join(Dir, "bad.txt"),
    ok = file:write_file(Bad, <<"ok\n", 255, 254, "\n">>),
    RBad = open(Bad, [read, {encoding, utf8}]),
    p("good line", io:get_line(RBad, '')),
    p("bad line", io:get_line(RBad, '')),
    p("after bad line", io:get_line(RBad, '')),
    p("close", file:close(RBad)),

    %% Other encodings.
    U16 = filename:join(Dir, "utf16.txt"),
    W16 = open(U16, [write, {encoding, {utf16, big}}]),
    p("utf16 put_chars", io:put_chars(W16, [$a, 9731])),
    p("close", file:close(W16)),
    p("utf16 bytes", file:read_file(U16)),
    R16 = open(U16, [read, {encoding, utf16}]),
    pw("utf16 get_chars", io:get_chars(R16, '', 2)),
    p("close", file:close(R16)),
    L1 = filename:join(Dir, "latin1.txt"),
    WL = open(L1, [write, {encoding, latin1}]),
    p("latin1 put_chars", io:put_chars(WL, [233, $x])),
    p("close", file:close(WL)),
    pw("latin1 bytes", file:read_file(L1)),
    p("open bad encoding", case file:open(L1, [read, {encoding, bogus}]) of
                               {ok, Fd} -> file:close(Fd), opened;
                               Other -> Other
                           end),
    ok.

filelib(Dir) ->
    io:format("== filelib~n"),
    J = fun(N) -> filename:join(Dir, N) end,
    p("is_dir", filelib:is_dir(Dir)),
    p("is_file dir", filelib:is_file(Dir)),
    p("is_regular dir", filelib:is_regular(Dir)),
    ok = file:write_file(J("a.txt"), "aaa"),
    p("is_file", filelib:is_file(J("a.txt"))),
    p("is_regular", filelib:is_regular(J("a.txt"))),
    p("is_dir file", filelib:is_dir(J("a.txt"))),
    p("is_file missing", filelib:is_file(J("missing"))),
    p("file_size", filelib:file_size(J("a.txt"))),
    p("file_size missing", filelib:file_size(J("missing"))),
    p("ensure_dir", filelib:ensure_dir(J("x/y/z/file"))),
    p("ensured", {filelib:is_dir(J("x/y/z")), filelib:is_dir(J("x/y/z/file"))}),
    p("ensure_dir trailing slash", filelib:ensure_dir(Dir ++ "/x/q/")),
    p("ensured", filelib:is_dir(J("x/q"))),
    p("ensure_dir existing", filelib:ensure_dir(J("x/y/z/file"))),
    p("ensure_dir through file", filelib:ensure_dir(J("a.txt/sub/f"))),
    [ok = file:write_file(J(N), N) || N <- ["b.txt", "c.erl", "x/y/d.erl", "x/y/z/e.erl",
                                            "ab.log", "x/q/f.txt"]],
    W = fun(Pat) -> lists:sort(filelib:wildcard(Pat, Dir)) end,
    p("wildcard *", W("*")),
    p("wildcard *.txt", W("*.txt")),
    p("wildcard ?.txt", W("?.txt")),
    p("wildcard [ab]*", W("[ab]*")),
    p("wildcard {a,c}*", W("{a,c}*")),
    p("wildcard **/*.erl", W("**/*.erl")),
    p("wildcard x/*/*", W("x/*/*")),
    p("wildcard none", W("*.none")),
    p("wildcard literal", W("a.txt")),
    Abs = filelib:wildcard(J("*.erl")),
    p("wildcard absolute", [lists:nthtail(length(Dir) + 1, A) || A <- lists:sort(Abs)]),
    Folded = filelib:fold_files(Dir, "\\.erl$", true, fun(N, Acc) -> [N | Acc] end, []),
    p("fold_files", lists:sort([lists:nthtail(length(Dir) + 1, N) || N <- Folded])),
    Flat = filelib:fold_files(Dir, ".*", false, fun(N, Acc) -> [N | Acc] end, []),
    p("fold_files flat", lists:sort([lists:nthtail(length(Dir) + 1, N) || N <- Flat])),
    ok.

%% none(): an empty argument list the compiler cannot check.
none() -> lists:sublist([x], 0).

names() ->
    io:format("== filename~n"),
    p("join/2", filename:join("a", "b")),
    p("join/2 abs", filename:join("a", "/b")),
    p("join/1", filename:join(["/usr", "local/", "bin"])),
    p("join binary", filename:join(<<"a">>, "b")),
    p("join dots", filename:join(["a", ".", "..", "b/"])),
    p("split", filename:split("/usr/local//bin/")),
    p("split rel", filename:split("a/b")),
    p("split binary", filename:split(<<"/a/b">>)),
    p("basename", filename:basename("/a/b/c.erl")),
    p("basename slash", filename:basename("/a/b/")),
    p("basename/2", filename:basename("/a/b/c.erl", ".erl")),
    p("basename/2 other", filename:basename("/a/b/c.erl", ".beam")),
    p("dirname", filename:dirname("/a/b/c.erl")),
    p("dirname rel", filename:dirname("c.erl")),
    p("dirname root", filename:dirname("/")),
    p("dirname binary", filename:dirname(<<"a/b">>)),
    p("extension", filename:extension("a/b.tar.gz")),
    p("extension none", filename:extension("a.d/b")),
    p("extension dotfile", filename:extension(".profile")),
    p("rootname", filename:rootname("a/b.tar.gz")),
    p("rootname/2", filename:rootname("a/b.erl", ".erl")),
    p("rootname/2 other", filename:rootname("a/b.erl", ".beam")),
    p("absname/2", filename:absname("b/../c", "/a")),
    p("absname/2 abs", filename:absname("/x/y", "/a")),
    p("absname_join", filename:absname_join("/a", "b")),
    p("pathtype", [filename:pathtype(N) || N <- ["/a", "a", "", <<"/b">>]]),
    p("flatten", filename:flatten(["a", [$/, "b"], 'c'])),
    p("nativename", filename:nativename("/a//b/")),
    p("safe_relative_path", [filelib:safe_relative_path(N, "/cwd")
                             || N <- ["a/b", "a/../b", "../a", "/a", "a/./b"]]),
    ok.

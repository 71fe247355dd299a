%% file: beamr's own file module, built on the natives of beamr_file, which
%% run every read, write, open, close and stat through the scheduler's
%% completion ring. Asynchronous natives take a fresh reference, return ok
%% once the operation is under way, and the answer comes as {Ref, Result}.
%%
%% A file opened with raw is #file_descriptor{module = beamr_file, data =
%% {Port, Binary, Owner}}: Port the descriptor's resource, Binary whether
%% reads answer binaries, Owner the process that opened it, the only one
%% that may use it (any other gets an error:not_on_controlling_process
%% exception, also once the file is closed); it is closed when the owner
%% ends. Any other file is an io server process (beamr_file_server)
%% watching, and ending with, the process that opened it, so that
%% io:format/3, io:get_line/2 and friends work on it.
-module(file).

-export([open/2, close/1, read/2, write/2, pread/2, pread/3, pwrite/2, pwrite/3,
         position/2, read_line/1, sync/1, datasync/1, truncate/1, advise/4,
         allocate/3]).
-export([read_file/1, write_file/2, write_file/3, consult/1, path_consult/2,
         list_dir/1, list_dir_all/1, make_dir/1, del_dir/1, del_dir_r/1,
         delete/1, delete/2, rename/2, read_file_info/1, read_file_info/2,
         read_link_info/1, read_link_info/2, read_link/1, read_link_all/1,
         make_symlink/2, make_link/2, copy/2, copy/3, get_cwd/0, get_cwd/1,
         set_cwd/1, change_mode/2, format_error/1, native_name_encoding/0]).

-record(file_descriptor, {module, data}).
-record(file_info, {size, type, access, atime, mtime, ctime, mode, links,
                    major_device, minor_device, inode, uid, gid}).

%% Opening and closing.

open(Name, Modes) when is_list(Modes) ->
    case valid_name(Name) of
        false ->
            {error, badarg};
        true ->
            case lists:member(raw, Modes) of
                true -> open_raw(Name, Modes);
                false -> beamr_file_server:start(self(), Name, Modes)
            end
    end;
open(Name, Mode) ->
    open(Name, mode_list(Mode)).

%% The old single-mode forms of open/2.
mode_list(read) -> [read];
mode_list(write) -> [write];
mode_list(read_write) -> [read, write];
mode_list({binary, M}) when is_atom(M) -> [binary | mode_list(M)];
mode_list({character, M}) when is_atom(M) -> mode_list(M);
mode_list(_) -> [{error, badarg}].

%% valid_name(Name): a binary, an atom or a possibly deep list of
%% characters and atoms.
valid_name(B) when is_binary(B) -> true;
valid_name(A) when is_atom(A) -> true;
valid_name(L) when is_list(L) -> valid_chars(L);
valid_name(_) -> false.

valid_chars([]) -> true;
valid_chars([C | T]) when is_integer(C), C >= 0 -> valid_chars(T);
valid_chars([A | T]) when is_atom(A) -> valid_chars(T);
valid_chars([L | T]) when is_list(L) -> valid_chars(L) andalso valid_chars(T);
valid_chars(_) -> false.

open_raw(Name, Modes) ->
    case check_modes(Modes) of
        ok ->
            Ref = make_ref(),
            try beamr_file:open(Ref, Name, Modes) of
                ok ->
                    receive
                        {Ref, {ok, Port}} ->
                            Bin = lists:member(binary, Modes) andalso
                                not lists:member(list, Modes),
                            {ok, #file_descriptor{module = beamr_file,
                                                  data = {Port, Bin, self()}}};
                        {Ref, Error} -> Error
                    end;
                Error -> Error
            catch
                error:badarg -> {error, badarg}
            end;
        Error -> Error
    end.

check_modes([]) -> ok;
check_modes([M | Ms]) when is_atom(M) -> check_modes(Ms);
check_modes([{encoding, _} | Ms]) -> check_modes(Ms);
check_modes([{read_ahead, N} | Ms]) when is_integer(N), N >= 0 -> check_modes(Ms);
check_modes([{delayed_write, S, D} | Ms]) when is_integer(S), is_integer(D) -> check_modes(Ms);
check_modes(_) -> {error, badarg}.

%% port(Fd): the descriptor of a raw file, which only the process that
%% opened it may use (also once it is closed or its owner has ended).
port(#file_descriptor{data = {Port, _, Owner}}) when Owner =:= self() ->
    Port;
port(_) ->
    erlang:error(not_on_controlling_process).

%% binary_mode(Fd): whether reads of a raw file answer binaries.
binary_mode(#file_descriptor{data = {_, Bin, _}}) -> Bin.

close(#file_descriptor{module = beamr_file} = Fd) ->
    Port = port(Fd),
    Ref = make_ref(),
    wait(Ref, beamr_file:close(Ref, Port));
close(Pid) when is_pid(Pid) ->
    case file_request(Pid, close) of
        {error, terminated} -> ok;
        Other -> Other
    end;
close(_) ->
    {error, badarg}.

%% wait(Ref, Submitted) waits for the answer of an asynchronous native.
%% Inlined, so that the receive sits in the function that made Ref and the
%% compiler lets it skip the messages that were already there.
-compile({inline, [wait/2]}).
wait(Ref, ok) -> receive {Ref, R} -> R end;
wait(_, Error) -> Error.

%% Reading and writing.

read(#file_descriptor{module = beamr_file} = Fd, 0) ->
    _ = port(Fd),
    case binary_mode(Fd) of
        true -> {ok, <<>>};
        false -> {ok, []}
    end;
read(#file_descriptor{module = beamr_file} = Fd, N) when is_integer(N), N > 0 ->
    Port = port(Fd),
    Ref = make_ref(),
    wait(Ref, beamr_file:read(Ref, Port, N, binary_mode(Fd)));
read(Dev, N) when (is_pid(Dev) orelse is_atom(Dev)), is_integer(N), N >= 0 ->
    ok_data(io_request(Dev, {get_chars, latin1, '', N}));
read(_, _) ->
    {error, badarg}.

pread(#file_descriptor{module = beamr_file} = Fd, Pos, N) when is_integer(N), N >= 0 ->
    raw_pread(port(Fd), binary_mode(Fd), Pos, N);
pread(Pid, Pos, N) when is_pid(Pid), is_integer(N), N >= 0 ->
    file_request(Pid, {pread, Pos, N});
pread(_, _, _) ->
    {error, badarg}.

%% raw_pread(Port, Binary, Pos, N): a read at an offset, which must be an
%% integer (another number is einval, anything else badarg).
raw_pread(Port, Bin, Pos, N) when is_integer(Pos) ->
    Ref = make_ref(),
    wait(Ref, beamr_file:pread(Ref, Port, Pos, N, Bin));
raw_pread(_, _, Pos, _) when is_number(Pos) ->
    {error, einval};
raw_pread(_, _, _, _) ->
    {error, badarg}.

pread(#file_descriptor{module = beamr_file} = Fd, Locs) when is_list(Locs) ->
    raw_pread_list(port(Fd), binary_mode(Fd), Locs, []);
pread(Pid, Locs) when is_pid(Pid), is_list(Locs) ->
    pread_list(Pid, Locs, []);
pread(_, _) ->
    {error, badarg}.

raw_pread_list(_, _, [], Acc) ->
    {ok, lists:reverse(Acc)};
raw_pread_list(Port, Bin, [{Pos, N} | Rest], Acc) when is_integer(N), N >= 0 ->
    case raw_pread(Port, Bin, Pos, N) of
        {ok, Data} -> raw_pread_list(Port, Bin, Rest, [Data | Acc]);
        eof -> raw_pread_list(Port, Bin, Rest, [eof | Acc]);
        Error -> Error
    end;
raw_pread_list(_, _, _, _) ->
    {error, badarg}.

pread_list(_, [], Acc) ->
    {ok, lists:reverse(Acc)};
pread_list(Pid, [{Pos, N} | Rest], Acc) when is_integer(N), N >= 0 ->
    case pread(Pid, Pos, N) of
        {ok, Data} -> pread_list(Pid, Rest, [Data | Acc]);
        eof -> pread_list(Pid, Rest, [eof | Acc]);
        {error, _} = Error -> Error
    end;
pread_list(_, _, _) ->
    {error, badarg}.

write(#file_descriptor{module = beamr_file} = Fd, Data) ->
    Port = port(Fd),
    Ref = make_ref(),
    try beamr_file:write(Ref, Port, Data) of
        Submitted -> wait(Ref, Submitted)
    catch
        error:badarg -> {error, badarg}
    end;
write(Dev, Data) when is_pid(Dev); is_atom(Dev) ->
    case catch erlang:iolist_to_binary(Data) of
        Bin when is_binary(Bin) -> io_request(Dev, {put_chars, latin1, Bin});
        _ -> {error, badarg}
    end;
write(_, _) ->
    {error, badarg}.

pwrite(#file_descriptor{module = beamr_file} = Fd, Pos, Data) ->
    raw_pwrite(port(Fd), Pos, Data);
pwrite(Pid, Pos, Data) when is_pid(Pid) ->
    file_request(Pid, {pwrite, Pos, Data});
pwrite(_, _, _) ->
    {error, badarg}.

raw_pwrite(Port, Pos, Data) when is_integer(Pos) ->
    Ref = make_ref(),
    try beamr_file:pwrite(Ref, Port, Pos, Data) of
        Submitted -> wait(Ref, Submitted)
    catch
        error:badarg -> {error, badarg}
    end;
raw_pwrite(_, Pos, _) when is_number(Pos) ->
    {error, einval};
raw_pwrite(_, _, _) ->
    {error, badarg}.

pwrite(#file_descriptor{module = beamr_file} = Fd, Locs) when is_list(Locs) ->
    raw_pwrite_list(port(Fd), Locs, 0);
pwrite(Pid, Locs) when is_pid(Pid), is_list(Locs) ->
    pwrite_list(Pid, Locs, 0);
pwrite(_, _) ->
    {error, badarg}.

%% A location or data that is not one is badarg for the whole list.
raw_pwrite_list(_, [], _) ->
    ok;
raw_pwrite_list(Port, [{Pos, Data} | Rest], N) ->
    case raw_pwrite(Port, Pos, Data) of
        ok -> raw_pwrite_list(Port, Rest, N + 1);
        {error, badarg} -> {error, badarg};
        {error, R} -> {error, {N, R}}
    end;
raw_pwrite_list(_, _, _) ->
    {error, badarg}.

pwrite_list(_, [], _) ->
    ok;
pwrite_list(Pid, [{Pos, Data} | Rest], N) ->
    case pwrite(Pid, Pos, Data) of
        ok -> pwrite_list(Pid, Rest, N + 1);
        {error, R} -> {error, {N, R}}
    end;
pwrite_list(_, _, _) ->
    {error, badarg}.

position(#file_descriptor{module = beamr_file} = Fd, Loc) ->
    beamr_file:position(port(Fd), Loc);
position(Pid, Loc) when is_pid(Pid) ->
    file_request(Pid, {position, Loc});
position(_, _) ->
    {error, badarg}.

read_line(#file_descriptor{module = beamr_file} = Fd) ->
    raw_read_line(port(Fd), binary_mode(Fd));
read_line(Dev) when is_pid(Dev); is_atom(Dev) ->
    ok_data(io_request(Dev, {get_line, latin1, ''}));
read_line(_) ->
    {error, badarg}.

%% raw_read_line(Port, Binary) reads up to and including the next newline
%% from the current position, leaving the position after it; CR LF ends a
%% line as LF does.
raw_read_line(Port, Bin) ->
    case beamr_file:position(Port, cur) of
        {ok, Start} ->
            case line_from(Port, Start, Start, <<>>) of
                {ok, Line} when Bin -> {ok, Line};
                {ok, Line} -> {ok, binary_to_list(Line)};
                Other -> Other
            end;
        Error -> Error
    end.

line_from(Port, Start, At, Acc) ->
    Ref = make_ref(),
    case wait(Ref, beamr_file:pread(Ref, Port, At, 256, true)) of
        {ok, Data} ->
            case binary:match(Data, <<"\n">>) of
                {I, 1} ->
                    Line = <<Acc/binary, (binary:part(Data, 0, I + 1))/binary>>,
                    {ok, _} = beamr_file:position(Port, Start + byte_size(Line)),
                    {ok, crlf(Line)};
                nomatch ->
                    line_from(Port, Start, At + byte_size(Data), <<Acc/binary, Data/binary>>)
            end;
        eof when Acc =:= <<>> ->
            eof;
        eof ->
            {ok, _} = beamr_file:position(Port, Start + byte_size(Acc)),
            {ok, Acc};
        Error ->
            Error
    end.

crlf(Line) ->
    N = byte_size(Line),
    case Line of
        <<L:(N - 2)/binary, "\r\n">> -> <<L/binary, "\n">>;
        _ -> Line
    end.

sync(Fd) -> sync(Fd, sync, false).

datasync(Fd) -> sync(Fd, datasync, true).

%% sync(Fd, Request, DataOnly): sync/1 and datasync/1.
sync(#file_descriptor{module = beamr_file} = Fd, _, DataOnly) ->
    Port = port(Fd),
    Ref = make_ref(),
    wait(Ref, beamr_file:sync(Ref, Port, DataOnly));
sync(Pid, Request, _) when is_pid(Pid) ->
    file_request(Pid, Request);
sync(_, _, _) ->
    {error, badarg}.

truncate(#file_descriptor{module = beamr_file} = Fd) ->
    beamr_file:truncate(port(Fd));
truncate(Pid) when is_pid(Pid) ->
    file_request(Pid, truncate);
truncate(_) ->
    {error, badarg}.

advise(#file_descriptor{module = beamr_file} = Fd, Off, Len, Advise) ->
    Port = port(Fd),
    case beamr_file:position(Port, cur) of
        {ok, _} when is_integer(Off), is_integer(Len), is_atom(Advise) -> ok;
        {ok, _} -> {error, einval};
        Error -> Error
    end;
advise(Pid, Off, Len, Advise) when is_pid(Pid) ->
    file_request(Pid, {advise, Off, Len, Advise});
advise(_, _, _, _) ->
    {error, badarg}.

allocate(#file_descriptor{module = beamr_file} = Fd, Off, Len) ->
    Port = port(Fd),
    case beamr_file:position(Port, cur) of
        {ok, _} when is_integer(Off), is_integer(Len) -> ok;
        {ok, _} -> {error, einval};
        Error -> Error
    end;
allocate(Pid, Off, Len) when is_pid(Pid) ->
    file_request(Pid, {allocate, Off, Len}).

%% Requests to a file's io server.

file_request(Pid, Req) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {file_request, self(), Ref, Req},
    receive
        {file_reply, Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, _, _, _} ->
            {error, terminated}
    end.

ok_data(Data) when is_list(Data); is_binary(Data) -> {ok, Data};
ok_data(Other) -> Other.

io_request(Dev, Req) ->
    beamr_io_client:request(Dev, Req).

%% Whole files.

read_file(Name) ->
    Ref = make_ref(),
    try beamr_file:read_file(Ref, Name) of
        ok -> receive {Ref, R} -> R end;
        Error -> Error
    catch
        error:badarg -> {error, badarg}
    end.

write_file(Name, Data) ->
    write_file(Name, Data, []).

write_file(Name, Data, Modes) when is_list(Modes) ->
    Ref = make_ref(),
    try beamr_file:write_file(Ref, Name, Data, [write | Modes]) of
        ok -> receive {Ref, R} -> R end;
        Error -> Error
    catch
        error:badarg -> {error, badarg}
    end;
write_file(_, _, _) ->
    {error, badarg}.

consult(Name) ->
    case read_file(Name) of
        {ok, Bin} -> beamr_file:consult_binary(Bin);
        Error -> Error
    end.

path_consult([Dir | Dirs], Name) ->
    Full = filename:join(Dir, Name),
    case consult(Full) of
        {ok, Terms} -> {ok, Terms, Full};
        {error, enoent} -> path_consult(Dirs, Name);
        {error, R} -> {error, R}
    end;
path_consult([], _) ->
    {error, enoent}.

%% Directories and names.

list_dir(Dir) -> name_call(fun beamr_file:list_dir/1, Dir).
list_dir_all(Dir) -> list_dir(Dir).
make_dir(Dir) -> name_call(fun beamr_file:make_dir/1, Dir).
del_dir(Dir) -> name_call(fun beamr_file:del_dir/1, Dir).
delete(Name) -> name_call(fun beamr_file:delete/1, Name).
delete(Name, _Opts) -> delete(Name).
read_link(Name) -> name_call(fun beamr_file:read_link/1, Name).
read_link_all(Name) -> read_link(Name).
set_cwd(Dir) -> name_call(fun beamr_file:set_cwd/1, Dir).
get_cwd() -> beamr_file:get_cwd().
get_cwd(_Drive) -> {error, enotsup}.

rename(From, To) -> name_call2(fun beamr_file:rename/2, From, To).
make_symlink(To, Name) -> name_call2(fun beamr_file:make_symlink/2, To, Name).
make_link(To, Name) -> name_call2(fun beamr_file:make_link/2, To, Name).

change_mode(Name, Mode) when is_integer(Mode) ->
    try beamr_file:change_mode(Name, Mode)
    catch error:badarg -> {error, badarg}
    end.

name_call(F, Name) ->
    try F(Name)
    catch error:badarg -> {error, badarg}
    end.

name_call2(F, A, B) ->
    try F(A, B)
    catch error:badarg -> {error, badarg}
    end.

del_dir_r(Dir) ->
    case read_link_info(Dir) of
        {ok, #file_info{type = directory}} ->
            case list_dir(Dir) of
                {ok, Names} ->
                    Res = lists:foldl(
                            fun(N, ok) -> del_dir_r(filename:join(Dir, N));
                               (_, Err) -> Err
                            end, ok, Names),
                    case Res of
                        ok -> del_dir(Dir);
                        Err -> Err
                    end;
                Error -> Error
            end;
        {ok, _} ->
            delete(Dir);
        Error ->
            Error
    end.

%% File information.

read_file_info(Name) -> read_file_info(Name, []).
read_file_info(Name, Opts) -> file_info(Name, Opts, true).
read_link_info(Name) -> read_link_info(Name, []).
read_link_info(Name, Opts) -> file_info(Name, Opts, false).

file_info(Name, Opts, Follow) when is_list(Opts) ->
    Ref = make_ref(),
    try beamr_file:read_file_info(Ref, Name, Follow) of
        ok ->
            receive
                {Ref, {ok, Raw}} -> {ok, make_info(Raw, time_kind(Opts))};
                {Ref, Error} -> Error
            end;
        Error -> Error
    catch
        error:badarg -> {error, badarg}
    end;
file_info(_, _, _) ->
    {error, badarg}.

time_kind(Opts) ->
    case lists:keyfind(time, 1, Opts) of
        {time, T} -> T;
        false -> local
    end.

make_info({Size, Type, Mode, Links, Dev, Rdev, Inode, Uid, Gid, A, M, C}, Time) ->
    #file_info{size = Size, type = Type, access = access(Mode, Uid, Gid),
               atime = time(A, Time), mtime = time(M, Time), ctime = time(C, Time),
               mode = Mode, links = Links, major_device = Dev, minor_device = Rdev,
               inode = Inode, uid = Uid, gid = Gid}.

%% access/3: what the running user may do with the file, from its mode bits
%% as the owner, a member of the group or anybody else sees them (the
%% superuser may read and write anything).
access(Mode, Uid, Gid) ->
    {MyUid, MyGid} = beamr_file:ids(),
    Bits = if
               MyUid =:= 0 -> 6;
               MyUid =:= Uid -> (Mode bsr 6) band 7;
               MyGid =:= Gid -> (Mode bsr 3) band 7;
               true -> Mode band 7
           end,
    case {Bits band 4 =/= 0, Bits band 2 =/= 0} of
        {true, true} -> read_write;
        {true, false} -> read;
        {false, true} -> write;
        {false, false} -> none
    end.

time(Secs, posix) ->
    Secs;
time(Secs, universal) ->
    calendar:gregorian_seconds_to_datetime(Secs + 62167219200);
time(Secs, local) ->
    erlang:universaltime_to_localtime(time(Secs, universal)).

%% Copying.

copy(Source, Dest) ->
    copy(Source, Dest, infinity).

copy(Source, Dest, Length) ->
    case open_for(Source, [read, binary]) of
        {ok, In, CloseIn} ->
            case open_for(Dest, [write, binary]) of
                {ok, Out, CloseOut} ->
                    R = copy_loop(In, Out, Length, 0),
                    CloseOut(),
                    CloseIn(),
                    R;
                Error ->
                    CloseIn(),
                    Error
            end;
        Error ->
            Error
    end.

open_for({Name, Modes}, Base) ->
    open_for2(Name, Modes ++ Base);
open_for(Fd, _) when is_pid(Fd); is_record(Fd, file_descriptor) ->
    {ok, Fd, fun() -> ok end};
open_for(Name, Base) ->
    open_for2(Name, Base).

open_for2(Name, Modes) ->
    case open(Name, [raw | Modes]) of
        {ok, Fd} -> {ok, Fd, fun() -> close(Fd) end};
        Error -> Error
    end.

copy_loop(_, _, 0, Done) ->
    {ok, Done};
copy_loop(In, Out, Left, Done) ->
    N = case Left of
            infinity -> 65536;
            _ -> min(Left, 65536)
        end,
    case read(In, N) of
        {ok, Data} ->
            case write(Out, Data) of
                ok ->
                    Left1 = case Left of
                                infinity -> infinity;
                                _ -> Left - byte_size(Data)
                            end,
                    copy_loop(In, Out, Left1, Done + byte_size(Data));
                Error -> Error
            end;
        eof -> {ok, Done};
        Error -> Error
    end.

native_name_encoding() -> utf8.

format_error({_Line, erl_parse, Msg}) ->
    io_lib:format("~ts", [Msg]);
format_error(Reason) ->
    case erl_posix_msg(Reason) of
        unknown -> io_lib:format("~tp", [Reason]);
        Text -> Text
    end.

erl_posix_msg(enoent) -> "no such file or directory";
erl_posix_msg(eacces) -> "permission denied";
erl_posix_msg(eexist) -> "file already exists";
erl_posix_msg(eisdir) -> "illegal operation on a directory";
erl_posix_msg(enotdir) -> "not a directory";
erl_posix_msg(ebadf) -> "bad file number";
erl_posix_msg(einval) -> "invalid argument";
erl_posix_msg(enospc) -> "no space left on device";
erl_posix_msg(eloop) -> "too many levels of symbolic links";
erl_posix_msg(enotempty) -> "directory not empty";
erl_posix_msg(_) -> unknown.

%% beamr_io_client: the client half of the io protocol, where the native
%% functions of the io module continue when their device is an io server
%% process (a file opened without raw, a group leader other than the
%% runtime's own standard output, a registered server). A request waits
%% for the server's reply or its end, whichever comes first, as OTP's io
%% does: a server that is gone, or goes while the request is under way,
%% is {error, terminated}.
-module(beamr_io_client).

-export([request/2, output/2, read/2, read/3, fread/3]).

%% request(Device, Request): the reply of Device's io server to Request;
%% {error, terminated} when the server ends first, {error, arguments} for
%% a name no process has, {error, calling_self} when the caller is the
%% server.
request(standard_io, Req) ->
    request(group_leader(), Req);
request(Pid, Req) when is_pid(Pid) ->
    execute(Pid, Req);
request(Name, Req) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> {error, arguments};
        Pid -> execute(Pid, Req)
    end.

execute(Pid, _) when Pid =:= self() ->
    {error, calling_self};
execute(Pid, Req) ->
    Mon = erlang:monitor(process, Pid),
    Pid ! {io_request, self(), Mon, Req},
    receive
        {io_reply, Mon, Reply} ->
            erlang:demonitor(Mon, [flush]),
            Reply;
        {'DOWN', Mon, _, _, _} ->
            {error, terminated}
    end.

%% output(Device, Request): an output request (io:format, put_chars, nl,
%% write); an error reply raises an error exception as OTP's io does.
output(Dev, Req) ->
    case request(Dev, Req) of
        {error, Reason} -> erlang:error(reason(Reason));
        Other -> Other
    end.

reason(arguments) -> badarg;
reason(terminated) -> terminated;
reason(calling_self) -> calling_self;
reason({no_translation, _, _}) -> no_translation;
reason(_) -> badarg.

%% read(Device, Prompt): io:read/2, {ok, Term}, {error, ErrorInfo} or eof.
read(Dev, Prompt) ->
    case read(Dev, Prompt, 1) of
        {ok, Term, _} -> {ok, Term};
        {error, Info, _} -> {error, Info};
        {eof, _} -> eof;
        Other -> Other
    end.

%% read(Device, Prompt, Line): io:read/3, {ok, Term, EndLine},
%% {error, ErrorInfo, EndLine} or {eof, EndLine}.
read(Dev, Prompt, Line) ->
    request(Dev, {get_until, unicode, Prompt, beamr_file, read_term, [Line]}).

%% fread(Device, Prompt, Format): io:fread/3.
fread(Dev, Prompt, Format) ->
    request(Dev, {get_until, unicode, Prompt, io_lib, fread, [Format]}).

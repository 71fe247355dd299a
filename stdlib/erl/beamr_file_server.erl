%% beamr_file_server: the io server of a file opened without raw. It owns
%% the raw file, answers OTP's io protocol ({io_request, From, ReplyAs,
%% Req} -> {io_reply, ReplyAs, Reply}) and the file module's requests
%% ({file_request, From, Ref, Req} -> {file_reply, Ref, Reply}), and ends,
%% closing the file, when the process that opened it ends.
-module(beamr_file_server).

-export([start/3, init/4]).

-record(st, {fd,               % the raw file
             owner,            % monitor reference of the opener
             buf = <<>>,       % bytes read ahead and not yet used
             binary = false,   % reads answer binaries
             unicode = false}). % the file holds UTF-8

start(Owner, Name, Modes) ->
    Ref = make_ref(),
    Pid = spawn(?MODULE, init, [Owner, Ref, Name, Modes]),
    Mon = erlang:monitor(process, Pid),
    receive
        {Ref, {ok, Pid}} ->
            erlang:demonitor(Mon, [flush]),
            {ok, Pid};
        {Ref, Error} ->
            erlang:demonitor(Mon, [flush]),
            Error;
        {'DOWN', Mon, _, _, Reason} ->
            {error, Reason}
    end.

init(Owner, Ref, Name, Modes) ->
    Raw = [raw, binary | [M || M <- Modes, M =/= binary, M =/= raw]],
    case file:open(Name, Raw) of
        {ok, Fd} ->
            Mon = erlang:monitor(process, Owner),
            Owner ! {Ref, {ok, self()}},
            Unicode = case lists:keyfind(encoding, 1, Modes) of
                          {encoding, latin1} -> false;
                          {encoding, _} -> true;
                          false -> false
                      end,
            loop(#st{fd = Fd, owner = Mon, binary = lists:member(binary, Modes),
                     unicode = Unicode});
        Error ->
            Owner ! {Ref, Error}
    end.

loop(S) ->
    receive
        {io_request, From, ReplyAs, Req} when is_pid(From) ->
            {Reply, S1} = io_req(Req, S),
            From ! {io_reply, ReplyAs, Reply},
            loop(S1);
        {file_request, From, Ref, close} ->
            Reply = file:close(S#st.fd),
            From ! {file_reply, Ref, Reply},
            exit(normal);
        {file_request, From, Ref, Req} ->
            {Reply, S1} = file_req(Req, S),
            From ! {file_reply, Ref, Reply},
            loop(S1);
        {'DOWN', Mon, _, _, _} when Mon =:= S#st.owner ->
            file:close(S#st.fd),
            exit(normal);
        _ ->
            loop(S)
    end.

%% The file module's requests. The position is that of the bytes handed
%% out so far: read-ahead bytes are given back first.
file_req(Req, S0) ->
    S = unread(S0),
    Fd = S#st.fd,
    Reply = case Req of
                {position, Loc} -> file:position(Fd, Loc);
                {pread, Pos, N} -> list_mode(file:pread(Fd, Pos, N), S);
                {pwrite, Pos, Data} -> file:pwrite(Fd, Pos, Data);
                sync -> file:sync(Fd);
                datasync -> file:datasync(Fd);
                truncate -> file:truncate(Fd);
                _ -> {error, badarg}
            end,
    {Reply, S}.

unread(#st{buf = <<>>} = S) ->
    S;
unread(#st{fd = Fd, buf = Buf} = S) ->
    {ok, _} = file:position(Fd, {cur, -byte_size(Buf)}),
    S#st{buf = <<>>}.

list_mode({ok, Data}, #st{binary = false}) -> {ok, binary_to_list(Data)};
list_mode(Other, _) -> Other.

%% The io protocol.
io_req({put_chars, Enc, Chars}, S) ->
    put_chars(Enc, Chars, S);
io_req({put_chars, Enc, M, F, A}, S) ->
    case catch apply(M, F, A) of
        Data when is_list(Data); is_binary(Data) -> put_chars(Enc, Data, S);
        _ -> {{error, put_chars}, S}
    end;
io_req({put_chars, Chars}, S) ->
    put_chars(latin1, Chars, S);
io_req({put_chars, M, F, A}, S) ->
    io_req({put_chars, latin1, M, F, A}, S);
io_req({get_line, Enc, _Prompt}, S) ->
    get_line(Enc, S);
io_req({get_line, _Prompt}, S) ->
    get_line(latin1, S);
io_req({get_chars, Enc, _Prompt, N}, S) ->
    get_chars(Enc, N, S);
io_req({get_chars, _Prompt, N}, S) ->
    get_chars(latin1, N, S);
io_req({get_until, Enc, _Prompt, M, F, As}, S) ->
    get_until(Enc, M, F, As, S);
io_req({get_until, _Prompt, M, F, As}, S) ->
    get_until(latin1, M, F, As, S);
io_req(getopts, S) ->
    Enc = case S#st.unicode of true -> unicode; false -> latin1 end,
    {[{binary, S#st.binary}, {encoding, Enc}], S};
io_req({setopts, Opts}, S) when is_list(Opts) ->
    setopts(Opts, S);
io_req({requests, Reqs}, S) ->
    requests(Reqs, {ok, S});
io_req(_, S) ->
    {{error, request}, S}.

requests([R | Rs], {ok, S}) ->
    requests(Rs, io_req(R, S));
requests(_, Last) ->
    Last.

setopts([], S) -> {ok, S};
setopts([binary | Os], S) -> setopts(Os, S#st{binary = true});
setopts([list | Os], S) -> setopts(Os, S#st{binary = false});
setopts([{binary, B} | Os], S) when is_boolean(B) -> setopts(Os, S#st{binary = B});
setopts([{encoding, latin1} | Os], S) -> setopts(Os, S#st{unicode = false});
setopts([{encoding, E} | Os], S) when E =:= unicode; E =:= utf8 -> setopts(Os, S#st{unicode = true});
setopts(_, S) -> {{error, enotsup}, S}.

put_chars(Enc, Chars, S0) ->
    S = unread(S0),
    case encode(Enc, Chars, S#st.unicode) of
        {ok, Bin} -> {file:write(S#st.fd, Bin), S};
        error -> {{error, no_translation}, S}
    end.

%% encode(RequestEncoding, Chars, FileIsUnicode): the bytes to write.
encode(latin1, Chars, false) ->
    case catch erlang:iolist_to_binary(Chars) of
        B when is_binary(B) -> {ok, B};
        _ -> error
    end;
encode(latin1, Chars, true) ->
    case catch unicode:characters_to_binary(Chars, latin1, utf8) of
        B when is_binary(B) -> {ok, B};
        _ -> error
    end;
encode(_Unicode, Chars, false) ->
    case catch unicode:characters_to_binary(Chars, unicode, latin1) of
        B when is_binary(B) -> {ok, B};
        _ -> error
    end;
encode(_Unicode, Chars, true) ->
    case catch unicode:characters_to_binary(Chars, unicode, utf8) of
        B when is_binary(B) -> {ok, B};
        _ -> error
    end.

%% more(S): reads the next chunk into the buffer; eof when there is none.
more(#st{fd = Fd, buf = Buf} = S) ->
    case file:read(Fd, 8192) of
        {ok, Data} -> {ok, S#st{buf = <<Buf/binary, Data/binary>>}};
        eof -> eof;
        Error -> Error
    end.

get_line(Enc, #st{buf = Buf} = S) ->
    case binary:match(Buf, <<"\n">>) of
        {I, 1} ->
            <<Line:I/binary, _, Rest/binary>> = Buf,
            answer(Enc, <<(strip_cr(Line))/binary, "\n">>, S#st{buf = Rest});
        nomatch ->
            case more(S) of
                {ok, S1} -> get_line(Enc, S1);
                eof when Buf =:= <<>> -> {eof, S};
                eof -> answer(Enc, Buf, S#st{buf = <<>>});
                Error -> {Error, S}
            end
    end.

strip_cr(Line) ->
    N = byte_size(Line),
    case Line of
        <<L:(N - 1)/binary, "\r">> -> L;
        _ -> Line
    end.

get_chars(_Enc, 0, S) ->
    answer(latin1, <<>>, S);
get_chars(Enc, N, #st{unicode = false, buf = Buf} = S) ->
    case Buf of
        <<Data:N/binary, Rest/binary>> ->
            answer(Enc, Data, S#st{buf = Rest});
        _ ->
            refill(Enc, N, S)
    end;
get_chars(Enc, N, #st{unicode = true, buf = Buf} = S) ->
    case utf8_prefix(Buf, N, 0) of
        {ok, Len} ->
            <<Data:Len/binary, Rest/binary>> = Buf,
            answer(Enc, Data, S#st{buf = Rest});
        more ->
            refill(Enc, N, S)
    end.

%% refill(Enc, N, S): get_chars after reading more; at the end of the
%% file, what is left.
refill(Enc, N, #st{buf = Buf} = S) ->
    case more(S) of
        {ok, S1} -> get_chars(Enc, N, S1);
        eof when Buf =:= <<>> -> {eof, S};
        eof -> answer(Enc, Buf, S#st{buf = <<>>});
        Error -> {Error, S}
    end.

%% utf8_prefix(Bin, N, Acc): the byte length of Bin's first N characters.
utf8_prefix(_, 0, Acc) -> {ok, Acc};
utf8_prefix(Bin, N, Acc) ->
    case Bin of
        <<_/utf8, _/binary>> ->
            <<C/utf8, Rest/binary>> = Bin,
            utf8_prefix(Rest, N - 1, Acc + byte_size(<<C/utf8>>));
        _ -> more
    end.

%% answer(RequestEncoding, Bytes, S): the reply for bytes of the file, in
%% the file's encoding, as a list or binary.
answer(Enc, Bytes, #st{unicode = U, binary = B} = S) ->
    Chars = case U of
                true -> unicode:characters_to_list(Bytes, utf8);
                false -> binary_to_list(Bytes)
            end,
    Reply = case {B, Enc} of
                {false, _} -> Chars;
                {true, latin1} when U -> unicode:characters_to_binary(Chars, unicode, latin1);
                {true, latin1} -> Bytes;
                {true, _} -> unicode:characters_to_binary(Chars, unicode, utf8)
            end,
    case is_list(Chars) of
        true -> {Reply, S};
        false -> {{error, no_translation}, S}
    end.

get_until(Enc, M, F, As, S) ->
    until(Enc, M, F, As, [], S).

until(Enc, M, F, As, Cont, #st{buf = Buf} = S) ->
    {Data, S1} = case Buf of
                     <<>> ->
                         case more(S) of
                             {ok, Sm} -> {chars(Sm#st.buf, Sm), Sm#st{buf = <<>>}};
                             _ -> {eof, S}
                         end;
                     _ -> {chars(Buf, S), S#st{buf = <<>>}}
                 end,
    case catch apply(M, F, [Cont, Data | As]) of
        {done, Result, Rest} ->
            Left = case Rest of
                       eof -> <<>>;
                       _ when S1#st.unicode -> unicode:characters_to_binary(Rest, unicode, utf8);
                       _ -> list_to_binary(Rest)
                   end,
            {until_result(Result, Enc, S1), S1#st{buf = Left}};
        {more, _} when Data =:= eof ->
            {eof, S1};
        {more, Cont1} ->
            until(Enc, M, F, As, Cont1, S1);
        _ ->
            {{error, F}, S1}
    end.

chars(Bytes, #st{unicode = true}) -> unicode:characters_to_list(Bytes, utf8);
chars(Bytes, _) -> binary_to_list(Bytes).

until_result(Result, Enc, #st{binary = true}) when is_list(Result) ->
    case Enc of
        latin1 -> list_to_binary(Result);
        _ -> unicode:characters_to_binary(Result)
    end;
until_result(Result, _, _) ->
    Result.

%% beamr_file_server: the io server of a file opened without raw. It owns
%% the raw file, answers OTP's io protocol ({io_request, From, ReplyAs,
%% Req} -> {io_reply, ReplyAs, Reply}) and the file module's requests
%% ({file_request, From, Ref, Req} -> {file_reply, Ref, Reply}), and ends
%% when the process that opened it ends, with that process's exit reason.
%%
%% It behaves as OTP's file io server does: bytes read ahead are kept in a
%% buffer (positions given out and taken are those of the bytes handed out
%% so far), pread and pwrite move the position, and an error of the file
%% itself (a failed read, write, sync or truncate, characters the file's
%% encoding cannot hold, bytes that are not in the file's encoding) is
%% answered and then ends the server with that reason, so that later
%% requests get {error, terminated}.
-module(beamr_file_server).

-export([start/3]).

-record(st, {fd,               % the raw file, opened in binary mode
             mon,              % monitor reference of the opener
             buf = <<>>,       % bytes read ahead and not yet handed out
             mode = list,      % list | binary: what reads answer
             enc = latin1}).   % the file's encoding

%% How much one read of the file asks for, by read mode.
-define(LIST_CHUNK, 128).
-define(BINARY_CHUNK, 8192).

%% start(Owner, Name, Modes): {ok, Pid} of a new server on file Name, or
%% the error of opening it.
start(Owner, Name, Modes) ->
    Self = self(),
    Tag = make_ref(),
    Pid = spawn(fun() -> init(Self, Tag, Owner, Name, Modes) end),
    Mon = erlang:monitor(process, Pid),
    receive
        {Tag, ok} ->
            erlang:demonitor(Mon, [flush]),
            {ok, Pid};
        {Tag, {error, _} = Error} ->
            erlang:demonitor(Mon, [flush]),
            Error;
        {'DOWN', Mon, _, _, Reason} ->
            {error, Reason}
    end.

init(Parent, Tag, Owner, Name, Modes) ->
    case options(Modes, list, latin1, []) of
        {Mode, Enc, RawModes} ->
            case file:open(Name, [raw, binary | RawModes]) of
                {ok, Fd} ->
                    Mon = erlang:monitor(process, Owner),
                    Parent ! {Tag, ok},
                    loop(#st{fd = Fd, mon = Mon, mode = Mode, enc = Enc});
                {error, Reason} = Error ->
                    Parent ! {Tag, Error},
                    exit(Reason)
            end;
        {error, Reason} = Error ->
            Parent ! {Tag, Error},
            exit(Reason)
    end.

%% options(Modes, Mode, Enc, Acc): the read mode, the encoding and the
%% modes of the raw file.
options([], Mode, Enc, Acc) ->
    {Mode, Enc, lists:reverse(Acc)};
options([binary | T], _, Enc, Acc) ->
    options(T, binary, Enc, Acc);
options([list | T], Mode, Enc, Acc) ->
    options(T, Mode, Enc, Acc);
options([latin1 | T], Mode, Enc, Acc) ->
    options([{encoding, latin1} | T], Mode, Enc, Acc);
options([unicode | T], Mode, Enc, Acc) ->
    options([{encoding, unicode} | T], Mode, Enc, Acc);
options([{encoding, E} | T], Mode, _, Acc) ->
    case encoding(E) of
        {ok, Enc} -> options(T, Mode, Enc, Acc);
        Error -> Error
    end;
options([M | T], Mode, Enc, Acc) ->
    options(T, Mode, Enc, [M | Acc]).

encoding(latin1) -> {ok, latin1};
encoding(unicode) -> {ok, unicode};
encoding(utf8) -> {ok, unicode};
encoding(utf16) -> {ok, {utf16, big}};
encoding({utf16, E}) when E =:= big; E =:= little -> {ok, {utf16, E}};
encoding(utf32) -> {ok, {utf32, big}};
encoding({utf32, E}) when E =:= big; E =:= little -> {ok, {utf32, E}};
encoding(_) -> {error, badarg}.

loop(S) ->
    receive
        {file_request, From, ReplyAs, Req} when is_pid(From) ->
            answer(file_req(Req, S), From, file_reply, ReplyAs);
        {io_request, From, ReplyAs, Req} when is_pid(From) ->
            answer(io_req(Req, S), From, io_reply, ReplyAs);
        {'DOWN', Mon, _, _, Reason} when Mon =:= S#st.mon ->
            exit(Reason);
        _ ->
            loop(S)
    end.

%% answer(Outcome, From, Tag, ReplyAs): replies, then goes on or stops.
%% Outcome is {reply, Reply, S}, {error, Reply, S} (a reply that ends a
%% list of requests) or {stop, Reason, Reply, S}.
answer({stop, Reason, Reply, _}, From, Tag, ReplyAs) ->
    From ! {Tag, ReplyAs, Reply},
    exit(Reason);
answer({_, Reply, S}, From, Tag, ReplyAs) ->
    From ! {Tag, ReplyAs, Reply},
    loop(S).

%% The file module's requests.

file_req({pread, At, N}, S) when At =:= cur; At =:= {cur, 0} ->
    ok_data(get_chars(N, latin1, S));
file_req({pread, At, N}, #st{fd = Fd, buf = Buf} = S) ->
    case position(Fd, At, Buf) of
        {error, _} = Error -> {error, Error, S};
        _ -> ok_data(get_chars(N, latin1, S#st{buf = <<>>}))
    end;
file_req({pwrite, At, Data}, #st{buf = <<>>} = S) when At =:= cur; At =:= {cur, 0} ->
    put_chars(Data, latin1, S);
file_req({pwrite, At, Data}, #st{fd = Fd, buf = Buf} = S) ->
    case position(Fd, At, Buf) of
        {error, _} = Error -> {error, Error, S};
        _ -> put_chars(Data, latin1, S)
    end;
file_req({position, At}, #st{fd = Fd, buf = Buf} = S) ->
    case position(Fd, At, Buf) of
        {error, _} = Error -> {error, Error, S};
        Reply -> std_reply(Reply, S)
    end;
file_req(sync, #st{fd = Fd} = S) ->
    stop_on_error(file:sync(Fd), S);
file_req(datasync, #st{fd = Fd} = S) ->
    stop_on_error(file:datasync(Fd), S);
file_req({advise, Off, Len, Advice}, #st{fd = Fd} = S) ->
    stop_on_error(file:advise(Fd, Off, Len, Advice), S);
file_req({allocate, Off, Len}, #st{fd = Fd} = S) ->
    {reply, file:allocate(Fd, Off, Len), S};
file_req(truncate, #st{fd = Fd} = S) ->
    case file:truncate(Fd) of
        {error, Reason} = Error -> {stop, Reason, Error, S#st{buf = <<>>}};
        Reply -> std_reply(Reply, S)
    end;
file_req(close, #st{fd = Fd} = S) ->
    case file:close(Fd) of
        {error, Reason} = Error -> {stop, Reason, Error, S#st{buf = <<>>}};
        Reply -> {stop, normal, Reply, S#st{buf = <<>>}}
    end;
file_req(Req, S) ->
    {error, {error, {request, Req}}, S}.

stop_on_error({error, Reason} = Error, S) -> {stop, Reason, Error, S};
stop_on_error(Reply, S) -> {reply, Reply, S}.

%% std_reply(Reply, S): a reply after which the read-ahead bytes are
%% dropped (the file's position is where the reply left it).
std_reply({error, _} = Error, S) -> {error, Error, S#st{buf = <<>>}};
std_reply(Reply, S) -> {reply, Reply, S#st{buf = <<>>}}.

%% ok_data(Outcome): a read's data as {ok, Data}.
ok_data({reply, Data, S}) when is_list(Data); is_binary(Data) -> {reply, {ok, Data}, S};
ok_data(Other) -> Other.

%% position(Fd, At, Buf): moves the raw file, counting the bytes read
%% ahead as not yet read.
position(Fd, {cur, Off}, Buf) -> file:position(Fd, {cur, Off - byte_size(Buf)});
position(Fd, cur, Buf) -> file:position(Fd, {cur, -byte_size(Buf)});
position(Fd, At, _) -> file:position(Fd, At).

%% The io protocol.

io_req({put_chars, Enc, Chars}, #st{buf = <<>>} = S) ->
    put_chars(Chars, Enc, S);
io_req({put_chars, Enc, Chars}, #st{fd = Fd, buf = Buf} = S) ->
    case position(Fd, cur, Buf) of
        {error, Reason} = Error -> {stop, Reason, Error, S};
        _ -> put_chars(Chars, Enc, S#st{buf = <<>>})
    end;
io_req({put_chars, Enc, M, F, A}, S) ->
    case catch apply(M, F, A) of
        Chars when is_list(Chars); is_binary(Chars) -> io_req({put_chars, Enc, Chars}, S);
        _ -> {error, {error, F}, S}
    end;
io_req({get_until, Enc, _Prompt, M, F, Xa}, S) ->
    get_until(Enc, M, F, Xa, S);
io_req({get_chars, Enc, _Prompt, N}, S) ->
    get_chars(N, Enc, S);
io_req({get_line, Enc, _Prompt}, S) ->
    get_line(Enc, S);
io_req({setopts, Opts}, S) when is_list(Opts) ->
    setopts(Opts, S);
io_req(getopts, #st{mode = Mode, enc = Enc} = S) ->
    {reply, [{binary, Mode =:= binary}, {encoding, Enc}], S};
%% The requests of old clients, without an encoding.
io_req({put_chars, Chars}, S) ->
    io_req({put_chars, latin1, Chars}, S);
io_req({put_chars, M, F, A}, S) ->
    io_req({put_chars, latin1, M, F, A}, S);
io_req({get_until, Prompt, M, F, Xa}, S) ->
    io_req({get_until, latin1, Prompt, M, F, Xa}, S);
io_req({get_chars, Prompt, N}, S) ->
    io_req({get_chars, latin1, Prompt, N}, S);
io_req({get_line, Prompt}, S) ->
    io_req({get_line, latin1, Prompt}, S);
io_req({requests, Reqs}, S) when is_list(Reqs) ->
    requests(Reqs, {reply, ok, S});
io_req(Req, S) ->
    {error, {error, {request, Req}}, S}.

%% requests(Reqs, Outcome): runs requests as long as each succeeds.
requests([R | Rs], {reply, _, S}) -> requests(Rs, io_req(R, S));
requests(_, Outcome) -> Outcome.

%% Writing.

put_chars(Chars, latin1, #st{fd = Fd, enc = latin1} = S0) ->
    S = S0#st{buf = <<>>},
    stop_on_error(file:write(Fd, Chars), S);
put_chars(Chars, InEnc, #st{fd = Fd, enc = FileEnc} = S0) ->
    S = S0#st{buf = <<>>},
    case unicode:characters_to_binary(Chars, InEnc, FileEnc) of
        Bin when is_binary(Bin) ->
            stop_on_error(file:write(Fd, Bin), S);
        _ ->
            {stop, no_translation, {error, {no_translation, InEnc, FileEnc}}, S}
    end.

%% Reading characters.

get_chars(0, Enc, #st{mode = Mode, enc = FileEnc} = S) ->
    {reply, cast(<<>>, Mode, FileEnc, Enc), S};
get_chars(N, Enc, #st{enc = latin1, buf = Buf, mode = Mode} = S)
  when is_integer(N), N > 0, N =< byte_size(Buf) ->
    {Chunk, Rest} = split_binary(Buf, N),
    {reply, cast(Chunk, Mode, latin1, Enc), S#st{buf = Rest}};
get_chars(N, Enc, #st{enc = latin1, fd = Fd, buf = Buf, mode = Mode} = S)
  when is_integer(N), N > 0 ->
    Have = byte_size(Buf),
    Need = N - Have,
    case file:read(Fd, max(Need, ?BINARY_CHUNK)) of
        {ok, More} when Have + byte_size(More) < N ->
            std_reply(cast(<<Buf/binary, More/binary>>, Mode, latin1, Enc), S);
        {ok, More} ->
            {Chunk, Rest} = split_binary(More, Need),
            {reply, cast(<<Buf/binary, Chunk/binary>>, Mode, latin1, Enc), S#st{buf = Rest}};
        eof when Have =:= 0 ->
            {reply, eof, S};
        eof ->
            std_reply(cast(Buf, Mode, latin1, Enc), S);
        {error, Reason} = Error ->
            {stop, Reason, Error, S#st{buf = <<>>}}
    end;
get_chars(N, Enc, #st{fd = Fd, buf = Buf, mode = Mode, enc = FileEnc} = S)
  when is_integer(N), N > 0 ->
    try
        case count_chars(Buf, N, FileEnc) of
            {Count, Split} when Count >= N ->
                {Chunk, Rest} = split_binary(Buf, Split),
                {reply, cast(Chunk, Mode, FileEnc, Enc), S#st{buf = Rest}};
            {Count, _} ->
                case file:read(Fd, max((N - Count) * 4, ?BINARY_CHUNK)) of
                    {ok, More} ->
                        All = <<Buf/binary, More/binary>>,
                        case count_chars(All, N, FileEnc) of
                            {Count1, Split1} when Count1 >= N ->
                                {Chunk, Rest} = split_binary(All, Split1),
                                {reply, cast(Chunk, Mode, FileEnc, Enc), S#st{buf = Rest}};
                            _ ->
                                std_reply(cast(All, Mode, FileEnc, Enc), S)
                        end;
                    eof when Count =:= 0 ->
                        {reply, eof, S};
                    eof ->
                        std_reply(cast(Buf, Mode, FileEnc, Enc), S);
                    {error, Reason} = Error ->
                        {stop, Reason, Error, S#st{buf = <<>>}}
                end
        end
    catch
        exit:Why -> {stop, Why, {error, Why}, S#st{buf = <<>>}}
    end;
get_chars(_, _, S) ->
    {error, {error, get_chars}, S}.

%% count_chars(Bin, N, Enc): {Count, Split}, the number of whole
%% characters in Bin and the byte offset after the N-th (none when there
%% are fewer). Bytes that are not in the encoding, and cannot be the start
%% of a character still to come, exit with invalid_unicode unless N
%% characters came before them.
count_chars(Bin, N, Enc) ->
    count_chars(Bin, N, Enc, 0, 0, none).

count_chars(Bin, N, Enc, Count, Pos, Split) when Pos =:= byte_size(Bin) ->
    _ = {N, Enc},
    {Count, Split};
count_chars(Bin, N, Enc, Count, Pos, Split) ->
    <<_:Pos/binary, Rest/binary>> = Bin,
    case char_size(Rest, Enc) of
        Size when is_integer(Size) ->
            Split1 = case Count + 1 of
                         N -> Pos + Size;
                         _ -> Split
                     end,
            count_chars(Bin, N, Enc, Count + 1, Pos + Size, Split1);
        incomplete ->
            {Count, Split};
        invalid when Split =/= none ->
            {Count, Split};
        invalid ->
            exit(invalid_unicode)
    end.

%% char_size(Bin, Enc): the byte size of Bin's first character,
%% incomplete when Bin holds only the start of one, or invalid.
char_size(<<C/utf8, _/binary>>, unicode) -> utf8_size(C);
char_size(<<C/utf16-big, _/binary>>, {utf16, big}) -> utf16_size(C);
char_size(<<C/utf16-little, _/binary>>, {utf16, little}) -> utf16_size(C);
char_size(<<_/utf32-big, _/binary>>, {utf32, big}) -> 4;
char_size(<<_/utf32-little, _/binary>>, {utf32, little}) -> 4;
char_size(Bin, Enc) when byte_size(Bin) < 4 ->
    case unicode:characters_to_list(Bin, Enc) of
        {incomplete, [], _} -> incomplete;
        _ -> invalid
    end;
char_size(_, _) ->
    invalid.

utf8_size(C) when C < 16#80 -> 1;
utf8_size(C) when C < 16#800 -> 2;
utf8_size(C) when C < 16#10000 -> 3;
utf8_size(_) -> 4.

utf16_size(C) when C < 16#10000 -> 2;
utf16_size(_) -> 4.

%% cast(Bytes, Mode, FileEnc, OutEnc): bytes of the file as the request's
%% encoding and the read mode want them; exits with no_translation when a
%% character does not fit.
cast(eof, _, _, _) ->
    eof;
cast(B, binary, latin1, latin1) ->
    B;
cast(B, binary, In, Out) ->
    case unicode:characters_to_binary(B, In, Out) of
        R when is_binary(R) -> R;
        _ -> exit({no_translation, In, Out})
    end;
cast(B, list, latin1, _) ->
    binary_to_list(B);
cast(B, list, In, Out) ->
    try
        unicode:characters_to_list(unicode:characters_to_binary(B, In, Out), Out)
    catch
        error:_ -> exit({no_translation, In, Out})
    end.

%% Reading lines.

get_line(OutEnc, #st{mode = Mode, enc = FileEnc} = S0) ->
    WorkEnc = case FileEnc of
                  {_, _} -> OutEnc;
                  _ -> FileEnc
              end,
    try
        {Line, S} = collect_line(WorkEnc, S0),
        {reply, cast(Line, Mode, WorkEnc, OutEnc), S}
    catch
        exit:Why -> {stop, Why, {error, Why}, S0#st{buf = <<>>}}
    end.

%% collect_line(WorkEnc, S): {Line, S1}, the next line as bytes in
%% WorkEnc (the file's encoding when it is latin1 or UTF-8), CR LF made LF,
%% or eof.
collect_line(WorkEnc, #st{enc = FileEnc} = S) when FileEnc =:= latin1; FileEnc =:= unicode ->
    _ = WorkEnc,
    byte_line(S);
collect_line(WorkEnc, S) ->
    wide_line(WorkEnc, S).

byte_line(#st{buf = Buf} = S) ->
    case binary:match(Buf, <<"\n">>) of
        {I, 1} ->
            <<Line:I/binary, _, Rest/binary>> = Buf,
            {<<(strip_cr(Line))/binary, "\n">>, S#st{buf = Rest}};
        nomatch ->
            case more(S) of
                {ok, S1} -> byte_line(S1);
                eof when Buf =:= <<>> -> {eof, S};
                eof -> {Buf, S#st{buf = <<>>}}
            end
    end.

%% wide_line(WorkEnc, S): a line of a UTF-16 or UTF-32 file.
wide_line(WorkEnc, #st{buf = Buf, enc = FileEnc} = S) ->
    {Chars, Partial} = decode(Buf, FileEnc),
    case lists:splitwith(fun(C) -> C =/= $\n end, Chars) of
        {Line, [$\n | Rest]} ->
            Left = unicode:characters_to_binary(Rest, unicode, FileEnc),
            {encode_line(strip_cr_chars(Line) ++ "\n", WorkEnc),
             S#st{buf = <<Left/binary, Partial/binary>>}};
        _ ->
            case more(S) of
                {ok, S1} -> wide_line(WorkEnc, S1);
                eof when Buf =:= <<>> -> {eof, S};
                eof -> {encode_line(Chars, WorkEnc), S#st{buf = <<>>}}
            end
    end.

encode_line(Chars, Enc) ->
    case unicode:characters_to_binary(Chars, unicode, Enc) of
        B when is_binary(B) -> B;
        _ -> exit({no_translation, unicode, Enc})
    end.

%% decode(Bytes, Enc): {Chars, Partial}, the characters of Bytes and the
%% start of one not yet complete; exits when Bytes are not in Enc.
decode(Bytes, Enc) ->
    case unicode:characters_to_list(Bytes, Enc) of
        L when is_list(L) -> {L, <<>>};
        {incomplete, L, Rest} -> {L, Rest};
        {error, _, _} -> exit(invalid_unicode)
    end.

strip_cr(Line) ->
    N = byte_size(Line),
    case Line of
        <<L:(N - 1)/binary, "\r">> -> L;
        _ -> Line
    end.

strip_cr_chars(Line) ->
    case lists:reverse(Line) of
        [$\r | R] -> lists:reverse(R);
        _ -> Line
    end.

%% more(S): reads the next chunk into the buffer; eof at the end. A
%% failed read ends the server.
more(#st{fd = Fd, buf = Buf, mode = Mode} = S) ->
    Size = case Mode of
               list -> ?LIST_CHUNK;
               binary -> ?BINARY_CHUNK
           end,
    case file:read(Fd, Size) of
        {ok, Data} -> {ok, S#st{buf = <<Buf/binary, Data/binary>>}};
        eof -> eof;
        {error, Reason} -> erlang:error({badmatch, {stop, Reason}})
    end.

%% get_until: the io protocol's Module:Function(Continuation, Data,
%% Extra...) -> {done, Result, RestChars} | {more, Continuation}, with
%% Data the file's characters as a list, or eof.

get_until(Enc, M, F, Xa, #st{buf = <<>>} = S) ->
    until_read(Enc, M, F, Xa, [], <<>>, S);
get_until(Enc, M, F, Xa, #st{buf = Buf} = S) ->
    until_apply(Enc, M, F, Xa, [], Buf, S#st{buf = <<>>}).

%% until_read(..., Cont, Partial, S): reads more and applies the function
%% to it; Partial holds bytes of a character not yet complete.
until_read(Enc, M, F, Xa, Cont, Partial, #st{fd = Fd, mode = Mode} = S) ->
    Size = case Mode of
               list -> ?LIST_CHUNK;
               binary -> ?BINARY_CHUNK
           end,
    case file:read(Fd, Size) of
        {ok, Data} ->
            until_apply(Enc, M, F, Xa, Cont, <<Partial/binary, Data/binary>>, S);
        eof when Partial =:= <<>> ->
            until_apply(Enc, M, F, Xa, Cont, eof, S);
        eof ->
            {stop, invalid_unicode, {error, F}, S};
        {error, Reason} = Error ->
            {stop, Reason, Error, S}
    end.

until_apply(Enc, M, F, Xa, Cont, Data, #st{enc = FileEnc, mode = Mode} = S) ->
    case until_chars(Data, FileEnc) of
        {Chars, Partial} ->
            case catch apply(M, F, [Cont, Chars | Xa]) of
                {done, Result, Rest} ->
                    Left = rest_bytes(Rest, FileEnc),
                    {reply, until_result(Result, Mode, Enc), S#st{buf = <<Left/binary, Partial/binary>>}};
                {more, _} when Data =:= eof ->
                    {reply, eof, S};
                {more, Cont1} ->
                    until_read(Enc, M, F, Xa, Cont1, Partial, S);
                {'EXIT', Reason} ->
                    {stop, Reason, {error, F}, S};
                _ ->
                    {stop, {bad_return, M, F}, {error, F}, S}
            end;
        invalid ->
            {stop, invalid_unicode, {error, F}, S}
    end.

%% until_chars(Bytes, FileEnc): {Chars, Partial} for the function, or
%% invalid when Bytes start with something not in the encoding.
until_chars(eof, _) ->
    {eof, <<>>};
until_chars(Bytes, latin1) ->
    {binary_to_list(Bytes), <<>>};
until_chars(Bytes, Enc) ->
    case unicode:characters_to_list(Bytes, Enc) of
        L when is_list(L) -> {L, <<>>};
        {_, [_ | _] = L, Rest} -> {L, iolist_to_binary(Rest)};
        {incomplete, [], Rest} -> {[], iolist_to_binary(Rest)};
        {error, [], _} -> invalid
    end.

rest_bytes(eof, _) -> <<>>;
rest_bytes(Rest, latin1) when is_list(Rest) -> list_to_binary(Rest);
rest_bytes(Rest, Enc) when is_list(Rest) -> unicode:characters_to_binary(Rest, unicode, Enc);
rest_bytes(Rest, _) when is_binary(Rest) -> Rest;
rest_bytes(_, _) -> <<>>.

%% A list result is a binary in binary mode.
until_result(Result, binary, latin1) when is_list(Result) ->
    iolist_to_binary(Result);
until_result(Result, binary, _) when is_list(Result) ->
    unicode:characters_to_binary(Result, unicode, unicode);
until_result(Result, _, _) ->
    Result.

%% Options.

setopts(Opts, S) ->
    case opts(Opts, undefined, undefined) of
        {ok, Bin, Enc} ->
            NewEnc = case Enc of
                         undefined -> {ok, S#st.enc};
                         _ -> encoding(Enc)
                     end,
            case NewEnc of
                {ok, E} ->
                    Mode = case Bin of
                               true -> binary;
                               false -> list;
                               undefined -> S#st.mode
                           end,
                    {reply, ok, S#st{mode = Mode, enc = E}};
                _ ->
                    {error, {error, badarg}, S}
            end;
        error ->
            {error, {error, enotsup}, S}
    end.

%% opts(Opts, Binary, Encoding): the first setting of each option, or
%% error when an option is not one of them.
opts([], Bin, Enc) -> {ok, Bin, Enc};
opts([binary | T], Bin, Enc) -> opts([{binary, true} | T], Bin, Enc);
opts([list | T], Bin, Enc) -> opts([{binary, false} | T], Bin, Enc);
opts([latin1 | T], Bin, Enc) -> opts([{encoding, latin1} | T], Bin, Enc);
opts([unicode | T], Bin, Enc) -> opts([{encoding, unicode} | T], Bin, Enc);
opts([{binary, B} | T], undefined, Enc) -> opts(T, B, Enc);
opts([{binary, _} | T], Bin, Enc) -> opts(T, Bin, Enc);
opts([{encoding, E} | T], Bin, undefined) -> opts(T, Bin, E);
opts([{encoding, _} | T], Bin, Enc) -> opts(T, Bin, Enc);
opts(_, _, _) -> error.

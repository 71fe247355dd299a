%% beamr_io_server: the io servers registered as user (standard input and
%% output; the group leader of the processes started from Go) and
%% standard_error. They speak OTP's io protocol: {io_request, From,
%% ReplyAs, Request} is answered with {io_reply, ReplyAs, Reply}, so that
%% OTP's own io module works through them, and they behave as the servers
%% of erl -noshell do: latin1 devices until io:setopts changes them,
%% characters a latin1 device cannot show written as \x{H}, prompts
%% written before input is read, end of input sticky.
%%
%% The bytes go through native functions of beamr_io: put_chars/3 encodes
%% and writes, read/0 asks for the next chunk of standard input (it comes
%% as a message {beamr_io, Bytes | eof}), take_line/4 and take_chars/5
%% cut a request's answer from the input buffer, decode/1 and encode/1
%% convert between the device's bytes and characters for get_until.
-module(beamr_io_server).

-export([run/1]).

-record(st, {name,            % user | standard_error
             dev,             % stdout | stderr
             buf = <<>>,      % input read and not yet used
             eof = false,     % end of input seen
             reading = false, % a read is under way
             waiting = []}).  % input requests that came during an input wait

run(Name) ->
    Dev = case Name of
              standard_error -> stderr;
              _ -> stdout
          end,
    loop(#st{name = Name, dev = Dev}).

loop(#st{waiting = [{From, ReplyAs, Req} | More]} = S) ->
    loop(serve(From, ReplyAs, Req, S#st{waiting = More}));
loop(S) ->
    receive
        {io_request, From, ReplyAs, Req} when is_pid(From) ->
            loop(serve(From, ReplyAs, Req, S));
        {beamr_io, Data} ->
            loop(input(Data, S));
        _ ->
            loop(S)
    end.

serve(From, ReplyAs, Req, S0) ->
    {Reply, S} = request(Req, S0),
    From ! {io_reply, ReplyAs, Reply},
    S.

%% request(Request, State) -> {Reply, State}
request({put_chars, Enc, Chars}, S) when Enc =:= unicode; Enc =:= latin1 ->
    {put(S, Enc, Chars), S};
request({put_chars, Enc, M, F, A}, S) when Enc =:= unicode; Enc =:= latin1 ->
    Reply = case catch apply(M, F, A) of
                Data when is_list(Data); is_binary(Data) -> put(S, Enc, Data);
                _ -> {error, put_chars}
            end,
    {Reply, S};
request({put_chars, Chars}, S) ->
    request({put_chars, latin1, Chars}, S);
request({put_chars, M, F, A}, S) ->
    request({put_chars, latin1, M, F, A}, S);
request(getopts, S) ->
    {beamr_io:getopts(S#st.dev), S};
request({setopts, Opts}, S) when is_list(Opts) ->
    {beamr_io:setopts(S#st.dev, Opts), S};
request({get_geometry, _}, S) ->
    {{error, enotsup}, S};
request({requests, Reqs}, S) when is_list(Reqs) ->
    requests(Reqs, {ok, S});
request({get_line, Enc, Prompt}, #st{name = user} = S) when is_atom(Enc) ->
    input_request(Prompt, {line, Enc}, S);
request({get_chars, Enc, Prompt, N}, #st{name = user} = S)
  when is_atom(Enc), is_integer(N), N >= 0 ->
    input_request(Prompt, {chars, Enc, N}, S);
request({get_until, Enc, Prompt, M, F, As}, #st{name = user} = S)
  when is_atom(Enc), is_atom(M), is_atom(F), is_list(As) ->
    input_request(Prompt, {until, Enc, M, F, As, []}, S);
request({get_line, Prompt}, S) ->
    request({get_line, latin1, Prompt}, S);
request({get_chars, Prompt, N}, S) ->
    request({get_chars, latin1, Prompt, N}, S);
request({get_until, Prompt, M, F, As}, S) ->
    request({get_until, latin1, Prompt, M, F, As}, S);
request({get_password, _Enc}, #st{name = user} = S) ->
    {{error, enotsup}, S};
request(Req, S) ->
    {{error, {request, Req}}, S}.

requests([R | Rs], {ok, S}) ->
    case request(R, S) of
        {{error, _}, _} = Err -> Err;
        {_, S1} when Rs =:= [] -> {ok, S1};
        {_, S1} -> requests(Rs, {ok, S1})
    end;
requests([], {ok, S}) ->
    {ok, S}.

put(#st{dev = Dev}, Enc, Chars) ->
    case beamr_io:put_chars(Dev, Enc, Chars) of
        ok -> ok;
        error -> {error, put_chars}
    end.

%% Input.

input_request(Prompt, What, S) ->
    case prompt(Prompt, S) of
        ok ->
            case S of
                #st{eof = true, buf = <<>>} -> {eof, S};
                _ -> collect(What, S)
            end;
        error ->
            {{error, error_tag(What)}, S}
    end.

error_tag({line, _}) -> get_line;
error_tag({chars, _, _}) -> get_chars;
error_tag({until, _, _, F, _, _}) -> F.

%% collect(What, State) -> {Reply, State}: answers an input request from
%% the buffer, reading more input as long as it needs more.
collect({line, Enc} = What, #st{buf = Buf, eof = Eof} = S) ->
    case beamr_io:take_line(S#st.dev, Buf, Eof, Enc) of
        more -> collect(What, more_input(S));
        eof -> {eof, S#st{buf = <<>>}};
        {ok, Result, Rest} -> {Result, S#st{buf = Rest}};
        {error, _} = Err -> {Err, S#st{buf = <<>>}}
    end;
collect({chars, Enc, N} = What, #st{buf = Buf, eof = Eof} = S) ->
    case beamr_io:take_chars(S#st.dev, Buf, Eof, Enc, N) of
        more -> collect(What, more_input(S));
        eof -> {eof, S#st{buf = <<>>}};
        {ok, Result, Rest} -> {Result, S#st{buf = Rest}};
        {error, _} = Err -> {Err, S#st{buf = <<>>}}
    end;
collect({until, Enc, M, F, As, Cont} = What, #st{buf = Buf, eof = Eof} = S) ->
    {Chars, Partial} = beamr_io:decode(Buf),
    if
        Chars =:= [], not Eof ->
            collect(What, more_input(S));
        true ->
            Data = case {Chars, Eof} of
                       {[], true} -> eof;
                       _ -> Chars
                   end,
            case catch apply(M, F, [Cont, Data | As]) of
                {done, Result, Rest} ->
                    Left = case Rest of
                               eof -> <<>>;
                               _ -> beamr_io:encode(Rest)
                           end,
                    {until_result(Result, Enc), S#st{buf = <<Left/binary, Partial/binary>>}};
                {more, _} when Data =:= eof ->
                    {eof, S#st{buf = <<>>}};
                {more, Cont1} ->
                    collect({until, Enc, M, F, As, Cont1}, more_input(S#st{buf = Partial}));
                _ ->
                    {{error, F}, S#st{buf = <<>>}}
            end
    end.

%% A list result of get_until is a binary when the device is in binary
%% mode.
until_result(Result, Enc) when is_list(Result) ->
    case beamr_io:binary_mode() of
        true when Enc =:= unicode -> unicode:characters_to_binary(Result, unicode, unicode);
        true -> erlang:iolist_to_binary(Result);
        false -> Result
    end;
until_result(Result, _) ->
    Result.

%% more_input(State) waits for the next chunk of standard input. Output
%% and option requests that come meanwhile are served; input requests
%% wait their turn.
more_input(#st{eof = true} = S) ->
    S;
more_input(#st{reading = false} = S) ->
    ok = beamr_io:read(),
    more_input(S#st{reading = true});
more_input(S) ->
    receive
        {beamr_io, Data} ->
            input(Data, S);
        {io_request, From, ReplyAs, Req} when is_pid(From) ->
            case input_req(Req) of
                true ->
                    W = S#st.waiting ++ [{From, ReplyAs, Req}],
                    more_input(S#st{waiting = W});
                false ->
                    more_input(serve(From, ReplyAs, Req, S))
            end
    end.

input(eof, S) ->
    S#st{eof = true, reading = false};
input(Bytes, #st{buf = Buf} = S) when is_binary(Bytes) ->
    S#st{buf = <<Buf/binary, Bytes/binary>>, reading = false}.

input_req({get_line, _, _}) -> true;
input_req({get_chars, _, _, _}) -> true;
input_req({get_until, _, _, _, _, _}) -> true;
input_req({get_line, _}) -> true;
input_req({get_chars, _, _}) -> true;
input_req({get_until, _, _, _, _}) -> true;
input_req({requests, _}) -> true;
input_req(_) -> false.

prompt('', _S) ->
    ok;
prompt(Prompt, S) ->
    Unicode = lists:member({encoding, unicode}, beamr_io:getopts(S#st.dev)),
    Text = case catch prompt_text(Prompt, Unicode) of
               {'EXIT', _} -> error;
               T -> T
           end,
    case Text of
        error -> error;
        _ ->
            case put(S, unicode, Text) of
                ok -> ok;
                _ -> error
            end
    end.

prompt_text({format, Format, Args}, _) ->
    io_lib:format(Format, Args);
prompt_text(Prompt, Unicode) when is_list(Prompt); is_atom(Prompt); is_binary(Prompt) ->
    io_lib:format(control(Unicode, "s"), [Prompt]);
prompt_text(Prompt, Unicode) ->
    io_lib:format(control(Unicode, "p"), [Prompt]).

control(true, C) -> "~t" ++ C;
control(false, C) -> "~" ++ C.

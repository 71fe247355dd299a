%% gen_tcp: beamr's own TCP sockets, built on the natives of beamr_tcp,
%% which run accepts, connects, sends and receives through the scheduler's
%% completion ring. A socket is a resource term that Erlang sees as a
%% port. It belongs to its controlling process (the one that opened or
%% accepted it, until controlling_process/2 hands it on) and is closed
%% when that process ends. Active sockets send their owner {tcp, S, Data},
%% {tcp_closed, S}, {tcp_error, S, Reason} and {tcp_passive, S}.
%%
%% An asynchronous native returns its answer at once when it has it, or
%% wait; {Ref, Answer} then follows. A timed-out wait cancels the request:
%% a passive receive's data stays for the next recv, an accepted
%% connection for the next accept.
-module(gen_tcp).

-export([listen/2, accept/1, accept/2, connect/3, connect/4, send/2, recv/2, recv/3,
         close/1, shutdown/2, controlling_process/2]).

listen(Port, Opts) when is_integer(Port), Port >= 0, Port =< 65535, is_list(Opts) ->
    case beamr_tcp:listen(Port, Opts) of
        {error, badarg} -> exit(badarg);
        Result -> Result
    end.

accept(L) ->
    accept(L, infinity).

accept(L, Time) when is_port(L), Time =:= infinity;
                     is_port(L), is_integer(Time), Time >= 0 ->
    Ref = make_ref(),
    case beamr_tcp:accept(Ref, L) of
        wait -> answer(L, Ref, Time);
        Result -> Result
    end.

connect(Address, Port, Opts) ->
    connect(Address, Port, Opts, infinity).

connect(Address, Port, Opts, Time) ->
    try
        connect_to(Address, Port, Opts, Time)
    catch
        error:function_clause:St ->
            case St of
                [{?MODULE, connect_to, _, _} | _] -> erlang:raise(exit, {function_clause, St}, St);
                _ -> erlang:raise(error, function_clause, St)
            end
    end.

connect_to(Address, Port, Opts, Time)
  when is_integer(Port), Port >= 0, Port =< 65535, is_list(Opts),
       Time =:= infinity orelse is_integer(Time) andalso Time >= 0 ->
    case inet:getaddr(Address, family(Opts)) of
        {ok, IP} -> connect_ip(IP, Port, Opts, Time);
        {error, einval} -> exit(badarg);
        Error -> Error
    end.

family(Opts) ->
    case lists:member(inet6, Opts) of
        true -> inet6;
        false -> inet
    end.

connect_ip(IP, Port, Opts, Time) ->
    Ref = make_ref(),
    case beamr_tcp:connect(Ref, IP, Port, Opts) of
        {ok, S} ->
            receive
                {Ref, ok} ->
                    {ok, S};
                {Ref, Error} ->
                    close(S),
                    Error
            after Time ->
                    close(S),
                    receive {Ref, _} -> ok end,
                    {error, timeout}
            end;
        {error, badarg} ->
            exit(badarg);
        Error ->
            Error
    end.

send(S, Data) when is_port(S) ->
    Ref = make_ref(),
    case beamr_tcp:send(Ref, S, Data) of
        wait -> receive {Ref, Result} -> Result end;
        Result -> Result
    end.

recv(S, Length) ->
    recv(S, Length, infinity).

recv(S, Length, Time) when is_port(S), is_integer(Length), Length >= 0,
                           Time =:= infinity orelse is_integer(Time) andalso Time >= 0 ->
    Ref = make_ref(),
    case beamr_tcp:recv(Ref, S, Length) of
        wait -> answer(S, Ref, Time);
        Result -> Result
    end.

%% answer(S, Ref, Time): the answer to the request Ref on S, or {error,
%% timeout} once Time has passed and the request could be withdrawn.
answer(_S, Ref, infinity) ->
    receive {Ref, Result} -> Result end;
answer(S, Ref, Time) ->
    receive
        {Ref, Result} -> Result
    after Time ->
            case beamr_tcp:cancel(S, Ref) of
                ok -> {error, timeout};
                answered -> receive {Ref, Result} -> Result end
            end
    end.

%% close(S): as OTP's, a {tcp_closed, S} already received is dropped.
close(S) when is_port(S) ->
    Ref = make_ref(),
    Result = case beamr_tcp:close(Ref, S) of
                 wait -> receive {Ref, R} -> R end;
                 R -> R
             end,
    receive {tcp_closed, S} -> ok after 0 -> ok end,
    Result.

shutdown(S, How) when is_port(S), How =:= read; is_port(S), How =:= write;
                      is_port(S), How =:= read_write ->
    beamr_tcp:shutdown(S, How).

%% controlling_process(S, Pid): only the owner may hand a socket on. The
%% socket is made passive meanwhile, and the messages about it already in
%% the owner's mailbox move to the new owner, in order.
controlling_process(S, Pid) when is_port(S), is_pid(Pid) ->
    case beamr_tcp:owner(S) of
        closed ->
            {error, closed};
        Owner when Owner =/= self() ->
            {error, not_owner};
        _ when Pid =:= self() ->
            ok;
        _ ->
            case inet:getopts(S, [active]) of
                {ok, [{active, Active}]} ->
                    ok = inet:setopts(S, [{active, false}]),
                    Result = beamr_tcp:set_owner(S, Pid),
                    case Result of
                        ok -> move_messages(S, Pid);
                        _ -> ok
                    end,
                    _ = inet:setopts(S, [{active, Active}]),
                    Result;
                Error ->
                    Error
            end
    end.

move_messages(S, Pid) ->
    receive
        {tcp, S, _} = M -> Pid ! M, move_messages(S, Pid);
        {tcp_closed, S} = M -> Pid ! M, move_messages(S, Pid);
        {tcp_error, S, _} = M -> Pid ! M, move_messages(S, Pid);
        {tcp_passive, S} = M -> Pid ! M, move_messages(S, Pid)
    after 0 ->
            ok
    end.

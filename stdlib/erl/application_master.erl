%% application_master: runs one started application. The master is the
%% group leader of every process of the application: it passes their io
%% requests on to its own group leader, and application:get_application/0
%% finds the application through it. Its child (start_it) calls the
%% callback module's start/2 and stays as the parent of the top
%% supervisor; when the application stops (application:stop/1) or its top
%% supervisor dies, the child calls prep_stop/1 (when exported) and stop/1,
%% and the master kills what is left of the application's processes and
%% ends, with the top supervisor's reason when it died.
-module(application_master).

-export([start/4]).
-export([init/4, start_it/4]).

%% start(Controller, App, Mod, Args): starts the master, linked to
%% Controller; it reports to Controller with {started, Master, ok |
%% {error, Reason}}, and later {stopped, Master} after a {stop,
%% Controller} request.
start(Controller, App, Mod, Args) ->
    proc_lib:spawn_link(?MODULE, init, [Controller, App, Mod, Args]).

init(Controller, App, Mod, Args) ->
    %% As in OTP, the controller is named by its pid among the ancestors.
    put('$ancestors', [Controller]),
    process_flag(trap_exit, true),
    Child = spawn_link(?MODULE, start_it, [self(), App, Mod, Args]),
    wait_start(Controller, Child).

wait_start(Controller, Child) ->
    receive
        {io_request, _, _, _} = Io ->
            io_request(Io),
            wait_start(Controller, Child);
        {start_result, Child, ok} ->
            Controller ! {started, self(), ok},
            main_loop(Controller, Child);
        {start_result, Child, Error} ->
            Controller ! {started, self(), Error},
            kill_group(),
            exit(normal);
        {'EXIT', Child, Reason} ->
            Controller ! {started, self(), {error, Reason}},
            kill_group(),
            exit(normal)
    end.

main_loop(Controller, Child) ->
    receive
        {io_request, _, _, _} = Io ->
            io_request(Io),
            main_loop(Controller, Child);
        {stop, Controller} ->
            Child ! {stop, self()},
            wait_stopped(Controller, Child);
        {'EXIT', Child, Reason} ->
            terminate(Reason, Controller);
        _ ->
            main_loop(Controller, Child)
    end.

wait_stopped(Controller, Child) ->
    receive
        {io_request, _, _, _} = Io ->
            io_request(Io),
            wait_stopped(Controller, Child);
        {'EXIT', Child, _} ->
            kill_group(),
            Controller ! {stopped, self()},
            exit(normal)
    end.

%% terminate(Reason, Controller): the application ended by itself; what
%% is left of it is killed and the master exits with its reason.
terminate(Reason, _Controller) ->
    kill_group(),
    exit(Reason).

%% kill_group(): kills the processes whose group leader is this master.
%% The runtime's own servers, started on first use (perhaps by a process
%% of this application), are handed to the master's group leader instead.
kill_group() ->
    Self = self(),
    {group_leader, Own} = erlang:process_info(Self, group_leader),
    [case erlang:process_info(P, registered_name) of
         {registered_name, Name} when Name =:= logger; Name =:= global_name_server;
                                      Name =:= timer_server;
                                      Name =:= application_controller ->
             group_leader(Own, P);
         _ ->
             exit(P, kill)
     end || P <- processes(), P =/= Self,
            erlang:process_info(P, group_leader) =:= {group_leader, Self}],
    ok.

%%% The child: the application's start and stop callbacks.

start_it(Master, _App, Mod, Args) ->
    group_leader(Master, self()),
    process_flag(trap_exit, true),
    Call = {Mod, start, [normal, Args]},
    case catch Mod:start(normal, Args) of
        {ok, Pid} when is_pid(Pid) ->
            Master ! {start_result, self(), ok},
            loop_it(Master, Mod, Pid, []);
        {ok, Pid, State} when is_pid(Pid) ->
            Master ! {start_result, self(), ok},
            loop_it(Master, Mod, Pid, State);
        {error, Reason} ->
            Master ! {start_result, self(), {error, {Reason, Call}}};
        Other ->
            Master ! {start_result, self(), {error, {bad_return, {Call, Other}}}}
    end.

loop_it(Master, Mod, Sup, State) ->
    receive
        {stop, Master} ->
            State1 = prep_stop(Mod, State),
            exit(Sup, shutdown),
            receive {'EXIT', Sup, _} -> ok end,
            catch Mod:stop(State1),
            exit(normal);
        {'EXIT', Sup, Reason} ->
            State1 = prep_stop(Mod, State),
            catch Mod:stop(State1),
            exit(Reason);
        {'EXIT', Master, _} ->
            exit(Sup, kill),
            exit(killed);
        _ ->
            loop_it(Master, Mod, Sup, State)
    end.

prep_stop(Mod, State) ->
    case erlang:function_exported(Mod, prep_stop, 1) of
        true ->
            case catch Mod:prep_stop(State) of
                {'EXIT', _} -> State;
                State1 -> State1
            end;
        false ->
            State
    end.

%%% io requests from the application's processes: carried out here, on
%%% the master's own group leader.

io_request({io_request, From, ReplyAs, Request}) ->
    From ! {io_reply, ReplyAs, io_do(Request)}.

io_do({put_chars, Enc, Chars}) ->
    put_chars(Enc, Chars);
io_do({put_chars, Enc, M, F, A}) ->
    case catch apply(M, F, A) of
        {'EXIT', _} -> {error, F};
        Chars -> put_chars(Enc, Chars)
    end;
io_do({put_chars, Chars}) ->
    put_chars(latin1, Chars);
io_do({put_chars, M, F, A}) ->
    io_do({put_chars, latin1, M, F, A});
io_do({requests, Reqs}) ->
    lists:foldl(fun(R, ok) -> io_do(R); (_, Error) -> Error end, ok, Reqs);
io_do({setopts, Opts}) ->
    io:setopts(Opts);
io_do(getopts) ->
    io:getopts();
io_do({get_geometry, _}) ->
    {error, enotsup};
io_do(_) ->
    {error, request}.

put_chars(unicode, Chars) ->
    try io:put_chars(Chars) catch _:_ -> {error, put_chars} end;
put_chars(latin1, Chars) ->
    case catch unicode:characters_to_list(Chars, latin1) of
        L when is_list(L) -> put_chars(unicode, L);
        _ -> {error, put_chars}
    end;
put_chars(_, _) ->
    {error, put_chars}.

%% logger: the part of OTP's logging API that programs and the bundled
%% behaviours need. Events at or above the primary level (notice by
%% default) are printed as `erl -noshell`'s default handler prints them: a
%% header line "=LEVEL REPORT==== D-Mon-YYYY::HH:MM:SS.UUUUUU ===", the
%% text, and an empty line. beamr writes them to standard_error.
%%
%% The configuration (the primary level and which handlers exist) is kept
%% by a server registered as logger, started when first needed. Events are
%% formatted in the process that logs them and cast to the server, which
%% filters and prints them in the order it receives them. Removing the
%% handler named default silences every report.
-module(logger).

-export([emergency/1, emergency/2, emergency/3,
         alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3,
         error/1, error/2, error/3,
         warning/1, warning/2, warning/3,
         notice/1, notice/2, notice/3,
         info/1, info/2, info/3,
         debug/1, debug/2, debug/3,
         log/2, log/3, log/4,
         allow/2, macro_log/3, macro_log/4, macro_log/5,
         add_handler/3, remove_handler/1, get_handler_ids/0,
         set_primary_config/2, get_primary_config/0,
         set_module_level/2, unset_module_level/1,
         compare_levels/2, timestamp/0]).
%% Used by the bundled behaviours: print a report already formatted.
-export([report/3, format_report/1]).
%% The server's loop.
-export([server_init/1]).

-define(SERVER, logger).

emergency(A) -> log(emergency, A).
emergency(A, B) -> log(emergency, A, B).
emergency(A, B, C) -> log(emergency, A, B, C).
alert(A) -> log(alert, A).
alert(A, B) -> log(alert, A, B).
alert(A, B, C) -> log(alert, A, B, C).
critical(A) -> log(critical, A).
critical(A, B) -> log(critical, A, B).
critical(A, B, C) -> log(critical, A, B, C).
error(A) -> log(error, A).
error(A, B) -> log(error, A, B).
error(A, B, C) -> log(error, A, B, C).
warning(A) -> log(warning, A).
warning(A, B) -> log(warning, A, B).
warning(A, B, C) -> log(warning, A, B, C).
notice(A) -> log(notice, A).
notice(A, B) -> log(notice, A, B).
notice(A, B, C) -> log(notice, A, B, C).
info(A) -> log(info, A).
info(A, B) -> log(info, A, B).
info(A, B, C) -> log(info, A, B, C).
debug(A) -> log(debug, A).
debug(A, B) -> log(debug, A, B).
debug(A, B, C) -> log(debug, A, B, C).

%% log(Level, StringOrReport), log(Level, Format, Args),
%% log(Level, Report, Metadata), log(Level, Format, Args, Metadata).
log(Level, Msg) ->
    log(Level, Msg, #{}).

log(Level, Fun, FunArgs) when is_function(Fun, 1) ->
    log_fun(Level, Fun, FunArgs, #{});
log(Level, Format, Args) when is_list(Args), not is_map(Format) ->
    log(Level, Format, Args, #{});
log(Level, Msg, Meta) when is_map(Meta) ->
    check_level(Level),
    emit(Level, text_of(Msg, Meta), Meta).

log(Level, Fun, FunArgs, Meta) when is_function(Fun, 1), is_map(Meta) ->
    log_fun(Level, Fun, FunArgs, Meta);
log(Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    check_level(Level),
    emit(Level, io_lib:format(Format, Args), Meta).

log_fun(Level, Fun, FunArgs, Meta) ->
    check_level(Level),
    case Fun(FunArgs) of
        {Format, Args} when is_list(Args) ->
            emit(Level, io_lib:format(Format, Args), Meta);
        {Format, Args, Meta2} when is_list(Args), is_map(Meta2) ->
            emit(Level, io_lib:format(Format, Args), maps:merge(Meta, Meta2));
        Other ->
            emit(Level, text_of(Other, Meta), Meta)
    end.

%% The logger.hrl macros call allow/2 and then macro_log.
allow(Level, _Module) ->
    check_level(Level),
    true.

macro_log(Location, Level, Msg) ->
    log(Level, Msg, Location).
macro_log(Location, Level, A, B) when is_map(B) ->
    log(Level, A, maps:merge(Location, B));
macro_log(Location, Level, A, B) ->
    log(Level, A, B, Location).
macro_log(Location, Level, Format, Args, Meta) ->
    log(Level, Format, Args, maps:merge(Location, Meta)).

check_level(L) ->
    case level_num(L) of
        undefined -> erlang:error(badarg, [L]);
        _ -> ok
    end.

%% text_of(Msg, Meta): the text of a string or a report. A report is
%% printed with the report_cb of its metadata, or as "    Key: Value"
%% lines.
text_of({string, S}, _Meta) ->
    S;
text_of({report, R}, Meta) ->
    report_text(R, Meta);
text_of(S, _Meta) when is_binary(S) ->
    S;
text_of(L, Meta) when is_list(L) ->
    case is_chardata(L) of
        true -> L;
        false -> report_text(L, Meta)
    end;
text_of(R, Meta) when is_map(R) ->
    report_text(R, Meta);
text_of(Other, _Meta) ->
    io_lib:format("~tp", [Other]).

is_chardata(L) ->
    try unicode:characters_to_list(L) of
        Cs -> is_list(Cs)
    catch
        _:_ -> false
    end.

report_text(R, #{report_cb := Cb}) when is_function(Cb, 1) ->
    {Format, Args} = Cb(R),
    io_lib:format(Format, Args);
report_text(R, #{report_cb := Cb}) when is_function(Cb, 2) ->
    Cb(R, #{depth => unlimited, chars_limit => unlimited, single_line => false});
report_text(R, _Meta) ->
    format_report(R).

%% format_report(Report): a map or a list of {Key, Value} as
%% "    Key: Value" lines (a string value printed as text); anything else
%% as a term.
format_report(R) when is_map(R) ->
    format_report(lists:sort(maps:to_list(R)));
format_report([_ | _] = R) ->
    case io_lib:printable_unicode_list(R) of
        true -> io_lib:format("~ts", [R]);
        false -> lists:join($\n, [report_line(E) || E <- R])
    end;
format_report(R) ->
    io_lib:format("~tp", [R]).

report_line({K, V}) ->
    case io_lib:printable_unicode_list(V) andalso V =/= [] of
        true -> io_lib:format("    ~tp: ~ts", [K, V]);
        false -> io_lib:format("    ~tp: ~tp", [K, V])
    end;
report_line(E) ->
    io_lib:format("    ~tp", [E]).

%% report(Level, Label, Text): prints Text under the header
%% "=Label REPORT====" when Level passes the primary level and the default
%% handler is installed.
report(Level, Label, Text) ->
    Srv = server(),
    Srv ! {log, Level, Label, timestamp(), Text},
    ok.

emit(Level, Text, _Meta) ->
    Label = string:uppercase(atom_to_list(Level)),
    report(Level, Label, Text).

%% timestamp(): now in microseconds of system time, as logger stamps
%% events.
timestamp() ->
    os:system_time(microsecond).

%%% Configuration.

add_handler(Id, Module, Config) when is_atom(Id), is_atom(Module), is_map(Config) ->
    call({add_handler, Id});
add_handler(Id, Module, Config) ->
    erlang:error(badarg, [Id, Module, Config]).

remove_handler(Id) ->
    call({remove_handler, Id}).

get_handler_ids() ->
    call(get_handler_ids).

set_primary_config(level, Level) ->
    case Level =:= all orelse Level =:= none orelse level_num(Level) =/= undefined of
        true -> call({set_level, Level});
        false -> {error, {invalid_level, Level}}
    end;
set_primary_config(Key, Value) ->
    {error, {invalid_config, Key, Value}}.

get_primary_config() ->
    #{level => call(get_level), filter_default => log, filters => [], metadata => #{}}.

set_module_level(_Modules, _Level) -> ok.
unset_module_level(_Modules) -> ok.

compare_levels(A, B) ->
    case {level_num(A), level_num(B)} of
        {undefined, _} -> erlang:error(badarg, [A, B]);
        {_, undefined} -> erlang:error(badarg, [A, B]);
        {N, N} -> eq;
        {N, M} when N < M -> gt;
        _ -> lt
    end.

level_num(emergency) -> 0;
level_num(alert) -> 1;
level_num(critical) -> 2;
level_num(error) -> 3;
level_num(warning) -> 4;
level_num(notice) -> 5;
level_num(info) -> 6;
level_num(debug) -> 7;
level_num(_) -> undefined.

%%% The server.

call(Req) ->
    Srv = server(),
    Ref = erlang:monitor(process, Srv),
    Srv ! {call, self(), Ref, Req},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, process, _, Reason} ->
            erlang:exit(Reason)
    end.

%% server(): the server's pid, starting it if needed. Two processes may
%% start one at the same time; the one that fails to register stops.
server() ->
    case whereis(?SERVER) of
        undefined ->
            Self = self(),
            {Pid, Ref} = spawn_monitor(?MODULE, server_init, [Self]),
            receive
                {Pid, registered} ->
                    erlang:demonitor(Ref, [flush]),
                    Pid;
                {'DOWN', Ref, process, Pid, _} ->
                    server()
            end;
        Pid ->
            Pid
    end.

server_init(Starter) ->
    try register(?SERVER, self()) of
        true ->
            Starter ! {self(), registered},
            server_loop(notice, [default])
    catch
        error:badarg -> ok
    end.

server_loop(Level, Handlers) ->
    receive
        {log, L, Label, Time, Text} ->
            case lists:member(default, Handlers) andalso passes(L, Level) of
                true -> print(Label, Time, Text);
                false -> ok
            end,
            server_loop(Level, Handlers);
        {call, From, Ref, Req} ->
            {Reply, Level1, Handlers1} = server_call(Req, Level, Handlers),
            From ! {Ref, Reply},
            server_loop(Level1, Handlers1);
        _ ->
            server_loop(Level, Handlers)
    end.

server_call({add_handler, Id}, Level, Handlers) ->
    case lists:member(Id, Handlers) of
        true -> {{error, {already_exist, Id}}, Level, Handlers};
        false -> {ok, Level, Handlers ++ [Id]}
    end;
server_call({remove_handler, Id}, Level, Handlers) ->
    case lists:member(Id, Handlers) of
        true -> {ok, Level, lists:delete(Id, Handlers)};
        false -> {{error, {not_found, Id}}, Level, Handlers}
    end;
server_call(get_handler_ids, Level, Handlers) ->
    {Handlers, Level, Handlers};
server_call({set_level, L}, _Level, Handlers) ->
    {ok, L, Handlers};
server_call(get_level, Level, Handlers) ->
    {Level, Level, Handlers}.

passes(_L, all) -> true;
passes(_L, none) -> false;
passes(L, Level) -> level_num(L) =< level_num(Level).

print(Label, Time, Text) ->
    Header = ["=", Label, " REPORT==== ", format_time(Time), " ===\n"],
    io:put_chars(standard_error, [Header, Text, $\n]).

%% format_time(Us): "21-Nov-2026::16:09:12.528681" in local time.
format_time(Us) ->
    Secs = Us div 1000000,
    Micro = Us rem 1000000,
    Days = Secs div 86400,
    Rem = Secs rem 86400,
    Utc = {civil(Days), {Rem div 3600, (Rem rem 3600) div 60, Rem rem 60}},
    {{Y, Mo, D}, {H, Mi, S}} = erlang:universaltime_to_localtime(Utc),
    io_lib:format("~w-~s-~4..0w::~2..0w:~2..0w:~2..0w.~6..0w",
                  [D, month(Mo), Y, H, Mi, S, Micro]).

%% civil(Days): the date Days days after 1970-01-01.
civil(Days) ->
    Z = Days + 719468,
    Era = (if Z >= 0 -> Z; true -> Z - 146096 end) div 146097,
    DoE = Z - Era * 146097,
    YoE = (DoE - DoE div 1460 + DoE div 36524 - DoE div 146096) div 365,
    DoY = DoE - (365 * YoE + YoE div 4 - YoE div 100),
    MP = (5 * DoY + 2) div 153,
    D = DoY - (153 * MP + 2) div 5 + 1,
    M = if MP < 10 -> MP + 3; true -> MP - 9 end,
    Y = YoE + Era * 400 + (if M =< 2 -> 1; true -> 0 end),
    {Y, M, D}.

month(M) ->
    element(M, {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}).

%% logger: beamr's logger, in both stdlib modes (OTP's logger needs the
%% kernel application's logger processes and tables, which beamr does not
%% start). It keeps OTP's API for what programs and OTP's own behaviours
%% use: the level checks behind the ?LOG_* macros (allow/2, macro_log/3,4,5),
%% log/2,3,4 and the per-level functions, primary and module levels,
%% process metadata, and handlers. The default handler (id default,
%% module logger_std_h) writes events as erl -noshell prints them — the
%% legacy "=LEVEL REPORT==== date ===" header, then the message — to
%% standard error, where beamr writes every report. Other handlers get
%% Module:log(LogEvent, Config) in the logging process, as OTP calls them.
%%
%% The configuration lives in persistent_term under {logger, Key}.
-module(logger).

-export([allow/2, macro_log/3, macro_log/4, macro_log/5,
         log/2, log/3, log/4,
         emergency/1, emergency/2, emergency/3,
         alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3,
         error/1, error/2, error/3,
         warning/1, warning/2, warning/3,
         notice/1, notice/2, notice/3,
         info/1, info/2, info/3,
         debug/1, debug/2, debug/3,
         set_primary_config/1, set_primary_config/2, get_primary_config/0,
         update_primary_config/1,
         add_handler/3, remove_handler/1, get_handler_ids/0,
         get_handler_config/0, get_handler_config/1,
         set_handler_config/2, set_handler_config/3, update_handler_config/2,
         set_module_level/2, unset_module_level/0, unset_module_level/1,
         get_module_level/0, get_module_level/1,
         set_process_metadata/1, update_process_metadata/1,
         get_process_metadata/0, unset_process_metadata/0,
         format_report/1, format_otp_report/1, compare_levels/2,
         timestamp/0, get_config/0, i/0]).
%% Used by beamr's bundled behaviours: log a report already formatted.
-export([report/3]).

-compile({no_auto_import, [error/2, error/3]}).

-define(KEY(K), {?MODULE, K}).
-define(META, '$logger_metadata$').
-define(IS_LEVEL(L), (L =:= emergency orelse L =:= alert orelse L =:= critical orelse
                      L =:= error orelse L =:= warning orelse L =:= notice orelse
                      L =:= info orelse L =:= debug)).

%%% Levels.

level_int(emergency) -> 0;
level_int(alert) -> 1;
level_int(critical) -> 2;
level_int(error) -> 3;
level_int(warning) -> 4;
level_int(notice) -> 5;
level_int(info) -> 6;
level_int(debug) -> 7;
level_int(all) -> 7;
level_int(none) -> -1.

valid_level(L) -> ?IS_LEVEL(L) orelse L =:= all orelse L =:= none.

primary_level() -> persistent_term:get(?KEY(level), notice).

module_levels() -> persistent_term:get(?KEY(module_levels), #{}).

allow(Level, Module) when ?IS_LEVEL(Level), is_atom(Module) ->
    Max = case module_levels() of
              #{Module := L} -> L;
              _ -> primary_level()
          end,
    level_int(Level) =< level_int(Max).

compare_levels(A, B) when ?IS_LEVEL(A), ?IS_LEVEL(B) ->
    IA = level_int(A),
    IB = level_int(B),
    if IA < IB -> gt;
       IA > IB -> lt;
       true -> eq
    end;
compare_levels(A, B) ->
    erlang:error(badarg, [A, B]).

%%% Logging.

macro_log(Location, Level, StringOrReport) ->
    log_allowed(Location, Level, msg(StringOrReport), #{}).

macro_log(Location, Level, StringOrReport, Meta) when is_map(Meta), not is_function(StringOrReport) ->
    log_allowed(Location, Level, msg(StringOrReport), Meta);
macro_log(Location, Level, FunOrFormat, Args) ->
    log_allowed(Location, Level, {FunOrFormat, Args}, #{}).

macro_log(Location, Level, FunOrFormat, Args, Meta) ->
    log_allowed(Location, Level, {FunOrFormat, Args}, Meta).

log(Level, StringOrReport) ->
    do_log(Level, msg(StringOrReport), #{}).

log(Level, StringOrReport, Meta) when is_map(Meta), not is_function(StringOrReport) ->
    do_log(Level, msg(StringOrReport), Meta);
log(Level, FunOrFormat, Args) ->
    do_log(Level, {FunOrFormat, Args}, #{}).

log(Level, FunOrFormat, Args, Meta) ->
    do_log(Level, {FunOrFormat, Args}, Meta).

emergency(X) -> log(emergency, X).
emergency(X, Y) -> log(emergency, X, Y).
emergency(X, Y, Z) -> log(emergency, X, Y, Z).
alert(X) -> log(alert, X).
alert(X, Y) -> log(alert, X, Y).
alert(X, Y, Z) -> log(alert, X, Y, Z).
critical(X) -> log(critical, X).
critical(X, Y) -> log(critical, X, Y).
critical(X, Y, Z) -> log(critical, X, Y, Z).
error(X) -> log(error, X).
error(X, Y) -> log(error, X, Y).
error(X, Y, Z) -> log(error, X, Y, Z).
warning(X) -> log(warning, X).
warning(X, Y) -> log(warning, X, Y).
warning(X, Y, Z) -> log(warning, X, Y, Z).
notice(X) -> log(notice, X).
notice(X, Y) -> log(notice, X, Y).
notice(X, Y, Z) -> log(notice, X, Y, Z).
info(X) -> log(info, X).
info(X, Y) -> log(info, X, Y).
info(X, Y, Z) -> log(info, X, Y, Z).
debug(X) -> log(debug, X).
debug(X, Y) -> log(debug, X, Y).
debug(X, Y, Z) -> log(debug, X, Y, Z).

msg(Report) when is_map(Report) -> {report, Report};
msg([{_, _} | _] = Report) -> {report, Report};
msg(String) -> {string, String}.

do_log(Level, Msg, Meta) when ?IS_LEVEL(Level), is_map(Meta) ->
    Module = case Meta of
                 #{mfa := {M, _, _}} -> M;
                 _ -> undefined
             end,
    case allow(Level, Module) of
        true -> log_allowed(#{}, Level, Msg, Meta);
        false -> ok
    end;
do_log(Level, Msg, Meta) ->
    erlang:error(badarg, [Level, Msg, Meta]).

log_allowed(Location, Level, {Fun, FunArgs}, Meta) when is_function(Fun, 1) ->
    try Fun(FunArgs) of
        ignore -> ok;
        {FunRes, #{} = FunMeta} -> log_allowed(Location, Level, msg_of(FunRes), maps:merge(Meta, FunMeta));
        FunRes -> log_allowed(Location, Level, msg_of(FunRes), Meta)
    catch C:R ->
            log_allowed(Location, Level,
                        {"LAZY_FUN CRASH: ~tp; Reason: ~tp", [{Fun, FunArgs}, {C, R}]}, Meta)
    end;
log_allowed(Location, Level, Msg, CallMeta) ->
    Base = #{pid => self(), gl => group_leader(), time => timestamp()},
    ProcMeta = case get(?META) of
                   M when is_map(M) -> M;
                   _ -> #{}
               end,
    Meta = maps:merge(maps:merge(maps:merge(Base, Location), ProcMeta), CallMeta),
    Event = #{level => Level, msg => Msg, meta => Meta},
    LevelInt = level_int(Level),
    lists:foreach(
      fun({Id, Module, Config}) ->
              HLevel = maps:get(level, Config, all),
              case LevelInt =< level_int(HLevel) of
                  true -> call_handler(Id, Module, Event, Config);
                  false -> ok
              end
      end, handlers()),
    ok.

msg_of({Format, Args}) when is_list(Args) -> {Format, Args};
msg_of(Other) -> msg(Other).

call_handler(_Id, logger_std_h, Event, Config) ->
    Text = try format_event(Event, Config)
           catch C:R -> io_lib:format("FORMATTER CRASH: ~tp~n", [{C, R}])
           end,
    io:put_chars(standard_error, Text);
call_handler(Id, Module, Event, Config) ->
    try Module:log(Event, Config#{id => Id, module => Module})
    catch _:_ -> remove_handler(Id)
    end.

%%% The default handler's format: erl -noshell's legacy one.

format_event(#{level := Level, msg := Msg, meta := Meta}, _Config) ->
    Title = case Meta of
                #{logger_formatter := #{title := T}} -> T;
                _ -> string:uppercase(atom_to_list(title_level(Level, Meta))) ++ " REPORT"
            end,
    {{Y, Mo, D}, {H, Mi, S}, Micro} = local_time(maps:get(time, Meta, timestamp())),
    Header = io_lib:format("=~ts==== ~w-~s-~4w::~2..0w:~2..0w:~2..0w.~6..0w ===",
                           [Title, D, month(Mo), Y, H, Mi, S, Micro]),
    [Header, "\n", format_msg(Msg, Meta), "\n"].

title_level(notice, #{error_logger := _}) -> info;
title_level(Level, _) -> Level.

format_msg({string, Chardata}, _Meta) ->
    io_lib:format("~ts", [Chardata]);
format_msg({report, Report}, #{report_cb := Fun}) when is_function(Fun, 2) ->
    Fun(Report, #{depth => unlimited, chars_limit => unlimited, single_line => false});
format_msg({report, Report}, #{report_cb := Fun}) when is_function(Fun, 1) ->
    {Format, Args} = Fun(Report),
    io_lib:format(Format, Args);
format_msg({report, Report}, _Meta) ->
    {Format, Args} = format_report(Report),
    io_lib:format(Format, Args);
format_msg({Format, Args}, _Meta) ->
    io_lib:format(Format, Args).

%% error_logger's reports print a map whole, as OTP's error_logger does.
format_otp_report(#{label := {error_logger, _}, report := Report}) when is_map(Report) ->
    {"~tp~n", [Report]};
format_otp_report(#{label := _, report := Report}) -> format_report(Report);
format_otp_report(Report) -> format_report(Report).

format_report(Report) when is_map(Report) ->
    format_report(maps:to_list(Report));
format_report(Report) when is_list(Report) ->
    case lists:flatten(Report) of
        [] -> {"~tp", [[]]};
        FlatList ->
            case string_p1(FlatList) of
                true -> {"~ts", [FlatList]};
                false -> format_term_list(Report, [], [])
            end
    end;
format_report(Report) ->
    {"~tp", [Report]}.

format_term_list([{Tag, Data} | T], Format, Args) ->
    PorS = case string_p(Data) of
               true -> "s";
               false -> "p"
           end,
    format_term_list(T, ["    ~tp: ~t" ++ PorS | Format], [Data, Tag | Args]);
format_term_list([Data | T], Format, Args) ->
    format_term_list(T, ["    ~tp" | Format], [Data | Args]);
format_term_list([], Format, Args) ->
    {lists:flatten(lists:join($\n, lists:reverse(Format))), lists:reverse(Args)}.

string_p(List) when is_list(List) -> string_p1(lists:flatten(List));
string_p(_) -> false.

string_p1([]) -> false;
string_p1(FlatList) -> io_lib:printable_unicode_list(FlatList).

month(M) ->
    element(M, {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}).

timestamp() -> os:system_time(microsecond).

%% local_time(Microseconds since the epoch) -> {Date, Time, Micro}.
local_time(T) ->
    Secs = T div 1000000,
    Micro = T rem 1000000,
    Days = Secs div 86400,
    Rem = Secs rem 86400,
    Utc = {civil_date(Days), {Rem div 3600, Rem rem 3600 div 60, Rem rem 60}},
    {Date, Time} = erlang:universaltime_to_localtime(Utc),
    {Date, Time, Micro}.

%% civil_date(Days since 1970-01-01) -> {Y, M, D} (proleptic Gregorian).
civil_date(Days) ->
    Z = Days + 719468,
    Era = (if Z >= 0 -> Z; true -> Z - 146096 end) div 146097,
    Doe = Z - Era * 146097,
    Yoe = (Doe - Doe div 1460 + Doe div 36524 - Doe div 146096) div 365,
    Doy = Doe - (365 * Yoe + Yoe div 4 - Yoe div 100),
    Mp = (5 * Doy + 2) div 153,
    D = Doy - (153 * Mp + 2) div 5 + 1,
    M = if Mp < 10 -> Mp + 3; true -> Mp - 9 end,
    Y = Yoe + Era * 400 + (if M =< 2 -> 1; true -> 0 end),
    {Y, M, D}.

%%% Configuration.

handlers() ->
    persistent_term:get(?KEY(handlers), [{default, logger_std_h, default_handler_config()}]).

set_handlers(Hs) -> persistent_term:put(?KEY(handlers), Hs).

default_handler_config() ->
    #{level => all, filter_default => log, filters => [],
      formatter => {logger_formatter, #{legacy_header => true, single_line => false}},
      config => #{type => standard_error}}.

get_primary_config() ->
    #{level => primary_level(), filter_default => log, filters => [],
      metadata => persistent_term:get(?KEY(metadata), #{})}.

set_primary_config(level, Level) ->
    case valid_level(Level) of
        true -> persistent_term:put(?KEY(level), Level);
        false -> {error, {invalid_level, Level}}
    end;
set_primary_config(metadata, Meta) when is_map(Meta) ->
    persistent_term:put(?KEY(metadata), Meta);
set_primary_config(filter_default, D) when D =:= log; D =:= stop ->
    ok;
set_primary_config(filters, L) when is_list(L) ->
    ok;
set_primary_config(Key, Value) ->
    {error, {invalid_config, Key, Value}}.

set_primary_config(Config) when is_map(Config) ->
    update_primary_config(Config).

update_primary_config(Config) when is_map(Config) ->
    maps:fold(fun(K, V, ok) -> set_primary_config(K, V);
                 (_, _, Err) -> Err
              end, ok, Config).

add_handler(Id, Module, Config) when is_atom(Id), is_atom(Module), is_map(Config) ->
    Hs = handlers(),
    case lists:keymember(Id, 1, Hs) of
        true -> {error, {already_exist, Id}};
        false ->
            Full = maps:merge(#{level => all, filter_default => log, filters => []}, Config),
            case erlang:function_exported(Module, adding_handler, 1)
                orelse code:ensure_loaded(Module) =:= {module, Module}
                andalso erlang:function_exported(Module, adding_handler, 1) of
                true ->
                    case catch Module:adding_handler(Full#{id => Id, module => Module}) of
                        {ok, Full1} -> set_handlers(Hs ++ [{Id, Module, Full1}]);
                        {error, _} = Err -> Err;
                        Other -> {error, {callback_crashed, Other}}
                    end;
                false ->
                    set_handlers(Hs ++ [{Id, Module, Full}])
            end
    end.

remove_handler(Id) ->
    Hs = handlers(),
    case lists:keyfind(Id, 1, Hs) of
        false -> {error, {not_found, Id}};
        {Id, Module, Config} ->
            set_handlers(lists:keydelete(Id, 1, Hs)),
            _ = (catch Module:removing_handler(Config#{id => Id, module => Module})),
            ok
    end.

get_handler_ids() -> [Id || {Id, _, _} <- handlers()].

get_handler_config() ->
    [C#{id => Id, module => M} || {Id, M, C} <- handlers()].

get_handler_config(Id) ->
    case lists:keyfind(Id, 1, handlers()) of
        {Id, M, C} -> {ok, C#{id => Id, module => M}};
        false -> {error, {not_found, Id}}
    end.

set_handler_config(Id, Key, Value) ->
    update_handler_config(Id, #{Key => Value}).

set_handler_config(Id, Config) when is_map(Config) ->
    case lists:keyfind(Id, 1, handlers()) of
        {Id, M, _} ->
            set_handlers(lists:keyreplace(Id, 1, handlers(), {Id, M, maps:merge(#{level => all}, Config)}));
        false -> {error, {not_found, Id}}
    end.

update_handler_config(Id, Config) when is_map(Config) ->
    case lists:keyfind(Id, 1, handlers()) of
        {Id, M, Old} ->
            set_handlers(lists:keyreplace(Id, 1, handlers(), {Id, M, maps:merge(Old, Config)}));
        false -> {error, {not_found, Id}}
    end.

set_module_level(Modules, Level) when is_list(Modules) ->
    case valid_level(Level) of
        true ->
            persistent_term:put(?KEY(module_levels),
                                maps:merge(module_levels(), maps:from_list([{M, Level} || M <- Modules])));
        false -> {error, {invalid_level, Level}}
    end;
set_module_level(Module, Level) ->
    set_module_level([Module], Level).

unset_module_level() ->
    persistent_term:put(?KEY(module_levels), #{}).

unset_module_level(Modules) when is_list(Modules) ->
    persistent_term:put(?KEY(module_levels), maps:without(Modules, module_levels()));
unset_module_level(Module) ->
    unset_module_level([Module]).

get_module_level() -> lists:sort(maps:to_list(module_levels())).

get_module_level(Modules) when is_list(Modules) ->
    [{M, L} || {M, L} <- get_module_level(), lists:member(M, Modules)];
get_module_level(Module) ->
    get_module_level([Module]).

set_process_metadata(Meta) when is_map(Meta) ->
    put(?META, Meta),
    ok.

update_process_metadata(Meta) when is_map(Meta) ->
    set_process_metadata(maps:merge(get_process_metadata_map(), Meta)).

get_process_metadata() ->
    case get(?META) of
        M when is_map(M) -> M;
        _ -> undefined
    end.

get_process_metadata_map() ->
    case get(?META) of
        M when is_map(M) -> M;
        _ -> #{}
    end.

unset_process_metadata() ->
    _ = erase(?META),
    ok.

get_config() ->
    #{primary => get_primary_config(), handlers => get_handler_config(),
      proxy => #{}, module_levels => get_module_level()}.

i() ->
    io:format("~tp~n", [get_config()]).

%% report(Level, Label, Text): what beamr's bundled behaviours (proc_lib,
%% gen_server, supervisor, application) log: Text, already formatted as
%% erl prints it, under the header "=Label REPORT==== Date ===", when
%% Level passes the primary level and the default handler is installed.
report(Level, Label, Text) ->
    case allow(Level, ?MODULE) of
        true ->
            case lists:keyfind(default, 1, handlers()) of
                {default, Module, Config} ->
                    Meta = #{time => timestamp(),
                             logger_formatter => #{title => Label ++ " REPORT"}},
                    call_handler(default, Module, #{level => Level, msg => {string, Text},
                                                    meta => Meta}, Config);
                false ->
                    ok
            end;
        false ->
            ok
    end.

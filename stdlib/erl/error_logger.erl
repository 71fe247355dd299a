%% error_logger: the old logging API, passed on to logger as OTP does
%% since logger replaced it. Messages and standard reports (std_error,
%% std_warning, std_info) are printed under the =ERROR REPORT====,
%% =WARNING REPORT==== and =INFO REPORT==== headers; reports of other
%% types are not printed by the default handler. tty(false) removes the
%% default handler, tty(true) puts it back.
-module(error_logger).

-export([error_msg/1, error_msg/2, format/2, warning_msg/1, warning_msg/2,
         info_msg/1, info_msg/2, error_report/1, error_report/2,
         warning_report/1, warning_report/2, info_report/1, info_report/2,
         warning_map/0, tty/1, logfile/1]).

error_msg(Format) -> error_msg(Format, []).
error_msg(Format, Args) -> msg(error, "ERROR", Format, Args).

format(Format, Args) -> error_msg(Format, Args).

warning_msg(Format) -> warning_msg(Format, []).
warning_msg(Format, Args) -> msg(warning, "WARNING", Format, Args).

info_msg(Format) -> info_msg(Format, []).
info_msg(Format, Args) -> msg(notice, "INFO", Format, Args).

error_report(Report) -> error_report(std_error, Report).
error_report(Type, Report) -> report(Type, std_error, error, "ERROR", Report).

warning_report(Report) -> warning_report(std_warning, Report).
warning_report(Type, Report) -> report(Type, std_warning, warning, "WARNING", Report).

info_report(Report) -> info_report(std_info, Report).
info_report(Type, Report) -> report(Type, std_info, notice, "INFO", Report).

warning_map() -> warning.

tty(true) ->
    _ = logger:add_handler(default, logger_std_h, #{}),
    ok;
tty(false) ->
    _ = logger:remove_handler(default),
    ok.

logfile(_Request) ->
    {error, enotsup}.

msg(Level, Label, Format, Args) ->
    Text = try io_lib:format(Format, Args)
           catch _:_ -> io_lib:format("FORMAT ERROR: ~tp - ~tp", [Format, Args])
           end,
    logger:report(Level, Label, Text).

%% Reports of a type of one's own are not shown by the default handler.
report(Type, Type, Level, Label, Report) when is_map(Report) ->
    logger:report(Level, Label, io_lib:format("~tp~n", [Report]));
report(Type, Type, Level, Label, Report) ->
    logger:report(Level, Label, logger:format_report(Report));
report(_Type, _Std, _Level, _Label, _Report) ->
    ok.

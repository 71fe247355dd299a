%% error_logger: the old error-reporting API, as OTP 25 keeps it: every
%% call becomes a logger event (in OTP's shape: the error_logger metadata
%% and a report for reports), printed by logger's handlers. beamr serves
%% this module in both stdlib modes (OTP's reads its depth from the
%% kernel application's environment). Report handlers (gen_event) are not
%% supported.
-module(error_logger).

-export([error_msg/1, error_msg/2, format/2,
         error_report/1, error_report/2,
         warning_msg/1, warning_msg/2,
         warning_report/1, warning_report/2,
         info_msg/1, info_msg/2,
         info_report/1, info_report/2,
         get_format_depth/0, limit_term/1, warning_map/0,
         add_report_handler/1, add_report_handler/2, delete_report_handler/1,
         which_report_handlers/0, tty/1, logfile/1]).

error_msg(Format) -> error_msg(Format, []).
error_msg(Format, Args) -> msg(error, error, Format, Args).
format(Format, Args) -> error_msg(Format, Args).

warning_msg(Format) -> warning_msg(Format, []).
warning_msg(Format, Args) -> msg(warning_map(), warning_msg, Format, Args).

info_msg(Format) -> info_msg(Format, []).
info_msg(Format, Args) -> msg(notice, info_msg, Format, Args).

error_report(Report) -> error_report(std_error, Report).
error_report(Type, Report) -> std_report(std_error, error, error_report, Type, Report).

warning_report(Report) -> warning_report(std_warning, Report).
warning_report(Type, Report) -> std_report(std_warning, warning_map(), warning_report, Type, Report).

info_report(Report) -> info_report(std_info, Report).
info_report(Type, Report) -> std_report(std_info, notice, info_report, Type, Report).

%% A report of a type of its own (not the standard one of its level) is
%% left to report handlers: erl's default handler does not print it.
std_report(Type, Level, Tag, Type, Report) -> report(Level, Tag, Type, Report);
std_report(_Std, _Level, _Tag, _Type, _Report) -> ok.

msg(Level, Tag, Format, Args) ->
    case logger:allow(Level, ?MODULE) of
        true ->
            logger:macro_log(#{}, Level, Format, Args, #{error_logger => #{tag => Tag}});
        false ->
            ok
    end.

report(Level, Tag, Type, Report) ->
    case logger:allow(Level, ?MODULE) of
        true ->
            %% As OTP's: the report goes under a label, and the report
            %% callback prints the report itself (a term that is not a
            %% list or map as ~tp).
            Msg = #{label => {error_logger, Tag}, report => Report},
            logger:macro_log(#{}, Level, Msg,
                             #{error_logger => #{tag => Tag, type => Type},
                               report_cb => fun logger:format_otp_report/1});
        false ->
            ok
    end.

get_format_depth() -> unlimited.

limit_term(Term) -> Term.

warning_map() -> warning.

add_report_handler(Module) -> add_report_handler(Module, []).
add_report_handler(_Module, _Args) -> {error, notsup}.
delete_report_handler(_Module) -> {error, module_not_found}.
which_report_handlers() -> [].

tty(_Flag) -> ok.
logfile(_Request) -> {error, enotsup}.

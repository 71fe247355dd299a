-module(report_logger).
-behaviour(application).
-export([main/0, start/2, stop/1, init/1]).

%% Reports printed through logger and error_logger calls (messages,
%% reports as lists and maps, report types the default handler leaves
%% out), the primary level, and the notice an application's master gives
%% when the application stops or its top supervisor dies
%% (report_logger.app sits next to this file). The program prints
%% nothing itself.

main() ->
    error_logger:error_msg("x ~p~n", [1]),
    error_logger:error_msg("plain"),
    error_logger:warning_msg("w ~p", [2]),
    error_logger:info_msg("i ~p", [3]),
    error_logger:error_report([{a, 1}, {bbb, "str"}, x]),
    error_logger:error_report(foo),
    error_logger:warning_report(#{k => v}),
    error_logger:info_report([{a, 1}]),
    error_logger:error_report(mytype, [{a, 1}]),
    logger:error(#{x => 1, y => [1, 2]}),
    logger:error([{x, 1}]),
    logger:error("format ~p and ~s", [term, "string"]),
    logger:notice("note"),
    logger:info("not shown"),
    logger:debug("not shown"),
    logger:set_primary_config(level, error),
    logger:warning("not shown either"),
    logger:set_primary_config(level, notice),
    sync(),
    ok = application:start(report_logger),
    ok = application:stop(report_logger),
    sync(),
    ok = application:start(report_logger),
    [Sup] = [P || P <- processes(), application:get_application(P) =:= {ok, report_logger},
                  erlang:process_info(P, registered_name) =:= {registered_name, report_logger_sup}],
    exit(Sup, kill),
    sync(),
    ok.

sync() ->
    timer:sleep(200),
    logger:get_handler_ids(),
    ok.

start(normal, []) ->
    supervisor:start_link({local, report_logger_sup}, ?MODULE, []).

stop(_State) ->
    ok.

init([]) ->
    {ok, {#{}, []}}.

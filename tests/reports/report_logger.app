{application, report_logger,
 [{vsn, "1"}, {applications, [kernel, stdlib]}, {mod, {report_logger, []}}]}.

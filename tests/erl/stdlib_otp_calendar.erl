-module(stdlib_otp_calendar).
-export([main/0]).

%% calendar from OTP's beam: day numbering, week days, leap years, ISO
%% weeks, the conversions between dates, times and seconds, RFC 3339 text
%% (in UTC and with explicit offsets), time differences and validity
%% checks. Nothing here depends on the machine's time zone or clock.
%% Later releases fail differently on a bad date.
%% beamr: later-runtime-differs

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    Dates = [{1970, 1, 1}, {2000, 2, 29}, {1999, 12, 31}, {2024, 3, 1}, {0, 1, 1}, {2100, 12, 31}],
    show("gregorian days", fun() -> [calendar:date_to_gregorian_days(D) || D <- Dates] end),
    show("days back", fun() -> [calendar:gregorian_days_to_date(calendar:date_to_gregorian_days(D)) || D <- Dates] end),
    show("day of week", fun() -> [calendar:day_of_the_week(D) || D <- Dates] end),
    show("day of week/3", fun() -> calendar:day_of_the_week(2023, 10, 15) end),
    show("leap years", fun() -> [{Y, calendar:is_leap_year(Y)} || Y <- [1900, 2000, 2023, 2024, 2100]] end),
    show("last day", fun() -> [calendar:last_day_of_the_month(Y, M) || {Y, M} <- [{2023, 2}, {2024, 2}, {2024, 4}, {2024, 12}]] end),
    show("iso week", fun() -> [calendar:iso_week_number(D) || D <- [{2021, 1, 3}, {2020, 12, 31}, {2024, 12, 30}, {2026, 6, 15}]] end),
    DT = {{2024, 2, 29}, {13, 45, 59}},
    show("datetime seconds", fun() -> calendar:datetime_to_gregorian_seconds(DT) end),
    show("seconds datetime", fun() -> calendar:gregorian_seconds_to_datetime(63881315159) end),
    show("time seconds", fun() -> {calendar:time_to_seconds({13, 45, 59}), calendar:seconds_to_time(49559)} end),
    show("daystime", fun() -> [calendar:seconds_to_daystime(S) || S <- [0, 86399, 86400, 200000, -1]] end),
    show("time difference", fun() -> calendar:time_difference({{2024, 1, 1}, {0, 0, 0}}, DT) end),
    show("valid", fun() -> [calendar:valid_date(D) || D <- [{2023, 2, 29}, {2024, 2, 29}, {2024, 13, 1}, {2024, 4, 31}]] end),
    show("valid/3", fun() -> calendar:valid_date(2024, 6, 31) end),
    show("rfc3339 utc", fun() -> calendar:system_time_to_rfc3339(1700000000, [{offset, "Z"}]) end),
    show("rfc3339 offset", fun() -> calendar:system_time_to_rfc3339(1700000000, [{offset, "+02:00"}]) end),
    show("rfc3339 ms", fun() -> calendar:system_time_to_rfc3339(1700000000123, [{unit, millisecond}, {offset, "-05:30"}]) end),
    show("rfc3339 sep", fun() -> calendar:system_time_to_rfc3339(0, [{offset, 3600}, {time_designator, $\s}]) end),
    show("from rfc3339", fun() -> [calendar:rfc3339_to_system_time(S) || S <- ["2023-11-14T22:13:20Z", "2023-11-15T00:13:20+02:00", "1970-01-01T00:00:00.5Z"]] end),
    show("from rfc3339 unit", fun() -> calendar:rfc3339_to_system_time("1970-01-01T00:00:01.25Z", [{unit, millisecond}]) end),
    show("universal from system", fun() -> calendar:system_time_to_universal_time(1700000000, second) end),
    show("now to universal", fun() -> calendar:now_to_universal_time({1700, 123456, 789}) end),
    show("bad date", fun() -> calendar:date_to_gregorian_days({2023, 2, 30}) end),
    ok.

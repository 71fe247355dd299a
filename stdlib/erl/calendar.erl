%% calendar: the proleptic Gregorian calendar from year 0. Days are
%% counted from 0000-01-01 (day 0), seconds from its midnight. Local time
%% conversions go through the erlang BIFs; RFC 3339 text converts to and
%% from system time in any time unit.
-module(calendar).

-export([date_to_gregorian_days/1, date_to_gregorian_days/3,
         datetime_to_gregorian_seconds/1, day_of_the_week/1,
         day_of_the_week/3, gregorian_days_to_date/1,
         gregorian_seconds_to_datetime/1, is_leap_year/1,
         iso_week_number/0, iso_week_number/1, last_day_of_the_month/2,
         local_time/0, local_time_to_universal_time/1,
         local_time_to_universal_time/2, local_time_to_universal_time_dst/1,
         now_to_datetime/1, now_to_local_time/1, now_to_universal_time/1,
         rfc3339_to_system_time/1, rfc3339_to_system_time/2,
         seconds_to_daystime/1, seconds_to_time/1,
         system_time_to_local_time/2, system_time_to_universal_time/2,
         system_time_to_rfc3339/1, system_time_to_rfc3339/2,
         time_difference/2, time_to_seconds/1, universal_time/0,
         universal_time_to_local_time/1, valid_date/1, valid_date/3]).

-define(DAY_SECS, 86400).
%% Seconds from 0000-01-01 to 1970-01-01.
-define(EPOCH_SECS, 62167219200).
%% Seconds from 1970-01-01 to 9999-12-31T23:59:59.
-define(LAST_SECS, 253402300799).

%% --- days ----------------------------------------------------------------

date_to_gregorian_days({Year, Month, Day}) ->
    date_to_gregorian_days(Year, Month, Day).

date_to_gregorian_days(Year, Month, Day) when is_integer(Day), Day > 0 ->
    Last = last_day_of_the_month(Year, Month),
    if
        Day =< Last ->
            year_start(Year) + month_start(Year, Month) + Day - 1
    end.

%% Days from 0000-01-01 to January 1st of Year.
year_start(0) -> 0;
year_start(Y) ->
    P = Y - 1,
    Y * 365 + P div 4 - P div 100 + P div 400 + 1.

%% Days from January 1st to the first of Month.
month_start(Year, Month) ->
    Base = element(Month, {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}),
    case Month > 2 andalso leap(Year) of
        true -> Base + 1;
        false -> Base
    end.

gregorian_days_to_date(Days) ->
    Year = find_year(Days),
    DayOfYear = Days - year_start(Year),
    {Month, Day} = month_day(Year, DayOfYear, 1),
    {Year, Month, Day}.

find_year(Days) when is_integer(Days), Days >= 0 ->
    adjust_year(Days, (Days * 400) div 146097);
find_year(Days) when is_integer(Days) ->
    erlang:error(function_clause, [Days]);
find_year(_) ->
    erlang:error(badarith).

adjust_year(Days, Y) ->
    case year_start(Y) of
        S when S > Days -> adjust_year(Days, Y - 1);
        _ ->
            case year_start(Y + 1) =< Days of
                true -> adjust_year(Days, Y + 1);
                false -> Y
            end
    end.

month_day(Year, DayOfYear, 12) ->
    {12, DayOfYear - month_start(Year, 12) + 1};
month_day(Year, DayOfYear, M) ->
    case month_start(Year, M + 1) > DayOfYear of
        true -> {M, DayOfYear - month_start(Year, M) + 1};
        false -> month_day(Year, DayOfYear, M + 1)
    end.

day_of_the_week({Year, Month, Day}) ->
    day_of_the_week(Year, Month, Day).

day_of_the_week(Year, Month, Day) ->
    (date_to_gregorian_days(Year, Month, Day) + 5) rem 7 + 1.

is_leap_year(Year) when is_integer(Year), Year >= 0 ->
    leap(Year).

leap(Y) when Y rem 4 =:= 0, Y rem 100 =/= 0 -> true;
leap(Y) when Y rem 400 =:= 0 -> true;
leap(_) -> false.

last_day_of_the_month(Year, Month) when is_integer(Year), Year >= 0 ->
    month_length(Year, Month).

month_length(Year, 2) ->
    case leap(Year) of
        true -> 29;
        false -> 28
    end;
month_length(_, M) when M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
month_length(_, M) when is_integer(M), M > 0, M < 13 -> 31.

valid_date({Year, Month, Day}) ->
    valid_date(Year, Month, Day).

valid_date(Year, Month, Day)
  when is_integer(Year), is_integer(Month), is_integer(Day) ->
    if
        Year >= 0, Month > 0, Month < 13, Day > 0 ->
            Day =< month_length(Year, Month);
        true ->
            false
    end.

iso_week_number() ->
    iso_week_number(erlang:date()).

iso_week_number({Year, Month, Day}) ->
    D = date_to_gregorian_days(Year, Month, Day),
    Next = week_one_start(Year + 1),
    This = week_one_start(Year),
    if
        D >= Next -> {Year + 1, 1};
        D >= This -> {Year, (D - This) div 7 + 1};
        true -> {Year - 1, (D - week_one_start(Year - 1)) div 7 + 1}
    end.

%% The day number of the Monday that starts ISO week 1 of Year.
week_one_start(Year) ->
    Jan1 = date_to_gregorian_days(Year, 1, 1),
    case day_of_the_week(Year, 1, 1) of
        W when W =< 4 -> Jan1 - W + 1;
        W -> Jan1 + 8 - W
    end.

%% --- seconds -------------------------------------------------------------

datetime_to_gregorian_seconds({Date, Time}) ->
    date_to_gregorian_days(Date) * ?DAY_SECS + time_to_seconds(Time).

gregorian_seconds_to_datetime(Secs) when is_integer(Secs), Secs >= 0 ->
    {gregorian_days_to_date(Secs div ?DAY_SECS),
     seconds_to_time(Secs rem ?DAY_SECS)};
gregorian_seconds_to_datetime(Secs) when is_integer(Secs) ->
    erlang:error(function_clause, [Secs]);
gregorian_seconds_to_datetime(_) ->
    erlang:error(badarith).

time_to_seconds({H, M, S}) when is_integer(H), is_integer(M), is_integer(S) ->
    H * 3600 + M * 60 + S.

seconds_to_time(Secs) when is_integer(Secs), Secs >= 0, Secs < ?DAY_SECS ->
    {Secs div 3600, (Secs rem 3600) div 60, Secs rem 60};
seconds_to_time(Secs) when is_float(Secs), Secs >= 0, Secs < ?DAY_SECS ->
    erlang:error(badarith);
seconds_to_time(Secs) ->
    erlang:error(function_clause, [Secs]).

seconds_to_daystime(Secs) ->
    Days = Secs div ?DAY_SECS,
    Rest = Secs rem ?DAY_SECS,
    if
        Rest < 0 -> {Days - 1, seconds_to_time(Rest + ?DAY_SECS)};
        true -> {Days, seconds_to_time(Rest)}
    end.

time_difference({{Y1, Mo1, D1}, {H1, Mi1, S1}}, {{Y2, Mo2, D2}, {H2, Mi2, S2}})
  when is_integer(Y1), is_integer(Mo1), is_integer(D1), is_integer(H1),
       is_integer(Mi1), is_integer(S1), is_integer(Y2), is_integer(Mo2),
       is_integer(D2), is_integer(H2), is_integer(Mi2), is_integer(S2) ->
    A = datetime_to_gregorian_seconds({{Y1, Mo1, D1}, {H1, Mi1, S1}}),
    B = datetime_to_gregorian_seconds({{Y2, Mo2, D2}, {H2, Mi2, S2}}),
    seconds_to_daystime(B - A).

%% --- clocks and zones ----------------------------------------------------

local_time() -> erlang:localtime().

universal_time() -> erlang:universaltime().

local_time_to_universal_time(DateTime) ->
    erlang:localtime_to_universaltime(DateTime).

local_time_to_universal_time(DateTime, IsDst) ->
    erlang:localtime_to_universaltime(DateTime, IsDst).

local_time_to_universal_time_dst(DateTime) ->
    UtDst = erlang:localtime_to_universaltime(DateTime, true),
    Ut = erlang:localtime_to_universaltime(DateTime, false),
    BackDst = erlang:universaltime_to_localtime(UtDst),
    Back = erlang:universaltime_to_localtime(Ut),
    if
        BackDst =:= DateTime, Back =:= DateTime, UtDst =/= Ut -> [UtDst, Ut];
        BackDst =:= DateTime -> [UtDst];
        Back =:= DateTime -> [Ut];
        true -> []
    end.

universal_time_to_local_time(DateTime) ->
    erlang:universaltime_to_localtime(DateTime).

now_to_datetime(Now) ->
    now_to_universal_time(Now).

now_to_universal_time({MegaSecs, Secs, _MicroSecs}) ->
    gregorian_seconds_to_datetime(MegaSecs * 1000000 + Secs + ?EPOCH_SECS).

now_to_local_time(Now) ->
    erlang:universaltime_to_localtime(now_to_universal_time(Now)).

system_time_to_universal_time(Time, Unit) ->
    Secs = erlang:convert_time_unit(Time, Unit, second),
    gregorian_seconds_to_datetime(Secs + ?EPOCH_SECS).

system_time_to_local_time(Time, Unit) ->
    erlang:universaltime_to_localtime(system_time_to_universal_time(Time, Unit)).

%% --- RFC 3339 ------------------------------------------------------------

system_time_to_rfc3339(Time) ->
    system_time_to_rfc3339(Time, []).

system_time_to_rfc3339(Time, Options) ->
    Unit = proplists:get_value(unit, Options, second),
    Unit =:= native andalso erlang:convert_time_unit(Time, native, second),
    Offset = proplists:get_value(offset, Options, ""),
    Sep = proplists:get_value(time_designator, Options, $T),
    PerSec = erlang:convert_time_unit(1, second, Unit),
    {OffsetSecs, OffsetText} = offset(Offset, Time, Unit),
    %% The seconds and the fraction are split by truncation, so a time
    %% just before the epoch keeps its fraction's magnitude (as OTP does).
    Local = Time + OffsetSecs * PerSec,
    Secs = Local div PerSec,
    if
        Secs < -?EPOCH_SECS; Secs > ?LAST_SECS ->
            erlang:error({badarg, [Time, Options]});
        true ->
            ok
    end,
    {{Y, Mo, D}, {H, Mi, S}} = gregorian_seconds_to_datetime(Secs + ?EPOCH_SECS),
    lists:append([pad(Y, 4), "-", pad(Mo, 2), "-", pad(D, 2), [Sep],
                  pad(H, 2), ":", pad(Mi, 2), ":", pad(S, 2),
                  fraction(frac_part(Local, Unit, PerSec), Unit, PerSec), OffsetText]).

%% offset(Option, Time, Unit) -> {offset in whole seconds, suffix text}.
offset("", Time, Unit) ->
    Secs = erlang:convert_time_unit(Time, Unit, second),
    Utc = gregorian_seconds_to_datetime(Secs + ?EPOCH_SECS),
    Loc = erlang:universaltime_to_localtime(Utc),
    Diff = datetime_to_gregorian_seconds(Loc) - datetime_to_gregorian_seconds(Utc),
    {Diff, offset_text(Diff)};
offset("Z", _, _) -> {0, "Z"};
offset("z", _, _) -> {0, "z"};
offset([Sign, H1, H2, $:, M1, M2] = Text, _, _)
  when Sign =:= $+; Sign =:= $- ->
    Secs = list_to_integer([H1, H2]) * 3600 + list_to_integer([M1, M2]) * 60,
    case Sign of
        $+ -> {Secs, Text};
        $- -> {-Secs, Text}
    end;
offset(Units, _, Unit) when is_integer(Units) ->
    Secs = erlang:convert_time_unit(Units, Unit, second),
    {Secs, offset_text(Secs)};
offset(Bad, _, _) when is_list(Bad) ->
    erlang:error(badarg).

offset_text(Secs) when Secs < 0 -> [$- | hh_mm(-Secs)];
offset_text(Secs) -> [$+ | hh_mm(Secs)].

hh_mm(Secs) ->
    pad(Secs div 3600, 2) ++ ":" ++ pad((Secs rem 3600) div 60, 2).

%% The fraction has as many digits as the unit resolves; native time is
%% shown in milliseconds.
fraction(_, _, 1) -> "";
fraction(Frac, native, _) ->
    [$. | pad(abs(erlang:convert_time_unit(Frac, native, millisecond)), 3)];
fraction(Frac, _, PerSec) ->
    Digits = length(integer_to_list(PerSec - 1)),
    [$. | pad(Frac, Digits)].

pad(N, Width) ->
    S = integer_to_list(N),
    lists:duplicate(Width - length(S), $0) ++ S.

frac_part(Local, native, PerSec) -> Local rem PerSec;
frac_part(Local, _, PerSec) -> abs(Local rem PerSec).

rfc3339_to_system_time(Text) ->
    rfc3339_to_system_time(Text, []).

rfc3339_to_system_time(Text, Options) ->
    Unit = proplists:get_value(unit, Options, second),
    [Y1, Y2, Y3, Y4, $-, Mo1, Mo2, $-, D1, D2, _Sep,
     H1, H2, $:, Mi1, Mi2, $:, S1, S2 | Rest] = Text,
    Date = {list_to_integer([Y1, Y2, Y3, Y4]), list_to_integer([Mo1, Mo2]),
            list_to_integer([D1, D2])},
    Time = {list_to_integer([H1, H2]), list_to_integer([Mi1, Mi2]),
            list_to_integer([S1, S2])},
    {Frac, OffsetText} = split_fraction(Rest),
    OffsetSecs = parse_offset(OffsetText),
    Secs = datetime_to_gregorian_seconds({Date, Time}) - ?EPOCH_SECS - OffsetSecs,
    %% Like the formatting side, a time before the epoch takes its
    %% fraction away from the whole seconds.
    Whole = erlang:convert_time_unit(Secs, second, Unit),
    if
        Secs < 0 -> Whole - frac_to_unit(Frac, Unit);
        true -> Whole + frac_to_unit(Frac, Unit)
    end.

split_fraction([$. | Rest]) ->
    lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, Rest);
split_fraction(Rest) ->
    {none, Rest}.

parse_offset("Z") -> 0;
parse_offset("z") -> 0;
parse_offset([C | _]) when C =/= $+, C =/= $- ->
    erlang:error(badarg);
parse_offset(Text) ->
    [Sign, H1, H2, $:, M1, M2] = Text,
    Secs = list_to_integer([H1, H2]) * 3600 + list_to_integer([M1, M2]) * 60,
    case Sign of
        $+ -> Secs;
        $- -> -Secs
    end.

%% The fraction is dropped for whole seconds and otherwise rounded to the
%% unit; a point without digits is bad.
frac_to_unit(none, _Unit) -> 0;
frac_to_unit(_Digits, second) -> 0;
frac_to_unit(Digits, Unit) ->
    PerSec = erlang:convert_time_unit(1, second, Unit),
    round(list_to_float("0." ++ Digits) * PerSec).

-module(proc_time).
-export([main/0]).
-compile({nowarn_deprecated_function, [{erlang, now, 0}]}).

%% Time BIFs: monotonic_time/0,1 never decreasing, system_time/0,1 units
%% agreeing with each other, convert_time_unit/3 on fixed values (including
%% negative values, rounding, native and perf_counter, integer units and
%% deprecated unit names), time_offset, timestamp/now/os:timestamp shapes,
%% now/0 strictly increasing, unique_integer/1 and bad arguments. Only
%% relations and shapes of clock readings are printed.

main() ->
    %% monotonic_time is non-decreasing.
    Ms = [erlang:monotonic_time() || _ <- lists:seq(1, 1000)],
    io:format("monotonic_int: ~p~n", [lists:all(fun is_integer/1, Ms)]),
    io:format("monotonic_nondecreasing: ~p~n", [nondecreasing(Ms)]),
    Units = [second, millisecond, microsecond, nanosecond, native, perf_counter],
    io:format("monotonic_units_nondecreasing: ~p~n",
              [[{U, nondecreasing([erlang:monotonic_time(U) || _ <- lists:seq(1, 200)])}
                || U <- Units]]),
    %% Readings in different units agree (a coarse unit read later is not
    %% ahead of a fine unit read later still).
    A1 = erlang:monotonic_time(nanosecond),
    A2 = erlang:monotonic_time(microsecond),
    A3 = erlang:monotonic_time(millisecond),
    A4 = erlang:monotonic_time(second),
    io:format("monotonic_unit_relations: ~p~n",
              [A1 div 1000 =< A2 + 1 andalso A2 div 1000 =< A3 + 1 andalso A3 div 1000 =< A4 + 1
               andalso floor_div(A4, 1) * 1000 =< A3 + 1000]),
    io:format("monotonic_native_is_ns: ~p~n",
              [abs(erlang:monotonic_time() - erlang:monotonic_time(nanosecond)) < 1000000000]),

    %% system_time.
    S1 = erlang:system_time(second),
    S2 = erlang:system_time(millisecond),
    S3 = erlang:system_time(microsecond),
    S4 = erlang:system_time(nanosecond),
    S5 = erlang:system_time(),
    io:format("system_time_ints: ~p~n", [lists:all(fun is_integer/1, [S1, S2, S3, S4, S5])]),
    io:format("system_time_relations: ~p~n",
              [S1 =< S2 div 1000 andalso S2 =< S3 div 1000 andalso S3 =< S4 div 1000
               andalso S4 =< S5]),
    io:format("system_time_after_2020: ~p~n", [S1 > 1577836800]),
    io:format("system_time_is_mono_plus_offset: ~p~n",
              [abs(erlang:system_time() - (erlang:monotonic_time() + erlang:time_offset())) < 1000000000]),
    io:format("os_system_time: ~p ~p~n",
              [is_integer(os:system_time()), abs(os:system_time(second) - erlang:system_time(second)) < 5]),
    io:format("time_offset: ~p ~p~n",
              [is_integer(erlang:time_offset()), is_integer(erlang:time_offset(millisecond))]),

    %% convert_time_unit on fixed values.
    Conv = [{1, second, millisecond}, {1, second, microsecond}, {1, second, nanosecond},
            {1, second, native}, {1, second, perf_counter}, {1, native, nanosecond},
            {1500, millisecond, second}, {1999, millisecond, second},
            {-1, millisecond, second}, {-1000, millisecond, second},
            {-1001, millisecond, second}, {-1500, millisecond, second},
            {-1999, millisecond, second}, {-2000, millisecond, second},
            {999, microsecond, millisecond}, {-999, microsecond, millisecond},
            {0, second, nanosecond}, {-5, second, millisecond},
            {123456789, nanosecond, microsecond}, {-123456789, nanosecond, microsecond},
            {1 bsl 70, nanosecond, second}, {-(1 bsl 70), nanosecond, second},
            {1 bsl 70, second, nanosecond},
            {7, 3, 2}, {1, 3, 1}, {-1, 3, 1}, {2, 3, 1}, {-2, 3, 1}, {3, 3, 1}, {-4, 3, 1},
            {1, 1, 3}, {10, 1000, millisecond}, {10, millisecond, 1000},
            {5, seconds, milli_seconds}, {5, milli_seconds, micro_seconds},
            {5, micro_seconds, nano_seconds}, {5000000, nano_seconds, seconds}],
    [io:format("convert ~p ~p -> ~p: ~p~n", [V, F, T, erlang:convert_time_unit(V, F, T)])
     || {V, F, T} <- Conv],
    Bad = fun(Fun) -> try Fun() catch C:E -> {C, E} end end,
    io:format("convert_bad_value: ~p~n",
              [Bad(fun() -> erlang:convert_time_unit(id(1.5), second, millisecond) end)]),
    io:format("convert_bad_unit: ~p~n",
              [Bad(fun() -> erlang:convert_time_unit(1, id(minute), second) end)]),
    io:format("convert_zero_unit: ~p~n",
              [Bad(fun() -> erlang:convert_time_unit(1, id(0), second) end)]),
    io:format("convert_negative_unit: ~p~n",
              [Bad(fun() -> erlang:convert_time_unit(1, second, id(-1000)) end)]),
    io:format("monotonic_bad_unit: ~p~n", [Bad(fun() -> erlang:monotonic_time(id(hour)) end)]),
    io:format("system_time_bad_unit: ~p~n", [Bad(fun() -> erlang:system_time(id("s")) end)]),
    io:format("time_offset_bad_unit: ~p~n", [Bad(fun() -> erlang:time_offset(id(x)) end)]),
    io:format("monotonic_int_unit: ~p~n",
              [is_integer(erlang:monotonic_time(1000)) andalso is_integer(erlang:system_time(1))]),

    %% Timestamps.
    io:format("timestamp_shape: ~p~n", [ts_shape(erlang:timestamp())]),
    io:format("os_timestamp_shape: ~p~n", [ts_shape(os:timestamp())]),
    io:format("now_shape: ~p~n", [ts_shape(erlang:now())]),
    Nows = [erlang:now() || _ <- lists:seq(1, 1000)],
    io:format("now_strictly_increasing: ~p~n", [strictly_increasing(Nows)]),
    {TM, TS, _} = erlang:timestamp(),
    io:format("timestamp_matches_system_time: ~p~n",
              [abs(TM * 1000000 + TS - erlang:system_time(second)) < 5]),
    io:format("perf_counter: ~p ~p~n",
              [is_integer(os:perf_counter()), nondecreasing([os:perf_counter(millisecond) || _ <- [1, 2, 3]])]),

    %% unique_integer.
    Us = [erlang:unique_integer([monotonic]) || _ <- lists:seq(1, 1000)],
    io:format("unique_monotonic: ~p~n", [strictly_increasing(Us)]),
    Ps = [erlang:unique_integer([positive]) || _ <- lists:seq(1, 1000)],
    io:format("unique_positive: ~p ~p~n",
              [lists:all(fun(X) -> X > 0 end, Ps), length(lists:usort(Ps))]),
    Plain = [erlang:unique_integer() || _ <- lists:seq(1, 1000)],
    io:format("unique_plain: ~p~n", [length(lists:usort(Plain))]),
    io:format("unique_bad: ~p~n", [Bad(fun() -> erlang:unique_integer(id([bogus])) end)]),
    ok.

ts_shape({Mega, Sec, Micro}) when is_integer(Mega), Mega > 0,
                                  is_integer(Sec), Sec >= 0, Sec < 1000000,
                                  is_integer(Micro), Micro >= 0, Micro < 1000000 ->
    mega_sec_micro;
ts_shape(Other) -> {bad, Other}.

nondecreasing([A, B | T]) when A =< B -> nondecreasing([B | T]);
nondecreasing([_, _ | _]) -> false;
nondecreasing(_) -> true.

strictly_increasing([A, B | T]) when A < B -> strictly_increasing([B | T]);
strictly_increasing([_, _ | _]) -> false;
strictly_increasing(_) -> true.

floor_div(A, B) -> A div B.

id(X) -> X.

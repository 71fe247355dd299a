package stdlib

import (
	"testing"
	"time"
)

// Expected values: erlang:apply/3 of each case in OTP 25 (erl, with the
// host in UTC), written with ~w.
var erlCalendarCases = []erlCase{
	{`erlang`, `universaltime_to_localtime`, `[{{1,1,1},{0,0,0}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{1,1,1},{0,0,0}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `universaltime_to_localtime`, `[{{1600,1,1},{0,0,0}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{1600,1,1},{0,0,0}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `universaltime_to_localtime`, `[{{10000,1,1},{0,0,0}}]`, `{{10000,1,1},{0,0,0}}`, ``},
	{`erlang`, `universaltime_to_localtime`, `[{{2020,1,1},{23,59,60}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{2020,1,1},{23,59,60}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `universaltime_to_localtime`, `[{{2020,1,1},{0,0,0},x}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{2020,1,1},{0,0,0},x}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `universaltime_to_localtime`, `[{{2020,1,1.0},{0,0,0}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{2020,1,1.0},{0,0,0}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `localtime_to_universaltime`, `[{{1,1,1},{0,0,0}}]`, `{error,badarg}`, `{erlang,localtime_to_universaltime,[{{1,1,1},{0,0,0}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `localtime_to_universaltime`, `[{{1600,1,1},{0,0,0}}]`, `{error,badarg}`, `{erlang,localtime_to_universaltime,[{{1600,1,1},{0,0,0}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `localtime_to_universaltime`, `[{{1969,1,1},{0,0,0}}]`, `{{1969,1,1},{0,0,0}}`, ``},
	{`erlang`, `localtime_to_universaltime`, `[{{2020,1,1},{0,0,0}},undefined]`, `{{2020,1,1},{0,0,0}}`, ``},
	{`erlang`, `localtime_to_universaltime`, `[{{2020,7,1},{0,0,0}},false]`, `{{2020,7,1},{0,0,0}}`, ``},
	{`erlang`, `universaltime_to_localtime`, `[{{1901,12,13},{20,45,52}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{1901,12,13},{20,45,52}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `universaltime_to_localtime`, `[{{1901,12,13},{20,45,51}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{1901,12,13},{20,45,51}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `universaltime_to_localtime`, `[{{1902,1,1},{0,0,0}}]`, `{{1902,1,1},{0,0,0}}`, ``},
	{`erlang`, `universaltime_to_localtime`, `[{{1901,12,31},{23,59,59}}]`, `{error,badarg}`, `{erlang,universaltime_to_localtime,[{{1901,12,31},{23,59,59}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `localtime_to_universaltime`, `[{{1902,1,1},{0,0,0}}]`, `{{1902,1,1},{0,0,0}}`, ``},
	{`erlang`, `localtime_to_universaltime`, `[{{1901,12,31},{23,59,59}}]`, `{error,badarg}`, `{erlang,localtime_to_universaltime,[{{1901,12,31},{23,59,59}}],[{error_info,#{module => erl_erts_errors}}]}`},
	{`erlang`, `localtime_to_universaltime`, `[{{10000,1,1},{0,0,0}}]`, `{{10000,1,1},{0,0,0}}`, ``},
	{`erlang`, `localtime_to_universaltime`, `[{{100000,1,1},{0,0,0}}]`, `{{100000,1,1},{0,0,0}}`, ``},
	{`erlang`, `universaltime_to_localtime`, `[{{100000,1,1},{0,0,0}}]`, `{{100000,1,1},{0,0,0}}`, ``},
}

// TestErlangCalendar covers the local time conversions, with local time
// set to UTC as it was for erl.
func TestErlangCalendar(t *testing.T) {
	saved := time.Local
	time.Local = time.UTC
	defer func() { time.Local = saved }()
	erlRunCases(t, erlCalendarCases)
}

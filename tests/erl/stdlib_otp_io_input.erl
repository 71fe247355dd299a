-module(stdlib_otp_io_input).
-export([main/0]).

%% Standard input through the group leader (the user io server of erl
%% -noshell): get_line, get_chars and read, prompts, binary and list
%% modes, the unicode encoding, and the end of input; the input is
%% stdlib_otp_io_input.in. OTP 25's user server converts what is left of
%% an input chunk when it serves a request, so the order here keeps clear
%% of its quirks: binary-mode lines first, then the unicode encoding is set
%% before any list-mode read. Later releases have another io server for
%% standard input (more options; input is decoded by chunk).
%% beamr: later-runtime-differs

show(Label, V) ->
    io:format("~s: ~w~n", [Label, V]).

main() ->
    show("opts", io:getopts()),
    ok = io:setopts([binary]),
    show("binary line", io:get_line("b> ")),
    show("binary latin1", io:get_line('')),
    ok = io:setopts([list, {encoding, unicode}]),
    show("unicode opts", io:getopts()),
    show("list line", io:get_line("")),
    show("prompt atom", io:get_line(prompt)),
    show("prompt format", io:get_line({format, "~w> ", [42]})),
    show("chars", io:get_chars("c> ", 3)),
    show("chars rest", io:get_line("")),
    show("read 1", io:read("t> ")),
    show("read 2", io:read("")),
    show("read 3", io:read("")),
    show("after read", io:get_line("")),
    show("crlf", io:get_line("")),
    show("unicode line", io:get_line("")),
    show("unicode chars", io:get_chars("", 2)),
    show("unicode rest", io:get_line("")),
    show("standard_io", io:get_line(standard_io, "")),
    show("last", io:get_line("")),
    show("eof line", io:get_line("")),
    show("eof chars", io:get_chars("", 1)),
    show("eof read", io:read("")),
    ok.

-module(stdlib_otp_io_latin1).
-export([main/0]).

%% Standard input on the latin1 device erl -noshell starts with: every
%% byte one character, UTF-8 sequences included, in lines, characters and
%% terms read with io:read; the input is stdlib_otp_io_latin1.in.

show(Label, V) ->
    io:format("~s: ~w~n", [Label, V]).

main() ->
    show("line", io:get_line("")),
    show("utf8 bytes", io:get_line("")),
    show("chars", io:get_chars("", 6)),
    show("read", io:read("")),
    show("read string", io:read("")),
    show("rest", io:get_line("")),
    show("eof", io:get_line("")),
    ok.

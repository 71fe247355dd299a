-module(fmt_unicode).
-export([main/0]).

%% The t modifier: ~ts and ~tp with Unicode lists and binaries on a
%% latin1 standard output (as `erl -noshell` has): characters above 255
%% come out as \x{...} escapes, latin1 ones as single bytes. Also
%% io_lib:format results, which are unaffected by the device.

main() ->
    Omega = [16#3A9, 16#3C9],
    Euro = <<16#20AC/utf8>>,
    io:format("ts list [~ts]~n", [Omega]),
    io:format("ts bin [~ts]~n", [Euro]),
    io:format("ts width [~6ts]~n", [Omega]),
    io:format("tp list ~tp~n", [Omega]),
    io:format("p list ~p~n", [Omega]),
    io:format("tp bin ~tp~n", [<<"h", 16#C3, 16#A9, "llo">>]),
    io:format("p bin ~p~n", [<<"h", 16#C3, 16#A9, "llo">>]),
    io:format("tp nested ~tp~n", [{name, [16#4E2D, 16#6587], <<16#4E2D/utf8>>}]),
    io:format("tc [~tc]~n", [16#263A]),
    io:format("w ~w~n", [Omega]),
    L1 = io_lib:format("~ts", [Omega]),
    io:format("io_lib ts ~w~n", [lists:flatten(L1)]),
    L2 = io_lib:format("~tp", [Omega]),
    io:format("io_lib tp ~w~n", [lists:flatten(L2)]),
    L3 = io_lib:format("~tp", [<<16#20AC/utf8, "x">>]),
    io:format("io_lib tp bin ~w~n", [lists:flatten(L3)]),
    L4 = io_lib:format("~p", [[16#20AC]]),
    io:format("io_lib p ~w~n", [lists:flatten(L4)]),
    L5 = io_lib:format("~s", [<<16#C3, 16#A9>>]),
    io:format("io_lib s bin ~w~n", [lists:flatten(L5)]),
    L6 = io_lib:format("~ts", [<<16#C3, 16#A9>>]),
    io:format("io_lib ts bin ~w~n", [lists:flatten(L6)]),
    io:format("s bad ~p~n", [try io_lib:format("~s", [[16#3A9]]) catch C:R -> {C, R} end]),
    io:format("ts bad utf8 ~p~n", [try lists:flatten(io_lib:format("~ts", [<<255>>])) catch C2:R2 -> {C2, R2} end]),
    io:format("tp atom ~tp ~p~n", [list_to_atom([16#3A9]), list_to_atom([16#3A9])]),
    io:format("latin1 ~s|~p~n", [[$a, 16#E9], [16#E9]]),
    ok.

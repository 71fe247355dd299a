-module(fmt_integers).
-export([main/0]).

%% Integer control sequences: ~b ~B ~x ~X ~# ~+ with bases, widths,
%% padding, negative values and bignums.

main() ->
    Vals = [0, 1, -1, 255, -255, 4096, 123456789, -(1 bsl 70), 1 bsl 64],
    lists:foreach(
      fun(V) ->
              io:format("~w: [~b] [~10b] [~-10b] [~.2b] [~.16b] [~.16B] [~.36B]~n",
                        [V, V, V, V, V, V, V, V]),
              io:format("  [~.16x] [~.16X] [~.8#] [~.16#] [~.2+] [~.16+]~n",
                        [V, "0x", V, "0x", V, V, V, V]),
              io:format("  [~12.16.0B] [~-12.16.*B] [~12..*B]~n", [V, $*, V, $*, V])
      end, Vals),
    io:format("[~B] [~10.10.0B]~n", [42, 42]),
    io:format("[~3b]~n", [123456]),
    io:format("[~e]~n", [1.0]),
    Bad = [{"~b", [a]}, {"~.1b", [5]}, {"~.37b", [5]}, {"~x", [5]}, {"~d", [1]}],
    [io:format("bad ~s: ~p~n", [F, try io_lib:format(F, A) catch C:R -> {C, R} end]) || {F, A} <- Bad],
    ok.

-module(fmt_floats_width).
-export([main/0]).

%% Float control sequences combined with field width, precision,
%% adjustment and padding: ~f ~e ~g.

main() ->
    Vals = [0.0, 1.0, -1.5, 3.14159, 1234.5678, -0.001, 1.0e10, 1.0e-10, 2.5, 0.125],
    lists:foreach(
      fun(V) ->
              io:format("[~f] [~10.2f] [~-10.2f] [~.1f] [~10.3.0f] [~e] [~12.3e] [~g] [~.3g]~n",
                        [V, V, V, V, V, V, V, V, V])
      end, Vals),
    io:format("[~*.*f]~n", [12, 4, 2.0]),
    io:format("[~.1f] [~.1f] [~.1f] [~.1f]~n", [0.05, 0.15, 0.25, 0.35]),
    io:format("[~3.1f]~n", [12345.6]),
    io:format("[~.20f]~n", [0.1]),
    io:format("[~.2e] [~.5e]~n", [123456.0, 0.000123]),
    Bad = [{"~f", [a]}, {"~.0f", [1.5]}, {"~.1e", [1.5]}, {"~e", [1]}, {"~f", [5]}, {"~g", ["1.0"]}],
    [io:format("bad ~s: ~p~n", [F, try io_lib:format(F, A) catch C:R -> {C, R} end]) || {F, A} <- Bad],
    ok.

-module(float_print_f_e_g).
-export([main/0]).

%% io:format ~f ~e ~g with default and explicit field width/precision.

vals() -> [0.0, -0.0, 1.0, -1.5, 0.125, 0.5, 2.5, 3.14159265, 1.0e-5, 123456.789,
           1.0e20, 1.0e-20, -9.99999, 0.05, 0.015, 1.005, 1.0e300].

main() ->
    lists:foreach(
      fun(F) ->
              io:format("~w: [~f] [~e] [~g]~n", [F, F, F, F]),
              io:format("  [~.2f] [~.1f] [~.3e] [~.3g] [~10.3f] [~-10.2f|] [~.10f]~n",
                        [F, F, F, F, F, F, F])
      end, vals()),
    io:format("[~.1f] [~.1f] [~.1f] [~.1f]~n", [0.25, 0.35, 0.45, -0.25]),
    io:format("[~.2e] [~.3e] [~.6e]~n", [12345.678, 9.96, 1.0e300]),
    io:format("[~.2g] [~.5g] [~.12g]~n", [0.0001234, 123456.0, 1 / 3]),
    io:format("[~12f] [~12e] [~12g]~n", [1.5, 1.5, 1.5]),
    io:format("[~*.*f]~n", [9, 3, 2.0 / 3]),
    io:format("[~.2f]~n", [1.0e15]),
    io:format("~s~n", [io_lib:format("~.3f|~.3e", [-1.0005, -1.0005])]),
    ok.

-module(float_to_list_opts).
-export([main/0]).

%% float_to_list/2 and float_to_binary/2 with decimals, compact,
%% scientific and short options.

vals() -> [0.0, -0.0, 1.0, 0.1, -0.5, 2.5, 0.125, 1/3, 123.456, 1.0e10, 1.0e-10,
           1.0e22, 5.0e-324, 1.7976931348623157e308, 0.005, 1.005, 9.995, 100.0].

main() ->
    lists:foreach(
      fun(F) ->
              io:format("~w: ~s | ~s | ~s | ~s~n",
                        [F, f2l(F, [{decimals, 0}]), f2l(F, [{decimals, 2}]),
                         f2l(F, [{decimals, 4}, compact]), f2l(F, [{decimals, 10}])]),
              io:format("   ~s | ~s | ~s | ~s~n",
                        [f2l(F, [{scientific, 0}]), f2l(F, [{scientific, 3}]),
                         f2l(F, [{scientific, 17}]), f2l(F, [short])])
      end, vals()),
    io:format("bin ~p ~p ~p~n", [float_to_binary(3.14159, [{decimals, 3}]),
                                 float_to_binary(3.14159, [{scientific, 2}]),
                                 float_to_binary(3.0, [{decimals, 3}, compact])]),
    io:format("compact ~s ~s ~s~n", [float_to_list(1.5, [{decimals, 5}, compact]),
                                     float_to_list(10.0, [{decimals, 3}, compact]),
                                     float_to_list(0.0, [{decimals, 3}, compact])]),
    io:format("big ~s~n", [float_to_list(1.0e20, [{decimals, 1}])]),
    io:format("d253 ~s~n", [float_to_list(0.1, [{decimals, 30}])]),
    io:format("last ~s ~s~n", [float_to_list(1.0, [{decimals, 2}, {scientific, 2}]),
                               float_to_list(1.0, [{scientific, 2}, {decimals, 2}])]),
    lists:foreach(
      fun(Opts) ->
              R = try float_to_list(id(1.5), Opts) catch C:E -> {C, E} end,
              io:format("opts ~w -> ~p~n", [Opts, R])
      end, [[{decimals, -1}], [{decimals, 254}], [{decimals, 253}], [{scientific, 250}], [bogus],
            [{decimals, a}], foo, [compact]]),
    R2 = try float_to_list(id(1), []) catch C2:E2 -> {C2, E2} end,
    io:format("int ~p~n", [R2]),
    ok.

id(X) -> X.

f2l(F, Opts) ->
    try float_to_list(F, Opts)
    catch C:E -> io_lib:format("~w", [{C, E}])
    end.

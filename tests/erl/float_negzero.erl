-module(float_negzero).
-export([main/0]).
%% beamr: later-runtime-differs

%% Negative zero: how it arises, prints, and converts. Comparisons with
%% 0.0 are left out on purpose (their exact-equality semantics changed in
%% later OTP releases). abs(-0.0) is -0.0 on OTP 25 but 0.0 on OTP 27 and
%% later: a runtime difference, so the 27/29 beams print "abs -0.0" there.

main() ->
    Z = id(0.0),
    N = -Z,
    io:format("neg ~p ~w~n", [N, N]),
    io:format("mul ~p ~p ~p~n", [Z * -1, id(-1.0) * 0.0, id(-5) * Z]),
    io:format("div ~p ~p~n", [id(-1.0) / 1.0e308 / 1.0e308, Z / -3]),
    io:format("add ~p ~p ~p~n", [N + N, N + Z, Z + N]),
    io:format("sub ~p ~p ~p~n", [N - Z, Z - Z, N - N]),
    io:format("int ~p ~p~n", [N + 0, N * 0]),
    io:format("round ~w ~w ~w ~w~n", [round(N), trunc(N), ceil(N), floor(N)]),
    io:format("ceilneg ~w~n", [ceil(id(-0.4))]),
    io:format("fmt ~f ~e ~g ~s~n", [N, N, N, float_to_list(N, [{decimals, 2}])]),
    io:format("short ~s ~s~n", [float_to_list(N, [short]), float_to_list(N)]),
    io:format("abs ~p ~p~n", [abs(N), abs(id(-0.0) + 0.0)]),
    io:format("list ~w~n", [[id(-0.0), -id(0.0), id(0.0) * -1.0]]),
    io:format("lit ~w~n", [{-0.0, 0.0}]),
    ok.

id(X) -> X.

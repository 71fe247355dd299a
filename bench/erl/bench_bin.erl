%% Building binaries segment by segment and matching them apart.
-module(bench_bin).
-export([main/0]).
%% main times run/0 from inside the VM and reports it on standard error,
%% so that the runner compares the work itself, without start-up.
main() ->
    T0 = erlang:monotonic_time(microsecond),
    run(),
    io:format(standard_error, "bench-us ~p~n", [erlang:monotonic_time(microsecond) - T0]).
run() -> io:format("~p~n", [loop(10000, 0)]).
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    B = build(1000, <<>>),
    loop(N - 1, Acc + parse(B, 0)).
build(0, B) -> B;
build(I, B) -> build(I - 1, <<B/binary, I:16, (I band 255):8>>).
parse(<<X:16, Y:8, Rest/binary>>, Acc) -> parse(Rest, Acc + X + Y);
parse(<<>>, Acc) -> Acc.

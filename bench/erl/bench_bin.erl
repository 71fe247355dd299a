%% Building binaries segment by segment and matching them apart.
-module(bench_bin).
-export([main/0]).
main() -> io:format("~p~n", [loop(10000, 0)]).
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    B = build(1000, <<>>),
    loop(N - 1, Acc + parse(B, 0)).
build(0, B) -> B;
build(I, B) -> build(I - 1, <<B/binary, I:16, (I band 255):8>>).
parse(<<X:16, Y:8, Rest/binary>>, Acc) -> parse(Rest, Acc + X + Y);
parse(<<>>, Acc) -> Acc.

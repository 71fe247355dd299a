-module(conv_checksum).
-export([main/0]).

%% erlang:md5, crc32/1,2, crc32_combine, adler32/1,2, adler32_combine
%% and the md5 streaming interface, on binaries and iolists.

hex(B) -> binary:encode_hex(B).

main() ->
    Ins = [<<>>, <<"a">>, <<"abc">>, <<"message digest">>,
           <<"The quick brown fox jumps over the lazy dog">>,
           list_to_binary(lists:seq(0, 255)), binary:copy(<<"0123456789">>, 1000)],
    lists:foreach(
      fun(B) ->
              io:format("~w: md5=~s crc=~w adler=~w~n",
                        [byte_size(B), hex(erlang:md5(B)), erlang:crc32(B), erlang:adler32(B)])
      end, Ins),
    IO = [$a, [<<"bc">>], "def"],
    io:format("iolist ~s ~w ~w~n", [hex(erlang:md5(IO)), erlang:crc32(IO), erlang:adler32(IO)]),
    A = <<"hello ">>, B = <<"world">>,
    C1 = erlang:crc32(A), C2 = erlang:crc32(B),
    io:format("crc32 cont ~w ~w~n", [erlang:crc32(C1, B), erlang:crc32(<<A/binary, B/binary>>)]),
    io:format("crc32 combine ~w~n", [erlang:crc32_combine(C1, C2, byte_size(B))]),
    A1 = erlang:adler32(A), A2 = erlang:adler32(B),
    io:format("adler cont ~w ~w~n", [erlang:adler32(A1, B), erlang:adler32(<<A/binary, B/binary>>)]),
    io:format("adler combine ~w~n", [erlang:adler32_combine(A1, A2, byte_size(B))]),
    Ctx0 = erlang:md5_init(),
    Ctx1 = erlang:md5_update(Ctx0, A),
    Ctx2 = erlang:md5_update(Ctx1, [B]),
    io:format("md5 stream ~s ~s~n", [hex(erlang:md5_final(Ctx2)), hex(erlang:md5(<<A/binary, B/binary>>))]),
    io:format("md5 bad ~p~n", [try erlang:md5(abc) catch E:R -> {E, R} end]),
    io:format("crc bad ~p~n", [try erlang:crc32([256]) catch E2:R2 -> {E2, R2} end]),
    ok.

-module(bin_match_fields).
-export([main/0]).

%% Matching many fields at once: an IPv4 header, a TCP header, a PNG
%% chunk, and a record of mixed field types.

ipv4(<<4:4, IHL:4, DSCP:6, ECN:2, TotLen:16, Id:16, Flags:3, FragOff:13,
       TTL:8, Proto:8, Csum:16, S1, S2, S3, S4, D1, D2, D3, D4,
       Rest/binary>>) when IHL >= 5 ->
    OptLen = (IHL - 5) * 4,
    <<Opts:OptLen/binary, Payload/binary>> = Rest,
    #{ihl => IHL, dscp => DSCP, ecn => ECN, len => TotLen, id => Id, flags => Flags,
      frag => FragOff, ttl => TTL, proto => Proto, csum => Csum,
      src => {S1, S2, S3, S4}, dst => {D1, D2, D3, D4}, opts => Opts, payload => Payload};
ipv4(_) -> not_ipv4.

tcp(<<SP:16, DP:16, Seq:32, Ack:32, Off:4, _:3, NS:1, CWR:1, ECE:1, URG:1, ACK:1,
      PSH:1, RST:1, SYN:1, FIN:1, Win:16, Sum:16, Urg:16, _/binary>>) ->
    {SP, DP, Seq, Ack, Off, [NS, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN], Win, Sum, Urg}.

chunks(<<>>) -> [];
chunks(<<Len:32, Type:4/binary, Data:Len/binary, Crc:32, Rest/binary>>) ->
    [{Type, Data, Crc =:= erlang:crc32(<<Type/binary, Data/binary>>)} | chunks(Rest)].

chunk(Type, Data) ->
    <<(byte_size(Data)):32, Type/binary, Data/binary,
      (erlang:crc32(<<Type/binary, Data/binary>>)):32>>.

rec(<<Ver:8, Flags:3/bits, Kind:5, Temp:16/signed-little, Ratio:32/float,
      NameLen:8, Name:NameLen/binary, Ch/utf8, Tail/bits>>) ->
    {Ver, Flags, Kind, Temp, Ratio, Name, Ch, Tail}.

main() ->
    Hdr = <<4:4, 6:4, 0:6, 2:2, 60:16, 16#1c46:16, 2:3, 0:13, 64, 6, 16#b1e6:16,
            192, 168, 0, 1, 10, 0, 0, 99, 1, 2, 3, 4, "payload">>,
    io:format("ipv4 ~p~n", [ipv4(Hdr)]),
    io:format("ipv4 bad ~p~n", [ipv4(<<6:4, 0:4>>)]),
    T = <<1234:16, 80:16, 1000000:32, 7:32, 5:4, 0:3, 0:1, 0:1, 0:1, 0:1, 1:1, 1:1, 0:1,
          1:1, 0:1, 65535:16, 16#abcd:16, 0:16>>,
    io:format("tcp ~w~n", [tcp(T)]),
    Png = <<(chunk(<<"IHDR">>, <<0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0>>))/binary,
            (chunk(<<"tEXt">>, <<"Comment", 0, "hi">>))/binary,
            (chunk(<<"IEND">>, <<>>))/binary>>,
    io:format("png ~p~n", [chunks(Png)]),
    R = <<3, 2#101:3, 17:5, (-40):16/signed-little, 0.75:32/float, 4, "name",
          16#263A/utf8, 5:3>>,
    io:format("rec ~w~n", [rec(R)]),
    ok.

-module(tcp_active).
-export([main/0]).

%% Active sockets on the loopback interface: {active, true}, {active,
%% once} and {active, N} with {tcp_passive, S}, the counter arithmetic of
%% {active, N}, {tcp_closed, S} when the peer closes (in every active
%% mode, and for a passive socket made active later), and the packet
%% modes 1, 2, 4, raw and line: packets split over several sends and
%% several packets in one send, each delivered whole and alone; packets
%% over packet_size, and sending more than a 1-byte header can say.
%% Sends are made in lockstep (or their data is joined before printing),
%% so the output does not depend on how TCP segments the stream.

-define(T, 5000).
-define(LO, {127, 0, 0, 1}).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, ?LO}]),
    {ok, Port} = inet:port(L),
    active_true(L, Port),
    active_once(L, Port),
    active_n(L, Port),
    closed(L, Port),
    packets(L, Port),
    lines(L, Port),
    sizes(L, Port),
    ok = gen_tcp:close(L),
    p("leftover messages", flush()).

p(Label, X) -> io:format("~s: ~p~n", [Label, X]).

%% pair(L, Port, COpts, SOpts): a connected client and server socket.
pair(L, Port, COpts, SOpts) ->
    {ok, C} = gen_tcp:connect(?LO, Port, [binary, {active, false} | COpts], ?T),
    {ok, S} = gen_tcp:accept(L, ?T),
    ok = inet:setopts(S, SOpts),
    {C, S}.

close(C, S) ->
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    flush().

%% msg(S): the next message about socket S, with the socket hidden.
msg(S) ->
    receive
        {tcp, S, Data} -> {tcp, Data};
        {tcp_closed, S} -> tcp_closed;
        {tcp_passive, S} -> tcp_passive;
        {tcp_error, S, Reason} -> {tcp_error, Reason}
    after ?T -> timeout
    end.

msgs(S, N) -> [msg(S) || _ <- lists:seq(1, N)].

%% data(S, N): N bytes of {tcp, S, _} messages joined.
data(S, N) -> data(S, N, []).

data(_S, N, Acc) when N =< 0 -> iolist_to_binary(lists:reverse(Acc));
data(S, N, Acc) ->
    receive
        {tcp, S, D} -> data(S, N - iolist_size(D), [D | Acc])
    after ?T -> {timeout, lists:reverse(Acc)}
    end.

%% flush(): the messages waiting, with sockets hidden.
flush() ->
    receive M -> [hide(M) | flush()] after 0 -> [] end.

hide(P) when is_port(P) -> socket;
hide(T) when is_tuple(T) -> list_to_tuple([hide(E) || E <- tuple_to_list(T)]);
hide(B) when is_binary(B), byte_size(B) > 40 -> {binary, byte_size(B)};
hide(X) -> X.

%% lockstep(C, S, Items): sends each item from C and waits for its message.
lockstep(C, S, Items) ->
    [begin ok = gen_tcp:send(C, I), msg(S) end || I <- Items].

active_true(L, Port) ->
    io:format("== active true~n"),
    {C, S} = pair(L, Port, [], [{active, true}]),
    p("lockstep", lockstep(C, S, [<<"one">>, <<"two">>, "three"])),
    [ok = gen_tcp:send(C, integer_to_list(I)) || I <- lists:seq(1, 20)],
    p("burst joined", data(S, 31)),
    p("getopts", inet:getopts(S, [active])),
    ok = inet:setopts(S, [list]),
    p("list mode", lockstep(C, S, [<<"as list">>])),
    p("recv while active", gen_tcp:recv(S, 0, 100)),
    p("close", close(C, S)),
    ok.

active_once(L, Port) ->
    io:format("== active once~n"),
    {C, S} = pair(L, Port, [], [{active, once}]),
    p("first", lockstep(C, S, [<<"first">>])),
    p("now passive", inet:getopts(S, [active])),
    ok = gen_tcp:send(C, <<"second">>),
    p("recv while passive", gen_tcp:recv(S, 6, ?T)),
    ok = gen_tcp:send(C, <<"third">>),
    ok = inet:setopts(S, [{active, once}]),
    p("rearmed", msg(S)),
    p("passive again", inet:getopts(S, [active])),
    ok = inet:setopts(S, [{active, once}]),
    ok = inet:setopts(S, [{active, once}]),
    p("rearmed twice", lockstep(C, S, [<<"fourth">>])),
    p("still once", inet:getopts(S, [active])),
    ok = gen_tcp:send(C, <<"fifth">>),
    p("recv", gen_tcp:recv(S, 5, ?T)),
    p("close", close(C, S)),
    ok.

active_n(L, Port) ->
    io:format("== active N~n"),
    {C, S} = pair(L, Port, [], [{active, 3}]),
    p("getopts", inet:getopts(S, [active])),
    p("three", lockstep(C, S, [<<"a">>, <<"b">>, <<"c">>])),
    p("passive message", msg(S)),
    p("now passive", inet:getopts(S, [active])),
    ok = gen_tcp:send(C, <<"d">>),
    p("recv while passive", gen_tcp:recv(S, 1, ?T)),
    p("active 0", inet:setopts(S, [{active, 0}])),
    p("passive message", msg(S)),
    p("after active 0", inet:getopts(S, [active])),
    ok = inet:setopts(S, [{active, 2}]),
    ok = inet:setopts(S, [{active, 3}]),
    p("summed", inet:getopts(S, [active])),
    ok = inet:setopts(S, [{active, -4}]),
    p("decreased", inet:getopts(S, [active])),
    p("one left", lockstep(C, S, [<<"e">>])),
    p("passive message", msg(S)),
    ok = inet:setopts(S, [{active, 2}]),
    p("to zero", inet:setopts(S, [{active, -2}])),
    p("passive message", msg(S)),
    p("below zero", inet:setopts(S, [{active, -5}])),
    p("below zero message", msg_now(S)),
    p("after below zero", inet:getopts(S, [active])),
    p("too large", inet:setopts(S, [{active, 32768}])),
    ok = inet:setopts(S, [{active, 32767}]),
    p("max", inet:getopts(S, [active])),
    p("over max", inet:setopts(S, [{active, 1}])),
    p("after over max", inet:getopts(S, [active])),
    ok = inet:setopts(S, [{active, false}]),
    p("false", inet:getopts(S, [active])),
    ok = inet:setopts(S, [{active, 1}]),
    ok = inet:setopts(S, [{active, true}]),
    p("true after N", inet:getopts(S, [active])),
    ok = inet:setopts(S, [{active, once}]),
    ok = inet:setopts(S, [{active, 2}]),
    p("N after once", inet:getopts(S, [active])),
    p("two", lockstep(C, S, [<<"f">>, <<"g">>])),
    p("passive message", msg(S)),
    p("close", close(C, S)),
    ok.

%% msg_now(S): a message about S already in the mailbox, or none.
msg_now(S) ->
    receive
        {tcp_passive, S} -> tcp_passive
    after 0 -> none
    end.

closed(L, Port) ->
    io:format("== closed~n"),
    {C, S} = pair(L, Port, [], [{active, true}]),
    ok = gen_tcp:send(C, <<"bye">>),
    ok = gen_tcp:close(C),
    p("active true", [msg(S), msg(S)]),
    p("recv after closed", gen_tcp:recv(S, 0, 100)),
    p("send after closed", gen_tcp:send(S, <<"x">>)),
    ok = gen_tcp:close(S),

    {C2, S2} = pair(L, Port, [], [{active, once}]),
    ok = gen_tcp:send(C2, <<"bye">>),
    p("active once data", msg(S2)),
    ok = gen_tcp:close(C2),
    ok = inet:setopts(S2, [{active, once}]),
    p("active once closed", msg(S2)),
    ok = gen_tcp:close(S2),

    {C3, S3} = pair(L, Port, [], [{active, 2}]),
    ok = gen_tcp:close(C3),
    p("active N closed", msg(S3)),
    p("no passive message", flush()),
    ok = gen_tcp:close(S3),

    {C4, S4} = pair(L, Port, [], []),
    ok = gen_tcp:send(C4, <<"pending">>),
    ok = gen_tcp:close(C4),
    {ok, <<"p">>} = gen_tcp:recv(S4, 1, ?T),
    ok = inet:setopts(S4, [{active, true}]),
    p("passive then active", [msg(S4), msg(S4)]),
    ok = gen_tcp:close(S4),

    %% exit_on_close false: the socket stays open for sending.
    {C5, S5} = pair(L, Port, [], [{active, true}, {exit_on_close, false}]),
    ok = gen_tcp:shutdown(C5, write),
    p("half closed", msg(S5)),
    p("send after half close", gen_tcp:send(S5, <<"still here">>)),
    p("peer recv", gen_tcp:recv(C5, 0, ?T)),
    p("close", close(C5, S5)),
    ok.

packets(L, Port) ->
    io:format("== packets~n"),
    lists:foreach(
      fun(N) ->
              io:format("-- packet ~p~n", [N]),
              {C, S} = pair(L, Port, [{packet, N}], [{packet, N}, {active, true}]),
              p("lockstep", lockstep(C, S, [<<"hello">>, ["io", <<"list">>], <<>>])),
              Big = binary:copy(<<"x">>, 200),
              ok = gen_tcp:send(C, Big),
              p("200 bytes", size_of(msg(S))),
              ok = gen_tcp:close(C),
              p("closed", msg(S)),
              ok = gen_tcp:close(S),

              %% Headers written by hand: one packet over several sends,
              %% several packets in one send.
              {C2, S2} = pair(L, Port, [], [{packet, N}, {active, true}]),
              H = fun(Len) -> <<Len:(N * 8)>> end,
              ok = gen_tcp:send(C2, [H(10), <<"abc">>]),
              ok = gen_tcp:send(C2, <<"defg">>),
              ok = gen_tcp:send(C2, <<"hij">>),
              p("split packet", msg(S2)),
              ok = gen_tcp:send(C2, [H(1), <<"1">>, H(2), <<"22">>, H(0), H(3), <<"333">>]),
              p("joined packets", msgs(S2, 4)),
              ok = gen_tcp:send(C2, binary:part(H(4), 0, 1)),
              ok = gen_tcp:send(C2, [binary:part(H(4), 1, N - 1), <<"wxyz">>]),
              p("split header", msg(S2)),
              ok = inet:setopts(S2, [{active, false}]),
              ok = gen_tcp:send(C2, [H(3), <<"abc">>, H(2), <<"de">>]),
              p("passive recv", [gen_tcp:recv(S2, 0, ?T), gen_tcp:recv(S2, 0, ?T)]),
              ok = inet:setopts(S2, [list]),
              ok = gen_tcp:send(C2, [H(2), <<"li">>]),
              p("passive list", gen_tcp:recv(S2, 0, ?T)),
              p("close", close(C2, S2))
      end, [1, 2, 4]),

    io:format("-- packet raw~n"),
    {C, S} = pair(L, Port, [{packet, raw}], [{packet, raw}, {active, false}]),
    ok = gen_tcp:send(C, <<0, 0, 0, 3>>),
    p("raw recv", gen_tcp:recv(S, 4, ?T)),
    p("getopts", inet:getopts(S, [packet])),
    p("close", close(C, S)),

    %% A packet of 300 bytes with a 1-byte header: what goes on the wire.
    {C4, S4} = pair(L, Port, [{packet, 1}], []),
    p("send 300 with packet 1", gen_tcp:send(C4, binary:copy(<<"y">>, 300))),
    ok = inet:setopts(C4, [{packet, 0}]),
    ok = gen_tcp:send(C4, <<"end">>),
    p("on the wire", case recv_until(S4, <<"end">>, <<>>) of
                         {ok, W} -> {ok, byte_size(W), binary:part(W, 0, 2)};
                         Wrong -> Wrong
                     end),
    p("close", close(C4, S4)),

    %% A big packet with a 4-byte header.
    {C3, S3} = pair(L, Port, [{packet, 4}], [{packet, 4}]),
    Big = binary:copy(<<"0123456789">>, 100000),
    ok = gen_tcp:send(C3, Big),
    p("1000000 bytes with packet 4",
      case gen_tcp:recv(S3, 0, ?T) of
          {ok, B} -> {ok, byte_size(B), B =:= Big};
          Other -> Other
      end),
    p("close", close(C3, S3)),
    ok.

%% recv_until(S, End, Acc): raw data until it ends with End.
recv_until(S, End, Acc) ->
    N = byte_size(Acc) - byte_size(End),
    case Acc of
        <<_:N/binary, End/binary>> when N >= 0 -> {ok, Acc};
        _ ->
            case gen_tcp:recv(S, 0, ?T) of
                {ok, B} -> recv_until(S, End, <<Acc/binary, B/binary>>);
                Error -> {Error, byte_size(Acc)}
            end
    end.

size_of({tcp, B}) -> {tcp, byte_size(B)};
size_of(Other) -> Other.

lines(L, Port) ->
    io:format("== line~n"),
    {C, S} = pair(L, Port, [], [{packet, line}, {active, true}]),
    ok = gen_tcp:send(C, <<"one\ntwo\nthr">>),
    ok = gen_tcp:send(C, <<"ee\n\nfo">>),
    ok = gen_tcp:send(C, <<"ur\r\nfive">>),
    ok = gen_tcp:send(C, <<"\n">>),
    p("lines", msgs(S, 6)),
    ok = inet:setopts(S, [list]),
    p("list lines", lockstep(C, S, [<<"six\n">>])),
    ok = inet:setopts(S, [binary, {line_delimiter, $;}]),
    ok = gen_tcp:send(C, <<"a;b\nc;">>),
    p("line_delimiter", msgs(S, 2)),
    %% A line longer than the buffer comes in pieces of the buffer's
    %% size; with a buffer big enough, whole.
    ok = inet:setopts(S, [{line_delimiter, $\n}, {buffer, 1000}]),
    Long = binary:copy(<<"z">>, 2500),
    ok = gen_tcp:send(C, [Long, "\n"]),
    p("line over buffer", [size_of(M) || M <- msgs(S, 3)]),
    ok = inet:setopts(S, [{buffer, 10000}]),
    ok = gen_tcp:send(C, [Long, Long, "\n"]),
    p("long line", size_of(msg(S))),
    ok = gen_tcp:send(C, <<"no newline at close">>),
    ok = gen_tcp:close(C),
    p("partial line then close", [msg(S), flush()]),
    ok = gen_tcp:close(S),

    %% Passive line mode.
    {C2, S2} = pair(L, Port, [], [{packet, line}]),
    ok = gen_tcp:send(C2, <<"p1\np2\n">>),
    p("passive lines", [gen_tcp:recv(S2, 0, ?T), gen_tcp:recv(S2, 0, ?T)]),
    ok = gen_tcp:send(C2, <<"last">>),
    ok = gen_tcp:close(C2),
    p("passive partial then close", [gen_tcp:recv(S2, 0, ?T), gen_tcp:recv(S2, 0, ?T)]),
    ok = gen_tcp:close(S2),
    ok.

sizes(L, Port) ->
    io:format("== packet_size~n"),
    {C, S} = pair(L, Port, [{packet, 2}], [{packet, 2}, {packet_size, 10}, {active, true}]),
    p("small enough", lockstep(C, S, [<<"0123456789">>])),
    ok = gen_tcp:send(C, <<"0123456789a">>),
    p("too big", msgs(S, 2)),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    p("after", flush()),

    {C2, S2} = pair(L, Port, [{packet, 4}], [{packet, 4}, {packet_size, 4}]),
    ok = gen_tcp:send(C2, <<"12345">>),
    p("passive too big", gen_tcp:recv(S2, 0, ?T)),
    p("recv after", gen_tcp:recv(S2, 0, ?T)),
    p("close", close(C2, S2)),

    {C3, S3} = pair(L, Port, [], [{packet, line}, {packet_size, 8}, {active, true}]),
    ok = gen_tcp:send(C3, <<"short\n">>),
    p("short line", msg(S3)),
    ok = gen_tcp:send(C3, <<"this line is longer\nok\n">>),
    p("long line", msgs(S3, 2)),
    p("close", close(C3, S3)),
    ok.

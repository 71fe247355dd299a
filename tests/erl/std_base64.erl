-module(std_base64).
-export([main/0]).

%% The base64 module of OTP 25: encoding and decoding of binaries and
%% lists of every length, whitespace and padding handling, the lenient
%% mime_decode functions and, exhaustively over a small alphabet, the
%% exact errors malformed input raises. OTP 26 rewrote the module, so
%% later runtimes differ.
%% beamr: later-runtime-differs

main() ->
    roundtrips(),
    decoding(),
    encode_errors(),
    decode_matrix(),
    list_errors(),
    ok.

res(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.

show(Label, F) ->
    R = res(F),
    io:format("~s~n~p~n~w~n", [Label, R, R]).

%% Deterministic pseudo-random bytes.
bytes(N, Seed) ->
    {L, _} = lists:mapfoldl(fun(_, S) ->
                                    S1 = (S * 1103515245 + 12345) band 16#7fffffff,
                                    {(S1 bsr 16) band 255, S1}
                            end, Seed, lists:seq(1, N)),
    L.

roundtrips() ->
    lists:foreach(
      fun(N) ->
              L = bytes(N, N),
              B = list_to_binary(L),
              E = base64:encode(B),
              show("encode " ++ integer_to_list(N),
                   fun() -> {E, base64:encode(L), base64:encode_to_string(B), base64:encode_to_string(L)} end),
              show("decode " ++ integer_to_list(N),
                   fun() -> {base64:decode(E) =:= B, base64:decode(binary_to_list(E)) =:= B,
                             base64:decode_to_string(E) =:= L, base64:decode_to_string(binary_to_list(E)) =:= L,
                             base64:mime_decode(E) =:= B, base64:mime_decode_to_string(E) =:= L}
                   end)
      end, lists:seq(0, 12) ++ [50, 57, 64, 65, 100, 255, 256, 1000]),
    All = list_to_binary(lists:seq(0, 255)),
    show("all bytes", fun() -> base64:encode(All) end),
    show("all bytes back", fun() -> base64:decode(base64:encode(All)) =:= All end),
    show("all bytes string", fun() -> base64:encode_to_string(All) end),
    Big = list_to_binary(bytes(100000, 7)),
    show("big", fun() -> {byte_size(base64:encode(Big)), erlang:phash2(base64:encode(Big)),
                          base64:decode(base64:encode(Big)) =:= Big,
                          base64:mime_decode(base64:encode(Big)) =:= Big} end),
    show("sub-binary", fun() -> <<_:3/binary, Part:10/binary, _/binary>> = list_to_binary(bytes(30, 3)),
                                {base64:encode(Part), base64:decode(binary:part(base64:encode(Big), 4, 8))} end),
    show("known", fun() -> [base64:encode(X) || X <- [<<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>]] end),
    show("known strings", fun() -> [base64:encode_to_string(X) || X <- ["f", "fo", "foo", "foob", "fooba", "foobar", ""]] end).

decoding() ->
    Cases = [<<"Zm9vYmFy">>, <<"Zm9vYg==">>, <<"Zm9vYmE=">>, <<"Zm9v\nYmFy">>, <<" Zm9v YmFy ">>,
             <<"Zm9v\r\n\tYmFy\n">>, <<"Zm9vYg==\n">>, <<"Zm9vYg== \r\n\t">>, <<"Zm9vYg">>, <<"Zm9vYmE">>,
             <<"Zm9vY">>, <<"Zm9v!YmFy">>, <<"Zm9vYg==YmFy">>, <<"Zm9vYg=x">>, <<"Zm9vYg=">>, <<"Zm9vY===">>,
             <<"====">>, <<"=">>, <<"Zm9\0vYmFy">>, <<"Zm9v\vYmFy">>, <<"Zm9v\fYmFy">>, <<"Zm9v-_mFy">>,
             <<"Zm9vYg=\n=">>, <<"Zm9vYg==\0">>, <<"Zm9vY\0">>, <<"Q===">>, <<"QQ=Q">>, <<"QQ==Q">>,
             <<"QQ==QQ==">>, <<"QQ==QQ">>, <<"QUJD\nREVG\n">>, <<"QU=JD">>, <<"QU==">>, <<"QUI=">>,
             <<"QUJ=">>, <<"QUJE=">>, <<"Q U J D">>, <<"\nQUJD">>, <<128, "QUJD">>, <<"QUJD", 200>>,
             <<"QUJDRA=\n=">>, <<"QUJDRA=*=">>, <<"QUJDRA= =">>, <<"QUJDRA=Q=">>, <<"QUJDRA==QUJD">>],
    lists:foreach(
      fun(B) ->
              L = binary_to_list(B),
              show(io_lib:format("decode ~w", [B]),
                   fun() -> [res(fun() -> base64:decode(B) end), res(fun() -> base64:decode(L) end),
                             res(fun() -> base64:decode_to_string(B) end), res(fun() -> base64:decode_to_string(L) end),
                             res(fun() -> base64:mime_decode(B) end), res(fun() -> base64:mime_decode(L) end),
                             res(fun() -> base64:mime_decode_to_string(B) end),
                             res(fun() -> base64:mime_decode_to_string(L) end)]
                   end)
      end, Cases).

encode_errors() ->
    Vals = [0, 65, 255, 256, -1, 1024, 16#FFFFFF, a, 1.0],
    Lists = [[]] ++ [[X] || X <- Vals] ++ [[X, Y] || X <- Vals, Y <- Vals]
        ++ [[X, Y, Z] || X <- Vals, Y <- Vals, Z <- [0, 256, -1, a]]
        ++ [[1, 2, 3, X, Y] || X <- Vals, Y <- [0, a]]
        ++ [[300, 1, 2, a], [1, 2, 300, a, 1], [a, 1, 2, 300], [1, 2, 3 | x], [1 | x], [1, 2 | x], x],
    lists:foreach(
      fun(L) ->
              io:format("encode ~w: ~w ~w~n", [L, res(fun() -> base64:encode(L) end),
                                               res(fun() -> base64:encode_to_string(L) end)])
      end, Lists),
    show("encode atom", fun() -> base64:encode(foo) end),
    show("encode bits", fun() -> base64:encode(<<1:1>>) end),
    show("encode_to_string atom", fun() -> base64:encode_to_string(foo) end),
    show("encode_to_string bits", fun() -> base64:encode_to_string(<<1:9>>) end),
    show("decode atom", fun() -> base64:decode(foo) end),
    show("decode bits", fun() -> base64:decode(<<"QUJD", 1:1>>) end),
    show("decode_to_string atom", fun() -> base64:decode_to_string(foo) end),
    show("mime_decode atom", fun() -> base64:mime_decode(42) end),
    show("mime_decode_to_string bits", fun() -> base64:mime_decode_to_string(<<"QUJD", 1:1>>) end).

%% Every string of up to four characters over a small alphabet (a valid
%% character, padding, whitespace, an invalid character and NUL), decoded
%% by all four functions from a binary and from a list.
decode_matrix() ->
    Alphabet = "Q= *\0",
    Strings = lists:append([strings(Alphabet, N) || N <- lists:seq(0, 4)])
        ++ ["QQQQ=", "QQQ==", "QQ===", "QQ= =", "QQ=\0=", "QQQ=\0", "QQ== *", "QQ==*",
            "QQQQQ", "QQQQQQ", "QQQQQQQ", "QQQQQQQ=", "QQQQQQ==", "QQQQ QQQ", "QQQQ\0QQQ",
            "Q*QQQQQQ", "QQQQQ*QQ", "QQQ*QQQQ", "*QQ=", "Q*Q=", "QQ*=", "*Q==", "Q*==", "=QQQ", "Q=QQ",
            "QQ=Q", "QQQ=Q", "QQ==Q", "QQ==QQ", "QQ==QQQ", "QQ==QQQQ", "QQ=*=", "QQ=*Q", "Q=*Q", "Q===="],
    lists:foreach(
      fun(S) ->
              B = list_to_binary(S),
              io:format("~w: ~w ~w ~w ~w ~w ~w ~w ~w~n",
                        [S, res(fun() -> base64:decode(B) end), res(fun() -> base64:decode(S) end),
                         res(fun() -> base64:decode_to_string(B) end), res(fun() -> base64:decode_to_string(S) end),
                         res(fun() -> base64:mime_decode(B) end), res(fun() -> base64:mime_decode(S) end),
                         res(fun() -> base64:mime_decode_to_string(B) end),
                         res(fun() -> base64:mime_decode_to_string(S) end)])
      end, Strings).

strings(_, 0) -> [[]];
strings(Alphabet, N) -> [[C | S] || C <- Alphabet, S <- strings(Alphabet, N - 1)].

%% Lists holding things that are not characters, and improper lists.
list_errors() ->
    Odd = [256, -1, 1000, x, 1.5, <<"Q">>, "Q"],
    Shapes = [fun(X) -> [X] end, fun(X) -> [$Q, X] end, fun(X) -> [$Q, $Q, X] end,
              fun(X) -> [$Q, $Q, $Q, X] end, fun(X) -> [$Q, $Q, $=, X] end,
              fun(X) -> [$Q, $Q, $=, $=, X] end, fun(X) -> [$Q, $Q, $Q, $=, X] end,
              fun(X) -> [$Q, $Q, $=, $=, $\s, X] end, fun(X) -> [$Q, $*, $Q, $Q, X] end],
    Lists = [Shape(X) || X <- Odd, Shape <- Shapes]
        ++ [[$Q | x], [$Q, $Q | x], [$Q, $Q, $Q | x], [$Q, $Q, $Q, $Q | x], [$Q, $Q, $= | x],
            [$Q, $Q, $Q, $= | x], [$Q, $Q, $=, $= | x], [$Q, $Q, $=, $=, $\s | x], [$Q, 0 | x], [0 | x]],
    lists:foreach(
      fun(L) ->
              io:format("~w: ~w ~w ~w ~w~n",
                        [L, res(fun() -> base64:decode(L) end), res(fun() -> base64:decode_to_string(L) end),
                         res(fun() -> base64:mime_decode(L) end), res(fun() -> base64:mime_decode_to_string(L) end)])
      end, Lists).

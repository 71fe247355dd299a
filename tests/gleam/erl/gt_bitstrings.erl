-module(gt_bitstrings).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, packet/0]).

-type dynamic_() :: any().

-type packet() :: {packet, integer(), integer(), bitstring()} | {bad, binary()}.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec encode(integer(), integer(), bitstring()) -> bitstring().
encode(Version, Kind, Payload) ->
    Len = erlang:byte_size(Payload),
    <<Version:4, Kind:4, Len:16/big, Payload/bitstring, 255:8>>.

-spec decode(bitstring()) -> packet().
decode(B) ->
    case B of
        <<Version:4, Kind:4, Len:16, Payload:Len/binary, 255:8>> ->
            {packet, Version, Kind, Payload};

        <<_:4, _:4, Len@1:16, _/bitstring>> ->
            {bad, <<"length or trailer wrong"/utf8>>};

        _ ->
            {bad, <<"too short"/utf8>>}
    end.

-spec reverse(list(AQG), list(AQG)) -> list(AQG).
reverse(L, Acc) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            reverse(Xs, [X | Acc])
    end.

-spec utf8_chars(bitstring(), list(integer())) -> list(integer()).
utf8_chars(B, Acc) ->
    case B of
        <<C/utf8, Rest/bitstring>> ->
            utf8_chars(Rest, [gt_ffi:identity(C) | Acc]);

        <<>> ->
            reverse(Acc, []);

        <<X:8, Rest@1/bitstring>> ->
            utf8_chars(Rest@1, [- X | Acc])
    end.

-spec bits(bitstring(), binary()) -> binary().
bits(B, Acc) ->
    case B of
        <<0:1, Rest/bitstring>> ->
            bits(Rest, <<Acc/binary, "0"/utf8>>);

        <<1:1, Rest@1/bitstring>> ->
            bits(Rest@1, <<Acc/binary, "1"/utf8>>);

        _ ->
            Acc
    end.

-spec main() -> nil.
main() ->
    Pkt = encode(2, 5, <<"hello"/utf8>>),
    p(Pkt),
    io:format(<<"~ts~n"/utf8>>, [binary:encode_hex(Pkt)]),
    p(decode(Pkt)),
    p(decode(<<1:4, 1:4, 3:16, 1, 2, 3, 0>>)),
    p(decode(<<1, 2>>)),
    Ints = <<-1:8,
        -1:16/little,
        258:16/little,
        258:16/big,
        1:1,
        0:3,
        5:4,
        -2:8>>,
    p(Ints),
    <<A:8/signed,
        B:16/little-signed,
        C:16/little,
        D:16,
        E:1,
        F:3,
        G:4,
        H:8/signed>> = case Ints of
        <<_:8/signed,
            _:16/little-signed,
            _:16/little,
            _:16,
            _:1,
            _:3,
            _:4,
            _:8/signed>> -> Ints;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"gt_bitstrings"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 80})
    end,
    p([A, B, C, D, E, F, G, H]),
    Fl = <<1.5/float, -0.25:32/float, 3.0:64/float-little>>,
    p(Fl),
    <<X/float, Y:32/float, Z/float-little>> = case Fl of
        <<_/float, _:32/float, _/float-little>> -> Fl;
        _assert_fail@1 ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail@1,
                        module => <<"gt_bitstrings"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 84})
    end,
    p([X, Y, Z]),
    Text = <<"Grüße, "/utf8, "мир"/utf8, " ✓"/utf8>>,
    p(Text),
    p(utf8_chars(Text, [])),
    p(utf8_chars(<<"a"/utf8, 200, "b"/utf8>>, [])),
    Odd = <<5:3, 1:2, 511:9>>,
    p({Odd, erlang:bit_size(Odd)}),
    io:format(<<"~ts~n"/utf8>>, [bits(Odd, <<""/utf8>>)]),
    <<Head:3, Tail/bitstring>> = case Odd of
        <<_:3, _/bitstring>> -> Odd;
        _assert_fail@2 ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail@2,
                        module => <<"gt_bitstrings"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 93})
    end,
    p({Head, Tail, erlang:bit_size(Tail)}),
    Big = <<123456789012345678901234567890:128>>,
    p(Big),
    <<N:128>> = case Big of
        <<_:128>> -> Big;
        _assert_fail@3 ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail@3,
                        module => <<"gt_bitstrings"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 97})
    end,
    p(N),
    Nested = <<<<1, 2>>/bitstring, <<3:4>>/bitstring, 4:4>>,
    p(Nested),
    p(<<"a"/utf16, "é"/utf32-little>>),
    p(<<>> =:= <<>>),
    p(<<1, 2, 3>> =:= <<1, 2, 3>>).

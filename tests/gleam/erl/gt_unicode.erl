-module(gt_unicode).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, encoding/0]).

-type dynamic_() :: any().

-type encoding() :: utf8 | latin1 | utf16.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec codepoints_of(bitstring()) -> list(integer()).
codepoints_of(B) ->
    case B of
        <<C/utf8, Rest/bitstring>> ->
            [gt_ffi:identity(C) | codepoints_of(Rest)];

        _ ->
            []
    end.

-spec encode_one(integer()) -> binary().
encode_one(C) ->
    gt_ffi:identity(unicode:characters_to_binary([C])).

-spec map(list(JF), fun((JF) -> JH)) -> list(JH).
map(L, F) ->
    case L of
        [] ->
            [];

        [X | Xs] ->
            [F(X) | map(Xs, F)]
    end.

-spec utf8_widths(binary()) -> list({integer(), integer()}).
utf8_widths(S) ->
    map(
        unicode:characters_to_list(S),
        fun(C) -> {C, erlang:byte_size(encode_one(C))} end
    ).

-spec main() -> nil.
main() ->
    S = <<"aé€𝄞"/utf8>>,
    p(unicode:characters_to_list(S)),
    p(utf8_widths(S)),
    p(codepoints_of(<<S/binary>>)),
    p(unicode:characters_to_binary([72, 233, 8364, 119070])),
    p(unicode:characters_to_binary(<<104, 105, 255, 106>>)),
    p(unicode:characters_to_binary(<<104, 105, 226, 130>>)),
    p(unicode:characters_to_binary(<<"café"/utf8>>, utf8, latin1)),
    p(unicode:characters_to_binary(<<99, 97, 102, 233>>, latin1, utf8)),
    p(unicode:characters_to_binary(<<"h€"/utf8>>, utf8, utf16)),
    io:format(<<"~ts|~ts~n"/utf8>>, erlang:tuple_to_list({S, <<"plain"/utf8>>})),
    io:format(<<"~tp~n"/utf8>>, [S]),
    io:format(<<"~p~n"/utf8>>, [S]),
    io:format(<<"~tp~n"/utf8>>, [[S, <<"ascii"/utf8>>, <<"ünï"/utf8>>]]),
    io:format(<<"~tw~n"/utf8>>, [{S, 1}]),
    io:format(<<"~ts~n"/utf8>>, [encode_one(128512)]),
    io:format(<<"~tc~c~n"/utf8>>, [8364, 65]).

-module(gt_json).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, json/0, io_data/0, float_opt/0]).

-type dynamic_() :: any().

-type json() :: j_null |
    {j_bool, boolean()} |
    {j_int, integer()} |
    {j_float, float()} |
    {j_string, binary()} |
    {j_array, list(json())} |
    {j_object, list({binary(), json()})}.

-type io_data() :: any().

-type float_opt() :: short.

-spec escape_char(integer()) -> io_data().
escape_char(C) ->
    case C of
        34 ->
            gt_ffi:identity(<<"\\\""/utf8>>);

        92 ->
            gt_ffi:identity(<<"\\\\"/utf8>>);

        10 ->
            gt_ffi:identity(<<"\\n"/utf8>>);

        9 ->
            gt_ffi:identity(<<"\\t"/utf8>>);

        C@1 when C@1 < 32 ->
            io_lib:format(<<"\\u~4.16.0b"/utf8>>, [C@1]);

        C@2 when C@2 > 126 ->
            io_lib:format(<<"\\u~4.16.0b"/utf8>>, [C@2]);

        C@3 ->
            gt_ffi:identity([gt_ffi:identity(C@3)])
    end.

-spec join(list(io_data()), binary()) -> io_data().
join(Items, Sep) ->
    case Items of
        [] ->
            gt_ffi:identity([]);

        [X] ->
            X;

        [X@1 | Rest] ->
            gt_ffi:identity([X@1, gt_ffi:identity(Sep), join(Rest, Sep)])
    end.

-spec map(list(GS), fun((GS) -> GU)) -> list(GU).
map(L, F) ->
    case L of
        [] ->
            [];

        [X | Xs] ->
            [F(X) | map(Xs, F)]
    end.

-spec encode_string(binary()) -> io_data().
encode_string(S) ->
    gt_ffi:identity(
        [gt_ffi:identity(<<"\""/utf8>>),
            gt_ffi:identity(
                map(unicode:characters_to_list(S), fun escape_char/1)
            ),
            gt_ffi:identity(<<"\""/utf8>>)]
    ).

-spec encode(json()) -> io_data().
encode(J) ->
    case J of
        j_null ->
            gt_ffi:identity(<<"null"/utf8>>);

        {j_bool, true} ->
            gt_ffi:identity(<<"true"/utf8>>);

        {j_bool, false} ->
            gt_ffi:identity(<<"false"/utf8>>);

        {j_int, I} ->
            gt_ffi:identity(erlang:integer_to_binary(I));

        {j_float, F} ->
            gt_ffi:identity(erlang:float_to_binary(F, [short]));

        {j_string, S} ->
            encode_string(S);

        {j_array, Items} ->
            gt_ffi:identity(
                [gt_ffi:identity(<<"["/utf8>>),
                    join(map(Items, fun encode/1), <<","/utf8>>),
                    gt_ffi:identity(<<"]"/utf8>>)]
            );

        {j_object, Fields} ->
            gt_ffi:identity(
                [gt_ffi:identity(<<"{"/utf8>>),
                    join(
                        map(
                            Fields,
                            fun(Kv) ->
                                gt_ffi:identity(
                                    [encode_string(erlang:element(1, Kv)),
                                        gt_ffi:identity(<<":"/utf8>>),
                                        encode(erlang:element(2, Kv))]
                                )
                            end
                        ),
                        <<","/utf8>>
                    ),
                    gt_ffi:identity(<<"}"/utf8>>)]
            )
    end.

-spec main() -> nil.
main() ->
    Doc = {j_object,
        [{<<"name"/utf8>>, {j_string, <<"Gleam \"BEAM\" test"/utf8>>}},
            {<<"version"/utf8>>, {j_float, 0.3}},
            {<<"tags"/utf8>>,
                {j_array,
                    [{j_string, <<"types"/utf8>>},
                        {j_string, <<"ünïcödé"/utf8>>},
                        {j_string, <<"tab\there"/utf8>>}]}},
            {<<"count"/utf8>>, {j_int, 123456789012345678901234567890}},
            {<<"ok"/utf8>>, {j_bool, true}},
            {<<"missing"/utf8>>, j_null},
            {<<"nested"/utf8>>,
                {j_object,
                    [{<<"empty"/utf8>>, {j_array, []}},
                        {<<"neg"/utf8>>, {j_int, -5}},
                        {<<"exp"/utf8>>, {j_float, 1.0e-10}}]}},
            {<<"ctrl"/utf8>>, {j_string, <<"line1\nline2\r"/utf8>>}}]},
    Data = encode(Doc),
    io:format(<<"~ts~n"/utf8>>, [erlang:iolist_to_binary(Data)]),
    io:format(<<"~b bytes~n"/utf8>>, [erlang:iolist_size(Data)]),
    io:format(
        <<"~ts~n"/utf8>>,
        [erlang:iolist_to_binary(
                encode(
                    {j_array,
                        [{j_int, 1},
                            {j_array, [{j_int, 2}, {j_array, [{j_int, 3}]}]}]}
                )
            )]
    ).

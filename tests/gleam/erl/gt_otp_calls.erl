-module(gt_otp_calls).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, atom_/0, fun_info_key/0]).

-type dynamic_() :: any().

-type atom_() :: any().

-type fun_info_key() :: arity | module.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec main() -> nil.
main() ->
    p(
        uri_string:parse(
            <<"https://user@example.com:8042/over/there?name=ferret&x=%20y#nose"/utf8>>
        )
    ),
    p(uri_string:parse(<<"mailto:someone@example.org"/utf8>>)),
    p(uri_string:parse(<<"/relative/path?q"/utf8>>)),
    p(uri_string:dissect_query(<<"a=1&b=two%20words&c&d=%C3%A9"/utf8>>)),
    Encoded = base64:encode(<<"Gleam ✨ on the BEAM"/utf8>>),
    io:format(<<"~ts~n"/utf8>>, [Encoded]),
    p(base64:decode(Encoded)),
    p(base64:decode(<<"AAEC/w=="/utf8>>)),
    p(binary:part(<<"hello world"/utf8>>, 6, 5)),
    io:format(<<"~ts~n"/utf8>>, [binary:encode_hex(<<0, 15, 16, 255>>)]),
    p(binary:decode_hex(<<"DEADbeef"/utf8>>)),
    p(binary:split(<<"key=value=more"/utf8>>, <<"="/utf8>>)),
    p(
        erlang:iolist_to_binary(
            lists:join(
                <<", "/utf8>>,
                [<<"a"/utf8>>, <<"b"/utf8>>, <<"c"/utf8>>]
            )
        )
    ),
    p(erlang:fun_info(fun p/1, arity)),
    p(erlang:fun_info(fun(X, Y) -> X + Y end, arity)),
    p(erlang:fun_info(fun p/1, module)),
    p({math:log(math:exp(2.0)), math:exp(0.0), math:log(1.0)}),
    io:format(
        <<"~ts~n"/utf8>>,
        [unicode:characters_to_binary(
                io_lib:format(
                    <<"~5.2f|~-6s|~6s|~w"/utf8>>,
                    erlang:tuple_to_list(
                        {3.14159, <<"ab"/utf8>>, <<"cd"/utf8>>, <<"bin"/utf8>>}
                    )
                )
            )]
    ),
    A = erlang:binary_to_atom(<<"hello world"/utf8>>),
    p(A),
    io:format(<<"~ts~n"/utf8>>, [erlang:atom_to_binary(A)]),
    p(erlang:list_to_tuple([1, 2, 3])),
    p(erlang:binary_to_list(<<"héllo"/utf8>>)),
    p(erlang:list_to_binary([104, 105])),
    io:format(
        <<"~ts ~ts~n"/utf8>>,
        erlang:tuple_to_list(
            {erlang:integer_to_binary(255, 2),
                erlang:integer_to_binary(-255, 16)}
        )
    ),
    p(erlang:binary_to_integer(<<"zz"/utf8>>, 36)),
    p(erlang:element(2, {<<"a"/utf8>>, <<"b"/utf8>>, <<"c"/utf8>>})),
    p(erlang:phash2({<<"a"/utf8>>, 1, [2.0]})).

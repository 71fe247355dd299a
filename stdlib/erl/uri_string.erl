%% uri_string: URI parsing, composing, normalization, resolution and
%% query-string handling (RFC 3986 and the HTML5 form encoding), as OTP 25
%% provides them.
%%
%% Results follow OTP's exactly, quirks included, because programs match
%% on them:
%%
%%   - components come back as binaries for binary input and as lists for
%%     list input; errors are {error, Reason, Data} where Data is the part
%%     of the input where parsing gave up, or a one-character list;
%%   - parse/1 first tries the input as an absolute URI and, if that fails
%%     anywhere, as a relative reference; the reported error is the one of
%%     the last attempt;
%%   - each component is cut out of the input by subtracting what is left
%%     after it, and when nothing is left, by dropping a trailing
%%     delimiter;
%%   - some bad inputs raise exceptions instead of returning error tuples
%%     (invalid UTF-8 in parse/1 raises function_clause; percent_decode/1
%%     of a binary throws its error).
%%
%% Addresses are checked with the rules of inet's strict IPv4 and IPv6
%% parsers, which this module carries itself.
-module(uri_string).

-export([allowed_characters/0, compose_query/1, compose_query/2,
         dissect_query/1, is_host/1, is_path/1, normalize/1, normalize/2,
         parse/1, percent_decode/1, quote/1, quote/2, recompose/1,
         resolve/2, resolve/3, transcode/2, unquote/1]).

%% =====================================================================
%% Character classes (RFC 3986, section 2 and appendix A)

alpha(C) when is_integer(C), C >= $a, C =< $z -> true;
alpha(C) when is_integer(C), C >= $A, C =< $Z -> true;
alpha(_) -> false.

digit(C) when is_integer(C), C >= $0, C =< $9 -> true;
digit(_) -> false.

hexdigit(C) when is_integer(C), C >= $0, C =< $9 -> true;
hexdigit(C) when is_integer(C), C >= $a, C =< $f -> true;
hexdigit(C) when is_integer(C), C >= $A, C =< $F -> true;
hexdigit(_) -> false.

hexval(C) when C =< $9 -> C - $0;
hexval(C) when C =< $F -> C - $A + 10;
hexval(C) -> C - $a + 10.

hexchar(N) when N < 10 -> $0 + N;
hexchar(N) -> $A + N - 10.

unreserved(C) ->
    case C of
        $- -> true;
        $. -> true;
        $_ -> true;
        $~ -> true;
        _ -> alpha(C) orelse digit(C)
    end.

sub_delim(C) ->
    lists:member(C, "!$&'()*+,;=").

reserved(C) ->
    lists:member(C, ":/?#[]@!$&'()*+,;=").

pchar(C) ->
    C =:= $% orelse C =:= $: orelse C =:= $@ orelse unreserved(C) orelse sub_delim(C).

segment_nz_nc(C) ->
    C =:= $% orelse C =:= $@ orelse unreserved(C) orelse sub_delim(C).

scheme_char(C) ->
    C =:= $+ orelse C =:= $- orelse C =:= $. orelse alpha(C) orelse digit(C).

userinfo_char(C) ->
    C =:= $% orelse C =:= $: orelse unreserved(C) orelse sub_delim(C).

reg_name_char(C) ->
    C =:= $% orelse unreserved(C) orelse sub_delim(C).

%% is_host/1 tells whether C may appear in a host as the URI syntax
%% allows it outside IP literals.
is_host(C) ->
    C =:= $: orelse unreserved(C) orelse sub_delim(C).

%% is_path/1 tells whether C may appear in a path.
is_path(C) ->
    C =:= $/ orelse pchar(C).

query_char(C) ->
    C =:= $/ orelse C =:= $? orelse pchar(C).

ipv4_char(C) ->
    C =:= $. orelse digit(C).

ipv6_char(C) ->
    C =:= $: orelse C =:= $. orelse hexdigit(C).

%% in_class(Class, C) is the character test of each scanner below.
in_class(segment, C) -> pchar(C);
in_class(segment_nz_nc, C) -> segment_nz_nc(C);
in_class(query, C) -> query_char(C);
in_class(fragment, C) -> query_char(C);
in_class(port, C) -> digit(C);
in_class(reg_name, C) -> reg_name_char(C);
in_class(ipv6_end, C) -> ipv6_char(C).

%% stops(Class, C) says what a delimiter C ends in a scanner: the start of
%% the next component, or a plain path segment that continues the scan.
stops(segment, $/) -> segment;
stops(segment, $?) -> query;
stops(segment, $#) -> fragment;
stops(segment_nz_nc, $/) -> segment;
stops(segment_nz_nc, $?) -> query;
stops(segment_nz_nc, $#) -> fragment;
stops(query, $#) -> fragment;
stops(port, $/) -> path;
stops(port, $?) -> query;
stops(port, $#) -> fragment;
stops(reg_name, C) -> after_host(C);
stops(ipv6_end, C) -> after_host(C);
stops(_, _) -> no.

after_host($:) -> port;
after_host($/) -> path;
after_host($?) -> query;
after_host($#) -> fragment;
after_host(_) -> no.

allowed_characters() ->
    Chars = lists:seq(0, 127),
    Pick = fun(F) -> [C || C <- Chars, F(C)] end,
    [{scheme, Pick(fun scheme_char/1)},
     {userinfo, Pick(fun userinfo_char/1)},
     {host, Pick(fun is_host/1)},
     {ipv4, Pick(fun ipv4_char/1)},
     {ipv6, Pick(fun ipv6_char/1)},
     {regname, Pick(fun reg_name_char/1)},
     {path, Pick(fun is_path/1)},
     {query, Pick(fun query_char/1)},
     {fragment, Pick(fun query_char/1)},
     {reserved, Pick(fun reserved/1)},
     {unreserved, Pick(fun unreserved/1)}].

%% =====================================================================
%% Parsing
%%
%% Every scanner takes the input left to read and the map built so far,
%% and returns {Left, Map}: Left is what followed the delimiter that ended
%% the scanner's component (or <<>> when the input ran out), Map has the
%% later components added. Errors are thrown as {error, Reason, Data}.

parse(URI) when is_binary(URI) ->
    try
        reference(URI)
    catch
        throw:{error, R, D} -> {error, R, D}
    end;
parse(URI) when is_list(URI) ->
    try
        Bin = unicode:characters_to_binary(URI),
        maps:map(fun(_, V) when is_binary(V) -> unicode:characters_to_list(V);
                    (_, V) -> V
                 end, reference(Bin))
    catch
        throw:{error, R, D} -> {error, R, D}
    end.

reference(<<>>) ->
    #{path => <<>>};
reference(URI) ->
    try
        absolute(URI)
    catch
        throw:{_, _, _} -> relative(URI)
    end.

with_path(#{path := _} = M) -> M;
with_path(M) -> M#{path => <<>>}.

%% cut(Input, Left, Delims) is the part of Input a scanner consumed, given
%% what was left after the next delimiter. With nothing left it cannot
%% tell whether the input ended with a delimiter, and drops a last
%% character that is one of Delims.
cut(<<>>, <<>>, _) ->
    <<>>;
cut(Input, <<>>, Delims) ->
    Last = binary:last(Input),
    case lists:member(Last, Delims) of
        true -> binary_part(Input, 0, byte_size(Input) - 1);
        false -> Input
    end;
cut(Input, Left, _) ->
    binary_part(Input, 0, byte_size(Input) - byte_size(Left) - 1).

%% absolute parses scheme ":" hier-part [ "?" query ] [ "#" fragment ].
absolute(<<C/utf8, Rest/binary>>) ->
    case alpha(C) of
        true ->
            {Left, M} = scheme(Rest, #{}),
            Scheme = cut(Rest, Left, ":"),
            (with_path(M))#{scheme => <<C/utf8, Scheme/binary>>};
        false ->
            throw({error, invalid_uri, [C]})
    end.

scheme(<<$:, Rest/binary>>, M) ->
    {_, M1} = hier(Rest, M),
    {Rest, M1};
scheme(<<C/utf8, Rest/binary>>, M) ->
    case scheme_char(C) of
        true -> scheme(Rest, M);
        false -> throw({error, invalid_uri, [C]})
    end;
scheme(<<>>, _) ->
    throw({error, invalid_uri, <<>>}).

hier(<<"//", Rest/binary>>, M) ->
    {Key, Value, M1} = authority(Rest, M),
    {Rest, M1#{Key => Value}};
hier(<<C/utf8, Rest/binary>>, M) when C =:= $/; C =:= $?; C =:= $# ->
    component(C, Rest, M);
hier(<<C/utf8, Rest/binary>>, M) ->
    case pchar(C) of
        true -> {Rest, first_segment(C, segment, Rest, M)};
        false -> throw({error, invalid_uri, [C]})
    end;
hier(<<>>, M) ->
    {<<>>, M}.

%% relative parses a relative reference.
relative(<<"//", Rest/binary>>) ->
    {Key, Value, M} = authority(Rest, #{}),
    (with_path(M))#{Key => Value};
relative(<<C/utf8, Rest/binary>>) when C =:= $/; C =:= $?; C =:= $# ->
    {_, M} = component(C, Rest, #{}),
    with_path(M);
relative(<<C/utf8, Rest/binary>>) ->
    case segment_nz_nc(C) of
        true -> first_segment(C, segment_nz_nc, Rest, #{});
        false -> throw({error, invalid_uri, [C]})
    end.

%% first_segment adds a path starting with the character C.
first_segment(C, Class, Rest, M) ->
    {Left, M1} = scan(Class, Rest, M),
    Path = cut(Rest, Left, "?#"),
    M1#{path => <<C/utf8, Path/binary>>}.

%% authority parses what follows "//": userinfo "@" host, or else a host.
%% It returns the key and value to add and the map of the rest.
authority(Rest, M) ->
    try userinfo(Rest, M) of
        {Left, M1} -> {userinfo, cut(Rest, Left, "?#@"), M1}
    catch
        throw:{_, _, _} ->
            {Left, M1} = host(Rest, M),
            {host, unbracket(cut(Rest, Left, ":?#/")), M1}
    end.

userinfo(<<"@">>, M) ->
    {<<>>, M#{host => <<>>}};
userinfo(<<$@, Rest/binary>>, M) ->
    {Left, M1} = host(Rest, M),
    {Rest, M1#{host => unbracket(cut(Rest, Left, ":?#/"))}};
userinfo(<<C/utf8, Rest/binary>>, M) ->
    case userinfo_char(C) of
        true -> userinfo(Rest, M);
        false -> throw({error, invalid_uri, [C]})
    end;
userinfo(<<>>, _) ->
    throw({error, invalid_uri, <<>>}).

unbracket(<<$[, Rest/binary>>) ->
    {Inner, Last} = split_binary(Rest, byte_size(Rest) - 1),
    case Last of
        <<$]>> -> Inner;
        _ -> Rest
    end;
unbracket(Host) ->
    Host.

host(<<$[, Rest/binary>>, M) ->
    ipv6(Rest, [], M);
host(<<C/utf8, Rest/binary>> = In, M) ->
    case after_host(C) of
        no ->
            case digit(C) of
                true ->
                    try
                        ipv4(Rest, [C], M)
                    catch
                        throw:{_, _, _} -> scan(reg_name, In, M)
                    end;
                false ->
                    scan(reg_name, In, M)
            end;
        Next ->
            component(Next, Rest, M)
    end;
host(<<>>, M) ->
    {<<>>, M}.

ipv4(<<C/utf8, Rest/binary>>, Acc, M) ->
    case after_host(C) of
        no ->
            case ipv4_char(C) of
                true -> ipv4(Rest, [C | Acc], M);
                false -> throw({error, invalid_uri, [C]})
            end;
        Next ->
            check_ipv4(lists:reverse(Acc)),
            component(Next, Rest, M)
    end;
ipv4(<<>>, Acc, M) ->
    check_ipv4(lists:reverse(Acc)),
    {<<>>, M}.

ipv6(<<$], Rest/binary>>, Acc, M) ->
    check_ipv6(lists:reverse(Acc)),
    scan(ipv6_end, Rest, M);
ipv6(<<C/utf8, Rest/binary>>, Acc, M) ->
    case ipv6_char(C) of
        true -> ipv6(Rest, [C | Acc], M);
        false -> throw({error, invalid_uri, [C]})
    end;
ipv6(<<>>, _, _) ->
    throw({error, invalid_uri, <<>>}).

check_ipv4(Addr) ->
    case ipv4_address(Addr) of
        true -> ok;
        false -> throw({error, invalid_uri, Addr})
    end.

check_ipv6(Addr) ->
    case ipv6_address(Addr) of
        true -> ok;
        false -> throw({error, invalid_uri, Addr})
    end.

%% scan reads the characters of Class up to a delimiter of the class or
%% the end of the input.
scan(Class, <<C/utf8, Rest/binary>>, M) ->
    case stops(Class, C) of
        no ->
            case in_class(Class, C) of
                true -> scan(Class, Rest, M);
                false -> throw({error, invalid_uri, [C]})
            end;
        segment ->
            scan(segment, Rest, M);
        Next ->
            component(Next, Rest, M)
    end;
scan(_, <<>>, M) ->
    {<<>>, M}.

%% component parses the component that the delimiter (or its name) Next
%% starts, Rest being what follows the delimiter.
component($/, Rest, M) -> component(path, Rest, M);
component($?, Rest, M) -> component(query, Rest, M);
component($#, Rest, M) -> component(fragment, Rest, M);
component(path, Rest, M) ->
    {Left, M1} = scan(segment, Rest, M),
    Path = cut(Rest, Left, "?#"),
    {Rest, M1#{path => <<$/, Path/binary>>}};
component(query, Rest, M) ->
    {Left, M1} = scan(query, Rest, M),
    {Rest, M1#{query => cut(Rest, Left, "#")}};
component(fragment, Rest, M) ->
    {Left, M1} = scan(fragment, Rest, M),
    {Rest, M1#{fragment => cut(Rest, Left, "#")}};
component(port, Rest, M) ->
    {Left, M1} = scan(port, Rest, M),
    {Rest, M1#{port => port_number(cut(Rest, Left, ":?#/"))}}.

port_number(<<>>) ->
    undefined;
port_number(Digits) ->
    try
        binary_to_integer(Digits)
    catch
        error:badarg -> throw({error, invalid_uri, Digits})
    end.

%% =====================================================================
%% IP address syntax, as inet's strict parsers accept it. Each returns
%% false for a bad address; malformed non-lists fail as inet's do.

ipv4_address(Addr) ->
    try ipv4_fields(Addr) of
        _ -> true
    catch
        error:badarg -> false
    end.

%% ipv4_fields returns the four numbers of a dotted-decimal address, or
%% fails with badarg.
ipv4_fields(Cs) ->
    case dotted(Cs, []) of
        [_, _, _, _] = Fields ->
            case lists:all(fun(F) -> F < 256 end, Fields) of
                true -> Fields;
                false -> erlang:error(badarg)
            end;
        _ ->
            erlang:error(badarg)
    end.

%% dotted collects the fields of Cs in reverse; a field is "0" or up to
%% three characters not starting with 0 that list_to_integer/1 reads as
%% a non-negative number.
dotted([_ | _], [_, _, _, _]) ->
    erlang:error(badarg);
dotted("0", Fields) ->
    [0 | Fields];
dotted([$0, $. | Cs], Fields) ->
    dotted(Cs, [0 | Fields]);
dotted(Cs, Fields) when is_list(Cs) ->
    case dec_field(Cs, 3, []) of
        {N, []} -> [N | Fields];
        {N, [$., _ | _] = More} -> dotted(tl(More), [N | Fields]);
        {_, _} -> erlang:error(badarg)
    end;
dotted(_, _) ->
    erlang:error(function_clause).

dec_field([], _, Acc) ->
    {field_value(Acc), []};
dec_field([$. | _] = Cs, _, Acc) ->
    {field_value(Acc), Cs};
dec_field([$0 | _], _, []) ->
    erlang:error(badarg);
dec_field([C | Cs], N, Acc) when N > 0 ->
    dec_field(Cs, N - 1, [C | Acc]);
dec_field(Cs, _, _) when is_list(Cs) ->
    erlang:error(badarg);
dec_field(_, _, _) ->
    erlang:error(function_clause).

field_value(Acc) ->
    case list_to_integer(lists:reverse(Acc)) of
        N when N < 0 -> erlang:error(badarg);
        N -> N
    end.

ipv6_address(Addr) ->
    try ipv6_words(Addr) of
        _ -> true
    catch
        error:badarg -> false
    end.

%% ipv6_words checks the groups of an IPv6 address: up to eight hex
%% groups, one "::" standing for zeros, an optional dotted IPv4 tail, and
%% an optional "%scope" for link-local and multicast addresses.
ipv6_words("::") ->
    ok;
ipv6_words([$:, $: | Cs]) ->
    after_gap(hex_group(Cs), [], [], 0);
ipv6_words(Cs) ->
    before_gap(hex_group(Cs), [], 0).

%% before_gap: Hi holds the groups read so far (last first), N counts them.
before_gap({G, [$% | Scope]}, Hi, 7) ->
    scoped(Scope, [hex_int(G) | Hi], [], 8);
before_gap({_, []}, _, 7) ->
    ok;
before_gap({G, [$:, $:, $% | Scope]}, Hi, N) when N =< 6 ->
    scoped(Scope, [hex_int(G) | Hi], [], N + 1);
before_gap({_, "::"}, _, N) when N =< 6 ->
    ok;
before_gap({G, [$:, $: | Cs]}, Hi, N) when N =< 5 ->
    after_gap(hex_group(Cs), [hex_int(G) | Hi], [], N + 1);
before_gap({G, [$: | Cs]}, Hi, N) when N =< 6 ->
    before_gap(hex_group(Cs), [hex_int(G) | Hi], N + 1);
before_gap({G, [$. | _] = Cs}, _, 6) ->
    ipv4_fields(G ++ Cs);
before_gap(_, _, _) ->
    erlang:error(badarg).

%% after_gap: Lo holds the groups read after "::".
after_gap({G, [$% | Scope]}, Hi, Lo, N) when N =< 6 ->
    scoped(Scope, Hi, [hex_int(G) | Lo], N + 1);
after_gap({_, []}, _, _, N) when N =< 6 ->
    ok;
after_gap({G, [$: | Cs]}, Hi, Lo, N) when N =< 5 ->
    after_gap(hex_group(Cs), Hi, [hex_int(G) | Lo], N + 1);
after_gap({G, [$. | _] = Cs}, _, _, N) when N =< 5 ->
    ipv4_fields(G ++ Cs);
after_gap(_, _, _, _) ->
    erlang:error(badarg).

%% scoped accepts a scope only after fe80 or ff02 followed by a zero
%% group; a scope that starts with 0 must be a decimal below 65536.
scoped(Scope, Hi, Lo, N) ->
    proper(Scope),
    case Scope of
        [$0 | Digits] -> scope_number(Digits, 0);
        _ -> ok
    end,
    case Hi of
        [P] when N =< 7, P =:= 16#fe80; N =< 7, P =:= 16#ff02 ->
            ok;
        _ ->
            case lists:reverse(Lo ++ lists:duplicate(8 - N, 0) ++ Hi) of
                [P, 0 | _] when P =:= 16#fe80; P =:= 16#ff02 -> ok;
                _ -> erlang:error(badarg)
            end
    end.

proper([_ | T]) -> proper(T);
proper([]) -> ok.

scope_number([], _) ->
    ok;
scope_number([C | Cs], Acc) when is_integer(C), C >= $0, C =< $9 ->
    case Acc * 10 + C - $0 of
        V when V > 16#ffff -> erlang:error(badarg);
        V -> scope_number(Cs, V)
    end;
scope_number(_, _) ->
    erlang:error(badarg).

%% hex_group splits one to four hex digits off Cs.
hex_group(Cs) ->
    hex_group(Cs, [], 4).

hex_group([C | Cs], Acc, N) when N > 0, is_integer(C), C >= $0, C =< $9;
                                 N > 0, is_integer(C), C >= $a, C =< $f;
                                 N > 0, is_integer(C), C >= $A, C =< $F ->
    hex_group(Cs, [C | Acc], N - 1);
hex_group(Cs, [_ | _] = Acc, _) when is_list(Cs) ->
    {lists:reverse(Acc), Cs};
hex_group(_, _, _) ->
    erlang:error(badarg).

hex_int(Digits) ->
    list_to_integer(Digits, 16).

%% =====================================================================
%% Composing

recompose(Map) ->
    case valid_map(Map) of
        false ->
            {error, invalid_map, Map};
        true ->
            try
                compose(Map)
            catch
                throw:{error, R, D} -> {error, R, D}
            end
    end.

valid_map(#{path := _} = Map) ->
    Known = [scheme, userinfo, host, port, path, query, fragment],
    lists:all(fun(K) -> lists:member(K, Known) end, maps:keys(Map));
valid_map(#{}) ->
    false.

%% compose glues the components together; the text starts as the atom
%% empty until a component is written, and takes the type (binary or
%% list) of the first one.
compose(Map) ->
    U0 = case Map of
             #{scheme := S} -> suffix(scheme_text(S), $:);
             _ -> empty
         end,
    U1 = case Map of
             #{userinfo := UI} -> append(U0, prefix("//", encode(UI, fun userinfo_char/1)));
             _ -> U0
         end,
    U2 = case Map of
             #{host := H} when U1 =:= empty ->
                 prefix("//", host_text(H));
             #{host := H, userinfo := _} ->
                 join(U1, prefix("@", host_text(H)));
             #{host := H} ->
                 join(U1, prefix("//", host_text(H)));
             _ ->
                 U1
         end,
    U3 = case Map of
             #{port := undefined} -> join(U2, <<":">>);
             #{port := Port} -> join(U2, <<$:, (integer_to_binary(Port))/binary>>);
             _ -> U2
         end,
    U4 = case Map of
             #{path := P} when U3 =:= empty ->
                 encode(P, fun is_path/1);
             #{host := _, path := P} ->
                 join(U3, encode(rooted(flat_path(P)), fun is_path/1));
             #{path := P} ->
                 join(U3, encode(P, fun is_path/1))
         end,
    U5 = case Map of
             #{query := Q} -> join(U4, prefix("?", encode(Q, fun query_char/1)));
             _ -> U4
         end,
    case Map of
        #{fragment := F} -> join(U5, prefix("#", encode(F, fun query_char/1)));
        _ -> U5
    end.

append(empty, Part) -> Part;
append(Text, Part) -> join(Text, Part).

%% join appends B to A; a list A makes the result a list.
join(A, B) when is_binary(A), is_binary(B) ->
    <<A/binary, B/binary>>;
join(A, B) when is_binary(A), is_list(B) ->
    unicode:characters_to_list(A) ++ B;
join(A, B) when is_list(A) ->
    A ++ as_list(B).

as_list(B) when is_binary(B) -> unicode:characters_to_list(B);
as_list(L) -> L.

prefix(P, Text) when is_binary(Text) -> <<(list_to_binary(P))/binary, Text/binary>>;
prefix(P, Text) when is_list(Text) -> P ++ Text.

suffix(Text, C) when is_binary(Text) -> <<Text/binary, C>>;
suffix(Text, C) when is_list(Text) -> Text ++ [C].

scheme_text([]) ->
    throw({error, invalid_scheme, ""});
scheme_text(<<>>) ->
    throw({error, invalid_scheme, <<>>});
scheme_text(S) ->
    case scheme_chars(S) of
        true -> S;
        false -> throw({error, invalid_scheme, S})
    end.

scheme_chars([]) -> true;
scheme_chars([C | Cs]) -> scheme_char(C) andalso scheme_chars(Cs);
scheme_chars(<<>>) -> true;
scheme_chars(<<C, Cs/binary>>) -> scheme_char(C) andalso scheme_chars(Cs).

%% host_text writes a host: registered names and IPv4 addresses as they
%% are, IPv6 addresses in brackets, anything else percent-encoded.
host_text(H) ->
    case host_kind(H) of
        plain -> H;
        ipv6 when is_binary(H) -> <<$[, H/binary, $]>>;
        ipv6 -> [$[ | H] ++ "]";
        other -> encode(H, fun reg_name_char/1)
    end.

host_kind([]) ->
    other;
host_kind(H) when is_binary(H) ->
    host_chars_kind(unicode:characters_to_list(H));
host_kind(H) ->
    host_chars_kind(H).

host_chars_kind(Cs) ->
    case ipv6_address(Cs) of
        true ->
            ipv6;
        false ->
            case ipv4_address(Cs) of
                true -> plain;
                false -> reg_name_list(Cs)
            end
    end.

reg_name_list([]) -> plain;
reg_name_list([C | Cs]) ->
    case reg_name_char(C) of
        true -> reg_name_list(Cs);
        false -> other
    end.

flat_path(P) when is_binary(P) -> P;
flat_path(P) -> unicode:characters_to_list(P).

rooted(<<>>) -> <<>>;
rooted("") -> "";
rooted(<<$/, _/binary>> = P) -> P;
rooted([$/ | _] = P) -> P;
rooted(P) when is_binary(P) -> <<$/, P/binary>>;
rooted(P) when is_list(P) -> [$/ | P].

%% encode percent-encodes the UTF-8 bytes of every character of Text that
%% Keep rejects. A kept character is written as one byte.
encode(Text, Keep) when is_list(Text) ->
    unicode:characters_to_list(encode_bin(unicode:characters_to_binary(Text), Keep, <<>>));
encode(Text, Keep) when is_binary(Text) ->
    encode_bin(Text, Keep, <<>>).

encode_bin(<<C/utf8, Rest/binary>>, Keep, Acc) ->
    case Keep(C) of
        true -> encode_bin(Rest, Keep, <<Acc/binary, C>>);
        false -> encode_bin(Rest, Keep, pct_bytes(<<C/utf8>>, Acc))
    end;
encode_bin(<<_, _/binary>> = Bad, _, _) ->
    throw({error, invalid_input, Bad});
encode_bin(<<>>, _, Acc) ->
    Acc.

%% pct_bytes appends %XX for every byte of Bytes.
pct_bytes(<<B, Rest/binary>>, Acc) ->
    pct_bytes(Rest, <<Acc/binary, $%, (hexchar(B bsr 4)), (hexchar(B band 15))>>);
pct_bytes(<<>>, Acc) ->
    Acc.

quote(Data) ->
    encode(Data, fun unreserved/1).

quote(Data, Safe) ->
    encode(Data, fun(C) -> unreserved(C) orelse lists:member(C, Safe) end).

%% =====================================================================
%% Percent-decoding

unquote(Data) ->
    raw_decode(Data).

percent_decode(Map) when is_map(Map) ->
    Decode = fun(K, V) when K =:= userinfo; K =:= host; K =:= path;
                            K =:= query; K =:= fragment ->
                     case raw_decode(V) of
                         {error, Reason, Data} ->
                             throw({error, {invalid, {K, {Reason, Data}}}});
                         Decoded ->
                             Decoded
                     end;
                (_, V) ->
                     V
             end,
    try
        maps:map(Decode, Map)
    catch
        throw:Error -> Error
    end;
percent_decode(Data) when is_list(Data); is_binary(Data) ->
    raw_decode(Data).

%% raw_decode decodes every %XX. A list's errors are returned; a binary's
%% are thrown.
raw_decode(L) when is_list(L) ->
    try
        unicode:characters_to_list(raw_decode(unicode:characters_to_binary(L), <<>>))
    catch
        throw:{error, R, D} -> {error, R, D}
    end;
raw_decode(B) ->
    raw_decode(B, <<>>).

raw_decode(<<$%, H, L, Rest/binary>>, Acc) ->
    case hexdigit(H) andalso hexdigit(L) of
        true -> raw_decode(Rest, <<Acc/binary, (hexval(H) * 16 + hexval(L))>>);
        false -> throw({error, invalid_percent_encoding, <<$%, H, L>>})
    end;
raw_decode(<<C, Rest/binary>>, Acc) ->
    raw_decode(Rest, <<Acc/binary, C>>);
raw_decode(<<>>, Acc) ->
    utf8_checked(Acc).

utf8_checked(B) ->
    case unicode:characters_to_list(B) of
        L when is_list(L) -> B;
        _ -> throw({error, invalid_utf8, B})
    end.

%% normal_decode decodes only the %XX that stand for unreserved
%% characters, and upper-cases the hex digits of the others.
normal_decode(L) when is_list(L) ->
    unicode:characters_to_list(normal_decode(unicode:characters_to_binary(L), <<>>));
normal_decode(B) ->
    normal_decode(B, <<>>).

normal_decode(<<$%, H, L, Rest/binary>>, Acc) ->
    case hexdigit(H) andalso hexdigit(L) of
        true ->
            C = hexval(H) * 16 + hexval(L),
            case unreserved(C) of
                true -> normal_decode(Rest, <<Acc/binary, C>>);
                false -> normal_decode(Rest, <<Acc/binary, $%, (upper(H)), (upper(L))>>)
            end;
        false ->
            throw({error, invalid_percent_encoding, <<$%, H, L>>})
    end;
normal_decode(<<C, Rest/binary>>, Acc) ->
    normal_decode(Rest, <<Acc/binary, C>>);
normal_decode(<<>>, Acc) ->
    utf8_checked(Acc).

upper(C) when C >= $a, C =< $f -> C - 32;
upper(C) -> C.

%% =====================================================================
%% Normalization (RFC 3986, section 6)

normalize(URI) ->
    normalize(URI, []).

normalize(Map, []) when is_map(Map) ->
    try
        recompose(normal_map(Map))
    catch
        throw:{error, R, D} -> {error, R, D}
    end;
normalize(Map, [return_map]) when is_map(Map) ->
    try
        normal_map(Map)
    catch
        throw:{error, R, D} -> {error, R, D}
    end;
normalize(URI, []) ->
    case parse(URI) of
        Map when is_map(Map) ->
            try
                recompose(normal_map(Map))
            catch
                throw:{error, R, D} -> {error, R, D}
            end;
        Error ->
            Error
    end;
normalize(URI, [return_map]) ->
    case parse(URI) of
        Map when is_map(Map) ->
            try
                normal_map(Map)
            catch
                throw:{error, R, D} -> {error, R, D}
            end;
        Error ->
            Error
    end.

normal_map(Map) ->
    M1 = lower_case(Map),
    M2 = maps:map(fun(K, V) when K =:= userinfo; K =:= host; K =:= path;
                                 K =:= query; K =:= fragment ->
                          normal_decode(V);
                     (_, V) ->
                          V
                  end, M1),
    M3 = case M2 of
             #{port := undefined} -> maps:remove(port, M2);
             #{} -> M2
         end,
    dot_segments_removed(scheme_normal(M3)).

lower_case(#{scheme := S, host := H} = M) -> M#{scheme => lower(S), host => lower(H)};
lower_case(#{host := H} = M) -> M#{host => lower(H)};
lower_case(#{scheme := S} = M) -> M#{scheme => lower(S)};
lower_case(#{} = M) -> M.

lower(L) when is_list(L) ->
    to_chars(lower(to_utf8(L, utf8, utf8)), utf8);
lower(B) when is_binary(B) ->
    << <<(if C >= $A, C =< $Z -> C + 32; true -> C end)>> || <<C>> <= B >>.

%% scheme_normal drops the default port of the schemes OTP knows, and
%% gives http and https URIs an empty path of "/".
scheme_normal(M) ->
    Scheme = maps:get(scheme, M, undefined),
    Port = maps:get(port, M, undefined),
    Path = maps:get(path, M, undefined),
    case scheme_name(Scheme) of
        "http" -> root_path(default_port(M, Port, 80), Path);
        "https" -> root_path(default_port(M, Port, 443), Path);
        "ftp" -> default_port(M, Port, 21);
        "ssh" -> default_port(M, Port, 22);
        "sftp" -> default_port(M, Port, 22);
        "tftp" -> default_port(M, Port, 69);
        _ -> M
    end.

scheme_name(S) when is_binary(S) ->
    case lists:member(S, [<<"http">>, <<"https">>, <<"ftp">>, <<"ssh">>, <<"sftp">>, <<"tftp">>]) of
        true -> binary_to_list(S);
        false -> other
    end;
scheme_name(S) ->
    case lists:member(S, ["http", "https", "ftp", "ssh", "sftp", "tftp"]) of
        true -> S;
        false -> other
    end.

default_port(M, Default, Default) -> maps:remove(port, M);
default_port(M, _, _) -> M.

root_path(M, "") -> M#{path => "/"};
root_path(M, <<>>) -> M#{path => <<"/">>};
root_path(M, _) -> M.

dot_segments_removed(M) ->
    M#{path => remove_dots(maps:get(path, M, undefined))}.

%% remove_dots applies RFC 3986's remove_dot_segments to a path.
remove_dots(P) when is_binary(P) ->
    remove_dots(P, <<>>);
remove_dots(P) when is_list(P) ->
    to_chars(remove_dots(to_utf8(P, utf8, utf8), <<>>), utf8).

remove_dots(<<>>, Out) -> Out;
remove_dots(<<"../", Rest/binary>>, Out) -> remove_dots(Rest, Out);
remove_dots(<<"./", Rest/binary>>, Out) -> remove_dots(Rest, Out);
remove_dots(<<"/./", Rest/binary>>, Out) -> remove_dots(<<$/, Rest/binary>>, Out);
remove_dots(<<"/.">>, Out) -> remove_dots(<<$/>>, Out);
remove_dots(<<"/../", Rest/binary>>, Out) -> remove_dots(<<$/, Rest/binary>>, drop_segment(Out));
remove_dots(<<"/..">>, Out) -> remove_dots(<<$/>>, drop_segment(Out));
remove_dots(<<".">>, Out) -> Out;
remove_dots(<<"..">>, Out) -> Out;
remove_dots(<<C, Rest/binary>>, Out) ->
    N = segment_length(Rest, 0),
    <<Seg:N/binary, More/binary>> = Rest,
    remove_dots(More, <<Out/binary, C, Seg/binary>>).

segment_length(<<$/, _/binary>>, N) -> N;
segment_length(<<_, Rest/binary>>, N) -> segment_length(Rest, N + 1);
segment_length(<<>>, N) -> N.

%% drop_segment removes the last "/" of Out and what follows it.
drop_segment(<<>>) ->
    <<>>;
drop_segment(Out) ->
    N = byte_size(Out) - 1,
    case Out of
        <<Init:N/binary, $/>> -> Init;
        <<Init:N/binary, _>> -> drop_segment(Init)
    end.

%% =====================================================================
%% Resolution (RFC 3986, section 5.2)

resolve(URI, Base) ->
    resolve(URI, Base, []).

resolve(URI, Base, Options) when is_map(URI) ->
    case resolve_map(URI, Base) of
        Target when is_map(Target) ->
            case Options of
                [return_map] -> Target;
                [] -> recompose(Target)
            end;
        Error ->
            Error
    end;
resolve(URI, Base, Options) ->
    case parse(URI) of
        Map when is_map(Map) -> resolve(Map, Base, Options);
        Error -> Error
    end.

resolve_map(#{scheme := _} = URI, _) ->
    dot_segments_removed(URI);
resolve_map(URI, #{scheme := _} = Base) ->
    resolve_map(URI, Base, path_kind(URI));
resolve_map(_, Base) when is_map(Base) ->
    {error, invalid_scheme, ""};
resolve_map(URI, BaseString) ->
    case parse(BaseString) of
        #{scheme := _} = Base -> resolve_map(URI, Base, path_kind(URI));
        Base when is_map(Base) -> {error, invalid_scheme, ""};
        Error -> Error
    end.

path_kind(URI) ->
    case iolist_to_binary(maps:get(path, URI, <<>>)) of
        <<>> -> empty;
        <<$/, _/bits>> -> absolute;
        _ -> relative
    end.

resolve_map(#{host := _} = URI, #{scheme := Scheme}, _) ->
    dot_segments_removed(URI#{scheme => Scheme});
resolve_map(URI, Base, empty) ->
    Inherited = case maps:is_key(query, URI) of
                    true -> [scheme, userinfo, host, port, path];
                    false -> [scheme, userinfo, host, port, path, query]
                end,
    maps:merge(URI, maps:with(Inherited, Base));
resolve_map(URI, Base, absolute) ->
    dot_segments_removed(maps:merge(URI, maps:with([scheme, userinfo, host, port], Base)));
resolve_map(#{path := Path} = URI, Base, relative) ->
    dot_segments_removed(maps:merge(URI#{path => merged_path(Path, Base)},
                                    maps:with([scheme, userinfo, host, port], Base))).

%% merged_path puts a relative path after the directory of the base's.
merged_path(Path, #{path := BasePath} = Base) ->
    Size = iolist_size(BasePath),
    case maps:is_key(host, Base) andalso Size =:= 0 of
        true ->
            rooted_relative(Path);
        false ->
            case string:split(BasePath, <<"/">>, trailing) of
                [Dir, _] when is_binary(Path) -> unicode:characters_to_binary([Dir, $/, Path]);
                [Dir, _] when is_list(Path) -> unicode:characters_to_list([Dir, $/, Path]);
                [_] -> Path
            end
    end.

rooted_relative(Path) when is_binary(Path) -> <<$/, Path/binary>>;
rooted_relative(Path) when is_list(Path) -> unicode:characters_to_list([$/, Path]).

%% =====================================================================
%% Transcoding percent-encoded bytes between character encodings

transcode(URI, Options) when is_binary(URI) ->
    try
        In = proplists:get_value(in_encoding, Options, utf8),
        Out = proplists:get_value(out_encoding, Options, utf8),
        Chars = to_chars(URI, In),
        to_utf8(recode(Chars, In, Out), utf8, Out)
    catch
        throw:{error, R, D} -> {error, R, D}
    end;
transcode(URI, Options) when is_list(URI) ->
    In = proplists:get_value(in_encoding, Options, utf8),
    Out = proplists:get_value(out_encoding, Options, utf8),
    Chars = flat_chars(URI, In),
    try
        recode(Chars, In, Out)
    catch
        throw:{error, R, D} -> {error, R, D}
    end.

%% recode re-encodes each run of %XX escapes: the bytes they stand for
%% are read in In, written in Out and escaped again. Other characters are
%% copied. An empty input matches nothing, as in OTP.
recode([_ | _] = Cs, In, Out) ->
    lists:reverse(recode(Cs, In, Out, [])).

recode([$%, _, _ | _] = Cs, In, Out, Acc) ->
    {Bytes, Rest} = escaped_run(Cs, <<>>),
    Escaped = to_chars(pct_bytes(to_utf8(Bytes, In, Out), <<>>), utf8),
    recode(Rest, In, Out, lists:reverse(Escaped, Acc));
recode([C | Rest], In, Out, Acc) ->
    recode(Rest, In, Out, [C | Acc]);
recode([], _, _, Acc) ->
    Acc.

%% escaped_run collects the bytes of consecutive %XX escapes.
escaped_run([$%, H, L | Rest] = Cs, Bytes) ->
    case hexdigit(H) andalso hexdigit(L) of
        true -> escaped_run(Rest, <<Bytes/binary, (hexval(H) * 16 + hexval(L))>>);
        false -> throw({error, invalid_percent_encoding, Cs})
    end;
escaped_run(Cs, Bytes) ->
    {Bytes, Cs}.

%% flat_chars flattens a deep list, decoding its binaries in In. Its
%% errors escape transcode/2, as in OTP.
flat_chars([], _) ->
    [];
flat_chars(L, In) ->
    flat_chars(L, In, []).

flat_chars([H | T], In, Acc) when is_binary(H) ->
    flat_chars(T, In, lists:reverse(to_chars(H, In), Acc));
flat_chars([H | T], In, Acc) when is_list(H) ->
    flat_chars(H ++ T, In, Acc);
flat_chars([H | T], In, Acc) ->
    flat_chars(T, In, [H | Acc]);
flat_chars([], _, Acc) ->
    lists:reverse(Acc);
flat_chars(Bad, _, _) ->
    throw({error, invalid_input, Bad}).

to_utf8(Data, In, Out) ->
    case unicode:characters_to_binary(Data, In, Out) of
        {error, _, Rest} -> throw({error, invalid_input, Rest});
        {incomplete, _, Rest} -> throw({error, invalid_input, Rest});
        B -> B
    end.

to_chars(Data, In) ->
    case unicode:characters_to_list(Data, In) of
        {error, _, Rest} -> throw({error, invalid_input, Rest});
        {incomplete, _, Rest} -> throw({error, invalid_input, Rest});
        L -> L
    end.

%% =====================================================================
%% Query strings (application/x-www-form-urlencoded, HTML5)

compose_query(Pairs) ->
    compose_query(Pairs, [{encoding, utf8}]).

compose_query([], _) ->
    [];
compose_query(Pairs, Options) ->
    try
        query_pairs(Pairs, Options, false, <<>>)
    catch
        throw:{error, R, D} -> {error, R, D}
    end.

query_pairs([{K, V} | Rest], Options, AnyList, Acc) ->
    Sep = case Rest of
              [] -> <<>>;
              _ -> <<"&">>
          end,
    Key = form_encode(K, Options),
    case V of
        true ->
            query_pairs(Rest, Options, AnyList orelse is_list(K),
                        <<Acc/binary, Key/binary, Sep/binary>>);
        _ ->
            Value = form_encode(V, Options),
            query_pairs(Rest, Options, AnyList orelse is_list(K) orelse is_list(V),
                        <<Acc/binary, Key/binary, $=, Value/binary, Sep/binary>>)
    end;
query_pairs([], _, true, Acc) ->
    to_chars(Acc, utf8);
query_pairs([], _, false, Acc) ->
    Acc.

%% form_encode writes one key or value. With latin1, characters above 255
%% become HTML numeric references first.
form_encode(Cs, [{encoding, latin1}]) when is_list(Cs) ->
    form_bytes(numeric_refs(to_utf8(Cs, utf8, utf8), <<>>), <<>>);
form_encode(Cs, [{encoding, latin1}]) when is_binary(Cs) ->
    form_bytes(numeric_refs(Cs, <<>>), <<>>);
form_encode(Cs, [{encoding, Enc}]) when is_list(Cs), Enc =:= utf8; Enc =:= unicode ->
    form_bytes(to_utf8(Cs, utf8, Enc), <<>>);
form_encode(Cs, [{encoding, utf8}]) when is_binary(Cs) ->
    form_bytes(Cs, <<>>);
form_encode(Cs, [{encoding, Enc}]) when is_list(Cs); is_binary(Cs) ->
    throw({error, invalid_encoding, Enc});
form_encode(Cs, _) ->
    throw({error, invalid_input, Cs}).

numeric_refs(<<C/utf8, Rest/binary>>, Acc) when C > 255 ->
    Ref = integer_to_binary(C),
    numeric_refs(Rest, <<Acc/binary, "&#", Ref/binary, $;>>);
numeric_refs(<<C/utf8, Rest/binary>>, Acc) ->
    numeric_refs(Rest, <<Acc/binary, C>>);
numeric_refs(<<>>, Acc) ->
    Acc.

form_bytes(<<$\s, Rest/binary>>, Acc) ->
    form_bytes(Rest, <<Acc/binary, $+>>);
form_bytes(<<C, Rest/binary>>, Acc) ->
    case form_safe(C) of
        true -> form_bytes(Rest, <<Acc/binary, C>>);
        false -> form_bytes(Rest, pct_bytes(<<C>>, Acc))
    end;
form_bytes(<<>>, Acc) ->
    Acc.

form_safe(C) ->
    C =:= $* orelse C =:= $- orelse C =:= $. orelse C =:= $_ orelse
        (C >= $0 andalso C =< $9) orelse (C >= $A andalso C =< $Z) orelse
        (C >= $a andalso C =< $z).

dissect_query(<<>>) ->
    [];
dissect_query([]) ->
    [];
dissect_query(Q) when is_list(Q) ->
    try
        query_key(to_utf8(Q, utf8, utf8), true, [], <<>>)
    catch
        throw:{error, R, D} -> {error, R, D}
    end;
dissect_query(Q) ->
    try
        query_key(Q, false, [], <<>>)
    catch
        throw:{error, R, D} -> {error, R, D}
    end.

%% query_key reads a key up to "=" or "&" ("&#" belongs to the key);
%% query_value reads a value up to "&". A key without "=" gets true.
query_key(<<$=, Rest/binary>>, AsList, Acc, Key) ->
    query_value(Rest, AsList, Acc, Key, <<>>);
query_key(<<"&#", Rest/binary>>, AsList, Acc, Key) ->
    query_key(Rest, AsList, Acc, <<Key/binary, "&#">>);
query_key(<<$&, _/binary>> = Rest, AsList, Acc, Key) ->
    query_value(Rest, AsList, Acc, Key, true);
query_key(<<C, Rest/binary>>, AsList, Acc, Key) ->
    query_key(Rest, AsList, Acc, <<Key/binary, C>>);
query_key(<<>>, AsList, Acc, Key) ->
    query_value(<<>>, AsList, Acc, Key, true).

query_value(<<$&, Rest/binary>>, AsList, Acc, Key, Value) ->
    K = form_decode(AsList, Key),
    V = form_decode(AsList, Value),
    query_key(Rest, AsList, [{K, V} | Acc], <<>>);
query_value(<<C, Rest/binary>>, AsList, Acc, Key, Value) ->
    query_value(Rest, AsList, Acc, Key, <<Value/binary, C>>);
query_value(<<>>, AsList, Acc, Key, Value) ->
    K = form_decode(AsList, Key),
    V = form_decode(AsList, Value),
    lists:reverse(Acc, [{K, V}]).

form_decode(_, true) ->
    true;
form_decode(true, B) ->
    to_chars(numeric_unrefs(form_unescape(B, <<>>), <<>>), utf8);
form_decode(false, B) ->
    numeric_unrefs(form_unescape(B, <<>>), <<>>).

form_unescape(<<$+, Rest/binary>>, Acc) ->
    form_unescape(Rest, <<Acc/binary, $\s>>);
form_unescape(<<$%, H, L, Rest/binary>> = In, Acc) ->
    case hexdigit(H) andalso hexdigit(L) of
        true -> form_unescape(Rest, <<Acc/binary, (hexval(H) * 16 + hexval(L))>>);
        false -> throw({error, invalid_percent_encoding, to_chars(In, utf8)})
    end;
form_unescape(<<C/utf8, Rest/binary>>, Acc) ->
    form_unescape(Rest, <<Acc/binary, C/utf8>>);
form_unescape(<<C, _/binary>>, _) ->
    throw({error, invalid_character, [C]});
form_unescape(<<>>, Acc) ->
    Acc.

%% numeric_unrefs turns HTML numeric references (&#N;) into characters.
numeric_unrefs(<<"&#", Rest/binary>>, Acc) ->
    numeric_ref(Rest, 0, Acc);
numeric_unrefs(<<C/utf8, Rest/binary>>, Acc) ->
    numeric_unrefs(Rest, <<Acc/binary, C/utf8>>);
numeric_unrefs(<<C, _/binary>>, _) ->
    throw({error, invalid_input, [C]});
numeric_unrefs(<<>>, Acc) ->
    Acc.

numeric_ref(<<C/utf8, Rest/binary>>, N, Acc) when C >= $0, C =< $9 ->
    numeric_ref(Rest, N * 10 + C - $0, Acc);
numeric_ref(<<$;, Rest/binary>>, N, Acc) ->
    numeric_unrefs(Rest, <<Acc/binary, N/utf8>>);
numeric_ref(<<C, _/binary>>, _, _) ->
    throw({error, invalid_input, [C]}).

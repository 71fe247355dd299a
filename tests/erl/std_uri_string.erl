-module(std_uri_string).
-export([main/0]).

%% The uri_string module of OTP 25: every exported function on string and
%% binary input, the maps and error tuples it returns, the exceptions some
%% bad inputs raise, and a deterministic sweep of generated URIs through
%% parse, recompose, normalize and resolve. Later releases changed some
%% results (percent_decode/1 and quote/2 among them).
%% beamr: later-runtime-differs

main() ->
    parsing(),
    composing(),
    normalizing(),
    resolving(),
    decoding(),
    transcoding(),
    queries(),
    misc(),
    sweep(),
    ok.

show(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~ts~n~p~n", [Label, R]).

both(Label, F, S) ->
    show(Label ++ " " ++ S, fun() -> F(S) end),
    show(Label ++ " <<" ++ S ++ ">>", fun() -> F(unicode:characters_to_binary(S)) end).

parse_inputs() ->
    ["", "foo", "http://www.erlang.org/", "http://user:pw@host:8080/a/b?q=1&r#frag",
     "HTTP://Host/", "foo://example.com:8042/over/there?name=ferret#nose",
     "urn:example:animal:ferret:nose", "mailto:John.Doe@example.com", "tel:+1-816-555-1212",
     "news:comp.infosystems.www.servers.unix", "ldap://[2001:db8::7]/c=GB?objectClass?one",
     "telnet://192.0.2.16:80/", "//host", "//host:", "//host:80", "//host:80/", "//host?q",
     "//host#f", "//u@h", "//u@", "//@h", "//@", "//", "/", "/a/b/c", "a/b/c", "./a", "../a",
     "?q", "#f", "?", "#", "?#", "a?b#c", "a:b", "1a:b", "a:", ":", "::", ":a", "//[::1]",
     "//[::1]:80/p", "//[::1", "//[1::2::3]", "//[::ffff:1.2.3.4]", "//[fe80::1]", "//[::1]ab/x",
     "//[::1]x", "//1.2.3.4", "//1.2.3.4:5", "//1.2.3", "//256.1.1.1", "//01.2.3.4", "//1.2.3.4.",
     "//1.2.3.4/p?q#f", "http://h/p?a?#f", "http://h/p?#", "http://h/p#", "http://h?#",
     "http://h:/p", "http://h:x/p", "http://h:99999999999999999999", "http://a b", "http://h/a b",
     "http://h/%20", "http://h/%zz", "http://h/é", "http://é.example/", "http://h?q=é#é",
     "http://u:p:q@h", "http://u@v@h", "http://h/p/../q/./r", "s+a-b.c://h", "s_a://h",
     "1http://h", "http:/p", "http:p", "http:?q", "http:#f", "http:", "http://", "http:///p",
     "%41", "a%", "a%4", "//h%41st", "//h!$&'()*+,;=:1", "//u!$&'()*+,;=:@h", "foo:/a:b@c",
     "a[b", "/a]", "?[", "#[", "//h/[", "//h?[", "//h#[", "// ", "http://h/\\", "http://h/{}"].

parsing() ->
    [both("parse", fun uri_string:parse/1, S) || S <- parse_inputs()],
    show("parse deep list", fun() -> uri_string:parse(["http://", <<"h">>, [$/, "p"]]) end),
    show("parse bad utf8", fun() -> uri_string:parse(<<"http://h/", 255>>) end),
    show("parse bad utf8 first", fun() -> uri_string:parse(<<255>>) end),
    show("parse bad list", fun() -> uri_string:parse([-1]) end),
    show("parse list with bad binary", fun() -> uri_string:parse(["a", <<200>>]) end),
    show("parse atom", fun() -> uri_string:parse(foo) end).

composing() ->
    Maps = [#{path => ""}, #{path => <<>>}, #{scheme => "http", host => "h", path => "/p"},
            #{scheme => <<"http">>, host => <<"h">>, path => <<"/p">>},
            #{scheme => "http", userinfo => "u:p", host => "h", port => 80, path => "/a", query => "q=1", fragment => "f"},
            #{scheme => <<"http">>, userinfo => <<"u">>, host => <<"h">>, port => 80, path => <<"/a">>,
              query => <<"q=1">>, fragment => <<"f">>},
            #{host => "h", path => "p"}, #{host => <<"h">>, path => <<"p">>}, #{host => "h", path => ""},
            #{scheme => "foo", path => "bar"}, #{path => "a b", query => "c d", fragment => "e f"},
            #{path => <<"a b">>, query => <<"é">>, fragment => <<"#">>},
            #{scheme => "http", host => "::1", path => "/"}, #{scheme => "http", host => <<"::1">>, path => "/"},
            #{host => "fe80::1%eth0", path => ""}, #{host => "fe80::1%25", path => ""}, #{host => "1::2%x", path => ""},
            #{host => "1.2.3.4", path => ""}, #{host => "a b", path => ""}, #{host => <<"a b">>, path => ""},
            #{host => "", path => ""}, #{host => <<>>, path => <<>>}, #{host => ["ex", <<"ample">>], path => ""},
            #{scheme => "http", host => "h", port => undefined, path => ""}, #{port => 8080, path => ""},
            #{port => undefined, path => ""}, #{userinfo => "u", path => ""}, #{userinfo => <<"u">>, host => <<"h">>, path => <<>>},
            #{scheme => <<"http">>, host => "h", path => <<"/p">>}, #{scheme => "http", host => <<"h">>, path => "/p"},
            #{scheme => "", path => ""}, #{scheme => <<>>, path => ""}, #{scheme => "1 a", path => ""},
            #{scheme => <<"a b">>, path => ""}, #{scheme => ["ht", "tp"], path => ""}, #{scheme => foo, path => ""},
            #{scheme => "http"}, #{host => "h"}, #{path => "", other => 1}, #{}, #{path => foo},
            #{port => "80", host => "h", path => ""}, #{host => <<255>>, path => <<>>}, #{path => <<"a", 255>>},
            #{host => "h", path => ["a", <<"b">>]}, #{host => <<"h">>, path => "é"}, #{path => "", query => foo}],
    lists:foreach(fun(M) -> show(io_lib:format("recompose ~w", [M]), fun() -> uri_string:recompose(M) end) end, Maps),
    show("recompose atom", fun() -> uri_string:recompose(foo) end),
    lists:foreach(fun(S) ->
                          show("roundtrip " ++ S, fun() -> uri_string:recompose(uri_string:parse(S)) end)
                  end, parse_inputs()).

normalizing() ->
    Inputs = ["HTTP://www.Example.com:80/a/./b/../c/%7euser?Q=%4a%3a#%7E", "http://h:80", "https://h:443",
              "https://h:444/", "ftp://h:21/", "ssh://h:22", "sftp://h:22", "tftp://h:69", "HTTP://H",
              "http://h:/", "/a/b/c/./../../g", "mid/content=5/../6", "../a", "./a", ".", "..", "/.", "/..",
              "a/..", "a/.", "/a/b/..", "/a/b/.", "a/./b/../c", "%2f%2F%41%7a", "%zz", "http://h/%C3%A9",
              "http://h/%c3", "http://U%41@h", "foo:%61", "http://[::1]:80/", "HTTP://[FE80::1]/"],
    [both("normalize", fun uri_string:normalize/1, S) || S <- Inputs],
    [both("normalize return_map", fun(X) -> uri_string:normalize(X, [return_map]) end, S) || S <- Inputs],
    Maps = [#{scheme => "HTTP", host => "H", path => ""}, #{scheme => <<"HTTPS">>, host => <<"H">>, port => 443, path => <<>>},
            #{host => "h", port => undefined, path => "/a/../b"}, #{path => "/a/%7e", query => "%7e%20"},
            #{path => <<"%zz">>}, #{scheme => "http", path => ""}, #{host => "h"}, #{scheme => foo, path => ""},
            #{path => <<"/%C3">>}],
    [show(io_lib:format("normalize map ~w", [M]), fun() -> uri_string:normalize(M) end) || M <- Maps],
    [show(io_lib:format("normalize map return_map ~w", [M]), fun() -> uri_string:normalize(M, [return_map]) end) || M <- Maps],
    show("normalize bad option", fun() -> uri_string:normalize("http://h", [foo]) end),
    show("normalize atom", fun() -> uri_string:normalize(foo) end).

resolving() ->
    Base = "http://a/b/c/d;p?q",
    Refs = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "",
            ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "../../../../g", "/./g",
            "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y",
            "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "http:g", "a b"],
    [both("resolve", fun(X) -> uri_string:resolve(X, Base) end, R) || R <- Refs],
    [show("resolve binary base " ++ R, fun() -> uri_string:resolve(list_to_binary(R), list_to_binary(Base)) end) || R <- Refs],
    [show("resolve return_map " ++ R, fun() -> uri_string:resolve(R, Base, [return_map]) end) || R <- ["g", "../g", "?y", ""]],
    show("resolve map base", fun() -> uri_string:resolve("g", uri_string:parse(Base)) end),
    show("resolve maps", fun() -> uri_string:resolve(#{path => <<"g">>}, #{scheme => <<"http">>, host => <<"a">>, path => <<>>}) end),
    show("resolve maps list", fun() -> uri_string:resolve(#{path => "g"}, #{scheme => "http", host => "a", path => ""}) end),
    show("resolve no host base", fun() -> uri_string:resolve("g", "foo:a/b") end),
    show("resolve no slash base", fun() -> uri_string:resolve("g", "foo:ab") end),
    show("resolve base without scheme", fun() -> uri_string:resolve("g", "/a/b") end),
    show("resolve map base without scheme", fun() -> uri_string:resolve("g", #{path => "/a"}) end),
    show("resolve bad base", fun() -> uri_string:resolve("g", "http://a b") end),
    show("resolve bad ref", fun() -> uri_string:resolve("a b:", Base) end),
    show("resolve bad option", fun() -> uri_string:resolve("g", Base, [foo]) end),
    show("resolve absolute", fun() -> uri_string:resolve("http://x/./y/../z", "foo") end),
    show("resolve atom", fun() -> uri_string:resolve(foo, Base) end).

decoding() ->
    Inputs = ["", "abc", "%41%42", "%e2%82%ac", "%E2%82%AC", "%zz", "%4", "a%", "%C3", "%FF", "é%20", "+",
              "%2F%3f", "a%2", "%%41"],
    [both("percent_decode", fun uri_string:percent_decode/1, S) || S <- Inputs],
    [both("unquote", fun uri_string:unquote/1, S) || S <- Inputs],
    show("percent_decode map", fun() -> uri_string:percent_decode(#{scheme => "h%41", host => "%41", path => <<"/%42">>,
                                                                     query => "q=%20", fragment => <<"%7e">>, port => 80}) end),
    show("percent_decode map bad list", fun() -> uri_string:percent_decode(#{path => "%xy", query => "%zz"}) end),
    show("percent_decode map bad binary", fun() -> uri_string:percent_decode(#{path => <<"%xy">>}) end),
    show("percent_decode map bad utf8", fun() -> uri_string:percent_decode(#{userinfo => "%C3"}) end),
    show("percent_decode deep", fun() -> uri_string:percent_decode(["%41", <<"%42">>]) end),
    show("percent_decode atom", fun() -> uri_string:percent_decode(foo) end),
    show("percent_decode map atom", fun() -> uri_string:percent_decode(#{path => foo}) end),
    Quote = ["", "abc", "a b", "a/b?c#d", "é", "€", "😀", "-._~", "!$&'()*+,;=", "%", "%41"],
    [both("quote", fun uri_string:quote/1, S) || S <- Quote],
    [both("quote safe", fun(X) -> uri_string:quote(X, "/?") end, S) || S <- Quote],
    show("quote safe unicode", fun() -> uri_string:quote("é€", "é") end),
    show("quote safe binary", fun() -> uri_string:quote(<<"a/b"/utf8>>, "/") end),
    show("quote bad utf8", fun() -> uri_string:quote(<<"a", 255, "b">>) end),
    show("quote atom", fun() -> uri_string:quote(foo) end),
    show("quote bad safe", fun() -> uri_string:quote("a b", foo) end),
    show("unquote atom", fun() -> uri_string:unquote(foo) end).

transcoding() ->
    show("transcode latin1 to utf8", fun() -> uri_string:transcode(<<"foo%00%00%00%F6bar">>, [{in_encoding, utf32}, {out_encoding, utf8}]) end),
    show("transcode utf8 to latin1", fun() -> uri_string:transcode("foo%C3%B6bar", [{in_encoding, utf8}, {out_encoding, latin1}]) end),
    show("transcode latin1 in", fun() -> uri_string:transcode(<<"%F6">>, [{in_encoding, latin1}]) end),
    show("transcode utf16", fun() -> uri_string:transcode(<<"a%C3%B6b">>, [{out_encoding, utf16}]) end),
    show("transcode utf16 little", fun() -> uri_string:transcode("a%C3%B6b", [{out_encoding, {utf16, little}}]) end),
    show("transcode plain", fun() -> uri_string:transcode(<<"abc">>, []) end),
    show("transcode plain list", fun() -> uri_string:transcode("abc", []) end),
    show("transcode deep", fun() -> uri_string:transcode(["a", <<"%C3%B6">>, [$b, "c"]], [{out_encoding, latin1}]) end),
    show("transcode bad pct", fun() -> uri_string:transcode("a%zzb", []) end),
    show("transcode bad pct binary", fun() -> uri_string:transcode(<<"a%C3%zz">>, []) end),
    show("transcode short pct", fun() -> uri_string:transcode("a%4", []) end),
    show("transcode bad bytes", fun() -> uri_string:transcode("%C3", []) end),
    show("transcode unencodable", fun() -> uri_string:transcode("%E2%82%AC", [{out_encoding, latin1}]) end),
    show("transcode empty", fun() -> uri_string:transcode(<<>>, []) end),
    show("transcode empty list", fun() -> uri_string:transcode([], []) end),
    show("transcode improper", fun() -> uri_string:transcode([$a | b], []) end),
    show("transcode bad binary", fun() -> uri_string:transcode(<<"a", 255>>, []) end),
    show("transcode bad binary in list", fun() -> uri_string:transcode(["a", <<255>>], []) end),
    show("transcode atom", fun() -> uri_string:transcode(foo, []) end),
    show("transcode non-char", fun() -> uri_string:transcode([foo, $a], []) end).

queries() ->
    Pairs = [[{"foo bar", "1"}, {"city", "örebro"}],
             [{<<"foo bar">>, <<"1">>}, {<<"city">>, <<"örebro"/utf8>>}],
             [{"a", true}, {"b", "c"}], [{<<"a">>, true}], [{"k", <<"v">>}], [{<<"k">>, "v"}],
             [{"*-._", "~!'()"}], [{"€", "😀"}], [{"", ""}], [{<<>>, <<>>}],
             [{"a&b", "c=d"}], [{"€", "x"}, {<<"y">>, <<"€"/utf8>>}]],
    [show(io_lib:format("compose_query ~w", [P]), fun() -> uri_string:compose_query(P) end) || P <- Pairs],
    [show(io_lib:format("compose_query latin1 ~w", [P]), fun() -> uri_string:compose_query(P, [{encoding, latin1}]) end) || P <- Pairs],
    [show(io_lib:format("compose_query unicode ~w", [P]), fun() -> uri_string:compose_query(P, [{encoding, unicode}]) end) || P <- Pairs],
    show("compose_query empty", fun() -> uri_string:compose_query([]) end),
    show("compose_query bad encoding", fun() -> uri_string:compose_query([{"a", "b"}], [{encoding, utf16}]) end),
    show("compose_query no options", fun() -> uri_string:compose_query([{"a", "b"}], []) end),
    show("compose_query atom key", fun() -> uri_string:compose_query([{a, "b"}]) end),
    show("compose_query atom unicode", fun() -> uri_string:compose_query([{a, "b"}], [{encoding, unicode}]) end),
    show("compose_query not pairs", fun() -> uri_string:compose_query([a]) end),
    show("compose_query atom", fun() -> uri_string:compose_query(foo) end),
    show("compose_query bad binary", fun() -> uri_string:compose_query([{<<255>>, "b"}], [{encoding, latin1}]) end),
    Queries = ["", "foo+bar=1&city=%C3%B6rebro", "a&b=c", "a", "&", "&&", "=", "a=", "=b", "a=b=c", "a=b&", "&a=b",
               "a%20b=c+d", "%zz=1", "a=%zz", "%4", "a=%C3", "%C3=1", "k&#12;=v", "k=&#12;", "a&#233;b=1",
               "a=&#233;", "&#12", "&#x;=1", "&#1114112;=1", "é=ü", "a=+&b=%2B", "a=1&a=2", "%E2%82%AC=%F0%9F%98%80"],
    [both("dissect_query", fun uri_string:dissect_query/1, Q) || Q <- Queries],
    show("dissect_query bad binary", fun() -> uri_string:dissect_query(<<"a=", 255>>) end),
    show("dissect_query bad list", fun() -> uri_string:dissect_query(["a", <<255>>]) end),
    show("dissect_query atom", fun() -> uri_string:dissect_query(foo) end),
    show("dissect compose", fun() -> uri_string:dissect_query(uri_string:compose_query([{"a b", "é"}, {"c", true}])) end).

misc() ->
    show("allowed_characters", fun() -> uri_string:allowed_characters() end),
    show("is_host", fun() -> [uri_string:is_host(C) || C <- [$a, $:, $/, $@, $[, $%, 200, foo]] end),
    show("is_path", fun() -> [uri_string:is_path(C) || C <- [$a, $:, $/, $@, $?, $#, $%, 200, foo]] end).

%% A deterministic sweep over generated references.
sweep() ->
    Pieces = {"http", "HTTPS", "ftp", "a+b", ":", "//", "/", "?", "#", "@", "[::1]", "[fe80::1%25x]", "1.2.3.4",
              "256.0.0.1", "h", "User:Pw", ":80", ":", "..", ".", "/..", "/.", "%41", "%2f", "%zz", "%C3%A9",
              "é", " ", "=", "&", "0", "x", "[", "]", "ssh", "%7E", "~"},
    Bases = ["http://a/b/c/d;p?q", "foo:x/y", "//h/p/"],
    sweep(1, 400, Pieces, Bases).

sweep(I, N, _, _) when I > N ->
    ok;
sweep(I, N, Pieces, Bases) ->
    Len = 1 + I rem 6,
    S = lists:append([element(1 + (I * 7919 + K * 104729 + I * K * 31) rem tuple_size(Pieces), Pieces)
                      || K <- lists:seq(1, Len)]),
    B = unicode:characters_to_binary(S),
    Base = lists:nth(1 + I rem length(Bases), Bases),
    Out = [res(fun() -> uri_string:parse(S) end),
           res(fun() -> uri_string:parse(B) end),
           res(fun() -> uri_string:recompose(uri_string:parse(B)) end),
           res(fun() -> uri_string:normalize(S) end),
           res(fun() -> uri_string:normalize(B, [return_map]) end),
           res(fun() -> uri_string:resolve(S, Base) end),
           res(fun() -> uri_string:resolve(B, Base, [return_map]) end)],
    io:format("sweep ~ts~n~p~n", [S, Out]),
    sweep(I + 1, N, Pieces, Bases).

res(F) ->
    try F() of
        V -> V
    catch
        C:E -> {C, E}
    end.

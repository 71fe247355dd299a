%% Generates print_expected.txt from print_cases.txt plus random terms, using
%% OTP's own io_lib:write/2 and io_lib_pretty:print/2. Run from this
%% directory with OTP 25:
%%   erlc gen_print.erl && erl -noshell -s gen_print main -s init stop
%% Output lines: MODE<TAB>TERM<TAB>EXPECTED (a Go-quoted string literal).
%% print_pc_expected.txt comes from print_pc_cases.txt, run in an emulator
%% started with +pc unicode:
%%   erl +pc unicode -noshell -s gen_print main_pc -s init stop
-module(gen_print).
-export([main/0, main_pc/0, goq/1, eval_src/1]).

main_pc() ->
    unicode = io:printable_range(),
    {ok, Bin} = file:read_file("print_pc_cases.txt"),
    Lines = string:split(unicode:characters_to_list(Bin), "\n", all),
    Cases = [case string:split(L, "\t") of [M, S] -> {M, S} end
             || L <- Lines, L =/= "", hd(L) =/= $#],
    Out = [[M, $\t, S, $\t, goq(lists:flatten(run(M, eval_src(S)))), $\n]
           || {M, S} <- Cases],
    ok = file:write_file("print_pc_expected.txt", unicode:characters_to_binary(Out)).

main() ->
    {ok, Bin} = file:read_file("print_cases.txt"),
    Lines = string:split(unicode:characters_to_list(Bin), "\n", all),
    Hand = [case string:split(L, "\t") of [M, S] -> {M, S} end
            || L <- Lines, L =/= "", hd(L) =/= $#],
    rand:seed(exsss, {7, 11, 13}),
    Random = lists:append([random_cases(I) || I <- lists:seq(1, 900)]),
    Out = [[M, $\t, S, $\t, goq(lists:flatten(run(M, eval_src(S)))), $\n]
           || {M, S} <- Hand ++ Random],
    ok = file:write_file("print_expected.txt", unicode:characters_to_binary(Out)).

random_cases(I) ->
    T = gen(rand:uniform(5)),
    Src = lists:flatten(io_lib:write(T, [{encoding, unicode}])),
    Col = lists:nth(rand:uniform(7), [1, 1, 5, 20, 50, 70, 0]),
    Ll = lists:nth(rand:uniform(6), [80, 80, 40, 120, 20, 60]),
    D = lists:nth(rand:uniform(6), [-1, -1, -1, 3, 5, 10]),
    Enc = lists:nth(rand:uniform(3), ["latin1", "latin1", "unicode"]),
    Str = lists:nth(rand:uniform(4), ["true", "true", "true", "false"]),
    P = lists:flatten(io_lib:format("p:~w:~w:~w:~s:~s", [Col, Ll, D, Enc, Str])),
    W = "W" ++ integer_to_list(rand:uniform(8)),
    Base = [{"p:1:80:-1:latin1:true", Src}, {P, Src}],
    case I rem 4 of
        0 -> [{"w", Src}, {W, Src} | Base];
        1 -> [{"tw", Src} | Base];
        _ -> Base
    end.

run("w", T) -> io_lib:write(T);
run("tw", T) -> io_lib:write(T, [{encoding, unicode}]);
run("W" ++ D, T) -> io_lib:write(T, [{depth, list_to_integer(D)}, {encoding, latin1}]);
run("tW" ++ D, T) -> io_lib:write(T, [{depth, list_to_integer(D)}, {encoding, unicode}]);
run("pu:" ++ Opts, T) -> run("p:" ++ Opts, T);
run("p:" ++ Opts, T) ->
    [C, L, D, E, S] = string:split(Opts, ":", all),
    io_lib_pretty:print(T, [{column, list_to_integer(C)},
                            {line_length, list_to_integer(L)},
                            {depth, list_to_integer(D)},
                            {encoding, list_to_atom(E)},
                            {strings, list_to_atom(S)}]).

%% eval_src evaluates term source, accepting the printed forms of pids,
%% ports and references.
eval_src(S0) ->
    try eval_src1(S0)
    catch _:R -> exit({bad_src, S0, R})
    end.

eval_src1(S0) ->
    S1 = re:replace(S0, "(<0\\.[0-9]+\\.[0-9]+>)", "list_to_pid(\"\\1\")",
                    [global, unicode, {return, list}]),
    S2 = re:replace(S1, "(#Port<[0-9.]+>)", "list_to_port(\"\\1\")",
                    [global, unicode, {return, list}]),
    S3 = re:replace(S2, "(#Ref<[0-9.]+>)", "list_to_ref(\"\\1\")",
                    [global, unicode, {return, list}]),
    {ok, Toks, _} = erl_scan:string(S3 ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, V, _} = erl_eval:exprs(Exprs, []),
    V.

%% goq quotes a character list as a Go string literal.
goq(Cs) -> [$" | lists:flatmap(fun esc/1, Cs)] ++ [$"].
esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc($\n) -> "\\n";
esc($\t) -> "\\t";
esc(C) when C < 32; C =:= 127 -> io_lib:format("\\x~2.16.0b", [C]);
esc(C) when C >= 16#D800, C =< 16#DFFF; C > 16#10FFFF -> exit({unquotable, C});
esc(C) -> [C].

%% Random terms.
gen(0) -> leaf();
gen(D) ->
    case rand:uniform(12) of
        1 -> leaf();
        2 -> leaf();
        3 -> [gen(D - 1) || _ <- lists:seq(1, len())];
        4 -> list_to_tuple([gen(D - 1) || _ <- lists:seq(1, rand:uniform(8))]);
        5 -> list_to_tuple([atom() | [gen(D - 1) || _ <- lists:seq(1, rand:uniform(6))]]);
        6 -> maps:from_list([{key(), gen(D - 1)} || _ <- lists:seq(1, rand:uniform(8))]);
        7 -> string();
        8 -> binary();
        9 -> lists:foldl(fun(E, Acc) -> [E | Acc] end, gen(0), [gen(D - 1) || _ <- lists:seq(1, rand:uniform(4))]);
        10 -> {atom(), gen(D - 1)};
        11 -> [{atom(), gen(D - 1)} || _ <- lists:seq(1, rand:uniform(6))];
        12 -> [string() || _ <- lists:seq(1, rand:uniform(6))]
    end.

len() ->
    case rand:uniform(10) of
        10 -> 20 + rand:uniform(40);
        _ -> rand:uniform(8)
    end.

leaf() ->
    case rand:uniform(14) of
        1 -> rand:uniform(2000) - 1000;
        2 -> rand:uniform(1 bsl 100) * (1 - 2 * rand:uniform(2) + 2);
        3 -> lists:nth(rand:uniform(6), [1.0, -0.5, 3.14159, 1.0e20, 2.5e-8, 123456.789]);
        4 -> atom();
        5 -> atom();
        6 -> list_to_pid("<0." ++ integer_to_list(rand:uniform(500)) ++ ".0>");
        7 -> string();
        8 -> binary();
        9 -> [];
        10 -> {};
        11 -> #{};
        12 -> rand:uniform(255);
        13 -> list_to_ref("#Ref<0." ++ integer_to_list(rand:uniform(99999)) ++ ".1.2>");
        14 -> fun lists:map/2
    end.

atom() ->
    lists:nth(rand:uniform(16),
              [ok, error, a, undefined, 'Quoted', 'with space', 'case', '', 'é', 'Ж',
               a_rather_long_atom_name, another_fairly_long_atom_name_here,
               'x\ny', node@host, 'don\'t', zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz]).

key() ->
    case rand:uniform(4) of
        1 -> atom();
        2 -> rand:uniform(50);
        3 -> {atom(), rand:uniform(5)};
        4 -> string()
    end.

string() ->
    case rand:uniform(8) of
        1 -> "";
        2 -> "hello";
        3 -> "a somewhat longer string with spaces in it";
        4 -> "tab\there\nnewline \"quoted\" back\\slash";
        5 -> "café ÿ";
        6 -> [$a, 1024, $b];
        7 -> lists:duplicate(rand:uniform(90), $x);
        8 -> [$a, 7, $b]
    end.

binary() ->
    case rand:uniform(8) of
        1 -> <<>>;
        2 -> <<"binary text">>;
        3 -> <<"café"/utf8>>;
        4 -> list_to_binary(lists:seq(1, rand:uniform(60)));
        5 -> <<1, 2, 3:5>>;
        6 -> list_to_binary(lists:duplicate(rand:uniform(100), $b));
        7 -> <<"Жук"/utf8>>;
        8 -> <<"text", 0, "more">>
    end.

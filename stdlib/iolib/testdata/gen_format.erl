%% Generates format_expected.txt from format_cases.txt with OTP 25's
%% io_lib:format/2. Run from this directory:
%%   erlc gen_format.erl && erl -noshell -s gen_format main -s init stop
%% Output lines: FORMAT<TAB>ARGS<TAB>EXPECTED, EXPECTED being a Go-quoted
%% string, or ERR when io_lib:format/2 raises badarg.
-module(gen_format).
-export([main/0]).

main() ->
    {ok, Bin} = file:read_file("format_cases.txt"),
    Lines = string:split(unicode:characters_to_list(Bin), "\n", all),
    Cases = [case string:split(L, "\t") of [F, A] -> {F, A} end
             || L <- Lines, L =/= "", hd(L) =/= $#],
    Out = [[F, $\t, A, $\t, run(eval(F), eval(A)), $\n] || {F, A} <- Cases],
    ok = file:write_file("format_expected.txt", unicode:characters_to_binary(Out)).

run(F, A) ->
    try io_lib:format(F, A) of
        Chars -> goq(flat(Chars))
    catch
        error:badarg -> "ERR"
    end.

flat(Chars) ->
    lists:flatmap(fun(B) when is_binary(B) -> unicode:characters_to_list(B);
                     (C) -> [C] end, lists:flatten(Chars)).

eval(S0) ->
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

goq(Cs) -> [$" | lists:flatmap(fun esc/1, Cs)] ++ [$"].
esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc($\n) -> "\\n";
esc($\t) -> "\\t";
esc(C) when C < 32; C =:= 127 -> io_lib:format("\\x~2.16.0b", [C]);
esc(C) when C >= 16#D800, C =< 16#DFFF; C > 16#10FFFF -> exit({unquotable, C});
esc(C) -> [C].

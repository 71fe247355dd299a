%% erl_error: exceptions described the way erl's shell and crash reports
%% show them: "exception Class: Explanation" followed by one line per
%% stack frame ("in function  M:F/A (File, line L)", then "in call from
%% ..."; a frame that carries the arguments adds "called as M:F(Args)").
%% Well-known error reasons are explained in words (badarg, badarith,
%% badmatch, function_clause, undef, ...); other reasons are printed as
%% terms. A value or call that would sprawl over many lines after the
%% explanation is moved to a line of its own, as OTP does. The
%% per-argument explanations OTP derives from error_info are not given.
-module(erl_error).

-export([format_exception/3, format_exception/4, format_exception/6,
         format_exception/7, format_stacktrace/4, format_stacktrace/5,
         format_call/4, format_call/5, format_fun/1, format_fun/2]).

%% format_exception(Class, Reason, Stack): the description starting in
%% column 1.
format_exception(Class, Reason, Stack) ->
    format_exception(Class, Reason, Stack, #{}).

%% format_exception(Class, Reason, Stack, Options): Options may hold
%% column (where the text starts, default 1), stack_trim_fun (frames at the
%% bottom for which fun(M, F, A) returns true are left out) and format_fun
%% (fun(Term, Column) -> chardata).
format_exception(Class, Reason, Stack, Options) when is_map(Options) ->
    I = maps:get(column, Options, 1),
    StackFun = maps:get(stack_trim_fun, Options, fun(_, _, _) -> false end),
    FormatFun = maps:get(format_fun, Options, fun pp/2),
    format_exception(I, Class, Reason, Stack, StackFun, FormatFun).

%% format_exception(I, Class, Reason, Stack, StackFun, FormatFun[,
%% Encoding]): the older forms of format_exception/4; I is the column the
%% text starts in (1 is the first).
format_exception(I, Class, Reason, Stack, StackFun, FormatFun) ->
    format_exception(I, Class, Reason, Stack, StackFun, FormatFun, latin1).

format_exception(I, Class, Reason, Stack0, StackFun, FormatFun, _Encoding)
  when is_integer(I), I >= 1, is_function(StackFun, 3), is_function(FormatFun, 2) ->
    {Term, Consumed, Stack} = analyze(Class, Reason, Stack0),
    Prefix = "exception " ++ atom_to_list(Class) ++ ": ",
    Expl = explain(Class, Term, Consumed, I, length(Prefix), FormatFun),
    case frames(trim(Stack, StackFun), I, FormatFun) of
        [] -> [Prefix, Expl];
        Frames -> [Prefix, Expl, $\n, Frames]
    end.

%% format_stacktrace(I, Stack, StackFun, FormatFun[, Encoding]): the frame
%% lines only.
format_stacktrace(I, Stack, StackFun, FormatFun) ->
    format_stacktrace(I, Stack, StackFun, FormatFun, latin1).

format_stacktrace(I, Stack, StackFun, FormatFun, _Encoding) ->
    frames(trim(Stack, StackFun), I, FormatFun).

%% format_call(I, MFOrFun, Args, FormatFun[, Encoding]): "M:F(Arg1,Arg2)".
format_call(I, MFOrFun, Args, FormatFun) ->
    format_call(I, MFOrFun, Args, FormatFun, latin1).

format_call(I, MFOrFun, Args, FormatFun, _Encoding) ->
    call_text("", I - 1, MFOrFun, Args, FormatFun).

%% format_fun(Fun[, Encoding]): how a fun is named in explanations.
format_fun(Fun) ->
    format_fun(Fun, latin1).

format_fun(Fun, _Encoding) when is_function(Fun) ->
    {module, M} = erlang:fun_info(Fun, module),
    {name, F} = erlang:fun_info(Fun, name),
    {arity, A} = erlang:fun_info(Fun, arity),
    case erlang:fun_info(Fun, type) of
        {type, external} when M =:= erlang -> io_lib:format("fun ~tw/~w", [F, A]);
        {type, external} -> io_lib:format("fun ~tw:~tw/~w", [M, F, A]);
        {type, local} -> io_lib:format("~tw:~tw/~w", [M, F, A])
    end.

pp(Term, I) ->
    io_lib:print(Term, I, 80, -1).

%% analyze(Class, Reason, Stack) -> {Term, Consumed, Stack}: the frame an
%% explanation uses (the called function of a function_clause or undef
%% error) is taken off the stack. A stack that is not a stack trace is
%% shown as part of the reason.
analyze(Class, Reason, Stack) ->
    case {is_stacktrace(Stack), Class, Reason, Stack} of
        {false, _, _, _} -> {{Reason, Stack}, [], []};
        {true, error, function_clause, [{_, _, As, _} = F | Rest]} when is_list(As) ->
            {Reason, [F], Rest};
        {true, error, undef, [{_, _, _, _} = F | Rest]} -> {Reason, [F], Rest};
        {true, _, _, _} -> {Reason, [], Stack}
    end.

is_stacktrace([]) ->
    true;
is_stacktrace([{M, F, A, Loc} | Rest]) when is_atom(M), is_atom(F), is_integer(A), is_list(Loc) ->
    is_stacktrace(Rest);
is_stacktrace([{M, F, As, Loc} | Rest]) when is_atom(M), is_atom(F), is_list(As), is_list(Loc) ->
    is_stacktrace(Rest);
is_stacktrace(_) ->
    false.

trim(Stack, StackFun) ->
    lists:reverse(lists:dropwhile(fun({M, F, A, _}) -> StackFun(M, F, A) end,
                                  lists:reverse(Stack))).

%% explain(Class, Term, Consumed, I, Exited, PF): the explanation, which
%% starts in column I + Exited.
explain(error, badarg, [], _I, _X, _PF) ->
    "bad argument";
explain(error, {badarg, V}, [], I, X, PF) ->
    value("bad argument: ", V, I, X, PF);
explain(error, {badkey, V}, [], I, X, PF) ->
    value("bad key: ", V, I, X, PF);
explain(error, {badmap, V}, [], I, X, PF) ->
    value("bad map: ", V, I, X, PF);
explain(error, badarith, [], _I, _X, _PF) ->
    "an error occurred when evaluating an arithmetic expression";
explain(error, {badarity, {Fun, As}}, [], _I, _X, _PF) when is_function(Fun), is_list(As) ->
    [format_fun(Fun), " called with ", arguments(length(As))];
explain(error, {badfun, V}, [], I, X, PF) ->
    value("bad function ", V, I, X, PF);
explain(error, {badmatch, V}, [], I, X, PF) ->
    value("no match of right hand side value ", V, I, X, PF);
explain(error, {case_clause, V}, [], I, X, PF) ->
    value("no case clause matching ", V, I, X, PF);
explain(error, {try_clause, V}, [], I, X, PF) ->
    value("no try clause matching ", V, I, X, PF);
explain(error, function_clause, [{M, F, As, Loc}], I, X, PF) ->
    [call_text("no function clause matching ", I - 1 + X, {M, F}, As, PF),
     $\s | location(Loc)];
explain(error, if_clause, [], _I, _X, _PF) ->
    "no true branch found when evaluating an if expression";
explain(error, noproc, [], _I, _X, _PF) ->
    "no such process or port";
explain(error, notalive, [], _I, _X, _PF) ->
    "the node cannot be part of a distributed system";
explain(error, system_limit, [], _I, _X, _PF) ->
    "a system limit has been reached";
explain(error, timeout_value, [], _I, _X, _PF) ->
    "bad receive timeout value";
explain(error, undef, [{M, F, A, _}], _I, _X, _PF) ->
    ["undefined function ", mfa(M, F, arity(A))];
explain(error, {bad_filter, V}, [], I, X, PF) ->
    value("bad filter ", V, I, X, PF);
explain(error, {bad_generator, V}, [], I, X, PF) ->
    value("bad generator ", V, I, X, PF);
explain(error, {unbound, V}, [], _I, _X, _PF) ->
    io_lib:format("variable ~w is unbound", [V]);
explain(exit, calling_self, [], _I, _X, _PF) ->
    "the current process attempted to call itself";
explain(_Class, Term, _Consumed, I, X, PF) ->
    PF(Term, I + X).

arguments(0) -> "no arguments";
arguments(1) -> "one argument";
arguments(2) -> "two arguments";
arguments(N) -> io_lib:format("~w arguments", [N]).

%% value(Text, V, I, X, PF): Text and then V. When V would take more than
%% two lines there, and fewer on a line of its own (indented under the
%% explanation), it goes on a line of its own.
value(Text, V, I, X, PF) ->
    S1 = PF(V, I + X + length(Text)),
    N1 = newlines(S1),
    case N1 > 1 of
        true ->
            S2 = PF(V, I + X),
            case newlines(S2) < N1 of
                true -> [Text, $\n, spaces(I - 1 + X), S2];
                false -> [Text, S1]
            end;
        false ->
            [Text, S1]
    end.

%% call_text(Text, Pre, MFOrFun, Args, PF): Text and then the call, the
%% line having Pre characters before Text. The call goes on a line of its
%% own (indented by Pre) when even two short arguments would not fit
%% after Text, or when its arguments take fewer lines there.
call_text(Text, Pre, MF, As, PF) ->
    case operator(MF, length(As)) of
        {yes, Op} ->
            [Text | op_text(Text, Pre, Op, As, PF)];
        no ->
            Name = mf_text(MF, length(As)),
            NameLen = string:length(Name),
            I1 = Pre + string:length(Text) + NameLen,
            S1 = args_text(As, I1, PF),
            S2 = args_text(As, Pre + NameLen, PF),
            Long = newlines(args_text([a2345, b2345], I1, PF)) > 0,
            case Long orelse newlines(S2) < newlines(S1) of
                true -> [Text, $\n, spaces(Pre), Name, S2];
                false -> [Text, Name, S1]
            end
    end.

op_text(Text, Pre, Op, [A], PF) ->
    OpS = atom_to_list(Op) ++ " ",
    [OpS, PF(A, Pre + length(Text) + length(OpS) + 1)];
op_text(Text, Pre, Op, [A, B], PF) ->
    I1 = Pre + length(Text),
    S1 = PF(A, I1 + 1),
    S2 = PF(B, I1 + 1),
    OpS = atom_to_list(Op),
    Stacked = [S1, $\n, spaces(I1), OpS, $\n, spaces(I1), S2],
    case newlines(S1) > 0 of
        true ->
            Stacked;
        false ->
            OpS2 = " " ++ OpS ++ " ",
            S2b = PF(B, I1 + length(OpS2) + string:length(S1) + 1),
            case newlines(S2) < newlines(S2b) of
                true -> Stacked;
                false -> [S1, OpS2, S2b]
            end
    end.

%% args_text(As, I, PF): the arguments in parentheses, printed as a list
%% starting in column I + 1. A list of arguments that is printable as a
%% string is still printed as separate numbers.
args_text(As, I, PF) ->
    case As of
        [N | T] when is_integer(N) ->
            case io_lib:printable_list(As) of
                true ->
                    Digits = integer_to_list(N),
                    Stand = list_to_atom(lists:duplicate(length(Digits), $a)),
                    S = chars(PF([Stand | T], I + 1)),
                    parens([$[, Digits | lists:nthtail(1 + length(Digits), S)]);
                false ->
                    parens(chars(PF(As, I + 1)))
            end;
        _ ->
            parens(chars(PF(As, I + 1)))
    end.

parens(S) ->
    Flat = lists:flatten(S),
    "(" ++ lists:sublist(Flat, 2, length(Flat) - 2) ++ ")".

chars(S) ->
    unicode:characters_to_list(S).

%% frames(Stack, I, PF): one line per frame, indented by I + 1 spaces.
frames(Stack, I, PF) ->
    Ind = spaces(I + 1),
    lists:join($\n, frames(Stack, Ind, 1, PF)).

frames([{M, F, A, Loc} | Rest], Ind, N, PF) when is_integer(A) ->
    Line = [Ind, origin(N, M, F, A), $\s, mfa(M, F, A), $\s, location(Loc)],
    [Line | frames(Rest, Ind, N + 1, PF)];
frames([{M, F, As, _Loc} | Rest], Ind, N, PF) when is_list(As) ->
    Called = Ind ++ "   called as ",
    Line = [Ind, origin(N, M, F, length(As)), $\s, mfa(M, F, length(As)), $\n,
            Called, call_text("", length(Called), {M, F}, As, PF)],
    [Line | frames(Rest, Ind, N + 1, PF)];
frames([], _Ind, _N, _PF) ->
    [].

origin(1, M, F, A) ->
    case operator({M, F}, A) of
        {yes, _} -> "in operator ";
        no -> "in function "
    end;
origin(_, _, _, _) ->
    "in call from".

location(Loc) ->
    case {lists:keyfind(file, 1, Loc), lists:keyfind(line, 1, Loc)} of
        {{file, File}, {line, Line}} -> io_lib:format("(~ts, line ~w)", [File, Line]);
        _ -> ""
    end.

mfa(M, F, A) ->
    [mf_text({M, F}, A), $/, integer_to_list(A)].

%% mf_text: "M:F", or just F for an operator or a function of the erlang
%% module.
mf_text({M, F}, A) ->
    case operator({M, F}, A) of
        {yes, _} -> atom_to_list(F);
        no when M =:= erlang -> io_lib:format("~tw", [F]);
        no -> io_lib:format("~tw:~tw", [M, F])
    end;
mf_text(Fun, _A) when is_function(Fun) ->
    format_fun(Fun);
mf_text(F, _A) ->
    io_lib:format("~tw", [F]).

arity(As) when is_list(As) -> length(As);
arity(A) -> A.

operator({erlang, F}, 1) ->
    case lists:member(F, ['-', '+', 'not', 'bnot']) of
        true -> {yes, F};
        false -> no
    end;
operator({erlang, F}, 2) ->
    case lists:member(F, ['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor', 'bsl',
                          'bsr', 'and', 'or', 'xor', '==', '/=', '=:=', '=/=', '<', '>',
                          '=<', '>=', '++', '--', '!']) of
        true -> {yes, F};
        false -> no
    end;
operator(_, _) ->
    no.

newlines(S) ->
    length([C || C <- lists:flatten(chars(S)), C =:= $\n]).

spaces(N) when N > 0 -> lists:duplicate(N, $\s);
spaces(_) -> [].

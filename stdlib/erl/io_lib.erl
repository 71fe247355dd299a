%% The parts of OTP's io_lib module written in Erlang here: formatted
%% reading, fread/2 and fread/3 (the get_until function of io:fread). The
%% native functions of io_lib shadow any function of the same name here.
%%
%% A format holds white space (skipping any white space of the input),
%% characters that must come next in the input, and controls ~C with an
%% optional * (read but not returned), field width and t (Unicode):
%%   ~d ~u (~Nu: base N) ~- ~# integers, an explicit sign, Base#Digits
%%   ~f           a float
%%   ~s ~a ~c     a string, an atom, characters (one by default)
%%   ~l           the number of characters read so far
%%   ~~           a tilde
%% Input is taken a line at a time: fread/3 answers {more, Continuation}
%% until it has a line, and a format that goes on past the end of a line
%% continues on the next.
-module(io_lib).

-export([fread/2, fread/3]).

-define(WHITE(C), (C =:= $\s orelse C =:= $\t orelse C =:= $\r orelse C =:= $\n)).

%% fread(Continuation, Chars, Format): {more, Continuation1}, or
%% {done, Result, RestChars} with Result {ok, Values}, eof or
%% {error, {fread, What}}.
fread([], Chars, Format) ->
    collect(Format, [], 0, [], Chars);
fread({Format, Stack, N, Res}, Chars, _) ->
    collect(Format, Stack, N, Res, Chars).

%% collect(Format, Stack, N, Res, Chars): gathers a line (Stack holds its
%% characters so far, reversed).
collect(Format, [$\r | Stack], N, Res, [$\n | More]) ->
    line(Format, lists:reverse(Stack), N, Res, More, "\r\n");
collect(Format, Stack, N, Res, [$\n | More]) ->
    line(Format, lists:reverse(Stack), N, Res, More, "\n");
collect(Format, Stack, N, Res, []) ->
    {more, {Format, Stack, N, Res}};
collect(Format, Stack, N, Res, [C | More]) ->
    collect(Format, [C | Stack], N, Res, More);
collect(Format, [$\r | Stack], N, Res, Eof) ->
    line(Format, lists:reverse(Stack), N, Res, Eof, "\r");
collect(Format, Stack, N, Res, Eof) ->
    line(Format, lists:reverse(Stack), N, Res, Eof, []).

%% line(Format, Line, N, Res, More, Newline): reads a line (or eof) and
%% goes on to the next when the format is not done.
line(Format, Line, N, Res, More, Newline) ->
    Chars = case is_list(More) of
                true -> More;
                false -> []
            end,
    case fread(Format, Line, N, Res) of
        {ok, Values, []} ->
            {done, {ok, Values}, Chars};
        {ok, Values, Rest} ->
            {done, {ok, Values}, Rest ++ Newline ++ Chars};
        {more, Format1, N1, Res1} when is_list(Line), is_list(More) ->
            collect(Format1, [], N1 + length(Newline), Res1, More);
        {more, Format1, N1, Res1} when is_list(Line) ->
            line(Format1, eof, N1 + length(Newline), Res1, More, []);
        Other ->
            {done, Other, More}
    end.

%% fread(Format, Line): {ok, Values, Rest}, {more, RestFormat, N, Stack}
%% or {error, {fread, What}}.
fread(Format, Line) ->
    fread(Format, Line, 0, []).

fread([$~ | Format0] = All, Line, N, Res) ->
    {Format, Width, Sup, Uni} = field(Format0),
    control(Format, Width, Sup, Uni, Line, N, Res, All);
fread([C | Format], Line, N, Res) when ?WHITE(C) ->
    {Line1, N1} = skip_white(Line, N),
    fread(Format, Line1, N1, Res);
fread([C | Format], [C | Line], N, Res) ->
    fread(Format, Line, N + 1, Res);
fread([_ | _], [_ | _], _, _) ->
    ferr(input);
fread([_ | _] = Format, [], N, Res) ->
    {more, Format, N, Res};
fread([_ | _], eof, 0, []) ->
    eof;
fread([_ | _], eof, _, _) ->
    ferr(input);
fread([], Line, _, Res) ->
    {ok, lists:reverse(Res), Line}.

ferr(What) -> {error, {fread, What}}.

%% field(Format): the modifiers of a control: {Rest, Width, Suppress,
%% Unicode}.
field([$* | F]) -> field(F, true);
field(F) -> field(F, false).

field(F, Sup) ->
    {Width, F1} = width(F, none),
    case F1 of
        [$t | F2] -> {F2, Width, Sup, true};
        _ -> {F1, Width, Sup, false}
    end.

width([C | F], W) when C >= $0, C =< $9 ->
    W0 = case W of
             none -> 0;
             _ -> W
         end,
    width(F, W0 * 10 + C - $0);
width(F, W) ->
    {W, F}.

control([$l | Format], _, Sup, _, Line, N, Res, _) ->
    fread(Format, Line, N, result(Sup, N, Res));
control(_, _, _, _, [], N, Res, All) ->
    {more, All, N, Res};
control(_, _, _, _, eof, 0, [], _) ->
    eof;
control(_, _, _, _, eof, _, _, _) ->
    ferr(input);
control([$~ | Format], _, _, _, [$~ | Line], N, Res, _) ->
    fread(Format, Line, N + 1, Res);
control([C | Format], Width, Sup, Uni, Line, N, Res, _) ->
    case convert(C, Width, Uni, Line, N) of
        {ok, Value, Line1, N1} -> fread(Format, Line1, N1, result(Sup, Value, Res));
        {error, _} = Error -> Error
    end;
control([], _, _, _, _, _, _, _) ->
    ferr(format).

result(true, _, Res) -> Res;
result(false, V, Res) -> [V | Res].

%% convert(Control, Width, Unicode, Line, N): {ok, Value, Line1, N1} or
%% an error.
convert($d, none, false, Line, N) ->
    {Cs, Line1, N1} = signed_digits(Line, N),
    integer(Cs, 10, integer, Line1, N1);
convert($d, W, false, Line, N) ->
    fixed(W, false, Line, N, fun(Cs) -> strip_integer(Cs, 10, integer) end, integer);
convert($u, none, false, Line, N) ->
    {Cs, Line1, N1} = digits(Line, N, 10),
    integer(Cs, 10, unsigned, Line1, N1);
convert($u, B, false, Line, N) when B >= 2, B =< 36 ->
    {Cs, Line1, N1} = digits(Line, N, B),
    integer(Cs, B, unsigned, Line1, N1);
convert($-, _, false, [$- | Line], N) ->
    {ok, -1, Line, N + 1};
convert($-, _, false, [$+ | Line], N) ->
    {ok, 1, Line, N + 1};
convert($-, _, false, Line, N) ->
    {ok, 1, Line, N};
convert($#, none, false, Line, N) ->
    {Cs, Line1, N1} = signed_digits(Line, N),
    case {Line1, catch list_to_integer(Cs)} of
        {[$# | Line2], B0} when is_integer(B0), abs(B0) >= 2, abs(B0) =< 36 ->
            {Ds, Line3, N3} = digits(Line2, N1 + 1, abs(B0)),
            case catch list_to_integer(Ds, abs(B0)) of
                I when is_integer(I), B0 < 0 -> {ok, -I, Line3, N3};
                I when is_integer(I) -> {ok, I, Line3, N3};
                _ -> ferr(based)
            end;
        _ ->
            ferr(based)
    end;
convert($f, none, false, Line, N) ->
    {Cs, Line1, N1} = float_chars(Line, N),
    case catch list_to_float(Cs) of
        F when is_float(F) -> {ok, F, Line1, N1};
        _ -> ferr(float)
    end;
convert($f, W, false, Line, N) ->
    fixed(W, false, Line, N,
          fun(Cs) ->
                  case catch list_to_float(skip_white(Cs)) of
                      F when is_float(F) -> {ok, F};
                      _ -> ferr(float)
                  end
          end, float);
convert($s, none, Uni, Line, N) ->
    case word(Line, N, Uni) of
        {error, _} -> ferr(string);
        {Cs, Line1, N1} -> {ok, Cs, Line1, N1}
    end;
convert($s, W, Uni, Line, N) ->
    fixed(W, Uni, Line, N, fun(Cs) -> {ok, strip(Cs)} end, string);
convert($a, none, Uni, Line, N) ->
    case word(Line, N, Uni) of
        {error, _} -> ferr(atom);
        {Cs, Line1, N1} -> {ok, list_to_atom(Cs), Line1, N1}
    end;
convert($a, W, false, Line, N) ->
    fixed(W, false, Line, N, fun(Cs) -> {ok, list_to_atom(strip(Cs))} end, atom);
convert($c, W, Uni, Line, N) ->
    Count = case W of
                none -> 1;
                _ -> W
            end,
    fixed(Count, Uni, Line, N, fun(Cs) -> {ok, Cs} end, character);
convert(_, _, _, _, _) ->
    ferr(format).

%% fixed(W, Uni, Line, N, Convert, What): a field of exactly W characters
%% of the line, converted; {fread, What} when the line has no such field.
fixed(W, Uni, Line, N, Convert, What) ->
    case take(W, Line, Uni, []) of
        {Cs, Rest} ->
            case Convert(Cs) of
                {ok, V} -> {ok, V, Rest, N + W};
                {error, _} = Error -> Error
            end;
        error ->
            ferr(What)
    end.

take(0, Line, _, Acc) -> {lists:reverse(Acc), Line};
take(_, [$\n | _], _, _) -> error;
take(K, [C | Line], true, Acc) -> take(K - 1, Line, true, [C | Acc]);
take(K, [C | Line], false, Acc) when C >= 0, C =< 255 -> take(K - 1, Line, false, [C | Acc]);
take(_, _, _, _) -> error.

strip_integer(Cs, Base, What) ->
    case catch list_to_integer(skip_white(Cs), Base) of
        I when is_integer(I) -> {ok, I};
        _ -> ferr(What)
    end.

integer(Cs, Base, What, Line, N) ->
    case catch list_to_integer(Cs, Base) of
        I when is_integer(I) -> {ok, I, Line, N};
        _ -> ferr(What)
    end.

%% signed_digits(Line, N): white space skipped, then an optional sign and
%% decimal digits.
signed_digits(Line0, N0) ->
    {Line, N} = skip_white(Line0, N0),
    {Sign, Line1, N1} = sign(Line, N),
    {Ds, Line2, N2} = digits(Line1, N1, 10),
    {Sign ++ Ds, Line2, N2}.

sign([$+ | Line], N) -> {"+", Line, N + 1};
sign([$- | Line], N) -> {"-", Line, N + 1};
sign(Line, N) -> {"", Line, N}.

digits(Line, N, Base) -> digits(Line, N, Base, []).

digits([C | Line], N, Base, Acc) ->
    case digit(C) < Base of
        true -> digits(Line, N + 1, Base, [C | Acc]);
        false -> {lists:reverse(Acc), [C | Line], N}
    end;
digits(Line, N, _, Acc) ->
    {lists:reverse(Acc), Line, N}.

digit(C) when C >= $0, C =< $9 -> C - $0;
digit(C) when C >= $a, C =< $z -> C - $a + 10;
digit(C) when C >= $A, C =< $Z -> C - $A + 10;
digit(_) -> 99.

%% float_chars(Line, N): [+-]Digits[.Digits[(e|E)[+-]Digits]].
float_chars(Line0, N0) ->
    {Cs0, Line1, N1} = signed_digits(Line0, N0),
    case Line1 of
        [$. | Line2] ->
            {Frac, Line3, N3} = digits(Line2, N1 + 1, 10),
            Cs1 = Cs0 ++ "." ++ Frac,
            case Line3 of
                [E | Line4] when E =:= $e; E =:= $E ->
                    {Sign, Line5, N5} = sign(Line4, N3 + 1),
                    {Exp, Line6, N6} = digits(Line5, N5, 10),
                    {Cs1 ++ [E | Sign] ++ Exp, Line6, N6};
                _ ->
                    {Cs1, Line3, N3}
            end;
        _ ->
            {Cs0, Line1, N1}
    end.

%% word(Line, N, Unicode): white space skipped, then the characters up to
%% the next white space (Latin-1 ones only unless Unicode).
word(Line0, N0, Uni) ->
    {Line, N} = skip_white(Line0, N0),
    word(Line, N, Uni, []).

word([C | _] = Line, N, _, Acc) when ?WHITE(C) ->
    {lists:reverse(Acc), Line, N};
word([C | _], _, false, []) when C > 255 ->
    {error, string};
word([C | _] = Line, N, false, Acc) when C > 255 ->
    {lists:reverse(Acc), Line, N};
word([C | Line], N, Uni, Acc) ->
    word(Line, N + 1, Uni, [C | Acc]);
word([], N, _, Acc) ->
    {lists:reverse(Acc), [], N}.

skip_white([C | Line], N) when ?WHITE(C) -> skip_white(Line, N + 1);
skip_white(Line, N) -> {Line, N}.

skip_white([C | Line]) when ?WHITE(C) -> skip_white(Line);
skip_white(Line) -> Line.

strip(Cs) -> lists:reverse(skip_white(lists:reverse(skip_white(Cs)))).

-module(nrec_pp).
-export([main/0]).

%% Many shapes of native records printed with ~p at many line lengths and
%% start columns, to compare line breaking with OTP's.

-record #r{a, b, c}.
-record #long_record_name_here{first_field, second_field_longer_name}.
-record #s{v}.

shapes() ->
    R = #r{a = 1, b = two, c = "three"},
    L = #long_record_name_here{first_field = R, second_field_longer_name = [R, R]},
    [R, L,
     #s{v = L},
     #s{v = [L, L, {L}]},
     #r{a = #r{a = #r{a = #r{a = x, b = y, c = z}, b = [], c = <<"bin">>}, b = 1.5, c = #{k => R}},
        b = lists:seq(1, 30), c = {tag, R, L}},
     [#s{v = I} || I <- lists:seq(1, 12)],
     {R, L, R},
     #{R => L, L => R},
     #r{a = "a string that is fairly long to force breaks", b = 'an atom', c = [1 | 2]},
     #long_record_name_here{first_field = #s{v = #s{v = #s{v = #s{v = deep}}}},
                            second_field_longer_name = #s{v = "x"}}].

main() ->
    Prefixes = ["", "abc: ", "a somewhat longer prefix of text: "],
    [begin
         Fmt = Prefix ++ "~*p~n",
         io:format(Fmt, [W, X])
     end || X <- shapes(), W <- [20, 33, 47, 61, 80, 100], Prefix <- Prefixes],
    [io:format("~P~n", [X, D]) || X <- shapes(), D <- [2, 3, 6, 10]],
    ok.

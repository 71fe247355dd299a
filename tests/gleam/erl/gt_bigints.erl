-module(gt_bigints).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec factorial(integer()) -> integer().
factorial(N) ->
    case N of
        0 ->
            1;

        N@1 ->
            N@1 * factorial(N@1 - 1)
    end.

-spec fib_loop(integer(), integer(), integer()) -> integer().
fib_loop(N, A, B) ->
    case N of
        0 ->
            A;

        _ ->
            fib_loop(N - 1, B, A + B)
    end.

-spec fib(integer()) -> integer().
fib(N) ->
    fib_loop(N, 0, 1).

-spec pow(integer(), integer()) -> integer().
pow(B, E) ->
    case E of
        0 ->
            1;

        _ ->
            case E rem 2 of
                0 ->
                    H = pow(B, E div 2),
                    H * H;

                _ ->
                    B * pow(B, E - 1)
            end
    end.

-spec gcd(integer(), integer()) -> integer().
gcd(A, B) ->
    case B of
        0 ->
            erlang:abs(A);

        _ ->
            gcd(B, case B of
                    0 -> 0;
                    Gleam@denominator -> A rem Gleam@denominator
                end)
    end.

-spec digits_sum(integer()) -> integer().
digits_sum(N) ->
    case N of
        0 ->
            0;

        _ ->
            (N rem 10) + digits_sum(N div 10)
    end.

-spec max_int_compare(integer(), float()) -> boolean().
max_int_compare(A, F) ->
    A > erlang:trunc(F).

-spec main() -> nil.
main() ->
    F50 = factorial(50),
    p(F50),
    io:format(
        <<"~ts (~b digits)~n"/utf8>>,
        erlang:tuple_to_list(
            {erlang:integer_to_binary(factorial(100)),
                string:length(erlang:integer_to_binary(factorial(100)))}
        )
    ),
    p(fib(300)),
    p(pow(2, 64)),
    p(pow(2, 64) - 1),
    p(pow(-3, 41)),
    p(case pow(3, 50) of
            0 -> 0;
            Gleam@denominator -> pow(2, 200) div Gleam@denominator
        end),
    p(case pow(3, 50) of
            0 -> 0;
            Gleam@denominator@1 -> pow(2, 200) rem Gleam@denominator@1
        end),
    p({-7 div 2, 7 div -2, -7 rem 2, 7 rem -2}),
    p({0 - (pow(10, 30) div 7), 0 - (pow(10, 30) rem 7)}),
    p(gcd(factorial(30), pow(2, 100) * 3)),
    p(digits_sum(factorial(200))),
    p(erlang:'band'(pow(2, 100) + 5, 7)),
    p(erlang:'bor'(pow(2, 70), 1)),
    p(erlang:'bxor'(pow(2, 65) - 1, pow(2, 64))),
    p(erlang:'bsl'(1, 130)),
    p(erlang:'bsr'(pow(2, 130), 125)),
    p(erlang:'bnot'(pow(2, 70))),
    p(erlang:'bsr'(-1 * pow(2, 80), 3)),
    io:format(<<"~ts~n"/utf8>>, [erlang:integer_to_binary(pow(2, 100) - 1, 16)]),
    io:format(<<"~ts~n"/utf8>>, [erlang:integer_to_binary(0 - pow(36, 12), 36)]),
    p(erlang:binary_to_integer(<<"-123456789012345678901234567890"/utf8>>) * 2),
    p((pow(2, 62) + pow(2, 62)) - 1),
    p(0 - pow(2, 63)),
    p(pow(2, 63) - pow(2, 63)),
    p(factorial(25) > (factorial(24) * 24)),
    p(
        {max_int_compare(pow(2, 64), 1.0e19),
            pow(10, 20) =:= 100000000000000000000}
    ).

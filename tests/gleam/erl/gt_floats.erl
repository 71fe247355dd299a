-module(gt_floats).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, opt/0]).

-type dynamic_() :: any().

-type opt() :: {decimals, integer()} | {scientific, integer()} | short | compact.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec sum(list(float()), float()) -> float().
sum(L, Acc) ->
    case L of
        [] ->
            Acc;

        [X | Xs] ->
            sum(Xs, Acc + X)
    end.

-spec each(list(AG), fun((AG) -> any())) -> nil.
each(L, F) ->
    case L of
        [] ->
            nil;

        [X | Xs] ->
            F(X),
            each(Xs, F)
    end.

-spec main() -> nil.
main() ->
    Xs = [0.0,
        1.0,
        -1.5,
        0.1,
        0.1 + 0.2,
        1.0 / 3.0,
        2.0 / 3.0,
        100.0,
        1.0e15,
        1.0e16,
        123456789.125,
        1.0e-7,
        5.0e-324,
        1.7976931348623157e308,
        -0.0],
    each(
        Xs,
        fun(X) ->
            io:format(
                <<"~p ~w ~ts ~ts~n"/utf8>>,
                erlang:tuple_to_list(
                    {X,
                        X,
                        unicode:characters_to_binary(io_lib_format:fwrite_g(X)),
                        erlang:float_to_binary(X, [short])}
                )
            )
        end
    ),
    each(
        [3.14159, -2.5, 1234.5678, 0.000123],
        fun(X@1) ->
            io:format(
                <<"~f|~.2f|~e|~.3e|~g|~10.3f|~-10.1f|~ts|~ts~n"/utf8>>,
                erlang:tuple_to_list(
                    {X@1,
                        X@1,
                        X@1,
                        X@1,
                        X@1,
                        X@1,
                        X@1,
                        erlang:float_to_binary(X@1, [{decimals, 3}]),
                        erlang:float_to_binary(X@1, [{scientific, 2}])}
                )
            )
        end
    ),
    io:format(
        <<"~ts~n"/utf8>>,
        [erlang:float_to_binary(2.5, [{decimals, 4}, compact])]
    ),
    io:format(<<"~ts~n"/utf8>>, [erlang:float_to_binary(0.1)]),
    p(
        [erlang:round(2.5),
            erlang:round(-2.5),
            erlang:round(3.49),
            erlang:trunc(-7.9),
            erlang:trunc(7.9)]
    ),
    p([math:floor(-1.5), math:ceil(-1.5), math:floor(2.0), math:ceil(2.1)]),
    p([math:sqrt(2.0), math:pow(2.0, 0.5), math:pow(10.0, -3.0)]),
    p(erlang:float(123456789012345678)),
    p(erlang:binary_to_float(<<"6.02214076e23"/utf8>>)),
    p(1.0e300 * 1.0e-300),
    p({1.5 < 2.0, 2.0 >= 2.0, 1.0 =:= 1.0, (0.1 + 0.2) =:= 0.3}),
    p(-1.5 * -2.0),
    p(7.0 - 10.25),
    p(sum([0.1, 0.2, 0.3, 0.4], 0.0)).

-module(gt_records).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, colour/0, person/0, account/0, wrapper/1]).

-type dynamic_() :: any().

-type colour() :: red | green | blue | {custom, integer(), integer(), integer()}.

-type person() :: {person, binary(), integer(), binary(), list(binary())}.

-type account() :: {account, integer(), person(), integer(), boolean()}.

-type wrapper(QM) :: {wrapper, QM, binary()}.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec colour_name(colour()) -> binary().
colour_name(C) ->
    case C of
        red ->
            <<"red"/utf8>>;

        green ->
            <<"green"/utf8>>;

        blue ->
            <<"blue"/utf8>>;

        {custom, 0, 0, 0} ->
            <<"black"/utf8>>;

        {custom, R, G, B} when (R =:= G) andalso (G =:= B) ->
            <<"grey"/utf8>>;

        {custom, _, _, _} ->
            <<"custom"/utf8>>
    end.

-spec birthday(person()) -> person().
birthday(P) ->
    erlang:setelement(3, P, erlang:element(3, P) + 1).

-spec deposit(account(), integer()) -> account().
deposit(A, Amount) ->
    case erlang:element(5, A) of
        true ->
            A;

        false ->
            erlang:setelement(4, A, erlang:element(4, A) + Amount)
    end.

-spec map_wrapper(wrapper(QS), fun((QS) -> QU)) -> wrapper(QU).
map_wrapper(W, F) ->
    {wrapper, F(erlang:element(2, W)), erlang:element(3, W)}.

-spec loop_names(list(colour())) -> nil.
loop_names(Cs) ->
    case Cs of
        [] ->
            nil;

        [C | Rest] ->
            io:format(<<"- ~ts~n"/utf8>>, [colour_name(C)]),
            loop_names(Rest)
    end.

-spec main() -> nil.
main() ->
    Colours = [red,
        green,
        blue,
        {custom, 0, 0, 0},
        {custom, 7, 7, 7},
        {custom, 1, 2, 3}],
    p(Colours),
    io:format(<<"~ts~n"/utf8>>, [colour_name(red)]),
    _pipe = Colours,
    loop_names(_pipe),
    Ada = {person,
        <<"Ada"/utf8>>,
        36,
        <<"ada@example.com"/utf8>>,
        [<<"math"/utf8>>, <<"engine"/utf8>>]},
    Older = birthday(Ada),
    p(Older),
    io:format(
        <<"~ts is ~b~n"/utf8>>,
        erlang:tuple_to_list(
            {erlang:element(2, Older), erlang:element(3, Older)}
        )
    ),
    Renamed = erlang:setelement(
        5,
        erlang:setelement(2, Older, <<"Ada L."/utf8>>),
        [<<"poet"/utf8>> | erlang:element(5, Older)]
    ),
    p(Renamed),
    p(Ada =:= birthday(Ada)),
    p(Older =:= birthday(Ada)),
    Acc = {account, 1, Ada, 100, false},
    Acc2 = deposit(Acc, 50),
    Acc3 = deposit(erlang:setelement(5, Acc2, true), 1000),
    p(
        {erlang:element(4, Acc2),
            erlang:element(4, Acc3),
            erlang:element(5, Acc3)}
    ),
    p(erlang:element(2, erlang:element(3, Acc3))),
    W = {wrapper, 21, <<"num"/utf8>>},
    W2 = map_wrapper(W, fun(X) -> X * 2 end),
    W3 = map_wrapper(W2, fun(X@1) -> [X@1, X@1] end),
    p(W3),
    p(erlang:setelement(3, W3, <<"pairs"/utf8>>)).

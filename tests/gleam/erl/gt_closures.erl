-module(gt_closures).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec add(integer(), integer()) -> integer().
add(A, B) ->
    A + B.

-spec compose(fun((CU) -> CV), fun((CV) -> CW)) -> fun((CU) -> CW).
compose(F, G) ->
    fun(X) -> G(F(X)) end.

-spec curry(fun((CX, CY) -> CZ)) -> fun((CX) -> fun((CY) -> CZ)).
curry(F) ->
    fun(A) -> fun(B) -> F(A, B) end end.

-spec repeat(fun((DA) -> DA), integer()) -> fun((DA) -> DA).
repeat(F, N) ->
    case N of
        0 ->
            fun(X) -> X end;

        _ ->
            compose(F, repeat(F, N - 1))
    end.

-spec make_counter(integer()) -> {fun(() -> integer()),
    fun((integer()) -> integer())}.
make_counter(Start) ->
    {fun() -> Start end, fun(Step) -> Start + Step end}.

-spec apply_all(list(fun((integer()) -> integer())), integer()) -> list(integer()).
apply_all(Fs, X) ->
    case Fs of
        [] ->
            [];

        [F | Rest] ->
            [F(X) | apply_all(Rest, X)]
    end.

-spec fix(fun((fun((integer()) -> integer()), integer()) -> integer())) -> fun((integer()) -> integer()).
fix(F) ->
    fun(X) -> F(fix(F), X) end.

-spec each(list(DE), fun((DE) -> any())) -> nil.
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
    Add5 = fun(_capture) -> add(5, _capture) end,
    Sub_from_100 = fun(X) -> 100 - X end,
    p(Add5(10)),
    p(
        begin
            _pipe = 3,
            _pipe@1 = Add5(_pipe),
            _pipe@2 = Sub_from_100(_pipe@1),
            add(1, _pipe@2)
        end
    ),
    Inc_then_double = compose(
        fun(_capture@1) -> add(1, _capture@1) end,
        fun(X@1) -> X@1 * 2 end
    ),
    p(Inc_then_double(20)),
    Curried = curry(fun add/2),
    p((Curried(2))(3)),
    p((repeat(fun(X@2) -> X@2 * 3 end, 5))(1)),
    {Get, Bump} = make_counter(41),
    p({Get(), Bump(1), Bump(-41)}),
    Multipliers = lists:map(fun(N) -> fun(X@3) -> X@3 * N end end, [1, 2, 3, 4]),
    p(apply_all(Multipliers, 7)),
    Fact = fix(fun(Self, N@1) -> case N@1 of
                0 ->
                    1;

                _ ->
                    N@1 * Self(N@1 - 1)
            end end),
    p(Fact(20)),
    p(lists:map(Add5, [1, 2, 3])),
    p(
        {erlang:is_function(Add5, 1),
            erlang:is_function(fun add/2, 2),
            erlang:is_function(Get, 1)}
    ),
    Greeting = <<"hello"/utf8>>,
    Greeters = lists:map(
        fun(Name) ->
            fun(Punct) ->
                <<<<<<Greeting/binary, ", "/utf8>>/binary, Name/binary>>/binary,
                    Punct/binary>>
            end
        end,
        [<<"Ann"/utf8>>, <<"Bo"/utf8>>]
    ),
    each(Greeters, fun(G) -> io:format(<<"~ts~n"/utf8>>, [G(<<"!"/utf8>>)]) end).

-module(gt_use).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec with_logging(binary(), fun(() -> OG)) -> OG.
with_logging(Name, F) ->
    io:format(<<"enter ~ts~n"/utf8>>, [Name]),
    R = F(),
    io:format(<<"leave ~ts~n"/utf8>>, [Name]),
    R.

-spec with_counter(fun((integer()) -> OH)) -> OH.
with_counter(F) ->
    erlang:put(<<"counter"/utf8>>, 0),
    F(0).

-spec tick() -> integer().
tick() ->
    N = erlang:get(<<"counter"/utf8>>) + 1,
    erlang:put(<<"counter"/utf8>>, N),
    N.

-spec loop(list(OK), integer(), fun((integer(), OK) -> nil)) -> nil.
loop(L, I, F) ->
    case L of
        [] ->
            nil;

        [X | Xs] ->
            F(I, X),
            loop(Xs, I + 1, F)
    end.

-spec each_index(list(OI), fun((integer(), OI) -> nil)) -> nil.
each_index(L, F) ->
    loop(L, 0, F).

-spec guard(boolean(), OM, fun(() -> OM)) -> OM.
guard(Cond, Otherwise, F) ->
    case Cond of
        true ->
            Otherwise;

        false ->
            F()
    end.

-spec classify(integer()) -> binary().
classify(N) ->
    guard(
        N < 0,
        <<"negative"/utf8>>,
        fun() ->
            guard(
                N =:= 0,
                <<"zero"/utf8>>,
                fun() ->
                    guard(
                        N > 1000,
                        <<"huge"/utf8>>,
                        fun() -> <<"positive"/utf8>> end
                    )
                end
            )
        end
    ).

-spec pair(fun((integer(), binary()) -> ON)) -> ON.
pair(F) ->
    F(7, <<"seven"/utf8>>).

-spec map(list(OP), fun((OP) -> OR)) -> list(OR).
map(L, F) ->
    case L of
        [] ->
            [];

        [X | Xs] ->
            [F(X) | map(Xs, F)]
    end.

-spec main() -> nil.
main() ->
    Total = (with_logging(
        <<"outer"/utf8>>,
        fun() ->
            with_logging(
                <<"inner"/utf8>>,
                fun() ->
                    with_counter(
                        fun(_) ->
                            tick(),
                            tick(),
                            tick()
                        end
                    )
                end
            )
        end
    )),
    io:format(<<"total ~b~n"/utf8>>, [Total]),
    (each_index(
        [<<"a"/utf8>>, <<"b"/utf8>>, <<"c"/utf8>>],
        fun(I, X) ->
            io:format(<<"~b=~ts~n"/utf8>>, erlang:tuple_to_list({I, X}))
        end
    )),
    _pipe = [-5, 0, 5, 5000],
    _pipe@1 = map(_pipe, fun classify/1),
    (fun(L) -> io:format(<<"~p~n"/utf8>>, [L]) end)(_pipe@1),
    pair(
        fun(N, S) ->
            io:format(<<"~b ~ts~n"/utf8>>, erlang:tuple_to_list({N, S}))
        end
    ).

-module(gt_results).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, where/0, option/1, parse_error/0]).

-type dynamic_() :: any().

-type where() :: all.

-type option(CHO) :: {some, CHO} | none.

-type parse_error() :: {not_a_number, binary()} |
    {out_of_range, integer()} |
    {missing, binary()}.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec 'try'({ok, CHY} | {error, CHZ}, fun((CHY) -> {ok, CIC} | {error, CHZ})) -> {ok,
        CIC} |
    {error, CHZ}.
'try'(R, Next) ->
    case R of
        {ok, V} ->
            Next(V);

        {error, E} ->
            {error, E}
    end.

-spec map({ok, CIH} | {error, CII}, fun((CIH) -> CIL)) -> {ok, CIL} |
    {error, CII}.
map(R, F) ->
    case R of
        {ok, V} ->
            {ok, F(V)};

        {error, E} ->
            {error, E}
    end.

-spec map_error({ok, CIO} | {error, CIP}, fun((CIP) -> CIS)) -> {ok, CIO} |
    {error, CIS}.
map_error(R, F) ->
    case R of
        {ok, V} ->
            {ok, V};

        {error, E} ->
            {error, F(E)}
    end.

-spec unwrap({ok, CIV} | {error, any()}, CIV) -> CIV.
unwrap(R, Default) ->
    case R of
        {ok, V} ->
            V;

        {error, _} ->
            Default
    end.

-spec all(list({ok, CIZ} | {error, CJA})) -> {ok, list(CIZ)} | {error, CJA}.
all(Rs) ->
    case Rs of
        [] ->
            {ok, []};

        [R | Rest] ->
            'try'(
                R,
                fun(V) -> 'try'(all(Rest), fun(Vs) -> {ok, [V | Vs]} end) end
            )
    end.

-spec parse_int(binary()) -> {ok, integer()} | {error, parse_error()}.
parse_int(S) ->
    case gt_ffi:rescue(fun() -> erlang:binary_to_integer(S) end) of
        {ok, N} ->
            {ok, N};

        {error, _} ->
            {error, {not_a_number, S}}
    end.

-spec in_range(integer(), integer(), integer()) -> {ok, integer()} |
    {error, parse_error()}.
in_range(N, Lo, Hi) ->
    case (N >= Lo) andalso (N =< Hi) of
        true ->
            {ok, N};

        false ->
            {error, {out_of_range, N}}
    end.

-spec parse_date(binary()) -> {ok, {integer(), integer(), integer()}} |
    {error, parse_error()}.
parse_date(S) ->
    case string:split(S, <<"-"/utf8>>, all) of
        [Y, M, D] ->
            'try'(
                parse_int(Y),
                fun(Year) ->
                    'try'(
                        begin
                            _pipe = parse_int(M),
                            'try'(
                                _pipe,
                                fun(_capture) -> in_range(_capture, 1, 12) end
                            )
                        end,
                        fun(Month) ->
                            'try'(
                                'try'(
                                    parse_int(D),
                                    fun(D@1) -> in_range(D@1, 1, 31) end
                                ),
                                fun(Day) -> {ok, {Year, Month, Day}} end
                            )
                        end
                    )
                end
            );

        _ ->
            {error, {missing, <<"date parts"/utf8>>}}
    end.

-spec option_map(option(CJN), fun((CJN) -> CJP)) -> option(CJP).
option_map(O, F) ->
    case O of
        {some, V} ->
            {some, F(V)};

        none ->
            none
    end.

-spec option_then(option(CJR), fun((CJR) -> option(CJT))) -> option(CJT).
option_then(O, F) ->
    case O of
        {some, V} ->
            F(V);

        none ->
            none
    end.

-spec to_option({ok, CJW} | {error, any()}) -> option(CJW).
to_option(R) ->
    case R of
        {ok, V} ->
            {some, V};

        {error, _} ->
            none
    end.

-spec lookup(list({binary(), CKB}), binary()) -> option(CKB).
lookup(L, K) ->
    case L of
        [] ->
            none;

        [{Key, V} | _] when Key =:= K ->
            {some, V};

        [_ | Rest] ->
            lookup(Rest, K)
    end.

-spec each(list(CKF), fun((CKF) -> any())) -> nil.
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
    _pipe = [<<"2024-02-29"/utf8>>,
        <<"2024-13-01"/utf8>>,
        <<"20x4-01-01"/utf8>>,
        <<"2024-01"/utf8>>,
        <<"1999-12-31"/utf8>>,
        <<"2000-01-32"/utf8>>],
    each(
        _pipe,
        fun(S) ->
            io:format(
                <<"~ts -> ~p~n"/utf8>>,
                erlang:tuple_to_list({S, parse_date(S)})
            )
        end
    ),
    p(all([{ok, 1}, {ok, 2}, {ok, 3}])),
    p(all([{ok, 1}, {error, <<"bad"/utf8>>}, {error, <<"worse"/utf8>>}])),
    p(map({ok, 2}, fun(X) -> X * 21 end)),
    p(map_error({error, 1}, fun(E) -> {<<"wrapped"/utf8>>, E} end)),
    p(unwrap(parse_int(<<"x"/utf8>>), -1)),
    Env = [{<<"HOME"/utf8>>, <<"/root"/utf8>>},
        {<<"SHELL"/utf8>>, <<"gleam"/utf8>>}],
    p(lookup(Env, <<"HOME"/utf8>>)),
    p(lookup(Env, <<"PATH"/utf8>>)),
    p(
        option_map(
            lookup(Env, <<"SHELL"/utf8>>),
            fun(S@1) -> <<S@1/binary, "!"/utf8>> end
        )
    ),
    p(
        option_then(
            lookup(Env, <<"HOME"/utf8>>),
            fun(_) -> lookup(Env, <<"NOPE"/utf8>>) end
        )
    ),
    p(to_option(parse_int(<<"77"/utf8>>))),
    p([{ok, {some, 1}}, {ok, none}, {error, {missing, <<"x"/utf8>>}}]),
    p({missing, <<"y"/utf8>>} =:= {missing, <<"y"/utf8>>}).

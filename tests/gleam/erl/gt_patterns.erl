-module(gt_patterns).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0, expr/0]).

-type dynamic_() :: any().

-type expr() :: {num, integer()} |
    {add, expr(), expr()} |
    {mul, expr(), expr()} |
    {neg, expr()} |
    {var, binary()}.

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec simplify(expr()) -> expr().
simplify(E) ->
    case E of
        {add, {num, 0}, X} ->
            simplify(X);

        {add, X, {num, 0}} ->
            simplify(X);

        {mul, {num, 1}, X@1} ->
            simplify(X@1);

        {mul, X@1, {num, 1}} ->
            simplify(X@1);

        {mul, {num, 0}, _} ->
            {num, 0};

        {mul, _, {num, 0}} ->
            {num, 0};

        {neg, {neg, X@2}} ->
            simplify(X@2);

        {add, {num, A}, {num, B}} ->
            {num, A + B};

        {mul, {num, A@1}, {num, B@1}} ->
            {num, A@1 * B@1};

        {add, A@2, B@2} ->
            {add, simplify(A@2), simplify(B@2)};

        {mul, A@3, B@3} ->
            {mul, simplify(A@3), simplify(B@3)};

        {neg, X@3} ->
            {neg, simplify(X@3)};

        Other ->
            Other
    end.

-spec classify(integer()) -> binary().
classify(N) ->
    case N of
        0 ->
            <<"zero"/utf8>>;

        N@1 when N@1 < 0 ->
            <<"negative"/utf8>>;

        N@2 when (N@2 > 100) andalso (N@2 < 1000) ->
            <<"hundreds"/utf8>>;

        1 ->
            <<"small odd"/utf8>>;

        3 ->
            <<"small odd"/utf8>>;

        5 ->
            <<"small odd"/utf8>>;

        7 ->
            <<"small odd"/utf8>>;

        9 ->
            <<"small odd"/utf8>>;

        N@3 when N@3 < 10 ->
            <<"small even"/utf8>>;

        _ ->
            <<"large"/utf8>>
    end.

-spec command(binary()) -> binary().
command(Line) ->
    case Line of
        <<"GET "/utf8, Path/binary>> ->
            <<"get:"/utf8, Path/binary>>;

        <<"PUT "/utf8, Rest/binary>> ->
            <<"put:"/utf8, Rest/binary>>;

        <<"é"/utf8, Rest@1/binary>> ->
            <<"accent:"/utf8, Rest@1/binary>>;

        <<""/utf8>> ->
            <<"empty"/utf8>>;

        Other ->
            <<"unknown:"/utf8, Other/binary>>
    end.

-spec describe_list(list(integer())) -> binary().
describe_list(L) ->
    case L of
        [] ->
            <<"empty"/utf8>>;

        [X] ->
            <<"one"/utf8>>;

        [1, 2 | _] ->
            <<"starts 1,2"/utf8>>;

        [X@1, Y] when X@1 > Y ->
            <<"pair desc"/utf8>>;

        [_, _] ->
            <<"pair"/utf8>>;

        [_, Second | Rest] = All when Second > 7 ->
            <<"long from 8"/utf8>>;

        _ ->
            <<"long"/utf8>>
    end.

-spec tuple_logic({boolean(), boolean()}) -> binary().
tuple_logic(T) ->
    case T of
        {true, true} ->
            <<"both"/utf8>>;

        {true, false} ->
            <<"one"/utf8>>;

        {false, true} ->
            <<"one"/utf8>>;

        {false, false} ->
            <<"none"/utf8>>
    end.

-spec nested({list({integer(), binary()}), {ok, integer()} | {error, binary()}}) -> integer().
nested(X) ->
    case X of
        {[{A, <<"x"/utf8>>} | _], {ok, B}} ->
            A + B;

        {[{A@1, _}, {B@1, _}], {error, _}} ->
            A@1 * B@1;

        {_, {ok, V}} when V > 10 ->
            V;

        _ ->
            -1
    end.

-spec each(list(BPB), fun((BPB) -> any())) -> nil.
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
    E = {add,
        {mul, {num, 1}, {add, {num, 0}, {var, <<"x"/utf8>>}}},
        {neg, {neg, {mul, {num, 3}, {num, 4}}}}},
    p(simplify(E)),
    p(simplify({mul, {var, <<"y"/utf8>>}, {num, 0}})),
    _pipe = [0, -5, 102, 3, 4, 11, 1000],
    each(
        _pipe,
        fun(N) ->
            io:format(
                <<"~b: ~ts~n"/utf8>>,
                erlang:tuple_to_list({N, classify(N)})
            )
        end
    ),
    _pipe@1 = [<<"GET /index.html"/utf8>>,
        <<"PUT /a b"/utf8>>,
        <<"éte"/utf8>>,
        <<""/utf8>>,
        <<"DELETE /x"/utf8>>],
    each(_pipe@1, fun(S) -> io:format(<<"~ts~n"/utf8>>, [command(S)]) end),
    _pipe@2 = [[], [9], [1, 2, 3], [5, 4], [4, 5], [7, 8, 9, 10]],
    each(_pipe@2, fun(L) -> io:format(<<"~ts~n"/utf8>>, [describe_list(L)]) end),
    _pipe@3 = [{true, true}, {false, true}, {false, false}],
    each(_pipe@3, fun(T) -> io:format(<<"~ts~n"/utf8>>, [tuple_logic(T)]) end),
    p(nested({[{1, <<"x"/utf8>>}, {2, <<"y"/utf8>>}], {ok, 10}})),
    p(nested({[{3, <<"a"/utf8>>}, {4, <<"b"/utf8>>}], {error, <<"e"/utf8>>}})),
    p(nested({[], {ok, 11}})),
    p(nested({[], {ok, 1}})),
    _assert_subject = [10, 20, 30],
    [First | _] = Whole = case _assert_subject of
        [_ | _] -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"gt_patterns"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 105})
    end,
    p({First, Whole}),
    {A, {B, C}} = {1, {<<"two"/utf8>>, 3.0}},
    p([A]),
    p(B),
    p(C).

-module(rec_basic).
-export([main/0]).

%% Record definition, creation with defaults, field access, update,
%% printing as tuples, record_info, and records of records.

-record(empty, {}).
-record(user, {name, age = 0, email = "none", tags = []}).
-record(pair, {left = default_left :: atom(), right}).

main() ->
    U1 = #user{name = "ann"},
    io:format("u1 ~p~n", [U1]),
    U2 = #user{name = "bob", age = 42, tags = [admin]},
    io:format("u2 ~p~n", [U2]),
    io:format("fields ~p ~p ~p~n", [U2#user.name, U2#user.age, U2#user.tags]),
    U3 = U2#user{age = 43, email = "bob@example.com"},
    io:format("u3 ~p~n", [U3]),
    io:format("u2 unchanged ~p~n", [U2#user.age]),
    io:format("empty ~p ~w~n", [#empty{}, tuple_size(#empty{})]),
    io:format("pair ~p~n", [#pair{right = r}]),
    io:format("undefined ~p~n", [#pair{}]),
    io:format("info ~p ~p~n", [record_info(fields, user), record_info(size, user)]),
    io:format("info2 ~p ~p~n", [record_info(fields, empty), record_info(size, pair)]),
    io:format("index ~w ~w~n", [#user.name, #user.tags]),
    io:format("element ~p~n", [element(#user.age, U2)]),
    io:format("is_record ~w ~w ~w~n", [is_record(U1, user), is_record(U1, pair), is_record({user}, user)]),
    io:format("as tuple ~w~n", [U1 =:= {user, "ann", 0, "none", []}]),
    Us = [#user{name = N, age = A} || {N, A} <- [{"c", 30}, {"a", 25}, {"b", 35}]],
    io:format("sorted by age ~p~n", [[U#user.name || U <- lists:keysort(#user.age, Us)]]),
    io:format("oldest ~p~n", [lists:foldl(fun(U, Best) when U#user.age > Best#user.age -> U; (_, Best) -> Best end,
                                          hd(Us), Us)]),
    io:format("default all ~p~n", [#user{name = x, _ = '_'}]),
    ok.

-module(pdict_basic).
-export([main/0]).

%% Process dictionary: put/get/erase/get_keys with every kind of key and
%% value; results of get/0, erase/0 and get_keys are sorted because their
%% order is unspecified.

main() ->
    io:format("initial ~w~n", [get(missing)]),
    io:format("put new ~w~n", [put(k1, v1)]),
    io:format("put old ~w~n", [put(k1, v2)]),
    io:format("get ~w~n", [get(k1)]),
    Keys = [atom, 42, 1.5, "str", {tuple, key}, [list], <<"bin">>, 1 bsl 70, -0.0, []],
    lists:foreach(fun(K) -> put(K, {value_of, K}) end, Keys),
    io:format("gets ~p~n", [[get(K) || K <- Keys]]),
    io:format("int vs float ~w ~w~n", [get(1.5), get(42.0)]),
    io:format("all ~p~n", [lists:sort(get())]),
    io:format("keys ~p~n", [lists:sort(get_keys())]),
    put(other, {value_of, atom}),
    io:format("keys for value ~p~n", [lists:sort(get_keys({value_of, atom}))]),
    io:format("erase ~w ~w~n", [erase(k1), erase(k1)]),
    io:format("after erase ~w~n", [get(k1)]),
    io:format("erase missing ~w~n", [erase(never_there)]),
    Counter = fun() -> put(count, case get(count) of undefined -> 1; N -> N + 1 end) end,
    [Counter() || _ <- lists:seq(1, 1000)],
    io:format("counter ~w~n", [get(count)]),
    lists:foreach(fun(I) -> put({big, I}, I * I) end, lists:seq(1, 5000)),
    io:format("many ~w ~w~n", [get({big, 4321}), length([K || {big, _} = K <- get_keys()])]),
    All = lists:sort(erase()),
    io:format("erased ~w entries, first ~p~n", [length(All), hd(All)]),
    io:format("empty ~w ~w~n", [get(), get_keys()]),
    put(x, 1),
    io:format("process_info ~w~n", [element(2, process_info(self(), dictionary))]),
    ok.

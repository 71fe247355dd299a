-module(gc_bifs).
-export([main/0]).

%% erlang:garbage_collect/0,1,2, the heap items of process_info/2 and
%% erlang:memory/0,1: results, option errors and the relations between the
%% numbers (the numbers themselves depend on the node).

err(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R:St ->
            [{_, _, _, Info} | _] = St,
            {error, R, maps:get(cause, proplists:get_value(error_info, Info, #{}), none)}
    end.

garbage(0, Acc) -> length(Acc);
garbage(N, Acc) -> garbage(N - 1, [{N, N * 2} | lists:sublist(Acc, 5)]).

main() ->
    io:format("gc0 ~w~n", [garbage_collect()]),
    io:format("gc1 ~w~n", [garbage_collect(self())]),
    io:format("gc2 ~w ~w~n", [garbage_collect(self(), [{type, minor}]),
                              garbage_collect(self(), [{type, major}])]),
    io:format("gc async ~w~n", [garbage_collect(self(), [{async, req1}])]),
    receive M -> io:format("message ~w~n", [M]) after 1000 -> io:format("no message~n") end,
    io:format("gc async both ~w~n", [garbage_collect(self(), [{type, minor}, {async, {r, 2}}])]),
    receive M2 -> io:format("message ~w~n", [M2]) after 1000 -> io:format("no message~n") end,
    io:format("errors ~w~n", [[err(fun() -> garbage_collect(foo) end),
                               err(fun() -> garbage_collect(self(), [bad]) end),
                               err(fun() -> garbage_collect(self(), foo) end),
                               err(fun() -> garbage_collect(self(), [{type, bad}]) end),
                               err(fun() -> garbage_collect(self(), [{async, x} | y]) end),
                               err(fun() -> garbage_collect(self(), [{async, x, y}]) end),
                               err(fun() -> garbage_collect(foo, [{async, x}]) end)]]),
    true = garbage_collect(),
    {garbage_collection, GC} = process_info(self(), garbage_collection),
    io:format("gc keys ~w~n", [[K || {K, _} <- GC]]),
    io:format("gc values ~w~n", [[{K, V} || {K, V} <- GC, K =/= max_heap_size]]),
    MHS = proplists:get_value(max_heap_size, GC),
    io:format("max_heap_size ~w~n", [[maps:get(K, MHS) || K <- [size, kill, error_logger]]]),
    garbage(20000, []),
    {garbage_collection, GC2} = process_info(self(), garbage_collection),
    io:format("minor gcs after allocating ~w~n", [proplists:get_value(minor_gcs, GC2) > 0]),
    [{heap_size, HS}, {total_heap_size, THS}, {stack_size, SS}, {memory, Mem}] =
        process_info(self(), [heap_size, total_heap_size, stack_size, memory]),
    io:format("sizes ~w~n", [[is_integer(HS), HS >= 233, THS >= HS, is_integer(SS), SS > 0,
                              Mem > 8 * THS]]),
    {heap_size, HS1} = process_info(self(), heap_size),
    io:format("single item ~w~n", [is_integer(HS1)]),
    io:format("bad item ~w~n", [err(fun() -> process_info(self(), bogus) end)]),
    io:format("bad item in list ~w~n", [err(fun() -> process_info(self(), [heap_size, bogus]) end)]),
    Bin = binary:copy(<<1>>, 1000),
    {binary, Bins} = process_info(self(), binary),
    io:format("binary ~w~n", [[{S, R} || {_, S, R} <- Bins, S =:= 1000]]),
    Sub = binary:part(Bin, 10, 500),
    {binary, Bins2} = process_info(self(), binary),
    io:format("binary with sub ~w ~w~n", [[{S, R} || {_, S, R} <- Bins2, S =:= 1000], byte_size(Sub)]),
    garbage_collect(),
    {binary, Bins3} = process_info(self(), binary),
    io:format("binary after gc ~w~n", [[{S, R} || {_, S, R} <- Bins3, S =:= 1000]]),
    io:format("kept ~w ~w~n", [byte_size(Bin), byte_size(Sub)]),
    garbage_collect(),
    {binary, Bins4} = process_info(self(), binary),
    io:format("binary after drop ~w~n", [[{S, R} || {_, S, R} <- Bins4, S =:= 1000]]),
    Mems = erlang:memory(),
    io:format("memory keys ~w~n", [[K || {K, _} <- Mems]]),
    V = fun(K) -> proplists:get_value(K, Mems) end,
    io:format("memory ints ~w~n", [lists:all(fun({_, X}) -> is_integer(X) andalso X >= 0 end, Mems)]),
    io:format("memory relations ~w~n", [[V(total) =:= V(processes) + V(system),
                                         V(processes_used) =< V(processes),
                                         V(atom_used) =< V(atom),
                                         V(system) >= V(atom) + V(binary) + V(code) + V(ets)]]),
    io:format("memory/1 ~w ~w~n", [is_integer(erlang:memory(total)),
                                  [K || {K, _} <- erlang:memory([binary, code])]]),
    io:format("memory errors ~w~n", [[err(fun() -> erlang:memory(bogus) end),
                                      err(fun() -> erlang:memory([total, bogus]) end),
                                      err(fun() -> erlang:memory(maximum) end),
                                      err(fun() -> erlang:memory([total | x]) end)]]),
    ok.

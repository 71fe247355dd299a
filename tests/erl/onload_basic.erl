-module(onload_basic).
-export([main/0]).
-on_load(init/0).

%% The on_load function runs once, when the module is loaded, before any
%% of its functions can be called; it must return ok.

init() ->
    io:format("on_load ran: ~p~n", [helper(21)]),
    ok.

helper(N) -> N * 2.

main() ->
    io:format("main runs after on_load: ~p~n", [erlang:function_exported(?MODULE, main, 0)]),
    ok.

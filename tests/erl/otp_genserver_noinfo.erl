-module(otp_genserver_noinfo).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2]).

%% A gen_server whose callback module has neither handle_info/2 nor
%% terminate/2: an unexpected message is logged (a warning, not shown
%% here: the logger's default handler is removed) and dropped, and the
%% server stops without calling terminate/2.

main() ->
    logger:remove_handler(default),
    {ok, P} = gen_server:start(?MODULE, 0, []),
    P ! unexpected,
    P ! {another, message},
    io:format("alive after unexpected messages: ~p~n", [gen_server:call(P, get)]),
    gen_server:cast(P, incr),
    io:format("after cast: ~p~n", [gen_server:call(P, get)]),
    Ref = erlang:monitor(process, P),
    io:format("stop: ~p~n", [gen_server:stop(P, {shutdown, done}, infinity)]),
    receive {'DOWN', Ref, process, P, R} -> io:format("down: ~p~n", [R]) after 5000 -> ok end,
    {ok, Q} = gen_server:start(?MODULE, 0, []),
    Ref2 = erlang:monitor(process, Q),
    gen_server:cast(Q, crash),
    receive
        {'DOWN', Ref2, process, Q, {R2, S}} when is_list(S) -> io:format("crash: ~p~n", [R2])
    after 5000 -> ok
    end,
    ok.

init(N) -> {ok, N}.

handle_call(get, _From, N) -> {reply, N, N}.

handle_cast(incr, N) -> {noreply, N + 1};
handle_cast(crash, N) -> {noreply, N div 0}.

-module(proc_alias).
-export([main/0]).

%% Process aliases: alias/0,1 and unalias/1, sends to an active and an
%% inactive alias, the reply option, the aliases of monitors (demonitor,
%% reply_demonitor, explicit_unalias) and of spawn_opt's monitor option,
%% and an alias whose process has ended.

show(Label, V) ->
    io:format("~s: ~p~n", [Label, V]).

recv() ->
    receive M -> {got, M} after 50 -> none end.

main() ->
    A = alias(),
    show("is_reference", is_reference(A)),
    A ! one,
    show("via alias", recv()),
    show("unalias", unalias(A)),
    A ! two,
    show("after unalias", recv()),
    show("unalias again", unalias(A)),
    show("unalias plain ref", unalias(make_ref())),
    show("bad alias option", try alias([bogus]) catch error:R -> R end),

    R1 = alias([reply]),
    R1 ! first,
    R1 ! second,
    show("reply alias", {recv(), recv()}),
    show("reply alias unalias", unalias(R1)),

    R2 = alias([explicit_unalias]),
    R2 ! x,
    R2 ! y,
    show("explicit", {recv(), recv()}),
    unalias(R2),

    Self = self(),
    Sleeper = spawn(fun() -> receive stop -> ok end end),
    M1 = monitor(process, Sleeper, [{alias, demonitor}]),
    spawn(fun() -> M1 ! {from_other, 1} end),
    show("monitor alias", recv()),
    demonitor(M1, [flush]),
    spawn(fun() -> M1 ! {from_other, 2} end),
    show("after demonitor", recv()),

    M2 = monitor(process, Sleeper, [{alias, reply_demonitor}]),
    M2 ! reply1,
    M2 ! reply2,
    show("reply_demonitor", {recv(), recv()}),
    demonitor(M2, [flush]),

    M3 = monitor(process, Sleeper, [{alias, explicit_unalias}]),
    Sleeper ! stop,
    show("down", receive {'DOWN', M3, process, _, Why} -> Why after 1000 -> none end),
    M3 ! still_active,
    show("explicit after down", recv()),
    unalias(M3),

    Quick = spawn(fun() -> receive go -> ok end end),
    M4 = monitor(process, Quick, [{alias, demonitor}]),
    Quick ! go,
    show("down 2", receive {'DOWN', M4, process, _, Why2} -> Why2 after 1000 -> none end),
    M4 ! after_down,
    show("demonitor alias after down", recv()),

    {Pid, M5} = spawn_opt(fun() -> receive {reply_to, To} -> To ! pong end end,
                          [{monitor, [{alias, demonitor}]}]),
    Pid ! {reply_to, M5},
    show("spawn_opt alias", recv()),
    show("spawn_opt down", receive {'DOWN', M5, process, Pid, Why3} -> Why3 after 1000 -> none end),

    Owner = spawn(fun() -> Self ! {alias, alias()}, receive stop -> ok end end),
    OA = receive {alias, X} -> X end,
    OA ! to_owner,
    Owner ! stop,
    timer:sleep(20),
    OA ! to_dead_owner,
    show("dead owner", recv()),
    ok.

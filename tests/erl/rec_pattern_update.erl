-module(rec_pattern_update).
-export([main/0]).

%% Matching records in function heads, case and assignments; nested
%% record update; updating a non-record raises {badrecord, Name}.

-record(pos, {x = 0, y = 0}).
-record(ent, {id, pos = #pos{}, hp = 100, inv = []}).

move(#ent{pos = #pos{x = X, y = Y} = P} = E, DX, DY) ->
    E#ent{pos = P#pos{x = X + DX, y = Y + DY}}.

damage(#ent{hp = HP} = E, D) when HP > D -> E#ent{hp = HP - D};
damage(#ent{} = E, _) -> E#ent{hp = 0}.

status(#ent{hp = 0}) -> dead;
status(#ent{hp = HP}) when HP < 30 -> wounded;
status(#ent{}) -> healthy.

main() ->
    E0 = #ent{id = 1},
    E1 = move(E0, 3, -2),
    io:format("moved ~p~n", [E1]),
    E2 = move(move(E1, 1, 1), -10, 0),
    io:format("pos ~p ~p~n", [(E2#ent.pos)#pos.x, E2#ent.pos#pos.y]),
    Es = [damage(E0, D) || D <- [10, 80, 100, 500]],
    io:format("hp ~w~n", [[E#ent.hp || E <- Es]]),
    io:format("status ~w~n", [[status(E) || E <- Es]]),
    #ent{id = Id, inv = Inv} = E0#ent{inv = [sword, shield]},
    io:format("match ~p ~p~n", [Id, Inv]),
    case E1 of
        #ent{pos = #pos{x = 3}} -> io:format("case x=3~n");
        _ -> io:format("case other~n")
    end,
    Nested = E0#ent{pos = (E0#ent.pos)#pos{y = 99}},
    io:format("nested ~p~n", [Nested#ent.pos]),
    R1 = try (id({notent, 1}))#ent.hp catch C1:X1 -> {C1, X1} end,
    io:format("badaccess ~p~n", [R1]),
    R2 = try (id({pos, 1}))#ent{hp = 5} catch C2:X2 -> {C2, X2} end,
    io:format("badupdate ~p~n", [R2]),
    R3 = try move(id(#pos{}), 1, 1) catch C3:X3 -> {C3, X3} end,
    io:format("badarg ~p~n", [R3]),
    R4 = try (id(#ent{}))#ent{pos = 1}#ent.pos catch C4:X4 -> {C4, X4} end,
    io:format("chain ~p~n", [R4]),
    ok.

id(X) -> X.

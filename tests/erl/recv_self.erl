-module(recv_self).
-export([main/0]).

%% Receive within one process: messages sent to self, selective receive
%% (later matches skip earlier messages, which stay queued), after 0 and a
%% short timeout, and the fresh-reference pattern the compiler optimises
%% with receive markers.

flush(Acc) ->
    receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.

main() ->
    Self = self(),
    Self ! a, Self ! {b, 1}, Self ! {c, 2}, Self ! d,
    R1 = receive {c, N} -> {got_c, N} end,
    io:format("selective: ~p~n", [R1]),
    R2 = receive {b, _} = B -> B after 0 -> none end,
    io:format("after 0 hit: ~p~n", [R2]),
    R3 = receive nothing_like_this -> yes after 0 -> timeout end,
    io:format("after 0 miss: ~p~n", [R3]),
    io:format("left in queue: ~p~n", [flush([])]),
    R4 = receive x -> x after 20 -> timed_out end,
    io:format("after 20: ~p~n", [R4]),
    Ref = make_ref(),
    Self ! old, Self ! {Ref, reply}, Self ! newer,
    R5 = receive {Ref, What} -> What end,
    io:format("ref reply: ~p~n", [R5]),
    io:format("rest: ~p~n", [flush([])]),
    X = erlang:send(Self, [1, 2]),
    io:format("send returns: ~p~n", [X]),
    Y = receive L when is_list(L), length(L) > 1 -> lists:sum(L) end,
    io:format("guarded: ~p~n", [Y]),
    [Self ! I || I <- lists:seq(1, 5)],
    Odd = [receive I when I rem 2 =:= 1 -> I end || _ <- [1, 2, 3]],
    io:format("odd: ~p even left: ~p~n", [Odd, flush([])]),
    ok.

-module(atom_conversions).
-export([main/0]).

%% atom_to_list, list_to_atom, list_to_existing_atom, atom_to_binary,
%% binary_to_atom, binary_to_existing_atom and their errors.

main() ->
    io:format("a2l ~p ~p ~p ~p~n", [atom_to_list(hello), atom_to_list('Hello World'),
                                    atom_to_list(''), atom_to_list('[]')]),
    io:format("l2a ~p ~p ~p~n", [list_to_atom("abc"), list_to_atom("with space"), list_to_atom("")]),
    io:format("same ~w ~w~n", [list_to_atom("ok") =:= ok, list_to_atom([$o, $k]) == ok]),
    io:format("a2b ~p ~p ~p~n", [atom_to_binary(hello), atom_to_binary(hello, utf8),
                                 atom_to_binary('Ab', latin1)]),
    io:format("b2a ~p ~p~n", [binary_to_atom(<<"xyz">>), binary_to_atom(<<"q r">>, latin1)]),
    Known = id(known_at_runtime),
    io:format("existing ~p ~p ~p~n", [list_to_existing_atom("known_at_runtime"),
                                      binary_to_existing_atom(<<"known_at_runtime">>, utf8),
                                      list_to_existing_atom(atom_to_list(Known)) =:= Known]),
    Missing = "surely_this_atom_does_not_exist_" ++ integer_to_list(length(atom_to_list(x)) * 7919),
    R1 = try list_to_existing_atom(Missing) catch C1:E1 -> {C1, E1} end,
    R2 = try binary_to_existing_atom(list_to_binary(Missing)) catch C2:E2 -> {C2, E2} end,
    io:format("missing ~p ~p~n", [R1, R2]),
    Max = lists:duplicate(255, $m),
    A255 = list_to_atom(Max),
    io:format("len255 ~w~n", [length(atom_to_list(A255))]),
    R3 = try list_to_atom([$m | Max]) catch C3:E3 -> {C3, E3} end,
    io:format("len256 ~p~n", [R3]),
    R4 = try binary_to_atom(list_to_binary([$m | Max])) catch C4:E4 -> {C4, E4} end,
    io:format("binlen256 ~p~n", [R4]),
    Bad = [fun() -> list_to_atom(id(abc)) end, fun() -> list_to_atom(id([a, b])) end,
           fun() -> list_to_atom(id([$a | $b])) end, fun() -> atom_to_list(id("abc")) end,
           fun() -> atom_to_binary(id(123)) end, fun() -> atom_to_binary(id(a), bogus) end,
           fun() -> binary_to_atom(id("abc")) end, fun() -> list_to_atom(id([-1])) end,
           fun() -> list_to_atom(id([16#110000])) end, fun() -> binary_to_atom(id(<<255>>), utf8) end],
    lists:foreach(
      fun({I, F}) ->
              R = try F() catch C:E -> {C, E} end,
              io:format("bad ~w: ~p~n", [I, R])
      end, lists:zip(lists:seq(1, length(Bad)), Bad)),
    io:format("roundtrip ~w~n", [[list_to_atom(atom_to_list(A)) =:= A || A <- [a, 'B c', '', 'ünï']]]),
    io:format("is_atom ~w~n", [[is_atom(X) || X <- [a, true, [], "a", 'A', {a}]]]),
    ok.

id(X) -> X.

-module(order_atoms).
-export([main/0]).

%% Atoms compare by their text, not by creation order, including atoms
%% created at runtime and unicode atoms.

main() ->
    Late = list_to_atom("aaa_created_late"),
    As = [zebra, apple, 'Apple', 'apple pie', a, aa, '', 'Z', '_x', '9', 'a b', true, false,
          Late, list_to_atom([255]), list_to_atom([233]), list_to_atom([16#3B1]),
          list_to_atom([16#3B2, $a]), list_to_atom([$z, 16#100])],
    Sorted = lists:sort(As),
    io:format("sorted ~w~n", [[atom_to_list(A) || A <- Sorted]]),
    io:format("cmp ~w ~w ~w ~w~n", [Late < zebra, Late > a, 'B' < a, list_to_atom([233]) > z]),
    io:format("unicode ~w ~w~n", [list_to_atom([16#3B1]) > list_to_atom([255]),
                                  list_to_atom([16#100]) > list_to_atom([255])]),
    io:format("prefix ~w ~w~n", [ab < abc, abc < abd]),
    io:format("vsnum ~w vslist ~w vstuple ~w~n", [a > 99999999999999999999, a < [], a < {}]),
    %% atom order agrees with the order of their code point lists
    Pairs = [{X, Y} || X <- As, Y <- As],
    io:format("textorder ~w~n", [lists:usort([(X < Y) =:= (atom_to_list(X) < atom_to_list(Y)) || {X, Y} <- Pairs])]),
    io:format("max ~w min ~w~n", [atom_to_list(lists:max(As)), atom_to_list(lists:min(As))]),
    io:format("usort ~w~n", [length(lists:usort(As ++ [list_to_atom("zebra"), list_to_atom([97])]))]),
    ok.

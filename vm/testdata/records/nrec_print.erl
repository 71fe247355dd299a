-module(nrec_print).
-export([main/0]).

%% Printing native records with ~p, ~w, ~P, ~W and field widths: line
%% breaking, indentation and depth limits.

-record #v{x = 0, y = 0}.
-record #big{alpha = "a long string value here", beta = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
             gamma = {some, tuple, with, atoms}, delta = #{key => value},
             epsilon = <<"binary data">>, zeta = 3.14159, eta = 'quoted atom'}.
-record #node{left, right, value}.
-record #'Uni code'{'ключ' = 1, nrp_bee = "u"}.
-record #e{}.

tree(0) -> leaf;
tree(N) -> #node{left = tree(N - 1), right = tree(N - 1), value = N}.

main() ->
    V = #v{x = 1, y = 2},
    Big = #big{},
    T = tree(3),
    U = #'Uni code'{},
    Terms = [V, Big, T, U, #e{}, [V, V, V, V, V, V], {V, Big}, #{V => Big},
             #v{x = Big, y = [T]}, #v{x = #e{}, y = #v{}}],
    [io:format("~p~n", [X]) || X <- Terms],
    [io:format("~w~n", [X]) || X <- Terms],
    [io:format("~P~n", [X, D]) || X <- [V, Big, T, #e{}, [V], {V}], D <- [1, 2, 3, 4, 5, 8]],
    [io:format("~W~n", [X, D]) || X <- [V, Big, T, #e{}, [V], {V}], D <- [1, 2, 3, 4, 5, 8]],
    [io:format("~*p~n", [W, X]) || X <- [V, Big, T], W <- [10, 30, 50]],
    io:format("prefix text here: ~p~n", [Big]),
    io:format("a much much longer prefix text, pushing things right: ~p~n", [T]),
    io:format("~p~n", [[Big, Big]]),
    io:format("~p~n", [{tag, Big, T}]),
    io:format("~p~n", [#v{x = lists:seq(1, 40), y = lists:duplicate(5, Big)}]),
    io:format("~s~n", [io_lib:format("~p", [T])]),
    io:format("~s~n", [io_lib:write(T, 3)]),
    erlang:display(Big),
    erlang:display([V, #e{}, U, T]),
    ok.

-module(string_reverse_misc).
-export([main/0]).

%% string:reverse (grapheme aware), lists:reverse on strings, char
%% arithmetic, palindromes, caesar cipher, and word frequency.

main() ->
    io:format("reverse ~p ~p~n", [string:reverse("hello"), string:reverse("")]),
    io:format("reverse combining ~w~n", [string:reverse([$a, $e, 16#301, $b])]),
    io:format("reverse bin ~p~n", [string:reverse(<<"abc">>)]),
    io:format("lists ~w~n", [lists:reverse([$a, $e, 16#301, $b])]),
    Pals = ["racecar", "hello", "A man a plan a canal Panama", ""],
    io:format("palindromes ~w~n", [[is_pal(P) || P <- Pals]]),
    io:format("caesar ~s~n", [caesar("Hello, World!", 3)]),
    io:format("uncaesar ~s~n", [caesar(caesar("Hello, World!", 3), 23)]),
    Text = "the cat and the hat and the bat",
    Freq = lists:foldl(fun(W, Acc) -> orddict:update_counter(W, 1, Acc) end, [], string:lexemes(Text, " ")),
    io:format("freq ~p~n", [Freq]),
    io:format("chars ~w~n", [[$a + 1, $z - $a, $A bor 32, $0 + 7]]),
    io:format("digits ~w~n", [[C - $0 || C <- "31415"]]),
    io:format("capitalize ~s~n", [string:join([cap(W) || W <- string:lexemes("some words here", " ")], " ")]),
    io:format("rle ~p~n", [rle("aaabccdddd")]),
    io:format("tostr ~s ~s ~s~n", [integer_to_list(42), atom_to_list(ok), float_to_list(1.5, [short])]),
    ok.

is_pal(S) ->
    C = [string:to_lower(X) || X <- S, X =/= $\s],
    C =:= lists:reverse(C).

caesar(S, N) ->
    [if C >= $a, C =< $z -> $a + (C - $a + N) rem 26;
        C >= $A, C =< $Z -> $A + (C - $A + N) rem 26;
        true -> C
     end || C <- S].

cap([H | T]) -> [string:to_upper(H) | T].

rle([]) -> [];
rle([H | T]) -> rle(T, H, 1).
rle([H | T], H, N) -> rle(T, H, N + 1);
rle(Rest, C, N) -> integer_to_list(N) ++ [C | rle(Rest)].

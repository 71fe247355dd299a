-module(int_badarith).
-export([main/0]).
-compile(nowarn_deprecated_catch).

%% Arithmetic errors: division by zero, non-numbers, integer-only operators
%% applied to floats.

ops() ->
    [{'+', fun(A, B) -> A + B end}, {'-', fun(A, B) -> A - B end},
     {'*', fun(A, B) -> A * B end}, {'/', fun(A, B) -> A / B end},
     {'div', fun(A, B) -> A div B end}, {'rem', fun(A, B) -> A rem B end},
     {'band', fun(A, B) -> A band B end}, {'bor', fun(A, B) -> A bor B end},
     {'bxor', fun(A, B) -> A bxor B end}, {'bsl', fun(A, B) -> A bsl B end},
     {'bsr', fun(A, B) -> A bsr B end}].

pairs() ->
    [{7, 0}, {1 bsl 64, 0}, {0, 0}, {7, 2}, {7.0, 2}, {7, 2.0}, {1.0, 0}, {1, 0.0},
     {-(1 bsl 64), 1 bsl 64}, {a, 1}, {1, a}, {"1", 1}, {1, {}}, {[], []}].

main() ->
    lists:foreach(
      fun({Name, F}) ->
              Rs = [try F(A, B) catch C:E -> {C, E} end || {A, B} <- pairs()],
              io:format("~w: ~w~n", [Name, Rs])
      end, ops()),
    R1 = (catch id(1) div id(0)),
    io:format("catch ~w~n", [element(1, element(2, R1))]),
    R2 = try id(10) rem id(0) of X -> {ok, X} catch error:badarith -> caught end,
    io:format("try ~w~n", [R2]),
    R3 = try id(foo) * 2 catch error:Reason -> Reason end,
    io:format("reason ~w~n", [R3]),
    R4 = try -id(bar) catch error:Reason2 -> Reason2 end,
    io:format("neg ~w~n", [R4]),
    ok.

id(X) -> X.

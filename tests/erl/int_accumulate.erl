-module(int_accumulate).
-export([main/0]).

%% Loops whose accumulators cross the small/big boundary upward and back
%% down, checking the results still behave as small integers.

up(0, Acc, _) -> Acc;
up(N, Acc, Step) -> up(N - 1, Acc + Step, Step).

main() ->
    Step = 1 bsl 55,
    Vals = [up(N, 0, Step) || N <- lists:seq(0, 40, 4)],
    io:format("up ~w~n", [Vals]),
    Top = up(64, 0, Step),
    io:format("top ~w~n", [Top]),
    Down = up(64, Top, -Step),
    io:format("down ~w ~w~n", [Down, Down =:= 0]),
    Mid = up(17, Top, -Step),
    io:format("mid ~w ~w~n", [Mid, Mid - up(47, 0, Step)]),
    %% a counter that is a bignum for a while then returns to 7
    Back = up(3, (1 bsl 59) - 3, 1) - (1 bsl 59) + 7,
    io:format("back ~w ~w~n", [Back, element(Back, {1, 2, 3, 4, 5, 6, seven})]),
    %% doubling
    D = lists:foldl(fun(_, A) -> A * 2 end, 1, lists:seq(1, 70)),
    io:format("dbl ~w~n", [D]),
    H = lists:foldl(fun(_, A) -> A div 2 end, D, lists:seq(1, 68)),
    io:format("half ~w ~w~n", [H, H =:= 4]),
    %% alternating sum
    Alt = lists:foldl(fun(I, A) -> A + (I rem 2 * 2 - 1) * (1 bsl 58) * I end, 0, lists:seq(1, 100)),
    io:format("alt ~w~n", [Alt]),
    %% products of many factors then dividing back
    Fs = lists:seq(1, 40),
    Prod = lists:foldl(fun erlang:'*'/2, 1, Fs),
    Back2 = lists:foldl(fun(F, A) -> A div F end, Prod, lists:reverse(Fs)),
    io:format("prod ~w ~w~n", [Prod, Back2]),
    io:format("sum ~w~n", [lists:sum([X * X * X * X || X <- lists:seq(1, 50000)])]),
    ok.

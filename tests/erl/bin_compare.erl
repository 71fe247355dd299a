-module(bin_compare).
-export([main/0]).

%% Binary equality and ordering across differently built binaries
%% (heap, refc, sub-binary, literal) and against other types.

mk(N) -> list_to_binary([I rem 256 || I <- lists:seq(1, N)]).

main() ->
    A = mk(100),
    B = << <<(I rem 256)>> || I <- lists:seq(1, 100) >>,
    <<_:10/binary, C:90/binary>> = A,
    D = binary:part(B, 10, 90),
    io:format("eq ~w ~w ~w ~w~n", [A =:= B, C =:= D, A == B, C =/= A]),
    io:format("ord ~w ~w ~w~n", [A < C, mk(5) < mk(6), <<2>> > mk(200)]),
    Sorted = lists:sort([<<"b">>, <<"a">>, <<>>, <<"ab">>, <<"aa">>, <<0>>, <<255>>, <<"a", 0>>,
                         mk(70), mk(65), <<1, 2, 3>>]),
    io:format("sorted ~w~n", [[byte_size(X) || X <- Sorted]]),
    io:format("sorted heads ~w~n", [[binary:part(X, 0, min(2, byte_size(X))) || X <- Sorted]]),
    %% binaries are greater than every other type except none
    Mixed = [<<"x">>, "x", x, 1, 1.0, {x}, [], #{}, fun lists:sort/1, <<>>],
    io:format("mixed ~w~n", [[if is_binary(X) -> {bin, byte_size(X)};
                                 is_function(X) -> fn;
                                 true -> X end || X <- lists:sort(Mixed)]]),
    io:format("max ~w min ~w~n", [lists:max([<<>>, "zz", zz, {zz}]), lists:min([<<>>, "zz", zz, {zz}])]),
    %% compare returns for equal prefixes
    io:format("prefix ~w ~w ~w~n", [<<"abc">> < <<"abcd">>, <<"abd">> > <<"abcd">>,
                                   mk(1000) < <<1, 2, 3, 4, 6>>]),
    ok.

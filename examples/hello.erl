%% hello: the first program for beamr. `beamr run examples/hello.beam`
%% prints a greeting; with arguments, it greets each of them.
-module(hello).
-export([main/0, main/1]).

main() ->
    main(["world"]).

main(Names) ->
    [io:format("Hello, ~s!~n", [Name]) || Name <- Names],
    Sum = lists:sum(lists:seq(1, 100)),
    io:format("The sum of 1..100 is ~p; 2^100 is ~p.~n", [Sum, 1 bsl 100]),
    ok.

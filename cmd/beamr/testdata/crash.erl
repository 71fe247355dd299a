%% Test program for the CLI: an uncaught error, a halt with a status, and
%% main/1 echoing its arguments.
-module(crash).
-export([main/0, halt3/0, echo/1]).
main() -> 1 = length([a, b]).
halt3() -> erlang:halt(3).
echo(Args) -> io:format("~p~n", [Args]).

%% The Erlang half of the embedding example (main.go). Compile with
%% erlc +deterministic greeter.erl; the .beam is committed next to it.
-module(greeter).
-export([hello/1, serve/1]).

%% hello(Name): a greeting for Name. The age comes from the Go program,
%% through the Go function host:age/1 it registered.
hello(Name) when is_binary(Name) ->
    case host:age(Name) of
        {ok, Age} ->
            iolist_to_binary(io_lib:format("Hello, ~s! You are ~b.", [Name, Age]));
        not_found ->
            error({unknown_person, Name})
    end.

%% serve(Owner): a process that greets whoever it is told to, sending the
%% greetings to Owner (a Go mailbox), until it is told to stop.
serve(Owner) ->
    serve(Owner, 0).

serve(Owner, N) ->
    receive
        {greet, Name} ->
            Owner ! {greeting, self(), hello(Name)},
            serve(Owner, N + 1);
        stop ->
            io:format("greeter: ~b greetings served~n", [N]),
            Owner ! {stopped, N}
    end.

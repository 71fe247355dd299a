-module(exc_try_after).
-export([main/0]).

%% try ... of ... catch ... after: evaluation order, the value of after
%% being discarded, exceptions in of-clauses not caught by the same try,
%% nested trys, and after running on every path.

log(X) -> put(log, [X | get_log()]), X.
get_log() -> case get(log) of undefined -> []; L -> L end.
flush() -> L = lists:reverse(get_log()), put(log, []), L.

id(X) -> X.

show(Label, F) ->
    R = try F() catch C:E -> {uncaught, C, E} end,
    io:format("~s: ~p log=~p~n", [Label, R, flush()]).

main() ->
    show("plain", fun() ->
                          try log(body) of
                              body -> log(of_clause)
                          catch _:_ -> log(catch_clause)
                          after log(after_clause)
                          end
                  end),
    show("caught", fun() ->
                           try log(body), error(oops) of
                               _ -> log(of_clause)
                           catch error:oops -> log(caught)
                           after log(after_clause)
                           end
                   end),
    show("of raises", fun() ->
                              try log(body) of
                                  body -> log(in_of), error(in_of_error)
                              catch _:_ -> log(not_here)
                              after log(after_clause)
                              end
                      end),
    show("no match of", fun() ->
                                try id(1) of
                                    2 -> two
                                catch _:_ -> caught
                                after log(after_clause)
                                end
                        end),
    show("catch raises", fun() ->
                                 try error(first)
                                 catch error:first -> log(handler), throw(second)
                                 after log(after_clause)
                                 end
                         end),
    show("after value", fun() -> try value after log(after_value_ignored) end end),
    show("after raises", fun() -> try log(body) after error(from_after) end end),
    show("nested", fun() ->
                           try
                               try log(inner_body), throw(inner)
                               catch error:_ -> log(wrong_class)
                               after log(inner_after)
                               end
                           catch throw:inner -> log(outer_caught)
                           after log(outer_after)
                           end
                   end),
    show("unmatched class", fun() ->
                                    try exit(gone)
                                    catch error:_ -> no; throw:_ -> no
                                    after log(after_runs)
                                    end
                            end),
    show("guard in catch", fun() ->
                                   try throw(7)
                                   catch throw:N when N > 10 -> big;
                                         throw:N when N > 5 -> {medium, N}
                                   end
                           end),
    show("stacktrace var", fun() ->
                                   try error(x)
                                   catch error:x:Stack -> is_list(Stack)
                                   end
                           end),
    ok.

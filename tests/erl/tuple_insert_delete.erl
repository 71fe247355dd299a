-module(tuple_insert_delete).
-export([main/0]).

%% erlang:insert_element/3 and erlang:delete_element/2 at every position.

main() ->
    T = {a, b, c},
    io:format("insert ~p~n", [[erlang:insert_element(I, T, x) || I <- [1, 2, 3, 4]]]),
    io:format("delete ~p~n", [[erlang:delete_element(I, T) || I <- [1, 2, 3]]]),
    io:format("single ~p ~p~n", [erlang:insert_element(1, {}, only), erlang:delete_element(1, {only})]),
    io:format("orig ~p~n", [T]),
    %% insert then delete restores
    io:format("inverse ~w~n",
              [lists:usort([erlang:delete_element(I, erlang:insert_element(I, T, z)) =:= T || I <- [1, 2, 3, 4]])]),
    Long = list_to_tuple(lists:seq(1, 50)),
    io:format("long ~w~n", [erlang:delete_element(25, erlang:insert_element(50, Long, x))]),
    Errs = [{insert, 0, T}, {insert, 5, T}, {insert, 2, [a]}, {delete, 0, T}, {delete, 4, T},
            {delete, 1, {}}, {delete, a, T}, {insert, 2.0, T}],
    lists:foreach(
      fun({Op, I, X}) ->
              R = try
                      case Op of
                          insert -> erlang:insert_element(id(I), id(X), new);
                          delete -> erlang:delete_element(id(I), id(X))
                      end
                  catch C:E -> {C, E}
                  end,
              io:format("err ~w ~w ~w: ~w~n", [Op, I, X, R])
      end, Errs),
    ok.

id(X) -> X.

-module(order_compare_ops).
-export([main/0]).

%% Every comparison operator over a table of values of different types.

vals() -> [1, 1.0, 2, a, b, {}, {1}, {1.0}, {a, b}, #{}, #{a => 1}, [], [1], [1.0], "ab", "b",
           <<>>, <<1>>, <<1:1>>].

main() ->
    Vs = vals(),
    Ops = [{'==', fun(A, B) -> A == B end}, {'/=', fun(A, B) -> A /= B end},
           {'=:=', fun(A, B) -> A =:= B end}, {'=/=', fun(A, B) -> A =/= B end},
           {'<', fun(A, B) -> A < B end}, {'=<', fun(A, B) -> A =< B end},
           {'>', fun(A, B) -> A > B end}, {'>=', fun(A, B) -> A >= B end}],
    lists:foreach(
      fun({Name, F}) ->
              lists:foreach(
                fun(A) ->
                        Row = [case F(A, B) of true -> $T; false -> $. end || B <- Vs],
                        io:format("~-3s ~-10w ~s~n", [Name, A, Row])
                end, Vs)
      end, Ops),
    %% consistency between the operators
    Cons = [{A =< B, A < B orelse A == B, A >= B, not (A < B), A /= B, not (A == B),
             A =/= B, not (A =:= B)} || A <- Vs, B <- Vs],
    io:format("consistent ~w~n", [lists:usort([X =:= Y andalso Z =:= W andalso P =:= Q andalso R =:= S
                                               || {X, Y, Z, W, P, Q, R, S} <- Cons])]),
    ok.

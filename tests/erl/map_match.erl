-module(map_match).
-export([main/0]).

%% Map patterns in function heads, case clauses, and nested patterns,
%% including bound-variable keys and literal keys of many types.

area(#{shape := circle, r := R}) -> {circle, 3 * R * R};
area(#{shape := rect, w := W, h := H}) -> {rect, W * H};
area(#{shape := S}) -> {unknown, S};
area(#{}) -> no_shape;
area(_) -> not_a_map.

lookup(K, M) ->
    case M of
        #{K := V} -> {found, V};
        #{} -> missing
    end.

nested(#{user := #{name := N, roles := [First | _]}}) -> {N, First};
nested(#{user := #{name := N}}) -> {N, none};
nested(_) -> bad.

kinds(M) ->
    case M of
        #{1 := A} -> {int_key, A};
        #{1.0 := A} -> {float_key, A};
        #{"s" := A} -> {string_key, A};
        #{<<"b">> := A} -> {bin_key, A};
        #{{t, 1} := A} -> {tuple_key, A};
        #{[] := A} -> {nil_key, A};
        _ -> other
    end.

both(#{a := X, b := X}) -> same;
both(#{a := _, b := _}) -> different;
both(_) -> incomplete.

main() ->
    Shapes = [#{shape => circle, r => 2}, #{shape => rect, w => 3, h => 4, color => red},
              #{shape => rect, w => 3}, #{shape => hexagon}, #{}, [shape]],
    [io:format("area ~p -> ~p~n", [S, area(S)]) || S <- Shapes],
    M = #{a => 1, "b" => 2, {c} => 3},
    [io:format("lookup ~p -> ~p~n", [K, lookup(K, M)]) || K <- [a, "b", {c}, d, 1]],
    [io:format("nested -> ~p~n", [nested(X)])
     || X <- [#{user => #{name => "ann", roles => [admin, dev]}},
              #{user => #{name => "bob", roles => []}},
              #{user => #{}}, #{}]],
    [io:format("kinds -> ~p~n", [kinds(X)])
     || X <- [#{1 => a}, #{1.0 => b}, #{"s" => c}, #{<<"b">> => d}, #{{t, 1} => e},
              #{[] => f}, #{2 => g}, #{1 => a, 1.0 => b}]],
    [io:format("both -> ~p~n", [both(X)])
     || X <- [#{a => 1, b => 1}, #{a => 1, b => 2}, #{a => 1}, #{a => 1.0, b => 1}]],
    %% match that binds and checks at the same time
    #{a := A, "b" := B} = M,
    io:format("bound ~p ~p~n", [A, B]),
    %% big map in a pattern
    Big = maps:from_list([{I, I * 10} || I <- lists:seq(1, 50)]),
    #{7 := S7, 42 := S42, 50 := S50} = Big,
    io:format("big ~p ~p ~p~n", [S7, S42, S50]),
    R = case Big of #{51 := _} -> yes; #{49 := X} when X > 400 -> {guard, X} end,
    io:format("big case ~p~n", [R]),
    ok.

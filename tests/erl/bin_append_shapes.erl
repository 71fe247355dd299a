-module(bin_append_shapes).
-export([main/0]).

%% Different shapes of binary append the compiler recognises: appending
%% to an accumulator in a comprehension-like loop, appending while
%% matching, appending unaligned data, and appending to shared values.

rev(<<>>, Acc) -> Acc;
rev(<<C, R/binary>>, Acc) -> rev(R, <<C, Acc/binary>>).

escape(<<>>, Acc) -> Acc;
escape(<<$", R/binary>>, Acc) -> escape(R, <<Acc/binary, $\\, $">>);
escape(<<$\n, R/binary>>, Acc) -> escape(R, <<Acc/binary, "\\n">>);
escape(<<C, R/binary>>, Acc) -> escape(R, <<Acc/binary, C>>).

bits(<<>>, Acc) -> Acc;
bits(<<B:1, R/bits>>, Acc) -> bits(R, <<Acc/bits, B:1, B:1>>).

join([], _Sep, Acc) -> Acc;
join([H], _Sep, Acc) -> <<Acc/binary, H/binary>>;
join([H | T], Sep, Acc) -> join(T, Sep, <<Acc/binary, H/binary, Sep/binary>>).

main() ->
    io:format("rev ~p~n", [rev(<<"hello world">>, <<>>)]),
    io:format("escape ~p~n", [escape(<<"say \"hi\"\nbye">>, <<>>)]),
    io:format("bits ~w~n", [bits(<<2#10110:5>>, <<>>)]),
    io:format("join ~p~n", [join([<<"a">>, <<"bb">>, <<"ccc">>], <<", ">>, <<>>)]),
    %% an accumulator that is also kept elsewhere
    Acc0 = <<"base">>,
    Kept = [Acc0],
    Acc1 = <<Acc0/binary, "+1">>,
    Acc2 = <<Acc0/binary, "+2">>,
    Acc3 = <<Acc1/binary, "+3">>,
    io:format("shared ~p ~p ~p ~p~n", [Kept, Acc1, Acc2, Acc3]),
    %% appending to an unaligned bitstring
    U0 = <<1:3>>,
    U1 = <<U0/bits, 255>>,
    U2 = <<U1/bits, 1:1>>,
    U3 = <<U0/bits, 0:5>>,
    io:format("unaligned ~w ~w ~w ~w~n", [U0, U1, U2, U3]),
    %% append in a fold
    F = lists:foldl(fun(I, A) -> <<A/binary, I:16>> end, <<>>, lists:seq(1, 40)),
    io:format("fold ~w ~w~n", [byte_size(F), binary:part(F, 70, 10)]),
    %% append in a list comprehension via binary generator
    io:format("lc ~p~n", [<< <<X, X>> || <<X>> <= <<"abc">> >>]),
    %% appending a big accumulator to itself
    D = lists:foldl(fun(_, A) -> <<A/binary, A/binary>> end, <<"ab">>, lists:seq(1, 10)),
    io:format("double ~w ~w~n", [byte_size(D), erlang:crc32(D)]),
    %% append with non-binary tail is an error
    Bad = try <<Acc0/binary, (list_to_atom("x"))/binary>> catch C:R -> {C, R} end,
    io:format("bad ~w~n", [Bad]),
    Bad2 = try
               <<(id(<<1:3>>))/binary, "x">>
           catch C2:R2 -> {C2, R2} end,
    io:format("bad2 ~w~n", [Bad2]),
    ok.

id(X) -> X.

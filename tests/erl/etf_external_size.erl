-module(etf_external_size).
-export([main/0]).

%% erlang:external_size/1,2 agrees with the size of term_to_binary for
%% minor versions 0 and 1; other options are refused.

main() ->
    Terms = [a, 'longer_atom_name', 0, 300, -1, 1 bsl 40, 1 bsl 300, 1.0, [], "abc",
             [1, 2, 300], {}, {a, b, c}, <<>>, <<"bin">>, <<1:3>>, binary:copy(<<"z">>, 200),
             #{}, #{a => 1}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             fun lists:sort/1, lists:seq(1, 300), list_to_tuple(lists:seq(1, 300)),
             'åäö', [[[[[]]]]], {[#{k => <<"v">>}], "x", 2.5}],
    lists:foreach(
      fun(T) ->
              E = erlang:external_size(T),
              B = byte_size(term_to_binary(T)),
              E0 = erlang:external_size(T, [{minor_version, 0}]),
              B0 = byte_size(term_to_binary(T, [{minor_version, 0}])),
              %% OTP 25 refuses minor_version 2 here, though term_to_binary takes it
              E2 = try erlang:external_size(T, [{minor_version, 2}]) catch C:R -> {C, R} end,
              B2 = byte_size(term_to_binary(T, [{minor_version, 2}])),
              %% only minor_version is accepted as an option
              EC = try erlang:external_size(T, [compressed]) catch C2:R2 -> {C2, R2} end,
              io:format("~w ~w ~w ~w ~w ~w ~w~n",
                        [E, E =:= B, E0, E0 =:= B0, E2, B2, EC])
      end, Terms),
    ok.

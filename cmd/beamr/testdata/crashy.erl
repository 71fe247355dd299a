%% A stand-in for a Gleam program that fails in many ways: run as
%% `beamr run testdata/gleambuild crashy KIND`, main/0 reads KIND from
%% init:get_plain_arguments() and raises that kind of exception, which the
%% runner must print as erl_error:format_exception does.
%%
%% Rebuild (OTP 25): erlc +deterministic -o gleambuild/crashy/ebin crashy.erl
-module(crashy).
-export([main/0]).

main() ->
    [Kind | _] = init:get_plain_arguments(),
    io:format("kind ~s~n", [Kind]),
    crash(list_to_atom(Kind)).

crash(badarith) -> id(a) + 1;
crash(badarith_frame) -> id(a) * id(2);
crash(badarg_plain) -> erlang:error(badarg);
crash(case_clause) -> case id({1, 2}) of {2, _} -> ok end;
crash(if_clause) -> X = id(1), if X > 2 -> ok end;
crash(badfun) -> (id(notfun))(1);
crash(badarity) -> F = id(fun(X) -> X end), F(1, 2);
crash(badmap) -> (id(not_a_map))#{a => 1};
crash(undef) -> nomod:nofun(1, 2);
crash(throw) -> throw({my, "thrown", <<"value">>});
crash(exit) -> exit({shutdown, [1, 2, 3]});
crash(try_clause) -> try id(3) of 4 -> ok catch _ -> ok end;
crash(clause) -> clause(id(-5), [x, y]);
crash(clause_string) -> clause(id(-5), "text");
crash(clause_chars) -> chars(id(104), id(105));
crash(long) ->
    erlang:error({some_long_reason, lists:seq(1, 40),
                  lists:duplicate(5, <<"a binary string here">>)});
crash(long_match) -> {ok, _} = id({error, lists:seq(100, 130), #{key => "value"}});
crash(timeout) -> receive after id(-1) -> ok end;
crash(unicode) -> erlang:error(#{message => <<"ünïcödé ✓"/utf8>>, atom => 'ä'});
crash(halt) -> erlang:halt(4);
crash(deep) -> deep(12).

clause(N, L) when N > 0 -> {N, L}.

chars(A, B) when A > 200 -> {A, B}.

deep(0) -> erlang:error(deep_bottom);
deep(N) -> [deep(N - 1)].

id(X) -> X.

-module(string_case).
-export([main/0]).

%% string:uppercase, lowercase, titlecase, casefold, to_upper, to_lower
%% on ASCII, latin1 and other scripts (results shown as code points).

main() ->
    Ss = ["hello World", "", "123 abc!", "MiXeD", [16#E9, 16#E8, 16#C0], [16#DF],
          [16#3B1, 16#3B2, 16#391], [16#430, 16#411], "ǅungla"],
    lists:foreach(
      fun(S) ->
              io:format("~w: up=~w low=~w title=~w fold=~w~n",
                        [S, string:uppercase(S), string:lowercase(S), string:titlecase(S), string:casefold(S)])
      end, Ss),
    io:format("bin ~p ~p~n", [string:uppercase(<<"abc">>), string:lowercase(<<"ABC">>)]),
    io:format("old ~p ~p ~p ~p~n", [string:to_upper("abc1"), string:to_lower("ABC1"),
                                     string:to_upper($q), string:to_lower($Q)]),
    io:format("oldlatin ~w ~w~n", [string:to_upper([16#E9, 16#FF]), string:to_lower([16#C9])]),
    io:format("plain ~s ~s~n", [string:uppercase("shout"), string:lowercase("WHISPER")]),
    ok.

%% Which failing additions and subtractions put an {erlang,Op,Args,Info}
%% frame on top of the stack trace. OTP 25 runs a register plus a small
%% integer literal (either side), and a register minus such a literal, as
%% an increment that raises badarith with the calling function on top.
%% beamr: later-runtime-differs
-module(exc_increment_frame).
-export([main/0, t/2]).

main() ->
    lists:foreach(
      fun(K) ->
              R = try t(K, a)
                  catch error:badarith:S ->
                          case S of
                              [{erlang, Op, Args, _} | _] -> {frame, Op, Args};
                              [{?MODULE, t, 2, _} | _] -> no_frame;
                              _ -> other
                          end
                  end,
              io:format("~p: ~p~n", [K, R])
      end,
      [plus1, oneplus, plusvar, plusbig, minus1, plusneg, typed_plus, times2,
       band1, bsl1, plusfloat, oneminus, minusvar, plusmax, plusbigsmall,
       plusmaxneg, xplusx]).

t(plus1, X) -> X + 1;
t(oneplus, X) -> 1 + X;
t(plusvar, X) -> X + id(1);
t(plusbig, X) -> X + 100000000000000000000000;
t(minus1, X) -> X - 1;
t(plusneg, X) -> X + -5;
t(typed_plus, X) -> Y = id(X), Z = id(2), {Y + 1, Z};
t(times2, X) -> X * 2;
t(band1, X) -> X band 1;
t(bsl1, X) -> X bsl 1;
t(plusfloat, X) -> X + 1.5;
t(oneminus, X) -> 1 - X;
t(minusvar, X) -> X - id(1);
t(plusmax, X) -> X + 576460752303423487;
t(plusbigsmall, X) -> X + 576460752303423488;
t(plusmaxneg, X) -> X + -576460752303423488;
t(xplusx, X) -> X + X.

id(X) -> X.

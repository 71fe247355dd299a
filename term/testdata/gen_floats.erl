%% Prints float_to_list.tsv: for each float, its bits in hex and OTP 25's
%% float_to_list/2 output for each option list of opts/0. Run here with
%%   erlc gen_floats.erl && erl -noshell -s gen_floats main -s init stop > float_to_list.tsv
-module(gen_floats).
-export([main/0]).
%% Prints one line per float: hex bits, then float_to_list with several options.
opts() -> [[short], [], [{decimals,0}], [{decimals,1}], [{decimals,2}], [{decimals,4},compact],
           [{decimals,10}], [{decimals,18}], [{decimals,19}], [{decimals,30},compact], [{decimals,0},compact],
           [{scientific,0}], [{scientific,3}], [{scientific,15}]].
main() ->
  rand:seed(exsss, {1,2,3}),
  Specials = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 1.0e15, 1.0e16, 1.0e17,
              9007199254740992.0, 9007199254740994.0, 4503599627370496.0, 4503599627370497.0, 18014398509481984.0,
              900719925474099.0, 9007199254740990.0, 90071992547409.0, 900719925474099.5, 90071992547409.9,
              5.0e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 1.0e-4, 1.0e-5,
              123.0, 1000.0, 1.0e6, 123456789.0, 1234567890.0, 12345678901.0, 1.0e10, 1.2e10, 0.001234, 0.0001234,
              99.5, 999.5, 0.9999, 0.99999999999, 1.0e21, 1.0e22, 1.0e23, 1.0e100, 1.0e253, 1.0e254, 123.456, 1.0e-20],
  Pows = [math:pow(2.0, E) || E <- lists:seq(-60, 70)] ++ [math:pow(10.0, E) || E <- lists:seq(-25, 25)],
  Rand = [begin <<F/float>> = <<(rand_bits()):64>>, F end || _ <- lists:seq(1, 400)],
  Dec = [ (rand:uniform(2000000) - 1000000) / math:pow(10, rand:uniform(12)) || _ <- lists:seq(1, 300)],
  Ints = [float(rand:uniform(1 bsl 60)) || _ <- lists:seq(1, 100)] ++ [float(rand:uniform(100000)) * math:pow(10, rand:uniform(20)) || _ <- lists:seq(1,100)],
  Small = [rand:uniform() * math:pow(10, -rand:uniform(30)) || _ <- lists:seq(1, 100)],
  [line(F) || F <- Specials ++ Pows ++ Rand ++ Dec ++ Ints ++ Small ++ [-X || X <- Dec]],
  ok.
rand_bits() ->
  B = rand:uniform(1 bsl 64) - 1,
  case (B bsr 52) band 16#7FF of 16#7FF -> rand_bits(); _ -> B end.
line(F) ->
  <<B:64>> = <<F/float>>,
  Outs = [try float_to_list(F, O) catch _:_ -> "ERR" end || O <- opts()],
  io:format("~16.16.0B~s~n", [B, [[$\t, O] || O <- Outs]]).

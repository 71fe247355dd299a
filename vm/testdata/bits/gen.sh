#!/bin/sh
# Regenerates the test beams and expected results: X.beam is compiled by
# the host's OTP 25, X.otp27.beam by OTP 27 (a Debian trixie chroot given as
# $OTP27_ROOT), and X.etf is term_to_binary(X:main()) as OTP 25's erl
# computes it.
set -e
cd "$(dirname "$0")"
ROOT=${OTP27_ROOT:-}
for m in bsm bsc bsa; do
	erlc "$m.erl"
	erl -noshell -eval "ok = file:write_file(\"$m.etf\", term_to_binary($m:main())), halt()."
	if [ -x "$ROOT/usr/bin/erlc" ]; then
		cp "$m.erl" "$ROOT/tmp/$m.erl"
		chroot "$ROOT" sh -c "cd /tmp && erlc $m.erl"
		cp "$ROOT/tmp/$m.beam" "$m.otp27.beam"
		cp "$m.etf" "$ROOT/tmp/$m.etf"
		chroot "$ROOT" sh -c "cd /tmp && erl -noshell -eval '{ok, B} = file:read_file(\"$m.etf\"), W = binary_to_term(B), G = $m:main(), [io:format(\"$m: OTP 27 differs at ~p: ~P~n\", [I, element(2, lists:nth(I, lists:zip(W, G))), 12]) || I <- lists:seq(1, length(W)), lists:nth(I, W) =/= lists:nth(I, G)], halt().'"
		rm -f "$ROOT/tmp/$m.erl" "$ROOT/tmp/$m.beam" "$ROOT/tmp/$m.etf"
	fi
done

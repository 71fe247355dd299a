#!/bin/sh
# Compiles the bundled Erlang modules (stdlib/erl/*.erl) into stdlib/erl/ebin
# with the host's erlc, which must be OTP 25. The .beam files are committed
# and embedded into the stdlib package.
set -e
cd "$(dirname "$0")"
rel=$(erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)])' -s init stop)
if [ "$rel" != "25" ]; then
	echo "build.sh: erlc must be OTP 25 (found $rel)" >&2
	exit 1
fi
mkdir -p ebin
rm -f ebin/*.beam
erlc +deterministic -o ebin *.erl

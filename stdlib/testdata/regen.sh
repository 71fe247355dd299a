#!/bin/sh
# Rebuilds the test programs of the stdlib package: each NAME.erl here is
# compiled by the host's erlc (OTP 25) into NAME.beam, and what OTP's erl
# prints for NAME:main() is stored in NAME.out. Never edit a .out by hand.
set -e
cd "$(dirname "$0")"
for src in ${@:-*.erl}; do
	name=${src%.erl}
	name=$(basename "$name")
	erlc +deterministic "$name.erl"
	erl -noshell -pa . -eval "$name:main()" -s init stop > "$name.out"
done

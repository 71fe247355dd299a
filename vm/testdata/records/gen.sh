#!/bin/sh
# Regenerates the native record test programs: each X.erl is compiled by
# OTP 29 (a Debian sid chroot given as $OTP29_ROOT) into X.beam, and for
# every program exporting main/0, X.out is what OTP 29's erl prints for
# X:main() with this directory on the code path.
set -e
cd "$(dirname "$0")"
ROOT=${OTP29_ROOT:-/work/chroots/sid}
tmp=$(mktemp -d "$ROOT/tmp/nrec.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp ./*.erl "$tmp/"
dir=/tmp/$(basename "$tmp")
for f in ./*.erl; do
	m=$(basename "$f" .erl)
	chroot "$ROOT" sh -c "cd $dir && erlc +deterministic $m.erl"
	cp "$tmp/$m.beam" .
done
for f in ./*.erl; do
	m=$(basename "$f" .erl)
	if grep -q "main/0" "$f"; then
		chroot "$ROOT" sh -c "cd $dir && erl -noshell -pa . -eval '$m:main(), halt().'" > "$m.out"
	fi
done

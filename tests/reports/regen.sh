#!/bin/sh
# Regenerates the report fixtures: compiles every reports/*.erl with the
# host erlc (which must be OTP 25) and stores, as NAME.stderr, the reports
# erl -noshell prints for NAME:main(), masked as reports_test.go masks
# them (timestamps, pids, sizes, reduction counts, line numbers in OTP's
# behaviour modules).
set -e
cd "$(dirname "$0")"
for f in *.erl; do
	erlc +deterministic "$f"
done
cd ..
BEAMR_REGEN_REPORTS=1 go test -count=1 -run 'TestReportsAgainstErl' .

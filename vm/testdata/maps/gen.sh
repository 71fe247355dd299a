#!/bin/sh
# Regenerates mapops.beam (compiled by the host's OTP 25) and mapops.etf,
# term_to_binary(mapops:main()) as OTP 25's erl computes it.
set -e
cd "$(dirname "$0")"
erlc mapops.erl
erl -noshell -eval 'ok = file:write_file("mapops.etf", term_to_binary(mapops:main())), halt().'

#!/bin/sh
# Compiles the benchmark programs with the erlc on PATH (use OTP 25).
set -e
cd "$(dirname "$0")"
mkdir -p beam
for f in erl/*.erl; do erlc -o beam "$f"; done

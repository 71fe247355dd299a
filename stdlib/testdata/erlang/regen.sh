#!/bin/sh
# Prints, from a real OTP 25 erl, the expected values the erlang BIF tests
# use: one Go table row per case of cases/NAME.cases (erlang_*_test.go
# tables), and the rows of bif_prog's functions (erlang_prog_test.go).
# Usage: regen.sh cases/arith.cases | regen.sh prog
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
erlc -o "$tmp" bifgen.erl progrun.erl
if [ "$1" = prog ]; then
	erlc bif_prog.erl
	erl -noshell -pa "$tmp" -pa . -run progrun main bif_prog t_apply t_apply_errors \
		t_apply_callee t_exceptions t_error2 t_raise t_funs t_fun_info_ext t_module_info \
		t_module_info_items t_dict t_refs t_misc t_exported t_badopt t_tail t_display
else
	erl -noshell -pa "$tmp" -run bifgen main "$1"
fi

package stdlib

import "testing"

// TestOTPSupport checks the functions OTP's own beams call into the
// runtime and the modules beamr serves in their place (code,
// persistent_term, init, aliases), against what OTP 25 answers.
func TestOTPSupport(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	for _, c := range []erlCase{
		{"persistent_term", "get", "[nokey]", "{error,badarg}", ""},
		{"persistent_term", "put", "[k,{a,[1]}]", "ok", ""},
		{"persistent_term", "get", "[k]", "{a,[1]}", ""},
		{"persistent_term", "get", "[k2,dflt]", "dflt", ""},
		{"persistent_term", "erase", "[k]", "true", ""},
		{"persistent_term", "erase", "[k]", "false", ""},
		{"code", "ensure_loaded", "[nosuchmod]", "{error,nofile}", ""},
		{"code", "is_loaded", "[erlang]", "{file,preloaded}", ""},
		{"code", "is_loaded", "[nosuchmod2]", "false", ""},
		{"code", "ensure_loaded", "[lists]", "{module,lists}", ""},
		{"code", "which", "[nosuchmod]", "non_existing", ""},
		{"init", "get_argument", "[noshell]", "{ok,[[]]}", ""},
		{"init", "get_argument", "[nosuchflag]", "error", ""},
		{"unicode", "bin_is_7bit", "[[1]]", "false", ""},
		{"unicode", "bin_is_7bit", "[<<200>>]", "false", ""},
		{"erlang", "unalias", "[#Ref<0.1.2.3>]", "false", ""},
		{"erts_internal", "map_next", "[0,#{a => 1,b => 2},[]]", "[{a,1},{b,2}]", ""},
		{"erts_internal", "map_next", "[0,#{a => 1,b => 2,c => 3},[x]]", "[{a,1},{b,2},{c,3},x]", ""},
		{"erts_internal", "map_next", "[0,#{a => 1,b => 2,c => 3},iterator]", "{a,1,{b,2,{c,3,none}}}", ""},
		{"erts_internal", "map_next", "[2,#{a => 1,b => 2,c => 3},iterator]", "{a,1,{b,2,{c,3,none}}}", ""},
		{"net_kernel", "dflag_unicode_io", "[<0.5.0>]", "true", ""},
	} {
		got, _ := erlCallW(t, rt, h, c.mod, c.fun, c.args)
		if got != c.want {
			t.Errorf("%s:%s(%s) = %s, want %s", c.mod, c.fun, c.args, got, c.want)
		}
	}
}

// TestScanTerm checks beamr_io:scan_term/3, the get_until function behind
// io:read/1,2 in bundled mode: a term is complete at a dot followed by
// white space, a comment or the end of input, and what follows the dot and
// one white-space character is left over.
func TestScanTerm(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	for _, c := range []struct{ args, want string }{
		{`[[], "foo", 1]`, `{more,[102,111,111]}`},
		{`["foo", ".\nbar", 1]`, `{done,{ok,foo},[98,97,114]}`},
		{`[[], "{a, \"b.c\", $.}. x", 1]`, `{done,{ok,{a,[98,46,99],46}},[120]}`},
		{`[[], "1.5 .%c\n", 1]`, `{done,{ok,1.5},[37,99,10]}`},
		{`[[], "x.", 1]`, `{more,[120,46]}`},
		{`["x.", eof, 1]`, `{done,{ok,x},eof}`},
		{`[[], eof, 1]`, `{done,eof,eof}`},
		{`["  % only a comment\n", eof, 1]`, `{done,eof,eof}`},
		{`["{a,", eof, 1]`, `{done,{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[]]}},eof}`},
	} {
		got, _ := erlCallW(t, rt, h, "beamr_io", "scan_term", c.args)
		if got != c.want {
			t.Errorf("scan_term(%s) = %s, want %s", c.args, got, c.want)
		}
	}
}

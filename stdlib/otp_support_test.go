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

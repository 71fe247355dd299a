package stdlib

import (
	"testing"

	"github.com/beamr/beamr/term"
)

// FuzzConsult feeds arbitrary file contents to beamr_file:consult_binary,
// the scanner and parser behind file:consult and file:path_consult: every
// input must give {ok, Terms} or {error, ErrorInfo}, never a fault of the
// runtime.
func FuzzConsult(f *testing.F) {
	for _, s := range []string{
		"{a, [1, 2.5, \"s\"], <<1, 2:4, \"x\"/utf8>>}.\n",
		"#{k => v, [x] => {}}. 'quoted atom'. $a. -12. 16#ff. 2#101.",
		"[1 | 2]. {a, b}.% comment\n foo.",
		"\"unterminated",
		"{a,",
		"1 + 2 * -3. fun m:f/1. #r{a = 1}.",
		"<<\"abc\">>. <<1:3, 0:5>>. <<>>.",
		"'\\x{1F600}'. \"\\^A\\e\". 1.0e308. 1.0e309.",
		"caf\xe9. \xff\xfe.",
	} {
		f.Add([]byte(s))
	}
	rt, h, _ := erlTestRuntime(f)
	mod, fun := rt.Atom("beamr_file"), rt.Atom("consult_binary")
	f.Fuzz(func(t *testing.T, data []byte) {
		h.Reset()
		res, err := rt.Apply(mod, fun, []term.Term{h.Binary(rt.Env.Bins, data)})
		if err != nil {
			t.Fatalf("consult_binary(%q): %v", data, err)
		}
		if res.Class != 0 {
			t.Fatalf("consult_binary(%q) raised %s", data, term.AppendW(nil, &rt.Env, h.Tuple(res.Class, res.Reason)))
		}
		env := &rt.Env
		v := res.Value
		if !env.IsTuple(v) || env.TupleArity(v) != 2 ||
			(env.Elem(v, 0) != term.AtomOk && env.Elem(v, 0) != term.AtomError) {
			t.Fatalf("consult_binary(%q) = %s", data, term.AppendW(nil, env, v))
		}
	})
}

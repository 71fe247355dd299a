package stdlib

import (
	"bytes"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// erlCall calls erlang:fun(args...) and fails the test on a runtime error.
func erlCall(t *testing.T, rt *vm.Runtime, fun string, args ...term.Term) *vm.Result {
	t.Helper()
	res, err := rt.Apply(term.AtomErlang, rt.Atom(fun), args)
	if err != nil {
		t.Fatalf("erlang:%s: %v", fun, err)
	}
	return res
}

// TestIntegerLimit checks OTP's largest integer: 2^33554368 - 1 (524287
// 64-bit digits). Expected results from erl: 1 bsl 33554367 succeeds, 1 bsl
// 33554368 and doubling the largest power of two raise system_limit.
func TestIntegerLimit(t *testing.T) {
	rt, _, _ := erlTestRuntime(t)
	one := term.MakeSmall(1)
	res := erlCall(t, rt, "bsl", one, term.MakeSmall(33554367))
	if res.Class != 0 || rt.Env.BigInt(res.Value).BitLen() != 33554368 {
		t.Fatalf("1 bsl 33554367: class %v", res.Class)
	}
	big := res.Value
	for _, c := range []struct {
		fun  string
		args []term.Term
	}{
		{"bsl", []term.Term{one, term.MakeSmall(33554368)}},
		{"*", []term.Term{big, term.MakeSmall(2)}},
		{"+", []term.Term{big, big}},
		{"-", []term.Term{term.MakeSmall(0), big}}, // fits: the magnitude is the same
		{"*", []term.Term{big, big}},
	} {
		res := erlCall(t, rt, c.fun, c.args...)
		wantLimit := c.fun != "-"
		if gotLimit := res.Class == term.AtomError && res.Reason == term.AtomSystemLimit; gotLimit != wantLimit {
			t.Errorf("%s: system_limit %v, want %v", c.fun, gotLimit, wantLimit)
		}
	}
}

// TestIolistToIovec checks how iolist_to_iovec splits large binaries. The
// expected byte sizes of the elements come from erl.
func TestIolistToIovec(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	bin := func(n int) term.Term { return h.Binary(rt.Env.Bins, bytes.Repeat([]byte{1}, n)) }
	b := term.MakeSmall(1)
	dup := func(n int) term.Term {
		ts := make([]term.Term, n)
		for i := range ts {
			ts[i] = b
		}
		return h.List(ts...)
	}
	for _, c := range []struct {
		in   term.Term
		want string
	}{
		{h.List(bin(64), b, bin(64)), "[129]"},
		{h.List(bin(600), b, bin(600)), "[600,256,345]"},
		{h.List(b, bin(600), b, bin(600), bin(600)), "[256,345,256,345,600]"},
		{h.List(b, bin(300)), "[301]"},
		{h.List(bin(200), bin(300)), "[500]"},
		{h.List(bin(255), b, term.MakeSmall(2)), "[257]"},
		{h.List(bin(256), b, term.MakeSmall(2)), "[256,2]"},
		{h.List(dup(300), bin(300)), "[300,300]"},
		{h.List(dup(200), bin(300), b), "[501]"},
		{h.List(bin(300), bin(100), bin(300)), "[300,400]"},
		{h.List(b, bin(10000)), "[256,9745]"},
		{h.List(dup(3000), bin(600)), "[3000,600]"},
		{bin(600), "[600]"},
	} {
		res := erlCall(t, rt, "iolist_to_iovec", c.in)
		if res.Class != 0 {
			t.Fatalf("iolist_to_iovec raised %s", term.AppendW(nil, &rt.Env, res.Reason))
		}
		var sizes []string
		for l := res.Value; l.IsList(); l = rt.Env.Tl(l) {
			b, _ := rt.Env.Bytes(rt.Env.Hd(l))
			sizes = append(sizes, string(term.AppendW(nil, &rt.Env, term.MakeSmall(int64(len(b))))))
		}
		if got := "[" + strings.Join(sizes, ",") + "]"; got != c.want {
			t.Errorf("iolist_to_iovec(%s): sizes %s, want %s", term.AppendW(nil, &rt.Env, c.in)[:40], got, c.want)
		}
	}
}

// TestHalt checks the exit codes of halt/0,1,2 (from erl: halt(257) exits
// with 1, a string prints it on standard error and exits with 1) and that
// bad arguments raise badarg instead.
func TestHalt(t *testing.T) {
	for _, c := range []struct {
		args   string
		code   int
		stderr string
	}{
		{"[]", 0, ""},
		{"[3]", 3, ""},
		{"[257]", 1, ""},
		{"[1180591620717411303424]", 0, ""},
		{"[\"bye now\"]", 1, "bye now\n"},
		{"[[256]]", 1, "\u0100\n"},
		{"[abort]", 134, ""},
		{"[1,[{flush,false}]]", 1, ""},
	} {
		var out, errOut bytes.Buffer
		rt, err := vm.New(vm.Config{ArenaWords: 1 << 27, Stdout: &out, Stderr: &errOut})
		if err != nil {
			t.Fatal(err)
		}
		Register(rt)
		h, _ := heap.New(rt.Arena, 0)
		args, _ := erlListSlice(&rt.Env, erlParse(h, &rt.Env, c.args))
		fun := "halt"
		res, err := rt.Apply(term.AtomErlang, rt.Atom(fun), args)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Halted || res.HaltCode != c.code || errOut.String() != c.stderr {
			t.Errorf("halt%s: halted %v code %d stderr %q, want code %d stderr %q",
				c.args, res.Halted, res.HaltCode, errOut.String(), c.code, c.stderr)
		}
		rt.Close()
	}
}

// TestUniqueValues checks that references and unique integers differ and
// that monotonic ones increase.
func TestUniqueValues(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	env := &rt.Env
	r1 := erlCall(t, rt, "make_ref").Value
	r2 := erlCall(t, rt, "make_ref").Value
	if !env.IsRef(r1) || term.ExactEqual(env, r1, r2) {
		t.Errorf("make_ref: %s and %s", term.AppendW(nil, env, r1), term.AppendW(nil, env, r2))
	}
	mono := erlParse(h, env, "[monotonic]")
	a := erlCall(t, rt, "unique_integer", mono).Value
	b := erlCall(t, rt, "unique_integer", mono).Value
	c := erlCall(t, rt, "unique_integer").Value
	if !(a.IsSmall() && b.IsSmall() && a.Small() < b.Small() && c != a && c != b) {
		t.Errorf("unique_integer: %d %d %d", a.Small(), b.Small(), c.Small())
	}
	pos := erlCall(t, rt, "unique_integer", erlParse(h, env, "[positive]")).Value
	if !pos.IsSmall() || pos.Small() <= 0 {
		t.Errorf("unique_integer([positive]) = %s", term.AppendW(nil, env, pos))
	}
	for _, k := range []string{"runtime", "wall_clock"} {
		v := erlCall(t, rt, "statistics", rt.Atom(k)).Value
		if !env.IsTuple(v) || env.TupleArity(v) != 2 || !env.Elem(v, 0).IsSmall() {
			t.Errorf("statistics(%s) = %s", k, term.AppendW(nil, env, v))
		}
	}
}

// TestDisplayDeep prints a list nested a million levels deep, which must
// not need a deep Go stack.
func TestDisplayDeep(t *testing.T) {
	rt, h, out := erlTestRuntime(t)
	const depth = 1_000_000
	l := term.Nil
	for i := 0; i < depth; i++ {
		l = h.Cons(l, term.Nil)
	}
	erlCall(t, rt, "display", l)
	if got, want := out.Len(), 2*depth+2+1; got != want {
		t.Errorf("display printed %d bytes, want %d", got, want)
	}
}

// TestPrintedIDs checks pid_to_list, port_to_list and ref_to_list, which
// print as the runtime does, and md5_init/update/final against md5/1.
func TestPrintedIDs(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	env := &rt.Env
	str := func(l term.Term) string {
		b, _ := erlByteString(env, l)
		return string(b)
	}
	ref := erlParse(h, env, "#Ref<0.1.2.3>")
	for _, c := range []struct {
		fun  string
		arg  term.Term
		want string
	}{
		{"pid_to_list", term.MakePid(5), "<0.5.0>"},
		{"port_to_list", term.MakePort(3), "#Port<0.3>"},
		{"ref_to_list", ref, "#Ref<0.1.2.3>"},
	} {
		if got := str(erlCall(t, rt, c.fun, c.arg).Value); got != c.want {
			t.Errorf("%s = %q, want %q", c.fun, got, c.want)
		}
	}
	ctx := erlCall(t, rt, "md5_init").Value
	ctx = erlCall(t, rt, "md5_update", ctx, erlParse(h, env, `<<"ab">>`)).Value
	ctx = erlCall(t, rt, "md5_update", ctx, erlParse(h, env, `[$c]`)).Value
	got := erlCall(t, rt, "md5_final", ctx).Value
	want := erlCall(t, rt, "md5", erlParse(h, env, `<<"abc">>`)).Value
	if !term.ExactEqual(env, got, want) {
		t.Errorf("md5 by parts = %s, want %s", term.AppendW(nil, env, got), term.AppendW(nil, env, want))
	}
}

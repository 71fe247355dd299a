package beamr

import (
	"context"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Integers at the edges of int64 come back as int64 inside it and as
// *big.Int outside, whichever side computed them.
func TestConvertInt64Boundary(t *testing.T) {
	rt := newTestRuntime(t)
	maxPlus1, _ := new(big.Int).SetString("9223372036854775808", 10)
	minMinus1, _ := new(big.Int).SetString("-9223372036854775809", 10)
	// erl: 9223372036854775807 + 1, -9223372036854775808 - 1 and
	// (1 bsl 63) - 1 print 9223372036854775808, -9223372036854775809 and
	// 9223372036854775807.
	if v := mustCall(t, rt, "embedtest", "add", int64(math.MaxInt64), 1); !sameValue(v, maxPlus1) {
		t.Errorf("MaxInt64 + 1 = %#v", v)
	}
	if v := mustCall(t, rt, "embedtest", "add", int64(math.MinInt64), -1); !sameValue(v, minMinus1) {
		t.Errorf("MinInt64 - 1 = %#v", v)
	}
	if v := mustCall(t, rt, "embedtest", "add", maxPlus1, -1); !sameValue(v, int64(math.MaxInt64)) {
		t.Errorf("(1 bsl 63) - 1 = %#v", v)
	}
	for _, in := range []Value{int64(math.MaxInt64), int64(math.MinInt64), uint64(math.MaxInt64), big.NewInt(math.MinInt64)} {
		want, _ := ToInt(in)
		if v := mustCall(t, rt, "embedtest", "echo", in); !sameValue(v, want) {
			t.Errorf("echo(%s) = %#v, want int64", Format(in), v)
		}
	}
	for _, in := range []Value{maxPlus1, minMinus1, uint64(math.MaxUint64)} {
		if v := mustCall(t, rt, "embedtest", "echo", in); !Equal(v, in) || !isBig(v) {
			t.Errorf("echo(%s) = %#v, want *big.Int", Format(in), v)
		}
	}
}

func isBig(v Value) bool { _, ok := v.(*big.Int); return ok }

// sameValue reports whether a and b are Equal and of the same Go type
// (int64 or *big.Int for integers).
func sameValue(a, b Value) bool {
	if isBig(a) != isBig(b) {
		return false
	}
	return Equal(a, b)
}

// NaN and the infinities have no term: every way into Erlang refuses
// them, and nothing is started or sent.
func TestConvertNonFiniteFloats(t *testing.T) {
	rt := newTestRuntime(t)
	type celsius float64
	bad := []Value{math.NaN(), math.Inf(1), math.Inf(-1), float32(math.Inf(1)), celsius(math.NaN()),
		List{1, math.NaN()}, map[string]float64{"x": math.Inf(-1)}, Map{{Key: math.NaN(), Value: 1}}}
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	defer mb.Close()
	for _, v := range bad {
		if _, err := rt.Call(timeout(t), "embedtest", "echo", v); err == nil || !strings.Contains(err.Error(), "Erlang floats are finite") {
			t.Errorf("Call with %v: %v", v, err)
		}
		if err := rt.Send(mb.Pid(), v); err == nil {
			t.Errorf("Send of %v succeeded", v)
		}
		if _, err := rt.Spawn("embedtest", "echo", v); err == nil {
			t.Errorf("Spawn with %v succeeded", v)
		}
	}
	if err := rt.Send(mb.Pid(), Atom("after")); err != nil {
		t.Fatal(err)
	}
	if v, err := mb.Receive(timeout(t)); v != Atom("after") || err != nil {
		t.Errorf("the mailbox got %s, %v: a refused message was sent", Format(v), err)
	}
	// A Go function returning NaN raises an error in its caller.
	rt.Register("gofns", "nan", 1, func(context.Context, []Value) (Value, error) { return math.NaN(), nil })
	v := mustCall(t, rt, "embedtest", "call_go_catch", Atom("nan"))
	want := Tuple{Atom("caught"), Atom("error"), Tuple{Atom("go_error"), "result: float NaN: Erlang floats are finite: cannot be converted to an Erlang term"},
		Tuple{Atom("gofns"), Atom("nan"), List{Atom("arg")}, List{}}}
	if !Equal(v, want) {
		t.Errorf("Go function returning NaN: %s", Format(v))
	}
	// Finite extremes are fine.
	for _, f := range []float64{math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64} {
		if v := mustCall(t, rt, "embedtest", "echo", f); v != f {
			t.Errorf("echo(%g) = %#v", f, v)
		}
	}
	// Format shows them as the Go values they are, without panicking.
	if got := Format(List{math.NaN(), math.Inf(1), float32(math.Inf(-1))}); got != "[<NaN>,<+Inf>,<-Inf>]" {
		t.Errorf("Format = %s", got)
	}
}

// Atom names must be UTF-8 (OTP's binary_to_atom(<<255>>, utf8) is
// badarg); string and []byte carry any bytes.
func TestConvertUTF8(t *testing.T) {
	rt := newTestRuntime(t)
	for _, a := range []Atom{"\xff", "ok\xc3"} {
		if _, err := rt.Call(timeout(t), "embedtest", "echo", a); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
			t.Errorf("echo(Atom(%q)): %v", string(a), err)
		}
	}
	if _, err := rt.Call(timeout(t), "embedtest\xff", "echo", 1); err == nil {
		t.Error("Call of a module named by invalid UTF-8 succeeded")
	}
	if err := rt.Register("gofns", "\xff", 0, func(context.Context, []Value) (Value, error) { return nil, nil }); err == nil {
		t.Error("Register of a function named by invalid UTF-8 succeeded")
	}
	// erl: byte_size(<<255,254>>) is 2.
	if v := mustCall(t, rt, "erlang", "byte_size", "\xff\xfe"); v != int64(2) {
		t.Errorf("byte_size = %s", Format(v))
	}
	if v := mustCall(t, rt, "embedtest", "echo", "\xff\xfe"); !sameValue(v, []byte{0xff, 0xfe}) {
		t.Errorf("echo = %#v", v)
	}
	if v := mustCall(t, rt, "embedtest", "echo", Atom("ÿ")); v != Atom("ÿ") {
		t.Errorf("echo('ÿ') = %#v", v)
	}
}

// Nil and empty Go values are the empty terms.
func TestConvertEmpty(t *testing.T) {
	rt := newTestRuntime(t)
	// erl: {length([]), map_size(#{}), tuple_size({}), byte_size(<<>>)} is {0,0,0,0}.
	checks := []struct {
		f  string
		in Value
	}{
		{"length", []int(nil)}, {"length", List(nil)}, {"length", []Value{}},
		{"map_size", map[string]int(nil)}, {"map_size", Map(nil)},
		{"tuple_size", Tuple(nil)},
		{"byte_size", []byte(nil)}, {"byte_size", ""}, {"byte_size", Bitstring{}},
	}
	for _, c := range checks {
		if v := mustCall(t, rt, "erlang", c.f, c.in); v != int64(0) {
			t.Errorf("erlang:%s(%#v) = %s", c.f, c.in, Format(v))
		}
	}
}

// Improper lists in both directions, also nested in one another.
func TestConvertImproperLists(t *testing.T) {
	rt := newTestRuntime(t)
	cases := []struct {
		in, want Value
		text     string // erl's ~w of the term
	}{
		{ImproperList{Elems: []Value{1}, Tail: ImproperList{Elems: []Value{2}, Tail: 3}},
			ImproperList{Elems: []Value{int64(1), int64(2)}, Tail: int64(3)}, "[1,2|3]"},
		{ImproperList{Elems: []Value{1}, Tail: Tuple{ImproperList{Elems: []Value{2}, Tail: 3}}},
			ImproperList{Elems: []Value{int64(1)}, Tail: Tuple{ImproperList{Elems: []Value{int64(2)}, Tail: int64(3)}}}, "[1|{[2|3]}]"},
		{ImproperList{Elems: []Value{1}, Tail: List{2}}, List{int64(1), int64(2)}, "[1,2]"},
		{ImproperList{Tail: 5}, int64(5), "5"},
	}
	for _, c := range cases {
		v := mustCall(t, rt, "embedtest", "echo", c.in)
		if !Equal(v, c.want) {
			t.Errorf("echo(%s) = %#v", Format(c.in), v)
		}
		if got := Format(v); got != c.text {
			t.Errorf("Format(%#v) = %s, want %s", v, got, c.text)
		}
	}
}

// Values from another runtime do not convert, funs included: a fun may
// hold pids, which would name unrelated processes there.
func TestConvertOpaqueOfAnotherRuntime(t *testing.T) {
	a := newTestRuntime(t)
	b := newTestRuntime(t)
	p, err := a.Spawn("embedtest", "sleeper")
	if err != nil {
		t.Fatal(err)
	}
	fun := mustCall(t, a, "embedtest", "pid_fun", p)
	if _, ok := fun.(Opaque); !ok {
		t.Fatalf("pid_fun = %#v", fun)
	}
	if v := mustCall(t, a, "erlang", "apply", fun, List{}); v != p {
		t.Errorf("the fun in its runtime = %s, want %s", Format(v), p)
	}
	if _, err := b.Call(timeout(t), "erlang", "apply", fun, List{}); err == nil || !strings.Contains(err.Error(), "another runtime") {
		t.Errorf("the fun in another runtime: %v", err)
	}
	if _, err := a.Call(timeout(t), "embedtest", "echo", Opaque{}); err == nil {
		t.Error("the zero Opaque converted")
	}
}

// Go types with no term give an error, never a panic.
func TestConvertUnsupported(t *testing.T) {
	rt := newTestRuntime(t)
	n := 1
	cyclic := []any{nil}
	cyclic[0] = cyclic
	type point struct{ X, Y int }
	for _, bad := range []Value{complex(1, 2), &n, (*big.Int)(nil), point{1, 2}, map[point]int{{1, 2}: 3},
		map[string]any{"k": nil}, []any{1, struct{}{}}, cyclic, Tuple{nil}, Bitstring{Data: []byte{1}, Bits: 9}, Bitstring{Bits: -1}} {
		_, err := rt.Call(timeout(t), "embedtest", "echo", bad)
		if !errorIsNotConvertible(err) {
			t.Errorf("echo(%T): %v", bad, err)
		}
	}
}

func errorIsNotConvertible(err error) bool { return errors.Is(err, errNotConvertible) }

// Terms nested millions of levels deep convert without exhausting the
// goroutine's stack (more than 2 million levels did, with a conversion
// that recursed), and Format gives up politely.
func TestConvertDeepTerm(t *testing.T) {
	a, err := heap.NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	h, err := heap.New(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	env := &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
	leaf, _ := env.Atoms.Intern("x")
	key, _ := env.Atoms.Intern("k")
	const depth = 3_000_000
	tm := leaf
	for i := 0; i < depth; i++ {
		switch i % 4 {
		case 0:
			tm = h.Tuple(tm)
		case 1:
			tm = h.List(tm)
		case 2:
			tm = h.ListTail(term.MakeSmall(int64(i)), tm)
		case 3:
			tm = vm.BuildMap(h, env, []term.Term{key}, []term.Term{tm})
		}
	}
	v := decoder{env: env}.value(tm)
	for i := depth - 1; i >= 0; i-- {
		var ok bool
		switch i % 4 {
		case 0:
			var x Tuple
			if x, ok = v.(Tuple); ok && len(x) == 1 {
				v = x[0]
			}
		case 1:
			var x List
			if x, ok = v.(List); ok && len(x) == 1 {
				v = x[0]
			}
		case 2:
			var x ImproperList
			if x, ok = v.(ImproperList); ok && len(x.Elems) == 1 && x.Tail == int64(i) {
				v = x.Elems[0]
			}
		case 3:
			var x Map
			if x, ok = v.(Map); ok && len(x) == 1 && x[0].Key == Atom("k") {
				v = x[0].Value
			}
		}
		if !ok {
			t.Fatalf("level %d: %T", i, v)
		}
	}
	if v != Atom("x") {
		t.Fatalf("innermost: %#v", v)
	}

	var deep Value = Atom("x")
	for i := 0; i < 200_000; i++ {
		deep = List{deep}
	}
	if s := Format(deep); !strings.HasPrefix(s, "[[[") || !strings.Contains(s, "...") {
		t.Errorf("Format of a deep list: %.20s...", s)
	}
}

// A deep list made by Erlang comes back whole.
func TestConvertDeepResult(t *testing.T) {
	rt := newTestRuntime(t)
	const depth = 100_000
	v := mustCall(t, rt, "embedtest", "nest", depth)
	for i := 0; i < depth; i++ {
		l, ok := v.(List)
		if !ok || len(l) != 1 {
			t.Fatalf("level %d: %T", i, v)
		}
		v = l[0]
	}
	if v != Atom("x") {
		t.Errorf("innermost: %#v", v)
	}
}

package beamr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// newTestRuntime returns a runtime with testdata/embedtest.beam loaded,
// shut down when the test ends.
func newTestRuntime(t *testing.T, opts ...Option) *Runtime {
	t.Helper()
	rt, err := New(append([]Option{WithSchedulers(2)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := rt.Shutdown(context.Background()); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	data, err := os.ReadFile("testdata/embedtest.beam")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Load(data); err != nil {
		t.Fatal(err)
	}
	return rt
}

// timeout returns a context that ends after a while, so that a hang
// fails the test instead of the whole run.
func timeout(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func mustCall(t *testing.T, rt *Runtime, m, f string, args ...Value) Value {
	t.Helper()
	v, err := rt.Call(timeout(t), m, f, args...)
	if err != nil {
		t.Fatalf("%s:%s: %v", m, f, err)
	}
	return v
}

func TestCall(t *testing.T) {
	rt := newTestRuntime(t)
	if v := mustCall(t, rt, "embedtest", "add", 1, 2); v != int64(3) {
		t.Errorf("add(1, 2) = %#v, want 3", v)
	}
	if v := mustCall(t, rt, "lists", "seq", 1, 3); !Equal(v, List{1, 2, 3}) {
		t.Errorf("lists:seq(1, 3) = %s", Format(v))
	}
	if v := mustCall(t, rt, "erlang", "atom_to_binary", Atom("héllo")); !Equal(v, "héllo") {
		t.Errorf("atom_to_binary = %s", Format(v))
	}
}

func TestCallErrors(t *testing.T) {
	rt := newTestRuntime(t)
	ctx := timeout(t)
	_, err := rt.Call(ctx, "embedtest", "crash", "x")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("crash: %v, want an *Error", err)
	}
	if e.Class != "error" || !Equal(e.Reason, Tuple{Atom("bad"), "x"}) {
		t.Errorf("crash: %s:%s", e.Class, Format(e.Reason))
	}
	want := Frame{Module: "embedtest", Function: "crash", Arity: 1, File: "embedtest.erl", Line: 11}
	if len(e.Stack) != 1 || fmt.Sprint(e.Stack[0]) != fmt.Sprint(want) {
		t.Errorf("crash: stack %#v", e.Stack)
	}
	if got := e.Error(); got != `error: {bad,<<"x">>} in embedtest:crash/1 (embedtest.erl, line 11)` {
		t.Errorf("Error() = %q", got)
	}

	_, err = rt.Call(ctx, "embedtest", "throw_it", Atom("ball"))
	if !errors.As(err, &e) || e.Class != "throw" || e.Reason != Atom("ball") {
		t.Errorf("throw: %v", err)
	}
	_, err = rt.Call(ctx, "nosuchmodule", "f", 1)
	if !errors.As(err, &e) || e.Class != "error" || e.Reason != Atom("undef") {
		t.Errorf("undefined function: %v", err)
	}
	_, err = rt.Call(ctx, "erlang", "exit", Atom("bye"))
	if !errors.As(err, &e) || e.Class != "exit" || e.Reason != Atom("bye") {
		t.Errorf("exit: %v", err)
	}
	// Still usable afterwards.
	mustCall(t, rt, "embedtest", "add", 1, 1)
}

func TestCallContext(t *testing.T) {
	rt := newTestRuntime(t)
	count := func() Value { return mustCall(t, rt, "erlang", "length", mustCall(t, rt, "erlang", "processes")) }
	n0 := count()
	g0 := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := rt.Call(ctx, "embedtest", "sleeper"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("sleeper: %v, want DeadlineExceeded", err)
	}
	// The process is killed; no goroutine is left behind.
	waitFor(t, "the process to end", func() bool { return count() == n0 })
	waitFor(t, "no more goroutines than before the Call", func() bool { return runtime.NumGoroutine() <= g0 })
	if _, err := rt.Call(ctx, "embedtest", "add", 1, 2); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("call with an ended context: %v", err)
	}
}

func TestCallKilled(t *testing.T) {
	rt := newTestRuntime(t)
	caller := make(chan Pid, 1)
	rt.Register("gofns", "hang", 0, func(ctx context.Context, _ []Value) (Value, error) {
		p, _ := CallerPid(ctx)
		caller <- p
		<-ctx.Done()
		return nil, ctx.Err()
	})
	errc := make(chan error, 1)
	go func() {
		_, err := rt.Call(timeout(t), "gofns", "hang")
		errc <- err
	}()
	pid := <-caller
	mustCall(t, rt, "erlang", "exit", pid, Atom("kill"))
	var e *Error
	if err := <-errc; !errors.As(err, &e) || e.Class != "exit" || e.Reason != Atom("killed") {
		t.Errorf("killed call: %v", err)
	}
}

func TestConversions(t *testing.T) {
	rt := newTestRuntime(t)
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	u63 := new(big.Int).SetUint64(1 << 63)
	cases := []struct {
		in, want Value
	}{
		{5, int64(5)},
		{int64(1) << 62, int64(1) << 62}, // a bignum in the VM
		{int64(-1) << 63, int64(-1) << 63},
		{uint64(1) << 63, u63},
		{huge, huge},
		{uint8(7), int64(7)},
		{float32(1.5), 1.5},
		{-0.25, -0.25},
		{"text", []byte("text")},
		{[]byte{0, 1, 255}, []byte{0, 1, 255}},
		{[]byte{}, []byte{}},
		{true, Atom("true")},
		{Atom("with space"), Atom("with space")},
		{Tuple{}, Tuple{}},
		{Tuple{1, Atom("a"), Tuple{"b"}}, Tuple{int64(1), Atom("a"), Tuple{[]byte("b")}}},
		{List(nil), List{}},
		{List{1, List{2}}, List{int64(1), List{int64(2)}}},
		{ImproperList{Elems: []Value{1, 2}, Tail: Atom("t")}, ImproperList{Elems: []Value{int64(1), int64(2)}, Tail: Atom("t")}},
		{Map{{Atom("b"), 2}, {Atom("a"), 1}, {Atom("b"), 3}}, Map{{Atom("a"), int64(1)}, {Atom("b"), int64(3)}}},
		{map[string]int{"k": 1}, Map{{[]byte("k"), int64(1)}}},
		{[]int{1, 2}, List{int64(1), int64(2)}},
		{[2]string{"x", "y"}, List{[]byte("x"), []byte("y")}},
		{Bitstring{Data: []byte{0xA0}, Bits: 3}, Bitstring{Data: []byte{0xA0}, Bits: 3}},
		{Bitstring{Data: []byte{1, 2}, Bits: 16}, []byte{1, 2}},
	}
	for _, c := range cases {
		got := mustCall(t, rt, "embedtest", "echo", c.in)
		if !Equal(got, c.want) || fmt.Sprintf("%T", got) != fmt.Sprintf("%T", c.want) {
			t.Errorf("echo(%s) = %#v (%s), want %#v", Format(c.in), got, Format(got), c.want)
		}
	}
	// What Erlang sees.
	checks := []struct {
		f    string
		args []Value
		want Value
	}{
		{"is_binary", []Value{"x"}, Atom("true")},
		{"is_atom", []Value{false}, Atom("true")},
		{"bit_size", []Value{Bitstring{Data: []byte{0xFF}, Bits: 5}}, int64(5)},
		{"map_get", []Value{"k", map[string]int{"k": 9}}, int64(9)},
		{"is_integer", []Value{huge}, Atom("true")},
		{"tuple_size", []Value{Tuple{1, 2, 3}}, int64(3)},
		{"length", []Value{Charlist("héllo")}, int64(5)},
		{"is_float", []Value{float32(2)}, Atom("true")},
	}
	for _, c := range checks {
		if got := mustCall(t, rt, "erlang", c.f, c.args...); !Equal(got, c.want) {
			t.Errorf("erlang:%s(%s) = %s", c.f, Format(List(c.args)), Format(got))
		}
	}
	// Pids, references and funs go back as they came.
	self := mustCall(t, rt, "embedtest", "whoami")
	if _, ok := self.(Pid); !ok {
		t.Fatalf("self() = %#v", self)
	}
	ref := mustCall(t, rt, "erlang", "make_ref")
	if _, ok := ref.(Ref); !ok {
		t.Fatalf("make_ref() = %#v", ref)
	}
	for _, v := range []Value{self, ref} {
		if got := mustCall(t, rt, "embedtest", "echo", v); got != v {
			t.Errorf("echo(%s) = %s", Format(v), Format(got))
		}
	}
	fun := mustCall(t, rt, "erlang", "make_fun", Atom("lists"), Atom("reverse"), 1)
	if _, ok := fun.(Opaque); !ok || Format(fun) != "fun lists:reverse/1" {
		t.Fatalf("make_fun = %#v", fun)
	}
	if got := mustCall(t, rt, "erlang", "apply", fun, List{List{1, 2}}); !Equal(got, List{2, 1}) {
		t.Errorf("apply(fun lists:reverse/1, [[1, 2]]) = %s", Format(got))
	}
	// Values without a term.
	for _, bad := range []Value{nil, struct{}{}, make(chan int), List{1, func() {}}, Atom(strings.Repeat("a", 256)), Pid{}, Ref{}} {
		if _, err := rt.Call(timeout(t), "embedtest", "echo", bad); err == nil {
			t.Errorf("echo(%#v) succeeded", bad)
		}
	}
}

func TestGoFunctions(t *testing.T) {
	rt := newTestRuntime(t)
	rt.Register("gofns", "double", 1, func(_ context.Context, args []Value) (Value, error) {
		n, ok := ToInt(args[0])
		if !ok {
			return nil, &Error{Class: "error", Reason: Atom("badarg")}
		}
		return 2 * n, nil
	})
	rt.Register("gofns", "throw_me", 1, func(context.Context, []Value) (Value, error) {
		return nil, &Error{Class: "throw", Reason: Tuple{Atom("oops"), "why"}}
	})
	rt.Register("gofns", "fail", 1, func(context.Context, []Value) (Value, error) {
		return nil, errors.New("no database")
	})
	rt.Register("gofns", "unconvertible", 1, func(context.Context, []Value) (Value, error) {
		return struct{}{}, nil
	})
	rt.Register("gofns", "caller", 1, func(ctx context.Context, _ []Value) (Value, error) {
		p, _ := CallerPid(ctx)
		return p, nil
	})
	if v := mustCall(t, rt, "embedtest", "double_via_go", 21); v != int64(42) {
		t.Errorf("double_via_go(21) = %s", Format(v))
	}
	frame := Tuple{Atom("gofns"), nil, List{Atom("arg")}, List{}}
	cases := []struct {
		f    string
		want Tuple
	}{
		{"double", Tuple{Atom("caught"), Atom("error"), Atom("badarg")}},
		{"throw_me", Tuple{Atom("caught"), Atom("throw"), Tuple{Atom("oops"), "why"}}},
		{"fail", Tuple{Atom("caught"), Atom("error"), Tuple{Atom("go_error"), "no database"}}},
		{"unconvertible", Tuple{Atom("caught"), Atom("error"), Tuple{Atom("go_error"),
			"result: Go value of type struct {}: cannot be converted to an Erlang term"}}},
	}
	for _, c := range cases {
		v := mustCall(t, rt, "embedtest", "call_go_catch", Atom(c.f))
		frame[1] = Atom(c.f)
		if want := append(c.want, frame); !Equal(v, want) {
			t.Errorf("%s: %s, want %s", c.f, Format(v), Format(want))
		}
	}
	v := mustCall(t, rt, "embedtest", "call_go_catch", Atom("caller"))
	if tp, ok := v.(Tuple); !ok || len(tp) != 2 || tp[0] != Atom("ok") {
		t.Errorf("caller: %s", Format(v))
	} else if _, ok := tp[1].(Pid); !ok {
		t.Errorf("caller: %s", Format(v))
	}
	// Called directly from Go too.
	if v := mustCall(t, rt, "gofns", "double", 5); v != int64(10) {
		t.Errorf("gofns:double(5) = %s", Format(v))
	}
}

// A panic in a Go function is an exception in the calling process; the
// runtime and the program go on.
func TestGoPanic(t *testing.T) {
	rt := newTestRuntime(t)
	rt.Register("gofns", "panic", 1, func(context.Context, []Value) (Value, error) {
		panic("boom")
	})
	rt.Register("gofns", "nilmap", 1, func(context.Context, []Value) (Value, error) {
		var m map[string]int
		m["x"] = 1
		return nil, nil
	})
	v := mustCall(t, rt, "embedtest", "call_go_catch", Atom("panic"))
	want := Tuple{Atom("caught"), Atom("error"), Tuple{Atom("go_panic"), "boom"},
		Tuple{Atom("gofns"), Atom("panic"), List{Atom("arg")}, List{}}}
	if !Equal(v, want) {
		t.Errorf("panic caught in Erlang: %s, want %s", Format(v), Format(want))
	}
	_, err := rt.Call(timeout(t), "gofns", "nilmap", 1)
	var e *Error
	if !errors.As(err, &e) || e.Class != "error" {
		t.Fatalf("nilmap: %v", err)
	}
	if r, ok := e.Reason.(Tuple); !ok || len(r) != 2 || r[0] != Atom("go_panic") ||
		!strings.Contains(Format(r[1]), "assignment to entry in nil map") {
		t.Errorf("nilmap: reason %s", Format(e.Reason))
	}
	if len(e.Stack) == 0 || e.Stack[0].Module != "gofns" || e.Stack[0].Function != "nilmap" || !Equal(e.Stack[0].Args, List{1}) {
		t.Errorf("nilmap: stack %v", e.Stack)
	}
	mustCall(t, rt, "embedtest", "add", 1, 2)
}

// A Go function that blocks does not hold up other processes, even with a
// single scheduler.
func TestBlockingGoFunction(t *testing.T) {
	rt := newTestRuntime(t, WithSchedulers(1))
	const n = 5
	started := make(chan struct{}, n)
	release := make(chan struct{})
	rt.Register("gofns", "block", 0, func(ctx context.Context, _ []Value) (Value, error) {
		started <- struct{}{}
		select {
		case <-release:
			return Atom("released"), nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
	type result struct {
		v   Value
		err error
	}
	results := make(chan result, n)
	for i := 0; i < n; i++ {
		go func() {
			v, err := rt.Call(timeout(t), "embedtest", "go_then", i)
			results <- result{v, err}
		}()
	}
	for i := 0; i < n; i++ {
		<-started // all n are blocked in Go at once
	}
	if v := mustCall(t, rt, "embedtest", "loop_until", 200000); v != Atom("done") {
		t.Errorf("loop_until = %s", Format(v))
	}
	if v := mustCall(t, rt, "embedtest", "add", 2, 2); v != int64(4) {
		t.Errorf("add = %s", Format(v))
	}
	close(release)
	seen := map[int64]bool{}
	for i := 0; i < n; i++ {
		r := <-results
		tp, ok := r.v.(Tuple)
		if r.err != nil || !ok || len(tp) != 2 || tp[1] != Atom("released") {
			t.Fatalf("go_then: %s, %v", Format(r.v), r.err)
		}
		seen[tp[0].(int64)] = true
	}
	if len(seen) != n {
		t.Errorf("results of %d calls, want %d", len(seen), n)
	}
}

func TestMaxBlocking(t *testing.T) {
	rt := newTestRuntime(t, WithMaxBlocking(2))
	var mu sync.Mutex
	running, peak := 0, 0
	rt.Register("gofns", "busy", 0, func(context.Context, []Value) (Value, error) {
		mu.Lock()
		running++
		peak = max(peak, running)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		running--
		mu.Unlock()
		return Atom("ok"), nil
	})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mustCall(t, rt, "gofns", "busy")
		}()
	}
	wg.Wait()
	if peak != 2 {
		t.Errorf("peak concurrency %d, want 2", peak)
	}
}

// Two runtimes in one program see nothing of each other.
func TestTwoRuntimes(t *testing.T) {
	a := newTestRuntime(t)
	b, err := New(WithSchedulers(1))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Shutdown(context.Background())
	ctx := timeout(t)

	// Modules.
	var e *Error
	if _, err := b.Call(ctx, "embedtest", "add", 1, 2); !errors.As(err, &e) || e.Reason != Atom("undef") {
		t.Errorf("module loaded in a only, called in b: %v", err)
	}
	// Atoms.
	mustCall(t, a, "erlang", "list_to_atom", Charlist("only_in_runtime_a"))
	mustCall(t, a, "erlang", "list_to_existing_atom", Charlist("only_in_runtime_a"))
	if _, err := b.Call(ctx, "erlang", "list_to_existing_atom", Charlist("only_in_runtime_a")); !errors.As(err, &e) || e.Reason != Atom("badarg") {
		t.Errorf("atom made in a, looked up in b: %v", err)
	}
	// Processes and names.
	pid, err := a.Spawn("embedtest", "sleeper")
	if err != nil {
		t.Fatal(err)
	}
	mustCall(t, a, "erlang", "register", Atom("sleepy"), pid)
	if v := mustCall(t, a, "erlang", "whereis", Atom("sleepy")); v != pid {
		t.Errorf("whereis in a = %s", Format(v))
	}
	if v := mustCall(t, b, "erlang", "whereis", Atom("sleepy")); v != Atom("undefined") {
		t.Errorf("whereis in b = %s", Format(v))
	}
	if err := b.Send(pid, 1); err == nil {
		t.Error("b sent to a pid of a")
	}
	if _, err := b.Call(ctx, "erlang", "is_process_alive", pid); err == nil {
		t.Error("b converted a pid of a")
	}
	// Go functions of the same name.
	a.Register("gofns", "times", 1, func(_ context.Context, args []Value) (Value, error) {
		n, _ := ToInt(args[0])
		return 2 * n, nil
	})
	b.Register("gofns", "times", 1, func(_ context.Context, args []Value) (Value, error) {
		n, _ := ToInt(args[0])
		return 3 * n, nil
	})
	// Both at once.
	var wg sync.WaitGroup
	for _, c := range []struct {
		rt     *Runtime
		factor int64
	}{{a, 2}, {b, 3}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int64(0); i < 50; i++ {
				v, err := c.rt.Call(ctx, "gofns", "times", i)
				if err != nil || v != c.factor*i {
					t.Errorf("times(%d) = %s, %v; want %d", i, Format(v), err, c.factor*i)
					return
				}
			}
		}()
	}
	wg.Wait()
	// Shutting one down leaves the other running.
	if err := b.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Call(ctx, "erlang", "self"); !errors.Is(err, ErrClosed) {
		t.Errorf("call after Shutdown: %v", err)
	}
	mustCall(t, a, "embedtest", "add", 1, 2)
}

func TestMailbox(t *testing.T) {
	rt := newTestRuntime(t)
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	ctx := timeout(t)
	// Erlang to Go.
	mustCall(t, rt, "embedtest", "reply_to", mb.Pid(), Tuple{Atom("hi"), 1})
	v, err := mb.Receive(ctx)
	if tp, ok := v.(Tuple); err != nil || !ok || len(tp) != 3 || tp[0] != Atom("reply") || !Equal(tp[2], Tuple{Atom("hi"), 1}) {
		t.Errorf("Receive = %s, %v", Format(v), err)
	}
	// Go to Erlang and back, in order.
	counter, err := rt.Spawn("embedtest", "counter", 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if err := rt.Send(counter, i); err != nil {
			t.Fatal(err)
		}
	}
	mustCall(t, rt, "erlang", "register", Atom("counter"), counter)
	if err := rt.Send(Atom("counter"), Tuple{Atom("get"), mb.Pid()}); err != nil {
		t.Fatal(err)
	}
	select {
	case v := <-mb.C():
		if !Equal(v, Tuple{Atom("count"), 100}) {
			t.Errorf("count = %s", Format(v))
		}
	case <-ctx.Done():
		t.Fatal("no count")
	}
	if err := rt.Send(Atom("nobody"), 1); err == nil {
		t.Error("send to an unregistered name succeeded")
	}
	if err := rt.Send(counter, make(chan int)); err == nil {
		t.Error("send of a channel succeeded")
	}
	// A link's exit arrives as a message.
	linker := mustCall(t, rt, "erlang", "spawn", Atom("erlang"), Atom("link"), List{mb.Pid()})
	v, err = mb.Receive(ctx)
	if !Equal(v, Tuple{Atom("EXIT"), linker, Atom("normal")}) {
		t.Errorf("EXIT message = %s, %v", Format(v), err)
	}
	// Many messages from many processes.
	for i := 0; i < 20; i++ {
		if _, err := rt.Spawn("embedtest", "reply_to", mb.Pid(), i); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 20; i++ {
		if _, err := mb.Receive(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// Closing.
	if err := mb.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := mb.Receive(ctx); !errors.Is(err, ErrClosed) {
		t.Errorf("Receive after Close: %v", err)
	}
	if _, ok := <-mb.C(); ok {
		t.Error("C not closed")
	}
	for mustCall(t, rt, "erlang", "is_process_alive", mb.Pid()) != Atom("false") {
		time.Sleep(time.Millisecond)
	}
	mb.Close()
}

func TestMailboxKilled(t *testing.T) {
	rt := newTestRuntime(t)
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	defer mb.Close()
	rt.Send(mb.Pid(), Atom("last words"))
	// Once the mailbox's process waits with an empty queue, the message
	// is on the Go side: it survives the kill.
	for {
		v := mustCall(t, rt, "erlang", "process_info", mb.Pid(), List{Atom("status"), Atom("message_queue_len")})
		if Equal(v, List{Tuple{Atom("status"), Atom("waiting")}, Tuple{Atom("message_queue_len"), 0}}) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	mustCall(t, rt, "erlang", "exit", mb.Pid(), Atom("kill"))
	if v, err := mb.Receive(timeout(t)); err != nil || v != Atom("last words") {
		t.Errorf("Receive = %s, %v", Format(v), err)
	}
	if _, err := mb.Receive(timeout(t)); !errors.Is(err, ErrClosed) {
		t.Errorf("Receive from a killed mailbox: %v", err)
	}
}

func TestStdout(t *testing.T) {
	var out syncBuffer
	rt := newTestRuntime(t, WithStdout(&out))
	mustCall(t, rt, "io", "format", "hello ~s ~p~n", List{"world", Tuple{1, Atom("a")}})
	if got := out.String(); got != "hello world {1,a}\n" {
		t.Errorf("stdout = %q", got)
	}
}

func TestHalt(t *testing.T) {
	rt := newTestRuntime(t)
	_, err := rt.Call(timeout(t), "erlang", "halt", 3)
	if !errors.Is(err, ErrHalted) {
		t.Fatalf("halt: %v", err)
	}
	if code, ok := rt.Halted(); !ok || code != 3 {
		t.Errorf("Halted() = %d, %v", code, ok)
	}
	if _, err := rt.Call(timeout(t), "erlang", "self"); !errors.Is(err, ErrHalted) {
		t.Errorf("call after halt: %v", err)
	}
}

func TestLoad(t *testing.T) {
	rt, err := New(WithSchedulers(1))
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Shutdown(context.Background())
	names, err := rt.LoadDir("testdata")
	if err != nil || len(names) != 1 || names[0] != "embedtest" {
		t.Errorf("LoadDir = %v, %v", names, err)
	}
	data, _ := os.ReadFile("testdata/embedtest.beam")
	fsys := fstest.MapFS{"a.beam": {Data: data}, "b.beam": {Data: []byte("not a beam")}, "c.txt": {Data: []byte("x")}}
	names, err = rt.LoadFS(fsys)
	if err == nil || !strings.Contains(err.Error(), "b.beam") || len(names) != 1 {
		t.Errorf("LoadFS = %v, %v", names, err)
	}
	if _, err := rt.Load([]byte("junk")); err == nil {
		t.Error("Load(junk) succeeded")
	}
	// The code path loads on first call.
	rt2, err := New(WithSchedulers(1), WithCodePath("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	defer rt2.Shutdown(context.Background())
	if v := mustCall(t, rt2, "embedtest", "add", 2, 3); v != int64(5) {
		t.Errorf("add via the code path = %s", Format(v))
	}
}

func TestOptions(t *testing.T) {
	for _, o := range []Option{WithSchedulers(-1), WithIOBackend("carrier pigeon"), WithStdlib(7), WithMaxBlocking(0), WithMemoryLimit(1 << 20)} {
		if rt, err := New(o); err == nil {
			rt.Shutdown(context.Background())
			t.Errorf("New accepted a bad option")
		}
	}
}

// Shutdown leaves no goroutine and no open file descriptor behind, with
// files open in Erlang, Go functions running, mailboxes open and processes
// waiting.
func TestShutdownReleasesEverything(t *testing.T) {
	for _, backend := range []string{"threads", ""} {
		t.Run("io="+backend, func(t *testing.T) {
			exercise(t, backend) // once for the process-wide lazy set-up (the Go netpoller...)
			g0, fd0 := runtime.NumGoroutine(), countFDs(t)
			exercise(t, backend)
			deadline := time.Now().Add(10 * time.Second)
			for {
				g, fd := runtime.NumGoroutine(), countFDs(t)
				if g <= g0 && fd <= fd0 {
					break
				}
				if time.Now().After(deadline) {
					var buf bytes.Buffer
					pprof.Lookup("goroutine").WriteTo(&buf, 1)
					t.Fatalf("after Shutdown: %d goroutines (before %d), %d fds (before %d)\n%s", g, g0, fd, fd0, buf.String())
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}

// exercise runs a runtime that holds resources of every kind, then shuts
// it down.
func exercise(t *testing.T, backend string) {
	fd0 := countFDs(t)
	var out syncBuffer
	rt, err := New(WithIOBackend(backend), WithSchedulers(2), WithStdout(&out), WithStderr(&out))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.LoadDir("testdata"); err != nil {
		t.Fatal(err)
	}
	ctx := timeout(t)
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.NewMailbox(); err != nil { // left open
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "held")
	if err := os.WriteFile(path, []byte("data"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := rt.Spawn("embedtest", "hold_file", path, mb.Pid()); err != nil {
			t.Fatal(err)
		}
		v, err := mb.Receive(ctx)
		if tp, ok := v.(Tuple); err != nil || !ok || tp[0] != Atom("opened") {
			t.Fatalf("hold_file: %s, %v", Format(v), err)
		}
	}
	if fd := countFDs(t); fd < fd0+3 {
		t.Errorf("%d fds with 3 files open, %d before", fd, fd0)
	}
	started := make(chan struct{}, 2)
	rt.Register("gofns", "wait_ctx", 0, func(ctx context.Context, _ []Value) (Value, error) {
		started <- struct{}{}
		<-ctx.Done()
		return nil, ctx.Err()
	})
	for i := 0; i < 2; i++ {
		if _, err := rt.Spawn("gofns", "wait_ctx"); err != nil {
			t.Fatal(err)
		}
		<-started
	}
	if _, err := rt.Spawn("embedtest", "sleeper"); err != nil {
		t.Fatal(err)
	}
	mustCall(t, rt, "io", "format", "~p~n", List{Atom("output")})
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rt.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}
}

// countFDs returns the number of open file descriptors of the process.
func countFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("cannot count file descriptors: %v", err)
	}
	return len(ents)
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// With StdlibOTP the OTP installation's own modules run (skipped when
// there is none).
func TestStdlibOTP(t *testing.T) {
	rt, err := New(WithStdlib(StdlibOTP), WithSchedulers(1))
	if err != nil {
		t.Skipf("no OTP installation: %v", err)
	}
	defer rt.Shutdown(context.Background())
	if v := mustCall(t, rt, "string", "uppercase", "abc"); !Equal(v, "ABC") {
		t.Errorf("string:uppercase = %s", Format(v))
	}
}

// Shutdown gives up waiting for a Go function that ignores its context
// when ctx ends, and stops the runtime all the same.
func TestShutdownDeadline(t *testing.T) {
	rt, err := New(WithSchedulers(1))
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	started := make(chan struct{})
	rt.Register("gofns", "stubborn", 0, func(context.Context, []Value) (Value, error) {
		close(started)
		<-release
		return Atom("late"), nil
	})
	if _, err := rt.Spawn("gofns", "stubborn"); err != nil {
		t.Fatal(err)
	}
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := rt.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v, want DeadlineExceeded", err)
	}
	if _, err := rt.Call(context.Background(), "erlang", "self"); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Shutdown: %v", err)
	}
	close(release) // the function returns into a closed runtime: nothing happens
	if err := rt.Shutdown(context.Background()); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second Shutdown = %v", err)
	}
}

// A Go function that ends its goroutine with runtime.Goexit fails its
// call; the others go on.
func TestGoexit(t *testing.T) {
	rt := newTestRuntime(t, WithMaxBlocking(1))
	rt.Register("gofns", "goexit", 1, func(context.Context, []Value) (Value, error) {
		runtime.Goexit()
		return nil, nil
	})
	rt.Register("gofns", "double", 1, func(_ context.Context, args []Value) (Value, error) {
		n, _ := ToInt(args[0])
		return 2 * n, nil
	})
	for i := 0; i < 3; i++ {
		v := mustCall(t, rt, "embedtest", "call_go_catch", Atom("goexit"))
		want := Tuple{Atom("caught"), Atom("error"), Tuple{Atom("go_error"), "the Go function called runtime.Goexit"},
			Tuple{Atom("gofns"), Atom("goexit"), List{Atom("arg")}, List{}}}
		if !Equal(v, want) {
			t.Errorf("goexit: %s", Format(v))
		}
		if v := mustCall(t, rt, "embedtest", "double_via_go", 4); v != int64(8) {
			t.Errorf("double after goexit: %s", Format(v))
		}
	}
}

package beamr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// After Shutdown every method returns ErrClosed; none panics.
func TestClosedRuntime(t *testing.T) {
	rt, err := New(WithSchedulers(1))
	if err != nil {
		t.Fatal(err)
	}
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/embedtest.beam")
	if err != nil {
		t.Fatal(err)
	}
	ctx := timeout(t)
	fn := func(context.Context, []Value) (Value, error) { return nil, nil }
	checks := map[string]func() error{
		"Load":       func() error { _, err := rt.Load(data); return err },
		"LoadDir":    func() error { _, err := rt.LoadDir("testdata"); return err },
		"LoadFS":     func() error { _, err := rt.LoadFS(fstest.MapFS{"a.beam": {Data: data}}); return err },
		"Call":       func() error { _, err := rt.Call(ctx, "erlang", "self"); return err },
		"Spawn":      func() error { _, err := rt.Spawn("erlang", "self"); return err },
		"Send":       func() error { return rt.Send(mb.Pid(), 1) },
		"NewMailbox": func() error { _, err := rt.NewMailbox(); return err },
		"Register":   func() error { return rt.Register("gofns", "f", 0, fn) },
		"Receive":    func() error { _, err := mb.Receive(ctx); return err },
	}
	for name, f := range checks {
		if err := f(); err != ErrClosed {
			t.Errorf("%s after Shutdown: %v, want ErrClosed itself", name, err)
		}
	}
	if err := mb.Close(); err != nil {
		t.Errorf("Close after Shutdown: %v", err)
	}
	if _, ok := rt.Halted(); ok {
		t.Error("Halted after Shutdown")
	}
	if err := rt.Shutdown(nil); err != nil {
		t.Errorf("second Shutdown: %v", err)
	}
}

// Bad arguments give errors, never panics.
func TestBadArguments(t *testing.T) {
	rt := newTestRuntime(t)
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	defer mb.Close()
	if _, err := rt.Call(nil, "erlang", "self"); err == nil {
		t.Error("Call with a nil Context succeeded")
	}
	if _, err := mb.Receive(nil); err == nil {
		t.Error("Receive with a nil Context succeeded")
	}
	for _, dir := range []string{"", "testdata/no such directory", "testdata/embedtest.erl"} {
		if _, err := rt.LoadDir(dir); err == nil {
			t.Errorf("LoadDir(%q) succeeded", dir)
		}
	}
	if _, err := rt.LoadFS(nil); err == nil {
		t.Error("LoadFS(nil) succeeded")
	}
	fn := func(context.Context, []Value) (Value, error) { return nil, nil }
	if err := rt.Register("gofns", "f", 0, nil); err == nil {
		t.Error("Register of a nil function succeeded")
	}
	for _, arity := range []int{-1, 256} {
		if err := rt.Register("gofns", "f", arity, fn); err == nil {
			t.Errorf("Register with arity %d succeeded", arity)
		}
	}
	if err := rt.Register(strings.Repeat("m", 256), "f", 0, fn); err == nil {
		t.Error("Register with a module name of 256 characters succeeded")
	}
	if _, err := rt.Spawn("embedtest", "echo", nil); err == nil || !strings.Contains(err.Error(), "embedtest:echo: argument 1") {
		t.Errorf("Spawn with a nil argument: %v", err)
	}
	if err := rt.Send(Pid{}, 1); err == nil {
		t.Error("Send to the zero Pid succeeded")
	}
	if err := rt.Send("name", 1); err == nil {
		t.Error("Send to a string succeeded")
	}
	// A dead process's messages are dropped, as in Erlang.
	dead := mustCall(t, rt, "erlang", "self")
	if err := rt.Send(dead, 1); err != nil {
		t.Errorf("Send to a dead process: %v", err)
	}
	if v := mustCall(t, rt, "erlang", "is_process_alive", dead); v != Atom("false") {
		t.Errorf("is_process_alive = %s", Format(v))
	}
}

// Cancelling a Call whose process waits for a Go function cancels the
// function's context: its goroutine ends, as does the process. A call
// still queued behind a busy worker never runs.
func TestCallCancelReachesGoFunction(t *testing.T) {
	rt := newTestRuntime(t, WithMaxBlocking(1))
	started := make(chan Pid, 2)
	ended := make(chan error, 2)
	rt.Register("gofns", "wait", 0, func(ctx context.Context, _ []Value) (Value, error) {
		p, _ := CallerPid(ctx)
		started <- p
		<-ctx.Done()
		ended <- ctx.Err()
		return nil, ctx.Err()
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := rt.Call(ctx, "embedtest", "go_wait")
		errc <- err
	}()
	caller := <-started
	// A second call waits for the only worker.
	ctx2, cancel2 := context.WithCancel(context.Background())
	errc2 := make(chan error, 1)
	go func() {
		_, err := rt.Call(ctx2, "embedtest", "go_wait")
		errc2 <- err
	}()
	waitFor(t, "the second call to queue", func() bool { return rt.pool.queued() == 1 })
	cancel2()
	if err := <-errc2; !errors.Is(err, context.Canceled) {
		t.Errorf("second Call: %v", err)
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("Call: %v", err)
	}
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the Go function's ctx ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the Go function's ctx was not cancelled")
	}
	if v := mustCall(t, rt, "erlang", "is_process_alive", caller); v != Atom("false") {
		t.Errorf("the calling process is alive: %s", Format(v))
	}
	waitFor(t, "the worker goroutine to end", func() bool { return !goroutineIn("beamr.(*pool).work") })
	select {
	case p := <-started:
		t.Errorf("the queued call of %s ran after its caller was gone", p)
	default:
	}
	// The worker is free again.
	rt.Register("gofns", "double", 1, func(_ context.Context, args []Value) (Value, error) {
		n, _ := ToInt(args[0])
		return 2 * n, nil
	})
	if v := mustCall(t, rt, "embedtest", "double_via_go", 4); v != int64(8) {
		t.Errorf("double_via_go(4) = %s", Format(v))
	}
}

// Cancelling Receive loses no message and leaves no goroutine.
func TestReceiveCancel(t *testing.T) {
	rt := newTestRuntime(t)
	mb, err := rt.NewMailbox()
	if err != nil {
		t.Fatal(err)
	}
	defer mb.Close()
	g0 := runtime.NumGoroutine()
	for i := 0; i < 20; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		if _, err := mb.Receive(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Receive from an empty mailbox: %v", err)
		}
		cancel()
	}
	// (The VM may run a short-lived goroutine of its own meanwhile.)
	waitFor(t, "no more goroutines than before the Receives", func() bool { return runtime.NumGoroutine() <= g0 })
	if err := rt.Send(mb.Pid(), Atom("kept")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// With an ended ctx, Receive may or may not take the message; if it
	// does not, the next Receive does.
	v, err := mb.Receive(ctx)
	if err != nil {
		v, err = mb.Receive(timeout(t))
	}
	if v != Atom("kept") || err != nil {
		t.Errorf("Receive = %s, %v", Format(v), err)
	}
}

// A Go function registered under a loaded module's name takes the place of
// that function for remote calls only, as Register says.
func TestRegisterOverErlang(t *testing.T) {
	rt := newTestRuntime(t)
	rt.Register("embedtest", "add", 2, func(context.Context, []Value) (Value, error) {
		return Atom("from_go"), nil
	})
	if v := mustCall(t, rt, "embedtest", "add", 1, 2); v != Atom("from_go") {
		t.Errorf("embedtest:add(1, 2) = %s", Format(v))
	}
	if v := mustCall(t, rt, "embedtest", "local_add", 1, 2); v != int64(3) {
		t.Errorf("embedtest:local_add(1, 2) = %s", Format(v))
	}
}

// goroutineIn reports whether a goroutine runs the function named fn.
func goroutineIn(fn string) bool {
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	return strings.Contains(buf.String(), fn)
}

// badError is an error whose Error method panics on a nil pointer.
type badError struct{ text *string }

func (e *badError) Error() string { return *e.text }

// An error that panics when read, the classic nil pointer returned as an
// error included, raises go_panic in the caller; the program goes on.
func TestGoErrorThatPanics(t *testing.T) {
	rt := newTestRuntime(t)
	rt.Register("gofns", "nil_custom", 1, func(context.Context, []Value) (Value, error) {
		var e *badError
		return nil, e
	})
	rt.Register("gofns", "nil_error", 1, func(context.Context, []Value) (Value, error) {
		var e *Error
		return nil, e
	})
	rt.Register("gofns", "wrapped_nil", 1, func(context.Context, []Value) (Value, error) {
		return nil, fmt.Errorf("wrapped: %w", &badError{})
	})
	const nilDeref = "runtime error: invalid memory address or nil pointer dereference"
	for _, c := range []struct {
		f      string
		reason Tuple
	}{
		{"nil_custom", Tuple{Atom("go_panic"), nilDeref}},
		{"nil_error", Tuple{Atom("go_panic"), nilDeref}},
		// fmt.Errorf reads the wrapped error itself, and says it panicked.
		{"wrapped_nil", Tuple{Atom("go_error"), "wrapped: %!v(PANIC=Error method: " + nilDeref + ")"}},
	} {
		v := mustCall(t, rt, "embedtest", "call_go_catch", Atom(c.f))
		want := Tuple{Atom("caught"), Atom("error"), c.reason, Tuple{Atom("gofns"), Atom(c.f), List{Atom("arg")}, List{}}}
		if !Equal(v, want) {
			t.Errorf("%s: %s, want %s", c.f, Format(v), Format(want))
		}
	}
	mustCall(t, rt, "embedtest", "add", 1, 2)
}

// waitFor polls cond until it holds, failing the test after a while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			var buf bytes.Buffer
			pprof.Lookup("goroutine").WriteTo(&buf, 1)
			t.Fatalf("timed out waiting for %s\n%s", what, buf.String())
		}
		time.Sleep(time.Millisecond)
	}
}

package beamr

import (
	"context"
	"os"
	"testing"
)

func benchRuntime(b *testing.B) *Runtime {
	rt, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { rt.Shutdown(context.Background()) })
	data, err := os.ReadFile("testdata/embedtest.beam")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := rt.Load(data); err != nil {
		b.Fatal(err)
	}
	return rt
}

// BenchmarkCall is a Go-to-Erlang round trip: a process per call.
func BenchmarkCall(b *testing.B) {
	rt := benchRuntime(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := rt.Call(ctx, "embedtest", "add", 1, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoFunction is a call of a Go function from Erlang (inside a
// Call).
func BenchmarkGoFunction(b *testing.B) {
	rt := benchRuntime(b)
	rt.Register("gofns", "double", 1, func(_ context.Context, args []Value) (Value, error) {
		n, _ := ToInt(args[0])
		return 2 * n, nil
	})
	ctx := context.Background()
	for b.Loop() {
		if _, err := rt.Call(ctx, "embedtest", "double_via_go", 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMailbox is a message from Go to Erlang and back.
func BenchmarkMailbox(b *testing.B) {
	rt := benchRuntime(b)
	mb, err := rt.NewMailbox()
	if err != nil {
		b.Fatal(err)
	}
	counter, err := rt.Spawn("embedtest", "counter", 0)
	if err != nil {
		b.Fatal(err)
	}
	get := Tuple{Atom("get"), mb.Pid()}
	ctx := context.Background()
	for b.Loop() {
		rt.Send(counter, get)
		if _, err := mb.Receive(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

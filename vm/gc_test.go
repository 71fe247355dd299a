package vm_test

import (
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

func gcRuntime(t *testing.T) *vm.Runtime {
	t.Helper()
	rt, err := vm.New(vm.Config{Stdout: io.Discard, ArenaWords: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	stdlib.Register(rt)
	return rt
}

// TestResultOutlivesProcess checks that a run's result stays readable after
// its process (and heap) is gone, and that the binaries the process held
// are released while those in the result are kept.
func TestResultOutlivesProcess(t *testing.T) {
	rt := gcRuntime(t)
	env := &rt.Env
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		t.Fatal(err)
	}
	arg := h.Binary(env.Bins, make([]byte, 500))
	res, err := rt.Apply(rt.Atom("lists"), rt.Atom("duplicate"), []term.Term{term.MakeSmall(3), arg})
	if err != nil || res.Class != 0 {
		t.Fatal(err, res)
	}
	h.Free() // the argument's own reference
	n := 0
	for l := res.Value; l.IsList(); l = env.Tl(l) {
		if b, ok := env.Bytes(env.Hd(l)); !ok || len(b) != 500 {
			t.Fatalf("element %d of the result is no 500-byte binary", n)
		}
		n++
	}
	if n != 3 {
		t.Fatalf("result of %d elements", n)
	}
	// The process's copies are released; the result holds one reference.
	if count, _ := env.Bins.Stats(); count != 1 {
		t.Fatalf("%d off-heap binaries alive", count)
	}
	hd := uint32(env.W[env.Hd(res.Value).Index()+2])
	if r := env.Bins.Refs(hd); r != 3 { // three copies in the result's list
		t.Fatalf("result binary has %d references", r)
	}
	res, err = rt.Apply(rt.Atom("lists"), rt.Atom("seq"), []term.Term{term.MakeSmall(1), term.MakeSmall(100000)})
	if err != nil || res.Class != 0 {
		t.Fatal(err, res)
	}
	i := int64(1)
	for l := res.Value; l.IsList(); l = env.Tl(l) {
		if env.Hd(l).Small() != i {
			t.Fatalf("element %d is %d", i, env.Hd(l).Small())
		}
		i++
	}
	if i != 100001 {
		t.Fatalf("seq of %d", i-1)
	}
}

// TestNrevMemoryBounded runs naive reverse in a loop while holding a list
// of 600000 integers (9.6 MB live): about 2 GB allocated in total by one
// process, or 20 GB with BEAMR_GC_LONG=1. The arena (every heap block ever
// handed out) must stay far below what was allocated.
func TestNrevMemoryBounded(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocates 2 GB")
	}
	data, err := os.ReadFile("testdata/gc/gc_nrev.beam")
	if err != nil {
		t.Fatal(err)
	}
	rt := gcRuntime(t)
	mod, err := rt.LoadBinary(data)
	if err != nil {
		t.Fatal(err)
	}
	iterations := int64(3000) // 0.73 MB each
	if os.Getenv("BEAMR_GC_LONG") != "" {
		iterations = 30000
	}
	const keep = 600000
	res, err := rt.Apply(mod, rt.Atom("run"), []term.Term{term.MakeSmall(iterations), term.MakeSmall(keep)})
	if err != nil || res.Class != 0 {
		t.Fatal(err, res)
	}
	env := &rt.Env
	if got := string(term.AppendW(nil, env, res.Value)); got != "{"+strconv.FormatInt(300*iterations, 10)+",600000,180000300000}" {
		t.Fatalf("result %s", got)
	}
	hw := rt.Arena.Used() * 8
	t.Logf("%.1f GiB allocated: arena high-water %d MB, peak RSS %d MB",
		float64(iterations)*90900*8/(1<<30), hw>>20, vmHWM()>>20)
	if hw > 100<<20 {
		t.Fatalf("arena high-water mark %d MB", hw>>20)
	}
}

// vmHWM returns the process's peak RSS in bytes, or 0.
func vmHWM() uint64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// TestBuildLoopsCollect runs loops whose only allocations are map updates,
// binary appends (instructions without a test_heap before them) or made
// by native functions (called, or guard BIFs on bignums), and checks that they collect: the arena's
// high-water mark stays small, as it did not when those instructions only
// ever grew the heap.
func TestBuildLoopsCollect(t *testing.T) {
	if heap.Verify {
		// The gcverify build keeps the heap's limit at its top after
		// each collection (to collect at every test_heap) and so does
		// not take a heap past its limit as a collection due.
		t.Skip("the gcverify build collects on its own schedule")
	}
	data, err := os.ReadFile("testdata/gc/buildloops.beam")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		fun  string
		n    int64
		want int64
	}{{"maps", 20000, 20000 * 30}, {"bins", 2000, 2000 * 3000}, {"seqs", 50000, 50000 * 100}, {"bigs", 400000, 1200003},
		{"recvs", 1000000, 1000000 * 1000001 / 2}} {
		rt := gcRuntime(t)
		mod, err := rt.LoadBinary(data)
		if err != nil {
			t.Fatal(err)
		}
		res, err := rt.Apply(mod, rt.Atom(c.fun), []term.Term{term.MakeSmall(c.n)})
		if err != nil || res.Class != 0 || res.Value != term.MakeSmall(c.want) {
			t.Fatalf("%s: %v %+v", c.fun, err, res)
		}
		if hw := rt.Arena.Used() * 8; hw > 8<<20 {
			t.Errorf("%s: arena high-water mark %d MB", c.fun, hw>>20)
		}
	}
}

package vm_test

import (
	"io"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// TestMillionProcesses spawns 1,000,000 processes that each receive one
// message and exit, and checks that nothing is left afterwards: no
// process, no heap memory, and (after Close) no goroutine.
func TestMillionProcesses(t *testing.T) {
	n := 1_000_000
	if raceEnabled || testing.Short() {
		n = 20_000
	}
	data, err := os.ReadFile("testdata/procs/million.beam")
	if err != nil {
		t.Fatal(err)
	}
	goroutines := runtime.NumGoroutine()
	rt, err := vm.New(vm.Config{Stdout: io.Discard, ArenaWords: 1 << 32})
	if err != nil {
		t.Fatal(err)
	}
	stdlib.Register(rt)
	mod, err := rt.LoadBinary(data)
	if err != nil {
		t.Fatal(err)
	}
	base := rt.Arena.InUse()
	res, err := rt.Apply(mod, rt.Atom("run"), []term.Term{term.MakeSmall(int64(n))})
	if err != nil || res.Class != 0 || res.Value != term.AtomOk {
		t.Fatalf("run: %v %+v", err, res)
	}
	// The spawned processes have all answered; the last may still be
	// finishing its exit on another scheduler.
	deadline := time.Now().Add(10 * time.Second)
	for rt.ProcessCount() != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if c := rt.ProcessCount(); c != 0 {
		t.Fatalf("%d processes left", c)
	}
	// Only what the runtime keeps for itself remains: the scratch heaps
	// made while the processes ran (at most one block each).
	if used := rt.Arena.InUse(); used > base+1<<16 {
		t.Fatalf("arena words in use: %d before, %d after", base, used)
	}
	rt.Close()
	for i := 0; i < 100 && runtime.NumGoroutine() > goroutines; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > goroutines {
		t.Fatalf("%d goroutines before, %d after Close", goroutines, g)
	}
}

// TestCollectionDoesNotStopOthers has one process collect a heap of about
// 200 MB live (a 12M-element list) while two others exchange 200
// messages: with two schedulers, the exchange finishes before the
// collection does.
func TestCollectionDoesNotStopOthers(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation-heavy")
	}
	rt, mod := procsRuntime(t, "gcpause", vm.Config{Stdout: io.Discard, ArenaWords: 1 << 32, Schedulers: 2})
	res, err := rt.Apply(mod, rt.Atom("run"), []term.Term{term.MakeSmall(12_000_000)})
	if err != nil || res.Class != 0 {
		t.Fatalf("run: %v %+v", err, res)
	}
	got := string(term.AppendW(nil, &rt.Env, res.Value))
	if got != "[pp_done,gc_done]" {
		t.Fatalf("order of completion %s, want the ping-pong first", got)
	}
}

// TestRefcThroughMessages sends a refc binary to processes that receive
// it and to processes killed before they do: once they are all gone, every
// reference taken by a message copy has been released exactly once (a
// second release would take a count below zero).
func TestRefcThroughMessages(t *testing.T) {
	rt, mod := procsRuntime(t, "refcmsg", vm.Config{Stdout: io.Discard, ArenaWords: 1 << 30})
	var mu sync.Mutex
	releases := map[uint32]int{}
	rt.Env.Bins.OnRelease = func(h uint32, freed bool) {
		mu.Lock()
		releases[h]++
		mu.Unlock()
		if rt.Env.Bins.Refs(h) < 0 {
			t.Errorf("binary %d released more often than retained", h)
		}
	}
	res, err := rt.Apply(mod, rt.Atom("run"), nil)
	if err != nil || res.Value != term.MakeSmall(50_000) {
		t.Fatalf("run: %v %+v", err, res)
	}
	deadline := time.Now().Add(10 * time.Second)
	for rt.ProcessCount() != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n, _ := rt.Env.Bins.Stats(); n != 0 {
		t.Fatalf("%d refc binaries still alive after every process ended", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(releases) == 0 {
		t.Fatal("no refc binary was released")
	}
	for h, n := range releases {
		// The original, 100 message copies: at least 101 releases.
		if n < 101 {
			t.Errorf("binary %d released %d times", h, n)
		}
	}
}

// TestHaltFromAnotherProcess: erlang:halt/1 in any process stops the
// runtime, and the first process's Apply reports it.
func TestHaltFromAnotherProcess(t *testing.T) {
	rt, mod := procsRuntime(t, "halter", vm.Config{Stdout: io.Discard, ArenaWords: 1 << 30})
	res, err := rt.Apply(mod, rt.Atom("run"), nil)
	if err != nil || !res.Halted || res.HaltCode != 3 {
		t.Fatalf("run: %v %+v", err, res)
	}
}

// procsRuntime makes a runtime with cfg (closed when the test ends) and
// loads testdata/procs/NAME.beam into it.
func procsRuntime(t *testing.T, name string, cfg vm.Config) (*vm.Runtime, term.Term) {
	t.Helper()
	data, err := os.ReadFile("testdata/procs/" + name + ".beam")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := vm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	stdlib.Register(rt)
	mod, err := rt.LoadBinary(data)
	if err != nil {
		t.Fatal(err)
	}
	return rt, mod
}

// TestMemoryWhileOthersRun asks erlang:memory/0 and process_info of other
// processes while they run (meant for go test -race: only what processes
// publish, or answer themselves, is read across them).
func TestMemoryWhileOthersRun(t *testing.T) {
	rt, mod := procsRuntime(t, "memrace", vm.Config{Stdout: io.Discard, ArenaWords: 1 << 30, Schedulers: 2})
	res, err := rt.Apply(mod, rt.Atom("run"), nil)
	if err != nil || res.Value != term.AtomTrue {
		t.Fatalf("run: %v %+v", err, res)
	}
}

package tests

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/vm"
)

// openFDs counts the descriptors this process has open.
func openFDs(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(ents)
}

// TestFileLeaks runs leak/file_leak.beam — 100,000 open/read/close cycles,
// 10,000 processes killed while holding a file or in the middle of a read,
// 10,000 explicit closes racing their owner's death, 1,000 file io servers
// whose owners die, 300 processes that end, are killed or drop their file
// while holding what was read ahead of them — on each ring backend, then
// checks that every
// descriptor the runtime opened was closed exactly once and that the
// process holds as many descriptors as before.
func TestFileLeaks(t *testing.T) {
	runLeakProgram(t, "file_leak",
		"cycles: 100000000\nkilled holders: 10000\nkilled readers: 10000\nclose races: true\nio servers: 1000\nstreamers: 300\ndone\n",
		130000)
}

// TestSocketLeaks runs leak/tcp_leak.beam — 3,000 connect/accept/send/
// recv/close cycles; 10,000 processes each killed while owning a socket,
// waiting in recv or receiving actively (a thousand at a time); 200
// killed while waiting in accept; 10,000 closes racing their owner's
// death; 500 peers closing under passive and active receivers — on each
// ring backend, with the same checks as TestFileLeaks.
func TestSocketLeaks(t *testing.T) {
	runLeakProgram(t, "tcp_leak",
		"cycles: 12000\nkilled owners: {4000,4000}\nkilled receivers: {3000,3000}\n"+
			"killed active owners: {3000,3000}\nkilled acceptors: 200\nclose races: 10000\n"+
			"peer closes: 500\ndone\n",
		47000)
}

// TestResourceReleases runs leak/res_release.beam — 1,000 raw files
// dropped while open and collected, 200 handles copied to ten processes
// each (which drop them, are killed holding them, or pass them on) before
// their owner closes them, and 200 owners that end while five processes
// hold copies of their handle — on each ring backend. The program checks
// that no descriptor on its file stays open after each round; this test
// checks, besides runLeakProgram's counts, that no fd resource was
// released more often than it was retained.
func TestResourceReleases(t *testing.T) {
	runLeakProgram(t, "res_release", "dropped: true\ncopied: true\nowner exits: true\ndone\n", 1400)
}

// runLeakProgram runs leak/NAME.beam on each backend and checks its output,
// that every descriptor the runtime opened (at least minOpened) was closed
// exactly once, and that the test process holds as many descriptors as
// before, and that no off-heap handle was released more often than it was
// retained.
func runLeakProgram(t *testing.T, name, want string, minOpened int64) {
	if testing.Short() {
		t.Skip("long")
	}
	for _, backend := range []string{"io_uring", "threads"} {
		t.Run(backend, func(t *testing.T) {
			before := openFDs(t)
			var out, errOut bytes.Buffer
			rt, err := vm.New(vm.Config{Stdout: &out, Stderr: &errOut, ArenaWords: 1 << 30, IO: backend})
			if err != nil {
				t.Fatal(err)
			}
			if b, err := rt.IOBackend(); err != nil || b != backend {
				rt.Close()
				t.Skipf("backend %s unavailable here (%v, got %q)", backend, err, b)
			}
			// A release below zero references is a second release of
			// something freed already (binary or resource).
			var over sync.Once
			rt.Env.Bins.OnRelease = func(h uint32, freed bool) {
				if rt.Env.Bins.Refs(h) < 0 {
					over.Do(func() { t.Errorf("handle %d released more often than retained", h) })
				}
			}
			ctr := rt.FDCounters()
			var mu sync.Mutex
			closes := 0
			ctr.OnClose = func(int) { mu.Lock(); closes++; mu.Unlock() }
			stdlib.Register(rt)
			data, err := os.ReadFile(filepath.Join("leak", name+".beam"))
			if err != nil {
				t.Fatal(err)
			}
			mod, err := rt.LoadBinary(data)
			if err != nil {
				t.Fatal(err)
			}
			res, err := rt.Apply(mod, rt.Atom("main"), nil)
			if err != nil || res.Class != 0 {
				t.Fatalf("%s:main(): %v %v\n%s", name, err, res, errOut.String())
			}
			rt.Close()
			if live, bytes := rt.Env.Bins.Stats(); live != 0 {
				t.Errorf("%d off-heap binaries or resources (%d bytes) still live after Close", live, bytes)
			}
			if got := out.String(); got != want {
				t.Errorf("output:\n%s\nwant:\n%s", got, want)
			}
			if strings.Contains(errOut.String(), "rror") {
				t.Errorf("stderr: %s", errOut.String())
			}
			mu.Lock()
			n := closes
			mu.Unlock()
			opened, closed := ctr.Opened.Load(), ctr.Closed.Load()
			if opened != closed || int64(n) != closed {
				t.Errorf("opened %d descriptors, closed %d (close hook saw %d)", opened, closed, n)
			}
			if opened < minOpened {
				t.Errorf("only %d descriptors opened", opened)
			}
			if after := openFDs(t); after != before {
				t.Errorf("%d descriptors open before, %d after", before, after)
			}
		})
	}
}

package vm_test

import (
	"io"
	"os"
	"testing"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// TestLoadWhileRunning loads a module again and again, and registers Go
// natives, while processes call the module's exports and funs and the
// native (meant for go test -race: the export and fun tables are read
// while they change).
func TestLoadWhileRunning(t *testing.T) {
	rt, mod := procsRuntime(t, "hotload", vm.Config{Stdout: io.Discard, ArenaWords: 1 << 30, Schedulers: 2})
	data, err := os.ReadFile("testdata/procs/hotload.beam")
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		res *vm.Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := rt.Apply(mod, rt.Atom("run"), []term.Term{term.MakeSmall(20000)})
		done <- result{res, err}
	}()
	native := func(p *vm.Process, _ []term.Term) term.Term { return term.MakeSmall(3) }
	for i := 0; ; i++ {
		select {
		case r := <-done:
			if r.err != nil || r.res.Class != 0 || r.res.Value != term.AtomOk {
				t.Fatalf("run: %v %+v", r.err, r.res)
			}
			if i < 2 {
				t.Logf("the processes finished after %d loads", i)
			}
			return
		default:
		}
		if _, err := rt.LoadBinary(data); err != nil {
			t.Fatal(err)
		}
		rt.Register("beamr_hot", "g", 0, native)
	}
}

package stdlib

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/beamr/beamr/term"
)

// TestReadAheadReleasedOnClose streams files so that their readers hold
// data read ahead, closes them in every way a file closes, and checks that
// the chunks handed out stay whole and that no file is left in the
// runtime's table of open files.
func TestReadAheadReleasedOnClose(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	data, err := os.ReadFile("testdata/file/readahead_close.beam")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := rt.LoadBinary(data)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "data")
	res, err := rt.Apply(mod, rt.Atom("main"), []term.Term{h.Binary(rt.Env.Bins, []byte(name))})
	if err != nil || res.Class != 0 {
		t.Fatalf("main: %v %v", err, res)
	}
	if res.Value != term.MakeSmall(4) {
		t.Errorf("chunks whole: %s, want 4", term.AppendW(nil, &rt.Env, res.Value))
	}
	tab := inodes(rt)
	tab.mu.Lock()
	n := len(tab.m)
	tab.mu.Unlock()
	if n != 0 || tab.n.Load() != 0 {
		t.Errorf("%d files left in the table of open files", n)
	}
}

// TestRaSize checks that a read ahead is a whole number of chunks.
func TestRaSize(t *testing.T) {
	for _, n := range []int{1, 1000, 4096, 65536, 65537, raBytes / 2} {
		s := raSize(n)
		if s%n != 0 || s > raBytes || s < raBytes/2 {
			t.Errorf("raSize(%d) = %d", n, s)
		}
	}
}

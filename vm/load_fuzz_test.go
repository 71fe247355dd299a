package vm

import (
	"os"
	"testing"

	"github.com/beamr/beamr/vm/beamfile"
)

// FuzzLoad feeds arbitrary bytes through the whole loader (parse and
// transform, without running on_load): it must return an error or a module,
// never panic.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"testdata/hello.beam", "testdata/smoke.beam"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	rt, err := New(Config{ArenaWords: 1 << 28})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		bf, err := beamfile.Parse(data)
		if err != nil {
			return
		}
		rt.prepare(bf)
	})
}

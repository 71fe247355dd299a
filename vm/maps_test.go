package vm_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// TestMapOps runs testdata/maps/mapops.beam (compiled by OTP 25) and
// checks that term_to_binary of what main/0 returns is byte for byte what
// OTP 25's erl computed (mapops.etf, see gen.sh there): the same maps with
// their pairs in the same storage order, for every map instruction and
// maps native on its fast path and across the 32-key layout change.
func TestMapOps(t *testing.T) {
	dir := filepath.Join("testdata", "maps")
	code, err := os.ReadFile(filepath.Join(dir, "mapops.beam"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "mapops.etf"))
	if err != nil {
		t.Fatal(err)
	}
	rt, err := vm.New(vm.Config{Stdout: io.Discard, ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	stdlib.Register(rt)
	mod, err := rt.LoadBinary(code)
	if err != nil {
		t.Fatal(err)
	}
	res, err := rt.Apply(mod, rt.Atom("main"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Class != 0 {
		t.Fatalf("main/0 crashed: %s", rt.FormatCrash(res))
	}
	env := &rt.Env
	got, err := term.EncodeExternal(env, res.Value, term.DefaultEncodeOpts())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(got, want) {
		return
	}
	// Name the first result that differs.
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		t.Fatal(err)
	}
	wt, _, err := term.DecodeExternal(env, h, rt, want, term.DecodeOpts{})
	if err != nil {
		t.Fatal(err)
	}
	g, w := res.Value, wt
	for i := 0; g.IsList() && w.IsList(); i++ {
		gb, _ := term.EncodeExternal(env, env.Hd(g), term.DefaultEncodeOpts())
		wb, _ := term.EncodeExternal(env, env.Hd(w), term.DefaultEncodeOpts())
		if !bytes.Equal(gb, wb) {
			t.Fatalf("result %d:\n got  %s\n want %s", i,
				clipText(term.AppendW(nil, env, env.Hd(g))), clipText(term.AppendW(nil, env, env.Hd(w))))
		}
		g, w = env.Tl(g), env.Tl(w)
	}
	if g.IsList() || w.IsList() {
		t.Fatalf("results differ in length")
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	t.Fatalf("encodings differ at byte %d of %d/%d: got % x, want % x", i, len(got), len(want), got[i:min(i+16, len(got))], want[i:min(i+16, len(want))])
}

func clipText(b []byte) string {
	if len(b) > 800 {
		return string(b[:800]) + "..."
	}
	return string(b)
}

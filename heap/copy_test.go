package heap

import (
	"math/big"
	"testing"

	"github.com/beamr/beamr/term"
)

func newEnv(t *testing.T) (*Arena, *term.Env) {
	t.Helper()
	a, err := NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a, &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
}

// TestCopyTerm copies a term of many kinds from one heap to another: the
// copy is equal, lies entirely in the destination, takes CopyWords words,
// and its refc binaries hold their own references.
func TestCopyTerm(t *testing.T) {
	a, env := newEnv(t)
	src, _ := New(a, 0)
	dst, _ := New(a, 0)
	refc := src.Binary(env.Bins, make([]byte, 300))
	shared := src.Tuple(env.Atom("shared"), src.Float(2.5))
	big1 := new(big.Int).Lsh(big.NewInt(3), 200)
	orig := src.List(
		src.String("text"), shared, shared, src.Big(big1), refc,
		src.SubBinary(refc, 16, 100), src.Binary(env.Bins, []byte("small")),
		src.Tuple(), term.MakeSmall(-3), env.Atom("a"), term.MakePid(9),
	)
	hd := uint32(env.W[refc.Index()+2])
	n := CopyWords(env.W, orig)
	// 11 cells, "text", shared twice (tuple and float), the bignum, the
	// refc binary, the sub-binary and its own copy of the refc binary, the
	// heap binary, the empty tuple.
	if want := uint64(2*11 + 2*4 + 2*(3+2) + 5 + 4 + 4 + 4 + 3 + 1); n != want {
		t.Fatalf("CopyWords = %d, want %d", n, want)
	}
	before := dst.Top
	cp := dst.CopyTerm(env, orig)
	if dst.Top-before != n {
		t.Fatalf("copy took %d words, CopyWords said %d", dst.Top-before, n)
	}
	if !term.ExactEqual(env, cp, orig) {
		t.Fatalf("copy %s differs from %s", term.AppendW(nil, env, cp), term.AppendW(nil, env, orig))
	}
	// Every pointer of the copy lands in the copy.
	var walk func(t term.Term)
	walk = func(t term.Term) {
		if !isPointer(t) {
			return
		}
		if i := t.Index(); i < before || i >= dst.Top {
			panic("pointer out of the copy")
		}
		if t.IsList() {
			walk(env.Hd(t))
			walk(env.Tl(t))
			return
		}
		first, k, _ := TermWords(env.Header(t))
		for j := first; j < first+k; j++ {
			walk(term.Term(env.Word(t, j)))
		}
	}
	walk(cp)
	if r := env.Bins.Refs(hd); r != 3 { // the source's, and two in the copy
		t.Fatalf("refc binary has %d references", r)
	}
	src.Free()
	if r := env.Bins.Refs(hd); r != 2 {
		t.Fatalf("after freeing the source: %d references", r)
	}
	dst.Free()
	dst.Free() // a second Free does nothing
	if n, b := env.Bins.Stats(); n != 0 || b != 0 {
		t.Fatalf("%d binaries (%d bytes) left", n, b)
	}
	if got := dst.CopyTerm(env, term.MakeSmall(5)); got != term.MakeSmall(5) {
		t.Fatal("an immediate is its own copy")
	}
}

// TestAllocPastEnd checks that allocation may run past End into the rest of
// the block and then into a new block, and that Need without a collector
// makes room.
func TestAllocPastEnd(t *testing.T) {
	a, _ := newEnv(t)
	// 376 words (the schedule's size for 300) in a 512-word block.
	h, _ := New(a, 300)
	size := h.HeapSize
	if size != 376 || h.End-h.Top != size {
		t.Fatalf("new heap: size %d, %d words before End", h.HeapSize, h.End-h.Top)
	}
	start := h.Top
	h.Alloc(int(size) + 10) // past End, within the block
	if len(h.Young()) != 1 || h.Top != start+size+10 {
		t.Fatalf("allocation past End left the block: %d blocks", len(h.Young()))
	}
	h.Alloc(200) // past the block
	if len(h.Young()) != 2 || h.YoungUsed() != size+210 {
		t.Fatalf("%d blocks, %d used", len(h.Young()), h.YoungUsed())
	}
	h.Need(5000, 0)
	if h.Top+5000 > h.BlockEnd() {
		t.Fatal("Need left no room")
	}
	sp := h.YoungSpans()
	if len(sp) != 3 || sp[0][1]-sp[0][0] != size+10 || sp[1][1]-sp[1][0] != 200 {
		t.Fatalf("young spans %v", sp)
	}
	h.Free()
}

// TestSchedule checks the start of OTP's heap size sequence.
func TestSchedule(t *testing.T) {
	want := []uint64{12, 38, 51, 90, 142, 233, 376, 610, 987, 1598, 2586, 4185}
	for i, w := range want {
		if got := heapSizes[i]; got != w {
			t.Fatalf("size %d = %d, want %d", i, got, w)
		}
	}
	if heapSizes[22] != 833026 || heapSizes[23] != 999631 {
		t.Fatalf("sizes 22, 23 = %d, %d", heapSizes[22], heapSizes[23])
	}
	if NextHeapSize(234, 0) != 376 || NextHeapSize(233, 2) != 610 {
		t.Fatal("NextHeapSize")
	}
}

package heap

import (
	"math/big"
	"sync"
	"testing"

	"github.com/beamr/beamr/term"
)

func TestArenaBlocks(t *testing.T) {
	a, err := NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if s, _ := a.AllocBlock(3); s.Size != 8 || s.Start == 0 {
		t.Fatalf("small block %+v", s)
	}
	b1, err := a.AllocBlock(200)
	if err != nil || b1.Size != 256 || b1.Start == 0 {
		t.Fatalf("block %+v, %v", b1, err)
	}
	b2, _ := a.AllocBlock(1000)
	if b2.Size != 1024 || b2.Start < b1.Start+b1.Size {
		t.Fatalf("second block %+v overlaps %+v", b2, b1)
	}
	a.FreeBlock(b1)
	if b3, _ := a.AllocBlock(200); b3.Start != b1.Start {
		t.Fatalf("freed block not reused: %+v", b3)
	}
	if _, err := a.AllocBlock(1 << 40); err == nil {
		t.Fatal("a block larger than the arena was granted")
	}
}

// TestArenaConcurrent hands out blocks from several goroutines; no two may
// overlap (run with -race).
func TestArenaConcurrent(t *testing.T) {
	a, err := NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var mu sync.Mutex
	seen := map[uint64]bool{}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				b, err := a.AllocBlock(300)
				if err != nil {
					t.Error(err)
					return
				}
				a.W[b.Start] = uint64(b.Start) // touch the memory
				mu.Lock()
				if seen[b.Start] {
					t.Errorf("block at %d handed out twice", b.Start)
				}
				seen[b.Start] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

func TestHeapGrowsAndBuilds(t *testing.T) {
	a, err := NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	h, err := New(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	env := &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
	l := term.Nil
	for i := 0; i < 10000; i++ { // far more than the first block holds
		l = h.Cons(term.MakeSmall(int64(i)), l)
	}
	n := 0
	for ; l.IsList(); l = env.Tl(l) {
		if got := env.Hd(l).Small(); got != int64(9999-n) {
			t.Fatalf("element %d = %d", n, got)
		}
		n++
	}
	if n != 10000 || len(h.Young()) < 2 {
		t.Fatalf("%d elements in %d blocks", n, len(h.Young()))
	}
	big1 := new(big.Int).Lsh(big.NewInt(1), 100)
	if b := h.Big(big1); env.BigInt(b).Cmp(big1) != 0 {
		t.Fatal("bignum round trip")
	}
	if s := h.Big(big.NewInt(-5)); !s.IsSmall() || s.Small() != -5 {
		t.Fatal("small bignum not normalised")
	}
	data := make([]byte, 100)
	data[99] = 7
	bin := h.Binary(env.Bins, data)
	if got, ok := env.Bytes(bin); !ok || len(got) != 100 || got[99] != 7 || env.Header(bin).HeaderSub() != term.SubRefcBin {
		t.Fatal("off-heap binary")
	}
	small := h.Binary(env.Bins, []byte("abc"))
	if got, _ := env.Bytes(small); string(got) != "abc" || env.Header(small).HeaderSub() != term.SubHeapBin {
		t.Fatal("heap binary")
	}
	h.Free()
}

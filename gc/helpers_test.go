package gc

import (
	"fmt"
	"math/big"
	"math/rand"
	"strings"
	"sync"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// testEnv is an arena, an environment and a heap with a counting release
// hook on its binary table.
type testEnv struct {
	t     *testing.T
	a     *heap.Arena
	env   *term.Env
	h     *heap.Heap
	mu    sync.Mutex
	freed map[uint32]int // handle -> releases that freed it
	rels  int            // releases
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	a, err := heap.NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	te := &testEnv{t: t, a: a, freed: map[uint32]int{}}
	te.env = &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
	te.env.Bins.OnRelease = func(h uint32, freed bool) {
		te.mu.Lock()
		te.rels++
		if freed {
			te.freed[h]++
		}
		te.mu.Unlock()
	}
	te.h = te.newHeap()
	return te
}

func (te *testEnv) newHeap() *heap.Heap {
	h, err := heap.New(te.a, 0)
	if err != nil {
		te.t.Fatal(err)
	}
	h.Bins = te.env.Bins
	return h
}

// collect runs a collection of h with the given roots and checks the
// result.
func (te *testEnv) collect(h *heap.Heap, roots []term.Term, need int, full bool) Stats {
	te.t.Helper()
	r := &Roots{Slices: [][]term.Term{roots}}
	st := Collect(h, te.env, r, need, Options{Full: full})
	if err := Check(h, te.env, r); err != nil {
		te.t.Fatalf("heap broken after collection: %v", err)
	}
	if h.Top+uint64(need) > h.End {
		te.t.Fatalf("collection left %d free words, %d needed", int64(h.End)-int64(h.Top), need)
	}
	return st
}

// Builders for every object kind, written as the VM writes them.

func tuple(h *heap.Heap, es ...term.Term) term.Term { return h.Tuple(es...) }

func ref(h *heap.Heap, n uint64) term.Term {
	p := h.Alloc(4)
	h.W[p] = uint64(term.MakeHeader(term.SubRef, 3))
	h.W[p+1], h.W[p+2], h.W[p+3] = n, n>>3|0xA, 0x2A // raw words that look like pointers
	return term.MakeBoxed(p)
}

func closure(h *heap.Heap, mod term.Term, free ...term.Term) term.Term {
	n := len(free)
	p := h.Alloc(term.FunHeaderWords + n)
	h.W[p] = uint64(term.MakeHeader(term.SubFun, term.FunHeaderWords-1+n))
	h.W[p+1] = 0x12 // entry id: raw, looks like a boxed pointer
	h.W[p+2] = uint64(mod)
	h.W[p+3] = uint64(7)<<32 | uint64(n)<<8 | 1
	h.W[p+4] = 0x1235 // old uniq: raw, looks like a list pointer
	for i, f := range free {
		h.W[p+5+uint64(i)] = uint64(f)
	}
	return term.MakeBoxed(p)
}

func export(h *heap.Heap, m, f term.Term, arity uint64) term.Term {
	p := h.Alloc(term.ExportWords)
	h.W[p] = uint64(term.MakeHeader(term.SubExport, term.ExportWords-1))
	h.W[p+1] = 6 // index: raw, looks like a boxed pointer
	h.W[p+2], h.W[p+3], h.W[p+4] = uint64(m), uint64(f), arity
	return term.MakeBoxed(p)
}

func mapOf(h *heap.Heap, kv ...term.Term) term.Term {
	n := len(kv) / 2
	p := h.Alloc(2 + 2*n)
	h.W[p] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	h.W[p+1] = uint64(n)
	for i := 0; i < n; i++ {
		h.W[p+2+uint64(i)] = uint64(kv[2*i])
		h.W[p+2+uint64(n+i)] = uint64(kv[2*i+1])
	}
	return term.MakeBoxed(p)
}

func record(h *heap.Heap, def term.Term, vals ...term.Term) term.Term {
	p := h.Alloc(term.RecordWords(len(vals)))
	h.W[p] = uint64(term.MakeHeader(term.SubNativeRecord, 1+len(vals)))
	h.W[p+1] = uint64(def)
	for i, v := range vals {
		h.W[p+2+uint64(i)] = uint64(v)
	}
	return term.MakeBoxed(p)
}

func matchCtx(h *heap.Heap, orig term.Term, pos, end int64) term.Term {
	p := h.Alloc(4)
	h.W[p] = uint64(term.MakeHeader(term.SubMatch, 3))
	h.W[p+1] = uint64(orig)
	h.W[p+2] = uint64(term.MakeSmall(pos))
	h.W[p+3] = uint64(term.MakeSmall(end))
	return term.MakeBoxed(p)
}

// allKinds builds one term holding every kind of object.
func (te *testEnv) allKinds(h *heap.Heap, seed int) term.Term {
	env := te.env
	a := env.Atom(fmt.Sprintf("atom%d", seed))
	data := make([]byte, 100+seed)
	for i := range data {
		data[i] = byte(i + seed)
	}
	refc := h.Binary(env.Bins, data)
	hb := h.Binary(env.Bins, []byte(fmt.Sprintf("heap binary %d", seed)))
	big1 := new(big.Int).Lsh(big.NewInt(int64(seed)+3), 130)
	def := tuple(h, term.MakeSmall(12345), a, env.Atom("rec"), term.AtomTrue, env.Atom("f1"), env.Atom("f2"))
	return h.List(
		a, term.MakeSmall(int64(seed)), h.Float(1.5+float64(seed)),
		h.Big(big1), h.Big(new(big.Int).Neg(big1)),
		ref(h, uint64(seed)),
		closure(h, a, h.String("free"), term.MakeSmall(1), hb),
		closure(h, a),
		export(h, a, env.Atom("f"), 2),
		refc, hb, h.Binary(env.Bins, nil),
		h.SubBinary(refc, 3, 77), h.SubBinary(hb, 8, 16),
		mapOf(h, a, h.String("v"), term.MakeSmall(1), tuple(h)),
		mapOf(h),
		record(h, def, h.Float(2.5), h.List(term.Nil)),
		matchCtx(h, hb, 8, 24),
		tuple(h), tuple(h, term.Nil, term.MakeSmall(-1), h.ListTail(a, a, a)),
		term.MakePid(7), term.MakePort(3),
	)
}

// snapshot renders t with every word it consists of, raw words included,
// so that two renderings are equal exactly when the terms are the same
// down to their layout (pointers aside).
func snapshot(env *term.Env, t term.Term) string {
	var b strings.Builder
	var walk func(t term.Term, depth int)
	walk = func(t term.Term, depth int) {
		if depth > 10000 {
			b.WriteString("...")
			return
		}
		switch {
		case t.IsList():
			b.WriteString("[")
			walk(env.Hd(t), depth+1)
			b.WriteString("|")
			walk(env.Tl(t), depth+1)
			b.WriteString("]")
		case t.IsBoxed():
			i := t.Index()
			hdr := term.Term(env.W[i])
			first, n, _ := heap.TermWords(hdr)
			fmt.Fprintf(&b, "<%d/%d", hdr.HeaderSub(), hdr.HeaderArity())
			for j := 1; j <= hdr.HeaderArity(); j++ {
				b.WriteString(" ")
				if j >= first && j < first+n {
					walk(term.Term(env.W[i+uint64(j)]), depth+1)
				} else if hdr.HeaderSub() == term.SubRefcBin && j == 3 {
					b.WriteString("link")
				} else {
					fmt.Fprintf(&b, "%#x", env.W[i+uint64(j)])
				}
			}
			if hdr.HeaderSub() == term.SubRefcBin {
				fmt.Fprintf(&b, " data=%x", env.Bins.Get(uint32(env.W[i+2])).Data)
			}
			b.WriteString(">")
		default:
			fmt.Fprintf(&b, "%#x", uint64(t))
		}
	}
	walk(t, 0)
	return b.String()
}

// snapshotAll renders every term of ts.
func snapshotAll(env *term.Env, ts []term.Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = snapshot(env, t)
	}
	return out
}

// garbage allocates n words of unreachable terms.
func garbage(h *heap.Heap, r *rand.Rand, n int) {
	for used := 0; used < n; {
		switch r.Intn(3) {
		case 0:
			h.Cons(term.MakeSmall(int64(r.Intn(100))), term.Nil)
			used += 2
		case 1:
			h.Tuple(term.MakeSmall(1), term.MakeSmall(2), term.Nil)
			used += 4
		default:
			h.Float(r.Float64())
			used += 2
		}
	}
}

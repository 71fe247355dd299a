package vm

import (
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// mapBench is a process for running map instructions on hand-made code.
// Inputs are built on a heap of their own (keep); what the instructions
// build goes to a work heap that is thrown away every so often, so that a
// long benchmark neither fills the arena nor rebuilds its inputs.
type mapBench struct {
	p    *Process
	keep *heap.Heap
	n    int
}

func newMapBench(tb testing.TB) *mapBench {
	p := testProcess(tb)
	b := &mapBench{p: p, keep: p.Heap}
	p.Heap = nil
	b.fresh(tb)
	return b
}

// fresh gives the process an empty work heap big enough for what a test or
// a few dozen benchmark iterations allocate. It stays below the block size
// the arena gives back to the system when freed, so that iterations do not
// measure page faults on fresh memory.
func (b *mapBench) fresh(tb testing.TB) {
	if b.p.Heap != nil {
		b.p.Heap.Free()
	}
	h, err := heap.New(b.p.rt.Arena, 20000)
	if err != nil {
		tb.Fatal(err)
	}
	b.p.Heap = h
}

// tick is called once per benchmark iteration; every 16 iterations it
// replaces the work heap.
func (b *mapBench) tick(tb testing.TB) {
	if b.n++; b.n&15 == 0 {
		b.fresh(tb)
	}
}

// input runs f with the process allocating on the inputs' heap.
func (b *mapBench) input(f func() term.Term) term.Term {
	work := b.p.Heap
	b.p.Heap = b.keep
	defer func() { b.p.Heap = work }()
	return f()
}

// intMap builds #{1 => 1, ..., n => n*n} with put_map_assoc, one key at a
// time, as bench_map does.
func (b *mapBench) intMap(n int) term.Term {
	p := b.p
	code := []uint64{opPutMapAssoc, 0, regRef(refX, 0), regRef(refX, 0), 1, 2, 0, 0}
	p.x[0] = p.NewMap(nil, nil)
	for i := 1; i <= n; i++ {
		code[6], code[7] = uint64(term.MakeSmall(int64(i))), uint64(term.MakeSmall(int64(i*i)))
		p.putMap(code, 0)
	}
	return p.x[0]
}

// atomMap builds a map of n atom keys ka, kb...
func (b *mapBench) atomMap(n int) term.Term {
	p := b.p
	keys := make([]term.Term, n)
	vals := make([]term.Term, n)
	for i := range keys {
		keys[i] = p.Atom("k" + string(rune('a'+i)))
		vals[i] = term.MakeSmall(int64(i))
	}
	return p.NewMap(keys, vals)
}

// BenchmarkMapPutBuild30 builds a 30-key map key by key (put_map_assoc with
// one small integer key, appended each time).
func BenchmarkMapPutBuild30(bb *testing.B) {
	b := newMapBench(bb)
	for bb.Loop() {
		b.tick(bb)
		b.intMap(30)
	}
}

// BenchmarkMapPutExactAtom updates one atom key of a 10-key map
// (put_map_exact, as record-like map updates compile).
func BenchmarkMapPutExactAtom(bb *testing.B) {
	b := newMapBench(bb)
	p := b.p
	m := b.input(func() term.Term { return b.atomMap(10) })
	code := []uint64{opPutMapExact, 0, regRef(refX, 0), regRef(refX, 1), 1, 2,
		uint64(p.Atom("ke")), uint64(term.MakeSmall(7))}
	for bb.Loop() {
		b.tick(bb)
		p.x[0] = m
		p.putMap(code, 0)
	}
}

// BenchmarkMapPutLiterals builds a map of four atom keys from #{} with one
// put_map_assoc (map construction #{a => A, b => B, c => C, d => D}).
func BenchmarkMapPutLiterals(bb *testing.B) {
	b := newMapBench(bb)
	p := b.p
	code := []uint64{opPutMapAssoc, 0, regRef(refX, 0), regRef(refX, 1), 1, 8}
	for _, a := range []string{"a", "b", "c", "d"} {
		code = append(code, uint64(p.Atom(a)), uint64(term.MakeSmall(1)))
	}
	for bb.Loop() {
		b.tick(bb)
		p.x[0] = p.NewMap(nil, nil)
		p.putMap(code, 0)
	}
}

// BenchmarkMapPutGrow33 adds the 33rd key, the insertion that changes a
// map's layout to hash order.
func BenchmarkMapPutGrow33(bb *testing.B) {
	b := newMapBench(bb)
	p := b.p
	m := b.input(func() term.Term { return b.intMap(32) })
	code := []uint64{opPutMapAssoc, 0, regRef(refX, 0), regRef(refX, 1), 1, 2,
		uint64(term.MakeSmall(33)), uint64(term.MakeSmall(0))}
	for bb.Loop() {
		b.tick(bb)
		p.x[0] = m
		p.putMap(code, 0)
	}
}

// BenchmarkMapGet30 looks one small integer key up in a 30-key map
// (get_map_elements with one key), keys 30 down to 1.
func BenchmarkMapGet30(bb *testing.B) {
	b := newMapBench(bb)
	p := b.p
	p.x[0] = b.input(func() term.Term { return b.intMap(30) })
	code := []uint64{opGetMapElements, 999, regRef(refX, 0), 2, 0, regRef(refX, 1)}
	i := 0
	for bb.Loop() {
		code[4] = uint64(term.MakeSmall(int64(30 - i%30)))
		i++
		p.getMapElements(code, 0)
	}
}

// BenchmarkMapGetAtoms3 matches three atom keys of a 10-key map in one
// get_map_elements (#{ka := A, kd := D, kj := J} = M).
func BenchmarkMapGetAtoms3(bb *testing.B) {
	b := newMapBench(bb)
	p := b.p
	p.x[0] = b.input(func() term.Term { return b.atomMap(10) })
	code := []uint64{opGetMapElements, 999, regRef(refX, 0), 6,
		uint64(p.Atom("ka")), regRef(refX, 1), uint64(p.Atom("kd")), regRef(refX, 2),
		uint64(p.Atom("kj")), regRef(refX, 3)}
	for bb.Loop() {
		p.getMapElements(code, 0)
	}
}

// BenchmarkMapToList30 is maps:to_list/1 of a 30-key map.
func BenchmarkMapToList30(bb *testing.B) {
	b := newMapBench(bb)
	m := b.input(func() term.Term { return b.intMap(30) })
	for bb.Loop() {
		b.tick(bb)
		b.p.MapToList(m)
	}
}

// BenchmarkMapMerge20 is maps:merge/2 of two 20-key maps sharing 10 keys.
func BenchmarkMapMerge20(bb *testing.B) {
	b := newMapBench(bb)
	x := b.input(func() term.Term { return b.intMap(20) })
	y := b.input(func() term.Term {
		return b.p.MapFilter(b.intMap(30), func(k, v term.Term) (term.Term, bool) {
			return v, k.Small() > 10
		})
	})
	for bb.Loop() {
		b.tick(bb)
		b.p.MapMerge(x, y)
	}
}

// TestMapPathsDoNotAllocate checks that the map instructions and builders
// use no Go memory, only the process heap: building, updating and growing
// maps past the layout change, lookups, and the list and map builders.
func TestMapPathsDoNotAllocate(t *testing.T) {
	b := newMapBench(t)
	p := b.p
	small, m32, m33 := b.intMap(10), b.intMap(32), b.intMap(33)
	atoms := b.atomMap(10)
	lit := []uint64{opPutMapAssoc, 0, regRef(refX, 0), regRef(refX, 1), 1, 8}
	for _, a := range []string{"a", "b", "c", "d"} {
		lit = append(lit, uint64(p.Atom(a)), uint64(term.MakeSmall(1)))
	}
	get3 := []uint64{opGetMapElements, 999, regRef(refX, 0), 6,
		uint64(p.Atom("ka")), regRef(refX, 1), uint64(p.Atom("kd")), regRef(refX, 2),
		uint64(p.Atom("kj")), regRef(refX, 3)}
	list := p.MapToList(m33)
	cases := []struct {
		name string
		f    func()
	}{
		{"build 40 keys one by one", func() { b.intMap(40) }},
		{"put 4 pairs", func() { p.x[0] = small; p.putMap(lit, 0) }},
		{"put 4 pairs past 32 keys", func() { p.x[0] = m32; p.putMap(lit, 0) }},
		{"put exact", func() {
			p.x[0] = atoms
			p.putMap([]uint64{opPutMapExact, 0, regRef(refX, 0), regRef(refX, 1), 1, 2,
				uint64(p.Atom("kb")), uint64(term.Nil)}, 0)
		}},
		{"get 3 atoms", func() { p.x[0] = atoms; p.getMapElements(get3, 0) }},
		{"lookup", func() { term.MapLookup(p.env(), m33, term.MakeSmall(7)) }},
		{"to_list", func() { p.MapToList(m33) }},
		{"keys and values", func() { p.MapKeyList(m33); p.MapValueList(m33) }},
		{"remove 33 to 32", func() { p.MapRemove(m33, term.MakeSmall(5)) }},
		{"merge", func() { p.MapMerge(m32, small); p.MapMerge(small, atoms) }},
		{"from_list 33", func() { p.MapFromList(list) }},
		{"filter", func() {
			p.MapFilter(m33, func(k, v term.Term) (term.Term, bool) { return v, k != term.MakeSmall(3) })
		}},
	}
	for _, c := range cases {
		if n := testing.AllocsPerRun(50, c.f); n != 0 {
			t.Errorf("%s: %v Go allocations per run", c.name, n)
		}
	}
}

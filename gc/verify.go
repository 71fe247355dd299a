package gc

import (
	"fmt"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Check verifies h and the roots: every object in h's allocated words has a
// well-formed header (or is a cons cell), every pointer word in h and in
// the roots leads to the start of a well-formed object of the right kind
// (in h, or outside it: a literal area), sub-binaries and match contexts
// point at binaries, refc binaries name live handles, and the off-heap
// lists link exactly the refc binaries of their generation. It returns the
// first problem found, naming the word, or nil.
//
// Check walks h linearly, so it needs h's allocated words to hold only
// complete objects, as they do right after a collection.
func Check(h *heap.Heap, env *term.Env, roots *Roots) error {
	old, _ := h.Old()
	return verify(h, env, roots, nil, old.Start)
}

// verify is Check with the space a collection just freed (a pointer into
// collected is reported as dangling), checking the old generation's
// objects only from word index oldFrom on: the words before were checked
// by an earlier call and no object changes once promoted. A pointer into
// that trusted part must still lead to a well-formed object.
func verify(h *heap.Heap, env *term.Env, roots *Roots, collected []span, oldFrom uint64) error {
	v := &verifier{w: h.W, env: env, collected: collected}
	for _, s := range h.YoungSpans() {
		v.live = append(v.live, liveSpan{lo: s[0], hi: s[1], gen: "young"})
	}
	if old, top := h.Old(); old.Size != 0 {
		if top < old.Start || top > old.Start+old.Size {
			return fmt.Errorf("old generation top %d outside its block [%d, %d)", top, old.Start, old.Start+old.Size)
		}
		if oldFrom < old.Start || oldFrom > top {
			oldFrom = old.Start
		}
		v.trusted = span{old.Start, oldFrom}
		v.live = append(v.live, liveSpan{lo: oldFrom, hi: top, gen: "old"})
	}
	if y := h.Young(); len(y) > 0 {
		if h.HWM < y[0].Start || h.HWM > y[0].Start+y[0].Size {
			return fmt.Errorf("high-water mark %d outside the main young block [%d, %d)", h.HWM, y[0].Start, y[0].Start+y[0].Size)
		}
	}
	if h.Top > h.BlockEnd() {
		return fmt.Errorf("heap top %d past its block's end %d", h.Top, h.BlockEnd())
	}
	// Pass 1: find every object start.
	for k := range v.live {
		if err := v.mark(&v.live[k]); err != nil {
			return err
		}
	}
	// Pass 2: check every term word.
	for k := range v.live {
		if err := v.check(&v.live[k]); err != nil {
			return err
		}
	}
	var err error
	i := 0
	roots.each(func(t *term.Term) {
		if err == nil && isPtr(*t) {
			if e := v.pointer(*t); e != nil {
				err = fmt.Errorf("root %d (%#x): %v", i, uint64(*t), e)
			}
		}
		i++
	})
	if err != nil {
		return err
	}
	return v.offHeap(h)
}

// liveSpan is a run of allocated heap words with its object starts.
type liveSpan struct {
	lo, hi uint64
	gen    string
	starts []uint64 // bitmap of object starts, bit i for word lo+i
	refc   int      // refc binary objects found
}

func (s *liveSpan) isStart(i uint64) bool {
	k := i - s.lo
	return s.starts[k/64]&(1<<(k%64)) != 0
}

type verifier struct {
	w         []uint64
	env       *term.Env
	collected []span
	live      []liveSpan
	from      string // generation of the object being checked ("" for roots)
	trusted   span   // old words checked by an earlier verify
}

func isPtr(t term.Term) bool { return t&3 == term.TagList || t&3 == term.TagBoxed }

// mark walks s and records where its objects start.
func (v *verifier) mark(s *liveSpan) error {
	s.starts = make([]uint64, (s.hi-s.lo+63)/64)
	for i := s.lo; i < s.hi; {
		k := i - s.lo
		s.starts[k/64] |= 1 << (k % 64)
		hdr := term.Term(v.w[i])
		if !hdr.IsHeader() {
			if i+2 > s.hi {
				return fmt.Errorf("%s word %d: cons cell runs past the allocated words (%d)", s.gen, i, s.hi)
			}
			i += 2
			continue
		}
		if err := heap.CheckHeader(v.w, i); err != nil {
			return fmt.Errorf("%s: %v", s.gen, err)
		}
		size := 1 + uint64(hdr.HeaderArity())
		if i+size > s.hi {
			return fmt.Errorf("%s object at %d (header %#x) runs past the allocated words (%d)", s.gen, i, uint64(hdr), s.hi)
		}
		if term.IsOffHeapSub(hdr.HeaderSub()) {
			s.refc++
		}
		i += size
	}
	return nil
}

// check verifies every term word of the objects of s.
func (v *verifier) check(s *liveSpan) error {
	w := v.w
	v.from = s.gen
	defer func() { v.from = "" }()
	for i := s.lo; i < s.hi; {
		hdr := term.Term(w[i])
		if !hdr.IsHeader() {
			for j := i; j < i+2; j++ {
				if err := v.termWord(term.Term(w[j])); err != nil {
					return fmt.Errorf("%s cons cell at %d, word %d (%#x): %v", s.gen, i, j-i, w[j], err)
				}
			}
			i += 2
			continue
		}
		first, n, _ := heap.TermWords(hdr)
		for j := i + uint64(first); j < i+uint64(first+n); j++ {
			if err := v.termWord(term.Term(w[j])); err != nil {
				return fmt.Errorf("%s object at %d (subtag %d), word %d (%#x): %v", s.gen, i, hdr.HeaderSub(), j-i, w[j], err)
			}
		}
		switch hdr.HeaderSub() {
		case term.SubSubBin:
			if err := v.binaryOrig(term.Term(w[i+3])); err != nil {
				return fmt.Errorf("%s sub-binary at %d: %v", s.gen, i, err)
			}
		case term.SubMatch:
			if err := v.binaryOrig(term.Term(w[i+1])); err != nil {
				return fmt.Errorf("%s match context at %d: %v", s.gen, i, err)
			}
		case term.SubRefcBin, term.SubResource:
			if err := v.handle(uint32(w[i+2])); err != nil {
				return fmt.Errorf("%s off-heap object at %d: %v", s.gen, i, err)
			}
		}
		i += 1 + uint64(hdr.HeaderArity())
	}
	return nil
}

// termWord checks one word that must hold a term.
func (v *verifier) termWord(t term.Term) error {
	if t.IsHeader() {
		return fmt.Errorf("a header word where a term belongs")
	}
	if !isPtr(t) {
		return nil
	}
	return v.pointer(t)
}

// pointer checks that the list or boxed pointer t leads to an object of its
// kind that is live.
func (v *verifier) pointer(t term.Term) error {
	i := t.Index()
	if i == 0 || i >= uint64(len(v.w)) {
		return fmt.Errorf("points to word %d, outside memory", i)
	}
	for _, s := range v.collected {
		if i >= s.lo && i < s.hi {
			return fmt.Errorf("points to word %d, in the space the collection freed [%d, %d)", i, s.lo, s.hi)
		}
	}
	for k := range v.live {
		s := &v.live[k]
		if i < s.lo || i >= s.hi {
			continue
		}
		if !s.isStart(i) {
			return fmt.Errorf("points to word %d of the %s generation, inside an object", i, s.gen)
		}
		if v.from == "old" && s.gen == "young" {
			return fmt.Errorf("an old object points to word %d of the young generation", i)
		}
		return v.kind(t, i)
	}
	if v.from == "old" && i >= v.trusted.lo && i < v.trusted.hi {
		return v.kind(t, i)
	}
	// Outside the heap (a literal area or other memory the heap does not
	// own) or in the trusted old words: check the object itself, not what
	// it points to.
	if err := v.kind(t, i); err != nil {
		return fmt.Errorf("outside the heap: %v", err)
	}
	if t.IsBoxed() {
		if err := heap.CheckHeader(v.w, i); err != nil {
			return fmt.Errorf("outside the heap: %v", err)
		}
	}
	return nil
}

// kind checks that the object at i is what pointer t says it is.
func (v *verifier) kind(t term.Term, i uint64) error {
	first := term.Term(v.w[i])
	if t.IsList() {
		if first.IsHeader() {
			return fmt.Errorf("list pointer to word %d, which holds a header (%#x)", i, uint64(first))
		}
		return nil
	}
	if !first.IsHeader() {
		return fmt.Errorf("boxed pointer to word %d, which holds no header (%#x)", i, uint64(first))
	}
	return nil
}

// binaryOrig checks the original binary of a sub-binary or match context.
func (v *verifier) binaryOrig(t term.Term) error {
	if !t.IsBoxed() {
		return fmt.Errorf("original %#x is not boxed", uint64(t))
	}
	switch term.Term(v.w[t.Index()]).HeaderSub() {
	case term.SubHeapBin, term.SubRefcBin:
		return nil
	}
	return fmt.Errorf("original at %d is not a heap or refc binary", t.Index())
}

// handle checks that h names a binary with references.
func (v *verifier) handle(h uint32) (err error) {
	defer func() {
		if recover() != nil {
			err = fmt.Errorf("handle %d is not in the binary table", h)
		}
	}()
	if r := v.env.Bins.Refs(h); r <= 0 {
		return fmt.Errorf("handle %d has %d references", h, r)
	}
	return nil
}

// offHeap checks that each off-heap list links exactly the refc binaries of
// its generation, each once.
func (v *verifier) offHeap(h *heap.Heap) error {
	lists := []struct {
		head uint64
		gen  string
	}{{h.YoungOff, "young"}, {h.OldOff, "old"}}
	for _, l := range lists {
		if l.gen == "old" && v.trusted.hi > v.trusted.lo {
			continue // the old list was checked with the trusted words
		}
		want := 0
		for k := range v.live {
			if v.live[k].gen == l.gen {
				want += v.live[k].refc
			}
		}
		n := 0
		for i := l.head; i != 0; i = v.w[i+3] {
			if n++; n > want {
				return fmt.Errorf("%s off-heap list has more entries than the %d refc binaries of its generation (or a cycle)", l.gen, want)
			}
			ok := false
			for k := range v.live {
				s := &v.live[k]
				if s.gen == l.gen && i >= s.lo && i < s.hi && s.isStart(i) {
					ok = true
				}
			}
			if !ok || !term.IsOffHeapSub(term.Term(v.w[i]).HeaderSub()) || !term.Term(v.w[i]).IsHeader() {
				return fmt.Errorf("%s off-heap list entry %d is not a refc binary or resource of that generation", l.gen, i)
			}
		}
		if n != want {
			return fmt.Errorf("%s off-heap list links %d of the %d refc binaries of its generation", l.gen, n, want)
		}
	}
	return nil
}

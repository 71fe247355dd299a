package gc

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Roots lists where a collection finds the terms its caller holds outside
// the heap. Every root word is read and, when what it points to moves,
// rewritten in place. Words that are not list or boxed pointers (immediates,
// continuation pointers and catch markers on a stack, NoValue) are left
// alone, so a process stack can be passed as it is.
type Roots struct {
	Slices [][]term.Term
	Words  []*term.Term
	// StackWords is the size of the caller's stack in words. It only
	// counts toward the heap size the collector picks, as a BEAM process's
	// stack shares its heap.
	StackWords int
}

// each calls f on every root word.
func (r *Roots) each(f func(t *term.Term)) {
	for _, s := range r.Slices {
		for i := range s {
			f(&s[i])
		}
	}
	for _, p := range r.Words {
		f(p)
	}
}

// words returns the number of root words.
func (r *Roots) words() uint64 {
	n := uint64(len(r.Words))
	for _, s := range r.Slices {
		n += uint64(len(s))
	}
	return n
}

// Options modify one collection.
type Options struct {
	// Full asks for a major collection (a full sweep).
	Full bool
}

// Stats describes one collection.
type Stats struct {
	Major    bool
	Before   uint64 // words in use before: young and old generation
	After    uint64 // words in use after
	Promoted uint64 // words moved to the old generation (minor only)
	Released int    // off-heap binary references released
}

// span is a run of words [lo, hi).
type span struct{ lo, hi uint64 }

// collector is the state of one collection.
type collector struct {
	w        []uint64
	from     []span // the collected space
	lo, hi   uint64 // bounds of from
	matureLo uint64 // objects in [matureLo, matureHi) go to the old generation
	matureHi uint64
	yTop     uint64 // next free word of the new young block
	oTop     uint64 // next free word of the old block
}

// Collect collects h, whose off-heap binaries belong to env.Bins, with the
// given roots, and leaves at least need free words before h.End. A minor
// collection is chosen unless opts.Full is set, h.FullsweepAfter minor
// collections have run since the last major one, or the old generation
// lacks room for what would be promoted.
//
// With the gcverify build tag, Collect checks the heap and the roots after
// the collection and panics with a precise message if any pointer leads
// into freed memory or to no well-formed object (see Check).
func Collect(h *heap.Heap, env *term.Env, roots *Roots, need int, opts Options) Stats {
	if h.Bins == nil {
		h.Bins = env.Bins
	}
	young := h.Young()
	if len(young) == 0 {
		panic("gc: collecting a freed heap")
	}
	// The stack, and the other roots with it, count toward the size
	// picked: a collection visits every root, so a young generation
	// at least as large as the roots (a long message queue, say) keeps
	// the collections that allocation triggers from visiting the same
	// roots again after every few words.
	stack := max(uint64(max(roots.StackWords, 0)), roots.words())
	youngUsed := h.YoungUsed()
	y0 := young[0]
	mature := uint64(0)
	if h.HWM > y0.Start && h.HWM <= y0.Start+y0.Size {
		mature = h.HWM - y0.Start
	}
	major := opts.Full || h.MinorGCs >= h.FullsweepAfter
	if !major && mature > 0 {
		old, otop := h.Old()
		if old.Size == 0 {
			size := heap.NextHeapSize(youngUsed, 0)
			b, err := h.A.AllocBlock(size)
			if err != nil {
				panic(heap.OutOfMemory{Err: fmt.Errorf("gc: old generation of %d words: %w", size, err)})
			}
			h.SetOld(b, b.Start)
			old, otop = b, b.Start
		}
		if old.Start+old.Size-otop < mature {
			major = true
		}
	}
	st := Stats{Major: major, Before: youngUsed + h.OldUsed()}

	// The new young block: large enough for everything in use (should it
	// all survive) plus the need, under any size the heap may grow to.
	before := youngUsed
	if major {
		before += h.OldUsed()
	}
	size := max(heap.NextHeapSize(before+stack, 0), h.MinHeapSize)
	blockWords := max(size, heap.NextHeapSize(before+uint64(need)+stack, 0))
	to, err := h.A.AllocBlock(blockWords)
	if err != nil {
		panic(heap.OutOfMemory{Err: fmt.Errorf("gc: young generation of %d words: %w", blockWords, err)})
	}

	c := &collector{w: h.W, yTop: to.Start}
	for _, b := range young {
		c.addFrom(b.Start, b.Start+b.Size)
	}
	for _, f := range h.Frags() {
		c.addFrom(f[0], f[1])
	}
	old, oldTop := h.Old()
	if major {
		if old.Size != 0 {
			c.addFrom(old.Start, old.Start+old.Size)
		}
	} else {
		c.matureLo, c.matureHi = y0.Start, y0.Start+mature
		c.oTop = oldTop
	}
	c.sortFrom()

	// Copy: roots, then the copies, breadth first, until no copy points
	// into the collected space.
	ys, oscan := to.Start, c.oTop
	roots.each(func(t *term.Term) { *t = c.evac(*t) })
	for ys < c.yTop || oscan < c.oTop {
		ys = c.scan(ys, &c.yTop)
		oscan = c.scan(oscan, &c.oTop)
	}

	st.Released = c.sweep(h, major)

	collected := c.from
	if heap.Verify {
		poison(h.W, collected)
	}
	h.InstallYoung(to, c.yTop)
	if major {
		h.FreeOld()
		h.MinorGCs = 0
	} else {
		h.SetOld(old, c.oTop)
		st.Promoted = c.oTop - oldTop
		h.MinorGCs++
	}
	used := c.yTop - to.Start
	st.After = used + h.OldUsed()
	h.HeapSize = resize(h, size, used+uint64(need)+stack)
	h.End = min(to.Start+h.HeapSize, to.Start+to.Size)
	if h.OffWords > h.BinVHeapSize {
		// Live off-heap binaries outgrew the virtual binary heap: let
		// it grow as OTP's does, so that the next collection is not
		// due at once.
		h.BinVHeapSize = heap.NextHeapSize(2*h.OffWords, 0)
	}
	if heap.Verify {
		// Collect again at the next Need, whatever it asks for, while
		// the process is small; a large one (live data and stack past
		// verifySmall words) gets room for a quarter of its size first,
		// so that deep recursions and long lists cost O(n log n)
		// collections instead of O(n^2).
		slack := uint64(0)
		if size := st.After + stack; size > verifySmall {
			slack = size / 4
		}
		h.End = min(h.End, c.yTop+uint64(need)+slack)
		// Checking the whole old generation after every minor
		// collection would make large processes quadratic: check what
		// was promoted now, and the whole of it once the collections
		// since the last full check have copied about as many words.
		oldFrom := oldTop
		credit := h.VerifyCredit()
		if *credit += used + st.Promoted; major || *credit >= h.OldUsed() {
			oldFrom, *credit = 0, 0
		}
		if err := verify(h, env, roots, collected, oldFrom); err != nil {
			panic(fmt.Sprintf("gc: after a %s collection: %v", kind(major), err))
		}
	}
	return st
}

// verifySmall is the size in words (live data and stack) up to which a
// gcverify build collects at every Need.
const verifySmall = 1 << 15

func kind(major bool) string {
	if major {
		return "major"
	}
	return "minor"
}

// resize returns the young generation's size after a collection, as OTP
// picks it: the size the copy was planned for (never below the minimum),
// grown to the next size of the schedule when what is needed now (live
// data, the need, the stack) does not fit, or shrunk to twice that (or the
// minimum) when it uses less than a quarter.
func resize(h *heap.Heap, size, needAfter uint64) uint64 {
	switch {
	case size < needAfter:
		return heap.NextHeapSize(needAfter, 0)
	case 4*needAfter < size && size > h.MinHeapSize:
		wanted := 2 * needAfter
		sz := h.MinHeapSize
		if wanted >= h.MinHeapSize {
			sz = heap.NextHeapSize(wanted, 0)
		}
		if sz < size {
			return sz
		}
	}
	return size
}

func (c *collector) addFrom(lo, hi uint64) {
	if len(c.from) == 0 || lo < c.lo {
		c.lo = lo
	}
	if hi > c.hi {
		c.hi = hi
	}
	c.from = append(c.from, span{lo, hi})
}

// inFrom reports whether word index i lies in the collected space.
func (c *collector) inFrom(i uint64) bool {
	if i < c.lo || i >= c.hi {
		return false
	}
	if len(c.from) <= 8 {
		for _, s := range c.from {
			if i >= s.lo && i < s.hi {
				return true
			}
		}
		return false
	}
	// Many message fragments: the spans are sorted by start.
	k, _ := slices.BinarySearchFunc(c.from, i, func(s span, i uint64) int {
		if s.hi <= i {
			return -1
		}
		return 1
	})
	return k < len(c.from) && i >= c.from[k].lo
}

// sortFrom orders the collected spans by address (they never overlap) for
// inFrom's binary search.
func (c *collector) sortFrom() {
	if len(c.from) > 8 {
		slices.SortFunc(c.from, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	}
}

// dest returns where the object at i, of size words, is copied to.
func (c *collector) dest(i, size uint64) uint64 {
	if i >= c.matureLo && i < c.matureHi {
		p := c.oTop
		c.oTop += size
		return p
	}
	p := c.yTop
	c.yTop += size
	return p
}

// evac returns t after moving what it points to out of the collected space
// (once: a moved object leaves a forwarding pointer behind). A moved cons
// cell's head becomes 0, a word no cons head holds, and its tail the new
// pointer; a moved boxed object's header becomes the new boxed pointer,
// which no header word can be.
func (c *collector) evac(t term.Term) term.Term {
	tag := t & 3
	if tag != term.TagList && tag != term.TagBoxed {
		return t
	}
	i := t.Index()
	if !c.inFrom(i) {
		return t
	}
	w := c.w
	if tag == term.TagList {
		hd := w[i]
		if hd == 0 {
			return term.Term(w[i+1])
		}
		p := c.dest(i, 2)
		w[p], w[p+1] = hd, w[i+1]
		nt := term.MakeList(p)
		w[i], w[i+1] = 0, uint64(nt)
		return nt
	}
	hdr := w[i]
	if hdr&3 == term.TagBoxed {
		return term.Term(hdr)
	}
	size := 1 + uint64(term.Term(hdr).HeaderArity())
	p := c.dest(i, size)
	copy(w[p:p+size], w[i:i+size])
	nt := term.MakeBoxed(p)
	w[i] = uint64(nt)
	return nt
}

// scan moves what the objects from word index s up to *top point to,
// following *top as it grows, and returns where it stopped.
func (c *collector) scan(s uint64, top *uint64) uint64 {
	w := c.w
	for s < *top {
		hdr := term.Term(w[s])
		if !hdr.IsHeader() { // a cons cell
			if hdr&3 != term.TagImmed {
				w[s] = uint64(c.evac(hdr))
			}
			if tl := term.Term(w[s+1]); tl&3 != term.TagImmed {
				w[s+1] = uint64(c.evac(tl))
			}
			s += 2
			continue
		}
		first, n, _ := heap.TermWords(hdr)
		for j := s + uint64(first); j < s+uint64(first+n); j++ {
			if e := term.Term(w[j]); e&3 != term.TagImmed {
				w[j] = uint64(c.evac(e))
			}
		}
		s += 1 + uint64(hdr.HeaderArity())
	}
	return s
}

// sweep walks the off-heap lists of the collected generations: every refc
// binary object that was copied is linked into the list of the generation
// it now lives in, and every other one's reference is released. It returns
// the number released.
func (c *collector) sweep(h *heap.Heap, major bool) int {
	w := c.w
	released := 0
	var young, oldList, words uint64
	oldList = h.OldOff
	old, _ := h.Old()
	walk := func(i uint64) {
		for i != 0 {
			next := w[i+3]
			if f := term.Term(w[i]); f&3 == term.TagBoxed {
				ni := f.Index()
				if !major && ni >= old.Start && ni < old.Start+old.Size {
					w[ni+3] = oldList
					oldList = ni
				} else {
					w[ni+3] = young
					young = ni
					words += (w[ni+1] + 7) / 8
				}
			} else {
				h.Bins.Release(uint32(w[i+2]))
				released++
			}
			i = next
		}
	}
	walk(h.YoungOff)
	if major {
		oldList = 0
		walk(h.OldOff)
	}
	h.YoungOff, h.OldOff, h.OffWords = young, oldList, words
	return released
}

// poison fills the collected space with words that are no valid object
// header (subtag SubCP), so that a stale pointer followed later fails loudly.
func poison(w []uint64, from []span) {
	bad := uint64(term.MakeHeader(term.SubCP, 0)) | 0xDEAD<<20
	for _, s := range from {
		clear := w[s.lo:s.hi]
		for i := range clear {
			clear[i] = bad
		}
	}
}

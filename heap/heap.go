package heap

import (
	"math"
	"math/big"

	"github.com/beamr/beamr/term"
)

// Heap is one process's heap (or a module's literal area): a young
// generation of arena blocks with a bump pointer in the newest, and, once a
// collector has promoted data, an old generation block. Only the thread
// running the owning process touches it.
//
// Allocation follows the BEAM's discipline: Need(n, live) guarantees n free
// words before straight-line code allocates with Alloc, and is the one place
// where a collection may happen (with x registers 0..live-1 as roots). Alloc
// itself never collects; if the heap is full it takes the rest of the
// current block and then chains a new block (like a heap fragment), so BIFs
// may allocate freely and hold terms in Go variables.
//
// End is where the heap's current size (HeapSize) ends, which may be before
// the end of its block: allocation past End still succeeds, but the next
// Need collects. The generational fields (HWM, HeapSize, the old block, the
// off-heap lists, the counters) belong to the collector, which documents
// how it uses them (package gc).
type Heap struct {
	A   *Arena
	W   []uint64
	Top uint64 // next free word
	End uint64 // Need collects when Top+n passes End

	// Bins is the binary table of the off-heap binaries linked to the heap
	// (set by the first refc binary linked, or by the heap's owner).
	Bins *term.BinTable

	young     []Block  // young generation: the main block, then fragments
	youngEnds []uint64 // where allocation ended in each young block but the newest
	limit     uint64   // end of the newest young block

	// Message fragments attached since the last collection (frag.go):
	// young data too, outside the young blocks.
	fr *fragList // made on the first fragment attached

	// HWM is the high-water mark: a word index in the main young block.
	// Objects below it have survived one collection (the next minor
	// collection promotes them to the old generation); objects at or
	// above it, or in later young blocks, are newer.
	HWM uint64
	// HeapSize is the size in words of the young generation as OTP
	// reports it (heap_size); the main young block holds at least that
	// many words.
	HeapSize uint64
	// MinHeapSize is the smallest HeapSize a collection shrinks to.
	MinHeapSize uint64
	// FullsweepAfter is the number of minor collections after which the
	// next collection is a full sweep; MinorGCs counts them since the last.
	FullsweepAfter int32
	MinorGCs       int32

	old    Block  // the old generation (Size 0: none)
	oldTop uint64 // next free word in old

	// Off-heap lists: word index of the first refc binary object of the
	// young and old generation, 0 when empty; each object's link word
	// names the next. OffWords counts the words (bytes/8) of the binaries
	// on the young list; a collection is due when it passes BinVHeapSize.
	YoungOff, OldOff uint64
	OffWords         uint64
	BinVHeapSize     uint64

	// verifyState is what gcverify builds keep (VerifyCredit); empty
	// otherwise.
	verifyState

	// Collect, when set, is called by Need when the heap lacks room (or on
	// every Need in a gcverify build); it may move live data and must leave
	// at least n free words. Until a collector is installed, Need grows the
	// heap instead.
	Collect Collector

	// young0 backs young while the heap has one young block.
	young0 [1]Block
}

// A Collector collects a heap that lacks room: CollectHeap may move live
// data and must leave at least n free words; live is the number of x
// registers holding roots.
type Collector interface {
	CollectHeap(h *Heap, n int, live int)
}

// CollectorFunc adapts an ordinary function to a Collector.
type CollectorFunc func(h *Heap, n int, live int)

// CollectHeap calls f(h, n, live).
func (f CollectorFunc) CollectHeap(h *Heap, n int, live int) { f(h, n, live) }

// MinBlock is the size of the smallest block a heap takes in words.
const MinBlock = 1 << 8

// New returns an empty heap in arena a with room for at least n words. Its
// HeapSize is the first size of OTP's schedule that holds max(n,
// MinHeapSize).
func New(a *Arena, n int) (*Heap, error) {
	return newHeap(a, NextHeapSize(uint64(max(n, MinHeapSize)), 0))
}

// NewFirst returns an empty heap for a new process that needs n words
// to start (its arguments and its first stack). Where n is well under
// MinHeapSize the heap starts smaller, with the smallest block that
// holds n words and FirstSlack more: a process that never allocates much
// (one that waits for messages) then costs a fraction of a full heap,
// and one that does grows to MinHeapSize at its first collection, which
// copies almost nothing. MinHeapSize still bounds every later size.
func NewFirst(a *Arena, n int) (*Heap, error) {
	want := uint64(max(n, 0)) + FirstSlack
	if want > MinHeapSize/2 {
		return New(a, n)
	}
	_, size := class(want)
	return newHeap(a, size)
}

// FirstSlack is the number of free words a heap made by NewFirst has at
// least, besides what its process needs to start.
const FirstSlack = 16

func newHeap(a *Arena, size uint64) (*Heap, error) {
	h := &Heap{A: a, W: a.W, MinHeapSize: MinHeapSize, FullsweepAfter: DefaultFullsweepAfter,
		BinVHeapSize: MinBinVHeapSize}
	h.young = h.young0[:0]
	b, err := a.AllocBlock(size)
	if err != nil {
		return nil, err
	}
	h.InstallYoung(b, b.Start)
	h.HeapSize = size
	h.End = b.Start + size
	return h, nil
}

// grow chains a new young block (a fragment) of at least n words.
func (h *Heap) grow(n uint64) error {
	size := max(n, h.youngWords()/2, MinBlock)
	b, err := h.A.AllocBlock(size)
	if err != nil {
		return err
	}
	if len(h.young) > 0 { // else a freed heap comes back to life
		h.youngEnds = append(h.youngEnds, h.Top)
	}
	h.young = append(h.young, b)
	h.Top, h.limit = b.Start, b.Start+b.Size
	h.End = h.limit
	if h.Collect != nil {
		// A heap that chained a fragment is due for a collection at
		// the next Need, as OTP collects a process with heap fragments.
		h.End = h.Top + n
	}
	return nil
}

func (h *Heap) youngWords() uint64 {
	var n uint64
	for _, b := range h.young {
		n += b.Size
	}
	return n
}

// Free releases every off-heap binary still linked to h (once each) and
// returns every block of h to the arena. h must not be used afterwards
// (though a second Free does nothing).
func (h *Heap) Free() {
	h.releaseList(h.YoungOff)
	h.releaseList(h.OldOff)
	h.YoungOff, h.OldOff, h.OffWords = 0, 0, 0
	for _, b := range h.young {
		h.A.FreeBlock(b)
	}
	h.young, h.youngEnds = h.young0[:0], nil
	h.freeFrags()
	h.FreeOld()
	h.Top, h.End, h.limit, h.HWM = 0, 0, 0, 0
}

// Need makes sure the next n words Alloc hands out need no new block. With
// a collector installed they also stay within End: Need collects when they
// would not (in a gcverify build, at every call). Without one, it chains a
// new block when the current one lacks room. live is the number of x
// registers holding roots, for the collector.
func (h *Heap) Need(n int, live int) {
	if h.Top+uint64(n) <= h.End && !Verify {
		return
	}
	if h.Collect != nil {
		h.Collect.CollectHeap(h, n, live)
		if h.Top+uint64(n) <= h.End {
			return
		}
	}
	if h.Top+uint64(n) <= h.limit {
		return
	}
	h.mustGrow(uint64(n))
}

func (h *Heap) mustGrow(n uint64) {
	if err := h.grow(n); err != nil {
		panic(OutOfMemory{err})
	}
}

// OutOfMemory is the panic value used when the arena is exhausted; the
// scheduler turns it into a clean VM abort, like the BEAM's allocation failure.
type OutOfMemory struct{ Err error }

// Alloc returns the word index of n fresh words.
func (h *Heap) Alloc(n int) uint64 {
	p := h.Top
	if p+uint64(n) > h.End {
		return h.allocSlow(uint64(n))
	}
	h.Top = p + uint64(n)
	return p
}

// allocSlow allocates past End: from the rest of the current block, else
// from a new one.
func (h *Heap) allocSlow(n uint64) uint64 {
	if h.Top+n > h.limit {
		h.mustGrow(n)
	}
	p := h.Top
	h.Top = p + n
	return p
}

// Young returns the blocks of the young generation: the main block first,
// then the fragments chained since the last collection. The slice is the
// heap's own; do not modify it.
func (h *Heap) Young() []Block { return h.young }

// YoungUsed returns the number of words allocated in the young generation.
func (h *Heap) YoungUsed() uint64 {
	if len(h.young) == 0 {
		return 0
	}
	cur := h.young[len(h.young)-1]
	n := h.Top - cur.Start
	for i, end := range h.youngEnds {
		n += end - h.young[i].Start
	}
	return n + h.FragWords()
}

// YoungSpans returns the runs of words allocated in the young generation,
// one per block, oldest first, then one per attached message fragment, as
// [start, end) pairs.
func (h *Heap) YoungSpans() [][2]uint64 {
	out := make([][2]uint64, len(h.young))
	for i, b := range h.young {
		end := h.Top
		if i < len(h.youngEnds) {
			end = h.youngEnds[i]
		}
		out[i] = [2]uint64{b.Start, end}
	}
	return append(out, h.Frags()...)
}

// InstallYoung makes b the heap's only young block with top as its next free
// word, returning the previous young blocks to the arena. HWM is set to top
// and End to the end of b; the caller adjusts them (and HeapSize).
func (h *Heap) InstallYoung(b Block, top uint64) {
	for _, ob := range h.young {
		h.A.FreeBlock(ob)
	}
	h.freeFrags()
	h.young = append(h.young[:0], b)
	h.youngEnds = h.youngEnds[:0]
	h.Top, h.limit, h.End, h.HWM = top, b.Start+b.Size, b.Start+b.Size, top
}

// ReserveTop takes n words off the top of the heap's only young block and
// returns the index of the first: its owner may keep data of its own there
// (a process keeps its first stack there, as OTP keeps the stack in the
// heap block). The words are not part of the heap: Alloc never hands them
// out and a collection neither scans nor keeps them. The first collection
// frees the block they are in, so the owner must move its data out before
// any collection runs. ok is false when the heap has more than one young
// block or its block lacks n free words.
func (h *Heap) ReserveTop(n uint64) (at uint64, ok bool) {
	if len(h.young) != 1 || h.Top+n > h.End || h.End != h.limit {
		return 0, false
	}
	h.limit -= n
	h.End = h.limit
	return h.limit, true
}

// Old returns the old generation's block (Size 0 when there is none) and
// its next free word.
func (h *Heap) Old() (b Block, top uint64) { return h.old, h.oldTop }

// SetOld makes b the old generation with top as its next free word. A
// previous old block must have been freed (FreeOld) or be b itself.
func (h *Heap) SetOld(b Block, top uint64) { h.old, h.oldTop = b, top }

// FreeOld returns the old generation's block to the arena.
func (h *Heap) FreeOld() {
	if h.old.Size != 0 {
		h.A.FreeBlock(h.old)
	}
	h.old, h.oldTop = Block{}, 0
}

// OldUsed returns the number of words in use in the old generation.
func (h *Heap) OldUsed() uint64 {
	if h.old.Size == 0 {
		return 0
	}
	return h.oldTop - h.old.Start
}

// OldSize returns the size in words of the old generation as OTP reports it
// (0 when there is none).
func (h *Heap) OldSize() uint64 { return h.old.Size }

// BlockEnd returns the end of the newest young block: Top may run up to it
// without a new block.
func (h *Heap) BlockEnd() uint64 { return h.limit }

// Size returns the total words of every block of h.
func (h *Heap) Size() uint64 { return h.youngWords() + h.old.Size }

// Cons builds [hd | tl].
func (h *Heap) Cons(hd, tl term.Term) term.Term {
	p := h.Alloc(2)
	h.W[p] = uint64(hd)
	h.W[p+1] = uint64(tl)
	return term.MakeList(p)
}

// Tuple builds a tuple of elems.
func (h *Heap) Tuple(elems ...term.Term) term.Term {
	p := h.Alloc(1 + len(elems))
	h.W[p] = uint64(term.MakeHeader(term.SubTuple, len(elems)))
	for i, e := range elems {
		h.W[p+1+uint64(i)] = uint64(e)
	}
	return term.MakeBoxed(p)
}

// List builds a proper list of elems.
func (h *Heap) List(elems ...term.Term) term.Term {
	return h.ListTail(term.Nil, elems...)
}

// ListTail builds elems ++ tail.
func (h *Heap) ListTail(tail term.Term, elems ...term.Term) term.Term {
	if len(elems) == 0 {
		return tail
	}
	p := h.Alloc(2 * len(elems))
	for i, e := range elems {
		c := p + 2*uint64(i)
		h.W[c] = uint64(e)
		h.W[c+1] = uint64(term.MakeList(c + 2))
	}
	h.W[p+2*uint64(len(elems))-1] = uint64(tail)
	return term.MakeList(p)
}

// String builds the list of code points of s (a "string" in Erlang's sense).
func (h *Heap) String(s string) term.Term {
	rs := []rune(s)
	if len(rs) == 0 {
		return term.Nil
	}
	p := h.Alloc(2 * len(rs))
	for i, r := range rs {
		c := p + 2*uint64(i)
		h.W[c] = uint64(term.MakeSmall(int64(r)))
		h.W[c+1] = uint64(term.MakeList(c + 2))
	}
	h.W[p+2*uint64(len(rs))-1] = uint64(term.Nil)
	return term.MakeList(p)
}

// Float builds the float f.
func (h *Heap) Float(f float64) term.Term {
	p := h.Alloc(2)
	h.W[p] = uint64(term.MakeHeader(term.SubFloat, 1))
	h.W[p+1] = math.Float64bits(f)
	return term.MakeBoxed(p)
}

// Int builds the integer v (small when it fits).
func (h *Heap) Int(v int64) term.Term {
	if term.FitsSmall(v) {
		return term.MakeSmall(v)
	}
	return h.Big(big.NewInt(v))
}

// Uint builds the integer v.
func (h *Heap) Uint(v uint64) term.Term {
	if v <= uint64(term.MaxSmall) {
		return term.MakeSmall(int64(v))
	}
	return h.Big(new(big.Int).SetUint64(v))
}

// Big builds the integer z, as a small when it fits.
func (h *Heap) Big(z *big.Int) term.Term {
	if z.IsInt64() && term.FitsSmall(z.Int64()) {
		return term.MakeSmall(z.Int64())
	}
	ws := z.Bits()
	p := h.Alloc(1 + len(ws))
	sub := term.SubPosBig
	if z.Sign() < 0 {
		sub = term.SubNegBig
	}
	h.W[p] = uint64(term.MakeHeader(sub, len(ws)))
	for i, w := range ws {
		h.W[p+1+uint64(i)] = uint64(w)
	}
	return term.MakeBoxed(p)
}

// Binary builds a binary holding a copy of b: on the heap up to
// term.MaxHeapBin bytes, off-heap (reference-counted) above.
func (h *Heap) Binary(bins *term.BinTable, b []byte) term.Term {
	if len(b) > term.MaxHeapBin {
		return h.RefcBinary(bins, append([]byte(nil), b...))
	}
	n := len(b)
	p := h.Alloc(term.HeapBinWords(n))
	h.W[p] = uint64(term.MakeHeader(term.SubHeapBin, term.HeapBinWords(n)-1))
	h.W[p+1] = uint64(n)
	if n > 0 {
		h.W[p+1+uint64((n+7)/8)] = 0 // clear the tail word's padding
		copy(h.heapBytes(p+2, n), b)
	}
	return term.MakeBoxed(p)
}

// HeapBinary allocates an uninitialised heap binary of n bytes (n <=
// term.MaxHeapBin) and returns it with its byte slice for filling.
func (h *Heap) HeapBinary(n int) (term.Term, []byte) {
	p := h.Alloc(term.HeapBinWords(n))
	h.W[p] = uint64(term.MakeHeader(term.SubHeapBin, term.HeapBinWords(n)-1))
	h.W[p+1] = uint64(n)
	if n == 0 {
		return term.MakeBoxed(p), nil
	}
	h.W[p+1+uint64((n+7)/8)] = 0
	return term.MakeBoxed(p), h.heapBytes(p+2, n)
}

func (h *Heap) heapBytes(i uint64, n int) []byte {
	e := term.Env{W: h.W}
	return e.BytesAt(i, n)
}

// RefcBinary wraps data (now owned by the binary table) as an off-heap
// binary, linked into h's off-heap list: the heap holds the table's one
// reference until a collection finds the object dead or the heap is freed.
func (h *Heap) RefcBinary(bins *term.BinTable, data []byte) term.Term {
	return h.refcObject(bins, bins.Add(data), len(data))
}

// RefcBinaryBuffer is RefcBinary for data in a buffer from bins.Buffer,
// which goes back to bins when the binary is freed.
func (h *Heap) RefcBinaryBuffer(bins *term.BinTable, data []byte) term.Term {
	return h.refcObject(bins, bins.AddBuffer(data), len(data))
}

// RefcSlice builds a binary of the n bytes at byte offset off of the
// off-heap binary hd of bins, whose size is size bytes, taking a new
// reference to it: the whole binary's object, or a sub-binary of it.
func (h *Heap) RefcSlice(bins *term.BinTable, hd uint32, size, off, n int) term.Term {
	bins.Retain(hd)
	whole := h.refcObject(bins, hd, size)
	if off == 0 && n == size {
		return whole
	}
	return h.SubBinary(whole, uint64(off)*8, uint64(n)*8)
}

// refcObject builds the object of a refc binary of size bytes with handle
// hd, taking over the handle's one reference.
func (h *Heap) refcObject(bins *term.BinTable, hd uint32, size int) term.Term {
	p := h.Alloc(term.RefcBinWords)
	h.W[p] = uint64(term.MakeHeader(term.SubRefcBin, term.RefcBinWords-1))
	h.W[p+1] = uint64(size)
	h.W[p+2] = uint64(hd)
	h.LinkOffHeap(bins, p)
	return term.MakeBoxed(p)
}

// Resource builds a resource object for handle hd of bins (see
// term.BinTable.AddResource), taking over one reference to it: from now on
// h releases that reference when the object dies.
func (h *Heap) Resource(bins *term.BinTable, hd uint32) term.Term {
	p := h.Alloc(term.ResourceWords)
	h.W[p] = uint64(term.MakeHeader(term.SubResource, term.ResourceWords-1))
	h.W[p+1] = 0
	h.W[p+2] = uint64(hd)
	h.LinkOffHeap(bins, p)
	return term.MakeBoxed(p)
}

// SubBinary builds a bitstring of size bits starting at bit offset off of
// orig, which must be a heap or refc binary.
func (h *Heap) SubBinary(orig term.Term, off, size uint64) term.Term {
	p := h.Alloc(term.SubBinWords)
	h.W[p] = uint64(term.MakeHeader(term.SubSubBin, term.SubBinWords-1))
	h.W[p+1] = size
	h.W[p+2] = off
	h.W[p+3] = uint64(orig)
	return term.MakeBoxed(p)
}

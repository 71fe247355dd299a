package heap

import (
	"math"
	"math/big"

	"github.com/beamr/beamr/term"
)

// Heap is one process's heap (or a module's literal area): a chain of arena
// blocks with a bump pointer in the newest. Only the thread running the owning
// process touches it.
//
// Allocation follows the BEAM's discipline: Need(n, live) guarantees n free
// words before straight-line code allocates with Alloc, and is the one place
// where a collection may happen (with x registers 0..live-1 as roots). Alloc
// itself never collects; if the block is full it chains a new block (like a
// heap fragment), so BIFs may allocate freely.
type Heap struct {
	A   *Arena
	W   []uint64
	Top uint64 // next free word
	End uint64 // end of the current block

	Blocks []Block // every block of this heap, newest last
	words  uint64  // total words in Blocks

	// Collect, when set, is called by Need when the heap lacks room; it may
	// move live data and must leave at least n free words. Until a collector is
	// installed, Need grows the heap instead.
	Collect func(h *Heap, n int, live int)
}

// MinBlock is the size of a fresh heap's first block in words.
const MinBlock = 256

// New returns an empty heap in arena a with room for at least n words.
func New(a *Arena, n int) (*Heap, error) {
	h := &Heap{A: a, W: a.W}
	if err := h.grow(uint64(max(n, MinBlock))); err != nil {
		return nil, err
	}
	return h, nil
}

func (h *Heap) grow(n uint64) error {
	size := max(n, h.words/2, MinBlock)
	b, err := h.A.AllocBlock(size)
	if err != nil {
		return err
	}
	h.Blocks = append(h.Blocks, b)
	h.words += b.Size
	h.Top, h.End = b.Start, b.Start+b.Size
	return nil
}

// Free returns every block of h to the arena. h must not be used afterwards.
func (h *Heap) Free() {
	for _, b := range h.Blocks {
		h.A.FreeBlock(b)
	}
	h.Blocks = nil
	h.Top, h.End, h.words = 0, 0, 0
}

// Need makes sure n words can be allocated without growing. live is the
// number of x registers holding roots, for a collector.
func (h *Heap) Need(n int, live int) {
	if h.Top+uint64(n) <= h.End {
		return
	}
	if h.Collect != nil {
		h.Collect(h, n, live)
		if h.Top+uint64(n) <= h.End {
			return
		}
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
		h.mustGrow(uint64(n))
		p = h.Top
	}
	h.Top = p + uint64(n)
	return p
}

// Size returns the total words of every block of h.
func (h *Heap) Size() uint64 { return h.words }

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

// RefcBinary wraps data (now owned by the binary table) as an off-heap binary.
func (h *Heap) RefcBinary(bins *term.BinTable, data []byte) term.Term {
	hd := bins.Add(data)
	p := h.Alloc(term.RefcBinWords)
	h.W[p] = uint64(term.MakeHeader(term.SubRefcBin, term.RefcBinWords-1))
	h.W[p+1] = uint64(len(data))
	h.W[p+2] = uint64(hd)
	h.W[p+3] = 0
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

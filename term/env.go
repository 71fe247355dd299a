package term

import (
	"math"
	"math/big"
	"unsafe"
)

// Env is what term functions need to read terms of one runtime: its memory
// (every process heap and literal area, indexed by word) and its tables.
// W never moves for the life of the runtime.
type Env struct {
	W     []uint64
	Atoms *AtomTable
	Bins  *BinTable
}

// Allocator hands out words of memory for building terms. Alloc returns the
// word index of n fresh words; it never fails (it grows the heap instead).
type Allocator interface {
	Alloc(n int) uint64
}

// Hd returns the head of the cons cell t.
func (e *Env) Hd(t Term) Term { return Term(e.W[t.Index()]) }

// Tl returns the tail of the cons cell t.
func (e *Env) Tl(t Term) Term { return Term(e.W[t.Index()+1]) }

// Header returns the header word of the boxed object t.
func (e *Env) Header(t Term) Term { return Term(e.W[t.Index()]) }

// Word returns body word i (1-based, after the header) of the boxed object t.
func (e *Env) Word(t Term, i int) uint64 { return e.W[t.Index()+uint64(i)] }

// BoxedSub returns the subtag of t when t is boxed, or -1.
func (e *Env) BoxedSub(t Term) int {
	if !t.IsBoxed() {
		return -1
	}
	return e.Header(t).HeaderSub()
}

// IsTuple reports whether t is a tuple.
func (e *Env) IsTuple(t Term) bool { return t.IsBoxed() && e.Header(t).HeaderSub() == SubTuple }

// TupleArity returns the arity of tuple t.
func (e *Env) TupleArity(t Term) int { return e.Header(t).HeaderArity() }

// Elem returns element i (0-based) of tuple t.
func (e *Env) Elem(t Term, i int) Term { return Term(e.W[t.Index()+1+uint64(i)]) }

// IsFloat reports whether t is a float.
func (e *Env) IsFloat(t Term) bool { return t.IsBoxed() && e.Header(t).HeaderSub() == SubFloat }

// Float returns the value of float t.
func (e *Env) Float(t Term) float64 { return math.Float64frombits(e.W[t.Index()+1]) }

// IsBig reports whether t is a bignum.
func (e *Env) IsBig(t Term) bool {
	if !t.IsBoxed() {
		return false
	}
	s := e.Header(t).HeaderSub()
	return s == SubPosBig || s == SubNegBig
}

// IsInteger reports whether t is an integer (small or big).
func (e *Env) IsInteger(t Term) bool { return t.IsSmall() || e.IsBig(t) }

// IsNumber reports whether t is an integer or a float.
func (e *Env) IsNumber(t Term) bool { return t.IsSmall() || e.IsBig(t) || e.IsFloat(t) }

// BigInt returns the value of integer t (small or big) as a new big.Int.
func (e *Env) BigInt(t Term) *big.Int {
	if t.IsSmall() {
		return big.NewInt(t.Small())
	}
	h := e.Header(t)
	n := h.HeaderArity()
	i := t.Index() + 1
	words := make([]big.Word, n)
	for k := 0; k < n; k++ {
		words[k] = big.Word(e.W[i+uint64(k)])
	}
	z := new(big.Int).SetBits(words)
	if h.HeaderSub() == SubNegBig {
		z.Neg(z)
	}
	return z
}

// Map layout: header(SubMap, 1+2n), n, keys, values (value i belongs to
// key i). Every map is flat, whatever its size, and its pairs are in OTP's
// storage order (mapord.go):
//   - n <= MapFlatLimit (32): keys ascending by CompareExact, as in an OTP
//     flatmap;
//   - n > MapFlatLimit: hash order, the order of maps:to_list/1,
//     maps:keys/1 and term_to_binary/1 for OTP's hash trie of those keys;
//     maps:next/1 and printing visit it backwards (MapIterIndex).
// The order depends only on the set of keys, so equal maps have equal
// layouts. Build maps with SortMapPairs and look keys up with MapLookup or
// MapIndex; never assume a large map is in key order (MapKeyOrder gives it).

// IsMap reports whether t is a map.
func (e *Env) IsMap(t Term) bool { return t.IsBoxed() && e.Header(t).HeaderSub() == SubMap }

// MapSize returns the number of keys of map t.
func (e *Env) MapSize(t Term) int { return int(e.W[t.Index()+1]) }

// MapKey returns key i (0-based, in storage order) of map t.
func (e *Env) MapKey(t Term, i int) Term { return Term(e.W[t.Index()+2+uint64(i)]) }

// MapValue returns the value of key i (0-based) of map t.
func (e *Env) MapValue(t Term, i int) Term {
	return Term(e.W[t.Index()+2+uint64(e.MapSize(t))+uint64(i)])
}

// IsFun reports whether t is a closure or an external fun.
func (e *Env) IsFun(t Term) bool {
	if !t.IsBoxed() {
		return false
	}
	s := e.Header(t).HeaderSub()
	return s == SubFun || s == SubExport
}

// IsRef reports whether t is a reference.
func (e *Env) IsRef(t Term) bool { return t.IsBoxed() && e.Header(t).HeaderSub() == SubRef }

// Fun layout: header(SubFun, 4+nfree), entry id, module atom,
// index<<32|nfree<<8|arity, old uniq, free variables...

// FunEntry returns the runtime fun-table id of closure t.
func (e *Env) FunEntry(t Term) uint32 { return uint32(e.W[t.Index()+1]) }

// FunModule returns the defining module of closure t.
func (e *Env) FunModule(t Term) Term { return Term(e.W[t.Index()+2]) }

// FunIndex returns the FunT index of closure t.
func (e *Env) FunIndex(t Term) uint32 { return uint32(e.W[t.Index()+3] >> 32) }

// FunNumFree returns the number of captured variables of closure t.
func (e *Env) FunNumFree(t Term) int { return int(e.W[t.Index()+3]>>8) & 0xFFFFFF }

// FunArity returns the arity of closure t (not counting captured variables).
func (e *Env) FunArity(t Term) int { return int(e.W[t.Index()+3] & 0xFF) }

// FunUniq returns the old uniq of closure t.
func (e *Env) FunUniq(t Term) uint32 { return uint32(e.W[t.Index()+4]) }

// FunFree returns captured variable i of closure t.
func (e *Env) FunFree(t Term, i int) Term { return Term(e.W[t.Index()+5+uint64(i)]) }

// FunHeaderWords is the number of words of a closure without its free variables.
const FunHeaderWords = 5

// Export layout: header(SubExport, 4), export index, module, function, arity.

// ExportIndex returns the runtime export-table index of external fun t.
func (e *Env) ExportIndex(t Term) uint32 { return uint32(e.W[t.Index()+1]) }

// ExportMFA returns the module, function and arity of external fun t.
func (e *Env) ExportMFA(t Term) (m, f Term, a int) {
	i := t.Index()
	return Term(e.W[i+2]), Term(e.W[i+3]), int(e.W[i+4])
}

// ExportWords is the size of an external fun object.
const ExportWords = 5

// IsBitstring reports whether t is a binary or bitstring (a binary match
// context counts, as the bits it has not matched yet).
func (e *Env) IsBitstring(t Term) bool {
	if !t.IsBoxed() {
		return false
	}
	s := e.Header(t).HeaderSub()
	return s == SubHeapBin || s == SubRefcBin || s == SubSubBin || s == SubMatch
}

// IsBinary reports whether t is a binary (a bitstring of whole bytes).
func (e *Env) IsBinary(t Term) bool {
	if !e.IsBitstring(t) {
		return false
	}
	_, _, size := e.Bits(t)
	return size%8 == 0
}

// Binary layouts:
//   heap:  header(SubHeapBin, 1+words), byte size, bytes packed into words
//   refc:  header(SubRefcBin, 3), byte size, handle, off-heap link
//   sub:   header(SubSubBin, 3), bit size, bit offset, original (heap or refc)

//   resource: header(SubResource, 3), 0, handle, off-heap link
//
// A resource object has a refc binary's layout with byte size 0, so the
// off-heap lists, collectors and copiers treat both alike. To Erlang it is
// a port (is_port/1, term order, printing as #Port<0.N>) numbered by its
// handle.

// ResourceWords is the size of a resource object.
const ResourceWords = 4

// IsOffHeapSub reports whether subtag s is an object holding a handle of
// the BinTable (a refc binary or a resource).
func IsOffHeapSub(s int) bool { return s == SubRefcBin || s == SubResource }

// IsPortLike reports whether t is a port: an immediate port or a resource.
func (e *Env) IsPortLike(t Term) bool {
	return t.IsPort() || t.IsBoxed() && Term(e.W[t.Index()]).HeaderSub() == SubResource
}

// PortNum returns the number of the port t (IsPortLike): an immediate's
// number or a resource's handle.
func (e *Env) PortNum(t Term) uint64 {
	if t.IsPort() {
		return t.PortNumber()
	}
	return e.W[t.Index()+2]
}

// Resource returns the resource the resource object t refers to, or nil
// when t is not one.
func (e *Env) Resource(t Term) Resource {
	if !t.IsBoxed() || Term(e.W[t.Index()]).HeaderSub() != SubResource {
		return nil
	}
	return e.Bins.Get(uint32(e.W[t.Index()+2])).Res
}

// HeapBinWords returns the number of words a heap binary of n bytes takes.
func HeapBinWords(n int) int { return 2 + (n+7)/8 }

// MaxHeapBin is the largest binary kept on a process heap.
const MaxHeapBin = 64

// RefcBinWords and SubBinWords are the sizes of those objects.
const (
	RefcBinWords = 4
	SubBinWords  = 4
)

// BytesAt returns n bytes of memory starting at word index i.
func (e *Env) BytesAt(i uint64, n int) []byte {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&e.W[i])), n)
}

// Bits returns the bytes underlying bitstring t, the bit offset at which t
// starts in them and t's length in bits.
func (e *Env) Bits(t Term) (data []byte, off uint64, size uint64) {
	i := t.Index()
	h := Term(e.W[i])
	switch h.HeaderSub() {
	case SubHeapBin:
		n := int(e.W[i+1])
		return e.BytesAt(i+2, n), 0, uint64(n) * 8
	case SubRefcBin:
		n := e.W[i+1]
		return e.Bins.Get(uint32(e.W[i+2])).Data[:n], 0, n * 8
	case SubSubBin:
		d, o, _ := e.Bits(Term(e.W[i+3]))
		return d, o + e.W[i+2], e.W[i+1]
	case SubMatch:
		// A binary match context (header, orig, pos, end as small
		// integers) reads as the bits not yet matched: newer compilers
		// pass contexts to byte_size/1 and bit_size/1.
		d, o, _ := e.Bits(Term(e.W[i+1]))
		pos, end := Term(e.W[i+2]).Small(), Term(e.W[i+3]).Small()
		return d, o + uint64(pos), uint64(end - pos)
	}
	return nil, 0, 0
}

// Bytes returns the bytes of binary t without copying when t is byte-aligned;
// otherwise it returns a fresh copy. ok is false when t is not a binary.
func (e *Env) Bytes(t Term) (b []byte, ok bool) {
	if !e.IsBitstring(t) {
		return nil, false
	}
	d, off, size := e.Bits(t)
	if size%8 != 0 {
		return nil, false
	}
	if off%8 == 0 {
		return d[off/8 : off/8+size/8], true
	}
	out := make([]byte, size/8)
	CopyBits(out, 0, d, off, size)
	return out, true
}

// CopyBits copies n bits from src at bit offset so to dst at bit offset do.
// Bits are numbered from the most significant bit of each byte, as in Erlang.
func CopyBits(dst []byte, do uint64, src []byte, so uint64, n uint64) {
	if do%8 == 0 && so%8 == 0 {
		nb := n / 8
		copy(dst[do/8:do/8+nb], src[so/8:so/8+nb])
		do += nb * 8
		so += nb * 8
		n -= nb * 8
	}
	for ; n > 0; n-- {
		bit := (src[so/8] >> (7 - so%8)) & 1
		mask := byte(1) << (7 - do%8)
		if bit != 0 {
			dst[do/8] |= mask
		} else {
			dst[do/8] &^= mask
		}
		do++
		so++
	}
}

// Atom returns the atom named name, creating it (panics only if the atom table is full,
// which only predefined startup names could cause).
func (e *Env) Atom(name string) Term {
	a, ok := e.Atoms.Intern(name)
	if !ok {
		panic("term: atom table full")
	}
	return a
}

// AtomName returns the text of atom a.
func (e *Env) AtomName(a Term) string { return e.Atoms.Name(a) }

// IsList reports whether t is a cons cell or nil (a list, possibly improper).
func IsListOrNil(t Term) bool { return t.IsList() || t == Nil }

package heap

import (
	"fmt"

	"github.com/beamr/beamr/term"
)

// Object layouts, as a collector or a copier must see them.
//
// Memory holds two kinds of objects. A cons cell is two words, head and
// tail, both terms; it has no header, and its head is never a header word
// (tag 00), which is how a linear walk tells the two kinds apart. A boxed
// object is a header word (arity << 6 | subtag << 2) followed by arity body
// words. Some body words are terms (immediates or pointers that a collector
// follows and updates); others are RAW machine words that may look like
// anything, including a list or boxed pointer, and must never be followed.
// Every subtag's body, as built by the code that makes it:
//
//	SubTuple        (0)  n terms (the elements). Native-record definitions
//	                     are built as tuples too: hash, module, name,
//	                     exported, keys (all terms).
//	SubMatch        (1)  arity 3: orig (a term: pointer to the heap or refc
//	                     binary matched), pos and end (small integers).
//	                     vm/bitsyntax_match.go.
//	SubPosBig,
//	SubNegBig   (2, 3)   n RAW words: the magnitude's 64-bit digits, least
//	                     significant first. Big in heap.go, term decoder.
//	SubRef          (4)  n RAW words: the reference's numbers.
//	SubFun          (5)  arity 4+nfree: entry id RAW, module atom (term,
//	                     always an immediate), index<<32|nfree<<8|arity RAW,
//	                     old uniq RAW, then nfree terms (the free
//	                     variables). term/env.go, vm make_fun.
//	SubFloat        (6)  arity 1: RAW float64 bits.
//	SubExport       (7)  arity 4: export index RAW, module atom, function
//	                     atom (terms, immediates), arity RAW (an untagged
//	                     integer). vm/funs.go.
//	SubRefcBin      (8)  arity 3: byte size RAW (for a writable buffer its
//	                     capacity), handle RAW (index into term.BinTable),
//	                     off-heap link RAW (word index of the next refc
//	                     binary of the same off-heap list, 0 at the end).
//	SubHeapBin      (9)  arity 1+ceil(size/8): byte size RAW, then the bytes
//	                     packed into RAW words.
//	SubSubBin      (10)  arity 3: bit size RAW, bit offset RAW, orig (a
//	                     term: pointer to the heap or refc binary).
//	SubExternal    (11)  reserved, never built: invalid.
//	SubMap         (12)  arity 1+2n: n RAW (untagged count), n keys, n
//	                     values (terms).
//	SubResource    (13)  arity 3: 0 RAW (a refc binary's size word),
//	                     handle RAW (index into term.BinTable, whose entry
//	                     holds a term.Resource), off-heap link RAW: the
//	                     layout of a refc binary, on the same off-heap
//	                     lists. Resource in heap.go, io resources.
//	SubNativeRecord(14)  arity 1+n: definition (a term: pointer to a
//	                     definition tuple), n values (terms).
//	SubCP          (15)  not an object: continuation pointers live only on
//	                     process stacks. Invalid in memory.
//
// In every valid object the term words form one contiguous run, which
// TermWords returns.

// TermWords returns where the term words of a boxed object with header hdr
// lie: body words first..first+n-1 (1-based, after the header). Every other
// body word is raw. ok is false for a subtag that never occurs in memory.
func TermWords(hdr term.Term) (first, n int, ok bool) {
	a := hdr.HeaderArity()
	switch hdr.HeaderSub() {
	case term.SubTuple, term.SubMatch, term.SubNativeRecord:
		return 1, a, true
	case term.SubFun:
		return term.FunHeaderWords, a - (term.FunHeaderWords - 1), true
	case term.SubMap:
		return 2, a - 1, true
	case term.SubSubBin:
		return 3, 1, true
	case term.SubPosBig, term.SubNegBig, term.SubRef, term.SubFloat, term.SubExport,
		term.SubRefcBin, term.SubHeapBin, term.SubResource:
		return 1, 0, true
	}
	return 0, 0, false
}

// CheckHeader reports what is wrong with the boxed object at word index i
// of w whose header is w[i], or nil when the header is well formed for its
// subtag (the arity the subtag requires, and the words that encode sizes
// agreeing with it). It reads only the object's own words.
func CheckHeader(w []uint64, i uint64) error {
	hdr := term.Term(w[i])
	if !hdr.IsHeader() {
		return fmt.Errorf("word %d: %#x is no header", i, uint64(hdr))
	}
	a := hdr.HeaderArity()
	if i+1+uint64(a) > uint64(len(w)) {
		return fmt.Errorf("object at %d: arity %d runs past memory", i, a)
	}
	bad := func(what string) error {
		return fmt.Errorf("object at %d (header %#x, subtag %d, arity %d): %s", i, uint64(hdr), hdr.HeaderSub(), a, what)
	}
	switch hdr.HeaderSub() {
	case term.SubTuple, term.SubNativeRecord:
		if hdr.HeaderSub() == term.SubNativeRecord && a < 1 {
			return bad("native record without a definition")
		}
	case term.SubMatch:
		if a != 3 {
			return bad("match context arity is not 3")
		}
		if !term.Term(w[i+2]).IsSmall() || !term.Term(w[i+3]).IsSmall() {
			return bad("match context position or end is not a small integer")
		}
	case term.SubPosBig, term.SubNegBig:
		if a < 1 {
			return bad("bignum without digits")
		}
	case term.SubRef:
		if a < 1 {
			return bad("reference without numbers")
		}
	case term.SubFun:
		if a < term.FunHeaderWords-1 {
			return bad("closure shorter than its fixed words")
		}
		if nfree := int(w[i+3]>>8) & 0xFFFFFF; nfree != a-(term.FunHeaderWords-1) {
			return bad(fmt.Sprintf("closure says %d free variables, arity leaves room for %d", nfree, a-(term.FunHeaderWords-1)))
		}
	case term.SubFloat:
		if a != 1 {
			return bad("float arity is not 1")
		}
	case term.SubExport:
		if a != term.ExportWords-1 {
			return bad("export arity is not 4")
		}
	case term.SubRefcBin:
		if a != term.RefcBinWords-1 {
			return bad("refc binary arity is not 3")
		}
	case term.SubResource:
		if a != term.ResourceWords-1 || w[i+1] != 0 {
			return bad("resource arity is not 3 or its size word is not 0")
		}
	case term.SubHeapBin:
		if n := w[i+1]; a < 1 || n > term.MaxHeapBin || uint64(a) != 1+(n+7)/8 {
			return bad(fmt.Sprintf("heap binary of %d bytes", n))
		}
	case term.SubSubBin:
		if a != term.SubBinWords-1 {
			return bad("sub-binary arity is not 3")
		}
	case term.SubMap:
		if a < 1 || uint64(a) != 1+2*w[i+1] {
			return bad(fmt.Sprintf("map of %d pairs", w[i+1]))
		}
	default:
		return bad("subtag never built in memory")
	}
	return nil
}

// ObjectWords returns the number of words of the object that starts at
// word index i of w: 2 for a cons cell, 1+arity for a boxed object.
func ObjectWords(w []uint64, i uint64) uint64 {
	if h := term.Term(w[i]); h.IsHeader() {
		return 1 + uint64(h.HeaderArity())
	}
	return 2
}

package heap

import "github.com/beamr/beamr/term"

// Small messages travel inside their Frag: a term of at most InlineWords
// words with no refc binary in it ({token, N}, {Tag, Pid}, a cons cell) is
// copied into the Frag's own words, with its pointers relative to the
// first of them, so sending it takes no block from the arena and taking it
// in is one short copy (TakeFrag). Such a Frag has Size 0 and the
// inlineFlag bit set in Used; it must only be given to Release and
// TakeFrag, never to Attach.

// InlineWords is the size in words of the largest term a Frag carries
// inside itself.
const InlineWords = 3

const inlineFlag = 1 << 63

// flatFlag marks an inline Frag whose term holds no pointer among its
// words (a tuple or cons cell of immediates): taking it in is a plain copy.
const flatFlag = 1 << 62

// Inline reports whether f carries its term inside itself.
func (f *Frag) Inline() bool { return f.Used&inlineFlag != 0 }

// inlineWord returns a pointer to word i of an inline Frag's term.
func (f *Frag) inlineWord(i uint64) *uint64 {
	switch i {
	case 0:
		return &f.Start
	case 1:
		return &f.Off
	}
	return &f.OffWords
}

// CopyMessage is CopyToFrag for a message: a small term without refc
// binaries is carried inside the returned Frag (see Inline), any other
// one as CopyToFrag copies it. The Frag must be taken in with TakeFrag or
// dropped with Release.
func CopyMessage(a *Arena, env *term.Env, t term.Term) (term.Term, Frag) {
	if !isPointer(t) {
		return t, Frag{}
	}
	if root, f, ok := flatInline(a.W, t); ok {
		return root, f
	}
	var buf [InlineWords]uint64
	if root, n, ok := copyInline(a.W, t, &buf); ok {
		f := Frag{Used: n | inlineFlag}
		for i := uint64(0); i < n; i++ {
			*f.inlineWord(i) = buf[i]
		}
		return root, f
	}
	return CopyToFrag(a, env, t)
}

// flatInline carries in an inline Frag the commonest small message: a
// cons cell or a tuple of at most InlineWords-1 elements, all of them
// immediates.
func flatInline(w []uint64, t term.Term) (term.Term, Frag, bool) {
	i := t.Index()
	if t&3 == term.TagList {
		hd, tl := w[i], w[i+1]
		if hd&3 != term.TagImmed || tl&3 != term.TagImmed {
			return 0, Frag{}, false
		}
		return term.MakeList(0), Frag{Block: Block{Start: hd}, Off: tl, Used: 2 | inlineFlag | flatFlag}, true
	}
	hdr := w[i]
	if hdr&0x3F != uint64(term.MakeHeader(term.SubTuple, 0)) {
		return 0, Frag{}, false
	}
	f := Frag{Block: Block{Start: hdr}}
	switch hdr >> 6 {
	case 0:
	case 1:
		if f.Off = w[i+1]; f.Off&3 != term.TagImmed {
			return 0, Frag{}, false
		}
	case 2:
		f.Off, f.OffWords = w[i+1], w[i+2]
		if f.Off&3 != term.TagImmed || f.OffWords&3 != term.TagImmed {
			return 0, Frag{}, false
		}
	default:
		return 0, Frag{}, false
	}
	f.Used = 1 + hdr>>6 | inlineFlag | flatFlag
	return term.MakeBoxed(0), f, true
}

// copyInline copies t into buf with pointers relative to buf[0], as long
// as it fits and holds no refc binary (whose copy would take a reference).
func copyInline(w []uint64, t term.Term, buf *[InlineWords]uint64) (root term.Term, n uint64, ok bool) {
	shallow := func(t term.Term) (term.Term, bool) {
		switch t & 3 {
		case term.TagList:
			if n+2 > InlineWords {
				return 0, false
			}
			i, p := t.Index(), n
			buf[p], buf[p+1] = w[i], w[i+1]
			n += 2
			return term.MakeList(p), true
		case term.TagBoxed:
			i := t.Index()
			hdr := term.Term(w[i])
			size := 1 + uint64(hdr.HeaderArity())
			if term.IsOffHeapSub(hdr.HeaderSub()) || n+size > InlineWords {
				return 0, false
			}
			p := n
			copy(buf[p:p+size], w[i:i+size])
			n += size
			return term.MakeBoxed(p), true
		}
		return t, true
	}
	if root, ok = shallow(t); !ok {
		return 0, 0, false
	}
	for s := uint64(0); s < n; {
		hdr := term.Term(buf[s])
		first, k := 0, 2 // a cons cell: both words are terms
		size := uint64(2)
		if hdr.IsHeader() {
			first, k, _ = TermWords(hdr)
			size = 1 + uint64(hdr.HeaderArity())
		}
		for j := s + uint64(first); j < s+uint64(first+k); j++ {
			e, ok := shallow(term.Term(buf[j]))
			if !ok {
				return 0, 0, false
			}
			buf[j] = uint64(e)
		}
		s += size
	}
	return root, n, true
}

// takeInline copies the term of inline Frag f into h and returns it.
func (h *Heap) takeInline(f *Frag, t term.Term) term.Term {
	n := f.Used &^ (inlineFlag | flatFlag)
	at := h.Alloc(int(n))
	w := h.W
	if f.Used&flatFlag != 0 {
		w[at] = f.Start
		if n > 1 {
			w[at+1] = f.Off
			if n > 2 {
				w[at+2] = f.OffWords
			}
		}
		*f = Frag{}
		return t + term.Term(at<<2)
	}
	for i := uint64(0); i < n; i++ {
		w[at+i] = *f.inlineWord(i)
	}
	// Every pointer of the term is relative to its first word.
	d := term.Term(at << 2)
	relocate(w[at:at+n], 0, n, d)
	*f = Frag{}
	return t + d // t is a pointer: an immediate needs no Frag
}

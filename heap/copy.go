package heap

import "github.com/beamr/beamr/term"

// CopyWords returns the number of words a deep copy of t takes in beamr's
// layout (see layout.go): every cons cell and boxed object reachable from
// t, counted once per path that reaches it (sharing is not preserved).
// Immediates take no words.
func CopyWords(w []uint64, t term.Term) uint64 {
	var n uint64
	var buf [32]term.Term // most terms need no more: no allocation
	stack := buf[:0]
	for {
		switch t & 3 {
		case term.TagList:
			i := t.Index()
			n += 2
			if hd := term.Term(w[i]); isPointer(hd) {
				stack = append(stack, hd)
			}
			t = term.Term(w[i+1])
			continue
		case term.TagBoxed:
			i := t.Index()
			hdr := term.Term(w[i])
			n += 1 + uint64(hdr.HeaderArity())
			first, k, _ := TermWords(hdr)
			for j := i + uint64(first); j < i+uint64(first+k); j++ {
				if e := term.Term(w[j]); isPointer(e) {
					stack = append(stack, e)
				}
			}
		}
		if len(stack) == 0 {
			return n
		}
		t = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
	}
}

// isPointer reports whether t is a list or boxed pointer.
func isPointer(t term.Term) bool { return t&3 == term.TagList || t&3 == term.TagBoxed }

// CopyTerm returns a deep copy of t, which may live anywhere in the arena
// (another process's heap, a literal area), built in one contiguous run of
// h's young generation. Shared subterms are copied once per reference, as
// OTP copies a message. Every refc binary of the copy takes a new
// reference of its handle and is linked into h's off-heap list, so the
// source and the copy release theirs independently.
//
// CopyTerm never collects. t must stay valid (not be moved or freed) while
// it runs.
func (h *Heap) CopyTerm(env *term.Env, t term.Term) term.Term {
	if !isPointer(t) {
		return t
	}
	n := CopyWords(h.W, t)
	at := h.Alloc(int(n))
	root, off := copyAt(env, h.W, at, n, t)
	for off != 0 {
		next := h.W[off+3]
		h.LinkOffHeap(env.Bins, off)
		off = next
	}
	return root
}

// copyAt copies t, whose copy takes n words (CopyWords), to w[at:at+n]
// and returns the copy. Every refc binary of the copy takes a new
// reference of its handle; the copies of them are returned as a list
// linked through their link words (0 when there are none), for the caller
// to put on an off-heap list.
func copyAt(env *term.Env, w []uint64, at, n uint64, t term.Term) (root term.Term, off uint64) {
	next := at
	// shallow copies the object t points to at next and returns the
	// pointer to the copy; the copy's words still point into the source
	// until the scan below reaches them.
	shallow := func(t term.Term) term.Term {
		switch t & 3 {
		case term.TagList:
			i := t.Index()
			p := next
			w[p], w[p+1] = w[i], w[i+1]
			next += 2
			return term.MakeList(p)
		case term.TagBoxed:
			i := t.Index()
			size := 1 + uint64(term.Term(w[i]).HeaderArity())
			p := next
			copy(w[p:p+size], w[i:i+size])
			next += size
			return term.MakeBoxed(p)
		}
		return t
	}
	root = shallow(t)
	for s := at; s < next; {
		hdr := term.Term(w[s])
		if !hdr.IsHeader() {
			w[s] = uint64(shallow(hdr))
			w[s+1] = uint64(shallow(term.Term(w[s+1])))
			s += 2
			continue
		}
		first, k, _ := TermWords(hdr)
		for j := s + uint64(first); j < s+uint64(first+k); j++ {
			w[j] = uint64(shallow(term.Term(w[j])))
		}
		if term.IsOffHeapSub(hdr.HeaderSub()) {
			env.Bins.Retain(uint32(w[s+2]))
			w[s+3] = off
			off = s
		}
		s += 1 + uint64(hdr.HeaderArity())
	}
	if next != at+n {
		panic("heap: CopyTerm: copy size differs from its size pass")
	}
	return root, off
}

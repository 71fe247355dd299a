package heap

import "github.com/beamr/beamr/term"

// Frag is a heap fragment: a block outside every process heap holding one
// copied term — a message in flight, an exit reason, a timer's message —
// together with the refc binaries that term references, linked on the
// fragment's own off-heap list. A fragment is owned by exactly one holder
// at a time: the signal carrying it, then the heap it is attached to (or
// nobody, once Release has run).
type Frag struct {
	Block           // Size 0: the term needed no words (an immediate)
	Used     uint64 // words of the block the term takes
	Off      uint64 // first refc binary object of the fragment, 0 if none
	OffWords uint64 // bytes/8 of those binaries
}

// CopyToFrag copies t into a new fragment of arena a and returns the copy
// and the fragment. An immediate needs no fragment: it comes back as is
// with a zero Frag. t must stay valid while CopyToFrag runs.
func CopyToFrag(a *Arena, env *term.Env, t term.Term) (term.Term, Frag) {
	if !isPointer(t) {
		return t, Frag{}
	}
	n := CopyWords(a.W, t)
	b, err := a.AllocBlock(n)
	if err != nil {
		panic(OutOfMemory{err})
	}
	c, off := copyAt(env, a.W, b.Start, n, t)
	f := Frag{Block: b, Used: n, Off: off}
	for i := off; i != 0; i = a.W[i+3] {
		f.OffWords += (a.W[i+1] + 7) / 8
	}
	return c, f
}

// Release drops the references of the fragment's refc binaries and
// returns its block to the arena: the end of a message nobody received.
func (f *Frag) Release(a *Arena, bins *term.BinTable) {
	if f.Inline() {
		*f = Frag{}
		return
	}
	for i := f.Off; i != 0; {
		next := a.W[i+3]
		bins.Release(uint32(a.W[i+2]))
		i = next
	}
	if f.Size != 0 {
		a.FreeBlock(f.Block)
	}
	*f = Frag{}
}

// Attach makes fragment f part of h's young generation: the terms in it
// become h's to read, and the next collection copies what survives out of
// it and frees it. The fragment's binaries join h's off-heap list. Many
// attached words make the next Need collect, as OTP collects a process
// whose messages have piled up in heap fragments.
func (h *Heap) Attach(f *Frag) {
	if f.Off != 0 {
		last := f.Off
		for h.W[last+3] != 0 {
			last = h.W[last+3]
		}
		h.W[last+3] = h.YoungOff
		h.YoungOff = f.Off
		h.OffWords += f.OffWords
		if h.OffWords > h.BinVHeapSize && h.Collect != nil && h.End > h.Top {
			h.End = h.Top // collect at the next Need, as LinkOffHeap does
		}
	}
	if f.Size != 0 {
		if h.fr == nil {
			h.fr = &fragList{}
		}
		fr := h.fr
		fr.blocks = append(fr.blocks, f.Block)
		fr.ends = append(fr.ends, f.Start+f.Used)
		fr.words += f.Used
		fr.blockWords += f.Size
		if h.Collect != nil && h.FragsDue() && h.End > h.Top {
			h.End = h.Top
		}
	}
	*f = Frag{}
}

// fragList holds the message fragments attached to a heap since its last
// collection: young data too, outside the young blocks.
type fragList struct {
	blocks     []Block
	ends       []uint64 // where each fragment's term ends
	words      uint64   // words the fragments' terms take
	blockWords uint64   // words of the fragments' blocks
}

// Frags returns the fragments attached since the last collection as
// [start, end) runs of words.
func (h *Heap) Frags() [][2]uint64 {
	if h.fr == nil {
		return nil
	}
	out := make([][2]uint64, len(h.fr.blocks))
	for i, b := range h.fr.blocks {
		out[i] = [2]uint64{b.Start, h.fr.ends[i]}
	}
	return out
}

// FragWords returns the number of words in attached fragments.
func (h *Heap) FragWords() uint64 {
	if h.fr == nil {
		return 0
	}
	return h.fr.words
}

// FragsDue reports whether attached fragments take more memory than the
// young generation (and at least fragSlack words), so that a collection
// should gather them even if the process allocates nothing itself.
func (h *Heap) FragsDue() bool { return h.fr != nil && h.fr.blockWords > max(h.HeapSize, fragSlack) }

// fragSlack is how many words of message fragments a process may hold
// before they make it collect: collecting a small heap for every few
// dozen messages would cost more than the memory it frees.
const fragSlack = 1024

// freeFrags returns the attached fragments' blocks to the arena.
func (h *Heap) freeFrags() {
	fr := h.fr
	if fr == nil {
		return
	}
	for _, b := range fr.blocks {
		h.A.FreeBlock(b)
	}
	fr.blocks, fr.ends, fr.words, fr.blockWords = fr.blocks[:0], fr.ends[:0], 0, 0
}

// Reset drops every term of h, releasing its off-heap binaries, and keeps
// only its first young block, empty: a scratch heap is reused this way.
func (h *Heap) Reset() {
	h.releaseList(h.YoungOff)
	h.releaseList(h.OldOff)
	h.YoungOff, h.OldOff, h.OffWords = 0, 0, 0
	if len(h.young) == 0 {
		return
	}
	b := h.young[0]
	for _, ob := range h.young[1:] {
		h.A.FreeBlock(ob)
	}
	h.freeFrags()
	h.FreeOld()
	h.young = h.young[:1]
	h.youngEnds = h.youngEnds[:0]
	h.Top, h.limit, h.HWM = b.Start, b.Start+b.Size, b.Start
	h.End = h.limit
}

// TakeFrag moves the term t of fragment f (from CopyToFrag or
// CopyMessage) into h and
// frees f, returning the moved term. The fragment's words are copied as a
// block and the pointers between them relocated, which is cheaper than
// copying the term object by object; a fragment holding refc binaries is
// copied with CopyTerm instead, which takes references of its own, and then
// released.
func (h *Heap) TakeFrag(env *term.Env, f *Frag, t term.Term) term.Term {
	if f.Inline() {
		return h.takeInline(f, t)
	}
	if f.Size == 0 {
		return t
	}
	if f.Off != 0 {
		m := h.CopyTerm(env, t)
		f.Release(h.A, env.Bins)
		return m
	}
	n := f.Used
	at := h.Alloc(int(n))
	w := h.W
	lo := f.Start
	copy(w[at:at+n], w[lo:lo+n])
	// A pointer into the fragment moves by the same number of words as
	// the fragment; pointers to literals stay.
	d := term.Term((at - lo) << 2)
	relocate(w[at:at+n], lo, n, d)
	h.A.FreeBlock(f.Block)
	*f = Frag{}
	if uint64(t)-lo<<2 < n<<2 {
		t += d
	}
	return t
}

// relocate moves by d (a word count shifted left by 2) every pointer into
// the words [lo, lo+n) found in the term words of the objects laid out
// one after another in w (cons cells and boxed objects, raw words
// skipped); other words stay.
func relocate(w []uint64, lo, n uint64, d term.Term) {
	base, size := lo<<2, n<<2
	move := func(e term.Term) term.Term {
		if tag := e & 3; (tag == term.TagList || tag == term.TagBoxed) && uint64(e)-base < size {
			return e + d
		}
		return e
	}
	for s := 0; s < len(w); {
		hdr := term.Term(w[s])
		if !hdr.IsHeader() { // a cons cell
			w[s] = uint64(move(hdr))
			w[s+1] = uint64(move(term.Term(w[s+1])))
			s += 2
			continue
		}
		first, k, _ := TermWords(hdr)
		for j := s + first; j < s+first+k; j++ {
			w[j] = uint64(move(term.Term(w[j])))
		}
		s += 1 + int(hdr.HeaderArity())
	}
}

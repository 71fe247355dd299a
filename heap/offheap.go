package heap

import "github.com/beamr/beamr/term"

// LinkOffHeap links the refc binary object at word index p (already
// allocated on h and holding one reference of bins) into h's young
// off-heap list. From then on h releases that reference exactly once: when
// a collection finds the object dead, or when h is freed. It implements
// term.OffHeapLinker for the external term decoder.
func (h *Heap) LinkOffHeap(bins *term.BinTable, p uint64) {
	if h.Bins == nil {
		h.Bins = bins
	}
	h.W[p+3] = h.YoungOff
	h.YoungOff = p
	h.OffWords += (h.W[p+1] + 7) / 8
	if h.OffWords > h.BinVHeapSize && h.Collect != nil && h.End > h.Top {
		// Too many off-heap bytes hang on this heap: collect at the
		// next Need, as OTP does when the binary virtual heap is full.
		h.End = h.Top
	}
}

// releaseList drops the reference of every refc binary on the off-heap list
// that starts at word index i.
func (h *Heap) releaseList(i uint64) {
	for i != 0 {
		next := h.W[i+3]
		h.Bins.Release(uint32(h.W[i+2]))
		i = next
	}
}

// OffHeap calls f with the word index of every refc binary object linked to
// h, young list first. f must not allocate on h.
func (h *Heap) OffHeap(f func(p uint64)) {
	for _, i := range [2]uint64{h.YoungOff, h.OldOff} {
		for i != 0 {
			next := h.W[i+3]
			f(i)
			i = next
		}
	}
}

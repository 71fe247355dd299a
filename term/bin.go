package term

import (
	"sync"
	"sync/atomic"
)

// OffBin is a reference-counted off-heap binary shared between processes.
// Its bytes never change once it is visible to more than one holder.
type OffBin struct {
	Data []byte
	refs atomic.Int64
}

const binChunk = 4096

// BinTable holds the off-heap binaries of one runtime, indexed by handle.
// Handles are reused after release. It is safe for concurrent use.
type BinTable struct {
	mu     sync.Mutex
	free   []uint32
	n      uint32
	chunks [1 << 16]atomic.Pointer[[binChunk]OffBin]
}

// NewBinTable returns an empty table.
func NewBinTable() *BinTable { return &BinTable{} }

// Add stores data (which the table now owns) with one reference and returns its handle.
func (t *BinTable) Add(data []byte) uint32 {
	t.mu.Lock()
	var h uint32
	if n := len(t.free); n > 0 {
		h = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		h = t.n
		t.n++
		if t.chunks[h/binChunk].Load() == nil {
			t.chunks[h/binChunk].Store(new([binChunk]OffBin))
		}
	}
	t.mu.Unlock()
	b := &t.chunks[h/binChunk].Load()[h%binChunk]
	b.Data = data
	b.refs.Store(1)
	return h
}

// Get returns the binary with handle h.
func (t *BinTable) Get(h uint32) *OffBin { return &t.chunks[h/binChunk].Load()[h%binChunk] }

// Retain adds a reference to handle h.
func (t *BinTable) Retain(h uint32) { t.Get(h).refs.Add(1) }

// Release drops a reference to handle h, freeing it at zero.
func (t *BinTable) Release(h uint32) {
	b := t.Get(h)
	if b.refs.Add(-1) == 0 {
		b.Data = nil
		t.mu.Lock()
		t.free = append(t.free, h)
		t.mu.Unlock()
	}
}

// Refs returns the current reference count of handle h.
func (t *BinTable) Refs(h uint32) int64 { return t.Get(h).refs.Load() }

package term

import (
	"sync"
	"sync/atomic"
)

// OffBin is a reference-counted off-heap binary shared between processes.
// Its bytes never change once it is visible to more than one holder.
type OffBin struct {
	Data []byte
	// Res is set for a resource (see AddResource) instead of Data.
	Res  Resource
	refs atomic.Int64
	// pooled is set when Data is a buffer from BinTable.Buffer, which
	// goes back to the table when the binary is freed.
	pooled bool
}

// Resource is an off-heap object other than a binary that terms refer to
// by handle, such as an open file or socket. The table counts references
// to it like a binary's; Drop is called exactly once, when the last
// reference is released.
type Resource interface {
	Drop()
}

const binChunk = 4096

// BinTable holds the off-heap binaries of one runtime, indexed by handle.
// Handles are reused after release. It is safe for concurrent use.
type BinTable struct {
	mu     sync.Mutex
	free   []uint32
	n      uint32
	chunks [1 << 16]atomic.Pointer[[binChunk]OffBin]
	live   atomic.Int64 // binaries not yet freed
	bytes  atomic.Int64 // their capacity in bytes

	pools [maxPoolShift - minPoolShift + 1]bufPool // see Buffer

	// OnRelease, when set (by tests, before the table is shared), is
	// called after every Release with the handle and whether that release
	// freed the binary.
	OnRelease func(h uint32, freed bool)
}

// OffHeapLinker is implemented by allocators that keep a list of the
// off-heap binaries built in their memory (process heaps). Code that builds
// a refc binary object with such an allocator links it right after filling
// its words, handing the allocator the object's one reference.
type OffHeapLinker interface {
	LinkOffHeap(bins *BinTable, p uint64)
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
	b.pooled = false
	b.refs.Store(1)
	t.live.Add(1)
	t.bytes.Add(int64(cap(data)))
	return h
}

// AddResource stores r with one reference and returns its handle. Handles
// of resources and binaries share one number space.
func (t *BinTable) AddResource(r Resource) uint32 {
	h := t.Add(nil)
	t.Get(h).Res = r
	return h
}

// Get returns the binary with handle h.
func (t *BinTable) Get(h uint32) *OffBin { return &t.chunks[h/binChunk].Load()[h%binChunk] }

// Retain adds a reference to handle h.
func (t *BinTable) Retain(h uint32) { t.Get(h).refs.Add(1) }

// Release drops a reference to handle h, freeing it at zero.
func (t *BinTable) Release(h uint32) {
	b := t.Get(h)
	freed := b.refs.Add(-1) == 0
	if freed {
		t.live.Add(-1)
		t.bytes.Add(-int64(cap(b.Data)))
		if b.pooled {
			b.pooled = false
			t.PutBuffer(b.Data)
		}
		b.Data = nil
		r := b.Res
		b.Res = nil
		if r != nil {
			r.Drop()
		}
		t.mu.Lock()
		t.free = append(t.free, h)
		t.mu.Unlock()
	}
	if t.OnRelease != nil {
		t.OnRelease(h, freed)
	}
}

// Stats returns the number of off-heap binaries alive and the bytes they
// hold (their buffers' capacity).
func (t *BinTable) Stats() (count, bytes int64) { return t.live.Load(), t.bytes.Load() }

// Refs returns the current reference count of handle h.
func (t *BinTable) Refs(h uint32) int64 { return t.Get(h).refs.Load() }

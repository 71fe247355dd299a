package stdlib

import (
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/vm"
)

// Write generations of open regular files, so that what one descriptor
// read ahead is not served after a write through another descriptor of
// the same file in this runtime has completed. Every regular file open in
// the runtime has an entry, shared by all descriptors of the same inode;
// a completed write, positional write, truncation or write_file bumps the
// entry's generation, and what was read ahead under an older generation
// is dropped unread.

// inodeKey names a file by device and inode number.
type inodeKey struct{ dev, ino uint64 }

// inodeGen is the entry of one open file.
type inodeGen struct {
	gen  atomic.Uint64
	refs int // descriptors open on it; guarded by inodeTable.mu
}

// inodeTable holds the entries of the runtime's open regular files.
type inodeTable struct {
	mu sync.Mutex
	m  map[inodeKey]*inodeGen
	n  atomic.Int64 // len(m), read without the lock
}

type inodeTableKey struct{}

// inodes returns rt's table.
func inodes(rt *vm.Runtime) *inodeTable {
	return rt.Local(inodeTableKey{}, func() any {
		return &inodeTable{m: map[inodeKey]*inodeGen{}}
	}).(*inodeTable)
}

func keyOf(st *unix.Stat_t) inodeKey { return inodeKey{uint64(st.Dev), st.Ino} }

// acquire returns the entry of k, taking a reference to it.
func (t *inodeTable) acquire(k inodeKey) *inodeGen {
	t.mu.Lock()
	g := t.m[k]
	if g == nil {
		g = new(inodeGen)
		t.m[k] = g
		t.n.Store(int64(len(t.m)))
	}
	g.refs++
	t.mu.Unlock()
	return g
}

// release gives back a reference acquire took.
func (t *inodeTable) release(k inodeKey, g *inodeGen) {
	t.mu.Lock()
	if g.refs--; g.refs == 0 {
		delete(t.m, k)
		t.n.Store(int64(len(t.m)))
	}
	t.mu.Unlock()
}

// bumpSys bumps the generation of the file open as sys, if any descriptor
// of it is open in the runtime: a write through sys has completed.
func (t *inodeTable) bumpSys(sys int) {
	if t.n.Load() == 0 {
		return
	}
	var st unix.Stat_t
	if unix.Fstat(sys, &st) != nil {
		return
	}
	t.mu.Lock()
	if g := t.m[keyOf(&st)]; g != nil {
		g.gen.Add(1)
	}
	t.mu.Unlock()
}

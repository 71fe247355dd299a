package term

import (
	"sync"
	"sync/atomic"
)

// MaxAtoms is the number of atoms one runtime can hold, as OTP's default limit.
const MaxAtoms = 1 << 20

const atomChunk = 4096

// AtomTable interns atom names for one runtime. Index lookups are lock-free;
// interning takes a mutex. It is safe for concurrent use.
type AtomTable struct {
	mu     sync.Mutex
	byName map[string]uint32
	n      atomic.Uint32
	chunks [MaxAtoms / atomChunk]atomic.Pointer[[atomChunk]string]
}

// NewAtomTable returns a table holding the predefined atoms (see atoms.go) at
// their fixed indices.
func NewAtomTable() *AtomTable {
	t := &AtomTable{byName: make(map[string]uint32, 1024)}
	for _, name := range predefined {
		if _, ok := t.Intern(name); !ok {
			panic("term: predefined atoms exceed the atom limit")
		}
	}
	return t
}

// Intern returns the atom named name, creating it if needed. ok is false when
// the table is full (OTP raises system_limit then).
func (t *AtomTable) Intern(name string) (Term, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if i, ok := t.byName[name]; ok {
		return MakeAtom(i), true
	}
	i := t.n.Load()
	if i >= MaxAtoms {
		return 0, false
	}
	c := t.chunks[i/atomChunk].Load()
	if c == nil {
		c = new([atomChunk]string)
		t.chunks[i/atomChunk].Store(c)
	}
	c[i%atomChunk] = name
	t.byName[name] = i
	t.n.Store(i + 1)
	return MakeAtom(i), true
}

// Lookup returns the atom named name if it exists.
func (t *AtomTable) Lookup(name string) (Term, bool) {
	t.mu.Lock()
	i, ok := t.byName[name]
	t.mu.Unlock()
	return MakeAtom(i), ok
}

// Name returns the text of atom a. a must come from this table.
func (t *AtomTable) Name(a Term) string {
	i := a.AtomIndex()
	return t.chunks[i/atomChunk].Load()[i%atomChunk]
}

// Len returns how many atoms exist.
func (t *AtomTable) Len() int { return int(t.n.Load()) }

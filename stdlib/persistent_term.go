package stdlib

import (
	"sync"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// persistent_term: a runtime-wide store of terms read without copying.
// A value is copied once, into a heap of the store that no collection
// touches; processes then point at it as at a literal. Values replaced or
// erased stay in that heap (a process may still hold them).

type ptStore struct {
	mu    sync.Mutex
	h     *heap.Heap
	keys  []term.Term // in insertion order
	vals  []term.Term
	index map[string]int // external form of the key -> position
}

type ptKey struct{}

func ptOf(rt *vm.Runtime) *ptStore {
	return rt.Local(ptKey{}, func() any { return &ptStore{index: map[string]int{}} }).(*ptStore)
}

func registerPersistentTerm(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("persistent_term", name, arity, f) }
	reg("get", 1, func(p *vm.Process, a []term.Term) term.Term {
		if v, ok := ptGet(p, a[0]); ok {
			return v
		}
		return p.BadArg()
	})
	reg("get", 2, func(p *vm.Process, a []term.Term) term.Term {
		if v, ok := ptGet(p, a[0]); ok {
			return v
		}
		return a[1]
	})
	reg("put", 2, func(p *vm.Process, a []term.Term) term.Term {
		k, ok := ptIndexKey(p, a[0])
		if !ok {
			return p.BadArg()
		}
		st := ptOf(p.Runtime())
		st.mu.Lock()
		defer st.mu.Unlock()
		if st.h == nil {
			h, err := heap.New(p.Runtime().Arena, 0)
			if err != nil {
				return p.SystemLimit()
			}
			h.Bins = p.Env().Bins
			st.h = h
		}
		v := st.h.CopyTerm(p.Env(), a[1])
		if i, ok := st.index[k]; ok {
			st.vals[i] = v
			return term.AtomOk
		}
		st.index[k] = len(st.keys)
		st.keys = append(st.keys, st.h.CopyTerm(p.Env(), a[0]))
		st.vals = append(st.vals, v)
		return term.AtomOk
	})
	reg("erase", 1, func(p *vm.Process, a []term.Term) term.Term {
		k, ok := ptIndexKey(p, a[0])
		if !ok {
			return p.BadArg()
		}
		st := ptOf(p.Runtime())
		st.mu.Lock()
		defer st.mu.Unlock()
		i, ok := st.index[k]
		if !ok {
			return term.AtomFalse
		}
		delete(st.index, k)
		st.keys = append(st.keys[:i], st.keys[i+1:]...)
		st.vals = append(st.vals[:i], st.vals[i+1:]...)
		for kk, j := range st.index {
			if j > i {
				st.index[kk] = j - 1
			}
		}
		return term.AtomTrue
	})
	reg("get", 0, func(p *vm.Process, a []term.Term) term.Term {
		st := ptOf(p.Runtime())
		st.mu.Lock()
		defer st.mu.Unlock()
		out := term.Nil
		for i := len(st.keys) - 1; i >= 0; i-- {
			out = p.Heap.Cons(p.Heap.Tuple(st.keys[i], st.vals[i]), out)
		}
		return out
	})
	reg("info", 0, func(p *vm.Process, a []term.Term) term.Term {
		st := ptOf(p.Runtime())
		st.mu.Lock()
		n := len(st.keys)
		var words int
		if st.h != nil {
			words = int(st.h.HeapSize)
		}
		st.mu.Unlock()
		return p.NewMap([]term.Term{p.Atom("count"), p.Atom("memory")},
			[]term.Term{term.MakeSmall(int64(n)), term.MakeSmall(int64(8 * words))})
	})
}

// ptIndexKey is the store's index of a key: its external form.
func ptIndexKey(p *vm.Process, k term.Term) (string, bool) {
	b, err := term.EncodeExternal(p.Env(), k, term.EncodeOpts{MinorVersion: 2, Deterministic: true})
	if err != nil {
		return "", false
	}
	return string(b), true
}

func ptGet(p *vm.Process, k term.Term) (term.Term, bool) {
	key, ok := ptIndexKey(p, k)
	if !ok {
		return 0, false
	}
	st := ptOf(p.Runtime())
	st.mu.Lock()
	defer st.mu.Unlock()
	i, ok := st.index[key]
	if !ok {
		return 0, false
	}
	return st.vals[i], true
}

package vm

import (
	"sync"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// procShards is the number of independently locked parts of the process
// table, so that schedulers looking up message targets rarely meet.
const procShards = 64

// procTable maps pid numbers to live processes.
type procTable struct {
	shards [procShards]struct {
		mu sync.RWMutex
		m  map[uint64]*Process
		_  [40]byte // keep shards on separate cache lines
	}
}

func (t *procTable) init() {
	for i := range t.shards {
		t.shards[i].m = map[uint64]*Process{}
	}
}

func (t *procTable) get(n uint64) *Process {
	s := &t.shards[n%procShards]
	s.mu.RLock()
	p := s.m[n]
	s.mu.RUnlock()
	return p
}

func (t *procTable) put(n uint64, p *Process) {
	s := &t.shards[n%procShards]
	s.mu.Lock()
	s.m[n] = p
	s.mu.Unlock()
}

func (t *procTable) remove(n uint64, p *Process) {
	s := &t.shards[n%procShards]
	s.mu.Lock()
	if s.m[n] == p {
		delete(s.m, n)
	}
	s.mu.Unlock()
}

// all returns every process in the table, in pid order.
func (t *procTable) all() []*Process {
	var ps []*Process
	for i := range t.shards {
		s := &t.shards[i]
		s.mu.RLock()
		for _, p := range s.m {
			ps = append(ps, p)
		}
		s.mu.RUnlock()
	}
	sortProcs(ps)
	return ps
}

// count returns the number of processes in the table.
func (t *procTable) count() int {
	n := 0
	for i := range t.shards {
		s := &t.shards[i]
		s.mu.RLock()
		n += len(s.m)
		s.mu.RUnlock()
	}
	return n
}

// ProcessCount returns the number of live processes.
func (rt *Runtime) ProcessCount() int { return rt.procs.count() }

// registry maps registered names to processes.
type registry struct {
	mu    sync.Mutex
	names map[term.Term]*Process
}

// RegisterName registers p under name (erlang:register/2); false when the name
// is taken, p already has a name or p is not alive.
func (rt *Runtime) RegisterName(name term.Term, p *Process) bool {
	r := &rt.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, taken := r.names[name]; taken || p.regName != 0 || p.state.Load() == stExited {
		return false
	}
	p.inMu.Lock()
	closed := p.inClosed
	p.inMu.Unlock()
	if closed {
		return false
	}
	if r.names == nil {
		r.names = map[term.Term]*Process{}
	}
	r.names[name] = p
	p.regName = name
	return true
}

// UnregisterName removes name (erlang:unregister/1); false when it is not
// registered.
func (rt *Runtime) UnregisterName(name term.Term) bool {
	r := &rt.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.names[name]
	if !ok {
		return false
	}
	delete(r.names, name)
	p.regName = 0
	return true
}

// Whereis returns the pid registered as name, or false.
func (rt *Runtime) Whereis(name term.Term) (term.Term, bool) {
	r := &rt.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.names[name]
	if !ok {
		return 0, false
	}
	return p.Pid, true
}

// Registered returns every registered name.
func (rt *Runtime) Registered() []term.Term {
	r := &rt.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]term.Term, 0, len(r.names))
	for n := range r.names {
		out = append(out, n)
	}
	return out
}

// RegisteredName returns p's registered name, or 0.
func (p *Process) RegisteredName() term.Term {
	r := &p.rt.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	return p.regName
}

// unregisterProc drops p's name, if it has one.
func (rt *Runtime) unregisterProc(p *Process) {
	r := &rt.reg
	r.mu.Lock()
	if p.regName != 0 && r.names[p.regName] == p {
		delete(r.names, p.regName)
	}
	p.regName = 0
	r.mu.Unlock()
}

// scratchPool hands out heaps for building small terms outside any
// process (a DOWN message for a process that is gone) before they are
// copied into a fragment.
type scratchPool struct {
	mu   sync.Mutex
	free []*heap.Heap
}

func (rt *Runtime) scratchFor() *heap.Heap {
	sp := &rt.scratches
	sp.mu.Lock()
	if n := len(sp.free); n > 0 {
		h := sp.free[n-1]
		sp.free = sp.free[:n-1]
		sp.mu.Unlock()
		return h
	}
	sp.mu.Unlock()
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		panic(heap.OutOfMemory{Err: err})
	}
	h.Bins = rt.Env.Bins
	return h
}

func (rt *Runtime) doneScratch(h *heap.Heap) {
	h.Reset()
	sp := &rt.scratches
	sp.mu.Lock()
	sp.free = append(sp.free, h)
	sp.mu.Unlock()
}

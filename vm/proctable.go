package vm

import (
	"sync"
	"sync/atomic"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// The process table maps pid numbers to live processes. Pids are handed
// out in order and never reused, so the table is a two-level array indexed
// by the pid number: a lookup is two atomic loads and takes no lock. A
// chunk whose pids have all been handed out and have all ended is dropped.
// Pid numbers beyond the array (2^28 of them) go to a locked map.
const (
	procChunkBits = 16
	procChunkSize = 1 << procChunkBits
	procTopSize   = 1 << 12
)

type procChunk struct {
	slots [procChunkSize]atomic.Pointer[Process]
	live  atomic.Int64
}

type procTable struct {
	top   [procTopSize]atomic.Pointer[procChunk]
	mu    sync.Mutex // making and dropping chunks; the overflow map
	over  map[uint64]*Process
	count atomic.Int64
}

func (t *procTable) init() { t.over = map[uint64]*Process{} }

func (t *procTable) get(n uint64) *Process {
	if i := n >> procChunkBits; i < procTopSize {
		c := t.top[i].Load()
		if c == nil {
			return nil
		}
		return c.slots[n&(procChunkSize-1)].Load()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.over[n]
}

func (t *procTable) put(n uint64, p *Process) {
	t.count.Add(1)
	i := n >> procChunkBits
	if i >= procTopSize {
		t.mu.Lock()
		t.over[n] = p
		t.mu.Unlock()
		return
	}
	c := t.top[i].Load()
	if c == nil {
		t.mu.Lock()
		if c = t.top[i].Load(); c == nil {
			c = new(procChunk)
			t.top[i].Store(c)
		}
		t.mu.Unlock()
	}
	c.live.Add(1)
	c.slots[n&(procChunkSize-1)].Store(p)
}

// remove drops p (pid number n) from the table; next is the next pid
// number to be handed out.
func (t *procTable) remove(n uint64, p *Process, next uint64) {
	i := n >> procChunkBits
	if i >= procTopSize {
		t.mu.Lock()
		if t.over[n] == p {
			delete(t.over, n)
			t.count.Add(-1)
		}
		t.mu.Unlock()
		return
	}
	c := t.top[i].Load()
	if c == nil || !c.slots[n&(procChunkSize-1)].CompareAndSwap(p, nil) {
		return
	}
	t.count.Add(-1)
	if c.live.Add(-1) == 0 && next >= (i+1)<<procChunkBits {
		// Every pid of the chunk has been handed out and has ended.
		t.mu.Lock()
		if c.live.Load() == 0 {
			t.top[i].CompareAndSwap(c, nil)
		}
		t.mu.Unlock()
	}
}

// all returns every process in the table, in pid order.
func (t *procTable) all() []*Process {
	var ps []*Process
	for i := range t.top {
		c := t.top[i].Load()
		if c == nil {
			continue
		}
		for j := range c.slots {
			if p := c.slots[j].Load(); p != nil {
				ps = append(ps, p)
			}
		}
	}
	t.mu.Lock()
	var over []*Process
	for _, p := range t.over {
		over = append(over, p)
	}
	t.mu.Unlock()
	sortProcs(over)
	return append(ps, over...)
}

// len returns the number of processes in the table.
func (t *procTable) len() int { return int(t.count.Load()) }

// ProcessCount returns the number of live processes.
func (rt *Runtime) ProcessCount() int { return rt.procs.len() }

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
	p, ok := r.names[name]
	r.mu.Unlock()
	if ok {
		return p.Pid, true
	}
	if s := rt.sysProcNamed(name); s != nil {
		// Not started yet (or gone: then it stays gone).
		if pid := rt.startSys(s); pid != 0 && rt.procs.get(pid.PidNumber()) != nil {
			return pid, true
		}
	}
	return 0, false
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

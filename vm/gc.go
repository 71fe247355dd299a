package vm

import (
	"github.com/beamr/beamr/gc"
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Garbage collection of process heaps. Every process heap gets a collector
// when the process is created (installGC); the heap runs it from Need, the
// only place where the interpreter guarantees that the roots below hold
// every live term. A process's heap is freed when the process ends, after
// what the caller of the run may still read (the Result) has been copied
// out of it.

// installGC makes p's heap collect with p's roots.
func (p *Process) installGC() {
	h := p.Heap
	h.Bins = p.env().Bins
	h.Collect = (*procCollector)(p)
}

// procCollector is a Process as its heap's collector.
type procCollector Process

// CollectHeap collects the process's heap (heap.Collector).
func (c *procCollector) CollectHeap(h *heap.Heap, need, live int) {
	(*Process)(c).collect(h, need, live)
}

// collect is p's heap's collector: it runs while p runs, with the root
// list of p's scheduler's register file.
func (p *Process) collect(h *heap.Heap, need, live int) {
	p.unpinStack()
	if h.Size() > bigCollection {
		p.offerWork()
	}
	roots := &p.r.roots
	p.gcRoots(roots, live)
	gc.Collect(h, p.env(), roots, need, gc.Options{})
	clear(roots.Slices)
	clear(roots.Words)
	roots.Slices, roots.Words = roots.Slices[:0], roots.Words[:0]
	p.checkMaxHeap()
}

// bigCollection is the heap size in words above which a collection may
// take long enough that other runnable processes should not wait for it.
const bigCollection = 1 << 16

// gcRoots fills r with every place of p that holds terms: the first live x
// registers, the stack, the dictionary,
// the mailbox and the exception, trap and exit fields. Any new Process
// field that holds a term across a Need must be added here.
func (p *Process) gcRoots(r *gc.Roots, live int) {
	live = min(max(live, 0), MaxX)
	r.Slices = append(r.Slices[:0], p.x[:live], p.stack[:p.sp], p.mailbox)
	r.Words = append(r.Words[:0], &p.r.excClass, &p.r.excReason, &p.r.excFrame, &p.r.excRaw,
		&p.r.excArgs, &p.r.excInfo, &p.r.excCause, &p.r.trapFun,
		&p.exitValue)
	if x := p.ext; x != nil {
		r.Words = append(r.Words, &x.hibMFA[0], &x.hibMFA[1], &x.hibMFA[2],
			&x.exitClass, &x.exitReason, &x.exitStack)
		for i := range x.dict {
			r.Words = append(r.Words, &x.dict[i].k, &x.dict[i].v)
		}
	}
	r.StackWords = p.sp
}

// GarbageCollect collects p's heap now, a full sweep when major is set
// (erlang:garbage_collect/0,1,2). live x registers are roots besides the
// rest of the process. It must only be called from a native function that
// runs as an ordinary call (not a guard BIF), whose caller keeps no terms in
// Go variables across it; terms the native itself holds are stale after it.
func (p *Process) GarbageCollect(major bool, live int) {
	if p.Heap.Size() > bigCollection {
		p.offerWork()
	}
	p.unpinStack()
	var roots gc.Roots
	p.gcRoots(&roots, live)
	gc.Collect(p.Heap, p.env(), &roots, 0, gc.Options{Full: major})
}

// unpinStack moves a stack that still lives in the top words of the
// heap's first block (newProcess) into memory of its own, as the block is
// about to go.
func (p *Process) unpinStack() {
	if !p.stackInHeap {
		return
	}
	ns := make([]term.Term, 2*len(p.stack))
	copy(ns, p.stack[:p.sp])
	p.stack = ns
	p.stackInHeap = false
}

// StackWords returns the number of words on p's stack (process_info
// stack_size), not counting the guard words at its bottom.
func (p *Process) StackWords() int { return max(p.sp-yGuard, 0) }

// MessageCount returns the number of messages in p's mailbox.
func (p *Process) MessageCount() int { return len(p.mailbox) }

// LookupProcess returns the live process with local pid pid. Only the
// process itself may read or change its state; others ask it with a
// signal (see Process.Ask).
func (rt *Runtime) LookupProcess(pid term.Term) (*Process, bool) {
	q := rt.lookup(pid)
	return q, q != nil
}

// Processes calls f with every live process of rt, in pid order.
func (rt *Runtime) Processes(f func(p *Process)) {
	for _, q := range rt.procs.all() {
		f(q)
	}
}

// copyInto copies t into heap h (a message or a spawn argument crossing
// from one process, or from Go, to another): every term that reaches a
// process's heap from outside is a private copy, which its collector may
// move and whose off-heap binaries it releases independently.
func copyInto(rt *Runtime, h *heap.Heap, t term.Term) term.Term { return h.CopyTerm(&rt.Env, t) }

// Send delivers a copy of msg to the process to (a local pid), as the !
// operator does. It returns msg, or term.NoValue with badarg raised when
// to is not a pid.
func (p *Process) Send(to, msg term.Term) term.Term { return p.send(to, msg) }

// CodeBytes returns the memory taken by the loaded modules' code and
// literal areas, in bytes (erlang:memory(code)).
func (rt *Runtime) CodeBytes() uint64 {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	var n uint64
	for _, m := range rt.insts {
		if m == nil {
			continue
		}
		n += 8 * uint64(len(m.Code))
		if m.lit != nil {
			n += 8 * m.lit.Size()
		}
	}
	return n
}

// collectIfDue collects after a native function's allocations, which
// never collect, made a collection due: a chained heap fragment, the heap
// past its limit, or off-heap binaries past the virtual binary heap.
// Without it a loop whose allocations are all made by natives would never
// collect. The x registers below live survive, and keep (parked in
// x[live]); collectIfDue returns keep as the collection moved it. (The
// gcverify build keeps the limit at the top after each collection, so as
// to collect at every test_heap; there only a chained fragment or the
// binary heap makes a collection due here.)
func (p *Process) collectIfDue(live int, keep term.Term) term.Term {
	h := p.Heap
	if collectionDue(h) {
		p.x[live] = keep
		h.Need(1, live+1)
		keep = p.x[live]
	}
	return keep
}

// collectionDue reports whether allocations that do not collect (Alloc,
// taking messages in) have made a collection of h due: see collectIfDue.
func collectionDue(h *heap.Heap) bool {
	return len(h.Young()) > 1 || (h.Top > h.End && !heap.Verify) || h.OffWords > h.BinVHeapSize
}

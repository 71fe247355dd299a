package vm

import (
	"github.com/beamr/beamr/gc"
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// regs is a scheduler's register file: the x and float registers of the
// process it runs, with the state the interpreter's fast loop reads on
// every instruction. Keeping them here, not in each Process, makes an idle
// process small (the registers are 16 KiB), and gives the fast loop one
// base pointer for all of it.
//
// While a process runs, its x and fr fields point at this file; when it is
// switched out, the live x registers are saved in the process (xsave).
// Float registers never live across a call, so none are saved.
type regs struct {
	x     [MaxX]term.Term
	reds  int          // reductions left in the slice
	modID uint32       // p.modID, for fast's same-module returns
	heap  *heap.Heap   // p.Heap
	pid   term.Term    // p.Pid
	p     *Process     // the running process
	s     *scheduler   // the scheduler owning this file (nil: a bare run)
	args  [4]term.Term // arguments of a guard BIF call
	roots gc.Roots     // scratch root list for the running process's collections

	// The exception being raised by a native function or instruction of
	// the running process (handled before it is switched out).
	excClass  term.Term
	excReason term.Term
	// excFrame, when not NoValue, is the {M,F,Args,Info} frame of the native
	// function that failed; it becomes the first frame of the stack trace.
	excFrame term.Term
	// excRaw, when set, is a ready raw stack trace (rethrown exceptions).
	excRaw term.Term
	// excArgs and excInfo, when set, replace the arity of the first frame
	// and extend its location (erlang:error/2,3).
	excArgs term.Term
	excInfo term.Term
	// excCause, when set, adds cause => Cause to a native's error_info.
	excCause term.Term
	// noFaultLoc is set when the first frame already has its location.
	noFaultLoc bool

	// The trap, when set by a native function of the running process, is
	// a tail call to make instead of returning a value (apply and
	// friends): an export, or else a fun, with trapArgs arguments.
	trapExport *Export
	trapFun    term.Term
	trapArgs   int

	fr [MaxX]float64
}

// attach makes p the process r runs: its saved x registers are restored
// and a fresh slice of reductions starts.
func (r *regs) attach(p *Process) {
	r.p, r.heap, r.pid = p, p.Heap, p.Pid
	p.r, p.x = r, &r.x
	copy(r.x[:], p.xsave)
	r.reds = sliceReds
	// The exception fields are roots of the running process's
	// collections: nothing of the previous process may stay in them.
	r.excClass, r.excReason = 0, 0
	r.excFrame, r.excRaw, r.excArgs, r.excInfo, r.excCause =
		term.NoValue, term.NoValue, term.NoValue, term.NoValue, term.NoValue
	r.noFaultLoc = false
	r.trapExport, r.trapFun = nil, term.NoValue
}

// detach saves p's first live x registers and takes the registers away
// from p, counting the reductions of the slice.
func (r *regs) detach(live int) {
	p := r.p
	live = min(max(live, 0), MaxX)
	p.xsave = append(p.xsave[:0], r.x[:live]...)
	if used := sliceReds - r.reds; used > 0 {
		p.reductions += uint64(used)
	}
	p.publishHeap()
	p.r, p.x = nil, nil
	r.p, r.heap = nil, nil
}

// liveAt returns how many x registers are live when p is switched out at
// pc: a process yields only when it enters a function, whose arity is the
// count; anywhere else every register is kept.
func (p *Process) liveAt(pc uint32) int {
	if p.mod != nil && p.mod.ID == 0 {
		// Instance 0: the normal exit reads x0 (the result); the waits
		// of hibernate and Ask keep nothing in x registers.
		if pc == 0 {
			return 1
		}
		return 0
	}
	if p.mod != nil {
		if f, ok := p.mod.funcAt(pc); ok && f.entry == pc {
			return f.arity
		}
	}
	return MaxX
}

// Charge takes n reductions from the running process's slice: natives
// that do work in proportion to their input (length of a list, size of a
// binary) charge for it, so that a long BIF call counts as the many
// instructions it replaces.
func (p *Process) Charge(n int) {
	if p.r != nil {
		p.r.reds -= n
	}
}

// Reductions returns the reductions p has used, including the current
// slice when p is running.
func (p *Process) Reductions() uint64 {
	n := p.reductions
	if p.r != nil && p.r.p == p {
		if used := sliceReds - p.r.reds; used > 0 {
			n += uint64(used)
		}
	}
	return n
}

// publishHeap records p's heap size for other processes to read
// (PublishedHeap): total words as total_heap_size counts them, and the
// words in use, 32 bits each.
func (p *Process) publishHeap() {
	h := p.Heap
	total := h.HeapSize + h.OldSize()
	if y := h.Young(); len(y) > 1 {
		for _, b := range y[1:] {
			total += b.Size
		}
	}
	used := h.YoungUsed() + h.OldUsed()
	p.heapPub.Store(min(total, 1<<32-1)<<32 | min(used, 1<<32-1))
}

// PublishedHeap returns p's total heap words (as total_heap_size counts
// them) and words in use as of p's last switch-out: what any process may
// read of another's heap (erlang:memory).
func (p *Process) PublishedHeap() (total, used uint64) {
	v := p.heapPub.Load()
	return v >> 32, v & (1<<32 - 1)
}

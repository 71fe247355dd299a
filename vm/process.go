package vm

import (
	"errors"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// MaxX is the number of x registers (and float registers).
const MaxX = 1024

// Process is one Erlang process: registers, stack, heap, mailbox and
// exception state. A process is a struct run by a scheduler, never a
// goroutine of its own.
//
// Stack layout: the first yGuard words are a guard of []; every call pushes
// its return address (a CP word) above; allocate N pushes N y slots above it,
// so y(i) is stack[sp-1-i] and trim drops the lowest-numbered y registers from
// the top. Catch markers are y values. sp never drops below yGuard, so y
// registers below yGuard can be read without a bounds check. A new process's
// stack is the top of its first heap block (stackInHeap) until it grows or
// the heap is first collected.
type Process struct {
	rt   *Runtime
	Pid  term.Term
	Heap *heap.Heap

	// x and fr point at the register file of the scheduler running the
	// process (nil while it is not running); xsave holds the live x
	// registers while it is switched out (regs.go).
	x     *[MaxX]term.Term
	r     *regs
	xsave []term.Term

	stack []term.Term
	sp    int

	mod  *Module        // module whose code runs; set with setMod
	code unsafe.Pointer // mod's first code word

	reductions uint64 // used in finished slices (see Reductions)

	mailbox []term.Term // the messages: a window on mbArr (deliver)
	mbArr   []term.Term
	msgPos  int // save pointer: index of the next message to look at

	// The inbox (signal.go): signals from other processes, in arrival
	// order, guarded by inMu. inCount is its length (kept under inMu,
	// readable without it); inClosed is set when the process has ended.
	inMu sync.Mutex
	in   inbox

	home *scheduler // where it last ran

	// Receive timeout: the pending timer, its number (recvSeq, to tell
	// its sigTimeout from a stale one) and whether it has fired.
	recvTimer *timer

	mbEpoch     uint32     // counts messages taken out of the mailbox (markers)
	sigLive     int32      // live x registers while signals are handled
	rel         *relations // links and monitors (nil: none)
	regName     term.Term  // registered name (under rt.reg.mu), or 0
	groupLeader term.Term
	initial     *Export // the initial call
	parent      term.Term
	// Settings that are rarely changed, and the waiter of an Apply.
	ext *procExt

	// When the process has exited: the exit reason as OTP reports it, and
	// for an uncaught exception its class, reason and stack trace.
	exitValue term.Term

	modID       uint32 // mod.ID
	pc          uint32
	inCount     atomic.Int32
	recvSeq     uint32        // numbers receive timeouts (timers.go)
	heapPub     atomic.Uint64 // heap words at the last switch-out (PublishedHeap)
	state       atomic.Uint32 // run state (sched.go)
	catches     int32         // catch frames on the stack
	prio        uint8         // prioMax..prioLow
	status      procStatus
	inClosed    bool
	started     bool // the initial call has been entered
	timedOut    bool
	trapExit    bool
	exitSet     bool
	stackInHeap bool // stack is the top of the heap's first block (unpinStack)
}

// procExt holds what few processes use: settings made with process_flag,
// hibernate's continuation, and the waiter of an Apply.
type procExt struct {
	offHeapMsgs  bool   // message_queue_data is off_heap
	sensitive    bool   // process_flag(sensitive)
	awaitRef     uint64 // the question Ask waits for an answer to
	maxHeap      maxHeapSize
	dict         []dictEntry
	exitClass    term.Term // see Process.exitValue
	exitReason   term.Term
	exitStack    term.Term
	minBinVHeap  uint64
	errorHandler term.Term
	hibMFA       [3]term.Term // what hibernate/3 calls on waking
	// A receive marker bound to a reference (receive.go).
	markRef   uint64
	markIdx   int
	markEpoch uint32

	// aliases are the process's active aliases (alias.go).
	aliases map[uint64]bool

	// done, when set, is closed when the process has ended and res holds
	// how (Apply waits on it); fatal is an internal error that ended it.
	done  chan struct{}
	res   *Result
	fatal error
}

// relations are a process's links and monitors.
type relations struct {
	links       []term.Term // pids
	monitors    []monitor   // held by this process
	monitoredBy []monitor   // held by others on this process
}

// noRelations is what rd returns for a process without relations; it is
// never written.
var noRelations relations

// rd returns p's relations for reading.
func (p *Process) rd() *relations {
	if p.rel == nil {
		return &noRelations
	}
	return p.rel
}

// rels returns p's relations for changing them, making them on first use.
func (p *Process) rels() *relations {
	if p.rel == nil {
		p.rel = &relations{}
	}
	return p.rel
}

// extra returns p's procExt, making it on first use.
func (p *Process) extra() *procExt {
	if p.ext == nil {
		p.ext = &procExt{maxHeap: defaultMaxHeap}
	}
	return p.ext
}

type dictEntry struct{ k, v term.Term }

type procStatus uint8

const (
	statusRunnable procStatus = iota
	statusWaiting
	statusExited
)

// env returns the term environment of the process's runtime.
func (p *Process) env() *term.Env { return &p.rt.Env }

// Env returns the term environment of the process's runtime.
func (p *Process) Env() *term.Env { return p.env() }

// Runtime returns the runtime the process belongs to.
func (p *Process) Runtime() *Runtime { return p.rt }

// Atom returns the atom named s.
func (p *Process) Atom(s string) term.Term { return p.env().Atom(s) }

// Raise sets the exception (class, reason) as raised by the calling code
// itself (no frame for a native function) and returns term.NoValue.
func (p *Process) Raise(class, reason term.Term) term.Term {
	p.r.excClass, p.r.excReason, p.r.excFrame = class, reason, term.NoValue
	return term.NoValue
}

// Error raises error:reason with a frame for the failing native function
// carrying OTP's error_info, as BIFs do. It returns term.NoValue.
func (p *Process) Error(reason term.Term) term.Term {
	p.r.excClass, p.r.excReason = term.AtomError, reason
	p.r.excFrame = term.AtomTrue // marker: the interpreter builds the frame
	return term.NoValue
}

// BadArg raises error:badarg from a native function.
func (p *Process) BadArg() term.Term { return p.Error(term.AtomBadarg) }

// BadArith raises error:badarith from a native function.
func (p *Process) BadArith() term.Term { return p.Error(term.AtomBadarith) }

// SystemLimit raises error:system_limit from a native function.
func (p *Process) SystemLimit() term.Term { return p.Error(term.AtomSystemLimit) }

// TailCall makes the native function's caller continue with a call of
// e(args...) where the args are already in x registers 0..arity-1 (set them
// with SetX). It returns term.NoValue.
func (p *Process) TailCall(e *Export, arity int) term.Term {
	p.r.trapExport, p.r.trapArgs = e, arity
	return term.NoValue
}

// TailCallFun makes the caller continue with a call of fun f with arity
// arguments in x registers. It returns term.NoValue.
func (p *Process) TailCallFun(f term.Term, arity int) term.Term {
	p.r.trapFun, p.r.trapArgs = f, arity
	return term.NoValue
}

// SetX sets x register i (for TailCall arguments).
func (p *Process) SetX(i int, t term.Term) { p.x[i] = t }

// yGuard is the number of [] words at the bottom of every stack; the loader
// gives y registers from yGuard up only to the bounds-checked instructions.
const yGuard = 16

// errStackUnderflow ends a process whose code pops more stack than it
// pushed, which no compiler emits.
var errStackUnderflow = errors.New("stack underflow (malformed code)")

// drop pops n words of the stack.
func (p *Process) drop(n int) {
	if p.sp-n < yGuard {
		panic(errStackUnderflow)
	}
	p.sp -= n
}

// popCP pops the continuation pointer on top of the stack.
func (p *Process) popCP() (mod uint32, pc uint32) {
	if p.sp-1 < yGuard || !p.stack[p.sp-1].IsCP() {
		panic(errStackUnderflow)
	}
	p.sp--
	return p.stack[p.sp].CP()
}

// push pushes one word on the stack, growing it as needed.
func (p *Process) push(t term.Term) {
	if p.sp == len(p.stack) {
		p.growStack(1)
	}
	p.stack[p.sp] = t
	p.sp++
}

func (p *Process) growStack(n int) {
	size := max(2*len(p.stack), p.sp+n, 64)
	ns := make([]term.Term, size)
	copy(ns, p.stack[:p.sp])
	p.stack = ns
	p.stackInHeap = false
}

// dict returns the process dictionary (nil when empty).
func (p *Process) dict() []dictEntry {
	if p.ext == nil {
		return nil
	}
	return p.ext.dict
}

// DictGet returns the process dictionary value of k, or undefined.
func (p *Process) DictGet(k term.Term) (term.Term, bool) {
	d := p.dict()
	for i := range d {
		if term.ExactEqual(p.env(), d[i].k, k) {
			return d[i].v, true
		}
	}
	return term.AtomUndefined, false
}

// DictPut sets k to v and returns the old value or undefined.
func (p *Process) DictPut(k, v term.Term) term.Term {
	d := p.dict()
	for i := range d {
		if term.ExactEqual(p.env(), d[i].k, k) {
			old := d[i].v
			d[i].v = v
			return old
		}
	}
	x := p.extra()
	x.dict = append(x.dict, dictEntry{k, v})
	return term.AtomUndefined
}

// DictErase removes k and returns its old value or undefined.
func (p *Process) DictErase(k term.Term) term.Term {
	d := p.dict()
	for i := range d {
		if term.ExactEqual(p.env(), d[i].k, k) {
			old := d[i].v
			p.ext.dict = append(d[:i], d[i+1:]...)
			return old
		}
	}
	return term.AtomUndefined
}

// Dict returns the dictionary's keys and values in insertion order.
func (p *Process) Dict() (keys, values []term.Term) {
	for _, e := range p.dict() {
		keys = append(keys, e.k)
		values = append(values, e.v)
	}
	return keys, values
}

// DictClear empties the dictionary.
func (p *Process) DictClear() {
	if p.ext != nil {
		p.ext.dict = nil
	}
}

// setMod makes m the module whose code runs.
func (p *Process) setMod(m *Module) {
	p.mod = m
	p.code = codeBase(m)
	p.modID = m.ID
}

// wait makes p a process someone waits for (Apply) and returns its
// waiter.
func (p *Process) wait() *procExt {
	x := p.extra()
	x.done = make(chan struct{})
	return x
}

// waiter returns p's waiter, or nil when nobody waits for p's end.
func (p *Process) waiter() *procExt {
	if p.ext == nil || p.ext.done == nil {
		return nil
	}
	return p.ext
}

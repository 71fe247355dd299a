package vm

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// exitModule is instance 0: the code a process's first call returns into
// (pc 0), where a hibernating process waits (pc 1) and where a native that
// asked another process a question waits for the answer (pc 2).
func exitModule() *Module {
	return &Module{Name: term.AtomInit, Code: []uint64{opNormalExit, opHibernateWait, opAwaitReply}}
}

// spawnOpts are the options of a new process (spawn_opt).
type spawnOpts struct {
	prio           uint8
	minHeap        int
	fullsweepAfter int // -1: default
	maxHeap        maxHeapSize
	offHeapMsgs    bool
	fixedPid       bool   // use pid (a pid number no process got) instead of the next one
	pid            uint64 // with fixedPid
}

// newProcess creates a process that will call e(args...) once scheduled
// (spawnProc). parent, when set, is the spawning process: the new one
// inherits its group leader.
func (rt *Runtime) newProcess(e *Export, args []term.Term, parent *Process, o *spawnOpts) (*Process, error) {
	if e.Arity != len(args) {
		return nil, fmt.Errorf("starting %s with %d arguments", e.String(&rt.Env), len(args))
	}
	var h *heap.Heap
	var err error
	if o.minHeap > 0 {
		h, err = heap.New(rt.Arena, o.minHeap)
		if err == nil {
			h.MinHeapSize = h.HeapSize
		}
	} else {
		// Without a min_heap_size of its own the process starts with
		// a heap just large enough for its arguments and first
		// stack (heap.NewFirst).
		n := yGuard + initialStack
		for _, a := range args {
			n += int(heap.CopyWords(rt.Arena.W, a))
		}
		h, err = heap.NewFirst(rt.Arena, n)
	}
	if err != nil {
		return nil, err
	}
	if o.fullsweepAfter >= 0 {
		h.FullsweepAfter = int32(min(o.fullsweepAfter, math.MaxInt32))
	}
	id := o.pid
	if !o.fixedPid {
		id = rt.nextPid.Add(1)
	}
	p := &Process{rt: rt, Pid: term.MakePid(id), Heap: h,
		prio: o.prio}
	p.installGC()
	if o.offHeapMsgs {
		p.extra().offHeapMsgs = true
	}
	if o.maxHeap != (maxHeapSize{}) {
		p.setMaxHeap(o.maxHeap)
	}
	p.xsave = make([]term.Term, len(args))
	for i, a := range args {
		p.xsave[i] = copyInto(rt, h, a)
	}
	// The first stack takes the top words of the heap's block, as in
	// OTP; it moves out before the first collection (unpinStack).
	if at, ok := h.ReserveTop(yGuard + initialStack); ok {
		p.stack = unsafe.Slice((*term.Term)(unsafe.Pointer(&h.W[at])), yGuard+initialStack)
		p.stackInHeap = true
	} else {
		p.stack = make([]term.Term, yGuard+initialStack)
	}
	for i := range p.stack[:yGuard] {
		p.stack[i] = term.Nil
	}
	p.sp = yGuard
	p.push(term.MakeCP(0, 0))
	// Once scheduled, the process enters its initial call (startCall),
	// which handles natives too.
	p.setMod(rt.inst(0))
	p.pc = 0
	p.initial = e
	p.groupLeader = rt.UserPid()
	if parent != nil {
		p.groupLeader = parent.groupLeader
		p.parent = parent.Pid
	}
	p.publishHeap()
	rt.procs.put(id, p)
	rt.live.Add(1)
	return p, nil
}

// initialStack is the number of stack words a new process gets above the
// guard.
const initialStack = 8

// spawnProc makes a new process runnable. from is the scheduler of the
// spawning process, or nil.
func (rt *Runtime) spawnProc(p *Process, from *scheduler) {
	rt.startSchedulers()
	p.state.Store(stRunnable)
	rt.enqueue(p, from)
}

// ErrDeadlock is returned when the process an Apply waits for waits for a
// message that can never come: every scheduler is idle and no timer is
// pending.
var ErrDeadlock = errors.New("process waits for a message that cannot arrive")

// Result is how a process ended.
type Result struct {
	// Value is the return value of the initial call when it returned.
	Value term.Term
	// Class, Reason and Stack describe an uncaught exception (Class is 0
	// when the call returned normally).
	Class, Reason, Stack term.Term
	// ExitReason is the exit reason as OTP reports it.
	ExitReason term.Term
	// Halted is true when erlang:halt ended the runtime, with HaltCode.
	Halted   bool
	HaltCode int
	// Pid is the process that ran the call.
	Pid term.Term
}

// Apply runs m:f(args...) in a new process, waits until that process
// ends and returns how it ended. Other processes keep running after it
// returns, until Close. When erlang:halt stops the runtime meanwhile the
// result says so (Halted).
func (rt *Runtime) Apply(m, f term.Term, args []term.Term) (*Result, error) {
	e := rt.export(rt.ExportIndex(m, f, len(args)))
	if _, ok := rt.exportCode(e); !ok {
		return nil, fmt.Errorf("%s is not defined", e.String(&rt.Env))
	}
	p, err := rt.newProcess(e, args, nil, &spawnOpts{prio: prioNormal, fullsweepAfter: -1})
	if err != nil {
		return nil, err
	}
	w := p.wait()
	rt.spawnProc(p, nil)
	return rt.await(w)
}

// await waits until the process whose waiter is w has ended, the runtime
// halts, or nothing can run any more (ErrDeadlock).
func (rt *Runtime) await(w *procExt) (*Result, error) {
	for {
		select {
		case <-w.done:
			if r, ok := rt.haltResult(); ok {
				return r, rt.halting.err
			}
			return w.res, w.fatal
		case <-rt.halting.ch:
			r, _ := rt.haltResult()
			return r, rt.halting.err
		case <-rt.sched.quiet:
			if rt.isQuiet() {
				select {
				case <-w.done:
					return w.res, w.fatal
				default:
					return nil, ErrDeadlock
				}
			}
		}
	}
}

// runInline runs the new process p to its end on the calling goroutine,
// outside the schedulers (a module's on_load function, which runs while
// the module loads). A process that waits for a message there fails.
func (rt *Runtime) runInline(p *Process) (*Result, error) {
	r := new(regs)
	p.state.Store(stRunning)
	r.attach(p)
	w := p.wait()
	for {
		res := rt.runGuarded(p)
		if res == runYield {
			// Switch it out and in, as a scheduler would.
			r.detach(p.liveAt(p.pc))
			r.attach(p)
			continue
		}
		if res == runWait {
			p.setExit(0, rt.Atom("deadlock"), 0)
			w.fatal = ErrDeadlock
		}
		break
	}
	p.terminate()
	r.detach(0)
	p.state.Store(stExited)
	if w.fatal != nil {
		return nil, w.fatal
	}
	if r, ok := rt.haltResult(); ok {
		return r, rt.halting.err
	}
	return w.res, nil
}

// isQuiet reports whether nothing can run any more: every scheduler is
// parked with empty queues and no timer is pending.
func (rt *Runtime) isQuiet() bool {
	ss := &rt.sched
	return int(ss.nidle.Load()) == len(ss.all) && !rt.anyWork() && rt.timers.pending() == 0 &&
		rt.external.Load() == 0 && rt.ioBusy.Load() == 0
}

// haltResult returns the result of a halted runtime.
func (rt *Runtime) haltResult() (*Result, bool) {
	h := &rt.halting
	h.Lock()
	defer h.Unlock()
	if !h.done || !h.halted {
		return nil, false
	}
	return &Result{Halted: true, HaltCode: h.code}, true
}

// doHalt stops the runtime with status code (erlang:halt), or with err
// when the VM itself cannot go on (memory exhausted). Schedulers stop
// after their current slice; processes stay as they are until Close.
func (rt *Runtime) doHalt(code int, err error) {
	h := &rt.halting
	h.Lock()
	if !h.done {
		h.done, h.halted, h.code, h.err = true, true, code, err
		close(h.ch)
	}
	h.Unlock()
	rt.sched.stop.Store(true)
	for _, s := range rt.sched.all {
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
}

// describe names the process and where it was, for internal errors.
func (p *Process) describe() string {
	if p.mod == nil {
		return fmt.Sprintf("process %d", p.Pid.PidNumber())
	}
	return fmt.Sprintf("process %d in module %s", p.Pid.PidNumber(), p.env().AtomName(p.mod.Name))
}

// startCall enters the initial function; false if that already failed.
func (p *Process) startCall() bool {
	mod, pc, ok := p.enterExport(p.initial, p.initial.Arity)
	if !ok {
		p.handle(p.mod, 0)
		p.status = statusExited
		return false
	}
	p.setMod(mod)
	p.pc = uint32(pc)
	return true
}

func (p *Process) result() *Result {
	r := &Result{Pid: p.Pid}
	switch {
	case p.exitClass() != 0:
		r.Class, r.Reason, r.Stack = p.ext.exitClass, p.ext.exitReason, p.ext.exitStack
		r.ExitReason = p.exitValue
	case p.exitSet:
		// Ended by an exit signal.
		r.Class, r.Reason, r.Stack = term.AtomExit, p.exitValue, term.Nil
		r.ExitReason = p.exitValue
	default:
		r.Value = p.x[0]
		r.ExitReason = term.AtomNormal
	}
	return r
}

// haltSignal unwinds the scheduler when erlang:halt is called.
type haltSignal int

// Halt stops the runtime with the given status (erlang:halt/1).
func (p *Process) Halt(code int) { panic(haltSignal(code)) }

// autoload loads e's module from the code path if needed and reports
// whether e is now callable.
func (rt *Runtime) autoload(e *Export) bool {
	if e.Code().Defined() {
		return true
	}
	rt.autoloadModule(e.M)
	return e.Code().Defined()
}

// autoloadModule loads module m unless it is loaded, looking where the
// stdlib mode says (stdlibmode.go). It reports whether the module is
// loaded afterwards.
func (rt *Runtime) autoloadModule(m term.Term) bool {
	if _, ok := rt.Module(m); ok {
		return true
	}
	name := rt.Env.AtomName(m)
	rt.mu.RLock()
	path := append([]string(nil), rt.cfg.CodePath...)
	bundled := rt.bundled
	otpFile, inOTP := rt.otpBeams[name]
	rt.mu.RUnlock()
	fromOTP := func() (bool, bool) {
		if !inOTP {
			return false, false
		}
		data, err := os.ReadFile(otpFile)
		if err != nil {
			return false, false
		}
		return rt.autoloadData(name, otpFile, data), true
	}
	if rt.cfg.Stdlib == StdlibOTP {
		if ok, found := fromOTP(); found {
			return ok
		}
	}
	if bundled != nil {
		if data, ok := bundled(name); ok {
			return rt.autoloadData(name, "", data)
		}
	}
	for _, dir := range path {
		file := filepath.Join(dir, name+".beam")
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		return rt.autoloadData(name, file, data)
	}
	ok, _ := fromOTP()
	return ok
}

// autoloadData loads the image of a module found by autoloadModule in
// file ("" for a bundled module).
func (rt *Runtime) autoloadData(name, file string, data []byte) bool {
	if _, err := rt.loadBinary(data, true); err != nil {
		where := file
		if where == "" {
			where = "bundled " + name
		}
		fmt.Fprintf(rt.cfg.Stderr, "beamr: %s: %v\n", where, err)
		return false
	}
	rt.mu.Lock()
	if rt.loadedFrom == nil {
		rt.loadedFrom = map[string]string{}
	}
	rt.loadedFrom[name] = file
	rt.mu.Unlock()
	return true
}

// send delivers msg to the process, registered name or {Name, Node} to.
// It returns msg, or term.NoValue with badarg raised.
func (p *Process) send(to, msg term.Term) term.Term {
	switch {
	case to.IsPid():
		p.sendMsg(to, msg)
		return msg
	case to.IsAtom():
		pid, ok := p.rt.Whereis(to)
		if !ok {
			return p.BadArg()
		}
		p.sendMsg(pid, msg)
		return msg
	case p.env().IsTuple(to) && p.env().TupleArity(to) == 2:
		name, node := p.env().Elem(to, 0), p.env().Elem(to, 1)
		if !name.IsAtom() || !node.IsAtom() {
			return p.BadArg()
		}
		if node == term.AtomNonode {
			if pid, ok := p.rt.Whereis(name); ok {
				p.sendMsg(pid, msg)
			}
		}
		return msg
	case p.env().IsRef(to):
		// A process alias; an inactive one drops the message.
		if id, ok := RefID(p.env(), to); ok {
			if pid, ok := p.rt.aliasTarget(id); ok {
				p.sendMsg(pid, msg)
			}
		}
		return msg
	}
	return p.BadArg()
}

func (rt *Runtime) sendExport() *Export {
	return rt.exports[rt.ExportIndex(term.AtomErlang, rt.Atom("!"), 2)]
}

func (rt *Runtime) applyExport() *Export {
	return rt.exports[rt.ExportIndex(term.AtomErlang, term.AtomApply, 3)]
}

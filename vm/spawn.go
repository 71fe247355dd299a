package vm

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// exitModule is instance 0: the code a process's first call returns into.
func exitModule() *Module {
	return &Module{Name: term.AtomInit, Code: []uint64{opNormalExit}}
}

// newProcess creates a process that will call m:f(args...).
func (rt *Runtime) newProcess(e *Export, args []term.Term) (*Process, error) {
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		return nil, err
	}
	rt.mu.Lock()
	rt.nextPid++
	id := rt.nextPid
	rt.mu.Unlock()
	p := &Process{rt: rt, env: &rt.Env, Pid: term.MakePid(id), Heap: h, trapFun: term.NoValue,
		excFrame: term.NoValue, excRaw: term.NoValue, excArgs: term.NoValue, excInfo: term.NoValue, excCause: term.NoValue}
	p.installGC()
	for i, a := range args {
		p.x[i] = copyInto(rt, h, a)
	}
	p.stack = make([]term.Term, yGuard, yGuard+64)
	for i := range p.stack {
		p.stack[i] = term.Nil
	}
	p.sp = yGuard
	p.stack = p.stack[:cap(p.stack)]
	p.push(term.MakeCP(0, 0))
	if e.Mod == nil && e.Native == nil && !rt.autoload(e) {
		h.Free()
		return nil, fmt.Errorf("%s is not defined", e.String(&rt.Env))
	}
	// Start by "trapping" into the function, which handles natives too.
	p.setMod(rt.inst(0))
	p.pc = 0
	p.trapExport = e
	p.trapArgs = len(args)
	rt.mu.Lock()
	rt.procs[id] = p
	rt.mu.Unlock()
	return p, nil
}

// ErrDeadlock is returned when the only running process waits for a message
// that can never come.
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

// Apply runs m:f(args...) in a new process until it ends and returns how it
// ended.
func (rt *Runtime) Apply(m, f term.Term, args []term.Term) (*Result, error) {
	e := rt.exports[rt.ExportIndex(m, f, len(args))]
	p, err := rt.newProcess(e, args)
	if err != nil {
		return nil, err
	}
	return rt.runToEnd(p)
}

func (rt *Runtime) runToEnd(p *Process) (res *Result, err error) {
	// Runs last, after the recover below has set res.
	defer rt.releaseProcess(p, &res)
	defer func() {
		if r := recover(); r != nil {
			if h, ok := r.(haltSignal); ok {
				res = &Result{Halted: true, HaltCode: int(h)}
				err = nil
				return
			}
			if oom, ok := r.(heap.OutOfMemory); ok {
				err = fmt.Errorf("out of memory: %w", oom.Err)
				return
			}
			// A fault in the VM itself (e.g. code that violates what the
			// compiler guarantees): end this run with an error instead of
			// taking the host program down.
			res, err = nil, fmt.Errorf("internal error in %s: %v", p.describe(), r)
		}
	}()
	// The first step: enter the function as a tail call from the exit module.
	if !p.startCall() {
		return p.result(), nil
	}
	for {
		switch p.run() {
		case runYield:
			continue
		case runExit:
			return p.result(), nil
		case runWait:
			if p.msgPos < len(p.mailbox) {
				continue
			}
			if p.timeoutMs < 0 {
				return nil, ErrDeadlock
			}
			time.Sleep(time.Duration(p.timeoutMs) * time.Millisecond)
			p.pc = p.timeoutPC
			p.timeoutMs = -1
		}
	}
}

// describe names the process and where it was, for internal errors.
func (p *Process) describe() string {
	if p.mod == nil {
		return fmt.Sprintf("process %d", p.Pid.PidNumber())
	}
	return fmt.Sprintf("process %d in module %s", p.Pid.PidNumber(), p.env.AtomName(p.mod.Name))
}

// startCall enters the initial function; false if that already failed.
func (p *Process) startCall() bool {
	e := p.trapExport
	p.trapExport = nil
	mod, pc, ok := p.enterExport(e, p.trapArgs)
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
	if p.exitClass != 0 {
		r.Class, r.Reason, r.Stack = p.exitClass, p.exitReason, p.exitStack
		r.ExitReason = p.exitValue
	} else {
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
	if e.Native != nil || e.Mod != nil {
		return true
	}
	rt.autoloadModule(e.M)
	return e.Mod != nil || e.Native != nil
}

// autoloadModule loads module m from the code path unless it is loaded. It
// reports whether the module is loaded afterwards.
func (rt *Runtime) autoloadModule(m term.Term) bool {
	if _, ok := rt.Module(m); ok {
		return true
	}
	name := rt.Env.AtomName(m)
	rt.mu.RLock()
	path := append([]string(nil), rt.cfg.CodePath...)
	bundled := rt.bundled
	rt.mu.RUnlock()
	if bundled != nil {
		if data, ok := bundled(name); ok {
			if _, err := rt.LoadBinary(data); err != nil {
				fmt.Fprintf(rt.cfg.Stderr, "beamr: bundled %s: %v\n", name, err)
				return false
			}
			return true
		}
	}
	for _, dir := range path {
		data, err := os.ReadFile(filepath.Join(dir, name+".beam"))
		if err != nil {
			continue
		}
		if _, err := rt.LoadBinary(data); err != nil {
			fmt.Fprintf(rt.cfg.Stderr, "beamr: %v\n", err)
			return false
		}
		return true
	}
	return false
}

// send delivers msg to the process (or registered name) to. It returns
// msg, or term.NoValue with badarg raised.
func (p *Process) send(to, msg term.Term) term.Term {
	if to.IsPid() {
		p.rt.mu.RLock()
		q := p.rt.procs[to.PidNumber()]
		p.rt.mu.RUnlock()
		if q != nil && q.status != statusExited {
			q.mailbox = append(q.mailbox, copyInto(p.rt, q.Heap, msg))
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

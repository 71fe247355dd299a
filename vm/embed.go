package vm

import (
	"errors"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Hooks for programs that embed a runtime (the beamr package at the
// module root): starting processes and signalling them from Go, and
// learning when a process or the whole runtime has stopped. They may be
// called from any goroutine.

// ErrClosed is returned by Start once the runtime has been closed or has
// halted.
var ErrClosed = errors.New("vm: runtime closed")

// Watch tells the Go side when a process started by Start has ended.
type Watch struct {
	x *procExt
}

// Done returns a channel closed when the watched process has ended. A
// process still alive when the runtime closes or halts never ends this way:
// wait on Runtime.Stopped too.
func (w *Watch) Done() <-chan struct{} { return w.x.done }

// Result returns how the watched process ended: its return value, or the
// uncaught exception or exit signal that ended it. Its terms stay valid
// until the runtime closes. Call it only after Done is closed.
func (w *Watch) Result() *Result { return w.x.res }

// Err returns the internal error of the VM that ended the watched process
// (a fault in the VM itself, not an Erlang exception), or nil. Call it
// only after Done is closed.
func (w *Watch) Err() error { return w.x.fatal }

// Start starts module:fun(args...) in a new process from outside any
// process, as spawn/3 would, with the args that build makes on a scratch
// heap (build must not keep the heap; if it fails, no process starts and
// its error is returned). The process's group leader is UserPid. When
// watch is true the returned Watch tells when the process has ended (and a
// crash of the process is then not reported on standard error: the
// watcher sees it); otherwise it is nil. Start fails with ErrClosed once
// Close has run or erlang:halt has stopped the runtime; it must not race
// with Close itself.
func (rt *Runtime) Start(module, fun term.Term, build func(h *heap.Heap) ([]term.Term, error), watch bool) (term.Term, *Watch, error) {
	rt.extMu.RLock()
	defer rt.extMu.RUnlock()
	if rt.extClosed || rt.stopping() {
		return 0, nil, ErrClosed
	}
	s := rt.scratchFor()
	defer rt.doneScratch(s)
	var args []term.Term
	if build != nil {
		var err error
		if args, err = build(s); err != nil {
			return 0, nil, err
		}
	}
	e := rt.export(rt.ExportIndex(module, fun, len(args)))
	p, err := rt.newProcess(e, args, nil, &spawnOpts{prio: prioNormal, fullsweepAfter: -1})
	if err != nil {
		return 0, nil, err
	}
	var w *Watch
	if watch {
		w = &Watch{x: p.wait()}
	}
	rt.spawnProc(p, nil)
	return p.Pid, w, nil
}

// stopping reports whether Close or erlang:halt has begun stopping rt.
func (rt *Runtime) stopping() bool {
	rt.halting.Lock()
	defer rt.halting.Unlock()
	return rt.halting.done
}

// Kill sends the process pid the exit signal kill from outside any
// process, as exit(Pid, kill) does: it ends even if it traps exits. A pid
// that is not alive is ignored.
func (rt *Runtime) Kill(pid term.Term) {
	rt.extMu.RLock()
	defer rt.extMu.RUnlock()
	if rt.extClosed {
		return
	}
	rt.post(pid, signal{kind: sigExit, from: pid, msg: term.AtomKill}, nil)
}

// Stopped returns a channel closed when the runtime stops running
// processes: when Close begins, or when erlang:halt (or a fatal error of
// the VM) stops it (see Halted).
func (rt *Runtime) Stopped() <-chan struct{} { return rt.halting.ch }

// Halted reports whether erlang:halt stopped the runtime, and with which
// status.
func (rt *Runtime) Halted() (code int, ok bool) {
	h := &rt.halting
	h.Lock()
	defer h.Unlock()
	return h.code, h.done && h.halted
}

// Send sends the process pid a message that build makes on a scratch heap,
// from outside any process (build must not keep the heap). When build
// fails nothing is sent and its error is returned. Send reports whether
// pid was alive; a message to a process that is not is dropped, as in
// Erlang. After Close it sends nothing and returns ErrClosed.
func (rt *Runtime) Send(pid term.Term, build func(h *heap.Heap) (term.Term, error)) (bool, error) {
	rt.extMu.RLock()
	defer rt.extMu.RUnlock()
	if rt.extClosed {
		return false, ErrClosed
	}
	s := rt.scratchFor()
	defer rt.doneScratch(s)
	msg, err := build(s)
	if err != nil {
		return false, err
	}
	c, f := heap.CopyToFrag(rt.Arena, &rt.Env, msg)
	return rt.post(pid, signal{kind: sigMsg, msg: c, frag: f}, nil), nil
}

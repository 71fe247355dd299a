package vm

import (
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Work outside the schedulers. A goroutine serving a process — reading
// standard input for the io server — ends by sending it a message. While
// such work is under way the runtime is not deadlocked even when every
// process waits: the message is still to come.

// BeginExternal notes that work outside the schedulers has started that
// will end by sending a message (SendFromGo). Until the returned done is
// called, a process waiting for a message does not count as deadlocked
// (Apply keeps waiting). done must be called exactly once, after the send.
func (rt *Runtime) BeginExternal() (done func()) {
	rt.external.Add(1)
	return func() {
		if rt.external.Add(-1) == 0 {
			rt.nudgeQuiet()
		}
	}
}

// nudgeQuiet tells a waiting Apply to look again whether anything can
// still run, when every scheduler is parked.
func (rt *Runtime) nudgeQuiet() {
	ss := &rt.sched
	if ss.quiet == nil || int(ss.nidle.Load()) != len(ss.all) {
		return
	}
	select {
	case ss.quiet <- struct{}{}:
	default:
	}
}

// SendFromGo sends pid a message built by build on a scratch heap, from
// outside any process (build must not keep the heap). It reports whether
// pid was alive.
func (rt *Runtime) SendFromGo(pid term.Term, build func(h *heap.Heap) term.Term) bool {
	rt.extMu.RLock()
	defer rt.extMu.RUnlock()
	if rt.extClosed {
		return false // the runtime is closed (its memory may be gone)
	}
	s := rt.scratchFor()
	msg := build(s)
	c, f := heap.CopyToFrag(rt.Arena, &rt.Env, msg)
	rt.doneScratch(s)
	return rt.post(pid, signal{kind: sigMsg, msg: c, frag: f}, nil)
}

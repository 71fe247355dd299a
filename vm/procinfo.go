package vm

import (
	"github.com/beamr/beamr/term"
)

// What process_info reports. Each accessor reads the process's own state:
// call it from the process itself (a native function of it, or a question
// it answers through Ask), except RunStatus, which any process may call.

// RunStatus returns the process's status atom as another process sees
// it: running, runnable, waiting or exiting.
func (p *Process) RunStatus() term.Term {
	switch p.state.Load() {
	case stRunning, stRunningSig:
		return p.Atom("running")
	case stRunnable:
		return p.Atom("runnable")
	case stWaiting:
		return p.Atom("waiting")
	}
	return p.Atom("exiting")
}

// Messages returns the messages in the mailbox, oldest first.
func (p *Process) Messages() []term.Term { return p.mailbox }

// Links returns the pids p is linked to.
func (p *Process) Links() []term.Term { return p.rd().links }

// MonitorsInfo returns process_info's monitors item: {process, Pid} or
// {process, {Name, Node}} for each monitor p holds, built on p's heap.
func (p *Process) MonitorsInfo() term.Term {
	h := p.Heap
	out := make([]term.Term, 0, len(p.rd().monitors))
	for _, m := range p.rd().monitors {
		item := m.pid
		if m.name != 0 {
			item = h.Tuple(m.name, term.AtomNonode)
		}
		out = append(out, h.Tuple(term.AtomProcess, item))
	}
	return h.List(out...)
}

// MonitoredBy returns the pids monitoring p.
func (p *Process) MonitoredBy() []term.Term {
	out := make([]term.Term, 0, len(p.rd().monitoredBy))
	for _, m := range p.rd().monitoredBy {
		out = append(out, m.pid)
	}
	return out
}

// CurrentFunction returns the function p is executing, as {M, F, Arity}
// parts; ok is false when it is in no function (it has ended).
func (p *Process) CurrentFunction() (m, f term.Term, arity int, ok bool) {
	if p.mod == nil {
		return 0, 0, 0, false
	}
	if p.mod.ID == 0 {
		switch p.pc {
		case 1:
			return term.AtomErlang, p.Atom("hibernate"), 3, true
		case 0:
			return p.initial.M, p.initial.F, p.initial.Arity, true
		}
		return term.AtomErlang, p.Atom("process_info"), 2, true
	}
	fr, found := p.mod.funcAt(p.pc)
	if !found {
		return 0, 0, 0, false
	}
	return p.mod.Name, fr.name, fr.arity, true
}

// InitialCall returns the M, F and arity p was spawned with.
func (p *Process) InitialCall() (m, f term.Term, arity int) {
	return p.initial.M, p.initial.F, p.initial.Arity
}

// PriorityName returns p's priority atom.
func (p *Process) PriorityName() term.Term { return p.priorityName(p.prio) }

// TrapExit reports whether p traps exits.
func (p *Process) TrapExit() bool { return p.trapExit }

// GroupLeader returns p's group leader.
func (p *Process) GroupLeader() term.Term { return p.groupLeader }

// ErrorHandler returns p's error_handler module.
func (p *Process) ErrorHandler() term.Term {
	if p.ext == nil || p.ext.errorHandler == 0 {
		return p.Atom("error_handler")
	}
	return p.ext.errorHandler
}

// Parent returns the pid of the process that spawned p, or undefined.
func (p *Process) Parent() term.Term {
	if p.parent == 0 {
		return term.AtomUndefined
	}
	return p.parent
}

// MinBinVHeapSize returns p's min_bin_vheap_size setting.
func (p *Process) MinBinVHeapSize() uint64 {
	if p.ext == nil {
		return 0
	}
	return p.ext.minBinVHeap
}

// MessageQueueData returns p's message_queue_data setting.
func (p *Process) MessageQueueData() term.Term {
	if p.ext != nil && p.ext.offHeapMsgs {
		return p.Atom("off_heap")
	}
	return p.Atom("on_heap")
}

// SigLive returns how many x registers are live while p handles its
// signals (for a collection a question asks for).
func (p *Process) SigLive() int { return int(p.sigLive) }

// CurrentStacktrace returns process_info's current_stacktrace: the
// function p is in, then the callers its stack returns to, as
// {M, F, Arity, Location} frames (at most depth of them).
func (p *Process) CurrentStacktrace(depth int) term.Term {
	h := p.Heap
	var frames []term.Term
	if p.mod != nil && p.mod.ID != 0 {
		if fr, ok := p.mod.funcAt(p.pc); ok {
			frames = append(frames, h.Tuple(p.mod.Name, fr.name, term.MakeSmall(int64(fr.arity)), p.location(p.mod, p.pc)))
		}
	} else if m, f, a, ok := p.CurrentFunction(); ok {
		frames = append(frames, h.Tuple(m, f, term.MakeSmall(int64(a)), term.Nil))
	}
	var prev term.Term
	for i := p.sp - 1; i >= yGuard && len(frames) < depth; i-- {
		w := p.stack[i]
		if !w.IsCP() || w == prev {
			continue
		}
		prev = w
		mid, pc := w.CP()
		if mid == 0 {
			continue
		}
		mod := p.rt.inst(mid)
		if mod == nil || pc == 0 {
			continue
		}
		if fr, ok := mod.funcAt(pc - 1); ok {
			frames = append(frames, h.Tuple(mod.Name, fr.name, term.MakeSmall(int64(fr.arity)), p.location(mod, pc-1)))
		}
	}
	return h.List(frames...)
}

package vm

import (
	"sort"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Links, monitors and the end of a process.

// monitor is one monitor: in the watcher's monitors list pid is the
// target, in the target's monitoredBy list pid is the watcher. name is the
// registered name the watcher used, or 0.
type monitor struct {
	ref  uint64
	pid  term.Term
	name term.Term
	tag  term.Term // an immediate replacing 'DOWN' in the message, or 0
}

// addLink records a link to pid (once).
func (p *Process) addLink(pid term.Term) {
	for _, l := range p.rd().links {
		if l == pid {
			return
		}
	}
	r := p.rels()
	r.links = append(r.links, pid)
}

// removeLink drops the link to pid and reports whether there was one.
func (p *Process) removeLink(pid term.Term) bool {
	for i, l := range p.rd().links {
		if l == pid {
			p.rel.links = append(p.rel.links[:i], p.rel.links[i+1:]...)
			return true
		}
	}
	return false
}

// hasLink reports whether p is linked to pid.
func (p *Process) hasLink(pid term.Term) bool {
	for _, l := range p.rd().links {
		if l == pid {
			return true
		}
	}
	return false
}

// dropMonitor removes the monitor ref p holds; false when p holds none.
func (p *Process) dropMonitor(ref uint64) bool {
	for i, m := range p.rd().monitors {
		if m.ref == ref {
			p.rel.monitors = append(p.rel.monitors[:i], p.rel.monitors[i+1:]...)
			return true
		}
	}
	return false
}

// setExit records how p ends: class 0 for an exit signal or an explicit
// end (reason is the exit reason), or the class of an uncaught exception.
func (p *Process) setExit(class, reason, stack term.Term) {
	p.exitValue = reason
	if class != 0 || stack != 0 || p.ext != nil {
		x := p.extra()
		x.exitClass, x.exitReason = class, reason
		if stack != 0 {
			x.exitStack = stack
		}
	}
	p.exitSet = true
}

// exitClass returns the class of the uncaught exception p ended with, or 0.
func (p *Process) exitClass() term.Term {
	if p.ext == nil {
		return 0
	}
	return p.ext.exitClass
}

// ExitReason returns the reason p ended with, as links and monitors see it.
func (p *Process) exitReasonTerm() term.Term {
	if !p.exitSet && p.exitClass() == 0 {
		return term.AtomNormal
	}
	return p.exitValue
}

// terminate runs when p has ended (it is still attached to its scheduler,
// so its registers and heap can be read): it drops its name and timers,
// sends exit signals to linked processes and DOWN messages to monitoring
// ones, then closes the inbox and answers the signals left in it as a dead
// process does, reports a crash, and frees the heap.
func (p *Process) terminate() {
	rt := p.rt
	reason := p.exitReasonTerm()
	rt.unregisterProc(p)
	if p.recvTimer != nil {
		rt.timers.cancel(p.recvTimer)
		p.recvTimer = nil
	}
	// Exit signals and DOWN messages go out while the inbox is still
	// open: a link or monitor request that comes after them is answered
	// (noproc) only once the inbox closes below, so from this process to
	// any other, the real exit signal always comes first.
	for _, l := range p.rd().links {
		p.signalTerm(l, signal{kind: sigExit, link: true}, reason)
	}
	for _, m := range p.rd().monitoredBy {
		msg := downMsg(rt, p.Heap, m.ref, p.Pid, m.name, m.tag, reason)
		c, f := heap.CopyToFrag(rt.Arena, p.env(), msg)
		rt.post(m.pid, signal{kind: sigDown, ref: m.ref, msg: c, frag: f}, p.sched())
	}
	for _, m := range p.rd().monitors {
		p.signal(m.pid, signal{kind: sigDemonitor, ref: m.ref})
	}
	p.rel = nil
	rt.ownerExit(p.Pid)
	rest := p.closeInbox()
	rt.procs.remove(p.Pid.PidNumber(), p, rt.nextPid.Load()+1)
	for c := rest; c != nil; c = c.next {
		for i := 0; i < c.n; i++ {
			rt.bounce(p.Pid, &c.sigs[i])
		}
	}
	freeChain(rest, p.sched())
	p.dropAliases()
	if p.waiter() == nil && (p.exitClass() == term.AtomError || p.exitClass() == term.AtomThrow) {
		rt.reportCrash(p.Pid, p.exitValue)
	}
	if w := p.waiter(); w != nil {
		res := p.result()
		s := rt.scratch()
		rt.scratchMu.Lock()
		for _, t := range []*term.Term{&res.Value, &res.Class, &res.Reason, &res.Stack, &res.ExitReason} {
			*t = s.CopyTerm(&rt.Env, *t)
		}
		rt.scratchMu.Unlock()
		w.res = res
	}
	p.mailbox = nil
	p.DictClear()
	p.stack, p.sp, p.stackInHeap = nil, 0, false
	p.Heap.Free()
	rt.live.Add(-1)
}

// closeInbox makes every later signal to p bounce and returns the
// signals its inbox still held.
func (p *Process) closeInbox() *sigChunk {
	p.inMu.Lock()
	defer p.inMu.Unlock()
	p.inClosed = true
	p.inCount.Store(0)
	return p.in.take()
}

// finished tells whoever waits for p's end (Apply) that it came.
func (p *Process) finished() {
	if w := p.waiter(); w != nil {
		close(w.done)
	}
}

// reportCrash prints OTP's error report for a process that died of an
// uncaught exception.
func (rt *Runtime) reportCrash(pid, value term.Term) {
	s := rt.FormatCrash(&Result{Pid: pid, ExitReason: value})
	rt.stdoutMu.Lock()
	rt.cfg.Stderr.Write([]byte(s))
	rt.stdoutMu.Unlock()
}

// Link links p and the process pid (erlang:link/1). It returns false when
// pid is not a live process (the caller raises or signals noproc).
func (p *Process) Link(pid term.Term) bool {
	if pid == p.Pid {
		return true
	}
	if p.rt.lookup(pid) == nil {
		return false
	}
	if p.hasLink(pid) {
		return true
	}
	p.addLink(pid)
	p.signal(pid, signal{kind: sigLink})
	return true
}

// Unlink removes the link between p and pid (erlang:unlink/1).
func (p *Process) Unlink(pid term.Term) {
	if p.removeLink(pid) {
		p.signal(pid, signal{kind: sigUnlink})
	}
	// An exit signal of the link already on its way is dropped when it
	// arrives, since the link is gone (exitSignal).
}

// Monitor makes p monitor the process pid (name, when not 0, is the
// registered name used; tag, when not 0, replaces 'DOWN' in the message)
// and returns the monitor's reference. When the target does not exist
// (pid 0: a name nobody has) the DOWN message with reason noproc comes at
// once. A process monitoring itself gets a reference and no monitor.
func (p *Process) Monitor(pid, name, tag term.Term) term.Term {
	rt := p.rt
	ref := rt.NewRefID()
	rterm := makeRef(p.Heap, ref)
	if pid == p.Pid {
		return rterm
	}
	if tag != 0 && !tag.IsImmed() {
		tag = 0
	}
	if pid == 0 {
		p.deliver(downMsg(rt, p.Heap, ref, 0, name, tag, rt.Atom("noproc")))
		return rterm
	}
	r := p.rels()
	r.monitors = append(r.monitors, monitor{ref: ref, pid: pid, name: name, tag: tag})
	// When the target is gone, bounce sends the DOWN noproc back.
	p.signal(pid, signal{kind: sigMonitor, ref: ref, aux: name, msg: tag})
	return rterm
}

// downTag is the first element of a DOWN message.
func downTag(rt *Runtime, tag term.Term) term.Term {
	if tag != 0 {
		return tag
	}
	return rt.Atom("DOWN")
}

// Demonitor removes monitor ref (erlang:demonitor/1,2). It reports whether
// p held it. With flush, a DOWN message of it already received is removed
// from the mailbox.
func (p *Process) Demonitor(ref term.Term, flush bool) bool {
	id, ok := RefID(p.env(), ref)
	if !ok {
		return false
	}
	found := false
	for i, m := range p.rd().monitors {
		if m.ref == id {
			p.rel.monitors = append(p.rel.monitors[:i], p.rel.monitors[i+1:]...)
			p.signal(m.pid, signal{kind: sigDemonitor, ref: id})
			p.removeAlias(id, aliasDemonitor, aliasReplyDemonitor)
			found = true
			break
		}
	}
	if flush {
		// A DOWN message still in the inbox is dropped when it is
		// handled, since the monitor is gone; one already in the mailbox
		// is removed here.
		p.flushDown(ref)
	}
	return found
}

// flushDown removes every {'DOWN', ref, _, _, _} message.
func (p *Process) flushDown(ref term.Term) {
	env := p.env()
	down := p.rt.Atom("DOWN")
	out := p.mailbox[:0]
	for _, m := range p.mailbox {
		if env.IsTuple(m) && env.TupleArity(m) == 5 && env.Elem(m, 0) == down &&
			term.ExactEqual(env, env.Elem(m, 1), ref) {
			continue
		}
		out = append(out, m)
	}
	p.mailbox = out
	p.msgPos = 0
	p.mbEpoch++
}

// sortProcs orders processes by pid.
func sortProcs(ps []*Process) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Pid.PidNumber() < ps[j].Pid.PidNumber() })
}

// maxHeapSize is a process's max_heap_size setting; size 0 means none.
type maxHeapSize struct {
	size        uint64 // words
	kill        bool
	errorLogger bool
	inclShared  bool
}

// discard ends p without running it further (Close): signals in its
// inbox are released unanswered and its heap is freed.
func (p *Process) discard() {
	rest := p.closeInbox()
	for c := rest; c != nil; c = c.next {
		for i := 0; i < c.n; i++ {
			c.sigs[i].frag.Release(p.rt.Arena, p.env().Bins)
		}
	}
	freeChain(rest, p.sched())
	p.rt.procs.remove(p.Pid.PidNumber(), p, p.rt.nextPid.Load()+1)
	p.state.Store(stExited)
	p.stack, p.sp, p.stackInHeap = nil, 0, false
	p.Heap.Free()
}

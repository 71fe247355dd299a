package vm

import (
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Signals. Everything one process does to another — a message, an exit
// signal, a link or monitor request, a question about its state — is a
// signal put in the target's inbox. Only the target acts on its signals,
// on its own scheduler, in the order they arrived: when it is switched in
// and whenever a receive has looked at every message it had. So two
// processes' signals to each other keep their order, a process's heap is
// only ever written by the process itself, and a term crossing over
// travels in a heap fragment that the receiver attaches to its heap.

type sigKind uint8

const (
	sigMsg         sigKind = iota // a message: msg in frag
	sigExit                       // an exit signal from from with reason msg; link says it comes from a broken link
	sigLink                       // from links to the target
	sigUnlink                     // from removes its link to the target
	sigMonitor                    // from monitors the target under ref (aux: the name it used, or 0)
	sigDemonitor                  // from drops its monitor ref on the target
	sigDown                       // the DOWN message msg of the monitor ref the target holds
	sigTimeout                    // the receive timer numbered ref has fired
	sigCall                       // answer question ref (rt.calls) and send {Ref, Answer} to from
	sigGroupLeader                // the target's group leader becomes msg
)

// signal is one entry of an inbox.
type signal struct {
	kind sigKind
	link bool
	from term.Term
	msg  term.Term
	frag heap.Frag
	ref  uint64
	aux  term.Term
}

// lookup returns the live process with pid t, or nil.
func (rt *Runtime) lookup(t term.Term) *Process {
	if !t.IsPid() {
		return nil
	}
	if p := rt.procs.get(t.PidNumber()); p != nil {
		return p
	}
	return rt.lookupSys(t)
}

// post puts sig in the inbox of the process pid and wakes it. from is the
// scheduler of the sending process (nil when the sender is not a process
// on a scheduler). When there is no such process sig is answered as a dead
// process answers it (see bounce) and post returns false.
func (rt *Runtime) post(pid term.Term, sig signal, from *scheduler) bool {
	q := rt.lookup(pid)
	if q == nil {
		rt.bounce(pid, &sig)
		return false
	}
	return rt.postTo(q, pid, sig, from)
}

// postTo is post to the process q found for pid.
func (rt *Runtime) postTo(q *Process, pid term.Term, sig signal, from *scheduler) bool {
	q.inMu.Lock()
	if q.inClosed {
		q.inMu.Unlock()
		rt.bounce(pid, &sig)
		return false
	}
	q.in.push(sig, from)
	q.inCount.Add(1)
	q.inMu.Unlock()
	rt.wakeProc(q, from)
	return true
}

// wakeProc makes q look at its inbox: a waiting process becomes runnable,
// a running one runs again before it may wait.
func (rt *Runtime) wakeProc(q *Process, from *scheduler) {
	for {
		switch q.state.Load() {
		case stWaiting:
			if q.state.CompareAndSwap(stWaiting, stRunnable) {
				rt.enqueue(q, from)
				return
			}
		case stRunning:
			if q.state.CompareAndSwap(stRunning, stRunningSig) {
				return
			}
		default:
			return
		}
	}
}

// bounce answers a signal whose target process does not exist (or is
// exiting): a link request gets an exit signal noproc back, a monitor
// request a DOWN message with reason noproc, a question the dead answer;
// anything else is dropped.
func (rt *Runtime) bounce(target term.Term, sig *signal) {
	sig.frag.Release(rt.Arena, rt.Env.Bins)
	switch sig.kind {
	case sigLink:
		rt.post(sig.from, signal{kind: sigExit, link: true, from: target, msg: rt.Atom("noproc")}, nil)
	case sigMonitor:
		rt.postDown(sig.from, sig.ref, target, sig.aux, sig.msg, rt.Atom("noproc"))
	case sigCall:
		rt.calls.take(sig.ref)
		rt.reply(sig.from, sig.ref, sig.aux)
	}
}

// postDown sends the watcher the DOWN message of its monitor ref on target
// (monitored as name, when not 0; tag, when not 0, replaces 'DOWN'), with
// reason.
func (rt *Runtime) postDown(watcher term.Term, ref uint64, target, name, tag, reason term.Term) {
	s := rt.scratchFor()
	defer rt.doneScratch(s)
	c, f := heap.CopyToFrag(rt.Arena, &rt.Env, downMsg(rt, s, ref, target, name, tag, reason))
	rt.post(watcher, signal{kind: sigDown, ref: ref, msg: c, frag: f}, nil)
}

// downMsg builds on h the DOWN message of monitor ref on target (as name
// when not 0; tag, when not 0, in place of 'DOWN').
func downMsg(rt *Runtime, h *heap.Heap, ref uint64, target, name, tag, reason term.Term) term.Term {
	item := target
	if name != 0 {
		item = h.Tuple(name, term.AtomNonode)
	}
	return h.Tuple(downTag(rt, tag), makeRef(h, ref), term.AtomProcess, item, reason)
}

// reply sends {Ref, v} to pid, answering a sigCall; v is a term of a heap
// the caller owns (or an immediate).
func (rt *Runtime) reply(pid term.Term, ref uint64, v term.Term) {
	s := rt.scratchFor()
	defer rt.doneScratch(s)
	msg := s.Tuple(makeRef(s, ref), v)
	c, f := heap.CopyToFrag(rt.Arena, &rt.Env, msg)
	rt.post(pid, signal{kind: sigMsg, msg: c, frag: f}, nil)
}

// sched returns the scheduler p runs on, or nil.
func (p *Process) sched() *scheduler {
	if p.r != nil {
		return p.r.s
	}
	return nil
}

// sendMsg sends a copy of msg to the process pid (which may be p itself).
func (p *Process) sendMsg(pid term.Term, msg term.Term) {
	if pid == p.Pid {
		// A message to oneself is already on one's heap.
		p.deliver(msg)
		return
	}
	rt := p.rt
	q := rt.lookup(pid)
	if q == nil {
		return // a message to a dead process vanishes
	}
	c, f := heap.CopyMessage(rt.Arena, &rt.Env, msg)
	rt.postTo(q, pid, signal{kind: sigMsg, msg: c, frag: f}, p.sched())
}

// signal sends sig from p to the process pid.
func (p *Process) signal(pid term.Term, sig signal) bool {
	sig.from = p.Pid
	return p.rt.post(pid, sig, p.sched())
}

// signalTerm sends sig carrying a copy of t (an exit reason) to pid.
func (p *Process) signalTerm(pid term.Term, sig signal, t term.Term) bool {
	sig.msg, sig.frag = heap.CopyToFrag(p.rt.Arena, p.env(), t)
	return p.signal(pid, sig)
}

// deliver appends m to the mailbox. The mailbox is a window on mbArr:
// taking the first message moves the window's start, and when the window
// reaches the end of the array it moves back to the start instead of
// growing, so a steady stream of messages allocates nothing.
func (p *Process) deliver(m term.Term) {
	if n := len(p.mailbox); n == cap(p.mailbox) {
		if n < cap(p.mbArr)/2 {
			// Slide the window back to the start of the array (the
			// copy must reach past mbArr's length, which is only the
			// length it was made with).
			old := p.mailbox
			p.mailbox = p.mbArr[:n]
			copy(p.mailbox, old)
		} else {
			nb := make([]term.Term, n, max(2*n, 8))
			copy(nb, p.mailbox)
			p.mbArr, p.mailbox = nb, nb
		}
	}
	p.mailbox = append(p.mailbox, m)
}

// dropFirst removes the first message of the mailbox.
func (p *Process) dropFirst() {
	if len(p.mailbox) == 1 {
		p.mailbox = p.mbArr[:0]
		return
	}
	p.mailbox = p.mailbox[1:]
}

// removeMessage takes the message at the save pointer out of the mailbox
// and ends the receive (remove_message).
func (p *Process) removeMessage() {
	if p.msgPos == 0 {
		p.dropFirst()
	} else {
		p.mailbox = append(p.mailbox[:p.msgPos], p.mailbox[p.msgPos+1:]...)
	}
	p.msgPos = 0
	p.mbEpoch++
	p.clearRecvTimer()
}

// handleSignals acts on every signal in p's inbox, in order. It reports
// false when one of them ended p (its exit reason is then set); the
// signals after it stay in the inbox for terminate to answer.
func (p *Process) handleSignals() bool {
	if p.inCount.Load() == 0 {
		return true
	}
	p.inMu.Lock()
	chain := p.in.take()
	p.inCount.Store(0)
	p.inMu.Unlock()
	for c := chain; c != nil; c = c.next {
		for i := 0; i < c.n; i++ {
			if !p.handleSignal(&c.sigs[i]) {
				// Keep the rest, in order, ahead of anything newer.
				copy(c.sigs, c.sigs[i+1:c.n])
				c.n -= i + 1
				p.inMu.Lock()
				// inCount counts what came since the take.
				p.inCount.Add(int32(p.in.prepend(c)))
				p.inMu.Unlock()
				// The chunks before c are done.
				for d := chain; d != c; {
					next := d.next
					d.next = nil
					freeChain(d, p.sched())
					d = next
				}
				return false
			}
		}
	}
	freeChain(chain, p.sched())
	if h := p.Heap; h.Collect != nil && (h.FragsDue() || collectionDue(h)) {
		// Messages pile up in fragments, or taking them in filled the
		// heap: collect now, so that a process that only receives (and
		// so never asks for heap) does not keep them all.
		h.Collect.CollectHeap(h, 0, int(p.sigLive))
	}
	return true
}

// smallMsg is the size in words up to which a message is copied from its
// fragment into the receiver's heap when it is taken in: the fragment is
// then free at once (and, still in cache, serves the next message), and
// the receiver's collections need not visit many small fragments. A larger
// message joins the heap in its fragment, without a second copy.
const smallMsg = 64

// takeIn makes the term a message signal carries p's own and returns it.
func (p *Process) takeIn(s *signal) term.Term {
	if s.frag.Inline() {
		return p.Heap.TakeFrag(p.env(), &s.frag, s.msg)
	}
	if s.frag.Size == 0 {
		return s.msg
	}
	if s.frag.Used <= smallMsg {
		return p.Heap.TakeFrag(p.env(), &s.frag, s.msg)
	}
	p.Heap.Attach(&s.frag)
	return s.msg
}

// handleSignal acts on one signal; false when it ends p.
func (p *Process) handleSignal(s *signal) bool {
	env := p.env()
	switch s.kind {
	case sigMsg:
		p.deliver(p.takeIn(s))
	case sigExit:
		p.Heap.Attach(&s.frag)
		return p.exitSignal(s.from, s.msg, s.link)
	case sigLink:
		p.addLink(s.from)
	case sigUnlink:
		p.removeLink(s.from)
	case sigMonitor:
		r := p.rels()
		r.monitoredBy = append(r.monitoredBy, monitor{ref: s.ref, pid: s.from, name: s.aux, tag: s.msg})
	case sigDemonitor:
		for i, m := range p.rd().monitoredBy {
			if m.ref == s.ref {
				p.rel.monitoredBy = append(p.rel.monitoredBy[:i], p.rel.monitoredBy[i+1:]...)
				break
			}
		}
	case sigDown:
		// Delivered only while the monitor still exists: after
		// demonitor no DOWN message arrives.
		if p.dropMonitor(s.ref) {
			p.removeAlias(s.ref, aliasDemonitor, aliasReplyDemonitor)
			p.deliver(p.takeIn(s))
		} else {
			s.frag.Release(p.rt.Arena, env.Bins)
		}
	case sigTimeout:
		if p.recvTimer != nil && s.ref == uint64(p.recvSeq) {
			p.timedOut = true
		}
	case sigCall:
		v := p.rt.calls.take(s.ref)(p)
		c, f := heap.CopyToFrag(p.rt.Arena, env, p.Heap.Tuple(makeRef(p.Heap, s.ref), v))
		p.rt.post(s.from, signal{kind: sigMsg, msg: c, frag: f}, p.sched())
	case sigGroupLeader:
		p.groupLeader = s.msg
	}
	return true
}

// exitSignal acts on an exit signal from `from` with reason, which is on
// p's heap; false when p dies of it.
func (p *Process) exitSignal(from, reason term.Term, link bool) bool {
	if link {
		if !p.removeLink(from) {
			return true // the link was removed meanwhile
		}
	} else if reason == term.AtomKill {
		p.setExit(0, term.AtomKilled, 0)
		return false
	}
	if p.trapExit {
		p.deliver(p.Heap.Tuple(term.AtomEXIT, from, reason))
		return true
	}
	if reason == term.AtomNormal && from != p.Pid {
		return true
	}
	p.setExit(0, reason, 0)
	return false
}

package vm

import (
	"time"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// erlang:send_after/3,4, start_timer/3,4, cancel_timer/1,2 and
// read_timer/1,2, and erlang:now/0.

// bifTimer is a timer started by send_after or start_timer: its message
// waits in a fragment until it fires.
type bifTimer struct {
	ref     uint64
	dest    term.Term // a pid, or a registered name looked up when it fires
	msg     term.Term // in frag
	frag    heap.Frag
	timeout bool // start_timer: the message is {timeout, Ref, Msg}
	t       *timer
}

func registerTimerBIFs(rt *Runtime) {
	reg := func(name string, arity int, f NativeFunc) { rt.Register("erlang", name, arity, f) }
	reg("send_after", 3, func(p *Process, a []term.Term) term.Term { return p.startTimer(a[0], a[1], a[2], term.Nil, false) })
	reg("send_after", 4, func(p *Process, a []term.Term) term.Term { return p.startTimer(a[0], a[1], a[2], a[3], false) })
	reg("start_timer", 3, func(p *Process, a []term.Term) term.Term { return p.startTimer(a[0], a[1], a[2], term.Nil, true) })
	reg("start_timer", 4, func(p *Process, a []term.Term) term.Term { return p.startTimer(a[0], a[1], a[2], a[3], true) })
	reg("cancel_timer", 1, func(p *Process, a []term.Term) term.Term { return p.timerOp(a[0], term.Nil, true) })
	reg("cancel_timer", 2, func(p *Process, a []term.Term) term.Term { return p.timerOp(a[0], a[1], true) })
	reg("read_timer", 1, func(p *Process, a []term.Term) term.Term { return p.timerOp(a[0], term.Nil, false) })
	reg("read_timer", 2, func(p *Process, a []term.Term) term.Term { return p.timerOp(a[0], a[1], false) })
	reg("now", 0, func(p *Process, _ []term.Term) term.Term {
		us := p.rt.nowMicros()
		h := p.Heap
		return h.Tuple(h.Int(us/1e12), h.Int(us/1e6%1e6), h.Int(us%1e6))
	})
}

// nowMicros returns erlang:now/0 in microseconds: the system time, but
// strictly larger at every call.
func (rt *Runtime) nowMicros() int64 {
	for {
		last := rt.lastNow.Load()
		us := time.Now().UnixMicro()
		if us <= last {
			us = last + 1
		}
		if rt.lastNow.CompareAndSwap(last, us) {
			return us
		}
	}
}

// monotonicMs returns erlang:monotonic_time(millisecond).
func (rt *Runtime) monotonicMs() int64 {
	ns := term.MinSmall + int64(time.Since(rt.start))
	// Floor division: the value is negative.
	ms := ns / 1e6
	if ns%1e6 < 0 {
		ms--
	}
	return ms
}

// startTimer implements send_after/3,4 (timeout false) and start_timer/3,4.
func (p *Process) startTimer(tm, dest, msg, opts term.Term, timeout bool) term.Term {
	env := p.env()
	rt := p.rt
	abs := false
	l := opts
	for ; l.IsList(); l = env.Tl(l) {
		o := env.Hd(l)
		if !env.IsTuple(o) || env.TupleArity(o) != 2 || env.Elem(o, 0) != p.Atom("abs") {
			return p.BadArg()
		}
		switch env.Elem(o, 1) {
		case term.AtomTrue:
			abs = true
		case term.AtomFalse:
			abs = false
		default:
			return p.BadArg()
		}
	}
	if l != term.Nil || !tm.IsSmall() {
		return p.BadArg()
	}
	if !dest.IsPid() && !dest.IsAtom() {
		return p.BadArg()
	}
	ms := tm.Small()
	if abs {
		ms -= rt.monotonicMs()
		if ms < 0 {
			ms = 0
		}
	} else if ms < 0 {
		return p.BadArg()
	}
	id := rt.NewRefID()
	if dest.IsPid() && rt.lookup(dest) == nil {
		// A timer for a dead process never fires.
		return makeRef(p.Heap, id)
	}
	bt := &bifTimer{ref: id, dest: dest, timeout: timeout}
	bt.msg, bt.frag = heap.CopyToFrag(rt.Arena, p.env(), msg)
	t := &timer{when: rt.timers.deadline(ms), bif: bt, fire: rt.fireBIF}
	bt.t = t
	rt.timers.mu.Lock()
	if rt.timers.byRef == nil {
		rt.timers.byRef = map[uint64]*timer{}
	}
	rt.timers.byRef[id] = t
	rt.timers.mu.Unlock()
	rt.timers.add(t)
	return makeRef(p.Heap, id)
}

// fireBIFTimer delivers a send_after/start_timer message.
func (rt *Runtime) fireBIFTimer(t *timer) {
	defer rt.timers.fired()
	bt := t.bif
	rt.forgetBIFTimer(bt.ref)
	dest := bt.dest
	if dest.IsAtom() {
		pid, ok := rt.Whereis(dest)
		if !ok {
			bt.frag.Release(rt.Arena, rt.Env.Bins)
			return
		}
		dest = pid
	}
	msg, frag := bt.msg, bt.frag
	if bt.timeout {
		s := rt.scratchFor()
		m := s.Tuple(rt.Atom("timeout"), makeRef(s, bt.ref), bt.msg)
		msg, frag = heap.CopyToFrag(rt.Arena, &rt.Env, m)
		rt.doneScratch(s)
		bt.frag.Release(rt.Arena, rt.Env.Bins)
	}
	rt.post(dest, signal{kind: sigMsg, msg: msg, frag: frag}, nil)
}

// forgetBIFTimer drops timer id from the table cancel_timer and
// read_timer look in.
func (rt *Runtime) forgetBIFTimer(id uint64) {
	rt.timers.mu.Lock()
	delete(rt.timers.byRef, id)
	rt.timers.mu.Unlock()
}

// cancelBIFTimer stops t and releases its message; false when it has
// fired already.
func (rt *Runtime) cancelBIFTimer(t *timer) bool {
	if !rt.timers.cancel(t) {
		return false
	}
	rt.forgetBIFTimer(t.bif.ref)
	t.bif.frag.Release(rt.Arena, rt.Env.Bins)
	return true
}

// timerOp implements cancel_timer/1,2 (cancel) and read_timer/1,2.
func (p *Process) timerOp(ref, opts term.Term, cancel bool) term.Term {
	env := p.env()
	rt := p.rt
	async, info, infoSet := false, true, false
	l := opts
	for ; l.IsList(); l = env.Tl(l) {
		o := env.Hd(l)
		if !env.IsTuple(o) || env.TupleArity(o) != 2 {
			return p.BadArg()
		}
		v := env.Elem(o, 1)
		if v != term.AtomTrue && v != term.AtomFalse {
			return p.BadArg()
		}
		switch env.Elem(o, 0) {
		case p.Atom("async"):
			async = v == term.AtomTrue
		case p.Atom("info"):
			info, infoSet = v == term.AtomTrue, true
		default:
			return p.BadArg()
		}
	}
	if l != term.Nil {
		return p.BadArg()
	}
	id, ok := RefID(env, ref)
	if !ok {
		return p.BadArg()
	}
	rt.timers.mu.Lock()
	t := rt.timers.byRef[id]
	rt.timers.mu.Unlock()
	result := term.AtomFalse
	if t != nil && t.bif.dest.IsPid() && rt.lookup(t.bif.dest) == nil {
		// The timers of a process end with it.
		rt.cancelBIFTimer(t)
		t = nil
	}
	if t != nil {
		if ms, ok := rt.timers.wheel().remaining(t); ok {
			ms = max(ms-1, 0) // the extra millisecond of deadline
			if cancel {
				if rt.cancelBIFTimer(t) {
					result = p.Heap.Int(ms)
				}
			} else {
				result = p.Heap.Int(ms)
			}
		}
	}
	if !async {
		if infoSet && !info {
			return term.AtomOk
		}
		return result
	}
	if info {
		tag := p.Atom("read_timer")
		if cancel {
			tag = p.Atom("cancel_timer")
		}
		p.deliver(p.Heap.Tuple(tag, ref, result))
	}
	return term.AtomOk
}

package vm

import (
	"sync"

	"github.com/beamr/beamr/term"
)

// Questions to other processes. Only a process reads its own state, so a
// native function that needs another process's state (process_info,
// is_process_alive) asks it: the question goes as a signal, the other
// process answers it when it gets to its signals — after every signal the
// asker sent before, which is the order OTP guarantees — and the asker
// waits for the answer like a receive, without blocking its scheduler.

// Ask makes the calling native function's result the answer of process
// pid to the question call, which runs in that process and returns a term
// on its heap. When pid is not alive, or ends before answering, the answer
// is dead (an immediate). A native returns what Ask returns.
func (p *Process) Ask(pid, dead term.Term, call func(q *Process) term.Term) term.Term {
	if pid == p.Pid {
		return call(p)
	}
	id := p.rt.NewRefID()
	p.extra().awaitRef = id
	p.rt.calls.put(id, call)
	p.signal(pid, signal{kind: sigCall, ref: id, aux: dead})
	return p.TailCall(p.rt.instExport(2), 0)
}

// questions holds the functions of questions in flight by reference
// number, so that signals carry no Go pointers (an inbox is then memory
// Go's collector need not scan).
type questions struct {
	mu sync.Mutex
	m  map[uint64]func(q *Process) term.Term
}

func (qs *questions) put(id uint64, f func(q *Process) term.Term) {
	qs.mu.Lock()
	if qs.m == nil {
		qs.m = map[uint64]func(q *Process) term.Term{}
	}
	qs.m[id] = f
	qs.mu.Unlock()
}

// take removes and returns the question numbered id.
func (qs *questions) take(id uint64) func(q *Process) term.Term {
	qs.mu.Lock()
	f := qs.m[id]
	delete(qs.m, id)
	qs.mu.Unlock()
	return f
}

// IORequest sends the io protocol request {io_request, Self, Ref, req} to
// the io server pid and makes the calling native's result the Reply of
// the {io_reply, Ref, Reply} that answers it.
func (p *Process) IORequest(pid, req term.Term) term.Term {
	id := p.rt.NewRefID()
	h := p.Heap
	p.sendMsg(pid, h.Tuple(p.Atom("io_request"), p.Pid, makeRef(h, id), req))
	p.extra().awaitRef = id
	return p.TailCall(p.rt.instExport(2), 0)
}

// instExport returns an export entry running instance 0's code at pc.
func (rt *Runtime) instExport(pc uint32) *Export {
	rt.mu.RLock()
	e := rt.internal[pc]
	rt.mu.RUnlock()
	if e != nil {
		return e
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.internal[pc] == nil {
		e := &Export{M: term.AtomErlang, F: term.AtomUndefined}
		e.setCode(ExportCode{Mod: rt.insts[0], PC: pc})
		rt.internal[pc] = e
	}
	return rt.internal[pc]
}

// hibernateExport is where erlang:hibernate/3 continues.
func (rt *Runtime) hibernateExport() *Export { return rt.instExport(1) }

// awaitReply waits for the {Ref, Answer} message of the question p asked
// (Ask), then returns Answer to the native's caller.
func (p *Process) awaitReply(pc int) (int, coldResult) {
	for {
		env := p.env()
		for i, m := range p.mailbox {
			// {Ref, Answer}, or an io server's {io_reply, Ref, Answer}.
			if !env.IsTuple(m) {
				continue
			}
			k := env.TupleArity(m) - 2
			if k < 0 || k > 1 || (k == 1 && env.Elem(m, 0) != p.Atom("io_reply")) {
				continue
			}
			if id, ok := RefID(env, env.Elem(m, k)); !ok || id != p.ext.awaitRef {
				continue
			}
			p.mailbox = append(p.mailbox[:i], p.mailbox[i+1:]...)
			p.mbEpoch++
			p.x[0] = env.Elem(m, k+1)
			p.ext.awaitRef = 0
			mid, npc := p.popCP()
			p.setMod(p.rt.inst(mid))
			return int(npc), coldNext
		}
		if p.inCount.Load() == 0 {
			break
		}
		if !p.handleSignals() {
			return pc, coldExit
		}
	}
	p.pc = uint32(pc)
	return pc, coldWait
}

// hibernateWait is where a hibernating process waits: when a message is
// there it calls the function hibernate/3 named, on an empty stack.
func (p *Process) hibernateWait(pc int) (int, coldResult) {
	if len(p.mailbox) == 0 {
		if p.inCount.Load() > 0 && !p.handleSignals() {
			return pc, coldExit
		}
		if len(p.mailbox) == 0 {
			p.pc = uint32(pc)
			return pc, coldWait
		}
	}
	env := p.env()
	x := p.extra()
	m, f, args := x.hibMFA[0], x.hibMFA[1], x.hibMFA[2]
	x.hibMFA = [3]term.Term{}
	n := 0
	for l := args; l.IsList(); l = env.Tl(l) {
		p.x[n] = env.Hd(l)
		n++
	}
	p.sp = yGuard + 1
	p.msgPos = 0
	e := p.rt.export(p.rt.ExportIndex(m, f, n))
	mod, npc, ok := p.enterExport(e, n)
	if !ok {
		return pc, coldRaise
	}
	p.setMod(mod)
	return npc, coldNext
}

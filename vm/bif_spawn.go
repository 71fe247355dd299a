package vm

import (
	"github.com/beamr/beamr/term"
)

// The process BIFs of the erlang module: spawning, links, monitors, exit
// signals and the registry.

func registerProcessBIFs(rt *Runtime) {
	reg := func(name string, arity int, f NativeFunc) { rt.Register("erlang", name, arity, f) }
	reg("spawn", 1, func(p *Process, a []term.Term) term.Term { return p.spawnFun(a[0], term.Nil, "spawn") })
	reg("spawn", 3, func(p *Process, a []term.Term) term.Term { return p.spawnMFA(a[0], a[1], a[2], term.Nil, "spawn") })
	reg("spawn_link", 1, func(p *Process, a []term.Term) term.Term {
		return p.spawnFun(a[0], p.Heap.List(p.Atom("link")), "spawn_link")
	})
	reg("spawn_link", 3, func(p *Process, a []term.Term) term.Term {
		return p.spawnMFA(a[0], a[1], a[2], p.Heap.List(p.Atom("link")), "spawn_link")
	})
	reg("spawn_monitor", 1, func(p *Process, a []term.Term) term.Term {
		return p.spawnFun(a[0], p.Heap.List(p.Atom("monitor")), "spawn_monitor")
	})
	reg("spawn_monitor", 3, func(p *Process, a []term.Term) term.Term {
		return p.spawnMFA(a[0], a[1], a[2], p.Heap.List(p.Atom("monitor")), "spawn_monitor")
	})
	reg("spawn_opt", 2, func(p *Process, a []term.Term) term.Term { return p.spawnFun(a[0], a[1], "spawn_opt") })
	reg("spawn_opt", 4, func(p *Process, a []term.Term) term.Term { return p.spawnMFA(a[0], a[1], a[2], a[3], "spawn_opt") })

	reg("link", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsPid() {
			return p.BadArg()
		}
		if p.Link(a[0]) {
			return term.AtomTrue
		}
		if p.trapExit {
			p.deliver(p.Heap.Tuple(term.AtomEXIT, a[0], p.Atom("noproc")))
			return term.AtomTrue
		}
		return p.Error(p.Atom("noproc"))
	})
	reg("unlink", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsPid() {
			return p.BadArg()
		}
		p.Unlink(a[0])
		return term.AtomTrue
	})
	reg("monitor", 2, func(p *Process, a []term.Term) term.Term { return p.monitorBIF(a[0], a[1], term.Nil) })
	reg("monitor", 3, func(p *Process, a []term.Term) term.Term { return p.monitorBIF(a[0], a[1], a[2]) })
	reg("demonitor", 1, func(p *Process, a []term.Term) term.Term {
		if !p.env().IsRef(a[0]) {
			return p.BadArg()
		}
		p.Demonitor(a[0], false)
		return term.AtomTrue
	})
	reg("demonitor", 2, func(p *Process, a []term.Term) term.Term {
		env := p.env()
		if !env.IsRef(a[0]) {
			return p.BadArg()
		}
		flush, info := false, false
		l := a[1]
		for ; l.IsList(); l = env.Tl(l) {
			switch env.Hd(l) {
			case p.Atom("flush"):
				flush = true
			case p.Atom("info"):
				info = true
			default:
				return p.BadArg()
			}
		}
		if l != term.Nil {
			return p.BadArg()
		}
		found := p.Demonitor(a[0], flush)
		if info {
			return boolTerm(found)
		}
		return term.AtomTrue
	})
	reg("exit", 2, func(p *Process, a []term.Term) term.Term { return p.exit2(a[0], a[1]) })

	reg("register", 2, func(p *Process, a []term.Term) term.Term {
		name, pid := a[0], a[1]
		if !name.IsAtom() || name == term.AtomUndefined || !pid.IsPid() {
			return p.BadArg()
		}
		q := p
		if pid != p.Pid {
			if q = p.rt.lookup(pid); q == nil {
				return p.BadArg()
			}
		}
		if !p.rt.RegisterName(name, q) {
			return p.BadArg()
		}
		return term.AtomTrue
	})
	reg("unregister", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsAtom() || !p.rt.UnregisterName(a[0]) {
			return p.BadArg()
		}
		return term.AtomTrue
	})
	reg("whereis", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return p.BadArg()
		}
		if pid, ok := p.rt.Whereis(a[0]); ok {
			return pid
		}
		return term.AtomUndefined
	})
	reg("registered", 0, func(p *Process, _ []term.Term) term.Term {
		return p.Heap.List(p.rt.Registered()...)
	})
	reg("is_process_alive", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsPid() {
			return p.BadArg()
		}
		if a[0] == p.Pid {
			return term.AtomTrue
		}
		if p.rt.lookup(a[0]) == nil {
			return term.AtomFalse
		}
		// Answered by the process after every signal sent to it before,
		// so an exit signal just sent is seen to have taken effect.
		return p.Ask(a[0], term.AtomFalse, func(*Process) term.Term { return term.AtomTrue })
	})
	reg("processes", 0, func(p *Process, _ []term.Term) term.Term {
		ps := p.rt.procs.all()
		pids := make([]term.Term, len(ps))
		for i, q := range ps {
			pids[i] = q.Pid
		}
		return p.Heap.List(pids...)
	})
	reg("yield", 0, func(p *Process, _ []term.Term) term.Term {
		if p.r != nil {
			p.r.reds = 0
		}
		return term.AtomTrue
	})
	reg("group_leader", 0, func(p *Process, _ []term.Term) term.Term { return p.groupLeader })
	reg("group_leader", 2, func(p *Process, a []term.Term) term.Term {
		gl, pid := a[0], a[1]
		if !gl.IsPid() || !pid.IsPid() {
			return p.BadArg()
		}
		if pid == p.Pid {
			p.groupLeader = gl
			return term.AtomTrue
		}
		if p.rt.lookup(pid) == nil {
			return p.BadArg()
		}
		p.signal(pid, signal{kind: sigGroupLeader, msg: gl})
		return term.AtomTrue
	})
	reg("hibernate", 3, func(p *Process, a []term.Term) term.Term { return p.hibernate(a[0], a[1], a[2]) })
}

// spawnFun starts fun() in a new process with spawn_opt options opts.
func (p *Process) spawnFun(fun, opts term.Term, bif string) term.Term {
	env := p.env()
	if !env.IsFun(fun) || env.FunArity(fun) != 0 {
		return p.BadArg()
	}
	return p.spawnWith(p.rt.apply2, []term.Term{fun, term.Nil}, opts)
}

// spawnMFA starts m:f(args...) in a new process.
func (p *Process) spawnMFA(m, f, args, opts term.Term, bif string) term.Term {
	env := p.env()
	if !m.IsAtom() || !f.IsAtom() {
		return p.BadArg()
	}
	var as []term.Term
	l := args
	for ; l.IsList(); l = env.Tl(l) {
		as = append(as, env.Hd(l))
	}
	if l != term.Nil {
		return p.BadArg()
	}
	e := p.rt.export(p.rt.ExportIndex(m, f, len(as)))
	return p.spawnWith(e, as, opts)
}

// spawnWith parses spawn_opt options and starts e(args...).
func (p *Process) spawnWith(e *Export, args []term.Term, opts term.Term) term.Term {
	env := p.env()
	o := spawnOpts{prio: prioNormal, fullsweepAfter: -1}
	link, mon := false, false
	var monTag term.Term
	monAlias := -1
	l := opts
	for ; l.IsList(); l = env.Tl(l) {
		opt := env.Hd(l)
		switch {
		case opt == p.Atom("link"):
			link = true
		case opt == p.Atom("monitor"):
			mon = true
		case env.IsTuple(opt) && env.TupleArity(opt) == 2:
			k, v := env.Elem(opt, 0), env.Elem(opt, 1)
			switch k {
			case p.Atom("priority"):
				pr, ok := p.priorityOf(v)
				if !ok {
					return p.BadArg()
				}
				o.prio = pr
			case p.Atom("min_heap_size"):
				if !v.IsSmall() || v.Small() < 0 {
					return p.BadArg()
				}
				o.minHeap = int(v.Small())
			case p.Atom("min_bin_vheap_size"):
				if !v.IsSmall() || v.Small() < 0 {
					return p.BadArg()
				}
			case p.Atom("fullsweep_after"):
				if !v.IsSmall() || v.Small() < 0 {
					return p.BadArg()
				}
				o.fullsweepAfter = int(v.Small())
			case p.Atom("max_heap_size"):
				mh, ok := p.parseMaxHeap(v, maxHeapSize{kill: true, errorLogger: true})
				if !ok {
					return p.BadArg()
				}
				o.maxHeap = mh
			case p.Atom("message_queue_data"):
				if v != p.Atom("on_heap") && v != p.Atom("off_heap") {
					return p.BadArg()
				}
				o.offHeapMsgs = v == p.Atom("off_heap")
			case p.Atom("monitor"):
				// {monitor, MonitorOpts}: {tag, Tag} and {alias, Mode}.
				mon = true
				tag, alias, ok := p.monitorOpts(v)
				if !ok {
					return p.BadArg()
				}
				monTag, monAlias = tag, alias
			default:
				return p.BadArg()
			}
		default:
			return p.BadArg()
		}
	}
	if l != term.Nil {
		return p.BadArg()
	}
	q, err := p.rt.newProcess(e, args, p, &o)
	if err != nil {
		return p.SystemLimit()
	}
	if link {
		rQ := q.rels()
		rQ.links = append(rQ.links, p.Pid)
		p.addLink(q.Pid)
	}
	var ref term.Term
	if mon {
		id := p.rt.NewRefID()
		ref = makeRef(p.Heap, id)
		r := p.rels()
		r.monitors = append(r.monitors, monitor{ref: id, pid: q.Pid, tag: monTag})
		rQ := q.rels()
		rQ.monitoredBy = append(rQ.monitoredBy, monitor{ref: id, pid: p.Pid, tag: monTag})
		if monAlias >= 0 {
			p.addAlias(id, uint8(monAlias))
		}
	}
	p.rt.spawnProc(q, p.sched())
	if mon {
		return p.Heap.Tuple(q.Pid, ref)
	}
	return q.Pid
}

// priorityOf maps a priority atom to its level.
func (p *Process) priorityOf(v term.Term) (uint8, bool) {
	switch v {
	case p.Atom("max"):
		return prioMax, true
	case p.Atom("high"):
		return prioHigh, true
	case p.Atom("normal"):
		return prioNormal, true
	case p.Atom("low"):
		return prioLow, true
	}
	return 0, false
}

// priorityName is the atom of a priority level.
func (p *Process) priorityName(pr uint8) term.Term {
	return p.Atom([...]string{"max", "high", "normal", "low"}[pr])
}

// monitorBIF implements erlang:monitor/2,3.
func (p *Process) monitorBIF(kind, target, opts term.Term) term.Term {
	env := p.env()
	if kind != term.AtomProcess {
		return p.BadArg()
	}
	tag, alias, ok := p.monitorOpts(opts)
	if !ok {
		return p.BadArg()
	}
	var ref term.Term
	switch {
	case target.IsPid():
		ref = p.Monitor(target, 0, tag)
	case target.IsAtom():
		pid, _ := p.rt.Whereis(target)
		ref = p.Monitor(pid, target, tag)
	case env.IsTuple(target) && env.TupleArity(target) == 2:
		name, node := env.Elem(target, 0), env.Elem(target, 1)
		if !name.IsAtom() || !node.IsAtom() {
			return p.BadArg()
		}
		pid := term.Term(0)
		if node == term.AtomNonode {
			// Otherwise no distribution: the node can never be reached.
			pid, _ = p.rt.Whereis(name)
		}
		ref = p.Monitor(pid, name, tag)
	default:
		return p.BadArg()
	}
	if alias >= 0 {
		id, _ := RefID(env, ref)
		p.addAlias(id, uint8(alias))
	}
	return ref
}

// monitorOpts reads monitor options: {tag, Tag} (returned, or 0) and
// {alias, Mode} (the alias mode, or -1 for none).
func (p *Process) monitorOpts(l term.Term) (term.Term, int, bool) {
	env := p.env()
	var tag term.Term
	alias := -1
	for ; l.IsList(); l = env.Tl(l) {
		mo := env.Hd(l)
		if !env.IsTuple(mo) || env.TupleArity(mo) != 2 {
			return 0, 0, false
		}
		switch env.Elem(mo, 0) {
		case p.Atom("tag"):
			tag = env.Elem(mo, 1)
		case p.Atom("alias"):
			switch env.Elem(mo, 1) {
			case p.Atom("explicit_unalias"):
				alias = int(aliasExplicit)
			case p.Atom("demonitor"):
				alias = int(aliasDemonitor)
			case p.Atom("reply_demonitor"):
				alias = int(aliasReplyDemonitor)
			default:
				return 0, 0, false
			}
		default:
			return 0, 0, false
		}
	}
	return tag, alias, l == term.Nil
}

// exit2 implements erlang:exit/2.
func (p *Process) exit2(pid, reason term.Term) term.Term {
	if !pid.IsPid() {
		return p.BadArg()
	}
	if pid != p.Pid {
		p.signalTerm(pid, signal{kind: sigExit}, reason)
		return term.AtomTrue
	}
	// A signal to oneself takes effect at once.
	switch {
	case reason == term.AtomKill:
		p.setExit(0, term.AtomKilled, 0)
	case p.trapExit:
		p.deliver(p.Heap.Tuple(term.AtomEXIT, p.Pid, reason))
		return term.AtomTrue
	default:
		p.setExit(0, reason, 0)
	}
	// Unwind without running any catch: the process is gone.
	return p.Raise(term.AtomExit, reason)
}

// hibernate implements erlang:hibernate/3: the stack is dropped, the heap
// collected, and the process waits until a message comes, then calls
// m:f(args...).
func (p *Process) hibernate(m, f, args term.Term) term.Term {
	env := p.env()
	if !m.IsAtom() || !f.IsAtom() {
		return p.BadArg()
	}
	n := 0
	l := args
	for ; l.IsList(); l = env.Tl(l) {
		n++
	}
	if l != term.Nil {
		return p.BadArg()
	}
	p.extra().hibMFA = [3]term.Term{m, f, args}
	p.sp = yGuard + 1
	p.catches = 0
	p.GarbageCollect(true, 0)
	return p.TailCall(p.rt.hibernateExport(), 0)
}

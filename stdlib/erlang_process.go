package stdlib

import (
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// process_info/1,2. The items are built by the process asked, on its own
// heap (through vm.Process.Ask when it is another process), and copied to
// the asker: only a process reads its own state.

func registerErlangProcess(rt *vm.Runtime) {
	rt.Register("erlang", "process_info", 2, func(p *vm.Process, a []term.Term) term.Term {
		return erlProcessInfo(p, a[0], a[1])
	})
	rt.Register("erlang", "process_info", 1, func(p *vm.Process, a []term.Term) term.Term {
		return erlProcessInfo1(p, a[0])
	})
}

// erlPIKeys1 are process_info/1's items, in OTP 25's order (registered_name
// comes first when the process has a name).
var erlPIKeys1 = []string{"current_function", "initial_call", "status", "message_queue_len", "links",
	"dictionary", "trap_exit", "error_handler", "priority", "group_leader", "total_heap_size",
	"heap_size", "stack_size", "reductions", "garbage_collection", "suspending"}

// erlPIKnown lists every item process_info/2 answers.
var erlPIKnown = map[string]bool{
	"current_function": true, "initial_call": true, "status": true, "message_queue_len": true,
	"messages": true, "links": true, "monitors": true, "monitored_by": true, "dictionary": true,
	"trap_exit": true, "error_handler": true, "priority": true, "group_leader": true,
	"total_heap_size": true, "heap_size": true, "stack_size": true, "reductions": true,
	"garbage_collection": true, "suspending": true, "registered_name": true, "memory": true,
	"binary": true, "min_heap_size": true, "min_bin_vheap_size": true, "fullsweep_after": true,
	"max_heap_size": true, "message_queue_data": true, "parent": true, "current_location": true,
	"current_stacktrace": true, "last_calls": true, "sequential_trace_token": true,
	"catchlevel": true, "backtrace": true, "trace": true, "garbage_collection_info": true,
	"magic_ref": true, "fullsweep_after_setting": false, "priority_messages": false,
}

func erlProcessInfo(p *vm.Process, pid, item term.Term) term.Term {
	env := p.Env()
	if !pid.IsPid() {
		return p.BadArg()
	}
	var items []term.Term
	single := item.IsAtom()
	if single {
		items = []term.Term{item}
	} else {
		l := item
		for ; l.IsList(); l = env.Tl(l) {
			items = append(items, env.Hd(l))
		}
		if l != term.Nil {
			return p.BadArg()
		}
	}
	for _, it := range items {
		if !it.IsAtom() || !erlPIKnown[env.AtomName(it)] {
			return p.BadArg()
		}
	}
	build := func(q *vm.Process, status term.Term) term.Term {
		out := make([]term.Term, 0, len(items))
		for _, it := range items {
			out = append(out, erlPIItem(q, it, status, single))
		}
		if single {
			return out[0]
		}
		return q.Heap.List(out...)
	}
	return erlPIAsk(p, pid, build)
}

func erlProcessInfo1(p *vm.Process, pid term.Term) term.Term {
	if !pid.IsPid() {
		return p.BadArg()
	}
	build := func(q *vm.Process, status term.Term) term.Term {
		var out []term.Term
		if n := q.RegisteredName(); n != 0 {
			out = append(out, q.Heap.Tuple(q.Atom("registered_name"), n))
		}
		for _, k := range erlPIKeys1 {
			out = append(out, erlPIItem(q, q.Atom(k), status, false))
		}
		return q.Heap.List(out...)
	}
	return erlPIAsk(p, pid, build)
}

// erlPIAsk answers process_info for pid with build, run by that process
// (given its status as others see it), or undefined when it is not alive.
func erlPIAsk(p *vm.Process, pid term.Term, build func(q *vm.Process, status term.Term) term.Term) term.Term {
	if pid == p.Pid {
		return build(p, p.Atom("running"))
	}
	q, ok := p.Runtime().LookupProcess(pid)
	if !ok {
		return term.AtomUndefined
	}
	status := q.RunStatus()
	return p.Ask(pid, term.AtomUndefined, func(q *vm.Process) term.Term { return build(q, status) })
}

// erlPIItem builds {Item, Value} for process q on q's heap. single is set
// for process_info(P, registered_name) alone, which answers [] for a
// process without a name.
func erlPIItem(q *vm.Process, item, status term.Term, single bool) term.Term {
	h := q.Heap
	name := q.Env().AtomName(item)
	var v term.Term
	switch name {
	case "current_function":
		if m, f, a, ok := q.CurrentFunction(); ok {
			v = h.Tuple(m, f, term.MakeSmall(int64(a)))
		} else {
			v = term.AtomUndefined
		}
	case "current_location":
		if m, f, a, ok := q.CurrentFunction(); ok {
			v = h.Tuple(m, f, term.MakeSmall(int64(a)), term.Nil)
		} else {
			v = term.AtomUndefined
		}
	case "current_stacktrace":
		v = q.CurrentStacktrace(8)
	case "initial_call":
		m, f, a := q.InitialCall()
		v = h.Tuple(m, f, term.MakeSmall(int64(a)))
	case "status":
		v = status
	case "messages":
		v = h.List(q.Messages()...)
	case "links":
		v = h.List(q.Links()...)
	case "monitors":
		v = q.MonitorsInfo()
	case "monitored_by":
		v = h.List(q.MonitoredBy()...)
	case "registered_name":
		n := q.RegisteredName()
		if n == 0 {
			if single {
				return term.Nil
			}
			v = term.Nil
		} else {
			v = n
		}
	case "reductions":
		v = h.Uint(q.Reductions())
	case "priority":
		v = q.PriorityName()
	case "trap_exit":
		v = term.AtomFalse
		if q.TrapExit() {
			v = term.AtomTrue
		}
	case "group_leader":
		v = q.GroupLeader()
	case "error_handler":
		v = q.ErrorHandler()
	case "parent":
		v = q.Parent()
	case "suspending", "sequential_trace_token":
		v = term.Nil
	case "last_calls":
		v = term.AtomFalse
	case "trace", "catchlevel":
		v = term.MakeSmall(0)
	case "min_heap_size":
		v = h.Uint(q.Heap.MinHeapSize)
	case "min_bin_vheap_size":
		n := q.MinBinVHeapSize()
		if n == 0 {
			n = heap.MinBinVHeapSize
		}
		v = h.Uint(n)
	case "fullsweep_after":
		v = h.Uint(uint64(q.Heap.FullsweepAfter))
	case "max_heap_size":
		v = q.MaxHeapInfo()
	case "message_queue_data":
		v = q.MessageQueueData()
	case "magic_ref", "backtrace", "garbage_collection_info":
		v = term.Nil
	default:
		r, ok := erlProcessInfoItem(q, q, item)
		if !ok {
			return term.AtomUndefined
		}
		return r
	}
	return h.Tuple(item, v)
}

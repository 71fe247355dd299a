package stdlib

import (
	"runtime"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Garbage collection and memory: erlang:garbage_collect/0,1,2,
// erlang:memory/0,1 and the heap items of process_info/2.
//
// garbage_collect/1,2 on another live process answer as OTP does once the
// request is queued (true, or async and a message) without collecting it:
// beamr runs one process at a time and the other one may be in the middle
// of a native call. A pid of no live process answers false.

func registerErlangGC(rt *vm.Runtime) {
	rt.Register("erlang", "garbage_collect", 0, func(p *vm.Process, _ []term.Term) term.Term {
		p.GarbageCollect(true, 0)
		return term.AtomTrue
	})
	rt.Register("erlang", "garbage_collect", 1, func(p *vm.Process, a []term.Term) term.Term {
		pid := a[0]
		if !pid.IsPid() {
			return p.BadArg()
		}
		return erlGC(p, pid, true)
	})
	rt.Register("erlang", "garbage_collect", 2, func(p *vm.Process, a []term.Term) term.Term {
		pid, opts := a[0], a[1]
		env := p.Env()
		major, async, reqID := true, false, term.Term(0)
		badOpt := func() term.Term { return p.ErrorCause(term.AtomBadarg, p.Atom("bad_option")) }
		l := opts
		for ; l.IsList(); l = env.Tl(l) {
			o := env.Hd(l)
			if !env.IsTuple(o) || env.TupleArity(o) != 2 {
				return badOpt()
			}
			switch k, v := env.Elem(o, 0), env.Elem(o, 1); {
			case k == p.Atom("async"):
				async, reqID = true, v
			case k == p.Atom("type") && v == p.Atom("major"):
				major = true
			case k == p.Atom("type") && v == p.Atom("minor"):
				major = false
			case k == p.Atom("type"):
				return p.BadArg()
			default:
				return badOpt()
			}
		}
		if l != term.Nil {
			return badOpt()
		}
		if !pid.IsPid() {
			return p.BadArg()
		}
		r := erlGC(p, pid, major)
		if !async {
			return r
		}
		p.Send(p.Pid, p.Heap.Tuple(p.Atom("garbage_collect"), reqID, r))
		return p.Atom("async")
	})
	rt.Register("erlang", "memory", 0, func(p *vm.Process, _ []term.Term) term.Term {
		m := erlMemoryOf(p.Runtime())
		out := make([]term.Term, len(erlMemoryKeys))
		for i, k := range erlMemoryKeys {
			out[i] = p.Heap.Tuple(p.Atom(k), p.Heap.Uint(m[k]))
		}
		return p.Heap.List(out...)
	})
	rt.Register("erlang", "memory", 1, func(p *vm.Process, a []term.Term) term.Term {
		env := p.Env()
		m := erlMemoryOf(p.Runtime())
		if a[0].IsAtom() {
			v, ok := m[env.AtomName(a[0])]
			if !ok {
				return p.BadArg()
			}
			return p.Heap.Uint(v)
		}
		var out []term.Term
		l := a[0]
		for ; l.IsList(); l = env.Tl(l) {
			k := env.Hd(l)
			if !k.IsAtom() {
				return p.BadArg()
			}
			v, ok := m[env.AtomName(k)]
			if !ok {
				return p.BadArg()
			}
			out = append(out, p.Heap.Tuple(k, p.Heap.Uint(v)))
		}
		if l != term.Nil {
			// OTP walks the list in Erlang after checking the
			// names: an improper tail fails its clauses.
			return p.Raise(term.AtomError, term.AtomFunctionClause)
		}
		return p.Heap.List(out...)
	})
}

// erlGC collects the process pid (the caller itself) and answers as
// garbage_collect/1 does.
func erlGC(p *vm.Process, pid term.Term, major bool) term.Term {
	if pid == p.Pid {
		p.GarbageCollect(major, 0)
		return term.AtomTrue
	}
	return p.Ask(pid, term.AtomFalse, func(q *vm.Process) term.Term {
		q.GarbageCollect(major, q.SigLive())
		return term.AtomTrue
	})
}

// erlMemoryKeys are erlang:memory/0's keys in OTP 25's order.
var erlMemoryKeys = []string{"total", "processes", "processes_used", "system", "atom",
	"atom_used", "binary", "code", "ets"}

// erlMemoryOf measures the runtime in OTP's categories, in bytes: process
// memory as process_info(P, memory) counts it, binaries in the binary
// table, code and literal areas, the atom table, and the Go runtime's own
// memory as the rest of the system. There is no ETS yet.
func erlMemoryOf(rt *vm.Runtime) map[string]uint64 {
	var procs, used uint64
	rt.Processes(func(q *vm.Process) {
		// Another process's heap changes under us: read what it
		// published when it was last switched out.
		total, inUse := q.PublishedHeap()
		procs += erlProcessStruct + 8*total
		used += erlProcessStruct + 8*inUse
	})
	env := &rt.Env
	var atomUsed uint64
	n := env.Atoms.Len()
	for i := 0; i < n; i++ {
		atomUsed += uint64(len(env.Atoms.Name(term.MakeAtom(uint32(i))))) + 24
	}
	atom := (atomUsed + 16383) &^ 16383
	_, bin := env.Bins.Stats()
	code := rt.CodeBytes()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	system := atom + uint64(bin) + code + ms.Sys
	return map[string]uint64{
		"total": procs + system, "processes": procs, "processes_used": used,
		"system": system, "atom": atom, "atom_used": atomUsed, "binary": uint64(bin),
		"code": code, "ets": 0,
	}
}

// erlProcessStruct is what OTP 25 counts for a process besides its heap
// (process_info(P, memory) of a fresh process is 776 + 8 * 233).
const erlProcessStruct = 776

// erlTotalHeap returns q's heap in words as total_heap_size counts it: the
// young generation, heap fragments and the old generation.
func erlTotalHeap(q *vm.Process) uint64 {
	h := q.Heap
	n := h.HeapSize + h.OldSize()
	for _, b := range h.Young()[min(1, len(h.Young())):] {
		n += b.Size
	}
	return n
}

// erlProcessMemory returns process_info(Q, memory).
func erlProcessMemory(q *vm.Process) uint64 {
	return erlProcessStruct + 8*erlTotalHeap(q)
}

// erlProcessInfoItem returns process_info(Q, Item) for process q asked by
// process p, or false for an item it does not know.
func erlProcessInfoItem(p, q *vm.Process, item term.Term) (term.Term, bool) {
	h := p.Heap
	var v term.Term
	switch p.Env().AtomName(item) {
	case "dictionary":
		v = erlDictPairs(q)
		if q != p {
			v = h.CopyTerm(p.Env(), v)
		}
	case "heap_size":
		v = h.Uint(q.Heap.HeapSize)
	case "total_heap_size":
		v = h.Uint(erlTotalHeap(q))
	case "stack_size":
		v = h.Uint(uint64(q.StackWords()))
	case "memory":
		v = h.Uint(erlProcessMemory(q))
	case "message_queue_len":
		v = h.Uint(uint64(q.MessageCount()))
	case "garbage_collection":
		qh := q.Heap
		mhs := q.MaxHeapInfo()
		vheap := q.MinBinVHeapSize()
		if vheap == 0 {
			vheap = heap.MinBinVHeapSize
		}
		v = h.List(
			h.Tuple(p.Atom("max_heap_size"), mhs),
			h.Tuple(p.Atom("min_bin_vheap_size"), h.Uint(vheap)),
			h.Tuple(p.Atom("min_heap_size"), h.Uint(qh.MinHeapSize)),
			h.Tuple(p.Atom("fullsweep_after"), h.Uint(uint64(qh.FullsweepAfter))),
			h.Tuple(p.Atom("minor_gcs"), h.Uint(uint64(qh.MinorGCs))),
		)
	case "binary":
		env := p.Env()
		var out []term.Term
		q.Heap.OffHeap(func(i uint64) {
			hd := uint32(env.W[i+2])
			out = append(out, h.Tuple(h.Uint(uint64(hd)<<4|0x7f0000000000), h.Uint(uint64(len(env.Bins.Get(hd).Data))),
				h.Uint(uint64(env.Bins.Refs(hd)))))
		})
		v = h.List(out...)
	default:
		return 0, false
	}
	return h.Tuple(item, v), true
}

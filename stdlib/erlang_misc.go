package stdlib

import (
	"strconv"
	"strings"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Miscellaneous BIFs: make_ref/0, node/0,1, nodes/0,1, self/0, display/1,
// pid_to_list/1, list_to_pid/1, port_to_list/1, ref_to_list/1 and
// bump_reductions/1 (garbage_collect/0 is in erlang_gc.go).

func registerErlangMisc(rt *vm.Runtime, st *erlState) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"make_ref", 0, st.makeRef},
		{"node", 0, func(*vm.Process, []term.Term) term.Term { return term.AtomNonode }},
		{"node", 1, eNode1},
		{"nodes", 0, func(*vm.Process, []term.Term) term.Term { return term.Nil }},
		{"nodes", 1, eNodes1},
		{"self", 0, func(p *vm.Process, _ []term.Term) term.Term { return p.Pid }},
		{"display", 1, eDisplay},
		{"pid_to_list", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlPrintedList(p, a[0], a[0].IsPid())
		}},
		{"list_to_pid", 1, eListToPid},
		{"port_to_list", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlPrintedList(p, a[0], a[0].IsPort())
		}},
		{"ref_to_list", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlPrintedList(p, a[0], p.Env().IsRef(a[0]))
		}},
		{"bump_reductions", 1, eBumpReductions},
	})
}

// makeRef returns a new reference unique in the runtime (the counter is
// the one monitors and timers draw from too).
func (st *erlState) makeRef(p *vm.Process, _ []term.Term) term.Term { return p.MakeRef() }

// eNode1 is node(Arg): the node of a pid, port or reference, which is
// always the local node in beamr.
func eNode1(p *vm.Process, a []term.Term) term.Term {
	t := a[0]
	if t.IsPid() || p.Env().IsPortLike(t) || p.Env().IsRef(t) {
		return term.AtomNonode
	}
	return p.BadArg()
}

// eNodes1 is nodes(Arg) on a node that is not distributed: no other node
// of any kind, and this node for this and known.
func eNodes1(p *vm.Process, a []term.Term) term.Term {
	self := false
	ok := func(t term.Term) bool {
		switch t {
		case p.Atom("this"), p.Atom("known"):
			self = true
			return true
		case p.Atom("visible"), p.Atom("hidden"), p.Atom("connected"):
			return true
		}
		return false
	}
	l := a[0]
	if l.IsAtom() {
		if !ok(l) {
			return p.BadArg()
		}
	} else {
		for ; l.IsList(); l = p.Env().Tl(l) {
			if !ok(p.Env().Hd(l)) {
				return p.BadArg()
			}
		}
		if l != term.Nil {
			return p.BadArg()
		}
	}
	if self {
		return p.Heap.List(term.AtomNonode)
	}
	return term.Nil
}

// eBumpReductions is bump_reductions(N), N >= 0: the process is charged N
// reductions, so it yields sooner.
func eBumpReductions(p *vm.Process, a []term.Term) term.Term {
	n, ok := erlSmallNonNeg(a[0])
	if !ok {
		return p.BadArg()
	}
	p.Charge(int(min(n, 1<<30)))
	return term.AtomTrue
}

// erlPrintedList returns t as the runtime prints it ("<0.N.0>",
// "#Port<0.N>", "#Ref<0.A.B.C>"), when ok; otherwise it raises badarg.
func erlPrintedList(p *vm.Process, t term.Term, ok bool) term.Term {
	if !ok {
		return p.BadArg()
	}
	return erlByteList(p, erlDisplayAppend(nil, p.Env(), t), term.Nil)
}

// eListToPid is list_to_pid("<0.N.0>"): the local pid numbered N, alive or
// not. Any other text, including another node's pid, is badarg.
func eListToPid(p *vm.Process, a []term.Term) term.Term {
	cs, ok := listSlice(p.Env(), a[0])
	if !ok || len(cs) < 7 {
		return p.BadArg()
	}
	s := make([]byte, len(cs))
	for i, c := range cs {
		if !c.IsSmall() || c.Small() < 0 || c.Small() > 127 {
			return p.BadArg()
		}
		s[i] = byte(c.Small())
	}
	str := string(s)
	if !strings.HasPrefix(str, "<0.") || !strings.HasSuffix(str, ".0>") {
		return p.BadArg()
	}
	n, err := strconv.ParseUint(str[3:len(str)-3], 10, 59)
	if err != nil || str[3] == '+' {
		return p.BadArg()
	}
	return term.MakePid(n)
}

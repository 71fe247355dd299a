package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Miscellaneous BIFs: make_ref/0, node/0,1, self/0, display/1,
// pid_to_list/1, port_to_list/1, ref_to_list/1 and bump_reductions/1
// (garbage_collect/0 is in erlang_gc.go).

func registerErlangMisc(rt *vm.Runtime, st *erlState) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"make_ref", 0, st.makeRef},
		{"node", 0, func(*vm.Process, []term.Term) term.Term { return term.AtomNonode }},
		{"node", 1, eNode1},
		{"self", 0, func(p *vm.Process, _ []term.Term) term.Term { return p.Pid }},
		{"display", 1, eDisplay},
		{"pid_to_list", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlPrintedList(p, a[0], a[0].IsPid())
		}},
		{"port_to_list", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlPrintedList(p, a[0], a[0].IsPort())
		}},
		{"ref_to_list", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlPrintedList(p, a[0], p.Env().IsRef(a[0]))
		}},
		{"bump_reductions", 1, eBumpReductions},
	})
}

// erlRefNum0Bits is the width of a reference's first (least significant)
// number, as in OTP.
const erlRefNum0Bits = 18

// makeRef returns a new reference unique in the runtime: a header and
// three numbers, least significant first, taken from a counter.
func (st *erlState) makeRef(p *vm.Process, _ []term.Term) term.Term {
	c := st.refs.Add(1)
	h := p.Heap
	at := h.Alloc(4)
	h.W[at] = uint64(term.MakeHeader(term.SubRef, 3))
	h.W[at+1] = c & (1<<erlRefNum0Bits - 1)
	h.W[at+2] = (c >> erlRefNum0Bits) & 0xffffffff
	h.W[at+3] = c >> (erlRefNum0Bits + 32)
	return term.MakeBoxed(at)
}

// eNode1 is node(Arg): the node of a pid, port or reference, which is
// always the local node in beamr.
func eNode1(p *vm.Process, a []term.Term) term.Term {
	t := a[0]
	if t.IsPid() || t.IsPort() || p.Env().IsRef(t) {
		return term.AtomNonode
	}
	return p.BadArg()
}

// eBumpReductions is bump_reductions(N), N >= 0. It only checks its
// argument: reductions are a scheduling hint and beamr's interpreter keeps
// its own count.
func eBumpReductions(p *vm.Process, a []term.Term) term.Term {
	if _, ok := erlSmallNonNeg(a[0]); !ok {
		return p.BadArg()
	}
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

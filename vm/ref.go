package vm

import (
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// References. Every reference a runtime makes (make_ref, monitors, timers)
// is numbered from one counter; the number is kept in the three words of a
// local reference the way OTP splits it (18 bits, then 32, then 32).

const refNum0Bits = 18

// NewRefID returns a number no other reference of rt has.
func (rt *Runtime) NewRefID() uint64 { return rt.refs.Add(1) }

// MakeRef returns a new reference on p's heap (erlang:make_ref/0).
func (p *Process) MakeRef() term.Term { return makeRef(p.Heap, p.rt.NewRefID()) }

// makeRef builds the reference numbered id on h.
func makeRef(h *heap.Heap, id uint64) term.Term {
	at := h.Alloc(4)
	h.W[at] = uint64(term.MakeHeader(term.SubRef, 3))
	h.W[at+1] = id & (1<<refNum0Bits - 1)
	h.W[at+2] = (id >> refNum0Bits) & 0xffffffff
	h.W[at+3] = id >> (refNum0Bits + 32)
	return term.MakeBoxed(at)
}

// RefID returns the number of a reference made by this runtime.
func RefID(env *term.Env, t term.Term) (uint64, bool) {
	if !env.IsRef(t) {
		return 0, false
	}
	i := t.Index()
	if term.Term(env.W[i]).HeaderArity() != 3 {
		return 0, false
	}
	return env.W[i+1] | env.W[i+2]<<refNum0Bits | env.W[i+3]<<(refNum0Bits+32), true
}

// MakeRefOn builds on h the reference numbered id (see RefID).
func MakeRefOn(h *heap.Heap, id uint64) term.Term { return makeRef(h, id) }

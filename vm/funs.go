package vm

import (
	"github.com/beamr/beamr/term"
)

// enterFun calls fun f with arity arguments in x registers. The caller has
// pushed the return address (or, for a tail call, not). On success *mod and
// *pc point at the code to run (for a native function the call is already
// done and they point at the return address). On failure the exception is
// set and false is returned.
func (p *Process) enterFun(f term.Term, arity int) (*Module, int, bool) {
	env := p.env()
	switch env.BoxedSub(f) {
	case term.SubFun:
		if env.FunArity(f) != arity {
			p.badarity(f, arity)
			return nil, 0, false
		}
		fe := p.rt.funEntry(env.FunEntry(f))
		fm, fpc := fe.Code()
		if fm == nil {
			if !p.rt.autoloadModule(fe.Module) {
				p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadfun, f))
				return nil, 0, false
			}
			if fm, fpc = fe.Code(); fm == nil {
				p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadfun, f))
				return nil, 0, false
			}
		}
		n := env.FunNumFree(f)
		for i := 0; i < n; i++ {
			p.x[arity+i] = env.FunFree(f, i)
		}
		return fm, int(fpc), true
	case term.SubExport:
		m, fn, a := env.ExportMFA(f)
		if a != arity {
			p.badarity(f, arity)
			return nil, 0, false
		}
		e := p.rt.export(env.ExportIndex(f))
		c, ok := p.rt.exportCode(e)
		if !ok {
			p.undef(m, fn, arity)
			return nil, 0, false
		}
		if c.Native != nil {
			r := c.Native(p, p.x[:arity])
			if r == term.NoValue {
				if p.r.trapExport != nil || p.r.trapFun != term.NoValue {
					// Run the trap as a tail call of this call.
					e2, f2, n := p.r.trapExport, p.r.trapFun, p.r.trapArgs
					p.r.trapExport, p.r.trapFun = nil, term.NoValue
					if e2 != nil {
						return p.enterExport(e2, n)
					}
					return p.enterFun(f2, n)
				}
				p.bifFrame(e, arity)
				return nil, 0, false
			}
			p.x[0] = r
			mid, npc := p.popCP()
			return p.rt.inst(mid), int(npc), true
		}
		return c.Mod, int(c.PC), true
	}
	p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadfun, f))
	return nil, 0, false
}

// enterExport calls export e with arity arguments in x registers, as
// enterFun does.
func (p *Process) enterExport(e *Export, arity int) (*Module, int, bool) {
	c, ok := p.rt.exportCode(e)
	if !ok {
		p.undef(e.M, e.F, arity)
		return nil, 0, false
	}
	if c.Native != nil {
		f := p.ExportFun(e)
		return p.enterFun(f, arity)
	}
	return c.Mod, int(c.PC), true
}

func (p *Process) badarity(f term.Term, arity int) {
	h := p.Heap
	args := h.List(p.x[:arity]...)
	p.Raise(term.AtomError, h.Tuple(term.AtomBadarity, h.Tuple(f, args)))
}

// ExportFun builds the external fun for export entry e (fun M:F/A).
func (p *Process) ExportFun(e *Export) term.Term {
	idx := p.rt.ExportIndex(e.M, e.F, e.Arity)
	h := p.Heap
	at := h.Alloc(term.ExportWords)
	h.W[at] = uint64(term.MakeHeader(term.SubExport, term.ExportWords-1))
	h.W[at+1] = uint64(idx)
	h.W[at+2] = uint64(e.M)
	h.W[at+3] = uint64(e.F)
	h.W[at+4] = uint64(e.Arity)
	return term.MakeBoxed(at)
}

package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// apply/2,3: calls made as tail calls of the native function, so the
// called function returns straight to apply's caller.

func registerErlangApply(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"apply", 2, eApply2},
		{"apply", 3, eApply3},
	})
}

// erlMaxArity is the largest arity a function or fun can have.
const erlMaxArity = 255

// erlApplyArgs moves the elements of the proper list args into x registers
// 0..n-1, unless there are more than limit of them. ok is false when args
// is not a proper list. The list is read completely before any register is
// written, so args may alias a register.
func erlApplyArgs(p *vm.Process, args term.Term, limit int) (n int, ok bool) {
	elems, ok := erlListSlice(p.Env(), args)
	if !ok {
		return 0, false
	}
	if len(elems) > limit {
		return len(elems), true
	}
	for i, e := range elems {
		p.SetX(i, e)
	}
	return len(elems), true
}

// eApply2 is apply(Fun, Args). A non-fun raises {badfun, Fun} and a wrong
// number of arguments {badarity, {Fun, Args}}, from the caller.
func eApply2(p *vm.Process, a []term.Term) term.Term {
	f, args := a[0], a[1]
	n, ok := erlApplyArgs(p, args, erlMaxArity)
	if !ok {
		return p.BadArg()
	}
	if n > erlMaxArity {
		// No fun takes that many arguments.
		h := p.Heap
		if p.Env().IsFun(f) {
			return p.Raise(term.AtomError, h.Tuple(term.AtomBadarity, h.Tuple(f, args)))
		}
		return p.Raise(term.AtomError, h.Tuple(term.AtomBadfun, f))
	}
	return p.TailCallFun(f, n)
}

// eApply3 is apply(Module, Function, Args). An undefined function raises
// undef with the frame {Module, Function, Args, []}, from the caller.
func eApply3(p *vm.Process, a []term.Term) term.Term {
	m, f, args := a[0], a[1], a[2]
	if !m.IsAtom() || !f.IsAtom() {
		return p.BadArg()
	}
	n, ok := erlApplyArgs(p, args, vm.MaxX-1)
	if !ok {
		return p.BadArg()
	}
	if n > vm.MaxX-1 {
		// No function takes that many arguments, and they do not fit the
		// registers: undef, without OTP's {Module, Function, Args, []}
		// frame.
		return p.Raise(term.AtomError, term.AtomUndef)
	}
	rt := p.Runtime()
	e, found := rt.LookupExport(m, f, n)
	if !found {
		rt.ExportIndex(m, f, n)
		e, _ = rt.LookupExport(m, f, n)
	}
	return p.TailCall(e, n)
}

package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Raising exceptions: throw/1, error/1,2,3, exit/1, raise/3 and
// nif_error/1,2. Except nif_error, these add no stack frame of their own:
// the trace starts at the caller, as in OTP.

func registerErlangExceptions(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"throw", 1, func(p *vm.Process, a []term.Term) term.Term { return p.Raise(term.AtomThrow, a[0]) }},
		{"exit", 1, func(p *vm.Process, a []term.Term) term.Term { return p.Raise(term.AtomExit, a[0]) }},
		{"error", 1, func(p *vm.Process, a []term.Term) term.Term { return p.Raise(term.AtomError, a[0]) }},
		{"error", 2, func(p *vm.Process, a []term.Term) term.Term { return erlErrorArgs(p, a[0], a[1], term.NoValue) }},
		{"error", 3, eError3},
		{"raise", 3, eRaise},
		{"nif_error", 1, func(p *vm.Process, a []term.Term) term.Term { return p.Error(a[0]) }},
		{"nif_error", 2, func(p *vm.Process, a []term.Term) term.Term { return p.Error(a[0]) }},
	})
}

// erlErrorArgs raises error:reason for error/2 and error/3. In OTP the first
// frame of the trace is the calling function with args (when args is a
// list) in place of its arity, and info, when given, appended to its
// location as {error_info, Info}.
func erlErrorArgs(p *vm.Process, reason, args, info term.Term) term.Term {
	return p.RaiseWithArgs(term.AtomError, reason, args, info)
}

// eError3 is error(Reason, Args, Options): Options must be a proper list
// of {error_info, Map} (the last one counts); anything else is ignored,
// making it error/2.
func eError3(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	info := term.NoValue
	l := a[2]
	for l.IsList() {
		o := env.Hd(l)
		if !env.IsTuple(o) || env.TupleArity(o) != 2 || env.Elem(o, 0) != term.AtomErrorInfo {
			break
		}
		info = env.Elem(o, 1)
		if !env.IsMap(info) {
			break
		}
		l = env.Tl(l)
	}
	if l != term.Nil || (info != term.NoValue && !env.IsMap(info)) {
		info = term.NoValue
	}
	return erlErrorArgs(p, a[0], a[1], info)
}

// eRaise is raise(Class, Reason, Stacktrace). Bad arguments make it return
// the atom badarg instead of raising. Stack trace entries may be
// {M,F,ArityOrArgs,Location}, {M,F,ArityOrArgs} (given an empty location),
// {Fun,Args,Location} or {Fun,Args} (likewise); locations must be lists.
// Like OTP, only the first BacktraceDepth entries are kept.
func eRaise(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	class, reason, st := a[0], a[1], a[2]
	if class != term.AtomError && class != term.AtomExit && class != term.AtomThrow {
		return term.AtomBadarg
	}
	entries, ok := erlListSlice(env, st)
	if !ok {
		return term.AtomBadarg
	}
	rewrite := false
	for _, e := range entries {
		if !env.IsTuple(e) {
			return term.AtomBadarg
		}
		first := env.Elem(e, 0)
		loc := term.Nil
		switch env.TupleArity(e) {
		case 2:
			if !env.IsFun(first) {
				return term.AtomBadarg
			}
			rewrite = true
		case 3:
			switch {
			case env.IsFun(first):
				loc = env.Elem(e, 2)
			case first.IsAtom() && env.Elem(e, 1).IsAtom():
				rewrite = true
			default:
				return term.AtomBadarg
			}
		case 4:
			if !first.IsAtom() || !env.Elem(e, 1).IsAtom() {
				return term.AtomBadarg
			}
			loc = env.Elem(e, 3)
		default:
			return term.AtomBadarg
		}
		if !erlIsList(loc) {
			return term.AtomBadarg
		}
	}
	if len(entries) > vm.BacktraceDepth {
		entries = entries[:vm.BacktraceDepth]
		rewrite = true
	}
	if rewrite {
		h := p.Heap
		out := make([]term.Term, len(entries))
		for i, e := range entries {
			switch n := env.TupleArity(e); {
			case n == 2:
				e = h.Tuple(env.Elem(e, 0), env.Elem(e, 1), term.Nil)
			case n == 3 && env.Elem(e, 0).IsAtom():
				e = h.Tuple(env.Elem(e, 0), env.Elem(e, 1), env.Elem(e, 2), term.Nil)
			}
			out[i] = e
		}
		st = h.List(out...)
	}
	return p.RaiseWithTrace(class, reason, st)
}

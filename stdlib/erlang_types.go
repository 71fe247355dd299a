package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Type tests as functions (is_atom/1 ... is_record/3).

func registerErlangTypes(rt *vm.Runtime) {
	test := func(f func(env *term.Env, t term.Term) bool) vm.NativeFunc {
		return func(p *vm.Process, a []term.Term) term.Term { return erlBoolTerm(f(p.Env(), a[0])) }
	}
	erlRegisterAll(rt, "erlang", []erlNative{
		{"is_atom", 1, test(func(_ *term.Env, t term.Term) bool { return t.IsAtom() })},
		{"is_binary", 1, test((*term.Env).IsBinary)},
		{"is_bitstring", 1, test((*term.Env).IsBitstring)},
		{"is_boolean", 1, test(func(_ *term.Env, t term.Term) bool { return erlIsBool(t) })},
		{"is_float", 1, test((*term.Env).IsFloat)},
		{"is_function", 1, test((*term.Env).IsFun)},
		{"is_function", 2, eIsFunction2},
		{"is_integer", 1, test((*term.Env).IsInteger)},
		{"is_integer", 3, eIsIntegerRange},
		{"is_list", 1, test(func(_ *term.Env, t term.Term) bool { return erlIsList(t) })},
		{"is_map", 1, test((*term.Env).IsMap)},
		{"is_number", 1, test((*term.Env).IsNumber)},
		{"is_pid", 1, test(func(_ *term.Env, t term.Term) bool { return t.IsPid() })},
		{"is_port", 1, test(func(e *term.Env, t term.Term) bool { return e.IsPortLike(t) })},
		{"is_reference", 1, test((*term.Env).IsRef)},
		{"is_tuple", 1, test((*term.Env).IsTuple)},
		{"is_record", 2, eIsRecord2},
		{"is_record", 3, eIsRecord3},
	})
}

// erlFunArity returns the arity of fun f; ok is false when f is not a fun.
func erlFunArity(env *term.Env, f term.Term) (int, bool) {
	switch env.BoxedSub(f) {
	case term.SubFun:
		return env.FunArity(f), true
	case term.SubExport:
		_, _, a := env.ExportMFA(f)
		return a, true
	}
	return 0, false
}

// eIsFunction2 is is_function(F, Arity): Arity must be a non-negative
// integer (a positive bignum simply never matches).
func eIsFunction2(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	n := a[1]
	if !env.IsInteger(n) || erlIntSign(env, n) < 0 {
		return p.BadArg()
	}
	if !n.IsSmall() {
		return term.AtomFalse
	}
	ar, ok := erlFunArity(env, a[0])
	return erlBoolTerm(ok && int64(ar) == n.Small())
}

// eIsRecord2 is is_record(Term, RecordTag): a tuple whose first element is
// the atom RecordTag.
func eIsRecord2(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t, tag := a[0], a[1]
	if !tag.IsAtom() {
		return p.BadArg()
	}
	return erlBoolTerm(env.IsTuple(t) && env.TupleArity(t) > 0 && env.Elem(t, 0) == tag)
}

// eIsRecord3 is is_record(Term, RecordTag, Size).
func eIsRecord3(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t, tag, size := a[0], a[1], a[2]
	if !tag.IsAtom() || !size.IsSmall() {
		return p.BadArg()
	}
	return erlBoolTerm(env.IsTuple(t) && env.TupleArity(t) > 0 &&
		int64(env.TupleArity(t)) == size.Small() && env.Elem(t, 0) == tag)
}

// eIsIntegerRange is OTP 29's is_integer(X, Lo, Hi): whether X is an integer
// with Lo =< X =< Hi. Lo and Hi must be integers (badarg otherwise).
func eIsIntegerRange(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	x, lo, hi := a[0], a[1], a[2]
	if !env.IsInteger(lo) || !env.IsInteger(hi) {
		return p.BadArg()
	}
	if env.IsInteger(x) && term.Compare(env, lo, x) <= 0 && term.Compare(env, x, hi) <= 0 {
		return term.AtomTrue
	}
	return term.AtomFalse
}

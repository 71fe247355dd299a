package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Comparison operators and the boolean operators as functions.

func registerErlangCompare(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"==", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(term.Equal(p.Env(), a[0], a[1]))
		}},
		{"/=", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(!term.Equal(p.Env(), a[0], a[1]))
		}},
		{"=:=", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(term.ExactEqual(p.Env(), a[0], a[1]))
		}},
		{"=/=", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(!term.ExactEqual(p.Env(), a[0], a[1]))
		}},
		{"<", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(term.Compare(p.Env(), a[0], a[1]) < 0)
		}},
		{">", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(term.Compare(p.Env(), a[0], a[1]) > 0)
		}},
		{"=<", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(term.Compare(p.Env(), a[0], a[1]) <= 0)
		}},
		{">=", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBoolTerm(term.Compare(p.Env(), a[0], a[1]) >= 0)
		}},
		{"and", 2, eAnd},
		{"or", 2, eOr},
		{"xor", 2, eXor},
		{"not", 1, eNot},
	})
}

// erlIsBool reports whether t is true or false.
func erlIsBool(t term.Term) bool { return t == term.AtomTrue || t == term.AtomFalse }

func eAnd(p *vm.Process, a []term.Term) term.Term {
	if !erlIsBool(a[0]) || !erlIsBool(a[1]) {
		return p.BadArg()
	}
	return erlBoolTerm(a[0] == term.AtomTrue && a[1] == term.AtomTrue)
}

func eOr(p *vm.Process, a []term.Term) term.Term {
	if !erlIsBool(a[0]) || !erlIsBool(a[1]) {
		return p.BadArg()
	}
	return erlBoolTerm(a[0] == term.AtomTrue || a[1] == term.AtomTrue)
}

func eXor(p *vm.Process, a []term.Term) term.Term {
	if !erlIsBool(a[0]) || !erlIsBool(a[1]) {
		return p.BadArg()
	}
	return erlBoolTerm(a[0] != a[1])
}

func eNot(p *vm.Process, a []term.Term) term.Term {
	if !erlIsBool(a[0]) {
		return p.BadArg()
	}
	return erlBoolTerm(a[0] == term.AtomFalse)
}

package vm

import (
	"math"
	"math/big"

	"github.com/beamr/beamr/term"
)

// typeTest evaluates the type-test instruction op on t.
func typeTest(env *term.Env, op uint64, t term.Term) bool {
	switch op {
	case opIsInteger:
		return t.IsSmall() || env.IsBig(t)
	case opIsFloat:
		return env.IsFloat(t)
	case opIsNumber:
		return env.IsNumber(t)
	case opIsAtom:
		return t.IsAtom()
	case opIsPid:
		return t.IsPid()
	case opIsReference:
		return env.IsRef(t)
	case opIsPort:
		return env.IsPortLike(t)
	case opIsNil:
		return t == term.Nil
	case opIsBinary:
		return env.IsBinary(t)
	case opIsBitstr:
		return env.IsBitstring(t)
	case opIsList:
		return t.IsList() || t == term.Nil
	case opIsNonemptyList:
		return t.IsList()
	case opIsTuple:
		return env.IsTuple(t)
	case opIsFunction:
		return env.IsFun(t)
	case opIsBoolean:
		return t == term.AtomTrue || t == term.AtomFalse
	case opIsMap:
		return env.IsMap(t)
	}
	return false
}

// isFunArity reports whether f is a fun taking arity arguments.
func isFunArity(env *term.Env, f term.Term, arity int) bool {
	switch env.BoxedSub(f) {
	case term.SubFun:
		return env.FunArity(f) == arity
	case term.SubExport:
		_, _, a := env.ExportMFA(f)
		return a == arity
	}
	return false
}

// toFloat converts a number to a float64; ok is false for non-numbers and
// integers too large for a float.
func toFloat(env *term.Env, t term.Term) (float64, bool) {
	switch {
	case t.IsSmall():
		return float64(t.Small()), true
	case env.IsFloat(t):
		return env.Float(t), true
	case env.IsBig(t):
		f, _ := new(big.Float).SetInt(env.BigInt(t)).Float64()
		if math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

func finite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }

// fmove moves between float registers and terms: fr -> reg boxes a float,
// term -> fr unboxes one.
func (p *Process) fmove(src, dst uint64) {
	var f float64
	if src&3 == 0 && (src>>2)&3 == refFR {
		f = p.r.fr[src>>6]
	} else {
		f = p.env().Float(p.get(src))
	}
	if (dst>>2)&3 == refFR {
		p.r.fr[dst>>6] = f
		return
	}
	p.set(dst, p.Heap.Float(f))
}

package stdlib

import (
	"math"
	"math/big"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Arithmetic BIFs: '+' '-' '*' '/' div rem band bor bxor bsl bsr bnot and
// the guard BIFs abs, float, trunc, round, ceil, floor, max, min.
//
// Operators raise badarith on bad operands (as OTP's gc_bif operators do);
// abs, float, trunc, round, ceil and floor raise badarg. Results larger than
// OTP's integer limit raise system_limit.

func registerErlangArith(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"+", 1, ePlus1},
		{"-", 1, eMinus1},
		{"+", 2, ePlus},
		{"-", 2, eMinus},
		{"*", 2, eTimes},
		{"/", 2, eDivide},
		{"div", 2, eIntDiv},
		{"rem", 2, eRem},
		{"band", 2, eBand},
		{"bor", 2, eBor},
		{"bxor", 2, eBxor},
		{"bsl", 2, eBsl},
		{"bsr", 2, eBsr},
		{"bnot", 1, eBnot},
		{"abs", 1, eAbs},
		{"float", 1, eFloat},
		{"trunc", 1, eTrunc},
		{"round", 1, eRound},
		{"ceil", 1, eCeil},
		{"floor", 1, eFloor},
		{"max", 2, eMax},
		{"min", 2, eMin},
	})
}

type erlArithOp uint8

const (
	erlOpAdd erlArithOp = iota
	erlOpSub
	erlOpMul
)

// erlMixed computes a op b when at least one operand is not a small integer.
func erlMixed(p *vm.Process, a, b term.Term, op erlArithOp) term.Term {
	env := p.Env()
	if env.IsFloat(a) || env.IsFloat(b) {
		x, ok1 := erlNumToFloat(env, a)
		y, ok2 := erlNumToFloat(env, b)
		if !ok1 || !ok2 {
			return p.BadArith()
		}
		var r float64
		switch op {
		case erlOpAdd:
			r = x + y
		case erlOpSub:
			r = x - y
		default:
			r = x * y
		}
		if !erlFinite(r) {
			return p.BadArith()
		}
		return p.Heap.Float(r)
	}
	if !env.IsInteger(a) || !env.IsInteger(b) {
		return p.BadArith()
	}
	x, y := env.BigInt(a), env.BigInt(b)
	switch op {
	case erlOpAdd:
		x.Add(x, y)
	case erlOpSub:
		x.Sub(x, y)
	default:
		if x.BitLen()+y.BitLen() > erlMaxIntBits+1 {
			return p.SystemLimit()
		}
		x.Mul(x, y)
	}
	return erlBigResult(p, x)
}

func ePlus(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		return p.Heap.Int(a.Small() + b.Small())
	}
	return erlMixed(p, a, b, erlOpAdd)
}

func eMinus(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		return p.Heap.Int(a.Small() - b.Small())
	}
	return erlMixed(p, a, b, erlOpSub)
}

func eTimes(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		x, y := a.Small(), b.Small()
		// Smalls have 60 bits, so x*y overflows int64 exactly when the
		// division does not give y back.
		if z := x * y; x == 0 || z/x == y {
			return p.Heap.Int(z)
		}
	}
	return erlMixed(p, a, b, erlOpMul)
}

func ePlus1(p *vm.Process, args []term.Term) term.Term {
	if !p.Env().IsNumber(args[0]) {
		return p.BadArith()
	}
	return args[0]
}

func eMinus1(p *vm.Process, args []term.Term) term.Term {
	a := args[0]
	env := p.Env()
	switch {
	case a.IsSmall():
		return p.Heap.Int(-a.Small())
	case env.IsFloat(a):
		return p.Heap.Float(-env.Float(a))
	case env.IsBig(a):
		x := env.BigInt(a)
		return p.Heap.Big(x.Neg(x))
	}
	return p.BadArith()
}

func eDivide(p *vm.Process, args []term.Term) term.Term {
	env := p.Env()
	x, ok1 := erlNumToFloat(env, args[0])
	y, ok2 := erlNumToFloat(env, args[1])
	if !ok1 || !ok2 || y == 0 {
		return p.BadArith()
	}
	r := x / y
	if !erlFinite(r) {
		return p.BadArith()
	}
	return p.Heap.Float(r)
}

// erlIntOperands returns the integer operands of div, rem and the bitwise
// operators; ok is false unless both are integers.
func erlIntOperands(env *term.Env, a, b term.Term) (x, y *big.Int, ok bool) {
	if !env.IsInteger(a) || !env.IsInteger(b) {
		return nil, nil, false
	}
	return env.BigInt(a), env.BigInt(b), true
}

func eIntDiv(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		if b.Small() == 0 {
			return p.BadArith()
		}
		return p.Heap.Int(a.Small() / b.Small())
	}
	x, y, ok := erlIntOperands(p.Env(), a, b)
	if !ok || y.Sign() == 0 {
		return p.BadArith()
	}
	return p.Heap.Big(x.Quo(x, y))
}

func eRem(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		if b.Small() == 0 {
			return p.BadArith()
		}
		return term.MakeSmall(a.Small() % b.Small())
	}
	x, y, ok := erlIntOperands(p.Env(), a, b)
	if !ok || y.Sign() == 0 {
		return p.BadArith()
	}
	return p.Heap.Big(x.Rem(x, y))
}

func eBand(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		return term.MakeSmall(a.Small() & b.Small())
	}
	x, y, ok := erlIntOperands(p.Env(), a, b)
	if !ok {
		return p.BadArith()
	}
	return p.Heap.Big(x.And(x, y))
}

func eBor(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		return term.MakeSmall(a.Small() | b.Small())
	}
	x, y, ok := erlIntOperands(p.Env(), a, b)
	if !ok {
		return p.BadArith()
	}
	return p.Heap.Big(x.Or(x, y))
}

func eBxor(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		return term.MakeSmall(a.Small() ^ b.Small())
	}
	x, y, ok := erlIntOperands(p.Env(), a, b)
	if !ok {
		return p.BadArith()
	}
	return p.Heap.Big(x.Xor(x, y))
}

func eBnot(p *vm.Process, args []term.Term) term.Term {
	a := args[0]
	if a.IsSmall() {
		return term.MakeSmall(^a.Small())
	}
	env := p.Env()
	if !env.IsBig(a) {
		return p.BadArith()
	}
	x := env.BigInt(a)
	return p.Heap.Big(x.Not(x))
}

func eBsl(p *vm.Process, args []term.Term) term.Term { return erlShift(p, args[0], args[1], false) }

func eBsr(p *vm.Process, args []term.Term) term.Term { return erlShift(p, args[0], args[1], true) }

// erlShift computes a bsl n (or a bsr n when right is set; a negative count
// shifts the other way).
func erlShift(p *vm.Process, a, n term.Term, right bool) term.Term {
	env := p.Env()
	if !env.IsInteger(a) || !env.IsInteger(n) {
		return p.BadArith()
	}
	if !n.IsSmall() {
		// A count this large leaves 0 or -1 to the right, and cannot be
		// represented to the left (unless a is 0).
		neg := env.Header(n).HeaderSub() == term.SubNegBig
		if neg == right { // left shift
			if a == term.MakeSmall(0) {
				return a
			}
			return p.SystemLimit()
		}
		if erlIntSign(env, a) < 0 {
			return term.MakeSmall(-1)
		}
		return term.MakeSmall(0)
	}
	s := n.Small()
	if right {
		s = -s
	}
	if a.IsSmall() {
		x := a.Small()
		switch {
		case s <= 0:
			if s <= -64 {
				if x < 0 {
					return term.MakeSmall(-1)
				}
				return term.MakeSmall(0)
			}
			return term.MakeSmall(x >> uint(-s))
		case s < 64:
			if r := x << uint(s); r>>uint(s) == x && term.FitsSmall(r) {
				return term.MakeSmall(r)
			}
		}
		if x == 0 {
			return a
		}
	}
	x := env.BigInt(a)
	if s < 0 {
		if -s > int64(x.BitLen()) {
			if x.Sign() < 0 {
				return term.MakeSmall(-1)
			}
			return term.MakeSmall(0)
		}
		return p.Heap.Big(x.Rsh(x, uint(-s)))
	}
	if x.Sign() == 0 {
		return term.MakeSmall(0)
	}
	if int64(x.BitLen())+s > erlMaxIntBits {
		return p.SystemLimit()
	}
	return p.Heap.Big(x.Lsh(x, uint(s)))
}

// erlIntSign returns the sign of integer t.
func erlIntSign(env *term.Env, t term.Term) int {
	if t.IsSmall() {
		switch v := t.Small(); {
		case v < 0:
			return -1
		case v > 0:
			return 1
		}
		return 0
	}
	if env.Header(t).HeaderSub() == term.SubNegBig {
		return -1
	}
	return 1
}

func eAbs(p *vm.Process, args []term.Term) term.Term {
	a := args[0]
	env := p.Env()
	switch {
	case a.IsSmall():
		if v := a.Small(); v < 0 {
			return p.Heap.Int(-v)
		}
		return a
	case env.IsFloat(a):
		// OTP negates only values below zero, so -0.0 stays -0.0.
		if f := env.Float(a); f < 0 {
			return p.Heap.Float(-f)
		}
		return a
	case env.IsBig(a):
		if erlIntSign(env, a) > 0 {
			return a
		}
		x := env.BigInt(a)
		return p.Heap.Big(x.Neg(x))
	}
	return p.BadArg()
}

func eFloat(p *vm.Process, args []term.Term) term.Term {
	a := args[0]
	env := p.Env()
	if env.IsFloat(a) {
		return a
	}
	if !env.IsInteger(a) {
		return p.BadArg()
	}
	f, ok := erlBigToFloat(env, a)
	if !ok {
		return p.BadArg()
	}
	return p.Heap.Float(f)
}

// erlRoundWith implements trunc, round, ceil and floor: integers are returned
// unchanged, floats rounded by fn.
func erlRoundWith(p *vm.Process, a term.Term, fn func(float64) float64) term.Term {
	env := p.Env()
	if env.IsInteger(a) {
		return a
	}
	if !env.IsFloat(a) {
		return p.BadArg()
	}
	return erlFloatToInt(p, fn(env.Float(a)))
}

func eTrunc(p *vm.Process, args []term.Term) term.Term {
	return erlRoundWith(p, args[0], math.Trunc)
}

func eRound(p *vm.Process, args []term.Term) term.Term {
	return erlRoundWith(p, args[0], math.Round)
}

func eCeil(p *vm.Process, args []term.Term) term.Term {
	return erlRoundWith(p, args[0], math.Ceil)
}

func eFloor(p *vm.Process, args []term.Term) term.Term {
	return erlRoundWith(p, args[0], math.Floor)
}

// eMax returns the larger argument, the first when they compare equal.
func eMax(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		if b.Small() > a.Small() {
			return b
		}
		return a
	}
	if term.Compare(p.Env(), a, b) < 0 {
		return b
	}
	return a
}

// eMin returns the smaller argument, the first when they compare equal.
func eMin(p *vm.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	if a.IsSmall() && b.IsSmall() {
		if b.Small() < a.Small() {
			return b
		}
		return a
	}
	if term.Compare(p.Env(), a, b) > 0 {
		return b
	}
	return a
}

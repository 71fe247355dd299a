package stdlib

import (
	"math/big"
	"time"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Time and unique values: monotonic_time/0,1, system_time/0,1,
// time_offset/0,1, convert_time_unit/3, timestamp/0, unique_integer/0,1.
//
// The native time unit is the nanosecond, as OTP's on Linux. Monotonic
// time starts near the smallest small integer, as OTP's does, and counts
// from the runtime's start.

func registerErlangTime(rt *vm.Runtime, st *erlState) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"monotonic_time", 0, func(p *vm.Process, _ []term.Term) term.Term { return p.Heap.Int(st.monotonicNative()) }},
		{"monotonic_time", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlTimeIn(p, st.monotonicNative(), a[0])
		}},
		{"system_time", 0, func(p *vm.Process, _ []term.Term) term.Term { return p.Heap.Int(time.Now().UnixNano()) }},
		{"system_time", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlTimeIn(p, time.Now().UnixNano(), a[0])
		}},
		{"time_offset", 0, func(p *vm.Process, _ []term.Term) term.Term { return p.Heap.Int(st.offsetNative()) }},
		{"time_offset", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlTimeIn(p, st.offsetNative(), a[0])
		}},
		{"convert_time_unit", 3, eConvertTimeUnit},
		{"timestamp", 0, eTimestamp},
		{"unique_integer", 0, func(p *vm.Process, _ []term.Term) term.Term {
			return st.uniqueInteger(p, term.Nil)
		}},
		{"unique_integer", 1, func(p *vm.Process, a []term.Term) term.Term {
			return st.uniqueInteger(p, a[0])
		}},
	})
}

// erlNativeUnit is the number of native time units per second.
const erlNativeUnit = 1_000_000_000

// monotonicNative returns the monotonic time in native units.
func (st *erlState) monotonicNative() int64 {
	return term.MinSmall + int64(time.Since(st.start))
}

// offsetNative returns the difference between system time and monotonic
// time in native units.
func (st *erlState) offsetNative() int64 {
	now := time.Now()
	return now.UnixNano() - (term.MinSmall + int64(now.Sub(st.start)))
}

// erlTimeUnit returns the parts per second of a time unit argument: an
// integer >= 1 or one of the unit names.
func erlTimeUnit(env *term.Env, t term.Term) (*big.Int, bool) {
	if t.IsAtom() {
		var n int64
		switch env.AtomName(t) {
		case "second", "seconds":
			n = 1
		case "millisecond", "milli_seconds":
			n = 1_000
		case "microsecond", "micro_seconds":
			n = 1_000_000
		case "nanosecond", "nano_seconds", "native", "perf_counter":
			n = erlNativeUnit
		default:
			return nil, false
		}
		return big.NewInt(n), true
	}
	if !env.IsInteger(t) || erlIntSign(env, t) <= 0 {
		return nil, false
	}
	return env.BigInt(t), true
}

// erlConvertTime converts v from one unit to another, rounding towards
// negative infinity.
func erlConvertTime(p *vm.Process, v *big.Int, from, to *big.Int) term.Term {
	num := new(big.Int).Mul(v, to)
	// Div is Euclidean division: with a positive divisor, the floor.
	return erlBigResult(p, num.Div(num, from))
}

// erlTimeIn converts a native time to the unit named by t.
func erlTimeIn(p *vm.Process, native int64, t term.Term) term.Term {
	to, ok := erlTimeUnit(p.Env(), t)
	if !ok {
		return p.BadArg()
	}
	return erlConvertTime(p, big.NewInt(native), big.NewInt(erlNativeUnit), to)
}

func eConvertTimeUnit(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	from, ok1 := erlTimeUnit(env, a[1])
	to, ok2 := erlTimeUnit(env, a[2])
	if !env.IsInteger(a[0]) || !ok1 || !ok2 {
		return p.BadArg()
	}
	return erlConvertTime(p, env.BigInt(a[0]), from, to)
}

// eTimestamp is timestamp/0: {MegaSecs, Secs, MicroSecs} of system time.
func eTimestamp(p *vm.Process, _ []term.Term) term.Term {
	us := time.Now().UnixMicro()
	return p.Heap.Tuple(term.MakeSmall(us/1e12), term.MakeSmall(us/1e6%1e6), term.MakeSmall(us%1e6))
}

// uniqueInteger is unique_integer/0,1 with options positive and
// monotonic. Every call draws from one counter, so the values are unique
// and strictly increasing in either mode; without positive they start at
// the smallest small integer, as in OTP.
func (st *erlState) uniqueInteger(p *vm.Process, opts term.Term) term.Term {
	env := p.Env()
	os, ok := erlListSlice(env, opts)
	if !ok {
		return p.BadArg()
	}
	positive := false
	for _, o := range os {
		switch {
		case o.IsAtom() && env.AtomName(o) == "positive":
			positive = true
		case o.IsAtom() && env.AtomName(o) == "monotonic":
		default:
			return p.BadArg()
		}
	}
	c := st.unique.Add(1)
	if positive {
		return p.Heap.Int(c)
	}
	return p.Heap.Int(term.MinSmall + c - 1)
}

package stdlib

import (
	"math"
	"math/big"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// erlNative is one native function to register.
type erlNative struct {
	name  string
	arity int
	fn    vm.NativeFunc
}

// erlRegisterAll registers fs as functions of module.
func erlRegisterAll(rt *vm.Runtime, module string, fs []erlNative) {
	for _, f := range fs {
		rt.Register(module, f.name, f.arity, f.fn)
	}
}

// erlState is the state some erlang functions keep for one runtime. It
// is created by Register and captured by the functions that need it, so
// each runtime has its own.
type erlState struct {
	unique atomic.Int64 // unique_integer counter
	start  time.Time    // runtime start, for wall_clock and monotonic time

	statsMu     sync.Mutex // guards the "since last call" values below
	lastWall    int64      // ms
	lastRuntime int64      // ms
}

func newErlState() *erlState { return &erlState{start: time.Now()} }

// erlMaxTupleArity is OTP's largest tuple arity.
const erlMaxTupleArity = 1<<24 - 1

// erlMaxIntBits is the largest magnitude, in bits, of an OTP integer: larger
// results raise system_limit.
const erlMaxIntBits = (1<<19 - 1) * 64

// erlMaxAtomChars is the longest atom name in characters.
const erlMaxAtomChars = 255

// erlBoolTerm returns true or false.
func erlBoolTerm(b bool) term.Term {
	if b {
		return term.AtomTrue
	}
	return term.AtomFalse
}

// erlListSlice returns the elements of the proper list l; ok is false when l
// is not a proper list.
func erlListSlice(env *term.Env, l term.Term) ([]term.Term, bool) {
	var out []term.Term
	for l.IsList() {
		out = append(out, env.Hd(l))
		l = env.Tl(l)
	}
	return out, l == term.Nil
}

// erlListLen returns the length of the proper list l; ok is false when l is
// not a proper list.
func erlListLen(env *term.Env, l term.Term) (int, bool) {
	n := 0
	for l.IsList() {
		n++
		l = env.Tl(l)
	}
	return n, l == term.Nil
}

// erlIsList reports whether t is [] or a cons cell.
func erlIsList(t term.Term) bool { return t == term.Nil || t.IsList() }

// erlBinary builds a binary holding a copy of b.
func erlBinary(p *vm.Process, b []byte) term.Term { return p.Heap.Binary(p.Env().Bins, b) }

// erlOwnedBinary builds a binary from b, which the caller will not touch again.
func erlOwnedBinary(p *vm.Process, b []byte) term.Term {
	if len(b) > term.MaxHeapBin {
		return p.Heap.RefcBinary(p.Env().Bins, b)
	}
	return p.Heap.Binary(p.Env().Bins, b)
}

// erlByteList builds the list of the bytes of b.
func erlByteList(p *vm.Process, b []byte, tail term.Term) term.Term {
	if len(b) == 0 {
		return tail
	}
	h := p.Heap
	at := h.Alloc(2 * len(b))
	for i, c := range b {
		cell := at + 2*uint64(i)
		h.W[cell] = uint64(term.MakeSmall(int64(c)))
		h.W[cell+1] = uint64(term.MakeList(cell + 2))
	}
	h.W[at+2*uint64(len(b))-1] = uint64(tail)
	return term.MakeList(at)
}

// erlCodePointList builds the list of the code points of the UTF-8 text s.
func erlCodePointList(p *vm.Process, s string) term.Term { return p.Heap.String(s) }

// erlCharList decodes a flat proper list of Unicode code points (as
// list_to_atom takes) into UTF-8 text. ok is false for anything else; n is
// the number of characters.
func erlCharList(env *term.Env, l term.Term) (s string, n int, ok bool) {
	var buf []byte
	for l.IsList() {
		c := env.Hd(l)
		if !c.IsSmall() {
			return "", 0, false
		}
		v := c.Small()
		if v < 0 || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
			return "", 0, false
		}
		buf = utf8.AppendRune(buf, rune(v))
		n++
		l = env.Tl(l)
	}
	if l != term.Nil {
		return "", 0, false
	}
	return string(buf), n, true
}

// erlByteString decodes a flat proper list of integers 0..255 into bytes.
func erlByteString(env *term.Env, l term.Term) ([]byte, bool) {
	var buf []byte
	for l.IsList() {
		c := env.Hd(l)
		if !c.IsSmall() || c.Small() < 0 || c.Small() > 255 {
			return nil, false
		}
		buf = append(buf, byte(c.Small()))
		l = env.Tl(l)
	}
	return buf, l == term.Nil
}

// erlUnderlying returns the heap or refc binary holding the bits of bitstring
// t and the bit offset at which t starts in it.
func erlUnderlying(env *term.Env, t term.Term) (orig term.Term, off uint64) {
	for env.Header(t).HeaderSub() == term.SubSubBin {
		off += env.Word(t, 2)
		t = term.Term(env.Word(t, 3))
	}
	return t, off
}

// erlSubBits returns the bits [off, off+size) of bitstring t. Like OTP, a
// part of whole bytes no longer than a heap binary is copied; a longer one,
// or one with trailing bits, shares t's data.
func erlSubBits(p *vm.Process, t term.Term, off, size uint64) term.Term {
	env := p.Env()
	d, base, total := env.Bits(t)
	if off == 0 && size == total {
		return t
	}
	if size%8 == 0 && size/8 <= term.MaxHeapBin {
		b, buf := p.Heap.HeapBinary(int(size / 8))
		term.CopyBits(buf, 0, d, base+off, size)
		return b
	}
	orig, obase := erlUnderlying(env, t)
	return p.Heap.SubBinary(orig, obase+off, size)
}

// erlSmallNonNeg returns the value of t when it is a small integer >= 0.
func erlSmallNonNeg(t term.Term) (int64, bool) {
	if !t.IsSmall() || t.Small() < 0 {
		return 0, false
	}
	return t.Small(), true
}

// erlBigToFloat converts the integer t to a float as OTP does: digit by digit
// from the most significant 64-bit digit, d = d*2^64 + digit, each step
// rounded, which is not always the correctly rounded value. ok is false when
// the result overflows.
func erlBigToFloat(env *term.Env, t term.Term) (float64, bool) {
	if t.IsSmall() {
		return float64(t.Small()), true
	}
	n := env.Header(t).HeaderArity()
	d := 0.0
	for i := n; i >= 1; i-- {
		// Explicit conversions keep the two roundings separate (no fused
		// multiply-add), as in C.
		d = float64(d*0x1p64) + float64(env.Word(t, i))
		if math.IsInf(d, 0) {
			return 0, false
		}
	}
	if env.Header(t).HeaderSub() == term.SubNegBig {
		d = -d
	}
	return d, true
}

// erlNumToFloat converts a number to a float as OTP's mixed arithmetic does.
// ok is false for non-numbers and integers too large for a float.
func erlNumToFloat(env *term.Env, t term.Term) (float64, bool) {
	switch {
	case t.IsSmall():
		return float64(t.Small()), true
	case env.IsFloat(t):
		return env.Float(t), true
	case env.IsBig(t):
		return erlBigToFloat(env, t)
	}
	return 0, false
}

// erlFinite reports whether f is neither infinite nor NaN.
func erlFinite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }

// erlFloatToInt builds the integer part of the finite float f (already
// rounded by the caller).
func erlFloatToInt(p *vm.Process, f float64) term.Term {
	if f > -0x1p59 && f < 0x1p59 {
		return term.MakeSmall(int64(f))
	}
	z, _ := big.NewFloat(f).Int(nil)
	return p.Heap.Big(z)
}

// erlIntTooBig reports whether z exceeds OTP's integer size limit.
func erlIntTooBig(z *big.Int) bool { return z.BitLen() > erlMaxIntBits }

// erlBigResult builds z, or raises system_limit when it is too large.
func erlBigResult(p *vm.Process, z *big.Int) term.Term {
	if erlIntTooBig(z) {
		return p.SystemLimit()
	}
	return p.Heap.Big(z)
}

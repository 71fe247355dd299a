package vm

import (
	"math"
	"unsafe"

	"github.com/beamr/beamr/term"
)

// A match context is the state of matching one bitstring: a boxed object
//
//	[0] header(term.SubMatch, 3)
//	[1] orig: the heap or refc binary whose bytes are matched (a term
//	    pointer that a collector must trace and update)
//	[2] pos:  small integer, the current bit offset into orig's bytes
//	[3] end:  small integer, the bit offset where the matched bitstring ends
//
// Every body word is a valid term, so a collector may copy it like a tuple.
// Offsets count from the start of orig's bytes, so they stay valid when orig
// moves. A context only lives in registers while a function matches; the
// compiler never lets it escape as a value.
//
// The instructions below read and write the context's words in place: pos
// is a small integer, so bs_get_position copies the word as it is, and the
// bytes of orig are only looked up by the instructions that read data.
const matchCtxWords = 4

// ctxHeader is the header word of every match context.
const ctxHeader = (matchCtxWords-1)<<6 | term.SubMatch<<2

// maxMatchBits bounds sizes computed while matching so that offsets never
// overflow (no bitstring is anywhere near this long).
const maxMatchBits = 1 << 58

// smallWord returns the word of the small integer v (v >= 0, v < 2^59).
func smallWord(v uint64) uint64 { return v<<4 | 0xF }

// smallVal returns the value of the non-negative small integer word w.
func smallVal(w uint64) uint64 { return w >> 4 }

// ctxAt returns the word index of the match context t, or false when t is
// not one (only possible with malformed code).
func ctxAt(w []uint64, t term.Term) (uint64, bool) {
	if !t.IsBoxed() {
		return 0, false
	}
	i := t.Index()
	if w[i] != ctxHeader {
		return 0, false
	}
	return i, true
}

// origBytes returns the bytes of orig, a heap or refc binary. For a
// writable buffer (see bitsyntax_writable.go) they run to its capacity.
func origBytes(env *term.Env, orig term.Term) []byte {
	w := env.W
	o := orig.Index()
	if term.Term(w[o]).HeaderSub() == term.SubHeapBin {
		return unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(&w[o]), 16)), w[o+1])
	}
	return env.Bins.Get(uint32(w[o+2])).Data[:w[o+1]]
}

// matchedBytes returns bytes of the binary matched by the context at word
// index i that cover every bit the context may still read: for a refc
// binary its data as it is (for a writable buffer, up to the bytes in use,
// which every view, and so every context, lies within).
func matchedBytes(env *term.Env, w []uint64, i uint64) []byte {
	o := w[i+1] >> 2
	if w[o]&0x3C == term.SubHeapBin<<2 {
		return unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(&w[o]), 16)), w[o+1])
	}
	return env.Bins.Get(uint32(w[o+2])).Data
}

// startMatch returns a match context for t: t itself when it already is
// one, a fresh context when t is a bitstring, or false.
func (p *Process) startMatch(t term.Term) (term.Term, bool) {
	if !t.IsBoxed() {
		return 0, false
	}
	w := p.env().W
	i := t.Index()
	var orig term.Term
	var pos, end uint64
	switch h := term.Term(w[i]); h.HeaderSub() {
	case term.SubMatch:
		if h != ctxHeader {
			return 0, false
		}
		return t, true
	case term.SubHeapBin, term.SubRefcBin:
		orig, end = t, w[i+1]*8
	case term.SubSubBin:
		orig, pos = term.Term(w[i+3]), w[i+2]
		end = pos + w[i+1]
	default:
		return 0, false
	}
	h := p.Heap
	at := h.Alloc(matchCtxWords)
	hw := h.W[at : at+matchCtxWords]
	hw[0] = ctxHeader
	hw[1] = uint64(orig)
	hw[2] = smallWord(pos)
	hw[3] = smallWord(end)
	return term.MakeBoxed(at), true
}

// matchState is a decoded match context.
type matchState struct {
	at   uint64 // word index of the context's header
	data []byte // orig's bytes
	pos  uint64
	end  uint64
}

// loadCtx decodes the match context t. ok is false when t is not one
// (only possible with malformed code).
func (p *Process) loadCtx(t term.Term) (ms matchState, ok bool) {
	env := p.env()
	i, ok := ctxAt(env.W, t)
	if !ok {
		return ms, false
	}
	ms.at = i
	ms.data = matchedBytes(env, env.W, i)
	ms.pos = smallVal(env.W[i+2])
	ms.end = smallVal(env.W[i+3])
	return ms, true
}

// rest returns the number of bits left to match.
func (ms *matchState) rest() uint64 { return ms.end - ms.pos }

// storePos writes the position back into the context.
func (p *Process) storePos(ms *matchState) {
	p.env().W[ms.at+2] = smallWord(ms.pos)
}

// orig returns the binary the context matches.
func (p *Process) ctxOrig(ms *matchState) term.Term { return term.Term(p.env().W[ms.at+1]) }

// matchSize evaluates a segment size operand (Size * Unit bits) while
// matching; ok is false for anything but a non-negative small integer whose
// bit count is in range.
func matchSize(t term.Term, unit uint64) (uint64, bool) {
	if !t.IsSmall() {
		return 0, false
	}
	n := t.Small()
	if n < 0 {
		return 0, false
	}
	if unit != 0 && uint64(n) > maxMatchBits/unit {
		return 0, false
	}
	return uint64(n) * unit, true
}

// multipleOf reports whether n is a multiple of unit (> 0).
func multipleOf(n, unit uint64) bool {
	if unit&(unit-1) == 0 {
		return n&(unit-1) == 0
	}
	return n%unit == 0
}

// badCtx raises the error for an operand that is not a match context.
func (p *Process) badCtx() (int, bool) {
	p.Raise(term.AtomError, term.AtomBadarg)
	return 0, false
}

// jumpFail goes to the failure label of a match instruction.
func (p *Process) jumpFail(fail uint64) (int, bool) {
	if fail == 0 {
		p.Raise(term.AtomError, term.AtomBadarg)
		return 0, false
	}
	return int(fail), true
}

// intField reads the n-bit integer field at bit offset off of data and
// builds its term.
func (p *Process) intField(data []byte, off, n, flags uint64) term.Term {
	if n > 64 {
		return p.Heap.Big(readBigInt(data, off, n, flags))
	}
	var u uint64
	if off&7 == 0 && flags&bsFlagLittle == 0 {
		i := off >> 3
		switch n {
		case 8:
			u = uint64(data[i])
		case 16:
			_ = data[i+1]
			u = uint64(data[i])<<8 | uint64(data[i+1])
		case 32:
			u = uint64(be32(data[i:]))
		default:
			u = readBits(data, off, uint(n))
		}
	} else {
		u = readUint(data, off, uint(n), flags)
	}
	if flags&bsFlagSigned != 0 {
		if n == 0 {
			return term.MakeSmall(0)
		}
		s := int64(u<<(64-n)) >> (64 - n)
		if n <= term.SmallBits {
			return term.MakeSmall(s)
		}
		return p.Heap.Int(s)
	}
	if n < term.SmallBits {
		return term.MakeSmall(int64(u))
	}
	return p.Heap.Uint(u)
}

// be32 reads a big-endian 32-bit word.
func be32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// floatField reads the n-bit float field at bit offset off; ok is false for
// sizes other than 16, 32 and 64 and for infinities and NaNs.
func (p *Process) floatField(data []byte, off, n, flags uint64) (term.Term, bool) {
	var f float64
	switch n {
	case 16:
		f = float16Value(uint16(readUint(data, off, 16, flags)))
	case 32:
		f = float64(math.Float32frombits(uint32(readUint(data, off, 32, flags))))
	case 64:
		f = math.Float64frombits(readUint(data, off, 64, flags))
	default:
		return 0, false
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return p.Heap.Float(f), true
}

// bitsField returns the n bits at bit offset off of orig (whose bytes are
// data) as a bitstring: a fresh heap binary for short whole-byte results, a
// sub-binary sharing orig otherwise.
func (p *Process) bitsField(orig term.Term, data []byte, off, n uint64) term.Term {
	if n%8 == 0 && n <= 8*term.MaxHeapBin {
		t, b := p.Heap.HeapBinary(int(n / 8))
		if off%8 == 0 {
			copy(b, data[off/8:])
		} else {
			copyBits(b, 0, data, off, n)
		}
		return t
	}
	return p.Heap.SubBinary(orig, off, n)
}

// matchUTF decodes a code point of the given encoding (8, 16 or 32).
func matchUTF(ms *matchState, enc int, flags uint64) (int64, uint64, bool) {
	switch enc {
	case 8:
		return decodeUTF8(ms.data, ms.pos, ms.rest())
	case 16:
		return decodeUTF16(ms.data, ms.pos, ms.rest(), flags)
	}
	return decodeUTF32(ms.data, ms.pos, ms.rest(), flags)
}

// bsStartMatch runs bs_start_match3 (and bs_start_match4, loaded into the
// same form): Fail Src Live Dst.
func (p *Process) bsStartMatch(code []uint64, pc int) (int, bool) {
	t := p.get(code[pc+2])
	if t.IsBoxed() && p.env().W[t.Index()] == ctxHeader {
		p.set(code[pc+4], t)
		return pc + 5, true
	}
	ctx, ok := p.startMatch(t)
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	p.set(code[pc+4], ctx)
	return pc + 5, true
}

// bsGetPosition runs bs_get_position: Ctx Dst Live. The position word is
// a small integer already.
func (p *Process) bsGetPosition(code []uint64, pc int) (int, bool) {
	w := p.env().W
	i, ok := ctxAt(w, p.get(code[pc+1]))
	if !ok {
		return p.badCtx()
	}
	p.set(code[pc+2], term.Term(w[i+2]))
	return pc + 4, true
}

// bsSetPosition runs bs_set_position: Ctx Pos.
func (p *Process) bsSetPosition(code []uint64, pc int) (int, bool) {
	w := p.env().W
	i, ok := ctxAt(w, p.get(code[pc+1]))
	pos := p.get(code[pc+2])
	if !ok || !pos.IsSmall() || pos.Small() < 0 || uint64(pos.Small()) > smallVal(w[i+3]) {
		return p.badCtx()
	}
	w[i+2] = uint64(pos)
	return pc + 3, true
}

// bsGetTail runs bs_get_tail: Ctx Dst Live.
func (p *Process) bsGetTail(code []uint64, pc int) (int, bool) {
	w := p.env().W
	i, ok := ctxAt(w, p.get(code[pc+1]))
	if !ok {
		return p.badCtx()
	}
	pos, end := smallVal(w[i+2]), smallVal(w[i+3])
	p.set(code[pc+2], p.Heap.SubBinary(term.Term(w[i+1]), pos, end-pos))
	return pc + 4, true
}

// bsTestTail runs bs_test_tail2: Fail Ctx Bits.
func (p *Process) bsTestTail(code []uint64, pc int) (int, bool) {
	w := p.env().W
	i, ok := ctxAt(w, p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	if smallVal(w[i+3])-smallVal(w[i+2]) != code[pc+3] {
		return p.jumpFail(code[pc+1])
	}
	return pc + 4, true
}

// bsTestUnit runs bs_test_unit: Fail Ctx Unit.
func (p *Process) bsTestUnit(code []uint64, pc int) (int, bool) {
	w := p.env().W
	i, ok := ctxAt(w, p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	rest := smallVal(w[i+3]) - smallVal(w[i+2])
	switch u := code[pc+3]; u {
	case 0, 1:
	case 8:
		if rest&7 != 0 {
			return p.jumpFail(code[pc+1])
		}
	default:
		if rest%u != 0 {
			return p.jumpFail(code[pc+1])
		}
	}
	return pc + 4, true
}

// Flags words of bs_get_integer2, bs_get_float2, bs_get_binary2 and
// bs_skip_bits2 carry, besides bsFlagLittle and bsFlagSigned, the size of
// the field in bits when the loader could compute it from a literal size:
// bsFlagStatic is then set and the size is the word shifted right by
// bsStaticShift.
const (
	bsFlagStatic  = 0x80
	bsStaticShift = 8
)

// getSize returns the size in bits of a bs_get_*/bs_skip_bits2 field with
// size operand sw, unit and flags word f, when rest bits are left; ok is
// false when the match fails. all says whether the atom all stands for the
// rest (binaries and skips).
func (p *Process) getSize(sw, unit, f, rest uint64, all bool) (uint64, bool) {
	if f&bsFlagStatic != 0 {
		n := f >> bsStaticShift
		return n, n <= rest
	}
	sz := p.get(sw)
	if sz == term.AtomAll && all {
		return rest, unit <= 1 || rest%unit == 0
	}
	n, ok := matchSize(sz, unit)
	return n, ok && n <= rest
}

// bsGetInteger runs bs_get_integer2: Fail Ctx Live Size Unit Flags Dst.
func (p *Process) bsGetInteger(code []uint64, pc int) (int, bool) {
	env := p.env()
	w := env.W
	i, ok := ctxAt(w, p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	pos := smallVal(w[i+2])
	f := code[pc+6]
	n, ok := p.getSize(code[pc+4], code[pc+5], f, smallVal(w[i+3])-pos, false)
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	v := p.intField(matchedBytes(env, w, i), pos, n, f)
	w[i+2] = smallWord(pos + n)
	p.set(code[pc+7], v)
	return pc + 8, true
}

// bsGetFloat runs bs_get_float2: Fail Ctx Live Size Unit Flags Dst.
func (p *Process) bsGetFloat(code []uint64, pc int) (int, bool) {
	env := p.env()
	w := env.W
	i, ok := ctxAt(w, p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	pos := smallVal(w[i+2])
	f := code[pc+6]
	n, ok := p.getSize(code[pc+4], code[pc+5], f, smallVal(w[i+3])-pos, false)
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	v, ok := p.floatField(matchedBytes(env, w, i), pos, n, f)
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	w[i+2] = smallWord(pos + n)
	p.set(code[pc+7], v)
	return pc + 8, true
}

// bsGetBinary runs bs_get_binary2: Fail Ctx Live Size Unit Flags Dst.
func (p *Process) bsGetBinary(code []uint64, pc int) (int, bool) {
	env := p.env()
	w := env.W
	i, ok := ctxAt(w, p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	pos := smallVal(w[i+2])
	n, ok := p.getSize(code[pc+4], code[pc+5], code[pc+6], smallVal(w[i+3])-pos, true)
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	v := p.bitsField(term.Term(w[i+1]), matchedBytes(env, w, i), pos, n)
	w[i+2] = smallWord(pos + n)
	p.set(code[pc+7], v)
	return pc + 8, true
}

// bsSkipBits runs bs_skip_bits2: Fail Ctx Size Unit Flags.
func (p *Process) bsSkipBits(code []uint64, pc int) (int, bool) {
	w := p.env().W
	i, ok := ctxAt(w, p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	pos := smallVal(w[i+2])
	n, ok := p.getSize(code[pc+3], code[pc+4], code[pc+5], smallVal(w[i+3])-pos, true)
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	w[i+2] = smallWord(pos + n)
	return pc + 6, true
}

// bsMatchString runs bs_match_string: Fail Ctx Bits String (the string is
// a binary literal made by the loader).
func (p *Process) bsMatchString(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	n := code[pc+3]
	if n > ms.rest() {
		return p.jumpFail(code[pc+1])
	}
	s := origBytes(p.env(), term.Term(code[pc+4]))
	if !bitsEqual(ms.data, ms.pos, s, 0, n) {
		return p.jumpFail(code[pc+1])
	}
	ms.pos += n
	p.storePos(&ms)
	return pc + 5, true
}

// bsGetUTF runs bs_get_utf8/16/32 (Fail Ctx Live Flags Dst) and
// bs_skip_utf8/16/32 (Fail Ctx Live Flags).
func (p *Process) bsGetUTF(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	op := code[pc]
	enc := 8
	switch op {
	case opBsGetUtf16, opBsSkipUtf16:
		enc = 16
	case opBsGetUtf32, opBsSkipUtf32:
		enc = 32
	}
	c, n, ok := matchUTF(&ms, enc, code[pc+4])
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	ms.pos += n
	p.storePos(&ms)
	switch op {
	case opBsGetUtf8, opBsGetUtf16, opBsGetUtf32:
		p.set(code[pc+5], term.MakeSmall(c))
		return pc + 6, true
	}
	return pc + 5, true
}

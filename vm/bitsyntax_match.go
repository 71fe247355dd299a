package vm

import (
	"math"

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
const matchCtxWords = 4

// maxMatchBits bounds sizes computed while matching so that offsets never
// overflow (no bitstring is anywhere near this long).
const maxMatchBits = 1 << 58

// startMatch returns a match context for t: t itself when it already is
// one, a fresh context when t is a bitstring, or false.
func (p *Process) startMatch(t term.Term) (term.Term, bool) {
	if !t.IsBoxed() {
		return 0, false
	}
	env := p.env
	i := t.Index()
	var orig term.Term
	var pos, end uint64
	switch term.Term(env.W[i]).HeaderSub() {
	case term.SubMatch:
		return t, true
	case term.SubHeapBin, term.SubRefcBin:
		orig, end = t, env.W[i+1]*8
	case term.SubSubBin:
		orig, pos = term.Term(env.W[i+3]), env.W[i+2]
		end = pos + env.W[i+1]
	default:
		return 0, false
	}
	h := p.Heap
	at := h.Alloc(matchCtxWords)
	h.W[at] = uint64(term.MakeHeader(term.SubMatch, matchCtxWords-1))
	h.W[at+1] = uint64(orig)
	h.W[at+2] = uint64(term.MakeSmall(int64(pos)))
	h.W[at+3] = uint64(term.MakeSmall(int64(end)))
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
	if !t.IsBoxed() {
		return ms, false
	}
	env := p.env
	i := t.Index()
	if term.Term(env.W[i]).HeaderSub() != term.SubMatch {
		return ms, false
	}
	ms.at = i
	ms.data, _, _ = env.Bits(term.Term(env.W[i+1]))
	ms.pos = uint64(term.Term(env.W[i+2]).Small())
	ms.end = uint64(term.Term(env.W[i+3]).Small())
	return ms, true
}

// rest returns the number of bits left to match.
func (ms *matchState) rest() uint64 { return ms.end - ms.pos }

// store writes the position back into the context.
func (p *Process) storePos(ms *matchState) {
	p.env.W[ms.at+2] = uint64(term.MakeSmall(int64(ms.pos)))
}

// orig returns the binary the context matches.
func (p *Process) ctxOrig(ms *matchState) term.Term { return term.Term(p.env.W[ms.at+1]) }

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

// badCtx raises the error for an operand that is not a match context.
func (p *Process) badCtx() (int, bool) {
	p.Raise(term.AtomError, term.AtomBadarg)
	return 0, false
}

// matchFail records the progress made by a bs_match instruction and goes
// to its failure label.
func (p *Process) matchFail(ms *matchState, fail uint64) (int, bool) {
	p.storePos(ms)
	return p.jumpFail(fail)
}

// jumpFail goes to the failure label of a match instruction.
func (p *Process) jumpFail(fail uint64) (int, bool) {
	if fail == 0 {
		p.Raise(term.AtomError, term.AtomBadarg)
		return 0, false
	}
	return int(fail), true
}

// extractInt reads an n-bit integer field at ms.pos and builds its term.
func (p *Process) extractInt(ms *matchState, n uint64, flags uint64) term.Term {
	off := ms.pos
	ms.pos += n
	if n <= 64 {
		u := readUint(ms.data, off, uint(n), flags)
		if flags&bsFlagSigned != 0 && n > 0 {
			s := int64(u<<(64-n)) >> (64 - n)
			return p.Heap.Int(s)
		}
		return p.Heap.Uint(u)
	}
	return p.Heap.Big(readBigInt(ms.data, off, n, flags))
}

// extractFloat reads an n-bit float field; ok is false for sizes other
// than 16, 32 and 64 and for infinities and NaNs.
func (p *Process) extractFloat(ms *matchState, n uint64, flags uint64) (term.Term, bool) {
	var f float64
	switch n {
	case 16:
		f = float16Value(uint16(readUint(ms.data, ms.pos, 16, flags)))
	case 32:
		f = float64(math.Float32frombits(uint32(readUint(ms.data, ms.pos, 32, flags))))
	case 64:
		f = math.Float64frombits(readUint(ms.data, ms.pos, 64, flags))
	default:
		return 0, false
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	ms.pos += n
	return p.Heap.Float(f), true
}

// extractBits returns the n bits at ms.pos as a bitstring: a fresh heap
// binary for short whole-byte results, a sub-binary sharing the matched
// binary otherwise.
func (p *Process) extractBits(ms *matchState, n uint64) term.Term {
	off := ms.pos
	ms.pos += n
	if n%8 == 0 && n <= 8*term.MaxHeapBin {
		t, b := p.Heap.HeapBinary(int(n / 8))
		copyBits(b, 0, ms.data, off, n)
		return t
	}
	return p.Heap.SubBinary(p.ctxOrig(ms), off, n)
}

// tail returns the rest of the matched bitstring as a sub-binary.
func (p *Process) tail(ms *matchState) term.Term {
	return p.Heap.SubBinary(p.ctxOrig(ms), ms.pos, ms.rest())
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
	ctx, ok := p.startMatch(p.get(code[pc+2]))
	if !ok {
		return p.jumpFail(code[pc+1])
	}
	p.set(code[pc+4], ctx)
	return pc + 5, true
}

// bsGetPosition runs bs_get_position: Ctx Dst Live.
func (p *Process) bsGetPosition(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+1]))
	if !ok {
		return p.badCtx()
	}
	p.set(code[pc+2], term.MakeSmall(int64(ms.pos)))
	return pc + 4, true
}

// bsSetPosition runs bs_set_position: Ctx Pos.
func (p *Process) bsSetPosition(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+1]))
	pos := p.get(code[pc+2])
	if !ok || !pos.IsSmall() || pos.Small() < 0 || uint64(pos.Small()) > ms.end {
		return p.badCtx()
	}
	ms.pos = uint64(pos.Small())
	p.storePos(&ms)
	return pc + 3, true
}

// bsGetTail runs bs_get_tail: Ctx Dst Live.
func (p *Process) bsGetTail(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+1]))
	if !ok {
		return p.badCtx()
	}
	p.set(code[pc+2], p.tail(&ms))
	return pc + 4, true
}

// bsTestTail runs bs_test_tail2: Fail Ctx Bits.
func (p *Process) bsTestTail(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	if ms.rest() != code[pc+3] {
		return p.jumpFail(code[pc+1])
	}
	return pc + 4, true
}

// bsTestUnit runs bs_test_unit: Fail Ctx Unit.
func (p *Process) bsTestUnit(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	if u := code[pc+3]; u > 1 && ms.rest()%u != 0 {
		return p.jumpFail(code[pc+1])
	}
	return pc + 4, true
}

// bsGet runs bs_get_integer2, bs_get_float2 and bs_get_binary2:
// Fail Ctx Live Size Unit Flags Dst.
func (p *Process) bsGet(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	op := code[pc]
	sz := p.get(code[pc+4])
	unit := code[pc+5]
	flags := code[pc+6]
	var n uint64
	if sz == term.AtomAll && op == opBsGetBinary2 {
		n = ms.rest()
		if unit > 1 && n%unit != 0 {
			return p.jumpFail(code[pc+1])
		}
	} else if n, ok = matchSize(sz, unit); !ok || n > ms.rest() {
		return p.jumpFail(code[pc+1])
	}
	var v term.Term
	switch op {
	case opBsGetInteger2:
		v = p.extractInt(&ms, n, flags)
	case opBsGetFloat2:
		if v, ok = p.extractFloat(&ms, n, flags); !ok {
			return p.jumpFail(code[pc+1])
		}
	default:
		v = p.extractBits(&ms, n)
	}
	p.storePos(&ms)
	p.set(code[pc+7], v)
	return pc + 8, true
}

// bsSkipBits runs bs_skip_bits2: Fail Ctx Size Unit Flags.
func (p *Process) bsSkipBits(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	sz := p.get(code[pc+3])
	unit := code[pc+4]
	var n uint64
	if sz == term.AtomAll {
		n = ms.rest()
		if unit > 1 && n%unit != 0 {
			return p.jumpFail(code[pc+1])
		}
	} else if n, ok = matchSize(sz, unit); !ok || n > ms.rest() {
		return p.jumpFail(code[pc+1])
	}
	ms.pos += n
	p.storePos(&ms)
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
	s, so, _ := p.env.Bits(term.Term(code[pc+4]))
	if !bitsEqual(ms.data, ms.pos, s, so, n) {
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

// Commands of a loaded bs_match instruction (OTP 26+). The loader turns the
// compiler's command list into these words:
//
//	bsmEnsureAtLeast Bits Unit
//	bsmEnsureExactly Bits
//	bsmInteger Flags Bits Dst
//	bsmBinary  Bits Dst
//	bsmGetTail Dst
//	bsmSkip    Bits
//	bsmEq      Bits Value
const (
	bsmEnsureAtLeast = iota + 1
	bsmEnsureExactly
	bsmInteger
	bsmBinary
	bsmGetTail
	bsmSkip
	bsmEq
)

// bsMatch runs bs_match: Fail Ctx N Commands (N words).
func (p *Process) bsMatch(code []uint64, pc int) (int, bool) {
	ms, ok := p.loadCtx(p.get(code[pc+2]))
	if !ok {
		return p.badCtx()
	}
	fail := code[pc+1]
	n := int(code[pc+3])
	i := pc + 4
	end := i + n
	for i < end {
		switch code[i] {
		case bsmEnsureAtLeast:
			size, unit := code[i+1], code[i+2]
			r := ms.rest()
			if r < size || (unit > 1 && (r-size)%unit != 0) {
				return p.matchFail(&ms, fail)
			}
			i += 3
		case bsmEnsureExactly:
			if ms.rest() != code[i+1] {
				return p.matchFail(&ms, fail)
			}
			i += 2
		case bsmInteger:
			bits := code[i+2]
			if bits > ms.rest() {
				return p.matchFail(&ms, fail)
			}
			p.set(code[i+3], p.extractInt(&ms, bits, code[i+1]))
			i += 4
		case bsmBinary:
			bits := code[i+1]
			if bits > ms.rest() {
				return p.matchFail(&ms, fail)
			}
			p.set(code[i+2], p.extractBits(&ms, bits))
			i += 3
		case bsmGetTail:
			p.set(code[i+1], p.tail(&ms))
			ms.pos = ms.end
			i += 2
		case bsmSkip:
			bits := code[i+1]
			if bits > ms.rest() {
				return p.matchFail(&ms, fail)
			}
			ms.pos += bits
			i += 2
		case bsmEq:
			bits := code[i+1]
			if bits > ms.rest() || readBits(ms.data, ms.pos, uint(bits)) != code[i+2] {
				return p.matchFail(&ms, fail)
			}
			ms.pos += bits
			i += 3
		default:
			return p.badCtx()
		}
	}
	p.storePos(&ms)
	return end, true
}

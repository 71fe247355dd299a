package vm

import (
	"unsafe"

	"github.com/beamr/beamr/term"
)

// bs_match (OTP 26 and later) matches several fixed-size segments in one
// instruction: a list of commands that the loader (bsMatch in
// bitsyntax_load.go) turns into code words.

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
//
// The word before the commands is their number of words, with bsmReads set
// when a command reads the matched bytes.
const (
	bsmEnsureAtLeast = iota + 1
	bsmEnsureExactly
	bsmInteger
	bsmBinary
	bsmGetTail
	bsmSkip
	bsmEq
)

// bsmReads flags a bs_match whose commands read the matched bytes.
const bsmReads = 1 << 32

// bsMatch runs bs_match: Fail Ctx N Commands (N words). The position is
// kept in a local and stored when the instruction ends or fails.
func (p *Process) bsMatch(code []uint64, pc int) (int, bool) {
	env := p.env()
	w := env.W
	base := unsafe.Pointer(unsafe.SliceData(code)) // operands: see bits
	at, ok := ctxAt(w, p.get(cw(base, pc+2)))
	if !ok {
		return p.badCtx()
	}
	pos, end := smallVal(w[at+2]), smallVal(w[at+3])
	nw := cw(base, pc+3)
	i := pc + 4
	stop := i + int(uint32(nw))
	var data []byte
	if nw&bsmReads != 0 {
		data = matchedBytes(env, w, at)
	}
	for i < stop {
		switch cw(base, i) {
		case bsmEnsureAtLeast:
			size, unit := cw(base, i+1), cw(base, i+2)
			r := end - pos
			if r < size || (unit > 1 && !multipleOf(r-size, unit)) {
				return p.bsMatchFail(code, pc, at, pos)
			}
			i += 3
		case bsmEnsureExactly:
			if end-pos != cw(base, i+1) {
				return p.bsMatchFail(code, pc, at, pos)
			}
			i += 2
		case bsmInteger:
			flags, bits := cw(base, i+1), cw(base, i+2)
			if bits > end-pos {
				return p.bsMatchFail(code, pc, at, pos)
			}
			var v term.Term
			if flags == 0 && pos&7 == 0 && (bits == 8 || bits == 16) {
				if bits == 8 {
					v = term.MakeSmall(int64(data[pos>>3]))
				} else {
					b := data[pos>>3 : pos>>3+2]
					v = term.MakeSmall(int64(b[0])<<8 | int64(b[1]))
				}
			} else {
				v = p.intField(data, pos, bits, flags)
			}
			p.set(cw(base, i+3), v)
			pos += bits
			i += 4
		case bsmBinary:
			bits := cw(base, i+1)
			if bits > end-pos {
				return p.bsMatchFail(code, pc, at, pos)
			}
			p.set(cw(base, i+2), p.bitsField(term.Term(w[at+1]), data, pos, bits))
			pos += bits
			i += 3
		case bsmGetTail:
			p.set(cw(base, i+1), p.Heap.SubBinary(term.Term(w[at+1]), pos, end-pos))
			pos = end
			i += 2
		case bsmSkip:
			bits := cw(base, i+1)
			if bits > end-pos {
				return p.bsMatchFail(code, pc, at, pos)
			}
			pos += bits
			i += 2
		case bsmEq:
			bits := cw(base, i+1)
			if bits > end-pos || readBits(data, pos, uint(bits)) != cw(base, i+2) {
				return p.bsMatchFail(code, pc, at, pos)
			}
			pos += bits
			i += 3
		default:
			return p.badCtx()
		}
	}
	w[at+2] = smallWord(pos)
	return stop, true
}

// bsMatchFail records the progress a bs_match instruction made before a
// command failed and goes to its failure label.
func (p *Process) bsMatchFail(code []uint64, pc int, at, pos uint64) (int, bool) {
	p.env().W[at+2] = smallWord(pos)
	return p.jumpFail(code[pc+1])
}

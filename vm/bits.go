package vm

import (
	"fmt"
	"unsafe"

	"github.com/beamr/beamr/term"
)

// Bit syntax. This file dispatches the instructions; the rest live in
//
//	bitsyntax_load.go      loading: operand layouts, flags, bs_match commands
//	bitsyntax_match.go     match contexts and the bs_get_*/bs_test_* family
//	bitsyntax_matchcmd.go  bs_match (OTP 26+)
//	bitsyntax_create.go    bs_create_bin's fast path
//	bitsyntax_build.go     bs_create_bin segment by segment, and its errors
//	bitsyntax_writable.go  writable buffers: linear appends
//	bitsyntax_bits.go      bit-level reads, writes and copies
//	bitsyntax_codec.go     half floats and the UTF encodings
//
// Only the instructions OTP 25 and later compilers emit are supported; the
// older ones (bs_start_match2, bs_save2, bs_init2, bs_put_*, bs_append, ...)
// are rejected at load time.
//
// Loaded operand layouts (after the opcode word):
//
//	bs_start_match3/4   Fail Src Live Dst       (Fail 0: no_fail/resume)
//	bs_get_position     Ctx Dst Live
//	bs_set_position     Ctx Pos
//	bs_get_tail         Ctx Dst Live
//	bs_test_tail2       Fail Ctx Bits
//	bs_test_unit        Fail Ctx Unit
//	bs_get_integer2, bs_get_float2, bs_get_binary2
//	                    Fail Ctx Live Size Unit Flags Dst
//	bs_skip_bits2       Fail Ctx Size Unit Flags
//	bs_match_string     Fail Ctx Bits String    (String: a binary literal)
//	bs_get_utf8/16/32   Fail Ctx Live Flags Dst
//	bs_skip_utf8/16/32  Fail Ctx Live Flags
//	bs_match            Fail Ctx N Commands...  (see bsm* constants)
//	bs_create_bin       Fail Dst N Segments...  (see seg* constants)
//	bs_init_writable    (no operands: x0 is the size hint and the result)
//
// Flags words hold bsFlagLittle and bsFlagSigned, native already resolved;
// those of bs_get_*2 and bs_skip_bits2 also hold a literal size, in bits,
// folded in by the loader (bsFlagStatic).

// bits runs the bit-syntax instruction at pc and, while the instructions
// after it are match instructions that cannot raise an exception, those
// too: a function head's bs_start_match, bs_get_position, bs_get_*2 and
// bs_test_unit then cost one call from the interpreter instead of one each.
// It returns the pc of the next instruction to run, or false with the
// exception of the instruction at pc set.
//
// Only the first instruction may raise: an exception's stack frame names the
// pc the interpreter passed in, so an instruction that could raise (one with
// no failure label, bs_create_bin) is left to the interpreter when it is not
// the first. The match instructions without a failure label raise only for
// operands the compiler never produces (a register that holds no match
// context).
func (p *Process) bits(code []uint64, pc int) (int, bool) {
	w := p.env().W
	// Operand words are read without bounds checks, as in the interpreter's
	// hot loop: the loader emits every operand of an instruction, and pc is
	// checked against the code's length before each opcode is read.
	base := unsafe.Pointer(unsafe.SliceData(code))
	for steps := 0; ; steps++ {
		var ok bool
		// Every opcode has its own case (no lists) so that the switch
		// compiles to a jump table.
		switch code[pc] {
		case opBsGetInteger2: // Fail Ctx Live Size Unit Flags Dst
			fail := cw(base, pc+1)
			if steps > 0 && fail == 0 {
				return pc, true
			}
			t, f := p.get(cw(base, pc+2)), cw(base, pc+6)
			if !t.IsBoxed() || w[t.Index()] != ctxHeader || f&bsFlagStatic == 0 {
				pc, ok = p.bsGetInteger(code, pc)
				break
			}
			i := t.Index()
			pos, n := smallVal(w[i+2]), f>>bsStaticShift
			if n > smallVal(w[i+3])-pos {
				pc, ok = p.jumpFail(fail)
				break
			}
			var v term.Term
			if pos&7 == 0 && f&(bsFlagLittle|bsFlagSigned) == 0 && (n == 8 || n == 16) {
				data := matchedBytes(p.env(), w, i)
				if n == 8 {
					v = term.MakeSmall(int64(data[pos>>3]))
				} else {
					b := data[pos>>3 : pos>>3+2]
					v = term.MakeSmall(int64(b[0])<<8 | int64(b[1]))
				}
			} else {
				v = p.intField(matchedBytes(p.env(), w, i), pos, n, f)
			}
			w[i+2] = smallWord(pos + n)
			p.set(cw(base, pc+7), v)
			pc, ok = pc+8, true
		case opBsStartMatch3: // Fail Src Live Dst
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			if t := p.get(cw(base, pc+2)); t.IsBoxed() && w[t.Index()] == ctxHeader {
				p.set(cw(base, pc+4), t)
				pc, ok = pc+5, true
				break
			}
			pc, ok = p.bsStartMatch(code, pc)
		case opBsGetPosition: // Ctx Dst Live
			t := p.get(cw(base, pc+1))
			if !t.IsBoxed() || w[t.Index()] != ctxHeader {
				pc, ok = p.bsGetPosition(code, pc)
				break
			}
			p.set(cw(base, pc+2), term.Term(w[t.Index()+2]))
			pc, ok = pc+4, true
		case opBsTestUnit: // Fail Ctx Unit
			fail := cw(base, pc+1)
			if steps > 0 && fail == 0 {
				return pc, true
			}
			t := p.get(cw(base, pc+2))
			if !t.IsBoxed() || w[t.Index()] != ctxHeader || cw(base, pc+3) != 8 {
				pc, ok = p.bsTestUnit(code, pc)
				break
			}
			i := t.Index()
			if (smallVal(w[i+3])-smallVal(w[i+2]))&7 != 0 {
				pc, ok = p.jumpFail(fail)
				break
			}
			pc, ok = pc+4, true
		case opBsTestTail2:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsTestTail(code, pc)
		case opBsMatch:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsMatch(code, pc)
		case opBsSetPosition:
			pc, ok = p.bsSetPosition(code, pc)
		case opBsGetTail:
			pc, ok = p.bsGetTail(code, pc)
		case opBsGetBinary2:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetBinary(code, pc)
		case opBsGetFloat2:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetFloat(code, pc)
		case opBsSkipBits2:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsSkipBits(code, pc)
		case opBsMatchString:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsMatchString(code, pc)
		case opBsGetUtf8:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsGetUtf16:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsGetUtf32:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsSkipUtf8:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsSkipUtf16:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsSkipUtf32:
			if steps > 0 && cw(base, pc+1) == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsCreateBin:
			if steps > 0 {
				return pc, true
			}
			pc, ok = p.bsCreateBin(code, pc)
		case opBsInitWritable:
			if steps > 0 {
				return pc, true
			}
			pc, ok = p.bsInitWritable(pc)
		default:
			if steps > 0 {
				return pc, true
			}
			p.Raise(term.AtomError, p.Atom(fmt.Sprintf("beamr_unknown_opcode_%d", code[pc])))
			return 0, false
		}
		if !ok {
			return 0, false
		}
		if steps == maxBitsChain || pc >= len(code) {
			return pc, true
		}
	}
}

// maxBitsChain bounds the instructions one call of bits runs, so that
// malformed code whose failure labels loop cannot keep a process from
// yielding.
const maxBitsChain = 64

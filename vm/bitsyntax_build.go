package vm

import (
	"math"
	"math/big"

	"github.com/beamr/beamr/term"
)

// Segment kinds of a loaded bs_create_bin instruction. Each segment is three
// code words:
//
//	kind | flags<<8 | unit<<16 | segment number<<32
//	value operand (for strings: a binary literal made by the loader)
//	size operand (a term: an integer, a register, or the atoms all/undefined)
const (
	segInteger = iota + 1
	segFloat
	segBinary
	segString
	segAppend
	segPrivateAppend
	segUTF8
	segUTF16
	segUTF32
)

// segWords is the number of code words per bs_create_bin segment.
const segWords = 3

// maxBinBits bounds the size of a binary built by bs_create_bin; larger
// requests raise system_limit instead of exhausting memory.
const maxBinBits = 8 << 32

// bsSeg is one decoded segment of a bs_create_bin instruction.
type bsSeg struct {
	kind  uint64
	flags uint64
	unit  uint64
	num   uint64
	val   term.Term
	size  term.Term
	bits  uint64
}

func decodeSeg(p *Process, w []uint64) bsSeg {
	return bsSeg{
		kind:  w[0] & 0xFF,
		flags: w[0] >> 8 & 0xFF,
		unit:  w[0] >> 16 & 0xFFFF,
		num:   w[0] >> 32,
		val:   p.get(w[1]),
		size:  p.get(w[2]),
	}
}

// segType is the type name OTP's error_info uses for a segment kind.
func (p *Process) segType(kind uint64) term.Term {
	switch kind {
	case segInteger:
		return p.Atom("integer")
	case segFloat:
		return term.AtomFloat
	case segUTF8:
		return term.AtomUtf8
	case segUTF16:
		return term.AtomUtf16
	case segUTF32:
		return term.AtomUtf32
	}
	return term.AtomBinary
}

// bsError is a construction failure: OTP's reason and error_info cause.
type bsError struct {
	reason term.Term // badarg or system_limit
	num    uint64    // segment number
	kind   uint64    // segment kind
	what   string    // type, size, unit, short, invalid, no_float
	val    term.Term
}

// segErr returns the error for segment s.
func segErr(reason term.Term, s *bsSeg, what string, val term.Term) *bsError {
	return &bsError{reason, s.num, s.kind, what, val}
}

// bitSize returns the size in bits of bitstring t, or false.
func bitSize(env *term.Env, t term.Term) (uint64, bool) {
	if !t.IsBoxed() {
		return 0, false
	}
	i := t.Index()
	switch term.Term(env.W[i]).HeaderSub() {
	case term.SubHeapBin, term.SubRefcBin:
		return env.W[i+1] * 8, true
	case term.SubSubBin:
		return env.W[i+1], true
	}
	return 0, false
}

// segBits computes the size of segment s in bits (the first pass of
// bs_create_bin).
func segBits(env *term.Env, s *bsSeg) *bsError {
	switch s.kind {
	case segUTF8:
		if s.val.IsSmall() && validCodePoint(s.val.Small()) {
			s.bits = 8 * uint64(utf8Len(s.val.Small()))
		}
		return nil
	case segUTF16:
		if s.val.IsSmall() && validCodePoint(s.val.Small()) {
			s.bits = 16
			if s.val.Small() >= 0x10000 {
				s.bits = 32
			}
		}
		return nil
	case segUTF32:
		s.bits = 32
		return nil
	case segAppend, segPrivateAppend:
		n, ok := bitSize(env, s.val)
		if !ok {
			return segErr(term.AtomBadarg, s, "type", s.val)
		}
		s.bits = n
		return nil
	case segBinary:
		if s.size == term.AtomAll {
			n, ok := bitSize(env, s.val)
			if !ok {
				return segErr(term.AtomBadarg, s, "type", s.val)
			}
			s.bits = n
			return nil
		}
	}
	switch {
	case s.size.IsSmall():
		n := s.size.Small()
		if n < 0 {
			return segErr(term.AtomBadarg, s, "size", s.size)
		}
		if s.unit != 0 && uint64(n) > maxBinBits/s.unit {
			return segErr(term.AtomSystemLimit, s, "size", s.size)
		}
		s.bits = uint64(n) * s.unit
		return nil
	case env.IsBig(s.size) && env.Header(s.size).HeaderSub() == term.SubPosBig:
		return segErr(term.AtomSystemLimit, s, "size", s.size)
	}
	return segErr(term.AtomBadarg, s, "size", s.size)
}

// segFloatValue converts a float segment's value.
func segFloatValue(env *term.Env, s *bsSeg) (float64, *bsError) {
	switch {
	case s.val.IsSmall():
		return float64(s.val.Small()), nil
	case env.IsFloat(s.val):
		return env.Float(s.val), nil
	case env.IsBig(s.val):
		f, _ := new(big.Float).SetInt(env.BigInt(s.val)).Float64()
		if math.IsInf(f, 0) {
			return 0, segErr(term.AtomBadarg, s, "no_float", s.val)
		}
		return f, nil
	}
	return 0, segErr(term.AtomBadarg, s, "type", s.val)
}

// checkSeg validates a segment's value (the second pass).
func checkSeg(env *term.Env, s *bsSeg) *bsError {
	switch s.kind {
	case segInteger:
		if !env.IsInteger(s.val) {
			return segErr(term.AtomBadarg, s, "type", s.val)
		}
	case segFloat:
		if s.bits != 16 && s.bits != 32 && s.bits != 64 {
			return segErr(term.AtomBadarg, s, "invalid", s.size)
		}
		if _, err := segFloatValue(env, s); err != nil {
			return err
		}
	case segBinary:
		n, ok := bitSize(env, s.val)
		if !ok {
			return segErr(term.AtomBadarg, s, "type", s.val)
		}
		if s.size == term.AtomAll {
			if s.unit > 1 && n%s.unit != 0 {
				return segErr(term.AtomBadarg, s, "unit", s.val)
			}
		} else if n < s.bits {
			return segErr(term.AtomBadarg, s, "short", s.val)
		}
	case segAppend, segPrivateAppend:
		if s.unit > 1 && s.bits%s.unit != 0 {
			return segErr(term.AtomBadarg, s, "unit", s.val)
		}
	case segUTF8, segUTF16, segUTF32:
		if !s.val.IsSmall() || !validCodePoint(s.val.Small()) {
			return segErr(term.AtomBadarg, s, "type", s.val)
		}
	}
	return nil
}

// writeSeg writes the validated segment s at bit offset off of data.
func writeSeg(env *term.Env, data []byte, off uint64, s *bsSeg) {
	switch s.kind {
	case segInteger:
		if s.val.IsSmall() && s.bits <= 64 {
			writeUint(data, off, uint64(s.val.Small()), uint(s.bits), s.flags)
			return
		}
		z := env.BigInt(s.val)
		if s.bits <= 64 {
			m := new(big.Int).And(z, new(big.Int).SetUint64(math.MaxUint64))
			writeUint(data, off, m.Uint64(), uint(s.bits), s.flags)
			return
		}
		writeBigInt(data, off, z, s.bits, s.flags)
	case segFloat:
		f, _ := segFloatValue(env, s)
		var u uint64
		switch s.bits {
		case 16:
			u = uint64(float16Bits(f))
		case 32:
			u = uint64(math.Float32bits(float32(f)))
		default:
			u = math.Float64bits(f)
		}
		writeUint(data, off, u, uint(s.bits), s.flags)
	case segBinary, segString, segAppend, segPrivateAppend:
		src, so, _ := env.Bits(s.val)
		copyBits(data, off, src, so, s.bits)
	case segUTF8, segUTF16:
		var buf [4]byte
		var b []byte
		if s.kind == segUTF8 {
			b = appendUTF8(buf[:0], s.val.Small())
		} else {
			b = appendUTF16(buf[:0], s.val.Small(), s.flags&bsFlagLittle != 0)
		}
		copyBits(data, off, b, 0, uint64(len(b))*8)
	case segUTF32:
		writeUint(data, off, uint64(s.val.Small()), 32, s.flags)
	}
}

// bsCreateBinSlow runs bs_create_bin segment by segment, checking every
// size and value the way OTP reports failures.
func (p *Process) bsCreateBinSlow(code []uint64, pc int) (int, bool) {
	env := p.env()
	n := createSegs(code[pc+3])
	next := pc + 4 + segWords*n
	var stack [8]bsSeg
	segs := stack[:0]
	if n > len(stack) {
		segs = make([]bsSeg, 0, n)
	}
	var total uint64
	for k := 0; k < n; k++ {
		s := decodeSeg(p, code[pc+4+segWords*k:])
		segs = append(segs, s)
		if err := segBits(env, &segs[k]); err != nil {
			return p.bsFail(code, pc, err)
		}
		total += segs[k].bits
		if total > maxBinBits {
			return p.bsFail(code, pc, segErr(term.AtomSystemLimit, &segs[k], "size", segs[k].size))
		}
	}
	for k := range segs {
		if err := checkSeg(env, &segs[k]); err != nil {
			return p.bsFail(code, pc, err)
		}
	}
	var res term.Term
	if n > 0 && (segs[0].kind == segAppend || segs[0].kind == segPrivateAppend) {
		res = p.appendBits(segs, total)
	} else {
		res = p.buildBits(segs, total)
	}
	p.set(code[pc+2], res)
	return next, true
}

// buildBits makes a fresh bitstring of total bits from segs.
func (p *Process) buildBits(segs []bsSeg, total uint64) term.Term {
	env := p.env()
	nb := (total + 7) / 8
	var bin term.Term
	var data []byte
	if nb <= term.MaxHeapBin {
		bin, data = p.Heap.HeapBinary(int(nb))
		clear(data)
	} else {
		data = make([]byte, nb)
	}
	var off uint64
	for k := range segs {
		writeSeg(env, data, off, &segs[k])
		off += segs[k].bits
	}
	if nb > term.MaxHeapBin {
		bin = p.Heap.RefcBinary(env.Bins, data)
	}
	if total%8 != 0 {
		return p.Heap.SubBinary(bin, 0, total)
	}
	return bin
}

// appendBits runs a bs_create_bin whose first segment is append or
// private_append, extending a writable buffer in place when it can.
func (p *Process) appendBits(segs []bsSeg, total uint64) term.Term {
	env := p.env()
	acc := &segs[0]
	nb := (total + 7) / 8
	if r, ob, ok := p.writableView(acc.val, acc.bits); ok && nb < uint64(cap(ob.Data)) {
		full := ob.Data[:cap(ob.Data)]
		full[len(ob.Data)] = 0 // the pad byte; the bits after the end stay zero
		off := acc.bits
		for k := 1; k < len(segs); k++ {
			writeSeg(env, full, off, &segs[k])
			off += segs[k].bits
		}
		ob.Data = ob.Data[:nb] // same array: only the length changes, no write barrier
		full[nb] = byte(nb*8 - total)
		return p.Heap.SubBinary(r, 0, total)
	}
	if nb <= term.MaxHeapBin {
		return p.buildBits(segs, total)
	}
	c := max(2*nb, minWritable)
	buf := make([]byte, nb, c)
	full := buf[:c]
	var off uint64
	for k := range segs {
		writeSeg(env, full, off, &segs[k])
		off += segs[k].bits
	}
	full[nb] = byte(nb*8 - total)
	return p.newWritable(buf, total)
}

// bsFail handles a construction failure: a jump to the instruction's
// failure label in a guard, otherwise the exception OTP 25 raises, whose
// first stack frame carries error_info for erl_erts_errors.
func (p *Process) bsFail(code []uint64, pc int, e *bsError) (int, bool) {
	if fail := code[pc+1]; fail != 0 {
		return int(fail), true
	}
	h := p.Heap
	cause := h.Tuple(term.MakeSmall(int64(e.num)), p.segType(e.kind), p.Atom(e.what), e.val)
	info := p.newMap([]term.Term{term.AtomCause, term.AtomFunction, term.AtomModule},
		[]term.Term{cause, p.Atom("format_bs_fail"), term.AtomErlErtsErrors})
	ei := h.Tuple(term.AtomErrorInfo, info)
	p.r.excClass, p.r.excReason, p.r.excFrame = term.AtomError, e.reason, term.NoValue
	mod := p.mod // the interpreter keeps it current for bit-syntax instructions
	if mod == nil {
		return 0, false
	}
	fr, ok := mod.funcAt(uint32(pc))
	if !ok {
		return 0, false
	}
	var items []term.Term
	loc := p.location(mod, uint32(pc))
	for loc.IsList() {
		items = append(items, p.env().Hd(loc))
		loc = p.env().Tl(loc)
	}
	items = append(items, ei)
	p.r.excFrame = h.Tuple(mod.Name, fr.name, term.MakeSmall(int64(fr.arity)), h.List(items...))
	p.r.noFaultLoc = true
	return 0, false
}

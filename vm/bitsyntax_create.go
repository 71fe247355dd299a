package vm

import (
	"unsafe"

	"github.com/beamr/beamr/term"
)

// The fast path of bs_create_bin. Nearly every construction has valid
// segments whose values are small integers and bitstrings; such an
// instruction runs straight from its code words, without decoding segments
// into structures: an append to a writable buffer checks and writes each
// segment in one pass, anything else sizes the segments first, allocates,
// then writes them. Everything else — bignums, and every error — goes to
// bsCreateBinSlow, which checks segment by segment and reports the first
// failure as OTP does. The fast path takes an instruction only when the slow
// path would succeed with the same result, so the two never disagree.

// bsCreateBin runs bs_create_bin: Fail Dst N Segments (N segments of
// segWords words).
// The word after a bs_create_bin's destination holds its number of
// segments (low 32 bits) and its live x register count (high 32 bits).
func createSegs(w uint64) int { return int(w & 0xFFFFFFFF) }
func createLive(w uint64) int { return int(w >> 32) }

// createNeed is the room bs_create_bin asks of the heap before it builds:
// enough for a binary's object and a sub-binary, or a short heap binary.
// A larger result is allocated past it (and collected at the next
// collection point).
const createNeed = 16

func (p *Process) bsCreateBin(code []uint64, pc int) (int, bool) {
	base := unsafe.Pointer(unsafe.SliceData(code)) // operands: see bits
	first := pc + 4
	nl := cw(base, pc+3)
	next := first + segWords*createSegs(nl)
	// As in OTP, the instruction is a collection point with its Live x
	// registers (which, with y registers and literals, hold every
	// segment's value): a loop that only builds binaries collects too.
	p.Heap.Need(createNeed, createLive(nl))
	appending := false
	if next > first {
		k := cw(base, first) & 0xFF
		appending = k == segAppend || k == segPrivateAppend
		if appending {
			if res, ok := p.appendInPlace(code, first, next); ok {
				p.set(cw(base, pc+2), res)
				return next, true
			}
		}
	}
	var total uint64
	for s := first; s < next; s += segWords {
		bits, ok := p.segBitsFast(code, s)
		if !ok {
			return p.bsCreateBinSlow(code, pc)
		}
		total += bits
	}
	if total > maxBinBits {
		return p.bsCreateBinSlow(code, pc)
	}
	var res term.Term
	if appending {
		res = p.appendCopy(code, first, next, total)
	} else {
		res = p.buildFast(code, first, next, total)
	}
	p.set(cw(base, pc+2), res)
	return next, true
}

// segBitsFast returns the size in bits of the segment at code[s] when it
// is valid and holds no bignum; ok false sends the instruction to the slow
// path.
func (p *Process) segBitsFast(code []uint64, s int) (uint64, bool) {
	base := unsafe.Pointer(unsafe.SliceData(code))
	w := cw(base, s)
	unit := w >> 16 & 0xFFFF
	switch w & 0xFF {
	case segInteger:
		v, sz := p.get(cw(base, s+1)), p.get(cw(base, s+2))
		if !v.IsSmall() || !sz.IsSmall() || uint64(sz.Small()) > 64 {
			return 0, false
		}
		bits := uint64(sz.Small()) * unit
		return bits, bits <= 64
	case segAppend, segPrivateAppend:
		have, ok := bitSize(p.env(), p.get(cw(base, s+1)))
		return have, ok && (unit <= 1 || multipleOf(have, unit))
	case segBinary:
		have, ok := bitSize(p.env(), p.get(cw(base, s+1)))
		if !ok {
			return 0, false
		}
		sz := p.get(cw(base, s+2))
		if sz == term.AtomAll {
			return have, unit <= 1 || multipleOf(have, unit)
		}
		if !sz.IsSmall() || sz.Small() < 0 || (unit != 0 && uint64(sz.Small()) > maxBinBits/unit) {
			return 0, false
		}
		bits := uint64(sz.Small()) * unit
		return bits, bits <= have
	case segString:
		return uint64(term.Term(cw(base, s+2)).Small()) * unit, true
	case segFloat:
		v, sz := p.get(cw(base, s+1)), p.get(cw(base, s+2))
		if !sz.IsSmall() || uint64(sz.Small()) > 64 || !(v.IsSmall() || p.env().IsFloat(v)) {
			return 0, false
		}
		bits := uint64(sz.Small()) * unit
		return bits, bits == 64 || bits == 32 || bits == 16
	case segUTF8:
		v := p.get(cw(base, s+1))
		if !v.IsSmall() || !validCodePoint(v.Small()) {
			return 0, false
		}
		return 8 * uint64(utf8Len(v.Small())), true
	case segUTF16:
		v := p.get(cw(base, s+1))
		if !v.IsSmall() || !validCodePoint(v.Small()) {
			return 0, false
		}
		if v.Small() >= 0x10000 {
			return 32, true
		}
		return 16, true
	case segUTF32:
		v := p.get(cw(base, s+1))
		return 32, v.IsSmall() && validCodePoint(v.Small())
	}
	return 0, false
}

// writeSegs checks and writes the segments in code[from:to] at bit offset
// off of data, stopping short of bit limit; it returns the offset after
// them, or false when a segment needs the slow path or does not fit. Every
// bit from off to the returned offset is written; bits after it in the last
// byte are left as they are. On failure the offset returned is where the
// segments written so far end.
func (p *Process) writeSegs(data []byte, off uint64, code []uint64, from, to int, limit uint64) (uint64, bool) {
	base := unsafe.Pointer(unsafe.SliceData(code))
	env := p.env()
	for s := from; s < to; s += segWords {
		w := cw(base, s)
		switch w & 0xFF {
		case segInteger:
			v, sz := p.get(cw(base, s+1)), p.get(cw(base, s+2))
			if !v.IsSmall() || !sz.IsSmall() || uint64(sz.Small()) > 64 {
				return off, false
			}
			bits := uint64(sz.Small()) * (w >> 16 & 0xFFFF)
			if bits > 64 || bits > limit-off {
				return off, false
			}
			u := uint64(v.Small())
			if off&7 == 0 && w&(bsFlagLittle<<8) == 0 {
				i := off >> 3
				switch bits {
				case 8:
					data[i] = byte(u)
				case 16:
					b := data[i : i+2 : i+2]
					b[0], b[1] = byte(u>>8), byte(u)
				case 32:
					b := data[i : i+4 : i+4]
					b[0], b[1], b[2], b[3] = byte(u>>24), byte(u>>16), byte(u>>8), byte(u)
				default:
					writeBits(data, off, u, uint(bits))
				}
			} else {
				writeUint(data, off, u, uint(bits), w>>8&0xFF)
			}
			off += bits
		case segBinary, segAppend, segPrivateAppend, segString:
			bits, ok := p.segBitsFast(code, s)
			if !ok || bits > limit-off {
				return off, false
			}
			src, so, _ := env.Bits(p.get(cw(base, s+1)))
			if (off|so|bits)&7 == 0 {
				copy(data[off>>3:], src[so>>3:(so+bits)>>3])
			} else {
				copyBits(data, off, src, so, bits)
			}
			off += bits
		default:
			bits, ok := p.segBitsFast(code, s)
			if !ok || bits > limit-off {
				return off, false
			}
			seg := decodeSeg(p, code[s:s+segWords])
			seg.bits = bits
			writeSeg(env, data, off, &seg)
			off += bits
		}
	}
	return off, true
}

// buildFast makes a fresh bitstring of total bits from the segments in
// code[from:to], which bsCreateBin checked.
func (p *Process) buildFast(code []uint64, from, to int, total uint64) term.Term {
	nb := (total + 7) / 8
	if nb <= term.MaxHeapBin {
		bin, data := p.Heap.HeapBinary(int(nb))
		if total&7 != 0 {
			data[nb-1] = 0 // the bits after the end
		}
		p.writeSegs(data, 0, code, from, to, total)
		if total&7 != 0 {
			return p.Heap.SubBinary(bin, 0, total)
		}
		return bin
	}
	data := make([]byte, nb)
	p.writeSegs(data, 0, code, from, to, total)
	bin := p.Heap.RefcBinary(p.env().Bins, data)
	if total&7 != 0 {
		return p.Heap.SubBinary(bin, 0, total)
	}
	return bin
}

// appendInPlace runs a bs_create_bin whose first segment (at code[from])
// is append or private_append to a writable buffer (see writableView) with
// room for the result: the other segments are checked and written past the
// buffer's used part, which no view covers, and committed only when all of
// them fit. ok is false when the instruction must take another path; the
// buffer is then as it was.
func (p *Process) appendInPlace(code []uint64, from, to int) (term.Term, bool) {
	env := p.env()
	acc := p.get(code[from+1])
	accBits, ok := bitSize(env, acc)
	if !ok {
		return 0, false
	}
	if unit := code[from] >> 16 & 0xFFFF; unit > 1 && !multipleOf(accBits, unit) {
		return 0, false
	}
	r, ob, ok := p.writableView(acc, accBits)
	if !ok {
		return 0, false
	}
	c := uint64(cap(ob.Data))
	full := ob.Data[:c]
	used := uint64(len(ob.Data))
	// Every bit of the buffer after accBits is zero but the pad byte's;
	// zeroing it keeps the bits after the result's end zero.
	pad := full[used]
	full[used] = 0
	total, ok := p.writeSegs(full, accBits, code, from+segWords, to, (c-1)*8)
	if !ok || total > maxBinBits {
		// Put the buffer back as it was.
		if accBits&7 != 0 {
			full[accBits>>3] &^= 0xFF >> (accBits & 7)
		}
		clear(full[(accBits+7)>>3 : (total+7)>>3])
		full[used] = pad
		return 0, false
	}
	nb := (total + 7) / 8
	ob.Data = ob.Data[:nb] // same array: only the length changes, no write barrier
	full[nb] = byte(nb*8 - total)
	return p.Heap.SubBinary(r, 0, total), true
}

// appendCopy runs a bs_create_bin of total bits whose first segment (at
// code[from]) is append or private_append to a bitstring that cannot be
// extended in place: the result is a heap binary when it is small, else a
// new writable buffer with room to grow.
func (p *Process) appendCopy(code []uint64, from, to int, total uint64) term.Term {
	nb := (total + 7) / 8
	if nb <= term.MaxHeapBin {
		return p.buildFast(code, from, to, total)
	}
	c := max(2*nb, minWritable)
	buf := make([]byte, nb, c)
	full := buf[:c]
	p.writeSegs(full, 0, code, from, to, total)
	full[nb] = byte(nb*8 - total)
	return p.newWritable(buf, total)
}

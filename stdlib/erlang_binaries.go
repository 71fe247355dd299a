package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Binary and iolist BIFs.

func registerErlangBinaries(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"binary_to_list", 1, eBinaryToList1},
		{"binary_to_list", 3, eBinaryToList3},
		{"bitstring_to_list", 1, eBitstringToList},
		{"list_to_binary", 1, eListToBinary},
		{"list_to_bitstring", 1, eListToBitstring},
		{"iolist_to_binary", 1, eIolistToBinary},
		{"iolist_size", 1, eIolistSize},
		{"iolist_to_iovec", 1, eIolistToIovec},
		{"byte_size", 1, eByteSize},
		{"bit_size", 1, eBitSize},
		{"binary_part", 2, eBinaryPart2},
		{"binary_part", 3, eBinaryPart3},
		{"split_binary", 2, eSplitBinary},
	})
}

// erlIoWalk visits the bytes and bitstrings of a deep list (an iolist, or with
// bits set a bitstring list) in order, calling byteFn for each byte element
// and binFn for each bitstring. Without bits, bitstrings that are not whole
// bytes are refused. It walks without recursion and reports whether t had
// the right shape. A bare bitstring is accepted only when top is set.
func erlIoWalk(env *term.Env, t term.Term, top, bits bool, byteFn func(byte), binFn func(term.Term)) bool {
	if !t.IsList() && t != term.Nil {
		if !top || !env.IsBitstring(t) {
			return false
		}
		if !bits && !env.IsBinary(t) {
			return false
		}
		binFn(t)
		return true
	}
	var stack []term.Term // tails still to visit
	for {
		switch {
		case t.IsList():
			h := env.Hd(t)
			switch {
			case h.IsSmall():
				if v := h.Small(); v < 0 || v > 255 {
					return false
				}
				byteFn(byte(h.Small()))
			case h.IsList() || h == term.Nil:
				stack = append(stack, env.Tl(t))
				t = h
				continue
			case env.IsBitstring(h):
				if !bits && !env.IsBinary(h) {
					return false
				}
				binFn(h)
			default:
				return false
			}
			t = env.Tl(t)
		case t == term.Nil:
			if len(stack) == 0 {
				return true
			}
			t = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
		case env.IsBitstring(t):
			// A bitstring may end a list.
			if !bits && !env.IsBinary(t) {
				return false
			}
			binFn(t)
			t = term.Nil
		default:
			return false
		}
	}
}

// erlIoBytes flattens iodata (an iolist, or a binary when top is set).
func erlIoBytes(env *term.Env, t term.Term, top bool) ([]byte, bool) {
	var out []byte
	ok := erlIoWalk(env, t, top, false, func(b byte) { out = append(out, b) }, func(bin term.Term) {
		d, _ := env.Bytes(bin)
		out = append(out, d...)
	})
	return out, ok
}

func eBinaryToList1(p *vm.Process, a []term.Term) term.Term {
	b, ok := p.Env().Bytes(a[0])
	if !ok {
		return p.BadArg()
	}
	return erlByteList(p, b, term.Nil)
}

// erlWholeBytes returns the whole bytes of bitstring t (its trailing bits
// excluded).
func erlWholeBytes(env *term.Env, t term.Term) ([]byte, bool) {
	if !env.IsBitstring(t) {
		return nil, false
	}
	d, off, size := env.Bits(t)
	n := size / 8
	if off%8 == 0 {
		return d[off/8 : off/8+n], true
	}
	out := make([]byte, n)
	term.CopyBits(out, 0, d, off, n*8)
	return out, true
}

// eBinaryToList3 is binary_to_list(Bin, Start, Stop), 1 <= Start <= Stop <=
// byte_size (whole bytes).
func eBinaryToList3(p *vm.Process, a []term.Term) term.Term {
	b, ok := erlWholeBytes(p.Env(), a[0])
	start, ok1 := erlSmallNonNeg(a[1])
	stop, ok2 := erlSmallNonNeg(a[2])
	if !ok || !ok1 || !ok2 || start < 1 || start > stop || stop > int64(len(b)) {
		return p.BadArg()
	}
	return erlByteList(p, b[start-1:stop], term.Nil)
}

func eBitstringToList(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	b, ok := erlWholeBytes(env, a[0])
	if !ok {
		return p.BadArg()
	}
	_, _, size := env.Bits(a[0])
	tail := term.Nil
	if rest := size % 8; rest != 0 {
		tail = p.Heap.Cons(erlSubBits(p, a[0], size-rest, rest), term.Nil)
	}
	return erlByteList(p, b, tail)
}

func eListToBinary(p *vm.Process, a []term.Term) term.Term {
	b, ok := erlIoBytes(p.Env(), a[0], false)
	if !ok {
		return p.BadArg()
	}
	return erlOwnedBinary(p, b)
}

func eIolistToBinary(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if env.IsBinary(a[0]) {
		return a[0]
	}
	b, ok := erlIoBytes(env, a[0], false)
	if !ok {
		return p.BadArg()
	}
	return erlOwnedBinary(p, b)
}

// eListToBitstring is list_to_bitstring(BitstringList): the bitstrings of
// the list concatenated, whatever their bit sizes.
func eListToBitstring(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	var out []byte
	var nbits uint64
	ok := erlIoWalk(env, a[0], false, true, func(b byte) {
		if nbits%8 == 0 {
			out = append(out, b)
		} else {
			out = append(out, 0)
			term.CopyBits(out, nbits, []byte{b}, 0, 8)
		}
		nbits += 8
	}, func(bin term.Term) {
		d, off, size := env.Bits(bin)
		need := (nbits + size + 7) / 8
		for uint64(len(out)) < need {
			out = append(out, 0)
		}
		term.CopyBits(out, nbits, d, off, size)
		nbits += size
	})
	if !ok {
		return p.BadArg()
	}
	if nbits%8 == 0 {
		return erlOwnedBinary(p, out)
	}
	whole := erlOwnedBinary(p, out)
	return erlSubBits(p, whole, 0, nbits)
}

func eIolistSize(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	var n int64
	ok := erlIoWalk(env, a[0], true, false, func(byte) { n++ }, func(bin term.Term) {
		_, _, size := env.Bits(bin)
		n += int64(size / 8)
	})
	if !ok {
		return p.BadArg()
	}
	return p.Heap.Int(n)
}

// erlIovecLarge is the size from which iolist_to_iovec refers to a binary
// instead of copying it.
const erlIovecLarge = 256

// eIolistToIovec is iolist_to_iovec(IoListOrBinary): a list of binaries
// with the same bytes. As in OTP, bytes and binaries under 256 bytes are
// copied into a buffer; a larger binary met with an empty buffer (or one of
// 256 bytes or more) becomes an element of its own; met with a shorter
// buffer, it first tops the buffer up to 256 bytes, and its remainder is
// copied too when shorter than 256 bytes, else kept as an element.
func eIolistToIovec(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	var out []term.Term
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			out = append(out, erlOwnedBinary(p, cur))
			cur = nil
		}
	}
	ok := erlIoWalk(env, a[0], true, false, func(b byte) { cur = append(cur, b) }, func(bin term.Term) {
		d, _ := env.Bytes(bin)
		n := len(d)
		switch {
		case n < erlIovecLarge:
			cur = append(cur, d...)
		case len(cur) == 0 || len(cur) >= erlIovecLarge:
			flush()
			out = append(out, bin)
		default:
			k := erlIovecLarge - len(cur)
			if n-k < erlIovecLarge {
				cur = append(cur, d...)
				return
			}
			cur = append(cur, d[:k]...)
			flush()
			out = append(out, erlSubBits(p, bin, uint64(k)*8, uint64(n-k)*8))
		}
	})
	if !ok {
		return p.BadArg()
	}
	flush()
	return p.Heap.List(out...)
}

func eByteSize(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !env.IsBitstring(a[0]) {
		return p.BadArg()
	}
	_, _, size := env.Bits(a[0])
	return term.MakeSmall(int64((size + 7) / 8))
}

func eBitSize(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !env.IsBitstring(a[0]) {
		return p.BadArg()
	}
	_, _, size := env.Bits(a[0])
	return p.Heap.Uint(size)
}

// erlBinaryPart returns the bytes [start, start+length) of t, where a negative
// length counts backwards from start; the range must lie within t's whole
// bytes.
func erlBinaryPart(p *vm.Process, t, start, length term.Term) term.Term {
	env := p.Env()
	if !env.IsBitstring(t) || !start.IsSmall() || !length.IsSmall() {
		return p.BadArg()
	}
	_, _, size := env.Bits(t)
	nbytes := int64(size / 8)
	s, l := start.Small(), length.Small()
	if l < 0 {
		s, l = s+l, -l
	}
	if s < 0 || s > nbytes || l > nbytes-s {
		return p.BadArg()
	}
	return erlSubBits(p, t, uint64(s)*8, uint64(l)*8)
}

func eBinaryPart2(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	pl := a[1]
	if !env.IsTuple(pl) || env.TupleArity(pl) != 2 {
		return p.BadArg()
	}
	return erlBinaryPart(p, a[0], env.Elem(pl, 0), env.Elem(pl, 1))
}

func eBinaryPart3(p *vm.Process, a []term.Term) term.Term {
	return erlBinaryPart(p, a[0], a[1], a[2])
}

// eSplitBinary is split_binary(Bin, Pos): the first Pos bytes and the rest
// (which keeps any trailing bits).
func eSplitBinary(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[0]
	pos, ok := erlSmallNonNeg(a[1])
	if !env.IsBitstring(t) || !ok {
		return p.BadArg()
	}
	_, _, size := env.Bits(t)
	if uint64(pos) > size/8 {
		return p.BadArg()
	}
	at := uint64(pos) * 8
	first := erlSubBits(p, t, 0, at)
	rest := erlSubBits(p, t, at, size-at)
	return p.Heap.Tuple(first, rest)
}

package stdlib

import (
	"crypto/md5"
	"hash"
	"hash/crc32"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Checksums of iodata: md5/1, md5_init/0, md5_update/2, md5_final/1,
// crc32/1,2, adler32/1,2 and the combining functions crc32_combine/3 and
// adler32_combine/3.

func registerErlangChecksums(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"md5", 1, eMd5},
		{"md5_init", 0, eMd5Init},
		{"md5_update", 2, eMd5Update},
		{"md5_final", 1, eMd5Final},
		{"crc32", 1, func(p *vm.Process, a []term.Term) term.Term { return erlCrc32(p, term.MakeSmall(0), a[0]) }},
		{"crc32", 2, func(p *vm.Process, a []term.Term) term.Term { return erlCrc32(p, a[0], a[1]) }},
		{"adler32", 1, func(p *vm.Process, a []term.Term) term.Term { return erlAdler32(p, term.MakeSmall(1), a[0]) }},
		{"adler32", 2, func(p *vm.Process, a []term.Term) term.Term { return erlAdler32(p, a[0], a[1]) }},
		{"crc32_combine", 3, eCrc32Combine},
		{"adler32_combine", 3, eAdler32Combine},
	})
}

func eMd5(p *vm.Process, a []term.Term) term.Term {
	b, ok := erlIoBytes(p.Env(), a[0], true)
	if !ok {
		return p.BadArg()
	}
	sum := md5.Sum(b)
	return erlBinary(p, sum[:])
}

// An MD5 context is a binary holding the state of Go's MD5 (as its
// MarshalBinary writes it): opaque, like OTP's, and of the same size.

// erlMd5Context returns the MD5 state held in binary t.
func erlMd5Context(env *term.Env, t term.Term) (hash.Hash, bool) {
	b, ok := env.Bytes(t)
	if !ok {
		return nil, false
	}
	h := md5.New()
	if err := h.(interface{ UnmarshalBinary([]byte) error }).UnmarshalBinary(b); err != nil {
		return nil, false
	}
	return h, true
}

// erlMd5Binary returns the state of h as a context binary.
func erlMd5Binary(p *vm.Process, h hash.Hash) term.Term {
	b, err := h.(interface{ MarshalBinary() ([]byte, error) }).MarshalBinary()
	if err != nil {
		return p.BadArg()
	}
	return erlOwnedBinary(p, b)
}

func eMd5Init(p *vm.Process, _ []term.Term) term.Term { return erlMd5Binary(p, md5.New()) }

func eMd5Update(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	h, ok1 := erlMd5Context(env, a[0])
	b, ok2 := erlIoBytes(env, a[1], true)
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	h.Write(b)
	return erlMd5Binary(p, h)
}

func eMd5Final(p *vm.Process, a []term.Term) term.Term {
	h, ok := erlMd5Context(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	return erlBinary(p, h.Sum(nil))
}

// erlChecksumSeed returns a previous checksum, an integer 0..2^32-1.
func erlChecksumSeed(t term.Term) (uint32, bool) {
	if !t.IsSmall() || t.Small() < 0 || t.Small() > 1<<32-1 {
		return 0, false
	}
	return uint32(t.Small()), true
}

func erlCrc32(p *vm.Process, seed, data term.Term) term.Term {
	old, ok1 := erlChecksumSeed(seed)
	b, ok2 := erlIoBytes(p.Env(), data, true)
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	return term.MakeSmall(int64(crc32.Update(old, crc32.IEEETable, b)))
}

// erlAdlerMod is the modulus of Adler-32.
const erlAdlerMod = 65521

func erlAdler32(p *vm.Process, seed, data term.Term) term.Term {
	old, ok1 := erlChecksumSeed(seed)
	b, ok2 := erlIoBytes(p.Env(), data, true)
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	s1, s2 := old&0xffff, old>>16
	for len(b) > 0 {
		// 5552 bytes is the longest run whose sums cannot overflow 32 bits.
		n := min(len(b), 5552)
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= erlAdlerMod
		s2 %= erlAdlerMod
		b = b[n:]
	}
	s1 %= erlAdlerMod
	s2 %= erlAdlerMod
	return term.MakeSmall(int64(s2<<16 | s1))
}

// erlCombineArgs returns the two checksums and the second length of a
// combining function, all integers 0..2^32-1.
func erlCombineArgs(a []term.Term) (c1, c2, n uint32, ok bool) {
	c1, ok1 := erlChecksumSeed(a[0])
	c2, ok2 := erlChecksumSeed(a[1])
	n, ok3 := erlChecksumSeed(a[2])
	return c1, c2, n, ok1 && ok2 && ok3
}

// erlCrcPoly is the CRC-32 polynomial, bit-reversed: bit 31 holds the
// coefficient of x^0.
const erlCrcPoly = 0xEDB88320

// erlCrcMulMod multiplies two polynomials over GF(2) modulo the CRC-32
// polynomial, both in the bit-reversed representation.
func erlCrcMulMod(a, b uint32) uint32 {
	var r uint32
	for i := 31; i >= 0; i-- {
		if a>>uint(i)&1 != 0 {
			r ^= b
		}
		// b *= x
		if b&1 != 0 {
			b = b>>1 ^ erlCrcPoly
		} else {
			b >>= 1
		}
	}
	return r
}

// eCrc32Combine is crc32_combine(CRC1, CRC2, Size2): the CRC of the
// concatenation of data with CRC1 and data of Size2 bytes with CRC2. The
// CRC of the first part, shifted over Size2 zero bytes, is x^(8*Size2)
// times it modulo the polynomial.
func eCrc32Combine(p *vm.Process, a []term.Term) term.Term {
	c1, c2, n, ok := erlCombineArgs(a)
	if !ok {
		return p.BadArg()
	}
	pow := uint32(1) << 31  // x^0
	base := uint32(1) << 30 // x^1
	for e := uint64(n) * 8; e > 0; e >>= 1 {
		if e&1 != 0 {
			pow = erlCrcMulMod(pow, base)
		}
		base = erlCrcMulMod(base, base)
	}
	return term.MakeSmall(int64(erlCrcMulMod(pow, c1) ^ c2))
}

// eAdler32Combine is adler32_combine(Adler1, Adler2, Size2). With the sums
// (a1, b1) of the first part and (a2, b2) of the second (started from 1),
// the whole has a = a1 + a2 - 1 and b = b1 + b2 + Size2*(a1 - 1).
func eAdler32Combine(p *vm.Process, a []term.Term) term.Term {
	x, y, n, ok := erlCombineArgs(a)
	if !ok {
		return p.BadArg()
	}
	const m = erlAdlerMod
	a1, b1 := uint64(x&0xffff)%m, uint64(x>>16)%m
	a2, b2 := uint64(y&0xffff)%m, uint64(y>>16)%m
	rem := uint64(n) % m
	s1 := (a1 + a2 + m - 1) % m
	s2 := (b1 + b2 + rem*((a1+m-1)%m)) % m
	return term.MakeSmall(int64(s2<<16 | s1))
}

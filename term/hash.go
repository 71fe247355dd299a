package term

import (
	"encoding/binary"
	"math"
)

// Phash2 returns erlang:phash2(t): a portable 27-bit hash equal to what OTP 25
// computes for the same term (0 <= result < 2^27).
//
// Pids, ports and references hash by their local numbers as OTP hashes
// internal ones (pid number, port number, first reference word); funs hash
// by module, FunT index, old uniq and captured variables, external funs by
// module, function and arity. Hashing never recurses in Go: arbitrarily long
// or deep terms are safe.
func Phash2(e *Env, t Term) uint32 { return hashMake2(e, t) & (1<<27 - 1) }

// Phash2Range returns erlang:phash2(t, rng): the full 32-bit hash reduced to
// 0 <= result < rng. rng == 0 stands for 2^32 (the largest range OTP accepts)
// and returns the full 32-bit hash.
func Phash2Range(e *Env, t Term, rng uint32) uint32 {
	h := hashMake2(e, t)
	if rng == 0 {
		return h
	}
	return h % rng
}

// Phash returns erlang:phash(t, rng), the older portable hash, in 1..rng.
// rng == 0 stands for 2^32; the result can then be 2^32, hence uint64.
func Phash(e *Env, t Term, rng uint32) uint64 {
	h := hashMake1(e, t)
	if rng == 0 {
		return uint64(h) + 1
	}
	return uint64(h%rng) + 1
}

// AtomHash returns the hash OTP keeps for an atom name: the ELF (hashpjw)
// hash of its UTF-8 bytes, where a two-byte sequence encoding a code point
// below 256 counts as that one latin-1 byte.
func AtomHash(name string) uint32 {
	var h uint32
	for i := 0; i < len(name); i++ {
		v := name[i]
		if i+1 < len(name) && v&0xFE == 0xC2 && name[i+1]&0xC0 == 0x80 {
			v = v<<6 | name[i+1]&0x3F
			i++
		}
		h = h<<4 + uint32(v)
		if g := h & 0xF0000000; g != 0 {
			h ^= g >> 24
			h ^= g
		}
	}
	return h
}

// Multiples of the golden-ratio constant used to salt each kind of term in
// phash2 (hGold * k mod 2^32).
const (
	hGold   uint32 = 0x9e3779b9
	hGold2  uint32 = 0x3c6ef372
	hGold3  uint32 = 0xdaa66d2b
	hGold4  uint32 = 0x78dde6e4
	hGold5  uint32 = 0x1715609d
	hGold6  uint32 = 0xb54cda56
	hGold7  uint32 = 0x5384540f
	hGold8  uint32 = 0xf1bbcdc8
	hGold9  uint32 = 0x8ff34781
	hGold10 uint32 = 0x2e2ac13a
	hGold11 uint32 = 0xcc623af3
	hGold12 uint32 = 0x6a99b4ac
	hGold13 uint32 = 0x08d12e65
	hGold14 uint32 = 0xa708a81e
	hGold15 uint32 = 0x454021d7
	hGold16 uint32 = 0xe3779b90
	hGold19 uint32 = 0xbe1e08bb
)

// hashNil2 is phash2's value for [] hashed first.
const hashNil2 uint32 = 3468870702

// hashNilTag is the type number OTP mixes in for [] met after other data.
const hashNilTag uint32 = 2

// hashMix3 is Bob Jenkins' 96-bit mixing step (lookup2).
func hashMix3(a, b, c uint32) (uint32, uint32, uint32) {
	a -= b + c
	a ^= c >> 13
	b -= c + a
	b ^= a << 8
	c -= a + b
	c ^= b >> 13
	a -= b + c
	a ^= c >> 12
	b -= c + a
	b ^= a << 16
	c -= a + b
	c ^= b >> 5
	a -= b + c
	a ^= c >> 3
	b -= c + a
	b ^= a << 10
	c -= a + b
	c ^= b >> 15
	return a, b, c
}

// hashMixPair mixes two 32-bit values, each salted with k, into h.
func hashMixPair(h, x, y, k uint32) uint32 {
	_, _, h = hashMix3(k+x, k+y, h)
	return h
}

// hashBlock is Jenkins' lookup2 hash of k seeded with init.
func hashBlock(k []byte, init uint32) uint32 {
	a, b, c := hGold, hGold, init
	n := len(k)
	for len(k) >= 12 {
		a += binary.LittleEndian.Uint32(k)
		b += binary.LittleEndian.Uint32(k[4:])
		c += binary.LittleEndian.Uint32(k[8:])
		a, b, c = hashMix3(a, b, c)
		k = k[12:]
	}
	c += uint32(n)
	// Remaining bytes: 0..3 into a, 4..7 into b, 8..10 into c above its low
	// byte (which holds the length).
	for i, v := range k {
		switch {
		case i < 4:
			a += uint32(v) << (8 * i)
		case i < 8:
			b += uint32(v) << (8 * (i - 4))
		default:
			c += uint32(v) << (8 * (i - 7))
		}
	}
	_, _, c = hashMix3(a, b, c)
	return c
}

// Work items of hashMake2's explicit stack.
const (
	h2Term    = iota // hash t
	h2Words          // hash n consecutive words at index i, in order
	h2MapKV          // hash pairs j..n-1 of map t
	h2MapPair        // end of a key-value pair: fold it into the xor
	h2MapTail        // end of a map: restore the saved state
)

type h2Item struct {
	kind   uint8
	t      Term
	i, n   uint64
	h, xor uint32 // saved state for h2MapTail
}

// hashMake2 computes the full 32-bit hash behind phash2 (make_hash2 in OTP).
func hashMake2(e *Env, t Term) uint32 {
	switch {
	case t.IsSmall():
		return hashSmall2(0, t.Small())
	case t.IsAtom():
		return AtomHash(e.AtomName(t))
	}
	var (
		hash, xor uint32
		buf       [8]h2Item
	)
	stack := buf[:0]
	for {
		// Hash t into hash; leave the loop body with `continue` to go on
		// with a new t, or fall through to take the next pending item.
		switch t & 3 {
		case TagList:
			// Runs of bytes (0..255) are packed four to a word.
			var sh uint32
			c := 0
			p := t
			for {
				hd := e.Hd(p)
				if !hd.IsSmall() || uint64(hd.Small()) > 255 {
					break
				}
				sh = sh<<8 + uint32(hd.Small())
				if c == 3 {
					hash = hashMixPair(hash, sh, 0, hGold4)
					c, sh = 0, 0
				} else {
					c++
				}
				t = e.Tl(p)
				if !t.IsList() {
					break
				}
				p = t
			}
			if c > 0 {
				hash = hashMixPair(hash, sh, 0, hGold4)
			}
			if t.IsList() {
				stack = append(stack, h2Item{kind: h2Term, t: e.Tl(p)})
				t = e.Hd(p)
			}
			continue
		case TagBoxed:
			i := t.Index()
			hdr := Term(e.W[i])
			switch hdr.HeaderSub() {
			case SubTuple:
				n := uint64(hdr.HeaderArity())
				hash = hashMixPair(hash, uint32(n), 0, hGold9)
				if n > 0 {
					stack = append(stack, h2Item{kind: h2Words, i: i + 1, n: n})
				}
			case SubMap:
				n := e.W[i+1]
				hash = hashMixPair(hash, uint32(n), 0, hGold16)
				if n > 0 {
					// Each key-value pair is hashed from zero and the pair
					// hashes are xor-ed, so key order does not matter.
					stack = append(stack,
						h2Item{kind: h2MapTail, h: hash, xor: xor},
						h2Item{kind: h2MapKV, t: t, i: 0, n: n})
					hash, xor = 0, 0
				}
			case SubNativeRecord:
				hash, stack = hashRecord2(e, t, hash, stack)
			case SubPosBig, SubNegBig:
				k := hGold11
				if hdr.HeaderSub() == SubNegBig {
					k = hGold10
				}
				for j := uint64(1); j <= uint64(hdr.HeaderArity()); j++ {
					d := e.W[i+j]
					hash = hashMixPair(hash, uint32(d), uint32(d>>32), k)
				}
			case SubFloat:
				f := math.Float64frombits(e.W[i+1])
				if f == 0 {
					f = 0 // -0.0 hashes as 0.0
				}
				bits := math.Float64bits(f)
				hash = hashMixPair(hash, uint32(bits>>32), uint32(bits), hGold12)
			case SubHeapBin, SubRefcBin, SubSubBin:
				hash = hashBits2(e, t, hash)
			case SubFun:
				nfree := uint64(e.FunNumFree(t))
				hash = hashMixPair(hash, uint32(nfree), AtomHash(e.AtomName(e.FunModule(t))), hGold)
				hash = hashMixPair(hash, e.FunIndex(t), e.FunUniq(t), hGold)
				if nfree > 0 {
					stack = append(stack, h2Item{kind: h2Words, i: i + FunHeaderWords, n: nfree})
				}
			case SubExport:
				m, f, a := e.ExportMFA(t)
				hash = hashMixPair(hash, uint32(a), AtomHash(e.AtomName(m)), hGold)
				hash = hashMixPair(hash, AtomHash(e.AtomName(f)), 0, hGold14)
			case SubRef:
				hash = hashMixPair(hash, uint32(e.W[i+1]), 0, hGold7)
			case SubResource:
				hash = hashMixPair(hash, uint32(e.PortNum(t)), 0, hGold6)
			default:
				hash = hashMixPair(hash, uint32(hdr), 0, hGold8)
			}
		case TagImmed:
			switch {
			case t.IsSmall():
				hash = hashSmall2(hash, t.Small())
			case t.IsAtom():
				ah := AtomHash(e.AtomName(t))
				if hash == 0 {
					hash = ah
				} else {
					hash = hashMixPair(hash, ah, 0, hGold3)
				}
			case t == Nil:
				if hash == 0 {
					hash = hashNil2
				} else {
					hash = hashMixPair(hash, hashNilTag, 0, hGold2)
				}
			case t.IsPid():
				hash = hashMixPair(hash, uint32(t.PidNumber()), 0, hGold5)
			case t.IsPort():
				hash = hashMixPair(hash, uint32(t.PortNumber()), 0, hGold6)
			}
		}

		// Take the next pending term.
	next:
		for {
			n := len(stack)
			if n == 0 {
				return hash
			}
			it := &stack[n-1]
			switch it.kind {
			case h2Term:
				t = it.t
				stack = stack[:n-1]
				break next
			case h2Words:
				t = Term(e.W[it.i])
				if it.n == 1 {
					stack = stack[:n-1]
				} else {
					it.i, it.n = it.i+1, it.n-1
				}
				break next
			case h2MapKV:
				m, j := it.t, it.i
				size := it.n
				if j+1 == size {
					stack = stack[:n-1]
				} else {
					it.i = j + 1
				}
				stack = append(stack,
					h2Item{kind: h2MapPair},
					h2Item{kind: h2Term, t: e.MapValue(m, int(j))})
				t = e.MapKey(m, int(j))
				break next
			case h2MapPair:
				xor ^= hash
				hash = 0
				stack = stack[:n-1]
			case h2MapTail:
				hash = hashMixPair(it.h, xor, 0, hGold19)
				xor = it.xor
				stack = stack[:n-1]
			}
		}
	}
}

// hashSmall2 hashes a small integer for phash2: values of 28 bits go through
// a signed path, larger ones hash like one-digit bignums.
func hashSmall2(hash uint32, x int64) uint32 {
	if x >= -(1<<27) && x < 1<<27 {
		y := int32(x)
		if y < 0 {
			hash = hashMixPair(hash, uint32(-y), 0, hGold)
		}
		return hashMixPair(hash, uint32(y), 0, hGold)
	}
	k, m := hGold11, uint64(x)
	if x < 0 {
		k, m = hGold10, uint64(-x)
	}
	return hashMixPair(hash, uint32(m), uint32(m>>32), k)
}

// hashBitstringBytes returns the bytes of bitstring t starting at its first bit
// (copied when t is not byte-aligned), including a last partial byte whose
// meaningful bits are the high ones, and t's whole-byte and extra-bit counts.
func hashBitstringBytes(e *Env, t Term) (b []byte, nbytes int, rest uint) {
	d, off, size := e.Bits(t)
	nbytes, rest = int(size/8), uint(size%8)
	total := nbytes
	if rest > 0 {
		total++
	}
	if off%8 == 0 {
		return d[off/8 : off/8+uint64(total)], nbytes, rest
	}
	b = make([]byte, total)
	CopyBits(b, 0, d, off, size)
	return b, nbytes, rest
}

// hashBits2 hashes a bitstring for phash2.
func hashBits2(e *Env, t Term, hash uint32) uint32 {
	k := hGold13 + hash
	b, n, rest := hashBitstringBytes(e, t)
	if n == 0 && rest == 0 {
		return k
	}
	hash = hashBlock(b[:n], k)
	if rest > 0 {
		hash = hashMixPair(hash, uint32(rest), uint32(b[n]>>(8-rest)), hGold15)
	}
	return hash
}

// Primes just above 2^28 used by phash (make_hash).
const (
	hashFn1  uint32 = 268440163
	hashFn2  uint32 = 268439161
	hashFn3  uint32 = 268435459
	hashFn4  uint32 = 268436141
	hashFn5  uint32 = 268438633
	hashFn6  uint32 = 268437017
	hashFn8  uint32 = 268437511
	hashFn9  uint32 = 268439627
	hashFn10 uint32 = 268440479
	hashFn11 uint32 = 268440577
	hashFn12 uint32 = 268440581
	hashFn13 uint32 = 268440593
	hashFn14 uint32 = 268440611
)

// Work items of hashMake1's explicit stack.
const (
	h1Words    = iota // hash n consecutive words at index i, in order
	h1ListRest        // the rest t of a list whose elements are being hashed
	h1ListEnd         // a list's tail has been hashed
	h1TupleEnd        // a tuple of arity n has been hashed
)

type h1Item struct {
	kind uint8
	t    Term
	i, n uint64
}

// hashBytesStep folds the four bytes of x, least significant first, into h.
func hashBytesStep(h, x, p uint32) uint32 {
	for k := 0; k < 4; k++ {
		h = h*p + x&0xFF
		x >>= 8
	}
	return h
}

// hashMake1 computes the hash behind phash/2 (make_hash in OTP).
func hashMake1(e *Env, t Term) uint32 {
	var (
		hash uint32
		buf  [8]h1Item
	)
	stack := buf[:0]
	for {
		switch t & 3 {
		case TagList:
			// Elements are hashed in order (bytes inline), then the tail,
			// then the list is closed with one multiplication.
			p := t
			for {
				hd := e.Hd(p)
				if !hd.IsSmall() || uint64(hd.Small()) > 255 {
					stack = append(stack, h1Item{kind: h1ListRest, t: e.Tl(p)})
					t = hd
					break
				}
				hash = hash*hashFn2 + uint32(hd.Small())
				tl := e.Tl(p)
				if !tl.IsList() {
					stack = append(stack, h1Item{kind: h1ListEnd})
					t = tl
					break
				}
				p = tl
			}
			continue
		case TagBoxed:
			i := t.Index()
			hdr := Term(e.W[i])
			switch hdr.HeaderSub() {
			case SubTuple:
				n := uint64(hdr.HeaderArity())
				stack = append(stack, h1Item{kind: h1TupleEnd, n: n})
				if n > 0 {
					stack = append(stack, h1Item{kind: h1Words, i: i + 1, n: n})
				}
			case SubMap:
				hash = hash*hashFn13 + hashFn14 + hashMake2(e, t)
			case SubPosBig, SubNegBig:
				n := uint64(hdr.HeaderArity())
				for j := uint64(1); j <= n; j++ {
					d := e.W[i+j]
					nb := 8
					if j == n && d>>32 == 0 {
						nb = 4
					}
					for k := 0; k < nb; k++ {
						hash = hash*hashFn2 + uint32(d&0xFF)
						d >>= 8
					}
				}
				if hdr.HeaderSub() == SubNegBig {
					hash *= hashFn4
				} else {
					hash *= hashFn3
				}
			case SubFloat:
				bits := e.W[i+1]
				if math.Float64frombits(bits) == 0 {
					bits = 0
				}
				hash = hash*hashFn6 + (uint32(bits) ^ uint32(bits>>32))
			case SubHeapBin, SubRefcBin, SubSubBin:
				b, n, rest := hashBitstringBytes(e, t)
				for _, v := range b[:n] {
					hash = hash*hashFn1 + uint32(v)
				}
				if rest > 0 {
					hash = (hash*hashFn1+uint32(b[n]>>(8-rest)))*hashFn12 + uint32(rest)
				}
				hash = hash*hashFn4 + uint32(n)
			case SubFun:
				nfree := uint64(e.FunNumFree(t))
				hash = hash*hashFn10 + uint32(nfree)
				hash = hash*hashFn1 + AtomHash(e.AtomName(e.FunModule(t)))
				hash = hash*hashFn2 + e.FunIndex(t)
				hash = hash*hashFn2 + e.FunUniq(t)
				if nfree > 0 {
					stack = append(stack, h1Item{kind: h1Words, i: i + FunHeaderWords, n: nfree})
				}
			case SubExport:
				m, f, a := e.ExportMFA(t)
				hash = hash*hashFn11 + uint32(a)
				hash = hash*hashFn1 + AtomHash(e.AtomName(m))
				hash = hash*hashFn1 + AtomHash(e.AtomName(f))
			case SubRef:
				var w uint32
				if hdr.HeaderArity() > 0 {
					w = uint32(e.W[i+1])
				}
				hash = hashBytesStep(hash, w, hashFn9) * hashFn10
			case SubResource:
				hash = hashBytesStep(hash, uint32(e.PortNum(t)), hashFn9) * hashFn10
			default:
				hash = hash*hashFn8 + uint32(hdr)
			}
		case TagImmed:
			switch {
			case t.IsSmall():
				x := t.Small()
				m := uint64(x)
				if x < 0 {
					m = uint64(-x)
				}
				hash = hashBytesStep(hash, uint32(m), hashFn2)
				if m>>32 != 0 {
					hash = hashBytesStep(hash, uint32(m>>32), hashFn2)
				}
				if x < 0 {
					hash *= hashFn4
				} else {
					hash *= hashFn3
				}
			case t.IsAtom():
				hash = hash*hashFn1 + AtomHash(e.AtomName(t))
			case t == Nil:
				hash = hash*hashFn3 + 1
			case t.IsPid():
				hash = hashBytesStep(hash, uint32(t.PidNumber()), hashFn5) * hashFn6
			case t.IsPort():
				hash = hashBytesStep(hash, uint32(t.PortNumber()), hashFn9) * hashFn10
			}
		}

	next:
		for {
			n := len(stack)
			if n == 0 {
				return hash
			}
			it := &stack[n-1]
			switch it.kind {
			case h1Words:
				t = Term(e.W[it.i])
				if it.n == 1 {
					stack = stack[:n-1]
				} else {
					it.i, it.n = it.i+1, it.n-1
				}
				break next
			case h1ListRest:
				t = it.t
				if t.IsList() {
					stack = stack[:n-1]
				} else {
					it.kind = h1ListEnd
				}
				break next
			case h1ListEnd:
				hash *= hashFn8
				stack = stack[:n-1]
			case h1TupleEnd:
				hash = hash*hashFn9 + uint32(it.n)
				stack = stack[:n-1]
			}
		}
	}
}

package vm

import "math"

// Conversions between Erlang values and the encodings bit-syntax segments
// use: IEEE half floats and the UTF encodings.

// float16Bits converts f to an IEEE 754 binary16, rounding to nearest even.
// Values too large become infinity, as OTP 25 does.
func float16Bits(f float64) uint16 {
	b := math.Float64bits(f)
	sign := uint16(b>>48) & 0x8000
	exp := int(b>>52) & 0x7FF
	mant := b & (1<<52 - 1)
	switch {
	case exp == 0x7FF:
		if mant != 0 {
			return sign | 0x7E00
		}
		return sign | 0x7C00
	case exp == 0:
		return sign // double subnormals are far below the half range
	}
	e := exp - 1023
	if e > 15 {
		return sign | 0x7C00
	}
	if e >= -14 {
		m := mant >> 42
		rem := mant & (1<<42 - 1)
		const half = uint64(1) << 41
		if rem > half || (rem == half && m&1 == 1) {
			m++
		}
		// A mantissa carry moves into the exponent; 31 is infinity.
		return sign | (uint16(e+15)<<10 + uint16(m))
	}
	full := mant | 1<<52
	shift := uint(-14-e) + 42
	if shift >= 55 {
		return sign
	}
	m := full >> shift
	rem := full & (1<<shift - 1)
	half := uint64(1) << (shift - 1)
	if rem > half || (rem == half && m&1 == 1) {
		m++
	}
	return sign | uint16(m)
}

// float16Value converts a binary16 to a float64.
func float16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1F
	mant := float64(h & 0x3FF)
	switch exp {
	case 0:
		return sign * mant * (1.0 / (1 << 24))
	case 0x1F:
		if mant != 0 {
			return math.NaN()
		}
		return math.Inf(int(sign))
	}
	return sign * (1 + mant/1024) * math.Ldexp(1, exp-15)
}

// validCodePoint reports whether c may be encoded in UTF-8/16/32.
func validCodePoint(c int64) bool {
	return c >= 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)
}

// utf8Len returns the number of bytes of the UTF-8 encoding of c.
func utf8Len(c int64) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0x800:
		return 2
	case c < 0x10000:
		return 3
	}
	return 4
}

// appendUTF8 appends the UTF-8 encoding of the valid code point c.
func appendUTF8(b []byte, c int64) []byte {
	switch utf8Len(c) {
	case 1:
		return append(b, byte(c))
	case 2:
		return append(b, 0xC0|byte(c>>6), 0x80|byte(c&0x3F))
	case 3:
		return append(b, 0xE0|byte(c>>12), 0x80|byte(c>>6&0x3F), 0x80|byte(c&0x3F))
	}
	return append(b, 0xF0|byte(c>>18), 0x80|byte(c>>12&0x3F), 0x80|byte(c>>6&0x3F), 0x80|byte(c&0x3F))
}

// appendUTF16 appends the UTF-16 encoding of the valid code point c.
func appendUTF16(b []byte, c int64, little bool) []byte {
	put := func(b []byte, u uint16) []byte {
		if little {
			return append(b, byte(u), byte(u>>8))
		}
		return append(b, byte(u>>8), byte(u))
	}
	if c < 0x10000 {
		return put(b, uint16(c))
	}
	c -= 0x10000
	b = put(b, 0xD800|uint16(c>>10))
	return put(b, 0xDC00|uint16(c&0x3FF))
}

// decodeUTF8 decodes one code point at bit offset off, with avail bits
// available. It returns the code point and its length in bits, or ok false
// for an invalid or truncated sequence (overlong forms, surrogates and values
// above 0x10FFFF are invalid).
func decodeUTF8(data []byte, off, avail uint64) (c int64, bits uint64, ok bool) {
	if avail < 8 {
		return 0, 0, false
	}
	b0 := readBits(data, off, 8)
	var n uint64
	var min int64
	switch {
	case b0 < 0x80:
		return int64(b0), 8, true
	case b0&0xE0 == 0xC0:
		n, c, min = 2, int64(b0&0x1F), 0x80
	case b0&0xF0 == 0xE0:
		n, c, min = 3, int64(b0&0x0F), 0x800
	case b0&0xF8 == 0xF0:
		n, c, min = 4, int64(b0&0x07), 0x10000
	default:
		return 0, 0, false
	}
	if avail < 8*n {
		return 0, 0, false
	}
	for i := uint64(1); i < n; i++ {
		b := readBits(data, off+8*i, 8)
		if b&0xC0 != 0x80 {
			return 0, 0, false
		}
		c = c<<6 | int64(b&0x3F)
	}
	if c < min || !validCodePoint(c) {
		return 0, 0, false
	}
	return c, 8 * n, true
}

// decodeUTF16 decodes one code point (a unit or a surrogate pair).
func decodeUTF16(data []byte, off, avail uint64, flags uint64) (c int64, bits uint64, ok bool) {
	if avail < 16 {
		return 0, 0, false
	}
	u := readUint(data, off, 16, flags)
	if u < 0xD800 || u > 0xDFFF {
		return int64(u), 16, true
	}
	if u > 0xDBFF || avail < 32 {
		return 0, 0, false
	}
	w := readUint(data, off+16, 16, flags)
	if w < 0xDC00 || w > 0xDFFF {
		return 0, 0, false
	}
	return 0x10000 + int64(u-0xD800)<<10 + int64(w-0xDC00), 32, true
}

// decodeUTF32 decodes one 32-bit code point.
func decodeUTF32(data []byte, off, avail uint64, flags uint64) (c int64, bits uint64, ok bool) {
	if avail < 32 {
		return 0, 0, false
	}
	c = int64(readUint(data, off, 32, flags))
	if !validCodePoint(c) {
		return 0, 0, false
	}
	return c, 32, true
}

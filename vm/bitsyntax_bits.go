package vm

import (
	"encoding/binary"
	"math/big"
)

// Bit-level access to byte slices. Bits are numbered from the most
// significant bit of each byte, as in Erlang's bit syntax. Callers check
// bounds: every function here assumes the bits it touches lie inside data.

// readBits returns the n (at most 64) bits at bit offset off of data as the
// low bits of the result, first bit most significant.
func readBits(data []byte, off uint64, n uint) uint64 {
	if n == 0 {
		return 0
	}
	i := off >> 3
	s := uint(off & 7)
	if s == 0 {
		switch n {
		case 8:
			return uint64(data[i])
		case 16:
			return uint64(binary.BigEndian.Uint16(data[i:]))
		case 32:
			return uint64(binary.BigEndian.Uint32(data[i:]))
		case 64:
			return binary.BigEndian.Uint64(data[i:])
		}
	}
	v := uint64(data[i] & (0xFF >> s))
	avail := 8 - s
	i++
	for avail < n {
		need := n - avail
		if need >= 8 {
			v = v<<8 | uint64(data[i])
			avail += 8
		} else {
			v = v<<need | uint64(data[i])>>(8-need)
			avail = n
		}
		i++
	}
	return v >> (avail - n)
}

// writeBits stores the low n (at most 64) bits of v at bit offset off of
// data, first bit most significant. Bits around the field are preserved.
func writeBits(data []byte, off uint64, v uint64, n uint) {
	if n == 0 {
		return
	}
	i := off >> 3
	s := uint(off & 7)
	if s == 0 {
		switch n {
		case 8:
			data[i] = byte(v)
			return
		case 16:
			binary.BigEndian.PutUint16(data[i:], uint16(v))
			return
		case 32:
			binary.BigEndian.PutUint32(data[i:], uint32(v))
			return
		case 64:
			binary.BigEndian.PutUint64(data[i:], v)
			return
		}
	}
	if n < 64 {
		v &= 1<<n - 1
	}
	if s != 0 {
		room := 8 - s
		if n <= room {
			shift := room - n
			mask := byte((1<<n - 1) << shift)
			data[i] = data[i]&^mask | byte(v<<shift)&mask
			return
		}
		n -= room
		low := byte(1<<room - 1)
		data[i] = data[i]&^low | byte(v>>n)&low
		i++
	}
	for n >= 8 {
		n -= 8
		data[i] = byte(v >> n)
		i++
	}
	if n > 0 {
		shift := 8 - n
		mask := byte(0xFF << shift)
		data[i] = data[i]&^mask | byte(v<<shift)
	}
}

// copyBits copies n bits from src at bit offset so to dst at bit offset do.
// The regions must not overlap.
func copyBits(dst []byte, do uint64, src []byte, so uint64, n uint64) {
	if n == 0 {
		return
	}
	if do%8 == 0 && so%8 == 0 {
		nb := n / 8
		copy(dst[do/8:do/8+nb], src[so/8:so/8+nb])
		if r := uint(n % 8); r != 0 {
			writeBits(dst, do+nb*8, readBits(src, so+nb*8, r), r)
		}
		return
	}
	for n >= 56 {
		writeBits(dst, do, readBits(src, so, 56), 56)
		do += 56
		so += 56
		n -= 56
	}
	if n > 0 {
		writeBits(dst, do, readBits(src, so, uint(n)), uint(n))
	}
}

// bitsEqual reports whether the n bits of a at offset ao equal those of b
// at offset bo.
func bitsEqual(a []byte, ao uint64, b []byte, bo uint64, n uint64) bool {
	if ao%8 == 0 && bo%8 == 0 {
		nb := n / 8
		if string(a[ao/8:ao/8+nb]) != string(b[bo/8:bo/8+nb]) {
			return false
		}
		r := uint(n % 8)
		return r == 0 || readBits(a, ao+nb*8, r) == readBits(b, bo+nb*8, r)
	}
	for n >= 56 {
		if readBits(a, ao, 56) != readBits(b, bo, 56) {
			return false
		}
		ao += 56
		bo += 56
		n -= 56
	}
	return n == 0 || readBits(a, ao, uint(n)) == readBits(b, bo, uint(n))
}

// Segment flags, as the compiler encodes them in bs_get_* instructions.
const (
	bsFlagLittle = 0x02
	bsFlagSigned = 0x04
	bsFlagNative = 0x10
)

// nativeLittle reports whether the host is little-endian (native-endian
// segments follow it).
var nativeLittle = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// normFlags resolves the native flag to little or big for this host.
func normFlags(f uint64) uint64 {
	if f&bsFlagNative != 0 {
		f &^= bsFlagNative
		if nativeLittle {
			f |= bsFlagLittle
		}
	}
	return f & (bsFlagLittle | bsFlagSigned)
}

// readUint reads an n-bit (n <= 64) unsigned field with the given
// endianness flags.
func readUint(data []byte, off uint64, n uint, flags uint64) uint64 {
	if flags&bsFlagLittle == 0 || n <= 8 {
		return readBits(data, off, n)
	}
	if off%8 == 0 && n%8 == 0 {
		i := off / 8
		switch n {
		case 16:
			return uint64(binary.LittleEndian.Uint16(data[i:]))
		case 32:
			return uint64(binary.LittleEndian.Uint32(data[i:]))
		case 64:
			return binary.LittleEndian.Uint64(data[i:])
		}
	}
	// Little-endian: whole bytes least significant first, then the
	// remaining high bits as a short field.
	var v uint64
	k := n / 8
	for j := uint(0); j < k; j++ {
		v |= readBits(data, off+uint64(8*j), 8) << (8 * j)
	}
	if r := n % 8; r != 0 {
		v |= readBits(data, off+uint64(8*k), r) << (8 * k)
	}
	return v
}

// writeUint writes the low n (<= 64) bits of v as a field with the given
// endianness flags.
func writeUint(data []byte, off uint64, v uint64, n uint, flags uint64) {
	if flags&bsFlagLittle == 0 || n <= 8 {
		writeBits(data, off, v, n)
		return
	}
	if off%8 == 0 {
		i := off / 8
		switch n {
		case 16:
			binary.LittleEndian.PutUint16(data[i:], uint16(v))
			return
		case 32:
			binary.LittleEndian.PutUint32(data[i:], uint32(v))
			return
		case 64:
			binary.LittleEndian.PutUint64(data[i:], v)
			return
		}
	}
	k := n / 8
	for j := uint(0); j < k; j++ {
		writeBits(data, off+uint64(8*j), v>>(8*j), 8)
	}
	if r := n % 8; r != 0 {
		writeBits(data, off+uint64(8*k), v>>(8*k), r)
	}
}

// readBigInt reads an n-bit integer field of any size.
func readBigInt(data []byte, off uint64, n uint64, flags uint64) *big.Int {
	nb := (n + 7) / 8
	buf := make([]byte, nb) // big-endian magnitude, right-aligned
	if flags&bsFlagLittle == 0 {
		copyBits(buf, nb*8-n, data, off, n)
	} else {
		k := n / 8
		for j := uint64(0); j < k; j++ {
			buf[nb-1-j] = byte(readBits(data, off+8*j, 8))
		}
		if r := uint(n % 8); r != 0 {
			buf[0] = byte(readBits(data, off+8*k, r))
		}
	}
	z := new(big.Int).SetBytes(buf)
	if flags&bsFlagSigned != 0 && n > 0 && z.Bit(int(n-1)) == 1 {
		z.Sub(z, new(big.Int).Lsh(big.NewInt(1), uint(n)))
	}
	return z
}

// writeBigInt writes the low n bits (two's complement) of z as a field.
func writeBigInt(data []byte, off uint64, z *big.Int, n uint64, flags uint64) {
	nb := (n + 7) / 8
	mask := new(big.Int).Lsh(big.NewInt(1), uint(n))
	mask.Sub(mask, big.NewInt(1))
	v := new(big.Int).And(z, mask) // two's complement for negative z
	buf := make([]byte, nb)
	v.FillBytes(buf)
	if flags&bsFlagLittle == 0 {
		copyBits(data, off, buf, nb*8-n, n)
		return
	}
	k := n / 8
	for j := uint64(0); j < k; j++ {
		writeBits(data, off+8*j, uint64(buf[nb-1-j]), 8)
	}
	if r := uint(n % 8); r != 0 {
		writeBits(data, off+8*k, uint64(buf[0]), r)
	}
}

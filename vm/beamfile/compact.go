package beamfile

import (
	"math"
	"math/big"
)

// Compact term tags (low three bits of the first byte).
const (
	tagU = 0
	tagI = 1
	tagA = 2
	tagX = 3
	tagY = 4
	tagF = 5
	tagH = 6
	tagZ = 7
)

// Extended tags (the value of a 'z'-tagged number).
const (
	extFloat    = 0 // obsolete inline float, rejected
	extList     = 1
	extFloatReg = 2
	extAllocL   = 3
	extLiteral  = 4
	extTypedReg = 5
)

// maxReg is the number of x, y and float registers a module may use.
const maxReg = 1024

var tagNames = [8]string{"u", "i", "a", "x", "y", "f", "h", "z"}

// number is one compact-encoded value. When it needed more than 8 bytes, or
// (for any tag but 'i') does not fit a non-negative int64, val is 0 and wide
// holds its big-endian bytes (two's complement for 'i', unsigned otherwise).
type number struct {
	tag  byte
	val  int64
	wide []byte
}

// compact reads one compact-encoded number:
//
//	vvvv0ttt                  value 0..15
//	vvv01ttt xxxxxxxx         value 0..2047 (vvv are the high bits)
//	nnn11ttt b*(nnn+2)        nnn < 7: 2..8 value bytes, big-endian
//	11111ttt <u n> b*(n+9)    9 or more value bytes, the count minus 9 encoded as a 'u'
//
// Only 'i' values are signed (two's complement); the others are unsigned.
func (r *reader) compact() (number, error) {
	return r.compactN(true)
}

func (r *reader) compactN(allowLong bool) (number, error) {
	first, err := r.u8("compact term")
	if err != nil {
		return number{}, err
	}
	tag := first & 7
	if first&0x08 == 0 {
		return number{tag: tag, val: int64(first >> 4)}, nil
	}
	if first&0x10 == 0 {
		low, err := r.u8("compact term")
		if err != nil {
			return number{}, err
		}
		return number{tag: tag, val: int64(first>>5)<<8 | int64(low)}, nil
	}
	n := int(first >> 5)
	if n < 7 {
		n += 2
	} else {
		at := r.pos() - 1
		if !allowLong {
			return number{}, r.errAt(at, ErrCorrupt, "length of a length-prefixed compact term is itself too long")
		}
		prefix, err := r.compactN(false)
		if err != nil {
			return number{}, err
		}
		if prefix.tag != tagU || prefix.wide != nil {
			return number{}, r.errAt(at, ErrCorrupt, "compact term length prefix is not a small 'u' value")
		}
		if prefix.val > int64(r.remaining()) {
			return number{}, r.errAt(at, ErrTruncated, "compact term of %d bytes, %d left", prefix.val+9, r.remaining())
		}
		n = int(prefix.val) + 9
	}
	data, err := r.bytes(n, "compact term value")
	if err != nil {
		return number{}, err
	}
	if tag == tagI {
		if n <= 8 {
			var v uint64
			for _, c := range data {
				v = v<<8 | uint64(c)
			}
			shift := uint(64 - 8*n)
			return number{tag: tag, val: int64(v<<shift) >> shift}, nil
		}
		return number{tag: tag, wide: data}, nil
	}
	// Unsigned: drop leading zero bytes, then it must fit in 63 bits.
	digits := data
	for len(digits) > 0 && digits[0] == 0 {
		digits = digits[1:]
	}
	if len(digits) <= 8 {
		var v uint64
		for _, c := range digits {
			v = v<<8 | uint64(c)
		}
		if v <= math.MaxInt64 {
			return number{tag: tag, val: int64(v)}, nil
		}
	}
	return number{tag: tag, wide: data}, nil
}

// bigFromTwos converts big-endian two's complement bytes to a big.Int.
func bigFromTwos(b []byte) *big.Int {
	v := new(big.Int).SetBytes(b)
	if len(b) > 0 && b[0]&0x80 != 0 {
		// v - 2^(8*len(b))
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return v
}

// argDecoder decodes instruction operands against the file's tables.
type argDecoder struct {
	atoms    int // len(File.Atoms)
	labels   int64
	literals int
	types    int // number of type entries, or -1 when no type table was decoded
}

// u reads a 'u'-tagged number that fits an int64.
func (d *argDecoder) u(r *reader, what string) (int64, error) {
	at := r.pos()
	n, err := r.compact()
	if err != nil {
		return 0, err
	}
	if n.tag != tagU {
		return 0, r.errAt(at, ErrCorrupt, "%s: expected a 'u' value, got tag '%s'", what, tagNames[n.tag])
	}
	if n.wide != nil {
		return 0, r.errAt(at, ErrCorrupt, "%s: value too large", what)
	}
	return n.val, nil
}

// arg reads one operand. inList is true for the elements of an extended
// list, which may not themselves be lists.
func (d *argDecoder) arg(r *reader, inList bool) (Arg, error) {
	at := r.pos()
	n, err := r.compact()
	if err != nil {
		return Arg{}, err
	}
	if n.wide != nil && n.tag != tagI {
		return Arg{}, r.errAt(at, ErrCorrupt, "'%s' operand too large", tagNames[n.tag])
	}
	switch n.tag {
	case tagU:
		return Arg{Kind: KindU, Val: n.val, Type: -1}, nil
	case tagI:
		if n.wide != nil {
			b := bigFromTwos(n.wide)
			if b.IsInt64() {
				return Arg{Kind: KindI, Val: b.Int64(), Type: -1}, nil
			}
			return Arg{Kind: KindI, Big: b, Type: -1}, nil
		}
		return Arg{Kind: KindI, Val: n.val, Type: -1}, nil
	case tagA:
		if n.val >= int64(d.atoms) {
			return Arg{}, r.errAt(at, ErrCorrupt, "atom index %d out of range (%d atoms)", n.val, d.atoms-1)
		}
		return Arg{Kind: KindA, Val: n.val, Type: -1}, nil
	case tagX, tagY:
		if n.val >= maxReg {
			return Arg{}, r.errAt(at, ErrCorrupt, "register %s%d out of range", tagNames[n.tag], n.val)
		}
		return Arg{Kind: Kind(n.tag), Val: n.val, Type: -1}, nil
	case tagF:
		if n.val >= d.labels {
			return Arg{}, r.errAt(at, ErrCorrupt, "label %d out of range (label count %d)", n.val, d.labels)
		}
		return Arg{Kind: KindF, Val: n.val, Type: -1}, nil
	case tagH:
		return Arg{Kind: KindH, Val: n.val, Type: -1}, nil
	}
	// Extended tag.
	switch n.val {
	case extList:
		if inList {
			return Arg{}, r.errAt(at, ErrCorrupt, "extended list inside an extended list")
		}
		count, err := d.u(r, "list length")
		if err != nil {
			return Arg{}, err
		}
		if count > int64(r.remaining()) {
			return Arg{}, r.errAt(at, ErrTruncated, "list of %d elements, %d bytes left", count, r.remaining())
		}
		elems := make([]Arg, count)
		for i := range elems {
			if elems[i], err = d.arg(r, true); err != nil {
				return Arg{}, err
			}
		}
		return Arg{Kind: KindList, List: elems, Type: -1}, nil
	case extFloatReg:
		idx, err := d.u(r, "float register")
		if err != nil {
			return Arg{}, err
		}
		if idx >= maxReg {
			return Arg{}, r.errAt(at, ErrCorrupt, "float register %d out of range", idx)
		}
		return Arg{Kind: KindFR, Val: idx, Type: -1}, nil
	case extAllocL:
		count, err := d.u(r, "allocation list length")
		if err != nil {
			return Arg{}, err
		}
		if count > 3 {
			return Arg{}, r.errAt(at, ErrCorrupt, "allocation list of %d items (at most 3)", count)
		}
		items := make([]AllocItem, count)
		for i := range items {
			kind, err := d.u(r, "allocation kind")
			if err != nil {
				return Arg{}, err
			}
			if kind > int64(AllocFuns) {
				return Arg{}, r.errAt(at, ErrCorrupt, "allocation kind %d", kind)
			}
			num, err := d.u(r, "allocation count")
			if err != nil {
				return Arg{}, err
			}
			if num > math.MaxInt32 {
				return Arg{}, r.errAt(at, ErrCorrupt, "allocation count %d too large", num)
			}
			items[i] = AllocItem{Kind: AllocKind(kind), N: num}
		}
		return Arg{Kind: KindAlloc, Alloc: items, Type: -1}, nil
	case extLiteral:
		idx, err := d.u(r, "literal index")
		if err != nil {
			return Arg{}, err
		}
		if idx >= int64(d.literals) {
			return Arg{}, r.errAt(at, ErrCorrupt, "literal index %d out of range (%d literals)", idx, d.literals)
		}
		return Arg{Kind: KindLit, Val: idx, Type: -1}, nil
	case extTypedReg:
		regAt := r.pos()
		reg, err := r.compact()
		if err != nil {
			return Arg{}, err
		}
		if (reg.tag != tagX && reg.tag != tagY) || reg.wide != nil {
			return Arg{}, r.errAt(regAt, ErrCorrupt, "typed register is tagged '%s', not x or y", tagNames[reg.tag])
		}
		if reg.val >= maxReg {
			return Arg{}, r.errAt(regAt, ErrCorrupt, "register %s%d out of range", tagNames[reg.tag], reg.val)
		}
		idx, err := d.u(r, "type index")
		if err != nil {
			return Arg{}, err
		}
		if d.types >= 0 && idx >= int64(d.types) {
			return Arg{}, r.errAt(at, ErrCorrupt, "type index %d out of range (%d types)", idx, d.types)
		}
		if idx > math.MaxInt32 {
			return Arg{}, r.errAt(at, ErrCorrupt, "type index %d too large", idx)
		}
		return Arg{Kind: Kind(reg.tag), Val: reg.val, Type: int(idx)}, nil
	case extFloat:
		return Arg{}, r.errAt(at, ErrCorrupt, "inline float operand (obsolete since OTP R16B)")
	default:
		return Arg{}, r.errAt(at, ErrCorrupt, "unknown extended tag %d", n.val)
	}
}

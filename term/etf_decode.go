package term

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// maxBigBytes is the longest integer magnitude binary_to_term accepts.
const maxBigBytes = (1<<19 - 1) * 8

// DecodeExternal decodes one external term from data, which must start with
// the version byte 131, building it with a in e's memory. It returns the term
// and the number of bytes of data it used (bytes after the term are ignored,
// as binary_to_term does). r resolves external funs and closures; it may be
// nil when the data holds none.
//
// Malformed data gives an error wrapping ErrBadExternal (or ErrUnsafe,
// ErrRemote, ErrAtomLimit), never a panic. Length fields are checked against
// the bytes that remain before anything is allocated, so the memory used is
// proportional to the input (or to the declared size of compressed data), and
// nesting depth is only limited by the input: lists and nested terms are
// decoded without Go recursion.
func DecodeExternal(e *Env, a Allocator, r Resolver, data []byte, opts DecodeOpts) (Term, int, error) {
	if len(data) == 0 || data[0] != VersionMagic {
		return 0, 0, fmt.Errorf("term: binary_to_term: missing version byte 131: %w", ErrBadExternal)
	}
	body, used := data[1:], 0
	if len(body) > 0 && body[0] == extCompressed {
		raw, n, err := inflateExternal(body[1:])
		if err != nil {
			return 0, 0, err
		}
		body, used = raw, 2+n
	}
	d := decoder{e: e, a: a, r: r, safe: opts.Safe, data: body}
	t, err := d.run()
	if err != nil {
		for _, h := range d.bins {
			e.Bins.Release(h)
		}
		return 0, 0, err
	}
	if used == 0 {
		used = 1 + d.pos
	}
	return t, used, nil
}

// inflateExternal unpacks the body of a COMPRESSED term (after the tag): a
// 4-byte uncompressed size and a zlib stream. It returns the uncompressed
// bytes and how many bytes of src the size and the stream took.
func inflateExternal(src []byte) ([]byte, int, error) {
	bad := func(what string, err error) error {
		if err != nil {
			return fmt.Errorf("term: binary_to_term: compressed term: %s: %w (%v)", what, ErrBadExternal, err)
		}
		return fmt.Errorf("term: binary_to_term: compressed term: %s: %w", what, ErrBadExternal)
	}
	if len(src) < 4 {
		return nil, 0, bad("truncated size", nil)
	}
	size := int64(binary.BigEndian.Uint32(src))
	if size == 0 {
		return nil, 0, bad("zero size", nil)
	}
	br := bytes.NewReader(src[4:])
	zr, err := zlib.NewReader(br)
	if err != nil {
		return nil, 0, bad("zlib header", err)
	}
	defer zr.Close()
	// The buffer grows with the data actually inflated, not with the
	// declared size.
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(zr, size+1))
	if err != nil {
		return nil, 0, bad("zlib data", err)
	}
	if n != size {
		return nil, 0, bad(fmt.Sprintf("declared size %d, inflated %d or more", size, n), nil)
	}
	return out.Bytes(), 4 + len(src[4:]) - br.Len(), nil
}

// decoder decodes one term iteratively: containers are allocated as soon as
// their header is read (slots filled with []) and pushed as frames whose slots
// later terms fill, depth first, in the order the format lists them.
type decoder struct {
	e    *Env
	a    Allocator
	r    Resolver
	safe bool
	data []byte
	pos  int
	// pending counts terms announced by container headers and not started
	// yet. Each needs at least one byte, so every length field is checked
	// against len(data)-pos-pending: a container can never announce more
	// than the input can hold, which bounds allocation by the input size.
	pending int
	stack   []frame
	bins    []uint32 // off-heap binaries made so far and not linked to a heap, released on error
}

type frameKind uint8

const (
	frameSlots frameKind = iota // n consecutive words from base
	frameList                   // n heads of cells from base, then the last tail
	frameMap                    // n keys and n values of the map at base, interleaved
)

type frame struct {
	kind frameKind
	base uint64
	n, i uint64
}

func (d *decoder) fail(err error, format string, args ...any) error {
	return fmt.Errorf("term: binary_to_term: byte %d: %s: %w", d.pos+1, fmt.Sprintf(format, args...), err)
}

func (d *decoder) bad(format string, args ...any) error {
	return d.fail(ErrBadExternal, format, args...)
}

// avail is the number of bytes the term being decoded may still use.
func (d *decoder) avail() int { return len(d.data) - d.pos - d.pending }

func (d *decoder) take(n int) ([]byte, error) {
	if n < 0 || n > d.avail() {
		return nil, d.bad("%d bytes needed, %d left", n, max(d.avail(), 0))
	}
	b := d.data[d.pos : d.pos+n]
	d.pos += n
	return b, nil
}

func (d *decoder) u8() (byte, error) {
	b, err := d.take(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

func (d *decoder) u16() (int, error) {
	b, err := d.take(2)
	if err != nil {
		return 0, err
	}
	return int(binary.BigEndian.Uint16(b)), nil
}

func (d *decoder) u32() (uint32, error) {
	b, err := d.take(4)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(b), nil
}

func (d *decoder) u64() (uint64, error) {
	b, err := d.take(8)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint64(b), nil
}

// announce records that n more terms follow the current header.
func (d *decoder) announce(n uint64) error {
	if n > uint64(max(d.avail(), 0)) {
		return d.bad("%d terms announced, %d bytes left", n, max(d.avail(), 0))
	}
	d.pending += int(n)
	return nil
}

// alloc returns n fresh words, every one set to fill.
func (d *decoder) alloc(n uint64, fill Term) uint64 {
	p := d.a.Alloc(int(n))
	w := d.e.W[p : p+n]
	for i := range w {
		w[i] = uint64(fill)
	}
	return p
}

func (d *decoder) run() (Term, error) {
	root, err := d.one()
	if err != nil {
		return 0, err
	}
	for len(d.stack) > 0 {
		f := &d.stack[len(d.stack)-1]
		var dst uint64
		switch f.kind {
		case frameSlots:
			if f.i == f.n {
				d.stack = d.stack[:len(d.stack)-1]
				continue
			}
			dst = f.base + f.i
		case frameList:
			if f.i > f.n {
				d.stack = d.stack[:len(d.stack)-1]
				continue
			}
			if f.i == f.n {
				dst = f.base + 2*f.n - 1
			} else {
				dst = f.base + 2*f.i
			}
		case frameMap:
			if f.i == 2*f.n {
				base, n := f.base, f.n
				d.stack = d.stack[:len(d.stack)-1]
				if err := d.sortMap(base, n); err != nil {
					return 0, err
				}
				continue
			}
			k := f.i / 2
			if f.i%2 == 0 {
				dst = f.base + 2 + k
			} else {
				dst = f.base + 2 + f.n + k
			}
		}
		f.i++
		d.pending--
		t, err := d.one()
		if err != nil {
			return 0, err
		}
		d.e.W[dst] = uint64(t)
	}
	return root, nil
}

// one decodes the term at d.pos. For a container it allocates the object and
// pushes a frame for its elements.
func (d *decoder) one() (Term, error) {
	for {
		tag, err := d.u8()
		if err != nil {
			return 0, err
		}
		switch tag {
		case extSmallInteger:
			v, err := d.u8()
			return MakeSmall(int64(v)), err
		case extInteger:
			v, err := d.u32()
			return MakeSmall(int64(int32(v))), err
		case extSmallBig, extLargeBig:
			return d.bigInt(tag)
		case extNewFloat:
			v, err := d.u64()
			if err != nil {
				return 0, err
			}
			f := math.Float64frombits(v)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return 0, d.bad("float is not finite")
			}
			return d.float(f), nil
		case extFloat:
			return d.textFloat()
		case extAtom, extSmallAtom, extAtomUTF8, extSmallAtomUTF8:
			return d.atomBody(tag)
		case extAtomCacheRef:
			return 0, d.bad("atom cache reference outside distribution")
		case extSmallTuple, extLargeTuple:
			var n uint64
			if tag == extSmallTuple {
				v, err := d.u8()
				if err != nil {
					return 0, err
				}
				n = uint64(v)
			} else {
				v, err := d.u32()
				if err != nil {
					return 0, err
				}
				n = uint64(v)
			}
			if err := d.announce(n); err != nil {
				return 0, err
			}
			p := d.alloc(1+n, Nil)
			d.e.W[p] = uint64(MakeHeader(SubTuple, int(n)))
			if n > 0 {
				d.stack = append(d.stack, frame{kind: frameSlots, base: p + 1, n: n})
			}
			return MakeBoxed(p), nil
		case extMap:
			v, err := d.u32()
			if err != nil {
				return 0, err
			}
			n := uint64(v)
			if err := d.announce(2 * n); err != nil {
				return 0, err
			}
			p := d.alloc(2+2*n, Nil)
			d.e.W[p] = uint64(MakeHeader(SubMap, int(1+2*n)))
			d.e.W[p+1] = n
			if n > 0 {
				d.stack = append(d.stack, frame{kind: frameMap, base: p, n: n})
			}
			return MakeBoxed(p), nil
		case extRecord:
			return d.nativeRecord()
		case extNil:
			return Nil, nil
		case extString:
			n, err := d.u16()
			if err != nil {
				return 0, err
			}
			b, err := d.take(n)
			if err != nil || n == 0 {
				return Nil, err
			}
			p := d.a.Alloc(2 * n)
			w := d.e.W[p : p+2*uint64(n)]
			for i, c := range b {
				w[2*i] = uint64(MakeSmall(int64(c)))
				w[2*i+1] = uint64(MakeList(p + 2*uint64(i) + 2))
			}
			w[2*n-1] = uint64(Nil)
			return MakeList(p), nil
		case extList:
			v, err := d.u32()
			if err != nil {
				return 0, err
			}
			n := uint64(v)
			if n == 0 {
				// No elements: the term is the tail that follows.
				continue
			}
			if err := d.announce(n + 1); err != nil {
				return 0, err
			}
			p := d.a.Alloc(int(2 * n))
			w := d.e.W[p : p+2*n]
			for i := uint64(0); i < n; i++ {
				w[2*i] = uint64(Nil)
				w[2*i+1] = uint64(MakeList(p + 2*i + 2))
			}
			w[2*n-1] = uint64(Nil)
			d.stack = append(d.stack, frame{kind: frameList, base: p, n: n})
			return MakeList(p), nil
		case extBinary:
			n, err := d.u32()
			if err != nil {
				return 0, err
			}
			b, err := d.take(int(n))
			if err != nil {
				return 0, err
			}
			return d.binary(b, false), nil
		case extBitBinary:
			return d.bitBinary()
		case extExport:
			return d.export()
		case extNewFun:
			return d.closure()
		case extPid, extNewPid:
			return d.pid(tag)
		case extPort, extNewPort, extV4Port:
			return d.port(tag)
		case extReference, extNewReference, extNewerReference:
			return d.ref(tag)
		case extCompressed:
			return 0, d.bad("compressed term nested inside a term")
		case extFun:
			return 0, d.bad("FUN_EXT (removed in OTP 23) is not accepted")
		case extLocal:
			return 0, d.bad("LOCAL_EXT is not accepted by OTP 25")
		default:
			return 0, d.bad("unknown tag %d", tag)
		}
	}
}

func (d *decoder) float(f float64) Term {
	p := d.a.Alloc(2)
	d.e.W[p] = uint64(MakeHeader(SubFloat, 1))
	d.e.W[p+1] = math.Float64bits(f)
	return MakeBoxed(p)
}

// textFloat decodes FLOAT_EXT: 31 bytes holding a NUL-terminated decimal of
// the form [+-]digits.digits[(e|E)[+-]digits].
func (d *decoder) textFloat() (Term, error) {
	b, err := d.take(floatExtLen)
	if err != nil {
		return 0, err
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	if !validFloatText(b) {
		return 0, d.bad("float text %q", b)
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, d.bad("float text %q out of range", b)
	}
	_ = err // underflow gives 0 or a denormal, which OTP accepts too
	return d.float(f), nil
}

func validFloatText(b []byte) bool {
	i := 0
	digits := func() bool {
		s := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > s
	}
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		i++
	}
	if !digits() || i >= len(b) || b[i] != '.' {
		return false
	}
	i++
	if !digits() {
		return false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(b)
}

// bigInt decodes SMALL_BIG_EXT and LARGE_BIG_EXT, normalising to a small
// integer when the value fits.
func (d *decoder) bigInt(tag byte) (Term, error) {
	neg, mag, err := d.bigBody(tag)
	if err != nil {
		return 0, err
	}
	return d.makeInt(neg, mag), nil
}

// bigBody reads the rest of a SMALL_BIG_EXT or LARGE_BIG_EXT after its tag:
// the sign and the little-endian magnitude bytes.
func (d *decoder) bigBody(tag byte) (neg bool, mag []byte, err error) {
	var n int
	if tag == extSmallBig {
		v, err := d.u8()
		if err != nil {
			return false, nil, err
		}
		n = int(v)
	} else {
		v, err := d.u32()
		if err != nil {
			return false, nil, err
		}
		if v > maxBigBytes {
			return false, nil, d.bad("integer of %d bytes is too large", v)
		}
		n = int(v)
	}
	sign, err := d.u8()
	if err != nil {
		return false, nil, err
	}
	mag, err = d.take(n)
	return sign != 0, mag, err
}

// makeInt builds the integer with little-endian magnitude mag.
func (d *decoder) makeInt(neg bool, mag []byte) Term {
	for len(mag) > 0 && mag[len(mag)-1] == 0 {
		mag = mag[:len(mag)-1]
	}
	if len(mag) <= 8 {
		var u uint64
		for i := len(mag) - 1; i >= 0; i-- {
			u = u<<8 | uint64(mag[i])
		}
		if !neg && u <= uint64(MaxSmall) {
			return MakeSmall(int64(u))
		}
		if neg && u <= uint64(MaxSmall)+1 {
			return MakeSmall(-int64(u))
		}
	}
	nw := (len(mag) + 7) / 8
	p := d.a.Alloc(1 + nw)
	sub := SubPosBig
	if neg {
		sub = SubNegBig
	}
	d.e.W[p] = uint64(MakeHeader(sub, nw))
	for k := 0; k < nw; k++ {
		var w uint64
		for j := min(len(mag), 8*k+8) - 1; j >= 8*k; j-- {
			w = w<<8 | uint64(mag[j])
		}
		d.e.W[p+1+uint64(k)] = w
	}
	return MakeBoxed(p)
}

// atomText reads the body of an atom tag and returns the atom's name as UTF-8.
func (d *decoder) atomText(tag byte) (string, error) {
	var n int
	var err error
	utf := tag == extAtomUTF8 || tag == extSmallAtomUTF8
	switch tag {
	case extAtom, extAtomUTF8:
		n, err = d.u16()
	case extSmallAtom, extSmallAtomUTF8:
		var v byte
		v, err = d.u8()
		n = int(v)
	default:
		return "", d.bad("tag %d where an atom was expected", tag)
	}
	if err != nil {
		return "", err
	}
	b, err := d.take(n)
	if err != nil {
		return "", err
	}
	if !utf {
		if n > maxAtomChars {
			return "", d.bad("atom of %d characters", n)
		}
		return latin1String(b), nil
	}
	if !utf8.Valid(b) {
		return "", d.bad("atom is not valid UTF-8")
	}
	if utf8.RuneCount(b) > maxAtomChars {
		return "", d.bad("atom of %d characters", utf8.RuneCount(b))
	}
	return string(b), nil
}

func latin1String(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func (d *decoder) intern(name string) (Term, error) {
	if d.safe {
		a, ok := d.e.Atoms.Lookup(name)
		if !ok {
			return 0, d.fail(ErrUnsafe, "atom %q does not exist", name)
		}
		return a, nil
	}
	a, ok := d.e.Atoms.Intern(name)
	if !ok {
		return 0, d.fail(ErrAtomLimit, "creating atom %q", name)
	}
	return a, nil
}

func (d *decoder) atomBody(tag byte) (Term, error) {
	name, err := d.atomText(tag)
	if err != nil {
		return 0, err
	}
	return d.intern(name)
}

// atom reads a whole atom term (tag included), as inside pids, funs and exports.
func (d *decoder) atom() (Term, error) {
	tag, err := d.u8()
	if err != nil {
		return 0, err
	}
	return d.atomBody(tag)
}

// localNode reads a node name and reports whether it is this node's.
func (d *decoder) localNode() error {
	tag, err := d.u8()
	if err != nil {
		return err
	}
	name, err := d.atomText(tag)
	if err != nil {
		return err
	}
	if name != "nonode@nohost" {
		if d.safe {
			if _, ok := d.e.Atoms.Lookup(name); !ok {
				return d.fail(ErrUnsafe, "node atom %q does not exist", name)
			}
		}
		return d.fail(ErrRemote, "node %q", name)
	}
	return nil
}

// smallField reads an integer term (any integer tag) as a non-negative
// value no larger than limit.
func (d *decoder) smallField(what string, limit uint64) (uint64, error) {
	tag, err := d.u8()
	if err != nil {
		return 0, err
	}
	var v uint64
	switch tag {
	case extSmallInteger:
		b, err := d.u8()
		if err != nil {
			return 0, err
		}
		v = uint64(b)
	case extInteger:
		u, err := d.u32()
		if err != nil {
			return 0, err
		}
		if int32(u) < 0 {
			return 0, d.bad("negative %s", what)
		}
		v = uint64(u)
	case extSmallBig, extLargeBig:
		neg, mag, err := d.bigBody(tag)
		if err != nil {
			return 0, err
		}
		for len(mag) > 0 && mag[len(mag)-1] == 0 {
			mag = mag[:len(mag)-1]
		}
		if len(mag) > 8 {
			return 0, d.bad("%s too large", what)
		}
		for i := len(mag) - 1; i >= 0; i-- {
			v = v<<8 | uint64(mag[i])
		}
		if neg && v != 0 {
			return 0, d.bad("negative %s", what)
		}
	default:
		return 0, d.bad("tag %d where the %s integer was expected", tag, what)
	}
	if v > limit {
		return 0, d.bad("%s %d out of range", what, v)
	}
	return v, nil
}

func (d *decoder) needResolver(what string) error {
	if d.r == nil {
		return d.bad("%s needs a resolver", what)
	}
	return nil
}

// export decodes EXPORT_EXT: module, function and arity.
func (d *decoder) export() (Term, error) {
	m, err := d.atom()
	if err != nil {
		return 0, err
	}
	f, err := d.atom()
	if err != nil {
		return 0, err
	}
	arity, err := d.smallField("arity", uint64(MaxSmall))
	if err != nil {
		return 0, err
	}
	if err := d.needResolver("external fun"); err != nil {
		return 0, err
	}
	var idx uint32
	if lk, ok := d.r.(ExportLookup); ok && d.safe {
		i, found := lk.LookupExport(m, f, int(arity))
		if !found {
			return 0, d.fail(ErrUnsafe, "fun %s:%s/%d does not exist", d.e.AtomName(m), d.e.AtomName(f), arity)
		}
		idx = i
	} else {
		idx = d.r.ExportIndex(m, f, int(arity))
	}
	p := d.a.Alloc(ExportWords)
	w := d.e.W[p : p+ExportWords]
	w[0] = uint64(MakeHeader(SubExport, ExportWords-1))
	w[1] = uint64(idx)
	w[2] = uint64(m)
	w[3] = uint64(f)
	w[4] = arity
	return MakeBoxed(p), nil
}

// maxFunFree is the most captured variables a closure word can count.
const maxFunFree = 1<<24 - 1

// closure decodes NEW_FUN_EXT. The Size field is not checked (OTP ignores
// it too); the creating pid is read and dropped, since beamr's closures do not
// record it. The closure's FunT index is OldIndex, which OTP 25 always writes
// equal to Index.
func (d *decoder) closure() (Term, error) {
	if _, err := d.u32(); err != nil { // Size
		return 0, err
	}
	arity, err := d.u8()
	if err != nil {
		return 0, err
	}
	uniq, err := d.take(16)
	if err != nil {
		return 0, err
	}
	var md5 [16]byte
	copy(md5[:], uniq)
	if _, err := d.u32(); err != nil { // Index
		return 0, err
	}
	nfree, err := d.u32()
	if err != nil {
		return 0, err
	}
	if nfree > maxFunFree {
		return 0, d.bad("closure with %d free variables", nfree)
	}
	m, err := d.atom()
	if err != nil {
		return 0, err
	}
	oldIndex, err := d.smallField("fun index", math.MaxUint32)
	if err != nil {
		return 0, err
	}
	oldUniq, err := d.smallField("fun uniq", math.MaxUint32)
	if err != nil {
		return 0, err
	}
	if err := d.creatorPid(); err != nil {
		return 0, err
	}
	if err := d.announce(uint64(nfree)); err != nil {
		return 0, err
	}
	if err := d.needResolver("closure"); err != nil {
		return 0, err
	}
	entry := d.r.FunEntry(m, uint32(oldIndex), uint32(oldUniq), int(arity), md5)
	n := uint64(nfree)
	p := d.alloc(FunHeaderWords+n, Nil)
	w := d.e.W[p : p+FunHeaderWords]
	w[0] = uint64(MakeHeader(SubFun, 4+int(n)))
	w[1] = uint64(entry)
	w[2] = uint64(m)
	w[3] = oldIndex<<32 | n<<8 | uint64(arity)
	w[4] = oldUniq
	if n > 0 {
		d.stack = append(d.stack, frame{kind: frameSlots, base: p + FunHeaderWords, n: n})
	}
	return MakeBoxed(p), nil
}

// creatorPid reads and checks the pid field of NEW_FUN_EXT. Any node is
// accepted there since the pid is not kept.
func (d *decoder) creatorPid() error {
	tag, err := d.u8()
	if err != nil {
		return err
	}
	if tag != extPid && tag != extNewPid {
		return d.bad("tag %d where the closure's pid was expected", tag)
	}
	atag, err := d.u8()
	if err != nil {
		return err
	}
	if _, err := d.atomText(atag); err != nil {
		return err
	}
	n := 9
	if tag == extNewPid {
		n = 12
	}
	_, err = d.take(n)
	return err
}

func (d *decoder) pid(tag byte) (Term, error) {
	if err := d.localNode(); err != nil {
		return 0, err
	}
	id, err := d.u32()
	if err != nil {
		return 0, err
	}
	serial, err := d.u32()
	if err != nil {
		return 0, err
	}
	if tag == extPid {
		_, err = d.u8()
	} else {
		_, err = d.u32()
	}
	if err != nil {
		return 0, err
	}
	if id >= 1<<pidIDBits || serial >= 1<<pidSerialBits {
		return 0, d.bad("pid <0.%d.%d> out of range", id, serial)
	}
	return MakePid(uint64(serial)<<pidIDBits | uint64(id)), nil
}

func (d *decoder) port(tag byte) (Term, error) {
	if err := d.localNode(); err != nil {
		return 0, err
	}
	var id uint64
	var err error
	if tag == extV4Port {
		id, err = d.u64()
	} else {
		var v uint32
		v, err = d.u32()
		id = uint64(v)
	}
	if err != nil {
		return 0, err
	}
	if tag == extPort {
		_, err = d.u8()
	} else {
		_, err = d.u32()
	}
	if err != nil {
		return 0, err
	}
	if id > maxPortNumber {
		return 0, d.bad("port number %d out of range", id)
	}
	return MakePort(id), nil
}

func (d *decoder) ref(tag byte) (Term, error) {
	n := 1
	if tag != extReference {
		v, err := d.u16()
		if err != nil {
			return 0, err
		}
		n = v
		if n < 1 || n > 5 {
			return 0, d.bad("reference of %d numbers", n)
		}
	}
	if err := d.localNode(); err != nil {
		return 0, err
	}
	var err error
	if tag == extReference {
		var id uint32
		if id, err = d.u32(); err != nil {
			return 0, err
		}
		if _, err = d.u8(); err != nil {
			return 0, err
		}
		return d.makeRef([]uint32{id})
	}
	if tag == extNewReference {
		_, err = d.u8()
	} else {
		_, err = d.u32()
	}
	if err != nil {
		return 0, err
	}
	var nums [5]uint32
	for i := 0; i < n; i++ {
		if nums[i], err = d.u32(); err != nil {
			return 0, err
		}
	}
	return d.makeRef(nums[:n])
}

func (d *decoder) makeRef(nums []uint32) (Term, error) {
	if len(nums) > refNumbers {
		return 0, d.bad("local reference of %d numbers", len(nums))
	}
	if nums[0] >= 1<<refNum0Bits {
		return 0, d.bad("reference number %d out of range", nums[0])
	}
	p := d.alloc(1+refNumbers, 0)
	d.e.W[p] = uint64(MakeHeader(SubRef, refNumbers))
	for i, v := range nums {
		d.e.W[p+1+uint64(i)] = uint64(v)
	}
	return MakeBoxed(p), nil
}

// binary builds a binary holding a copy of b: on the heap up to MaxHeapBin
// bytes, off-heap above. owned reports that b is a fresh copy the binary may
// keep.
func (d *decoder) binary(b []byte, owned bool) Term {
	n := len(b)
	if n > MaxHeapBin {
		if !owned {
			b = bytes.Clone(b)
		}
		h := d.e.Bins.Add(b)
		p := d.a.Alloc(RefcBinWords)
		w := d.e.W[p : p+RefcBinWords]
		w[0] = uint64(MakeHeader(SubRefcBin, RefcBinWords-1))
		w[1] = uint64(n)
		w[2] = uint64(h)
		w[3] = 0
		if l, ok := d.a.(OffHeapLinker); ok {
			// The heap owns the reference now, and releases it
			// when the object dies (even if decoding fails).
			l.LinkOffHeap(d.e.Bins, p)
		} else {
			d.bins = append(d.bins, h)
		}
		return MakeBoxed(p)
	}
	words := uint64(HeapBinWords(n))
	p := d.a.Alloc(int(words))
	d.e.W[p] = uint64(MakeHeader(SubHeapBin, int(words)-1))
	d.e.W[p+1] = uint64(n)
	if n > 0 {
		d.e.W[p+words-1] = 0
		copy(d.e.BytesAt(p+2, n), b)
	}
	return MakeBoxed(p)
}

// bitBinary decodes BIT_BINARY_EXT: Len bytes of which the last holds Bits
// (1..8) significant bits; an empty one must have Bits 0.
func (d *decoder) bitBinary() (Term, error) {
	n, err := d.u32()
	if err != nil {
		return 0, err
	}
	bits, err := d.u8()
	if err != nil {
		return 0, err
	}
	if (n == 0) != (bits == 0) || bits > 8 {
		return 0, d.bad("bitstring of %d bytes with %d bits in the last", n, bits)
	}
	b, err := d.take(int(n))
	if err != nil {
		return 0, err
	}
	if bits == 8 || n == 0 {
		return d.binary(b, false), nil
	}
	c := bytes.Clone(b)
	c[n-1] &= byte(0xFF << (8 - bits))
	orig := d.binary(c, true)
	p := d.a.Alloc(SubBinWords)
	w := d.e.W[p : p+SubBinWords]
	w[0] = uint64(MakeHeader(SubSubBin, SubBinWords-1))
	w[1] = uint64(n-1)*8 + uint64(bits)
	w[2] = 0
	w[3] = uint64(orig)
	return MakeBoxed(p), nil
}

// sortMap puts the n pairs of the map at word base in storage order (see
// SortMapPairs) and refuses duplicate keys, as binary_to_term does.
func (d *decoder) sortMap(base, n uint64) error {
	w := d.e.W
	ks, vs := base+2, base+2+n
	if mapInOrder(d.e, w[ks:ks+n]) {
		return nil
	}
	keys := make([]Term, 2*n)
	vals := keys[n:]
	keys = keys[:n]
	for i := uint64(0); i < n; i++ {
		keys[i], vals[i] = Term(w[ks+i]), Term(w[vs+i])
	}
	keys, vals = SortMapPairs(d.e, keys, vals)
	if uint64(len(keys)) != n {
		return d.bad("map has a duplicate key")
	}
	for i := range keys {
		w[ks+uint64(i)], w[vs+uint64(i)] = uint64(keys[i]), uint64(vals[i])
	}
	return nil
}

// mapInOrder reports whether the key words are already distinct and in
// storage order (term_to_binary writes them so), without allocating.
func mapInOrder(e *Env, keys []uint64) bool {
	if IsHashOrder(len(keys)) {
		return inHashOrder(e, len(keys), func(i int) Term { return Term(keys[i]) })
	}
	for i := 1; i < len(keys); i++ {
		if CompareExact(e, Term(keys[i-1]), Term(keys[i])) >= 0 {
			return false
		}
	}
	return true
}

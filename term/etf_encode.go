package term

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// EncodeExternal returns the external term format of t (term_to_binary),
// byte for byte what OTP 25 writes for the same term and options, except:
//
//   - compressed output: the zlib stream comes from Go's compress/zlib, whose
//     deflate makes different (equally valid) bytes than the zlib library OTP
//     links; the decision to keep the uncompressed form when compression does
//     not save at least 5 bytes follows OTP;
//   - maps of more than 32 keys with keys whose order depends on the atom
//     table (see mapord.go): written in beamr's hash-trie order;
//   - closures: the module MD5 and new index come from opts.Funs and the
//     creating pid from opts.Creator, since beamr's closures do not hold them.
//
// Lists, tuples and maps of any depth are encoded without Go recursion.
func EncodeExternal(e *Env, t Term, opts EncodeOpts) ([]byte, error) {
	if opts.MinorVersion < 0 || opts.MinorVersion > 2 {
		return nil, fmt.Errorf("term: term_to_binary: minor_version %d: %w", opts.MinorVersion, ErrNotEncodable)
	}
	if opts.Compressed < 0 || opts.Compressed > 9 {
		return nil, fmt.Errorf("term: term_to_binary: compression level %d: %w", opts.Compressed, ErrNotEncodable)
	}
	w := encoder{e: e, opts: opts}
	w.out = append(w.out, VersionMagic)
	if err := w.encode(t); err != nil {
		return nil, err
	}
	if opts.Compressed == 0 {
		return w.out, nil
	}
	body := w.out[1:]
	if len(body) < 5 {
		return w.out, nil
	}
	var z bytes.Buffer
	z.Grow(len(body)/2 + 64)
	zw, err := zlib.NewWriterLevel(&z, opts.Compressed)
	if err != nil {
		return nil, fmt.Errorf("term: term_to_binary: %w", err)
	}
	if _, err := zw.Write(body); err != nil {
		return nil, fmt.Errorf("term: term_to_binary: compressing: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("term: term_to_binary: compressing: %w", err)
	}
	if z.Len() > len(body)-5 {
		return w.out, nil
	}
	out := make([]byte, 0, 6+z.Len())
	out = append(out, VersionMagic, extCompressed)
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	return append(out, z.Bytes()...), nil
}

// ExternalSize returns erlang:external_size(t, [{minor_version, V}]): the
// encoded size (version byte included, compression ignored), counting a
// closure's index and uniq as five bytes each as OTP does. Minor versions
// other than 0 and 1 are refused, as OTP refuses them.
func ExternalSize(e *Env, t Term, opts EncodeOpts) (int, error) {
	if opts.MinorVersion < 0 || opts.MinorVersion > 1 {
		return 0, fmt.Errorf("term: external_size: minor_version %d: %w", opts.MinorVersion, ErrNotEncodable)
	}
	w := encoder{e: e, opts: opts, count: true, estimate: true}
	w.n = 1
	if err := w.encode(t); err != nil {
		return 0, err
	}
	return w.n, nil
}

// encoder writes external terms to out, or only counts their bytes in n.
type encoder struct {
	e        *Env
	opts     EncodeOpts
	out      []byte
	count    bool // only count bytes into n
	estimate bool // count closure index and uniq as OTP's external_size does
	n        int
}

func (w *encoder) byte1(b byte) {
	if w.count {
		w.n++
		return
	}
	w.out = append(w.out, b)
}

func (w *encoder) u16(v uint16) {
	if w.count {
		w.n += 2
		return
	}
	w.out = binary.BigEndian.AppendUint16(w.out, v)
}

func (w *encoder) u32(v uint32) {
	if w.count {
		w.n += 4
		return
	}
	w.out = binary.BigEndian.AppendUint32(w.out, v)
}

func (w *encoder) u64(v uint64) {
	if w.count {
		w.n += 8
		return
	}
	w.out = binary.BigEndian.AppendUint64(w.out, v)
}

func (w *encoder) raw(b []byte) {
	if w.count {
		w.n += len(b)
		return
	}
	w.out = append(w.out, b...)
}

func (w *encoder) size() int {
	if w.count {
		return w.n
	}
	return len(w.out)
}

// Work items of the encoder's explicit stack.
type encKind uint8

const (
	encTerm     encKind = iota // encode t
	encListRest                // the rest of a list whose LIST_EXT header is written
	encPatch                   // write the bytes since at as a 4-byte size at at
)

type encItem struct {
	kind encKind
	t    Term
	at   int
}

func (w *encoder) encode(root Term) error {
	e := w.e
	stack := []encItem{{kind: encTerm, t: root}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch it.kind {
		case encPatch:
			if !w.count {
				binary.BigEndian.PutUint32(w.out[it.at:], uint32(len(w.out)-it.at))
			}
			continue
		case encListRest:
			if it.t.IsList() {
				stack = append(stack, encItem{kind: encListRest, t: e.Tl(it.t)}, encItem{kind: encTerm, t: e.Hd(it.t)})
			} else {
				stack = append(stack, encItem{kind: encTerm, t: it.t})
			}
			continue
		}
		t := it.t
		switch {
		case t.IsSmall():
			w.integer(t.Small())
		case t.IsAtom():
			w.atom(t)
		case t.IsNil():
			w.byte1(extNil)
		case t.IsList():
			n, str := listShape(e, t)
			if str {
				w.byte1(extString)
				w.u16(uint16(n))
				for c := t; c.IsList(); c = e.Tl(c) {
					w.byte1(byte(e.Hd(c).Small()))
				}
				continue
			}
			if n > math.MaxUint32 {
				return fmt.Errorf("term: term_to_binary: list of %d elements: %w", n, ErrNotEncodable)
			}
			w.byte1(extList)
			w.u32(uint32(n))
			stack = append(stack, encItem{kind: encListRest, t: t})
		case t.IsPid():
			w.pid(t)
		case t.IsPort():
			w.port(t)
		case t.IsBoxed():
			var err error
			if stack, err = w.boxed(t, stack); err != nil {
				return err
			}
		default:
			return fmt.Errorf("term: term_to_binary: word %#x: %w", uint64(t), ErrNotEncodable)
		}
	}
	return nil
}

// listShape returns the number of cons cells of list t and whether t is
// written as STRING_EXT: a proper list of at most 65535 integers in 0..255.
func listShape(e *Env, t Term) (n uint64, str bool) {
	str = true
	for ; t.IsList(); t = e.Tl(t) {
		n++
		if str {
			h := e.Hd(t)
			if !h.IsSmall() || h.Small() < 0 || h.Small() > 255 {
				str = false
			}
		}
	}
	return n, str && t.IsNil() && n <= maxStringExt
}

func (w *encoder) boxed(t Term, stack []encItem) ([]encItem, error) {
	e := w.e
	h := e.Header(t)
	switch h.HeaderSub() {
	case SubTuple:
		n := h.HeaderArity()
		if n <= 255 {
			w.byte1(extSmallTuple)
			w.byte1(byte(n))
		} else {
			w.byte1(extLargeTuple)
			w.u32(uint32(n))
		}
		for i := n - 1; i >= 0; i-- {
			stack = append(stack, encItem{kind: encTerm, t: e.Elem(t, i)})
		}
	case SubMap:
		n := e.MapSize(t)
		w.byte1(extMap)
		w.u32(uint32(n))
		var order []int32 // deterministic output writes keys in term order
		if w.opts.Deterministic && IsHashOrder(n) {
			order = MapKeyOrder(e, t)
		}
		for i := n - 1; i >= 0; i-- {
			j := i
			if order != nil {
				j = int(order[i])
			}
			stack = append(stack, encItem{kind: encTerm, t: e.MapValue(t, j)}, encItem{kind: encTerm, t: e.MapKey(t, j)})
		}
	case SubNativeRecord:
		stack = w.nativeRecord(t, stack)
	case SubFloat:
		w.float(e.Float(t))
	case SubPosBig, SubNegBig:
		w.bigInt(t)
	case SubHeapBin, SubRefcBin, SubSubBin:
		w.bits(t)
	case SubResource:
		w.portNum(e.PortNum(t))
	case SubRef:
		w.byte1(extNewerReference)
		w.u16(refNumbers)
		w.atom(AtomNonode)
		w.u32(0)
		for i := 1; i <= refNumbers; i++ {
			w.u32(uint32(e.Word(t, i)))
		}
	case SubExport:
		m, f, a := e.ExportMFA(t)
		w.byte1(extExport)
		w.atom(m)
		w.atom(f)
		w.integer(int64(a))
	case SubFun:
		return w.closure(t, stack), nil
	default:
		return stack, fmt.Errorf("term: term_to_binary: boxed object of subtag %d: %w", h.HeaderSub(), ErrNotEncodable)
	}
	return stack, nil
}

// integer writes v as SMALL_INTEGER_EXT, INTEGER_EXT or SMALL_BIG_EXT.
func (w *encoder) integer(v int64) {
	switch {
	case v >= 0 && v <= 255:
		w.byte1(extSmallInteger)
		w.byte1(byte(v))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		w.byte1(extInteger)
		w.u32(uint32(int32(v)))
	default:
		u, sign := uint64(v), byte(0)
		if v < 0 {
			u, sign = -u, 1
		}
		var mag [8]byte
		n := 0
		for ; u != 0; u >>= 8 {
			mag[n] = byte(u)
			n++
		}
		w.byte1(extSmallBig)
		w.byte1(byte(n))
		w.byte1(sign)
		w.raw(mag[:n])
	}
}

// intSize is the number of bytes integer(v) writes.
func intSize(v int64) int {
	switch {
	case v >= 0 && v <= 255:
		return 2
	case v >= math.MinInt32 && v <= math.MaxInt32:
		return 5
	}
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	n := 0
	for ; u != 0; u >>= 8 {
		n++
	}
	return 3 + n
}

func (w *encoder) bigInt(t Term) {
	e := w.e
	h := e.Header(t)
	nw := h.HeaderArity()
	nbytes := 0
	for k := nw - 1; k >= 0; k-- {
		if v := e.Word(t, 1+k); v != 0 {
			nbytes = 8*k + (64-bits.LeadingZeros64(v)+7)/8
			break
		}
	}
	if nbytes < 256 {
		w.byte1(extSmallBig)
		w.byte1(byte(nbytes))
	} else {
		w.byte1(extLargeBig)
		w.u32(uint32(nbytes))
	}
	if h.HeaderSub() == SubNegBig {
		w.byte1(1)
	} else {
		w.byte1(0)
	}
	if w.count {
		w.n += nbytes
		return
	}
	for i := 0; i < nbytes; i++ {
		w.out = append(w.out, byte(e.Word(t, 1+i/8)>>(8*(i%8))))
	}
}

func (w *encoder) float(f float64) {
	if w.opts.MinorVersion == 0 {
		w.byte1(extFloat)
		var buf [floatExtLen]byte
		copy(buf[:], strconv.FormatFloat(f, 'e', 20, 64))
		w.raw(buf[:])
		return
	}
	w.byte1(extNewFloat)
	w.u64(math.Float64bits(f))
}

// atom writes a as ATOM_EXT when its name is Latin-1 (minor versions 0 and
// 1), otherwise as SMALL_ATOM_UTF8_EXT or ATOM_UTF8_EXT.
func (w *encoder) atom(a Term) {
	name := w.e.AtomName(a)
	if w.opts.MinorVersion < 2 {
		if n, ok := latin1Len(name); ok {
			w.byte1(extAtom)
			w.u16(uint16(n))
			if w.count {
				w.n += n
				return
			}
			for _, r := range name {
				w.out = append(w.out, byte(r))
			}
			return
		}
	}
	if len(name) < 256 {
		w.byte1(extSmallAtomUTF8)
		w.byte1(byte(len(name)))
	} else {
		w.byte1(extAtomUTF8)
		w.u16(uint16(len(name)))
	}
	if w.count {
		w.n += len(name)
		return
	}
	w.out = append(w.out, name...)
}

// latin1Len returns the number of characters of s when all are Latin-1.
func latin1Len(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r > 0xFF {
			return 0, false
		}
		n++
	}
	return n, utf8.ValidString(s)
}

func (w *encoder) pid(t Term) {
	id, serial := pidFields(t.PidNumber())
	w.byte1(extNewPid)
	w.atom(AtomNonode)
	w.u32(id)
	w.u32(serial)
	w.u32(0)
}

func (w *encoder) port(t Term) { w.portNum(t.PortNumber()) }

// portNum writes the local port numbered n.
func (w *encoder) portNum(n uint64) {
	if n <= math.MaxUint32 {
		w.byte1(extNewPort)
		w.atom(AtomNonode)
		w.u32(uint32(n))
	} else {
		w.byte1(extV4Port)
		w.atom(AtomNonode)
		w.u64(n)
	}
	w.u32(0)
}

// bits writes a binary as BINARY_EXT and a bitstring as BIT_BINARY_EXT, with
// the unused bits of the last byte zero.
func (w *encoder) bits(t Term) {
	data, off, size := w.e.Bits(t)
	nbytes := (size + 7) / 8
	tail := size % 8
	if tail == 0 {
		w.byte1(extBinary)
		w.u32(uint32(nbytes))
	} else {
		w.byte1(extBitBinary)
		w.u32(uint32(nbytes))
		w.byte1(byte(tail))
	}
	if w.count {
		w.n += int(nbytes)
		return
	}
	start := len(w.out)
	if off%8 == 0 {
		w.out = append(w.out, data[off/8:off/8+nbytes]...)
	} else {
		w.out = append(w.out, make([]byte, nbytes)...)
		CopyBits(w.out[start:], 0, data, off, size)
	}
	if tail != 0 {
		w.out[len(w.out)-1] &= byte(0xFF << (8 - tail))
	}
}

// closure writes NEW_FUN_EXT and queues the free variables, followed by the
// patch of the Size field.
func (w *encoder) closure(t Term, stack []encItem) []encItem {
	e := w.e
	var md5 [16]byte
	var newIndex uint32
	if w.opts.Funs != nil {
		md5, newIndex = w.opts.Funs.FunInfo(e.FunEntry(t))
	}
	nfree := e.FunNumFree(t)
	oldIndex, oldUniq := int64(e.FunIndex(t)), int64(e.FunUniq(t))
	w.byte1(extNewFun)
	at := w.size()
	w.u32(0) // Size, patched when the free variables are written
	w.byte1(byte(e.FunArity(t)))
	w.raw(md5[:])
	w.u32(newIndex)
	w.u32(uint32(nfree))
	w.atom(e.FunModule(t))
	w.integer(oldIndex)
	w.integer(oldUniq)
	if w.estimate {
		w.n += 10 - intSize(oldIndex) - intSize(oldUniq)
	}
	creator := w.opts.Creator
	if !creator.IsPid() {
		creator = MakePid(0)
	}
	w.pid(creator)
	stack = append(stack, encItem{kind: encPatch, at: at})
	for i := nfree - 1; i >= 0; i-- {
		stack = append(stack, encItem{kind: encTerm, t: e.FunFree(t, i)})
	}
	return stack
}

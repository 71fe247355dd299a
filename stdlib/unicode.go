package stdlib

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The unicode module's conversions, all native. Error and incomplete
// results carry the unconverted rest of the input in the shapes OTP
// builds: the failing element followed by the rest of its list, nested
// in the rest of each enclosing list.

// encoding is a character encoding of the unicode module.
type encoding struct {
	kind   int // 8 latin1, 1 utf8, 16 utf16, 32 utf32
	little bool
}

func encodingOf(e *term.Env, t term.Term) (encoding, bool) {
	if t.IsAtom() {
		switch e.AtomName(t) {
		case "latin1":
			return encoding{kind: 8}, true
		case "unicode", "utf8":
			return encoding{kind: 1}, true
		case "utf16":
			return encoding{kind: 16}, true
		case "utf32":
			return encoding{kind: 32}, true
		}
		return encoding{}, false
	}
	if e.IsTuple(t) && e.TupleArity(t) == 2 && e.Elem(t, 0).IsAtom() && e.Elem(t, 1).IsAtom() {
		var en encoding
		switch e.AtomName(e.Elem(t, 0)) {
		case "utf16":
			en.kind = 16
		case "utf32":
			en.kind = 32
		default:
			return encoding{}, false
		}
		switch e.AtomName(e.Elem(t, 1)) {
		case "big":
		case "little":
			en.little = true
		default:
			return encoding{}, false
		}
		return en, true
	}
	return encoding{}, false
}

func validCodePoint(c int64) bool {
	return c >= 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)
}

// decodeOne decodes the first character of b in encoding en. n is 0 with
// incomplete set when b holds only the start of a character, and 0
// without it when b starts with an invalid sequence.
func decodeOne(b []byte, en encoding) (r rune, n int, incomplete bool) {
	switch en.kind {
	case 8:
		return rune(b[0]), 1, false
	case 1:
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(b) && validUTF8Prefix(b) {
				return 0, 0, true
			}
			return 0, 0, false
		}
		return r, n, false
	case 16:
		if len(b) < 2 {
			return 0, 0, true
		}
		u := uint16Of(b, en.little)
		if u >= 0xD800 && u <= 0xDBFF {
			if len(b) < 4 {
				return 0, 0, true
			}
			u2 := uint16Of(b[2:], en.little)
			if u2 < 0xDC00 || u2 > 0xDFFF {
				return 0, 0, false
			}
			return rune(0x10000 + (int(u)-0xD800)<<10 + int(u2) - 0xDC00), 4, false
		}
		if u >= 0xDC00 && u <= 0xDFFF {
			return 0, 0, false
		}
		return rune(u), 2, false
	}
	if len(b) < 4 {
		return 0, 0, true
	}
	var u uint32
	if en.little {
		u = binary.LittleEndian.Uint32(b)
	} else {
		u = binary.BigEndian.Uint32(b)
	}
	if !validCodePoint(int64(u)) {
		return 0, 0, false
	}
	return rune(u), 4, false
}

func uint16Of(b []byte, little bool) uint16 {
	if little {
		return binary.LittleEndian.Uint16(b)
	}
	return binary.BigEndian.Uint16(b)
}

// validUTF8Prefix reports whether b (shorter than a full character) could
// start a valid UTF-8 sequence.
func validUTF8Prefix(b []byte) bool {
	if len(b) == 0 || len(b) >= 4 {
		return false
	}
	c := b[0]
	var need int
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 2
	case c >= 0xE0 && c <= 0xEF:
		need = 3
	case c >= 0xF0 && c <= 0xF4:
		need = 4
	default:
		return false
	}
	if len(b) >= need {
		return false
	}
	for i := 1; i < len(b); i++ {
		if b[i] < 0x80 || b[i] > 0xBF {
			return false
		}
	}
	if len(b) >= 2 {
		switch {
		case c == 0xE0 && b[1] < 0xA0, c == 0xED && b[1] > 0x9F,
			c == 0xF0 && b[1] < 0x90, c == 0xF4 && b[1] > 0x8F:
			return false
		}
	}
	return true
}

// encodeRune appends c in encoding en; false when en cannot hold c.
func encodeRune(buf []byte, c rune, en encoding) ([]byte, bool) {
	switch en.kind {
	case 8:
		if c > 255 {
			return buf, false
		}
		return append(buf, byte(c)), true
	case 1:
		return utf8.AppendRune(buf, c), true
	case 16:
		put := func(u uint16) {
			if en.little {
				buf = binary.LittleEndian.AppendUint16(buf, u)
			} else {
				buf = binary.BigEndian.AppendUint16(buf, u)
			}
		}
		if c >= 0x10000 {
			c -= 0x10000
			put(uint16(0xD800 + c>>10))
			put(uint16(0xDC00 + c&0x3FF))
		} else {
			put(uint16(c))
		}
		return buf, true
	}
	if en.little {
		return binary.LittleEndian.AppendUint32(buf, uint32(c)), true
	}
	return binary.BigEndian.AppendUint32(buf, uint32(c)), true
}

// converter runs one characters_to_list/binary conversion.
type converter struct {
	p       *vm.Process
	e       *term.Env
	in, out encoding
	toList  bool
	runes   []rune // output for lists
	bytes   []byte // output for binaries
}

type convStatus uint8

const (
	convOK convStatus = iota
	convError
	convIncomplete
	convBadarg
)

// put outputs c; false when the output encoding cannot hold it.
func (c *converter) put(r rune) bool {
	if c.toList {
		c.runes = append(c.runes, r)
		return true
	}
	var ok bool
	c.bytes, ok = encodeRune(c.bytes, r, c.out)
	return ok
}

// bin converts a binary; on failure it returns the unconverted part.
func (c *converter) bin(t term.Term, atEnd bool) (term.Term, convStatus) {
	b, ok := binArg(c.e, t)
	if !ok {
		return 0, convBadarg
	}
	i := 0
	for i < len(b) {
		r, n, inc := decodeOne(b[i:], c.in)
		if n == 0 {
			st := convError
			if inc && atEnd {
				st = convIncomplete
			} else if inc {
				st = convIncomplete + 10 // incomplete, more data follows
			}
			return subBin(c.p, t, i, len(b)-i), st
		}
		if !c.put(r) {
			return subBin(c.p, t, i, len(b)-i), convError
		}
		i += n
	}
	return 0, convOK
}

// list converts a (deep) list; on failure it returns the rest.
func (c *converter) list(t term.Term, atEnd bool) (term.Term, convStatus) {
	h := c.p.Heap
	for t.IsList() {
		x, tail := c.e.Hd(t), c.e.Tl(t)
		last := atEnd && tail == term.Nil
		switch {
		case x.IsSmall():
			v := x.Small()
			if !validCodePoint(v) || c.in.kind == 8 && v > 255 {
				return h.Cons(x, tail), convError
			}
			if !c.put(rune(v)) {
				return h.Cons(h.List(x), tail), convError
			}
		case x == term.Nil || x.IsList():
			r, st := c.list(x, last)
			if st != convOK {
				if st == convIncomplete || st == convBadarg {
					return r, st
				}
				return h.Cons(r, tail), st
			}
		case c.e.IsBinary(x):
			r, st := c.bin(x, last)
			switch st {
			case convOK:
			case convIncomplete, convBadarg:
				return r, st
			case convIncomplete + 10:
				return h.Cons(r, h.List(tail)), convError
			default:
				return h.Cons(r, tail), st
			}
		default:
			return 0, convBadarg
		}
		t = tail
	}
	if t == term.Nil {
		return 0, convOK
	}
	r, st := c.bin(t, atEnd)
	if st == convIncomplete+10 {
		st = convError
	}
	return r, st
}

func (c *converter) run(data term.Term) term.Term {
	p := c.p
	var rest term.Term
	var st convStatus
	switch {
	case data == term.Nil || data.IsList():
		rest, st = c.list(data, true)
	case c.e.IsBinary(data):
		rest, st = c.bin(data, true)
		if st == convIncomplete+10 {
			st = convError
		}
	default:
		return p.BadArg()
	}
	var out term.Term
	if c.toList {
		out = runesList(p.Heap, c.runes)
	} else {
		out = newBinary(p, c.bytes)
	}
	switch st {
	case convOK:
		return out
	case convBadarg:
		return p.BadArg()
	case convIncomplete:
		return p.Heap.Tuple(p.Atom("incomplete"), out, rest)
	}
	return p.Heap.Tuple(term.AtomError, out, rest)
}

func registerUnicode(rt *vm.Runtime) {
	registerNormalization(rt)
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("unicode", name, arity, f) }
	utf8Enc := encoding{kind: 1}
	convert := func(p *vm.Process, data term.Term, in, out term.Term, toList bool) term.Term {
		e := p.Env()
		c := &converter{p: p, e: e, in: utf8Enc, out: utf8Enc, toList: toList}
		var ok bool
		if in != term.NoValue {
			if c.in, ok = encodingOf(e, in); !ok {
				return p.BadArg()
			}
		}
		if out != term.NoValue {
			if c.out, ok = encodingOf(e, out); !ok {
				return p.BadArg()
			}
		}
		return c.run(data)
	}
	reg("characters_to_binary", 1, func(p *vm.Process, args []term.Term) term.Term {
		return convert(p, args[0], term.NoValue, term.NoValue, false)
	})
	reg("characters_to_binary", 2, func(p *vm.Process, args []term.Term) term.Term {
		return convert(p, args[0], args[1], term.NoValue, false)
	})
	reg("characters_to_binary", 3, func(p *vm.Process, args []term.Term) term.Term {
		return convert(p, args[0], args[1], args[2], false)
	})
	reg("characters_to_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		return convert(p, args[0], term.NoValue, term.NoValue, true)
	})
	reg("characters_to_list", 2, func(p *vm.Process, args []term.Term) term.Term {
		return convert(p, args[0], args[1], term.NoValue, true)
	})
	reg("bom_to_encoding", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		b, ok := binArg(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		h := p.Heap
		has := func(prefix ...byte) bool {
			return len(b) >= len(prefix) && string(b[:len(prefix)]) == string(prefix)
		}
		enc := func(name, endian string) term.Term {
			return h.Tuple(p.Atom(name), p.Atom(endian))
		}
		switch {
		case has(0xEF, 0xBB, 0xBF):
			return h.Tuple(term.AtomUtf8, term.MakeSmall(3))
		case has(0, 0, 0xFE, 0xFF):
			return h.Tuple(enc("utf32", "big"), term.MakeSmall(4))
		case has(0xFF, 0xFE, 0, 0):
			return h.Tuple(enc("utf32", "little"), term.MakeSmall(4))
		case has(0xFE, 0xFF):
			return h.Tuple(enc("utf16", "big"), term.MakeSmall(2))
		case has(0xFF, 0xFE):
			return h.Tuple(enc("utf16", "little"), term.MakeSmall(2))
		}
		return h.Tuple(term.AtomLatin1, term.MakeSmall(0))
	})
	reg("encoding_to_bom", 1, func(p *vm.Process, args []term.Term) term.Term {
		en, ok := encodingOf(p.Env(), args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		var bom []byte
		switch en.kind {
		case 1:
			bom = []byte{0xEF, 0xBB, 0xBF}
		case 16:
			bom, _ = encodeRune(nil, 0xFEFF, en)
		case 32:
			bom, _ = encodeRune(nil, 0xFEFF, en)
		}
		return newBinary(p, bom)
	})
}

// normInput flattens the chardata argument of the characters_to_nf*
// functions. Integers pass unchecked, as in OTP; a binary that is not
// UTF-8 stops the walk, and bad is then its unconverted rest.
func normInput(p *vm.Process, t term.Term) (rs []rune, bad term.Term, ok bool) {
	e := p.Env()
	bad = term.NoValue
	var walk func(t term.Term) bool
	doBin := func(t term.Term) bool {
		b, isBin := binArg(e, t)
		if !isBin {
			return false
		}
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				bad = subBin(p, t, i, len(b)-i)
				return true
			}
			rs = append(rs, r)
			i += n
		}
		return true
	}
	walk = func(t term.Term) bool {
		for t.IsList() && bad == term.NoValue {
			h := e.Hd(t)
			switch {
			case h.IsSmall():
				rs = append(rs, rune(h.Small()))
			case h == term.Nil || h.IsList():
				if !walk(h) {
					return false
				}
			default:
				if !doBin(h) {
					return false
				}
			}
			t = e.Tl(t)
		}
		if t == term.Nil || bad != term.NoValue {
			return true
		}
		return doBin(t)
	}
	if t.IsBoxed() {
		ok = doBin(t)
	} else if t == term.Nil || t.IsList() {
		ok = walk(t)
	}
	return rs, bad, ok
}

func registerNormalization(rt *vm.Runtime) {
	forms := []struct {
		name   string
		f      func([]rune, bool) []rune
		compat bool
	}{{"nfc", normalizeC, false}, {"nfd", normalizeD, false}, {"nfkc", normalizeC, true}, {"nfkd", normalizeD, true}}
	for _, form := range forms {
		form := form
		for _, asList := range []bool{true, false} {
			asList := asList
			suffix := "_binary"
			if asList {
				suffix = "_list"
			}
			rt.Register("unicode", "characters_to_"+form.name+suffix, 1, func(p *vm.Process, args []term.Term) term.Term {
				rs, bad, ok := normInput(p, args[0])
				if !ok {
					return p.BadArg()
				}
				out := form.f(rs, form.compat)
				var res term.Term
				if asList {
					res = runesList(p.Heap, out)
				} else {
					var buf []byte
					for _, r := range out {
						if r < 0 || !utf8.ValidRune(r) {
							return p.BadArg()
						}
						buf = utf8.AppendRune(buf, r)
					}
					res = newBinary(p, buf)
				}
				if bad != term.NoValue {
					return p.Heap.Tuple(term.AtomError, res, bad)
				}
				return res
			})
		}
	}
}

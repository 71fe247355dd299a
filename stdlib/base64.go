package stdlib

import (
	"encoding/base64"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The base64 module of OTP 25, native. Well-formed input gives OTP's
// results; malformed input raises the exception OTP 25's Erlang
// implementation raises, at the same point of the input: the decoders
// below follow its state machines step by step, carrying the symbolic
// values (padding, invalid character) it carries until arithmetic or
// binary construction fails on them.

// registerBase64 registers the functions of the base64 module.
func registerBase64(rt *vm.Runtime) {
	reg := func(name string, f vm.NativeFunc) { rt.Register("base64", name, 1, f) }
	reg("encode", func(p *vm.Process, args []term.Term) term.Term {
		return b64Encode(p, args[0], false)
	})
	reg("encode_to_string", func(p *vm.Process, args []term.Term) term.Term {
		return b64Encode(p, args[0], true)
	})
	reg("decode", func(p *vm.Process, args []term.Term) term.Term {
		return b64Decode(p, args[0], false, false)
	})
	reg("decode_to_string", func(p *vm.Process, args []term.Term) term.Term {
		return b64Decode(p, args[0], false, true)
	})
	reg("mime_decode", func(p *vm.Process, args []term.Term) term.Term {
		return b64Decode(p, args[0], true, false)
	})
	reg("mime_decode_to_string", func(p *vm.Process, args []term.Term) term.Term {
		return b64Decode(p, args[0], true, true)
	})
}

// b64Fail says which exception a malformed input raises.
type b64Fail int

const (
	b64OK             b64Fail = iota
	b64Badarg                 // error:badarg
	b64Badarith               // error:badarith
	b64FunctionClause         // error:function_clause
	b64CaseClause             // error:{case_clause, V}, V in b64Error.val
)

// b64Error is a failure and, for case_clause, the value that matched no
// clause (a sextet or one of the symbols below).
type b64Error struct {
	fail b64Fail
	val  int8
}

// Symbolic values of characters that are not base64 digits.
const (
	b64WS  int8 = -1 // whitespace: tab, line feed, carriage return, space
	b64Eq  int8 = -2 // the padding character =
	b64Bad int8 = -3 // anything else
)

// b64Table maps a character code to its sextet or symbol.
var b64Table = func() (t [256]int8) {
	for i := range t {
		t[i] = b64Bad
	}
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(digits); i++ {
		t[digits[i]] = int8(i)
	}
	for _, c := range []byte{'\t', '\n', '\r', ' '} {
		t[c] = b64WS
	}
	t['='] = b64Eq
	return t
}()

// b64Digit returns the sextet or symbol of character code c, failing
// with badarg for codes outside 1..255 (c is -1 for terms that are not
// such integers).
func b64Digit(c int) (int8, bool) {
	if c < 1 || c > 255 {
		return 0, false
	}
	return b64Table[c], true
}

// b64Raise turns a failure into the Erlang exception.
func b64Raise(p *vm.Process, f b64Error) term.Term {
	switch f.fail {
	case b64Badarith:
		return p.BadArith()
	case b64FunctionClause:
		return raiseFunctionClause(p)
	case b64CaseClause:
		var v term.Term
		switch f.val {
		case b64Eq:
			v = p.Atom("eq")
		case b64Bad:
			v = p.Atom("bad")
		default:
			v = term.MakeSmall(int64(f.val))
		}
		return p.Error(p.Heap.Tuple(term.AtomCaseClause, v))
	}
	return p.BadArg()
}

// b64Result builds a successful result: a binary, or a list of bytes.
func b64Result(p *vm.Process, out []byte, toString bool) term.Term {
	if toString {
		return bytesList(p.Heap, out)
	}
	return newBinary(p, out)
}

// ---------------------------------------------------------------------
// Encoding

// b64Encode implements encode/1 (a binary) and encode_to_string/1 (a
// list of bytes).
func b64Encode(p *vm.Process, in term.Term, toString bool) term.Term {
	e := p.Env()
	var out []byte
	switch {
	case e.IsBinary(in):
		b, _ := e.Bytes(in)
		out = make([]byte, base64.StdEncoding.EncodedLen(len(b)))
		base64.StdEncoding.Encode(out, b)
	case in == term.Nil || in.IsList():
		var f b64Error
		out, f = b64EncodeList(e, in)
		if f.fail != b64OK {
			return b64Raise(p, f)
		}
	default:
		return raiseFunctionClause(p)
	}
	return b64Result(p, out, toString)
}

// b64Int classifies an element of a list to encode.
type b64Int int

const (
	b64Small b64Int = iota
	b64Big
	b64NotInt
)

func b64IntOf(e *term.Env, t term.Term) (int64, b64Int) {
	switch {
	case t.IsSmall():
		return t.Small(), b64Small
	case e.IsBig(t):
		return 0, b64Big
	}
	return 0, b64NotInt
}

// b64Char returns the digit of sextet x, failing with badarg (OTP looks
// it up with element/2) when x is not in 0..63.
func b64Char(x int64) (byte, bool) {
	if x < 0 || x > 63 {
		return 0, false
	}
	return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[x], true
}

// b64EncodeList encodes a list three elements at a time, with OTP's
// arithmetic on elements that are not bytes: non-integers fail with
// badarith, and digits computed outside 0..63 with badarg, the first
// failing digit (left to right) deciding.
func b64EncodeList(e *term.Env, t term.Term) ([]byte, b64Error) {
	var out []byte
	bad := func(f b64Fail) ([]byte, b64Error) { return nil, b64Error{fail: f} }
	for t != term.Nil {
		if !t.IsList() {
			return bad(b64FunctionClause)
		}
		x1, r1 := e.Hd(t), e.Tl(t)
		if r1 != term.Nil && !r1.IsList() {
			return bad(b64FunctionClause)
		}
		if r1 == term.Nil || e.Tl(r1) == term.Nil {
			// One or two elements left: their digits one by one.
			v1, k1 := b64IntOf(e, x1)
			if k1 == b64NotInt {
				return bad(b64Badarith)
			}
			if k1 == b64Big {
				return bad(b64Badarg)
			}
			c1, ok := b64Char(v1 >> 2)
			if !ok {
				return bad(b64Badarg)
			}
			if r1 == term.Nil {
				c2, _ := b64Char((v1 & 3) << 4)
				return append(out, c1, c2, '=', '='), b64Error{}
			}
			v2, k2 := b64IntOf(e, e.Hd(r1))
			if k2 == b64NotInt {
				return bad(b64Badarith)
			}
			if k2 == b64Big {
				return bad(b64Badarg)
			}
			c2, ok := b64Char((v1&3)<<4 | v2>>4)
			if !ok {
				return bad(b64Badarg)
			}
			c3, _ := b64Char((v2 & 15) << 2)
			return append(out, c1, c2, c3, '='), b64Error{}
		}
		r2 := e.Tl(r1)
		if !r2.IsList() {
			return bad(b64FunctionClause)
		}
		v1, k1 := b64IntOf(e, x1)
		v2, k2 := b64IntOf(e, e.Hd(r1))
		v3, k3 := b64IntOf(e, e.Hd(r2))
		if k1 == b64NotInt || k2 == b64NotInt || k3 == b64NotInt {
			return bad(b64Badarith)
		}
		// The 24-bit group (B1 bsl 16) bor (B2 bsl 8) bor B3 must lie in
		// 0..2^24-1 for its first digit to exist; or-ing never clears bits,
		// so that needs every element non-negative and small enough.
		if k1 == b64Big || k2 == b64Big || k3 == b64Big ||
			v1 < 0 || v2 < 0 || v3 < 0 || v1 > 0xff || v2 > 0xffff || v3 > 0xffffff {
			return bad(b64Badarg)
		}
		g := v1<<16 | v2<<8 | v3
		c1, _ := b64Char(g >> 18)
		c2, _ := b64Char(g >> 12 & 63)
		c3, _ := b64Char(g >> 6 & 63)
		c4, _ := b64Char(g & 63)
		out = append(out, c1, c2, c3, c4)
		t = e.Tl(r2)
	}
	return out, b64Error{}
}

// ---------------------------------------------------------------------
// Decoding

// b64Input walks the characters of a binary or a list.
type b64Input struct {
	e      *term.Env
	bin    []byte
	pos    int
	list   term.Term
	isList bool
}

// What b64Input.next found.
const (
	b64Got  = iota // a character (its code, or -1 for a term that is not an integer in 0..255)
	b64End         // the end: <<>> or []
	b64Tail        // an improper list tail
)

func (in *b64Input) next() (int, int) {
	if !in.isList {
		if in.pos >= len(in.bin) {
			return 0, b64End
		}
		c := in.bin[in.pos]
		in.pos++
		return int(c), b64Got
	}
	t := in.list
	if t == term.Nil {
		return 0, b64End
	}
	if !t.IsList() {
		return 0, b64Tail
	}
	in.list = in.e.Tl(t)
	h := in.e.Hd(t)
	if h.IsSmall() && h.Small() >= 0 && h.Small() <= 255 {
		return int(h.Small()), b64Got
	}
	return -1, b64Got
}

// b64Decode implements decode/1, decode_to_string/1, mime_decode/1 and
// mime_decode_to_string/1.
func b64Decode(p *vm.Process, in term.Term, mime, toString bool) term.Term {
	e := p.Env()
	src := &b64Input{e: e}
	switch {
	case e.IsBinary(in):
		src.bin, _ = e.Bytes(in)
	case in == term.Nil || in.IsList():
		src.list, src.isList = in, true
	default:
		return raiseFunctionClause(p)
	}
	var out []byte
	var f b64Error
	if mime {
		out, f = b64DecodeMime(src)
	} else {
		out, f = b64DecodeStrict(src, toString)
	}
	if f.fail != b64OK {
		return b64Raise(p, f)
	}
	return b64Result(p, out, toString)
}

// b64Sextet reports whether a decoded value is a sextet (not a symbol).
func b64Sextet(v int8) bool { return v >= 0 }

// b64DecodeStrict decodes groups of four significant characters, skipping
// whitespace, with padding allowed only at the end of the last group and
// nothing but whitespace after it. Invalid characters and misplaced
// padding are carried along until their group is complete, where OTP's
// arithmetic (badarith, in the to_string variants also for full groups)
// or binary construction (badarg) fails on them.
func b64DecodeStrict(in *b64Input, toString bool) ([]byte, b64Error) {
	var out []byte
	var b [4]int8
	n := 0
	for {
		c, kind := in.next()
		if kind != b64Got {
			if kind == b64End && n == 0 {
				return out, b64Error{}
			}
			return nil, b64Error{fail: b64FunctionClause}
		}
		d, ok := b64Digit(c)
		if !ok {
			return nil, b64Error{fail: b64Badarg}
		}
		if d == b64WS {
			continue
		}
		if n < 3 {
			b[n] = d
			n++
			continue
		}
		n = 0
		if d == b64Eq {
			// Padding: one byte when the third value was padding too,
			// else two; then only whitespace may follow.
			if b[2] == b64Eq {
				if !b64Sextet(b[1]) {
					return nil, b64Error{fail: b64Badarith}
				}
				if !b64Sextet(b[0]) {
					return nil, b64Error{fail: b64Badarg}
				}
				out = append(out, byte(b[0])<<2|byte(b[1])>>4)
			} else {
				if !b64Sextet(b[2]) {
					return nil, b64Error{fail: b64Badarith}
				}
				if !b64Sextet(b[0]) || !b64Sextet(b[1]) {
					return nil, b64Error{fail: b64Badarg}
				}
				out = append(out, byte(b[0])<<2|byte(b[1])>>4, byte(b[1])<<4|byte(b[2])>>2)
			}
			return b64OnlyWhitespace(in, out)
		}
		b[3] = d
		for _, v := range b {
			if !b64Sextet(v) {
				if toString {
					return nil, b64Error{fail: b64Badarith}
				}
				return nil, b64Error{fail: b64Badarg}
			}
		}
		out = append(out, byte(b[0])<<2|byte(b[1])>>4, byte(b[1])<<4|byte(b[2])>>2, byte(b[2])<<6|byte(b[3]))
	}
}

// b64OnlyWhitespace accepts the rest of the input when it is whitespace.
func b64OnlyWhitespace(in *b64Input, out []byte) ([]byte, b64Error) {
	for {
		c, kind := in.next()
		switch kind {
		case b64End:
			return out, b64Error{}
		case b64Tail:
			return nil, b64Error{fail: b64FunctionClause}
		}
		d, ok := b64Digit(c)
		if !ok {
			return nil, b64Error{fail: b64Badarg}
		}
		if d != b64WS {
			return nil, b64Error{fail: b64CaseClause, val: d}
		}
	}
}

// b64DecodeMime decodes leniently: NUL and every character that is not a
// base64 digit are skipped, except padding in the third or fourth place
// of a group, which ends it; digits after the padding start a new group
// (after "==" the next digit takes the third place instead). The input
// must not end inside a group before padding.
func b64DecodeMime(in *b64Input) ([]byte, b64Error) {
	var out []byte
	var b [3]int8
	n := 0
	padded := false // seen padding in the current group
	for {
		c, kind := in.next()
		if kind != b64Got {
			if kind == b64End && padded {
				if b[2] == b64Eq {
					out = append(out, byte(b[0])<<2|byte(b[1])>>4)
				} else {
					out = append(out, byte(b[0])<<2|byte(b[1])>>4, byte(b[1])<<4|byte(b[2])>>2)
				}
				return out, b64Error{}
			}
			if kind == b64End && n == 0 {
				return out, b64Error{}
			}
			return nil, b64Error{fail: b64FunctionClause}
		}
		if c == 0 {
			continue
		}
		d, ok := b64Digit(c)
		if !ok {
			return nil, b64Error{fail: b64Badarg}
		}
		if padded {
			if !b64Sextet(d) {
				continue
			}
			padded = false
			if b[2] == b64Eq {
				b[2] = d
				n = 3
				continue
			}
			out = append(out, byte(b[0])<<2|byte(b[1])>>4, byte(b[1])<<4|byte(b[2])>>2, byte(b[2])<<6|byte(d))
			n = 0
			continue
		}
		switch {
		case b64Sextet(d) && n < 3:
			b[n] = d
			n++
		case b64Sextet(d):
			out = append(out, byte(b[0])<<2|byte(b[1])>>4, byte(b[1])<<4|byte(b[2])>>2, byte(b[2])<<6|byte(d))
			n = 0
		case d == b64Eq && n == 2:
			b[2] = b64Eq
			padded = true
		case d == b64Eq && n == 3:
			padded = true
		}
	}
}

package term

import (
	"strconv"
	"unicode/utf8"
)

// Printing in the ~w form, as io_lib:write/2 does in OTP 25.
//
// All printers here append UTF-8 text. The text is always valid UTF-8: the
// characters they emit are atom and printable-string characters, which are
// Unicode scalar values, and ASCII otherwise.
//
// Values without source syntax print as the BEAM prints local ones:
//
//	pid            <0.N.0>               (N = PidNumber)
//	port           #Port<0.N>            (N = PortNumber)
//	reference      #Ref<0.Wn.....W1>     (body words, last first)
//	closure        #Fun<Module.Index.Uniq>
//	external fun   fun M:F/A
//
// Funs print as erlang:fun_to_list/1 text, which the emulator builds from
// the UTF-8 bytes of the atom names, one Latin-1 character per byte (in
// fun 'Ж':f/0 the name is the two characters 16#D0 16#96), with the
// emulator's own quoting rules.
//
// A reference is taken to be a header (SubRef, n) followed by n words, each
// printed in decimal, last word first. A resource (SubResource: an open file
// or socket) prints as the port #Port<0.N>, N its handle.

// AppendW appends the ~w form of t to buf: io_lib:write(T) with latin1
// encoding, so atom characters above 255 are written as \x{H}.
func AppendW(buf []byte, e *Env, t Term) []byte {
	w := termWriter{e: e, buf: buf}
	w.write(t, -1)
	return w.buf
}

// AppendWDepth appends the ~W form of t: io_lib:write(T, [{depth, Depth},
// {encoding, Enc}]). A negative depth is unlimited; depth 0 prints "...".
// With unicode (the ~tW form) atoms keep characters above 255 unescaped.
func AppendWDepth(buf []byte, e *Env, t Term, depth int, unicode bool) []byte {
	w := termWriter{e: e, buf: buf, unicode: unicode}
	w.write(t, depth)
	return w.buf
}

// WriteString returns the ~w form of t as a string.
func WriteString(e *Env, t Term) string { return string(AppendW(nil, e, t)) }

type termWriter struct {
	e       *Env
	buf     []byte
	unicode bool
}

// depthDec decrements a depth, keeping unlimited depths unlimited.
func depthDec(d int) int {
	if d < 0 {
		return d
	}
	return d - 1
}

func (w *termWriter) write(t Term, d int) {
	if d == 0 {
		w.buf = append(w.buf, "..."...)
		return
	}
	e := w.e
	switch {
	case t.IsSmall():
		w.buf = strconv.AppendInt(w.buf, t.Small(), 10)
	case t.IsAtom():
		w.buf = AppendAtom(w.buf, e.AtomName(t), w.unicode)
	case t == Nil:
		w.buf = append(w.buf, "[]"...)
	case t.IsList():
		w.list(t, d)
	case t.IsBoxed():
		w.boxed(t, d)
	default:
		w.buf = appendImmediate(w.buf, t)
	}
}

// appendImmediate appends a pid, port or other immediate.
func appendImmediate(buf []byte, t Term) []byte {
	switch {
	case t.IsPid():
		buf = append(buf, "<0."...)
		buf = strconv.AppendUint(buf, t.PidNumber(), 10)
		return append(buf, ".0>"...)
	case t.IsPort():
		buf = append(buf, "#Port<0."...)
		buf = strconv.AppendUint(buf, t.PortNumber(), 10)
		return append(buf, '>')
	}
	buf = append(buf, "#Term<"...)
	buf = strconv.AppendUint(buf, uint64(t), 16)
	return append(buf, '>')
}

func (w *termWriter) list(t Term, d int) {
	if d == 1 {
		w.buf = append(w.buf, "[...]"...)
		return
	}
	e := w.e
	w.buf = append(w.buf, '[')
	d = depthDec(d)
	w.write(e.Hd(t), d)
	t = e.Tl(t)
	for {
		switch {
		case t == Nil:
		case d == 1:
			w.buf = append(w.buf, "|..."...)
		case t.IsList():
			w.buf = append(w.buf, ',')
			d = depthDec(d)
			w.write(e.Hd(t), d)
			t = e.Tl(t)
			continue
		default:
			w.buf = append(w.buf, '|')
			w.write(t, depthDec(d))
		}
		break
	}
	w.buf = append(w.buf, ']')
}

func (w *termWriter) boxed(t Term, d int) {
	e := w.e
	switch e.Header(t).HeaderSub() {
	case SubTuple:
		n := e.TupleArity(t)
		if n == 0 {
			w.buf = append(w.buf, "{}"...)
			return
		}
		if d == 1 {
			w.buf = append(w.buf, "{...}"...)
			return
		}
		w.buf = append(w.buf, '{')
		d = depthDec(d)
		w.write(e.Elem(t, 0), d)
		for i := 1; i < n; i++ {
			if d == 1 {
				w.buf = append(w.buf, ",..."...)
				break
			}
			w.buf = append(w.buf, ',')
			d = depthDec(d)
			w.write(e.Elem(t, i), d)
		}
		w.buf = append(w.buf, '}')
	case SubMap:
		n := e.MapSize(t)
		if d == 1 || n == 0 {
			w.buf = append(w.buf, "#{}"...)
			return
		}
		// Pairs print in iteration order (maps:next/1), see MapIterIndex.
		d0 := depthDec(d)
		w.buf = append(w.buf, "#{"...)
		j := MapIterIndex(n, 0)
		w.assoc(e.MapKey(t, j), e.MapValue(t, j), d0)
		bd := d0
		for i := 1; ; i++ {
			if bd == 1 {
				w.buf = append(w.buf, ",..."...)
				break
			}
			if i >= n {
				break
			}
			w.buf = append(w.buf, ',')
			j := MapIterIndex(n, i)
			w.assoc(e.MapKey(t, j), e.MapValue(t, j), d0)
			bd = depthDec(bd)
		}
		w.buf = append(w.buf, '}')
	case SubPosBig, SubNegBig:
		w.buf = e.BigInt(t).Append(w.buf, 10)
	case SubFloat:
		w.buf = AppendFloat(w.buf, e.Float(t))
	case SubHeapBin, SubRefcBin, SubSubBin:
		w.buf = appendBinaryW(w.buf, e, t, d)
	case SubRef:
		w.buf = appendRef(w.buf, e, t)
	case SubResource:
		w.buf = append(w.buf, "#Port<0."...)
		w.buf = strconv.AppendUint(w.buf, e.PortNum(t), 10)
		w.buf = append(w.buf, '>')
	case SubFun, SubExport:
		w.buf = appendFun(w.buf, e, t)
	case SubNativeRecord:
		w.nativeRecord(t, d)
	default:
		w.buf = append(w.buf, "#Term<"...)
		w.buf = strconv.AppendInt(w.buf, int64(e.Header(t).HeaderSub()), 10)
		w.buf = append(w.buf, '>')
	}
}

func (w *termWriter) assoc(k, v Term, d int) {
	w.write(k, d)
	w.buf = append(w.buf, " => "...)
	w.write(v, d)
}

// binaryParts returns the ~w elements of bitstring t up to depth d (as
// io_lib:write_binary): one decimal per byte, "V:N" for trailing bits, and
// "..." where the depth runs out.
func binaryParts(e *Env, t Term, d int, visit func(part []byte)) {
	data, off, size := e.Bits(t)
	var tmp [24]byte
	for size > 0 {
		if d == 1 {
			visit([]byte("..."))
			return
		}
		if size < 8 {
			var v uint64
			for i := uint64(0); i < size; i++ {
				v = v<<1 | uint64(data[(off+i)/8]>>(7-(off+i)%8)&1)
			}
			p := strconv.AppendUint(tmp[:0], v, 10)
			p = append(p, ':')
			p = strconv.AppendUint(p, size, 10)
			visit(p)
			return
		}
		var b byte
		if off%8 == 0 {
			b = data[off/8]
		} else {
			b = data[off/8]<<(off%8) | data[off/8+1]>>(8-off%8)
		}
		visit(strconv.AppendUint(tmp[:0], uint64(b), 10))
		off += 8
		size -= 8
		d = depthDec(d)
	}
}

// appendBinaryW appends <<B1,B2,...>> for bitstring t with depth d.
func appendBinaryW(buf []byte, e *Env, t Term, d int) []byte {
	buf = append(buf, "<<"...)
	first := true
	binaryParts(e, t, d, func(p []byte) {
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = append(buf, p...)
	})
	return append(buf, ">>"...)
}

func appendRef(buf []byte, e *Env, t Term) []byte {
	n := e.Header(t).HeaderArity()
	buf = append(buf, "#Ref<0"...)
	for i := n; i >= 1; i-- {
		buf = append(buf, '.')
		buf = strconv.AppendUint(buf, e.Word(t, i), 10)
	}
	return append(buf, '>')
}

func appendFun(buf []byte, e *Env, t Term) []byte {
	if e.Header(t).HeaderSub() == SubExport {
		m, f, a := e.ExportMFA(t)
		buf = append(buf, "fun "...)
		buf = appendRuntimeAtom(buf, e.AtomName(m))
		buf = append(buf, ':')
		buf = appendRuntimeAtom(buf, e.AtomName(f))
		buf = append(buf, '/')
		return strconv.AppendInt(buf, int64(a), 10)
	}
	buf = append(buf, "#Fun<"...)
	buf = appendRuntimeAtom(buf, e.AtomName(e.FunModule(t)))
	buf = append(buf, '.')
	buf = strconv.AppendUint(buf, uint64(e.FunIndex(t)), 10)
	buf = append(buf, '.')
	buf = strconv.AppendUint(buf, uint64(e.FunUniq(t)), 10)
	return append(buf, '>')
}

// appendRuntimeAtom appends an atom as the emulator's own term printer
// writes it in erlang:fun_to_list/1: quoted unless it is a Latin-1
// lower-case letter followed by Latin-1 letters, digits and '_' (reserved
// words are not quoted, '@' is). That printer emits the UTF-8 bytes of the
// name as separate Latin-1 characters, so each byte becomes one character
// here (a byte >= 0x80 is appended as the UTF-8 encoding of that code
// point).
func appendRuntimeAtom(buf []byte, name string) []byte {
	s := []byte(name)
	if len(s) == 0 {
		return append(buf, "''"...)
	}
	latin1 := func(i int) int {
		c := int(s[i])
		switch {
		case c < 0x80:
			return c
		case c&0xE0 == 0xC0:
			c2 := 0
			if i+1 < len(s) {
				c2 = int(s[i+1])
			}
			return (c&0x1F)<<6 | c2&0x3F
		case c&0xC0 == 0x80:
			return 'a'
		}
		return 0
	}
	isLower := func(c int) bool { return c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7 }
	isUpper := func(c int) bool { return c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7 }
	quote := !isLower(latin1(0))
	for i := 1; i < len(s) && !quote; i++ {
		c := latin1(i)
		if !(c >= '0' && c <= '9' || isLower(c) || isUpper(c) || c == '_') {
			quote = true
		}
	}
	byteRune := func(buf []byte, b byte) []byte {
		if b < 0x80 {
			return append(buf, b)
		}
		return utf8.AppendRune(buf, rune(b))
	}
	octal := func(buf []byte, c byte) []byte {
		return append(buf, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
	}
	if quote {
		buf = append(buf, '\'')
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\'', '\\':
			buf = append(buf, '\\', c)
			continue
		case '\n':
			buf = append(buf, '\\', 'n')
			continue
		case '\f':
			buf = append(buf, '\\', 'f')
			continue
		case '\t':
			buf = append(buf, '\\', 't')
			continue
		case '\r':
			buf = append(buf, '\\', 'r')
			continue
		case '\b':
			buf = append(buf, '\\', 'b')
			continue
		case '\v':
			buf = append(buf, '\\', 'v')
			continue
		}
		switch {
		case c < ' ':
			buf = octal(buf, c)
		case c == 0xC2 && i+1 < len(s) && s[i+1] < 0xA0:
			buf = octal(buf, s[i+1])
			i++
		default:
			buf = byteRune(buf, c)
		}
	}
	if quote {
		buf = append(buf, '\'')
	}
	return buf
}

// reservedWords are the atoms erl_scan treats as reserved in OTP 25; they
// are always quoted.
var reservedWords = map[string]bool{
	"after": true, "begin": true, "case": true, "try": true, "cond": true,
	"catch": true, "andalso": true, "orelse": true, "end": true, "fun": true,
	"if": true, "let": true, "of": true, "receive": true, "when": true,
	"bnot": true, "not": true, "div": true, "rem": true, "band": true,
	"and": true, "bor": true, "bxor": true, "bsl": true, "bsr": true,
	"or": true, "xor": true,
}

// lowerStart reports whether c may start an unquoted atom.
func lowerStart(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7
}

// nameChar reports whether c may appear in an unquoted atom.
func nameChar(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7 ||
		c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7 ||
		c >= '0' && c <= '9' || c == '_' || c == '@'
}

// AtomNeedsQuotes reports whether the atom named name (UTF-8) must be
// written in single quotes, as io_lib:quote_atom/2 decides.
func AtomNeedsQuotes(name string) bool {
	if reservedWords[name] {
		return true
	}
	first := true
	for _, c := range name {
		if first {
			if !lowerStart(c) {
				return true
			}
			first = false
			continue
		}
		if !nameChar(c) {
			return true
		}
	}
	return first // the empty atom is quoted
}

// AppendAtom appends the atom named name as io_lib writes it: quoted when
// needed, with control characters escaped. When unicode is false
// (write_atom_as_latin1, the ~w and ~p form) characters above 255 are
// written as \x{H}; when true (~tw, ~tp) they are kept.
func AppendAtom(buf []byte, name string, unicode bool) []byte {
	if !AtomNeedsQuotes(name) {
		return append(buf, name...)
	}
	buf = append(buf, '\'')
	for _, c := range name {
		buf = appendStringChar(buf, c, '\'', unicode)
	}
	return append(buf, '\'')
}

// appendStringChar appends character c of a string or quoted atom
// delimited by q, escaped as io_lib:write_string does. With unicode false,
// characters above 255 become \x{H} (write_string_as_latin1).
func appendStringChar(buf []byte, c rune, q rune, unicode bool) []byte {
	switch {
	case c == q:
		return append(buf, '\\', byte(q))
	case c == '\\':
		return append(buf, '\\', '\\')
	case c >= ' ' && c <= '~':
		return append(buf, byte(c))
	case c >= 0xA0 && (unicode || c <= 0xFF):
		return utf8.AppendRune(buf, c)
	case c > 0xFF:
		buf = append(buf, "\\x{"...)
		buf = strconv.AppendUint(buf, uint64(c), 16)
		// io_lib prints the hex digits in upper case.
		for i := len(buf) - 1; buf[i] != '{'; i-- {
			if buf[i] >= 'a' && buf[i] <= 'f' {
				buf[i] -= 'a' - 'A'
			}
		}
		return append(buf, '}')
	}
	switch c {
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	case '\v':
		return append(buf, '\\', 'v')
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	case 27:
		return append(buf, '\\', 'e')
	case 127:
		return append(buf, '\\', 'd')
	}
	return append(buf, '\\', byte('0'+c>>6&7), byte('0'+c>>3&7), byte('0'+c&7))
}

// AppendString appends the characters cs as a double-quoted Erlang string
// literal, escaped as io_lib:write_string/1 does (unicode true) or
// io_lib:write_string_as_latin1/1 (unicode false). Characters must be
// non-negative.
func AppendString(buf []byte, cs []rune, unicode bool) []byte {
	buf = append(buf, '"')
	for _, c := range cs {
		buf = appendStringChar(buf, c, '"', unicode)
	}
	return append(buf, '"')
}

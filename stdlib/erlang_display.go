package stdlib

import (
	"strconv"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The runtime's own term printer, used by erlang:display/1 and
// fun_to_list/1. It differs from io_lib's ~w: floats are written as C's
// "%.6e", strings only when every element is a printable Latin-1 byte
// (written as raw bytes), binaries as text only when every byte is
// printable ASCII, and atoms are quoted by Latin-1 rules.

// erlDisplayAppend appends the runtime's printed form of t to buf. It uses
// an explicit stack, so deep terms are safe.
func erlDisplayAppend(buf []byte, env *term.Env, t term.Term) []byte {
	// Work items: a term to print, or literal text to emit.
	type item struct {
		t    term.Term
		text string
	}
	stack := []item{{t: t}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.t == term.NoValue {
			buf = append(buf, it.text...)
			continue
		}
		t := it.t
		switch {
		case t == term.Nil:
			buf = append(buf, "[]"...)
		case t.IsAtom():
			buf = erlDisplayAtom(buf, env.AtomName(t))
		case t.IsSmall():
			buf = strconv.AppendInt(buf, t.Small(), 10)
		case t.IsPid():
			buf = append(buf, "<0."...)
			buf = strconv.AppendUint(buf, t.PidNumber(), 10)
			buf = append(buf, ".0>"...)
		case t.IsPort():
			buf = append(buf, "#Port<0."...)
			buf = strconv.AppendUint(buf, t.PortNumber(), 10)
			buf = append(buf, '>')
		case t.IsList():
			if s, ok := erlPrintableBytes(env, t); ok {
				buf = append(buf, '"')
				for _, c := range s {
					switch c {
					case '\n':
						buf = append(buf, `\n`...)
					case '"':
						buf = append(buf, `\"`...)
					default:
						buf = append(buf, c)
					}
				}
				buf = append(buf, '"')
				continue
			}
			buf = append(buf, '[')
			// Push the elements in reverse: "]", tail, "|", ..., elem2, ",", elem1.
			var elems []term.Term
			l := t
			for l.IsList() {
				elems = append(elems, env.Hd(l))
				l = env.Tl(l)
			}
			stack = append(stack, item{text: "]"})
			if l != term.Nil {
				stack = append(stack, item{t: l}, item{text: "|"})
			}
			for i := len(elems) - 1; i >= 0; i-- {
				stack = append(stack, item{t: elems[i]})
				if i > 0 {
					stack = append(stack, item{text: ","})
				}
			}
		case t.IsBoxed():
			switch env.Header(t).HeaderSub() {
			case term.SubTuple:
				n := env.TupleArity(t)
				buf = append(buf, '{')
				stack = append(stack, item{text: "}"})
				for i := n - 1; i >= 0; i-- {
					stack = append(stack, item{t: env.Elem(t, i)})
					if i > 0 {
						stack = append(stack, item{text: ","})
					}
				}
			case term.SubMap:
				n := env.MapSize(t)
				buf = append(buf, "#{"...)
				stack = append(stack, item{text: "}"})
				for i := n - 1; i >= 0; i-- {
					stack = append(stack, item{t: env.MapValue(t, i)}, item{text: "=>"}, item{t: env.MapKey(t, i)})
					if i > 0 {
						stack = append(stack, item{text: ","})
					}
				}
			case term.SubFloat:
				buf = strconv.AppendFloat(buf, env.Float(t), 'e', 6, 64)
			case term.SubPosBig, term.SubNegBig:
				buf = env.BigInt(t).Append(buf, 10)
			case term.SubResource:
				buf = append(buf, "#Port<0."...)
				buf = strconv.AppendUint(buf, env.PortNum(t), 10)
				buf = append(buf, '>')
			case term.SubRef:
				buf = append(buf, "#Ref<0"...)
				for i := env.Header(t).HeaderArity(); i >= 1; i-- {
					buf = append(buf, '.')
					buf = strconv.AppendUint(buf, env.Word(t, i), 10)
				}
				buf = append(buf, '>')
			case term.SubFun:
				buf = append(buf, "#Fun<"...)
				buf = append(buf, env.AtomName(env.FunModule(t))...)
				buf = append(buf, '.')
				buf = strconv.AppendUint(buf, uint64(env.FunIndex(t)), 10)
				buf = append(buf, '.')
				buf = strconv.AppendUint(buf, uint64(env.FunUniq(t)), 10)
				buf = append(buf, '>')
			case term.SubExport:
				m, f, a := env.ExportMFA(t)
				buf = append(buf, "fun "...)
				buf = erlDisplayAtom(buf, env.AtomName(m))
				buf = append(buf, ':')
				buf = erlDisplayAtom(buf, env.AtomName(f))
				buf = append(buf, '/')
				buf = strconv.AppendInt(buf, int64(a), 10)
			case term.SubHeapBin, term.SubRefcBin, term.SubSubBin:
				buf = erlDisplayBits(buf, env, t)
			case term.SubNativeRecord:
				buf = nrecDisplayAppend(buf, env, t, func(b []byte, v term.Term) []byte { return erlDisplayAppend(b, env, v) })
			default:
				buf = append(buf, "<unknown>"...)
			}
		default:
			buf = append(buf, "<unknown>"...)
		}
	}
	return buf
}

// erlPrintableBytes returns the elements of the list t when it is a
// non-empty proper list of integers 0..255, none of them a control
// character other than space, \n, \t and \r (Latin-1 128..159 count as
// control characters).
func erlPrintableBytes(env *term.Env, t term.Term) ([]byte, bool) {
	var out []byte
	for t.IsList() {
		h := env.Hd(t)
		if !h.IsSmall() || h.Small() < 0 || h.Small() > 255 {
			return nil, false
		}
		c := byte(h.Small())
		ctrl := c < ' ' || c == 127 || (c >= 128 && c < 160)
		if ctrl && c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			return nil, false
		}
		out = append(out, c)
		t = env.Tl(t)
	}
	return out, t == term.Nil && len(out) > 0
}

// erlDisplayBits writes a bitstring: <<"text">> when it is a non-empty
// binary of printable ASCII, else <<B1,B2,...,Last:N>>.
func erlDisplayBits(buf []byte, env *term.Env, t term.Term) []byte {
	d, off, size := env.Bits(t)
	n := size / 8
	rest := size % 8
	bytes := make([]byte, n)
	term.CopyBits(bytes, 0, d, off, n*8)
	text := rest == 0 && n > 0
	for _, c := range bytes {
		if c < ' ' || c >= 127 {
			text = false
			break
		}
	}
	if text {
		buf = append(buf, `<<"`...)
		for _, c := range bytes {
			if c == '"' {
				buf = append(buf, '\\')
			}
			buf = append(buf, c)
		}
		return append(buf, `">>`...)
	}
	buf = append(buf, "<<"...)
	for i, c := range bytes {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendUint(buf, uint64(c), 10)
	}
	if rest != 0 {
		var last [1]byte
		term.CopyBits(last[:], 8-rest, d, off+n*8, rest)
		if n > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendUint(buf, uint64(last[0]), 10)
		buf = append(buf, ':')
		buf = strconv.AppendUint(buf, rest, 10)
	}
	return append(buf, ">>"...)
}

// erlLatin1Lower and erlLatin1Alnum classify characters as the runtime's
// printer does: Latin-1 letters and digits only.
func erlLatin1Lower(c rune) bool {
	return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247)
}

func erlLatin1Alnum(c rune) bool {
	return erlLatin1Lower(c) || (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215) ||
		(c >= '0' && c <= '9')
}

// erlDisplayAtom writes an atom name, single-quoted unless it starts with a
// Latin-1 lower-case letter and continues with Latin-1 letters, digits or
// _. Control characters are escaped; other characters are written as
// UTF-8.
func erlDisplayAtom(buf []byte, name string) []byte {
	quote := name == ""
	for i, r := range name {
		if i == 0 {
			if !erlLatin1Lower(r) {
				quote = true
				break
			}
			continue
		}
		if !erlLatin1Alnum(r) && r != '_' {
			quote = true
			break
		}
	}
	if quote {
		buf = append(buf, '\'')
	}
	for _, r := range name {
		switch r {
		case '\'':
			buf = append(buf, `\'`...)
		case '\\':
			buf = append(buf, `\\`...)
		case '\n':
			buf = append(buf, `\n`...)
		case '\f':
			buf = append(buf, `\f`...)
		case '\t':
			buf = append(buf, `\t`...)
		case '\r':
			buf = append(buf, `\r`...)
		case '\b':
			buf = append(buf, `\b`...)
		case '\v':
			buf = append(buf, `\v`...)
		default:
			if r < ' ' || (r >= 128 && r < 160) {
				buf = append(buf, '\\')
				buf = append(buf, byte('0'+r>>6&7), byte('0'+r>>3&7), byte('0'+r&7))
				continue
			}
			buf = utf8.AppendRune(buf, r)
		}
	}
	if quote {
		buf = append(buf, '\'')
	}
	return buf
}

// eDisplay is erlang:display/1: the printed form and a newline on standard
// output.
func eDisplay(p *vm.Process, a []term.Term) term.Term {
	buf := erlDisplayAppend(nil, p.Env(), a[0])
	buf = append(buf, '\n')
	p.Runtime().WriteStdout(buf)
	return term.AtomTrue
}

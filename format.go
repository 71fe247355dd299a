package beamr

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
)

// Format returns v written as Erlang writes the term on one line with
// io_lib:format("~0tp", [Term]), as UTF-8: {ok,[1,2]}, <<"abc">>,
// 'quoted atom', #{a => 1}, "text" for a list of printable Latin-1
// character codes. The pairs of a Map are written in the Map's order. Go
// values that are not terms (nil, NaN, a struct...) are shown as Go
// formats them, between angle brackets, and what is nested more than
// 100000 levels deep as "...".
func Format(v Value) string { return string(appendValue(nil, v, 0)) }

func appendValue(buf []byte, v Value, depth int) []byte {
	if depth > maxDepth {
		return append(buf, "..."...)
	}
	switch x := v.(type) {
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case *big.Int:
		if x == nil {
			break
		}
		return x.Append(buf, 10)
	case float64:
		return appendFloat(buf, x)
	case float32:
		return appendFloat(buf, float64(x))
	case Atom:
		return term.AppendAtom(buf, string(x), true)
	case bool:
		return term.AppendAtom(buf, string(boolAtom(x)), true)
	case string:
		return appendBinary(buf, []byte(x))
	case []byte:
		return appendBinary(buf, x)
	case Tuple:
		buf = append(buf, '{')
		buf = appendElems(buf, x, depth)
		return append(buf, '}')
	case List:
		if rs, ok := printableList(x); ok {
			return term.AppendString(buf, rs, true)
		}
		buf = append(buf, '[')
		buf = appendElems(buf, x, depth)
		return append(buf, ']')
	case ImproperList:
		buf = append(buf, '[')
		buf = appendElems(buf, x.Elems, depth)
		buf = append(buf, '|')
		buf = appendValue(buf, x.Tail, depth+1)
		return append(buf, ']')
	case Map:
		buf = append(buf, "#{"...)
		for i, p := range x {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendValue(buf, p.Key, depth+1)
			buf = append(buf, " => "...)
			buf = appendValue(buf, p.Value, depth+1)
		}
		return append(buf, '}')
	case Bitstring:
		return appendBits(buf, x)
	case Pid:
		return append(buf, x.String()...)
	case Ref:
		return append(buf, x.String()...)
	case Opaque:
		return append(buf, x.text...)
	}
	if z, ok := bigOf(v); ok {
		return z.Append(buf, 10)
	}
	if v == nil {
		return append(buf, "<nil>"...)
	}
	return fmt.Appendf(buf, "<%#v>", v)
}

func appendElems(buf []byte, vs []Value, depth int) []byte {
	for i, e := range vs {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendValue(buf, e, depth+1)
	}
	return buf
}

// appendFloat writes f as Erlang does, or between angle brackets when it
// is NaN or infinite, which no Erlang float is.
func appendFloat(buf []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Appendf(buf, "<%v>", f)
	}
	return term.AppendFloat(buf, f)
}

// appendBinary writes a binary as ~tp does: as text when its bytes are
// UTF-8 of printable Latin-1 characters (marked /utf8 when some are not
// ASCII) or, failing that, printable Latin-1 characters themselves; as a
// list of byte values otherwise.
func appendBinary(buf []byte, b []byte) []byte {
	if len(b) == 0 {
		return append(buf, "<<>>"...)
	}
	if utf8.Valid(b) {
		rs := []rune(string(b))
		if printableRunes(rs) {
			buf = term.AppendString(append(buf, "<<"...), rs, true)
			if len(rs) != len(b) {
				buf = append(buf, "/utf8"...)
			}
			return append(buf, ">>"...)
		}
	} else {
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		if printableRunes(rs) {
			buf = term.AppendString(append(buf, "<<"...), rs, true)
			return append(buf, ">>"...)
		}
	}
	buf = append(buf, "<<"...)
	for i, c := range b {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendUint(buf, uint64(c), 10)
	}
	return append(buf, ">>"...)
}

func appendBits(buf []byte, b Bitstring) []byte {
	buf = append(buf, "<<"...)
	whole := b.Bits / 8
	for i := 0; i < whole && i < len(b.Data); i++ {
		buf = strconv.AppendUint(buf, uint64(b.Data[i]), 10)
		buf = append(buf, ',')
	}
	rest := b.Bits % 8
	if rest > 0 && whole < len(b.Data) {
		buf = strconv.AppendUint(buf, uint64(b.Data[whole]>>(8-rest)), 10)
		buf = append(buf, ':')
		buf = strconv.AppendInt(buf, int64(rest), 10)
	} else if whole > 0 {
		buf = buf[:len(buf)-1]
	}
	return append(buf, ">>"...)
}

// printableList returns the characters of a non-empty list of printable
// Latin-1 character codes, which ~p writes as a string.
func printableList(l List) ([]rune, bool) {
	if len(l) == 0 {
		return nil, false
	}
	rs := make([]rune, len(l))
	for i, e := range l {
		n, ok := ToInt(e)
		if !ok || n < 0 || n > 255 {
			return nil, false
		}
		rs[i] = rune(n)
	}
	return rs, printableRunes(rs)
}

// printableRunes reports whether every character is printable Latin-1
// as io_lib counts it (printable_range latin1, the default).
func printableRunes(rs []rune) bool {
	for _, c := range rs {
		switch {
		case c >= 32 && c <= 126, c >= 160 && c <= 255:
		case c == '\n', c == '\r', c == '\t', c == '\v', c == '\b', c == '\f', c == 27:
		default:
			return false
		}
	}
	return true
}

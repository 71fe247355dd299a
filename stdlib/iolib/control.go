package iolib

import (
	"math/big"
	"strings"

	"github.com/beamr/beamr/term"
)

// control formats one control sequence.
func (f *formatter) control(sp spec) error {
	e := f.e
	switch sp.c {
	case '~':
		out, err := char('~', sp)
		if err != nil {
			return err
		}
		f.emit(out...)
	case 'n':
		switch {
		case !sp.hasWidth:
			f.emit('\n')
		case sp.left:
			return badarg("~n does not take a left-adjusted field")
		default:
			f.emit(repeat('\n', sp.width)...)
		}
	case 'i':
	case 'c':
		a := sp.args[0]
		if !e.IsInteger(a) {
			return badarg("~c needs an integer")
		}
		z := e.BigInt(a)
		if !sp.unicode {
			z.And(z, big.NewInt(255))
		}
		if !z.IsInt64() || z.Int64() != int64(int32(z.Int64())) {
			return badarg("~c: character out of range")
		}
		out, err := char(rune(z.Int64()), sp)
		if err != nil {
			return err
		}
		f.emit(out...)
	case 'e', 'f', 'g':
		a := sp.args[0]
		if !e.IsFloat(a) {
			return badarg("~%c needs a float", sp.c)
		}
		var out []rune
		var err error
		switch sp.c {
		case 'e':
			out, err = fwriteE(e.Float(a), sp)
		case 'f':
			out, err = fwriteF(e.Float(a), sp)
		default:
			out, err = fwriteG(e.Float(a), sp)
		}
		if err != nil {
			return err
		}
		f.emit(out...)
	case 'b', 'B', 'x', 'X', '+', '#':
		out, err := f.integer(sp)
		if err != nil {
			return err
		}
		f.emit(out...)
	case 's':
		out, err := f.str(sp)
		if err != nil {
			return err
		}
		f.emit(out...)
	case 'w', 'W':
		depth := -1
		if sp.c == 'W' {
			d, err := depthArg(e, sp.args[1])
			if err != nil {
				return err
			}
			depth = d
		}
		text := []rune(string(term.AppendWDepth(nil, e, sp.args[0], depth, sp.unicode)))
		f.emit(field(text, sp, sp.prec, sp.hasPrec)...)
	case 'p', 'P':
		depth := -1
		if sp.c == 'P' {
			d, err := depthArg(e, sp.args[1])
			if err != nil {
				return err
			}
			depth = d
		}
		if sp.left {
			return badarg("~%c does not take a left-adjusted field", sp.c)
		}
		o := term.PrettyOpts{Column: f.col + 1, LineLength: 80, Depth: depth,
			Unicode: sp.unicode, NoStrings: sp.noStrings}
		if sp.hasWidth {
			o.LineLength = sp.width
		}
		if sp.hasPrec {
			o.Column = sp.prec
		}
		f.emit([]rune(string(term.AppendP(nil, e, sp.args[0], o)))...)
	default:
		return badarg("unknown control ~%c", sp.c)
	}
	return nil
}

// depthArg reads the depth argument of ~W and ~P; a negative or huge depth
// is unlimited.
func depthArg(e *term.Env, t term.Term) (int, error) {
	if !e.IsInteger(t) {
		return 0, badarg("depth is not an integer")
	}
	if t.IsSmall() {
		return int(t.Small()), nil
	}
	return -1, nil
}

// repeat returns n copies of c.
func repeat(c rune, n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = c
	}
	return out
}

// adjust places pad (n copies of p) after data when left, else before it.
func adjust(data []rune, p rune, n int, left bool) []rune {
	if n <= 0 {
		return data
	}
	if left {
		return append(append([]rune(nil), data...), repeat(p, n)...)
	}
	return append(repeat(p, n), data...)
}

// field fits text to the field width, as io_lib_format:term/5: padded
// when shorter, replaced by stars when longer than the width or the
// precision.
func field(text []rune, sp spec, prec int, hasPrec bool) []rune {
	if !sp.hasWidth {
		if !hasPrec {
			return text
		}
		sp.width, sp.hasWidth = prec, true
	}
	width := sp.width
	l := term.CharsLength(text)
	p := width
	if hasPrec && prec < p {
		p = prec
	}
	if l < p {
		p = l
	}
	if l > p {
		return adjust(repeat('*', p), sp.pad, width-p, sp.left)
	}
	return adjust(text, sp.pad, width-l, sp.left)
}

// char is io_lib_format:char/5: the character c repeated to fill the field.
func char(c rune, sp spec) ([]rune, error) {
	switch {
	case !sp.hasWidth && !sp.hasPrec:
		return []rune{c}, nil
	case !sp.hasPrec:
		return repeat(c, sp.width), nil
	case !sp.hasWidth:
		return repeat(c, sp.prec), nil
	case sp.width >= sp.prec:
		return adjust(repeat(c, sp.prec), sp.pad, sp.width-sp.prec, sp.left), nil
	}
	return nil, badarg("precision larger than field width")
}

// integer formats ~b ~B ~x ~X ~+ ~#.
func (f *formatter) integer(sp spec) ([]rune, error) {
	e := f.e
	a := sp.args[0]
	if !e.IsInteger(a) {
		return nil, badarg("~%c needs an integer", sp.c)
	}
	base := 10
	if sp.hasPrec {
		base = sp.prec
	}
	if base < 2 || base > 36 {
		return nil, badarg("base %d out of range", base)
	}
	var prefix []rune
	switch sp.c {
	case 'x', 'X':
		p := sp.args[1]
		if p.IsAtom() {
			prefix = []rune(e.AtomName(p))
		} else {
			cs, ok := deepCharList(e, p)
			if !ok {
				return nil, badarg("~%c prefix is not a character list", sp.c)
			}
			prefix = cs
		}
	case '+', '#':
		prefix = []rune(big.NewInt(int64(base)).String() + "#")
	}
	z := e.BigInt(a)
	digits := new(big.Int).Abs(z).Text(base)
	if sp.c == 'B' || sp.c == 'X' || sp.c == '#' {
		digits = strings.ToUpper(digits)
	}
	var out []rune
	if z.Sign() < 0 {
		out = append(out, '-')
	}
	out = append(out, prefix...)
	out = append(out, []rune(digits)...)
	return field(out, sp, 0, false), nil
}

// deepCharList returns the characters of a deep list of Unicode
// characters (io_lib:deep_char_list/1).
func deepCharList(e *term.Env, t term.Term) ([]rune, bool) {
	var out []rune
	var walk func(t term.Term) bool
	walk = func(t term.Term) bool {
		for t.IsList() {
			h := e.Hd(t)
			if h.IsSmall() {
				c := h.Small()
				if !(c >= 0 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE || c > 0xFFFF && c <= 0x10FFFF) {
					return false
				}
				out = append(out, rune(c))
			} else if h == term.Nil || h.IsList() {
				if !walk(h) {
					return false
				}
			} else {
				return false
			}
			t = e.Tl(t)
		}
		return t == term.Nil
	}
	if !walk(t) {
		return nil, false
	}
	return out, true
}

// str formats ~s and ~ts.
func (f *formatter) str(sp spec) ([]rune, error) {
	e := f.e
	a := sp.args[0]
	var cs []rune
	switch {
	case a.IsAtom():
		cs = []rune(e.AtomName(a))
		if !sp.unicode {
			for _, c := range cs {
				if c > 0xFF {
					return nil, badarg("~s of an atom with characters above 255")
				}
			}
		}
	case sp.unicode:
		var ok bool
		if cs, ok = chardata(e, a, true); !ok {
			return nil, badarg("~ts needs chardata")
		}
	default:
		var ok bool
		if cs, ok = chardata(e, a, false); !ok {
			return nil, badarg("~s needs an iolist, binary or atom")
		}
	}
	return stringField(cs, sp)
}

// chardata flattens t for ~s (uni false: an iolist of Latin-1 characters
// and binaries, taken byte by byte) or ~ts (uni true: characters of any
// value and binaries read as UTF-8, or byte by byte when not UTF-8).
func chardata(e *term.Env, t term.Term, uni bool) ([]rune, bool) {
	var out []rune
	bin := func(t term.Term) bool {
		b, ok := e.Bytes(t)
		if !ok {
			return false
		}
		if uni {
			out = append(out, decodeBinary(b)...)
		} else {
			for _, c := range b {
				out = append(out, rune(c))
			}
		}
		return true
	}
	var walk func(t term.Term) bool
	walk = func(t term.Term) bool {
		for t.IsList() {
			h := e.Hd(t)
			switch {
			case h.IsSmall():
				c := h.Small()
				if c < 0 || !uni && c > 0xFF || c != int64(int32(c)) {
					return false
				}
				out = append(out, rune(c))
			case h == term.Nil || h.IsList():
				if !walk(h) {
					return false
				}
			default:
				if !bin(h) {
					return false
				}
			}
			t = e.Tl(t)
		}
		if t == term.Nil {
			return true
		}
		return bin(t)
	}
	if !walk(t) {
		return nil, false
	}
	return out, true
}

// truncate returns the first n characters of s (~s) or grapheme clusters
// (~ts).
func truncate(s []rune, n int, uni bool) []rune {
	if uni {
		return term.GraphemePrefix(s, n)
	}
	if n < len(s) {
		return s[:n]
	}
	return s
}

// stringField fits a string to the field width and precision, as
// io_lib_format:string/6.
func stringField(s []rune, sp spec) ([]rune, error) {
	uni := sp.unicode
	switch {
	case !sp.hasWidth && !sp.hasPrec:
		return s, nil
	case !sp.hasPrec:
		return strField(s, sp.width, sp.left, term.CharsLength(s), sp.pad, uni), nil
	case !sp.hasWidth:
		return strField(s, sp.prec, true, term.CharsLength(s), sp.pad, uni), nil
	case sp.width < sp.prec:
		return nil, badarg("precision larger than field width")
	}
	n := term.CharsLength(s)
	if sp.width == sp.prec {
		return strField(s, sp.width, sp.left, n, sp.pad, uni), nil
	}
	extra := sp.width - sp.prec
	switch {
	case n > sp.prec:
		return adjust(truncate(s, sp.prec, uni), sp.pad, extra, sp.left), nil
	case n < sp.prec:
		return adjust(append(append([]rune(nil), s...), repeat(sp.pad, sp.prec-n)...), sp.pad, extra, sp.left), nil
	}
	return adjust(s, sp.pad, extra, sp.left), nil
}

// strField is io_lib_format:string_field/6.
func strField(s []rune, width int, left bool, n int, pad rune, uni bool) []rune {
	switch {
	case n > width:
		return truncate(s, width, uni)
	case n < width:
		return adjust(s, pad, width-n, left)
	}
	return s
}

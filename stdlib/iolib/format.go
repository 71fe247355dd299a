// Package iolib implements io_lib:format/2 — the control-sequence engine
// behind io:format/1,2,3, io_lib:format/2 and io_lib:fwrite/2 — exactly as
// OTP 25 formats.
//
// # Output
//
// Format returns the formatted text as a sequence of characters (code
// points), the same list io_lib:format/2 returns. A character may be any
// value a control sequence produced, even one that is not a Unicode scalar
// value (~tc of 16#D800 yields 16#D800), so callers that build an Erlang
// list from the result must not round-trip it through UTF-8.
//
// Writing the result to a device is the caller's job, and the encoding
// depends on the device, not on the control sequences:
//
//   - Under `erl -noshell` OTP 25's standard_io has encoding latin1 (even
//     in a UTF-8 locale). Each character below 256 is written as one byte,
//     and each character of 256 or more as the text \x{H} (hex digits in
//     upper case). So io:format("~ts~n", [<<"é"/utf8>>]) writes the single
//     byte E9, io:format("~ts~n", [[1024]]) writes "\x{400}", and
//     io:format(<<"é"/utf8>>) (a binary format is taken byte by byte)
//     writes the two bytes C3 A9. Plain ~s of a character above 255 is a
//     badarg before anything is written.
//   - A device set to unicode (io:setopts([{encoding, unicode}])) gets
//     the characters encoded as UTF-8.
//
// # Columns
//
// Each call starts at column 0, as in OTP: ~p and ~P start their term at
// one more than the number of characters already formatted on the current
// line by this call (a tab advances to the next multiple of 8, a newline
// resets the column).
//
// # Errors
//
// Every failure OTP reports as badarg (a malformed format, a missing or
// extra argument, an argument of the wrong type, a field width or
// precision a control does not accept) is returned as an error wrapping
// ErrBadArg. Format never panics on bad input.
//
// # Differences from OTP
//
// The chars_limit option of io_lib:format/3 is not supported. Field widths
// and precisions above 2^20 are refused. A character
// (from ~tc, ~ts or a pad character) outside the int32 range, or a pad
// character that is not an integer, is reported as ErrBadArg where OTP
// would build a list that only fails when written. String lengths of
// non-Latin-1 text are counted in grapheme clusters with the
// approximation described at term.GraphemeCount.
package iolib

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
)

// ErrBadArg is wrapped by every error Format returns; the caller raises
// badarg for it.
var ErrBadArg = errors.New("iolib: bad argument")

func badarg(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadArg, fmt.Sprintf(format, args...))
}

// Format formats the terms of the list args under format, which may be a
// list of characters, a binary (taken byte by byte) or an atom, as
// io_lib:format/2 does in OTP 25.
func Format(e *term.Env, format, args term.Term) ([]rune, error) {
	fs, err := formatChars(e, format)
	if err != nil {
		return nil, err
	}
	var as []term.Term
	t := args
	for t.IsList() {
		as = append(as, e.Hd(t))
		t = e.Tl(t)
	}
	if t != term.Nil {
		return nil, badarg("arguments are not a proper list")
	}
	return runFormat(e, fs, as)
}

// formatChars returns the characters of a format: a list (whose nested
// lists and binaries are literal text, never control sequences, as in
// OTP), a binary or an atom.
func formatChars(e *term.Env, f term.Term) ([]fchar, error) {
	switch {
	case f.IsAtom():
		var out []fchar
		for _, r := range e.AtomName(f) {
			out = append(out, fchar{c: r})
		}
		return out, nil
	case f == term.Nil || f.IsList():
		var out []fchar
		for f.IsList() {
			h := e.Hd(f)
			switch {
			case h.IsSmall():
				c := h.Small()
				if c != int64(int32(c)) {
					return nil, badarg("format character out of range")
				}
				out = append(out, fchar{c: rune(c)})
			default:
				lit, err := literalChars(e, h)
				if err != nil {
					return nil, err
				}
				for _, r := range lit {
					out = append(out, fchar{c: r, literal: true})
				}
			}
			f = e.Tl(f)
		}
		if f != term.Nil {
			return nil, badarg("format is not a proper list")
		}
		return out, nil
	}
	if b, ok := e.Bytes(f); ok {
		out := make([]fchar, len(b))
		for i, c := range b {
			out[i] = fchar{c: rune(c)}
		}
		return out, nil
	}
	return nil, badarg("format is not a string, binary or atom")
}

// literalChars flattens a nested element of a format list: characters and
// binaries (UTF-8, as the io server reads them).
func literalChars(e *term.Env, t term.Term) ([]rune, error) {
	var out []rune
	var walk func(t term.Term) error
	walk = func(t term.Term) error {
		for {
			switch {
			case t == term.Nil:
				return nil
			case t.IsSmall():
				c := t.Small()
				if c < 0 || c > 0x10FFFF {
					return badarg("bad character in format")
				}
				out = append(out, rune(c))
				return nil
			case t.IsList():
				if err := walk(e.Hd(t)); err != nil {
					return err
				}
				t = e.Tl(t)
				continue
			}
			b, ok := e.Bytes(t)
			if !ok {
				return badarg("bad element in format")
			}
			out = append(out, decodeBinary(b)...)
			return nil
		}
	}
	err := walk(t)
	return out, err
}

// fchar is one format character; literal ones came from a nested list and
// never start a control sequence.
type fchar struct {
	c       rune
	literal bool
}

// FormatChars formats args under the format characters fs. It is Format
// for callers that already hold the format and arguments in Go.
func FormatChars(e *term.Env, format []rune, args []term.Term) ([]rune, error) {
	fs := make([]fchar, len(format))
	for i, r := range format {
		fs[i] = fchar{c: r}
	}
	return runFormat(e, fs, args)
}

func runFormat(e *term.Env, fs []fchar, args []term.Term) ([]rune, error) {
	f := &formatter{e: e, fs: fs, args: args}
	if err := f.run(); err != nil {
		return nil, err
	}
	return f.out, nil
}

type formatter struct {
	e    *term.Env
	fs   []fchar
	pos  int
	args []term.Term
	out  []rune
	col  int // indentation of the end of out, as io_lib_format:indentation/2
}

// emit appends characters to the output, tracking the column.
func (f *formatter) emit(rs ...rune) {
	for _, r := range rs {
		switch r {
		case '\n':
			f.col = 0
		case '\t':
			f.col = (f.col + 8) / 8 * 8
		default:
			f.col++
		}
	}
	f.out = append(f.out, rs...)
}

func (f *formatter) run() error {
	for f.pos < len(f.fs) {
		fc := f.fs[f.pos]
		f.pos++
		if fc.c != '~' || fc.literal {
			f.emit(fc.c)
			continue
		}
		sp, err := f.scanSpec()
		if err != nil {
			return err
		}
		if err := f.control(sp); err != nil {
			return err
		}
	}
	if len(f.args) != 0 {
		return badarg("%d arguments left over", len(f.args))
	}
	return nil
}

// spec is one parsed control sequence.
type spec struct {
	c         rune
	args      []term.Term
	width     int
	hasWidth  bool
	left      bool
	prec      int
	hasPrec   bool
	pad       rune
	unicode   bool
	noStrings bool
}

// peek returns the next format character of a control sequence; ok is
// false at the end or at literal text.
func (f *formatter) peek() (rune, bool) {
	if f.pos < len(f.fs) && !f.fs[f.pos].literal {
		return f.fs[f.pos].c, true
	}
	return 0, false
}

// nextArg takes the next argument.
func (f *formatter) nextArg() (term.Term, bool) {
	if len(f.args) == 0 {
		return 0, false
	}
	a := f.args[0]
	f.args = f.args[1:]
	return a, true
}

// fieldValue parses a field width or precision: '*' (taking an integer
// argument) or decimal digits. ok is false when neither is there.
func (f *formatter) fieldValue() (v int, ok bool, err error) {
	c, has := f.peek()
	if !has {
		return 0, false, nil
	}
	if c == '*' {
		if len(f.args) == 0 {
			return 0, false, badarg("missing argument for *")
		}
		a := f.args[0]
		n, isInt := smallInt(a)
		if !isInt {
			if f.e.IsInteger(a) {
				return 0, false, badarg("field value too large")
			}
			// OTP leaves the '*' in place, and then no control matches.
			return 0, false, badarg("field value for * is not an integer")
		}
		f.args = f.args[1:]
		f.pos++
		return n, true, nil
	}
	if c < '0' || c > '9' {
		return 0, false, nil
	}
	for {
		c, has := f.peek()
		if !has || c < '0' || c > '9' {
			return v, true, nil
		}
		if v > maxField {
			return 0, false, badarg("field value too large")
		}
		v = v*10 + int(c-'0')
		f.pos++
	}
}

// maxField bounds field widths and precisions so that a format cannot ask
// for gigabytes of padding (OTP would try to build it).
const maxField = 1 << 20

// smallInt returns the value of integer t when it lies within ±maxField.
func smallInt(t term.Term) (int, bool) {
	if !t.IsSmall() {
		return 0, false
	}
	v := t.Small()
	if v > maxField || v < -maxField {
		return 0, false
	}
	return int(v), true
}

func (f *formatter) scanSpec() (spec, error) {
	sp := spec{pad: ' '}
	// Field width, possibly left-adjusted with '-'.
	neg := false
	if c, ok := f.peek(); ok && c == '-' {
		neg = true
		f.pos++
	}
	w, ok, err := f.fieldValue()
	if err != nil {
		return sp, err
	}
	if neg && !ok {
		return sp, badarg("'-' without a field width")
	}
	if ok {
		if neg {
			w = -w
		}
		if w < 0 {
			sp.left = true
			w = -w
		}
		sp.width, sp.hasWidth = w, true
	}
	// Precision.
	if c, ok := f.peek(); ok && c == '.' {
		f.pos++
		p, ok, err := f.fieldValue()
		if err != nil {
			return sp, err
		}
		sp.prec, sp.hasPrec = p, ok
	}
	// Pad character.
	if c, ok := f.peek(); ok && c == '.' {
		f.pos++
		c2, ok := f.peek()
		if !ok {
			return sp, badarg("format ends in a pad character")
		}
		if c2 == '*' && len(f.args) > 0 {
			a, _ := f.nextArg()
			if !a.IsSmall() || a.Small() != int64(int32(a.Small())) {
				return sp, badarg("pad character is not a character")
			}
			sp.pad = rune(a.Small())
		} else {
			sp.pad = c2
		}
		f.pos++
	}
	// Modifiers.
	for {
		c, ok := f.peek()
		if ok && c == 't' {
			sp.unicode = true
		} else if ok && c == 'l' {
			sp.noStrings = true
		} else {
			break
		}
		f.pos++
	}
	c, ok := f.peek()
	if !ok {
		return sp, badarg("format ends inside a control sequence")
	}
	f.pos++
	sp.c = c
	nargs := 0
	switch c {
	case 'w', 'p', 's', 'e', 'f', 'g', 'b', 'B', '+', '#', 'c', 'i':
		nargs = 1
	case 'W', 'P', 'x', 'X':
		nargs = 2
	case '~', 'n':
	default:
		return sp, badarg("unknown control ~%c", c)
	}
	if len(f.args) < nargs {
		return sp, badarg("missing argument for ~%c", c)
	}
	sp.args = f.args[:nargs:nargs]
	f.args = f.args[nargs:]
	return sp, nil
}

// decodeBinary returns the characters of b read as UTF-8, or its bytes
// when it is not valid UTF-8 (as unicode:characters_to_list/1 with the
// fallback io_lib_format uses).
func decodeBinary(b []byte) []rune {
	if utf8.Valid(b) {
		return []rune(string(b))
	}
	out := make([]rune, len(b))
	for i, c := range b {
		out[i] = rune(c)
	}
	return out
}

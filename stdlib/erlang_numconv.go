package stdlib

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Conversions between numbers and their text: integer_to_list/binary,
// list/binary_to_integer, float_to_list/binary, list/binary_to_float.

func registerErlangNumConv(rt *vm.Runtime) {
	ten := term.MakeSmall(10)
	erlRegisterAll(rt, "erlang", []erlNative{
		{"integer_to_list", 1, func(p *vm.Process, a []term.Term) term.Term { return erlIntegerToText(p, a[0], ten, false) }},
		{"integer_to_list", 2, func(p *vm.Process, a []term.Term) term.Term { return erlIntegerToText(p, a[0], a[1], false) }},
		{"integer_to_binary", 1, func(p *vm.Process, a []term.Term) term.Term { return erlIntegerToText(p, a[0], ten, true) }},
		{"integer_to_binary", 2, func(p *vm.Process, a []term.Term) term.Term { return erlIntegerToText(p, a[0], a[1], true) }},
		{"list_to_integer", 1, func(p *vm.Process, a []term.Term) term.Term { return erlTextToInteger(p, a[0], ten, false) }},
		{"list_to_integer", 2, func(p *vm.Process, a []term.Term) term.Term { return erlTextToInteger(p, a[0], a[1], false) }},
		{"binary_to_integer", 1, func(p *vm.Process, a []term.Term) term.Term { return erlTextToInteger(p, a[0], ten, true) }},
		{"binary_to_integer", 2, func(p *vm.Process, a []term.Term) term.Term { return erlTextToInteger(p, a[0], a[1], true) }},
		{"float_to_list", 1, func(p *vm.Process, a []term.Term) term.Term { return erlFloatToText(p, a[0], term.Nil, false) }},
		{"float_to_list", 2, func(p *vm.Process, a []term.Term) term.Term { return erlFloatToText(p, a[0], a[1], false) }},
		{"float_to_binary", 1, func(p *vm.Process, a []term.Term) term.Term { return erlFloatToText(p, a[0], term.Nil, true) }},
		{"float_to_binary", 2, func(p *vm.Process, a []term.Term) term.Term { return erlFloatToText(p, a[0], a[1], true) }},
		{"list_to_float", 1, func(p *vm.Process, a []term.Term) term.Term { return erlTextToFloat(p, a[0], false) }},
		{"binary_to_float", 1, func(p *vm.Process, a []term.Term) term.Term { return erlTextToFloat(p, a[0], true) }},
	})
}

// erlTextResult returns s as a binary or as a list of characters (s is ASCII).
func erlTextResult(p *vm.Process, s string, bin bool) term.Term {
	if bin {
		return erlOwnedBinary(p, []byte(s))
	}
	return erlByteList(p, []byte(s), term.Nil)
}

// erlTextArg returns the bytes of a binary (bin set) or of a flat list of
// integers 0..255.
func erlTextArg(env *term.Env, t term.Term, bin bool) ([]byte, bool) {
	if bin {
		return env.Bytes(t)
	}
	return erlByteString(env, t)
}

// erlBaseArg returns a base 2..36.
func erlBaseArg(t term.Term) (int, bool) {
	if !t.IsSmall() || t.Small() < 2 || t.Small() > 36 {
		return 0, false
	}
	return int(t.Small()), true
}

// erlIntegerToText writes integer i in base b with upper-case letters.
func erlIntegerToText(p *vm.Process, i, b term.Term, bin bool) term.Term {
	env := p.Env()
	base, ok := erlBaseArg(b)
	if !ok || !env.IsInteger(i) {
		return p.BadArg()
	}
	var s string
	if i.IsSmall() {
		s = strconv.FormatInt(i.Small(), base)
	} else {
		s = env.BigInt(i).Text(base)
	}
	if base > 10 {
		s = strings.ToUpper(s)
	}
	return erlTextResult(p, s, bin)
}

// erlTextToInteger parses an optionally signed sequence of base-b digits
// (letters in either case) and nothing else.
func erlTextToInteger(p *vm.Process, t, b term.Term, bin bool) term.Term {
	base, ok := erlBaseArg(b)
	if !ok {
		return p.BadArg()
	}
	s, ok := erlTextArg(p.Env(), t, bin)
	if !ok {
		return p.BadArg()
	}
	digits := s
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return p.BadArg()
	}
	for _, c := range digits {
		if erlDigitValue(c) >= base {
			return p.BadArg()
		}
	}
	if len(digits) <= 11 {
		v, err := strconv.ParseInt(string(s), base, 64)
		if err == nil {
			return p.Heap.Int(v)
		}
	}
	z, ok := new(big.Int).SetString(string(s), base)
	if !ok {
		return p.BadArg()
	}
	return erlBigResult(p, z)
}

// erlDigitValue returns the value of digit c in bases up to 36, or 99.
func erlDigitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// erlFloatToText implements float_to_list/binary with options: {decimals, D},
// {scientific, D}, short and compact, the last format option winning. With
// no format option the float is written as {scientific, 20}.
func erlFloatToText(p *vm.Process, ft, opts term.Term, bin bool) term.Term {
	env := p.Env()
	if !env.IsFloat(ft) {
		return p.BadArg()
	}
	f := env.Float(ft)
	os, ok := erlListSlice(env, opts)
	if !ok {
		return p.BadArg()
	}
	const (
		fmtSci = iota
		fmtDecimals
		fmtShort
	)
	kind, digits, compact := fmtSci, 20, false
	atomCompact := p.Atom("compact")
	for _, o := range os {
		switch {
		case o == atomCompact:
			compact = true
		case o == term.AtomShort:
			kind = fmtShort
		case env.IsTuple(o) && env.TupleArity(o) == 2 && env.Elem(o, 1).IsSmall():
			// OTP reads the count as a C int.
			n := int(int32(env.Elem(o, 1).Small()))
			switch env.Elem(o, 0) {
			case term.AtomDecimals:
				if n < 0 {
					return p.BadArg()
				}
				kind, digits = fmtDecimals, n
			case term.AtomScientific:
				kind, digits = fmtSci, n
			default:
				return p.BadArg()
			}
		default:
			return p.BadArg()
		}
	}
	var s string
	var err error
	switch kind {
	case fmtShort:
		s = term.FormatFloat(f)
	case fmtDecimals:
		s, err = term.FormatFloatDigits(f, digits, compact)
	default:
		s, err = term.FormatFloatSci(f, digits)
	}
	if err != nil {
		return p.BadArg()
	}
	return erlTextResult(p, s, bin)
}

// erlTextToFloat parses [+-]Digits.Digits[(e|E)[+-]Digits], the only form
// list_to_float and binary_to_float accept. As in OTP, a NUL byte ends the
// text.
func erlTextToFloat(p *vm.Process, t term.Term, bin bool) term.Term {
	s, ok := erlTextArg(p.Env(), t, bin)
	if i := bytes.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	if !ok || !erlFloatSyntax(s) {
		return p.BadArg()
	}
	// Overflow is an error; underflow to zero or a denormal is accepted.
	f, err := strconv.ParseFloat(string(s), 64)
	if math.IsInf(f, 0) || (err != nil && !errors.Is(err, strconv.ErrRange)) {
		return p.BadArg()
	}
	return p.Heap.Float(f)
}

// erlFloatSyntax reports whether s has the form of an Erlang float literal
// without underscores, optionally signed.
func erlFloatSyntax(s []byte) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() bool {
		st := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > st
	}
	if !digits() || i >= len(s) || s[i] != '.' {
		return false
	}
	i++
	if !digits() {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}

package stdlib

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// A scanner of Erlang source text into tokens, as OTP's erl_scan:tokens
// cuts it: one term's tokens up to and including the dot that ends it,
// where it stops (after the dot and the one white-space character that
// follows it), the line it ends on, and erl_scan's error descriptors for
// text that is no token. file:consult and io:read read terms with it.

// tokKind is the category of a token.
type tokKind uint8

const (
	tkAtom tokKind = iota
	tkVar
	tkInt
	tkFloat
	tkChar
	tkString
	tkSym // punctuation, operators and reserved words
	tkDot
	tkEnd // the end of the tokens (the parser's end marker)
)

// token is one token and the line it starts on.
type token struct {
	kind tokKind
	line int
	sym  string   // tkSym: the symbol or reserved word
	text []rune   // tkAtom, tkVar: the name; tkString: the characters
	ival *big.Int // tkInt
	fval float64  // tkFloat
	cval rune     // tkChar
}

// scanStatus says how scanning a term's text ended.
type scanStatus uint8

const (
	// scanMore: the text ends before the term does; more is needed.
	scanMore scanStatus = iota
	// scanDone: toks hold a term's tokens (ending with a dot, unless the
	// input ended first).
	scanDone
	// scanEOF: the input ended with no token.
	scanEOF
	// scanError: text that is no token; err describes it.
	scanError
)

// scanErr is one of erl_scan's error descriptors: {string, Quote, Text},
// {illegal, What}, {base, N} or char.
type scanErr struct {
	kind  string // "string", "illegal", "base", "char"
	quote rune
	text  []rune
	what  string
	base  int
}

// scanResult is what scanning a term's text found.
type scanResult struct {
	status  scanStatus
	toks    []token
	endLine int // the line after the last token (after the dot's white space)
	rest    int // where the text after the term (or error) begins
	errLine int
	err     scanErr
}

// maxAtomChars is the longest atom name.
const maxAtomChars = 255

// reservedWords are the words erl_scan makes tokens of their own.
var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

// symbols3 and symbols2 are the operators of more than one character.
var (
	symbols3 = []string{"=:=", "=/=", "..."}
	symbols2 = []string{"==", "=<", "=>", ">=", ">>", "<-", "<=", "<<", "/=", "++", "--", "->",
		"||", "::", ":=", "..", "?="}
)

// scanner scans src from i.
type scanner struct {
	src  []rune
	i    int
	line int
	eof  bool // src is all there is
	// touched is set when scanning looked past the end of src: the token
	// might go on in text not yet there.
	touched bool
}

// at returns the character k places ahead, or -1 past the end.
func (s *scanner) at(k int) rune {
	if s.i+k >= len(s.src) {
		s.touched = true
		return -1
	}
	return s.src[s.i+k]
}

// scanTerm scans the tokens of one term from src[from:], which starts on
// line line. With eof false, src may continue: scanMore is returned when
// the term, or the token being scanned, reaches its end.
func scanTerm(src []rune, from, line int, eof bool) scanResult {
	s := &scanner{src: src, i: from, line: line, eof: eof}
	var toks []token
	for {
		s.touched = false
		s.skipBlank()
		if s.touched && !eof {
			return scanResult{status: scanMore}
		}
		if s.i >= len(src) {
			if len(toks) == 0 {
				return scanResult{status: scanEOF, endLine: s.line, rest: s.i}
			}
			return scanResult{status: scanDone, toks: toks, endLine: s.line, rest: s.i}
		}
		start := s.line
		tok, err := s.token()
		if s.touched && !eof {
			return scanResult{status: scanMore}
		}
		if err != nil {
			return scanResult{status: scanError, errLine: start, err: *err, endLine: s.line, rest: s.i}
		}
		tok.line = start
		toks = append(toks, tok)
		if tok.kind == tkDot {
			return scanResult{status: scanDone, toks: toks, endLine: s.line, rest: s.i}
		}
	}
}

// isBlank reports whether c is white space to erl_scan.
func isBlank(c rune) bool { return c >= 0 && c <= ' ' || c >= 0x80 && c <= 0xA0 }

// skipBlank skips white space and comments.
func (s *scanner) skipBlank() {
	for {
		c := s.at(0)
		switch {
		case c == '\n':
			s.line++
			s.i++
		case isBlank(c):
			s.i++
		case c == '%':
			for c := s.at(0); c >= 0 && c != '\n'; c = s.at(0) {
				s.i++
			}
		default:
			return
		}
	}
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// isLowerStart, isUpperStart and isNameChar are erl_scan's classes of
// the characters of atoms and variables (ASCII and Latin-1 letters).
func isLowerStart(c rune) bool { return c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7 }
func isUpperStart(c rune) bool {
	return c >= 'A' && c <= 'Z' || c == '_' || c >= 0xC0 && c <= 0xDE && c != 0xD7
}
func isNameChar(c rune) bool {
	return isLowerStart(c) || isUpperStart(c) || isDigit(c) || c == '@'
}

// token scans the token at s.i (not white space).
func (s *scanner) token() (token, *scanErr) {
	c := s.at(0)
	switch {
	case isLowerStart(c):
		name := s.name()
		if reservedWords[string(name)] {
			return token{kind: tkSym, sym: string(name)}, nil
		}
		if len(name) > maxAtomChars {
			return token{}, &scanErr{kind: "illegal", what: "atom"}
		}
		return token{kind: tkAtom, text: name}, nil
	case isUpperStart(c):
		return token{kind: tkVar, text: s.name()}, nil
	case isDigit(c):
		return s.number()
	case c == '$':
		s.i++
		if s.at(0) < 0 {
			return token{}, &scanErr{kind: "char"}
		}
		r, err := s.char()
		if err != nil {
			return token{}, err
		}
		return token{kind: tkChar, cval: r}, nil
	case c == '"' || c == '\'':
		text, err := s.quoted(c)
		if err != nil {
			return token{}, err
		}
		if c == '"' {
			return token{kind: tkString, text: text}, nil
		}
		if len(text) > maxAtomChars {
			return token{}, &scanErr{kind: "illegal", what: "atom"}
		}
		return token{kind: tkAtom, text: text}, nil
	case c == '.':
		switch n := s.at(1); {
		case n < 0:
			s.i++
			return token{kind: tkDot}, nil
		case n == '%':
			s.i++
			return token{kind: tkDot}, nil
		case isBlank(n):
			s.i += 2
			if n == '\n' {
				s.line++
			}
			return token{kind: tkDot}, nil
		}
	}
	for _, sym := range symbols3 {
		if s.lookingAt(sym) {
			s.i += 3
			return token{kind: tkSym, sym: sym}, nil
		}
	}
	for _, sym := range symbols2 {
		if s.lookingAt(sym) {
			s.i += 2
			return token{kind: tkSym, sym: sym}, nil
		}
	}
	s.i++
	if c > 0xFF {
		return token{}, &scanErr{kind: "illegal", what: "character"}
	}
	return token{kind: tkSym, sym: string(c)}, nil
}

// lookingAt reports whether the text at s.i starts with sym.
func (s *scanner) lookingAt(sym string) bool {
	k := 0
	for _, r := range sym {
		if s.at(k) != r {
			return false
		}
		k++
	}
	return true
}

// name scans the characters of an atom or variable name.
func (s *scanner) name() []rune {
	start := s.i
	for isNameChar(s.at(0)) {
		s.i++
	}
	return append([]rune(nil), s.src[start:s.i]...)
}

// digits scans digits of base (with single underscores between them)
// and returns them without the underscores.
func (s *scanner) digits(base int) string {
	var b strings.Builder
	for {
		c := s.at(0)
		if digitVal(c) < base {
			b.WriteRune(c)
			s.i++
			continue
		}
		if c == '_' && b.Len() > 0 && digitVal(s.at(1)) < base {
			s.i++
			continue
		}
		return b.String()
	}
}

// digitVal is the value of c as a digit of bases up to 36 (99 for none).
func digitVal(c rune) int {
	if c < 0 || c > 0x7f {
		return 99
	}
	return erlDigitValue(byte(c))
}

// number scans an integer, Base#Digits or a float.
func (s *scanner) number() (token, *scanErr) {
	ds := s.digits(10)
	switch {
	case s.at(0) == '#':
		base, err := strconv.Atoi(ds)
		if err != nil || base < 2 || base > 36 {
			if err != nil {
				base = 37
			}
			return token{}, &scanErr{kind: "base", base: base}
		}
		s.i++
		vs := s.digits(base)
		if vs == "" {
			return token{}, &scanErr{kind: "illegal", what: "integer"}
		}
		v, _ := new(big.Int).SetString(vs, base)
		return token{kind: tkInt, ival: v}, nil
	case s.at(0) == '.' && isDigit(s.at(1)):
		s.i++
		text := ds + "." + s.digits(10)
		if c := s.at(0); c == 'e' || c == 'E' {
			s.i++
			text += "e"
			if c := s.at(0); c == '+' || c == '-' {
				s.i++
				text += string(c)
			}
			exp := s.digits(10)
			if exp == "" {
				return token{}, &scanErr{kind: "illegal", what: "float"}
			}
			text += exp
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			return token{}, &scanErr{kind: "illegal", what: "float"}
		}
		return token{kind: tkFloat, fval: f}, nil
	}
	v, _ := new(big.Int).SetString(ds, 10)
	return token{kind: tkInt, ival: v}, nil
}

// quoted scans a string or quoted atom delimited by q; unterminated, it
// is erl_scan's {string, Quote, Text} error.
func (s *scanner) quoted(q rune) ([]rune, *scanErr) {
	s.i++
	start := s.i
	var out []rune
	for {
		c := s.at(0)
		switch {
		case c < 0:
			return nil, &scanErr{kind: "string", quote: q, text: append([]rune(nil), s.src[start:]...)}
		case c == q:
			s.i++
			return out, nil
		case c == '\\':
			s.i++
			if s.at(0) < 0 {
				continue
			}
			r, err := s.escape()
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		default:
			if c == '\n' {
				s.line++
			}
			s.i++
			out = append(out, c)
		}
	}
}

// char scans the character of a $c literal.
func (s *scanner) char() (rune, *scanErr) {
	c := s.at(0)
	if c == '\\' {
		s.i++
		if s.at(0) < 0 {
			return 0, &scanErr{kind: "char"}
		}
		return s.escape()
	}
	if c == '\n' {
		s.line++
	}
	s.i++
	return c, nil
}

// escape scans the escape sequence after a backslash.
func (s *scanner) escape() (rune, *scanErr) {
	c := s.at(0)
	switch {
	case c >= '0' && c <= '7':
		v := 0
		for k := 0; k < 3 && s.at(0) >= '0' && s.at(0) <= '7'; k++ {
			v = v*8 + int(s.at(0)-'0')
			s.i++
		}
		return rune(v), nil
	case c == 'x':
		s.i++
		if s.at(0) == '{' {
			s.i++
			v := 0
			n := 0
			for digitVal(s.at(0)) < 16 {
				v = v*16 + digitVal(s.at(0))
				s.i++
				n++
				if v > 0x10FFFF {
					return 0, &scanErr{kind: "illegal", what: "character"}
				}
			}
			if s.at(0) != '}' || n == 0 {
				return 0, &scanErr{kind: "illegal", what: "character"}
			}
			s.i++
			return rune(v), nil
		}
		v := 0
		for k := 0; k < 2; k++ {
			d := digitVal(s.at(0))
			if d >= 16 {
				return 0, &scanErr{kind: "illegal", what: "character"}
			}
			v = v*16 + d
			s.i++
		}
		return rune(v), nil
	case c == '^':
		s.i++
		d := s.at(0)
		if d < 0 {
			return 0, &scanErr{kind: "illegal", what: "character"}
		}
		s.i++
		return d & 31, nil
	}
	s.i++
	switch c {
	case 'b':
		return '\b', nil
	case 'd':
		return 127, nil
	case 'e':
		return 27, nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 's':
		return ' ', nil
	case 't':
		return '\t', nil
	case 'v':
		return '\v', nil
	case '\n':
		s.line++
	}
	return c, nil
}

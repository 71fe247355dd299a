// Package termtext builds terms from their Erlang source text, for tests and
// tools that need literal terms without a compiler: integers (any size,
// Base#Digits, $c), floats, atoms (bare or quoted), strings (with Erlang's
// escapes; adjacent strings concatenate), lists (proper or improper),
// tuples, maps and binaries (<<"text">>, <<"text"/utf8>>, <<1,2,300:16>>,
// <<5:3>>). It also accepts the printed forms of the values that have no
// source syntax: <0.N.0> (a local pid), #Port<0.N>, #Ref<0.A.B.C>,
// #Fun<Module.Index.Uniq> (a closure without free variables) and
// fun M:F/A.
//
// It is not erl_parse: no expressions, no records, no variables.
package termtext

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// ErrSyntax is wrapped by every error Parse returns.
var ErrSyntax = errors.New("termtext: syntax error")

// Parse builds on h the one term written in src (a trailing '.' is allowed)
// and returns it. env supplies the atom and binary tables.
func Parse(h *heap.Heap, env *term.Env, src string) (term.Term, error) {
	p := &parser{h: h, env: env, src: []rune(src)}
	t, err := p.term()
	if err != nil {
		return 0, err
	}
	p.skipSpace()
	if p.peek() == '.' {
		p.pos++
		p.skipSpace()
	}
	if p.pos < len(p.src) {
		return 0, p.errorf("unexpected %q after term", string(p.src[p.pos:]))
	}
	return t, nil
}

// MustParse is Parse for tests: it panics on a syntax error.
func MustParse(h *heap.Heap, env *term.Env, src string) term.Term {
	t, err := Parse(h, env, src)
	if err != nil {
		panic(err)
	}
	return t
}

type parser struct {
	h   *heap.Heap
	env *term.Env
	src []rune
	pos int
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w at offset %d: %s", ErrSyntax, p.pos, fmt.Sprintf(format, args...))
}

func (p *parser) peek() rune {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return -1
}

func (p *parser) peekAt(k int) rune {
	if p.pos+k < len(p.src) {
		return p.src[p.pos+k]
	}
	return -1
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '%' {
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
			continue
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return
		}
		p.pos++
	}
}

func (p *parser) expect(s string) error {
	p.skipSpace()
	for _, c := range s {
		if p.peek() != c {
			return p.errorf("expected %q", s)
		}
		p.pos++
	}
	return nil
}

func (p *parser) accept(s string) bool {
	p.skipSpace()
	rs := []rune(s)
	for i, c := range rs {
		if p.peekAt(i) != c {
			return false
		}
	}
	p.pos += len(rs)
	return true
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

func isNameChar(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '@' ||
		c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7
}

func (p *parser) term() (term.Term, error) {
	p.skipSpace()
	c := p.peek()
	switch {
	case c == -1:
		return 0, p.errorf("unexpected end")
	case c == '[':
		return p.list()
	case c == '{':
		return p.tuple()
	case c == '#' && p.peekAt(1) == '{':
		return p.mapTerm()
	case c == '#':
		return p.special()
	case c == '<' && p.peekAt(1) == '<':
		return p.binary()
	case c == '<':
		return p.pid()
	case c == '"':
		s, err := p.strings()
		if err != nil {
			return 0, err
		}
		return p.h.List(runesToTerms(s)...), nil
	case c == '\'':
		s, err := p.quoted('\'')
		if err != nil {
			return 0, err
		}
		return p.atom(string(s))
	case c == '$':
		p.pos++
		r, err := p.char()
		if err != nil {
			return 0, err
		}
		return term.MakeSmall(int64(r)), nil
	case c == '-' || c == '+' || isDigit(c):
		return p.number()
	case c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7:
		start := p.pos
		for isNameChar(p.peek()) {
			p.pos++
		}
		name := string(p.src[start:p.pos])
		if name == "fun" {
			return p.export()
		}
		return p.atom(name)
	}
	return 0, p.errorf("unexpected %q", c)
}

func (p *parser) atom(name string) (term.Term, error) {
	a, ok := p.env.Atoms.Intern(name)
	if !ok {
		return 0, p.errorf("atom table full")
	}
	return a, nil
}

func runesToTerms(rs []rune) []term.Term {
	ts := make([]term.Term, len(rs))
	for i, r := range rs {
		ts[i] = term.MakeSmall(int64(r))
	}
	return ts
}

func (p *parser) list() (term.Term, error) {
	p.pos++ // [
	if p.accept("]") {
		return term.Nil, nil
	}
	var elems []term.Term
	for {
		t, err := p.term()
		if err != nil {
			return 0, err
		}
		elems = append(elems, t)
		if p.accept(",") {
			continue
		}
		tail := term.Nil
		if p.accept("|") {
			if tail, err = p.term(); err != nil {
				return 0, err
			}
		}
		if err := p.expect("]"); err != nil {
			return 0, err
		}
		return p.h.ListTail(tail, elems...), nil
	}
}

func (p *parser) tuple() (term.Term, error) {
	p.pos++ // {
	var elems []term.Term
	if p.accept("}") {
		return p.h.Tuple(), nil
	}
	for {
		t, err := p.term()
		if err != nil {
			return 0, err
		}
		elems = append(elems, t)
		if p.accept(",") {
			continue
		}
		if err := p.expect("}"); err != nil {
			return 0, err
		}
		return p.h.Tuple(elems...), nil
	}
}

func (p *parser) mapTerm() (term.Term, error) {
	p.pos += 2 // #{
	var keys, vals []term.Term
	if !p.accept("}") {
		for {
			k, err := p.term()
			if err != nil {
				return 0, err
			}
			if err := p.expect("=>"); err != nil {
				return 0, err
			}
			v, err := p.term()
			if err != nil {
				return 0, err
			}
			keys = append(keys, k)
			vals = append(vals, v)
			if p.accept(",") {
				continue
			}
			if err := p.expect("}"); err != nil {
				return 0, err
			}
			break
		}
	}
	keys, vals = term.SortMapPairs(p.env, keys, vals)
	return BuildMap(p.h, keys, vals), nil
}

// BuildMap builds a map whose keys (without duplicates, already in the
// storage order of term.SortMapPairs) and values are given.
func BuildMap(h *heap.Heap, keys, vals []term.Term) term.Term {
	n := len(keys)
	at := h.Alloc(2 + 2*n)
	h.W[at] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	h.W[at+1] = uint64(n)
	for i := 0; i < n; i++ {
		h.W[at+2+uint64(i)] = uint64(keys[i])
		h.W[at+2+uint64(n+i)] = uint64(vals[i])
	}
	return term.MakeBoxed(at)
}

// number parses an integer or float, with an optional sign.
func (p *parser) number() (term.Term, error) {
	neg := false
	if c := p.peek(); c == '-' || c == '+' {
		neg = c == '-'
		p.pos++
		p.skipSpace()
		if p.peek() == '$' {
			p.pos++
			r, err := p.char()
			if err != nil {
				return 0, err
			}
			if neg {
				r = -r
			}
			return term.MakeSmall(int64(r)), nil
		}
	}
	start := p.pos
	if !isDigit(p.peek()) {
		return 0, p.errorf("expected digits")
	}
	for isDigit(p.peek()) || p.peek() == '_' {
		p.pos++
	}
	digits := strings.ReplaceAll(string(p.src[start:p.pos]), "_", "")
	if p.peek() == '#' {
		base, err := strconv.Atoi(digits)
		if err != nil || base < 2 || base > 36 {
			return 0, p.errorf("bad base %q", digits)
		}
		p.pos++
		s := p.pos
		for {
			c := p.peek()
			if isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' {
				p.pos++
				continue
			}
			break
		}
		z, ok := new(big.Int).SetString(strings.ReplaceAll(string(p.src[s:p.pos]), "_", ""), base)
		if !ok {
			return 0, p.errorf("bad based integer")
		}
		if neg {
			z.Neg(z)
		}
		return p.h.Big(z), nil
	}
	if p.peek() == '.' && isDigit(p.peekAt(1)) {
		p.pos++
		for isDigit(p.peek()) || p.peek() == '_' {
			p.pos++
		}
		if c := p.peek(); c == 'e' || c == 'E' {
			p.pos++
			if c := p.peek(); c == '-' || c == '+' {
				p.pos++
			}
			for isDigit(p.peek()) {
				p.pos++
			}
		}
		text := strings.ReplaceAll(string(p.src[start:p.pos]), "_", "")
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			return 0, p.errorf("bad float %q", text)
		}
		if neg {
			f = -f
		}
		return p.h.Float(f), nil
	}
	z, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return 0, p.errorf("bad integer %q", digits)
	}
	if neg {
		z.Neg(z)
	}
	return p.h.Big(z), nil
}

// strings parses one or more adjacent string literals.
func (p *parser) strings() ([]rune, error) {
	var out []rune
	for {
		s, err := p.quoted('"')
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
		p.skipSpace()
		if p.peek() != '"' {
			return out, nil
		}
	}
}

// quoted parses a string or quoted atom delimited by q.
func (p *parser) quoted(q rune) ([]rune, error) {
	p.pos++
	var out []rune
	for {
		c := p.peek()
		switch c {
		case -1:
			return nil, p.errorf("unterminated quote")
		case q:
			p.pos++
			return out, nil
		case '\\':
			r, err := p.escape()
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		default:
			p.pos++
			out = append(out, c)
		}
	}
}

// char parses the character after '$'.
func (p *parser) char() (rune, error) {
	c := p.peek()
	if c == -1 {
		return 0, p.errorf("unterminated character")
	}
	if c == '\\' {
		return p.escape()
	}
	p.pos++
	return c, nil
}

// escape parses a backslash escape sequence.
func (p *parser) escape() (rune, error) {
	p.pos++ // backslash
	c := p.peek()
	if c == -1 {
		return 0, p.errorf("unterminated escape")
	}
	p.pos++
	switch c {
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'v':
		return '\v', nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'e':
		return 27, nil
	case 's':
		return ' ', nil
	case 'd':
		return 127, nil
	case '^':
		x := p.peek()
		if x == -1 {
			return 0, p.errorf("unterminated escape")
		}
		p.pos++
		return x & 31, nil
	case 'x':
		if p.peek() == '{' {
			p.pos++
			s := p.pos
			for p.peek() != '}' && p.peek() != -1 {
				p.pos++
			}
			if p.peek() == -1 {
				return 0, p.errorf("unterminated \\x{} escape")
			}
			v, err := strconv.ParseUint(string(p.src[s:p.pos]), 16, 32)
			p.pos++
			if err != nil {
				return 0, p.errorf("bad \\x{} escape")
			}
			return rune(v), nil
		}
		s := p.pos
		if p.pos+2 > len(p.src) {
			return 0, p.errorf("bad \\x escape")
		}
		p.pos += 2
		v, err := strconv.ParseUint(string(p.src[s:p.pos]), 16, 8)
		if err != nil {
			return 0, p.errorf("bad \\x escape")
		}
		return rune(v), nil
	}
	if c >= '0' && c <= '7' {
		v := c - '0'
		for i := 0; i < 2 && p.peek() >= '0' && p.peek() <= '7'; i++ {
			v = v*8 + p.peek() - '0'
			p.pos++
		}
		return v, nil
	}
	return c, nil
}

// binary parses <<Segment, ...>>.
func (p *parser) binary() (term.Term, error) {
	p.pos += 2
	var bits bitWriter
	if !p.accept(">>") {
		for {
			if err := p.segment(&bits); err != nil {
				return 0, err
			}
			if p.accept(",") {
				continue
			}
			if err := p.expect(">>"); err != nil {
				return 0, err
			}
			break
		}
	}
	b := p.h.Binary(p.env.Bins, bits.buf)
	if bits.n%8 == 0 {
		return b, nil
	}
	return p.h.SubBinary(b, 0, bits.n), nil
}

func (p *parser) segment(w *bitWriter) error {
	p.skipSpace()
	var str []rune
	isStr := false
	var val *big.Int
	var fval float64
	isFloat := false
	switch c := p.peek(); {
	case c == '"':
		s, err := p.strings()
		if err != nil {
			return err
		}
		str, isStr = s, true
	default:
		t, err := p.number()
		if err != nil {
			if c != '$' {
				return err
			}
			p.pos++
			r, err := p.char()
			if err != nil {
				return err
			}
			t = term.MakeSmall(int64(r))
		}
		if p.env.IsFloat(t) {
			isFloat = true
			fval = p.env.Float(t)
		} else {
			val = p.env.BigInt(t)
		}
	}
	size := -1
	p.skipSpace()
	if p.peek() == ':' {
		p.pos++
		s := p.pos
		for isDigit(p.peek()) {
			p.pos++
		}
		n, err := strconv.Atoi(string(p.src[s:p.pos]))
		if err != nil || n > 1<<16 {
			return p.errorf("bad segment size")
		}
		size = n
	}
	typ := "integer"
	if p.peek() == '/' {
		p.pos++
		s := p.pos
		for isNameChar(p.peek()) {
			p.pos++
		}
		typ = string(p.src[s:p.pos])
	}
	emit := func(v *big.Int) error {
		switch typ {
		case "utf8":
			var tmp [4]byte
			r := rune(v.Int64())
			if !v.IsInt64() || !utf8.ValidRune(r) {
				return p.errorf("bad utf8 code point")
			}
			n := utf8.EncodeRune(tmp[:], r)
			for _, b := range tmp[:n] {
				w.write(uint64(b), 8)
			}
		case "integer":
			sz := size
			if sz < 0 {
				sz = 8
			}
			m := new(big.Int).Lsh(big.NewInt(1), uint(sz))
			u := new(big.Int).Mod(v, m)
			for i := sz - 1; i >= 0; i-- {
				w.write(uint64(u.Bit(i)), 1)
			}
		default:
			return p.errorf("unsupported segment type %q", typ)
		}
		return nil
	}
	if isStr {
		for _, r := range str {
			if err := emit(big.NewInt(int64(r))); err != nil {
				return err
			}
		}
		return nil
	}
	if isFloat || typ == "float" {
		if !isFloat {
			fval, _ = new(big.Float).SetInt(val).Float64()
		}
		sz := size
		if sz < 0 {
			sz = 64
		}
		switch sz {
		case 64:
			w.write(math.Float64bits(fval), 64)
		case 32:
			w.write(uint64(math.Float32bits(float32(fval))), 32)
		default:
			return p.errorf("bad float size")
		}
		return nil
	}
	return emit(val)
}

type bitWriter struct {
	buf []byte
	n   uint64
}

func (w *bitWriter) write(v uint64, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		if v>>uint(i)&1 != 0 {
			w.buf[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// pid parses <0.N.0>.
func (p *parser) pid() (term.Term, error) {
	p.pos++
	nums, err := p.dotted('>')
	if err != nil {
		return 0, err
	}
	if len(nums) != 3 || nums[0] != 0 {
		return 0, p.errorf("only local pids <0.N.S> are supported")
	}
	return term.MakePid(nums[1]), nil
}

// dotted parses N.N...N followed by end.
func (p *parser) dotted(end rune) ([]uint64, error) {
	var nums []uint64
	for {
		s := p.pos
		for isDigit(p.peek()) {
			p.pos++
		}
		v, err := strconv.ParseUint(string(p.src[s:p.pos]), 10, 64)
		if err != nil {
			return nil, p.errorf("expected a number")
		}
		nums = append(nums, v)
		switch p.peek() {
		case '.':
			p.pos++
		case end:
			p.pos++
			return nums, nil
		default:
			return nil, p.errorf("expected '.' or %q", end)
		}
	}
}

// special parses #Port<...>, #Ref<...> and #Fun<...>.
func (p *parser) special() (term.Term, error) {
	switch {
	case p.accept("#Port<"):
		nums, err := p.dotted('>')
		if err != nil {
			return 0, err
		}
		if len(nums) != 2 || nums[0] != 0 {
			return 0, p.errorf("only local ports #Port<0.N> are supported")
		}
		return term.MakePort(nums[1]), nil
	case p.accept("#Ref<"):
		nums, err := p.dotted('>')
		if err != nil {
			return 0, err
		}
		if len(nums) < 2 || nums[0] != 0 {
			return 0, p.errorf("only local refs #Ref<0.A.B.C> are supported")
		}
		ws := nums[1:]
		at := p.h.Alloc(1 + len(ws))
		p.h.W[at] = uint64(term.MakeHeader(term.SubRef, len(ws)))
		for i, v := range ws {
			// Body words are stored least significant first.
			p.h.W[at+uint64(len(ws)-i)] = v
		}
		return term.MakeBoxed(at), nil
	case p.accept("#Fun<"):
		s := p.pos
		for p.peek() != '>' && p.peek() != -1 {
			p.pos++
		}
		if p.peek() == -1 {
			return 0, p.errorf("unterminated #Fun<")
		}
		parts := strings.Split(string(p.src[s:p.pos]), ".")
		p.pos++
		if len(parts) != 3 {
			return 0, p.errorf("expected #Fun<Module.Index.Uniq>")
		}
		mod, err := p.atom(parts[0])
		if err != nil {
			return 0, err
		}
		idx, err1 := strconv.ParseUint(parts[1], 10, 32)
		uniq, err2 := strconv.ParseUint(parts[2], 10, 32)
		if err1 != nil || err2 != nil {
			return 0, p.errorf("bad #Fun numbers")
		}
		at := p.h.Alloc(term.FunHeaderWords)
		p.h.W[at] = uint64(term.MakeHeader(term.SubFun, term.FunHeaderWords-1))
		p.h.W[at+1] = 0
		p.h.W[at+2] = uint64(mod)
		p.h.W[at+3] = idx << 32
		p.h.W[at+4] = uniq
		return term.MakeBoxed(at), nil
	}
	return 0, p.errorf("unexpected '#'")
}

// export parses the rest of fun M:F/A.
func (p *parser) export() (term.Term, error) {
	m, err := p.term()
	if err != nil {
		return 0, err
	}
	if err := p.expect(":"); err != nil {
		return 0, err
	}
	f, err := p.term()
	if err != nil {
		return 0, err
	}
	if err := p.expect("/"); err != nil {
		return 0, err
	}
	a, err := p.term()
	if err != nil {
		return 0, err
	}
	if !m.IsAtom() || !f.IsAtom() || !a.IsSmall() {
		return 0, p.errorf("expected fun Atom:Atom/Arity")
	}
	at := p.h.Alloc(term.ExportWords)
	p.h.W[at] = uint64(term.MakeHeader(term.SubExport, term.ExportWords-1))
	p.h.W[at+1] = 0
	p.h.W[at+2] = uint64(m)
	p.h.W[at+3] = uint64(f)
	p.h.W[at+4] = uint64(a.Small())
	return term.MakeBoxed(at), nil
}

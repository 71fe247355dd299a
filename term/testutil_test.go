package term_test

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// termBuilder builds terms for tests from Erlang source text, so that the
// same text can be evaluated by erl to obtain expected values. It understands
// integers (any size), floats, atoms (bare and quoted), strings, lists
// (proper and improper), tuples, maps, binaries and bitstrings
// (<<1,2:3,"ab",X/utf8>> with integer or string segments), and these calls:
//
//	c:pid(0,N,0)                  local pid number N
//	list_to_port("#Port<0.N>")    local port number N
//	list_to_ref("#Ref<0.A.B.C>")  reference with words C, B, A
//	binary:copy(B, N)             B repeated N times (off-heap above 64 bytes)
//	lists:seq(A, B)               [A..B]
//	lists:duplicate(N, X)         N copies of X
type termBuilder struct {
	T   testing.TB
	Env *term.Env
	H   *heap.Heap
}

// newTermBuilder returns a builder with a fresh arena, heap and tables.
func newTermBuilder(t testing.TB) *termBuilder {
	t.Helper()
	a, err := heap.NewArena(1 << 27)
	if err != nil {
		t.Fatalf("arena: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	h, err := heap.New(a, 0)
	if err != nil {
		t.Fatalf("heap: %v", err)
	}
	env := &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
	return &termBuilder{T: t, Env: env, H: h}
}

// Parse builds the term written as src, failing the test on a syntax error.
func (b *termBuilder) Parse(src string) term.Term {
	b.T.Helper()
	p := &termParser{b: b, s: src}
	t, err := p.term()
	if err == nil {
		p.skip()
		if p.i != len(p.s) {
			err = p.errorf("trailing text")
		}
	}
	if err != nil {
		b.T.Fatalf("parse %q: %v", src, err)
	}
	return t
}

// Map builds a map of the given key-value pairs (keys in any order; a later
// duplicate key wins), laid out flat with keys in map key order.
func (b *termBuilder) Map(keys, vals []term.Term) term.Term {
	type kv struct{ k, v term.Term }
	kvs := make([]kv, 0, len(keys))
	for i := range keys {
		kvs = append(kvs, kv{keys[i], vals[i]})
	}
	sort.SliceStable(kvs, func(i, j int) bool {
		return term.CompareExact(b.Env, kvs[i].k, kvs[j].k) < 0
	})
	out := kvs[:0]
	for _, p := range kvs {
		if n := len(out); n > 0 && term.CompareExact(b.Env, out[n-1].k, p.k) == 0 {
			out[n-1] = p
			continue
		}
		out = append(out, p)
	}
	n := len(out)
	p := b.H.Alloc(2 + 2*n)
	w := b.Env.W
	w[p] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	w[p+1] = uint64(n)
	for i, e := range out {
		w[p+2+uint64(i)] = uint64(e.k)
		w[p+2+uint64(n+i)] = uint64(e.v)
	}
	return term.MakeBoxed(p)
}

// Ref builds a reference printed as #Ref<0.w3.w2.w1>.
func (b *termBuilder) Ref(w3, w2, w1 uint64) term.Term {
	p := b.H.Alloc(4)
	w := b.Env.W
	w[p] = uint64(term.MakeHeader(term.SubRef, 3))
	w[p+1], w[p+2], w[p+3] = w1, w2, w3
	return term.MakeBoxed(p)
}

// Fun builds a closure of module mod with FunT index idx, old uniq uniq,
// arity arity and the given captured variables.
func (b *termBuilder) Fun(mod string, idx, uniq uint32, arity int, free ...term.Term) term.Term {
	p := b.H.Alloc(term.FunHeaderWords + len(free))
	w := b.Env.W
	w[p] = uint64(term.MakeHeader(term.SubFun, term.FunHeaderWords-1+len(free)))
	w[p+1] = uint64(idx)
	w[p+2] = uint64(b.Env.Atom(mod))
	w[p+3] = uint64(idx)<<32 | uint64(len(free))<<8 | uint64(arity)
	w[p+4] = uint64(uniq)
	for i, f := range free {
		w[p+term.FunHeaderWords+uint64(i)] = uint64(f)
	}
	return term.MakeBoxed(p)
}

// Export builds the external fun fun M:F/A.
func (b *termBuilder) Export(m, f string, a int) term.Term {
	p := b.H.Alloc(term.ExportWords)
	w := b.Env.W
	w[p] = uint64(term.MakeHeader(term.SubExport, term.ExportWords-1))
	w[p+1] = 0
	w[p+2] = uint64(b.Env.Atom(m))
	w[p+3] = uint64(b.Env.Atom(f))
	w[p+4] = uint64(a)
	return term.MakeBoxed(p)
}

// Bits builds a bitstring of size bits from the high-order bits of data.
func (b *termBuilder) Bits(data []byte, size uint64) term.Term {
	if size%8 == 0 {
		return b.H.Binary(b.Env.Bins, data[:size/8])
	}
	full := b.H.Binary(b.Env.Bins, data[:(size+7)/8])
	return b.H.SubBinary(full, 0, size)
}

// Shifted builds the same bitstring as bits (a binary or bitstring term) but
// as a sub-binary starting at bit offset off of a larger binary, to exercise
// unaligned paths.
func (b *termBuilder) Shifted(bits term.Term, off uint64) term.Term {
	d, o, size := b.Env.Bits(bits)
	buf := make([]byte, (off+size+7)/8+1)
	for i := range buf {
		buf[i] = 0xA5 // junk around the bits
	}
	term.CopyBits(buf, off, d, o, size)
	orig := b.H.Binary(b.Env.Bins, buf)
	return b.H.SubBinary(orig, off, size)
}

type termParser struct {
	b *termBuilder
	s string
	i int
}

func (p *termParser) errorf(format string, args ...any) error {
	return fmt.Errorf("at %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *termParser) skip() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *termParser) peek() byte {
	p.skip()
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *termParser) accept(tok string) bool {
	p.skip()
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *termParser) expect(tok string) error {
	if !p.accept(tok) {
		return p.errorf("expected %q", tok)
	}
	return nil
}

func (p *termParser) term() (term.Term, error) {
	h := p.b.H
	switch c := p.peek(); {
	case c == '[':
		p.i++
		var elems []term.Term
		if p.accept("]") {
			return term.Nil, nil
		}
		tail := term.Nil
		for {
			t, err := p.term()
			if err != nil {
				return 0, err
			}
			elems = append(elems, t)
			if p.accept(",") {
				continue
			}
			if p.accept("|") {
				if tail, err = p.term(); err != nil {
					return 0, err
				}
			}
			if err := p.expect("]"); err != nil {
				return 0, err
			}
			return h.ListTail(tail, elems...), nil
		}
	case c == '{':
		p.i++
		elems, err := p.seq("}")
		if err != nil {
			return 0, err
		}
		return h.Tuple(elems...), nil
	case c == '#':
		p.i++
		if err := p.expect("{"); err != nil {
			return 0, err
		}
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
				keys, vals = append(keys, k), append(vals, v)
				if p.accept(",") {
					continue
				}
				if err := p.expect("}"); err != nil {
					return 0, err
				}
				break
			}
		}
		return p.b.Map(keys, vals), nil
	case c == '<':
		return p.bitstring()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return 0, err
		}
		return h.String(s), nil
	case c == '\'':
		s, err := p.quoted('\'')
		if err != nil {
			return 0, err
		}
		return p.b.Env.Atom(s), nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c >= 'a' && c <= 'z':
		return p.atomOrCall()
	}
	return 0, p.errorf("unexpected input")
}

// seq parses terms separated by commas up to close.
func (p *termParser) seq(close string) ([]term.Term, error) {
	var elems []term.Term
	if p.accept(close) {
		return nil, nil
	}
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		elems = append(elems, t)
		if p.accept(",") {
			continue
		}
		return elems, p.expect(close)
	}
}

func (p *termParser) quoted(q byte) (string, error) {
	p.i++ // opening quote
	var sb strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case q:
			return sb.String(), nil
		case '\\':
			if p.i >= len(p.s) {
				return "", p.errorf("bad escape")
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case 'n':
				sb.WriteByte('\n')
			case 't':
				sb.WriteByte('\t')
			default:
				sb.WriteByte(e)
			}
		default:
			sb.WriteByte(c)
		}
	}
	return "", p.errorf("unterminated quote")
}

func (p *termParser) str() (string, error) { return p.quoted('"') }

func (p *termParser) number() (term.Term, error) {
	p.skip()
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	digits := func() {
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
	}
	digits()
	isFloat := false
	if p.i+1 < len(p.s) && p.s[p.i] == '.' && p.s[p.i+1] >= '0' && p.s[p.i+1] <= '9' {
		isFloat = true
		p.i++
		digits()
		if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
			p.i++
			if p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+') {
				p.i++
			}
			digits()
		}
	}
	text := p.s[start:p.i]
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return 0, p.errorf("bad float %q", text)
		}
		return p.b.H.Float(f), nil
	}
	z, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return 0, p.errorf("bad integer %q", text)
	}
	if p.accept("bsl") {
		n, err := p.int()
		if err != nil {
			return 0, err
		}
		z.Lsh(z, uint(n))
	}
	return p.b.H.Big(z), nil
}

func (p *termParser) int() (int64, error) {
	t, err := p.number()
	if err != nil {
		return 0, err
	}
	if !t.IsSmall() {
		return 0, p.errorf("expected a small integer")
	}
	return t.Small(), nil
}

func (p *termParser) ident() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@' {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i]
}

func (p *termParser) atomOrCall() (term.Term, error) {
	name := p.ident()
	if p.i < len(p.s) && p.s[p.i] == ':' && !strings.HasPrefix(p.s[p.i:], "::") {
		p.i++
		name += ":" + p.ident()
	}
	if !p.accept("(") {
		return p.b.Env.Atom(name), nil
	}
	args, err := p.seq(")")
	if err != nil {
		return 0, err
	}
	e, h := p.b.Env, p.b.H
	switch name {
	case "c:pid":
		if len(args) == 3 && args[1].IsSmall() {
			return term.MakePid(uint64(args[1].Small())), nil
		}
	case "list_to_port", "list_to_ref":
		s := listText(e, args[0])
		var nums []uint64
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
			n, err := strconv.ParseUint(f, 10, 64)
			if err != nil {
				return 0, p.errorf("bad %s argument %q", name, s)
			}
			nums = append(nums, n)
		}
		if name == "list_to_port" && len(nums) == 2 {
			return term.MakePort(nums[1]), nil
		}
		if name == "list_to_ref" && len(nums) == 4 {
			return p.b.Ref(nums[1], nums[2], nums[3]), nil
		}
	case "binary:copy":
		d, ok := e.Bytes(args[0])
		if ok && len(args) == 2 && args[1].IsSmall() {
			return h.Binary(e.Bins, []byte(strings.Repeat(string(d), int(args[1].Small())))), nil
		}
	case "lists:seq":
		if len(args) == 2 && args[0].IsSmall() && args[1].IsSmall() {
			var elems []term.Term
			for v := args[0].Small(); v <= args[1].Small(); v++ {
				elems = append(elems, h.Int(v))
			}
			return h.List(elems...), nil
		}
	case "lists:duplicate":
		if len(args) == 2 && args[0].IsSmall() {
			elems := make([]term.Term, args[0].Small())
			for i := range elems {
				elems[i] = args[1]
			}
			return h.List(elems...), nil
		}
	}
	return 0, p.errorf("unsupported call %s/%d", name, len(args))
}

// listText returns the text of a string (a list of code points).
func listText(e *term.Env, t term.Term) string {
	var sb strings.Builder
	for t.IsList() {
		sb.WriteRune(rune(e.Hd(t).Small()))
		t = e.Tl(t)
	}
	return sb.String()
}

// bitstring parses <<Seg, ...>>.
func (p *termParser) bitstring() (term.Term, error) {
	if err := p.expect("<<"); err != nil {
		return 0, err
	}
	var buf []byte
	var nbits uint64
	put := func(v *big.Int, size uint64) {
		for k := size; k > 0; k-- {
			if nbits%8 == 0 {
				buf = append(buf, 0)
			}
			if v.Bit(int(k-1)) != 0 {
				buf[nbits/8] |= 0x80 >> (nbits % 8)
			}
			nbits++
		}
	}
	if !p.accept(">>") {
		for {
			if p.peek() == '"' {
				s, err := p.str()
				if err != nil {
					return 0, err
				}
				utf := p.accept("/utf8")
				for _, r := range s {
					if utf {
						var enc [4]byte
						n := utf8.EncodeRune(enc[:], r)
						for _, c := range enc[:n] {
							put(big.NewInt(int64(c)), 8)
						}
					} else {
						put(big.NewInt(int64(r&0xFF)), 8)
					}
				}
			} else {
				t, err := p.number()
				if err != nil {
					return 0, err
				}
				v := p.b.Env.BigInt(t)
				size := uint64(8)
				if p.accept(":") {
					n, err := p.int()
					if err != nil {
						return 0, err
					}
					size = uint64(n)
				}
				if p.accept("/utf8") {
					var enc [4]byte
					n := utf8.EncodeRune(enc[:], rune(v.Int64()))
					for _, c := range enc[:n] {
						put(big.NewInt(int64(c)), 8)
					}
				} else {
					// Two's complement truncated to size bits.
					m := new(big.Int).Lsh(big.NewInt(1), uint(size))
					v = new(big.Int).Mod(v, m)
					put(v, size)
				}
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
	return p.b.Bits(buf, nbits), nil
}

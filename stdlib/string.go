package stdlib

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The string module (OTP 20+ API, grapheme-cluster aware, plus the
// obsolete list functions). Every function is native. Arguments are
// chardata; a binary argument gives binary results and a list argument
// gives flat-list results, in the nested shapes OTP returns for pad,
// split, replace and friends. Deep-list arguments are flattened (OTP
// sometimes keeps parts of them as they were).

// whitespace is the default separator set of trim/1,2: string's
// whitespace grapheme clusters.
var whitespace = [][]rune{{'\r', '\n'}, {9}, {10}, {11}, {12}, {13}, {32}, {133}, {8206}, {8207}, {8232}, {8233}}

type direction uint8

const (
	dirLeading direction = iota
	dirTrailing
	dirBoth
	dirAll
)

func directionOf(p *vm.Process, t term.Term, all bool) (direction, bool) {
	if !t.IsAtom() {
		return 0, false
	}
	switch p.Env().AtomName(t) {
	case "leading":
		return dirLeading, true
	case "trailing":
		return dirTrailing, true
	case "both":
		return dirBoth, !all
	case "all":
		return dirAll, all
	}
	return 0, false
}

// trimRunes removes leading and/or trailing separator clusters.
func trimRunes(rs []rune, dir direction, seps [][]rune) []rune {
	if dir == dirLeading || dir == dirBoth {
		for len(rs) > 0 {
			n := gcLen(rs)
			if !isSep(rs[:n], seps) {
				break
			}
			rs = rs[n:]
		}
	}
	if dir == dirTrailing || dir == dirBoth {
		gs := graphemes(rs)
		end := len(rs)
		for i := len(gs) - 1; i >= 0 && isSep(gs[i], seps); i-- {
			end -= len(gs[i])
		}
		rs = rs[:end]
	}
	return rs
}

func registerString(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("string", name, arity, f) }
	fc := raiseFunctionClause

	reg("length", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		return term.MakeSmall(int64(graphemeCount(x.rs)))
	})
	reg("is_empty", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		return boolTerm(len(x.rs) == 0)
	})
	reg("to_graphemes", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		var out []term.Term
		for _, g := range graphemes(x.rs) {
			out = append(out, gcTerm(p, g))
		}
		return p.Heap.List(out...)
	})
	reg("reverse", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		gs := graphemes(x.rs)
		out := make([]term.Term, len(gs))
		for i, g := range gs {
			out[len(gs)-1-i] = gcTerm(p, g)
		}
		return p.Heap.List(out...)
	})
	equal := func(p *vm.Process, a, b term.Term, fold bool, norm string) term.Term {
		x, ok1 := readText(p.Env(), a)
		y, ok2 := readText(p.Env(), b)
		if !ok1 || !ok2 {
			return fc(p)
		}
		xs, ys := x.rs, y.rs
		switch norm {
		case "nfc":
			xs, ys = normalizeC(xs, false), normalizeC(ys, false)
		case "nfd":
			xs, ys = normalizeD(xs, false), normalizeD(ys, false)
		case "nfkc":
			xs, ys = normalizeC(xs, true), normalizeC(ys, true)
		case "nfkd":
			xs, ys = normalizeD(xs, true), normalizeD(ys, true)
		}
		if fold {
			xs, ys = foldRunes(xs), foldRunes(ys)
		}
		return boolTerm(runesEqual(xs, ys))
	}
	reg("equal", 2, func(p *vm.Process, args []term.Term) term.Term {
		return equal(p, args[0], args[1], false, "none")
	})
	reg("equal", 3, func(p *vm.Process, args []term.Term) term.Term {
		if args[2] != term.AtomTrue && args[2] != term.AtomFalse {
			return fc(p)
		}
		return equal(p, args[0], args[1], args[2] == term.AtomTrue, "none")
	})
	reg("equal", 4, func(p *vm.Process, args []term.Term) term.Term {
		norm := args[3]
		if args[2] != term.AtomTrue && args[2] != term.AtomFalse || !norm.IsAtom() {
			return fc(p)
		}
		switch n := p.Env().AtomName(norm); n {
		case "none", "nfc", "nfd", "nfkc", "nfkd":
			return equal(p, args[0], args[1], args[2] == term.AtomTrue, n)
		}
		return fc(p)
	})
	slice := func(p *vm.Process, s term.Term, start, n int64) term.Term {
		x, ok := readText(p.Env(), s)
		if !ok {
			return fc(p)
		}
		rs := x.rs
		for ; start > 0 && len(rs) > 0; start-- {
			rs = rs[gcLen(rs):]
		}
		end := 0
		for ; n > 0 && end < len(rs); n-- {
			end += gcLen(rs[end:])
		}
		return x.make(p, rs[:end])
	}
	reg("slice", 2, func(p *vm.Process, args []term.Term) term.Term {
		if !args[1].IsSmall() || args[1].Small() < 0 {
			return fc(p)
		}
		return slice(p, args[0], args[1].Small(), math.MaxInt64)
	})
	reg("slice", 3, func(p *vm.Process, args []term.Term) term.Term {
		if !args[1].IsSmall() || args[1].Small() < 0 {
			return fc(p)
		}
		n := int64(math.MaxInt64)
		switch {
		case args[2].IsSmall() && args[2].Small() >= 0:
			n = args[2].Small()
		case args[2] == term.AtomInfinity:
		default:
			return fc(p)
		}
		return slice(p, args[0], args[1].Small(), n)
	})
	pad := func(p *vm.Process, s, lt, dt, ct term.Term) term.Term {
		x, ok := readText(p.Env(), s)
		if !ok || !lt.IsSmall() || !ct.IsSmall() && !ct.IsList() {
			return fc(p)
		}
		dir, ok := directionOf(p, dt, false)
		if !ok {
			return fc(p)
		}
		n := lt.Small() - int64(graphemeCount(x.rs))
		if n < 0 {
			n = 0
		}
		dup := func(k int64) term.Term {
			out := term.Nil
			for i := int64(0); i < k; i++ {
				out = p.Heap.Cons(ct, out)
			}
			return out
		}
		h := p.Heap
		switch dir {
		case dirLeading:
			return h.List(dup(n), s)
		case dirTrailing:
			return h.Cons(s, dup(n))
		}
		l := dup(n / 2)
		tail := term.Nil
		if n%2 == 1 {
			tail = h.List(ct)
		}
		return h.ListTail(tail, l, s, dup(n/2))
	}
	reg("pad", 2, func(p *vm.Process, args []term.Term) term.Term {
		return pad(p, args[0], args[1], p.Atom("trailing"), term.MakeSmall(' '))
	})
	reg("pad", 3, func(p *vm.Process, args []term.Term) term.Term {
		return pad(p, args[0], args[1], args[2], term.MakeSmall(' '))
	})
	reg("pad", 4, func(p *vm.Process, args []term.Term) term.Term {
		return pad(p, args[0], args[1], args[2], args[3])
	})
	trim := func(p *vm.Process, s, dt term.Term, seps [][]rune) term.Term {
		x, ok := readText(p.Env(), s)
		if !ok {
			return fc(p)
		}
		dir, ok := directionOf(p, dt, false)
		if !ok {
			return fc(p)
		}
		return x.make(p, trimRunes(x.rs, dir, seps))
	}
	reg("trim", 1, func(p *vm.Process, args []term.Term) term.Term {
		return trim(p, args[0], p.Atom("both"), whitespace)
	})
	reg("trim", 2, func(p *vm.Process, args []term.Term) term.Term {
		return trim(p, args[0], args[1], whitespace)
	})
	reg("trim", 3, func(p *vm.Process, args []term.Term) term.Term {
		seps, ok := readSeparators(p.Env(), args[2])
		if !ok {
			return fc(p)
		}
		return trim(p, args[0], args[1], seps)
	})
	reg("chomp", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		rs := x.rs
		for len(rs) > 0 && rs[len(rs)-1] == '\n' {
			rs = rs[:len(rs)-1]
			if len(rs) > 0 && rs[len(rs)-1] == '\r' {
				rs = rs[:len(rs)-1]
			}
		}
		return x.make(p, rs)
	})
	take := func(p *vm.Process, s, sepT term.Term, complement bool, dt term.Term) term.Term {
		x, ok := readText(p.Env(), s)
		seps, ok2 := readSeparators(p.Env(), sepT)
		dir, ok3 := directionOf(p, dt, false)
		if !ok || !ok2 || !ok3 || dir == dirBoth {
			return fc(p)
		}
		gs := graphemes(x.rs)
		if dir == dirLeading {
			i := 0
			for _, g := range gs {
				if isSep(g, seps) == complement {
					break
				}
				i += len(g)
			}
			return p.Heap.Tuple(x.make(p, x.rs[:i]), x.make(p, x.rs[i:]))
		}
		i := len(x.rs)
		for k := len(gs) - 1; k >= 0; k-- {
			if isSep(gs[k], seps) == complement {
				break
			}
			i -= len(gs[k])
		}
		return p.Heap.Tuple(x.make(p, x.rs[:i]), x.make(p, x.rs[i:]))
	}
	reg("take", 2, func(p *vm.Process, args []term.Term) term.Term {
		return take(p, args[0], args[1], false, p.Atom("leading"))
	})
	reg("take", 3, func(p *vm.Process, args []term.Term) term.Term {
		return take(p, args[0], args[1], args[2] == term.AtomTrue, p.Atom("leading"))
	})
	reg("take", 4, func(p *vm.Process, args []term.Term) term.Term {
		return take(p, args[0], args[1], args[2] == term.AtomTrue, args[3])
	})
	// lexemeSpans returns the [start, end) spans of the lexemes of rs.
	lexemeSpans := func(rs []rune, seps [][]rune) [][2]int {
		var spans [][2]int
		start := -1
		i := 0
		for i < len(rs) {
			n := gcLen(rs[i:])
			g := rs[i : i+n]
			sep := isSep(g, seps)
			if !sep && n > 1 && g[0] == '\r' && g[1] == '\n' && isSep([]rune{'\n'}, seps) {
				// "\r\n" splits before its "\n" when "\n" is a separator.
				if start < 0 {
					start = i
				}
				spans = append(spans, [2]int{start, i + 1})
				start = -1
				i += n
				continue
			}
			switch {
			case sep && start >= 0:
				spans = append(spans, [2]int{start, i})
				start = -1
			case !sep && start < 0:
				start = i
			}
			i += n
		}
		if start >= 0 {
			spans = append(spans, [2]int{start, len(rs)})
		}
		return spans
	}
	reg("lexemes", 2, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		seps, ok2 := readSeparators(p.Env(), args[1])
		if !ok || !ok2 {
			return fc(p)
		}
		var out []term.Term
		for _, sp := range lexemeSpans(x.rs, seps) {
			out = append(out, x.make(p, x.rs[sp[0]:sp[1]]))
		}
		return p.Heap.List(out...)
	})
	reg("nth_lexeme", 3, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		seps, ok2 := readSeparators(p.Env(), args[2])
		n, ok3 := posIndex(args[1])
		if !ok || !ok2 || !ok3 {
			return fc(p)
		}
		spans := lexemeSpans(x.rs, seps)
		if n > len(spans) {
			return x.make(p, nil)
		}
		return x.make(p, x.rs[spans[n-1][0]:spans[n-1][1]])
	})
	split := func(p *vm.Process, s, pt, dt term.Term) term.Term {
		x, ok := readText(p.Env(), s)
		pat, ok2 := readText(p.Env(), pt)
		dir, ok3 := directionOf(p, dt, true)
		if !ok || !ok2 || !ok3 {
			return fc(p)
		}
		h := p.Heap
		switch dir {
		case dirLeading:
			i := indexFrom(x.rs, pat.rs, 0)
			if i < 0 {
				return h.List(s)
			}
			return h.List(x.make(p, x.rs[:i]), x.make(p, x.rs[i+len(pat.rs):]))
		case dirTrailing:
			i := lastIndex(x.rs, pat.rs)
			if i < 0 {
				return h.List(s)
			}
			return h.List(x.make(p, x.rs[:i]), x.make(p, x.rs[i+len(pat.rs):]))
		}
		var out []term.Term
		from := 0
		for {
			i := indexFrom(x.rs, pat.rs, from)
			if i < 0 {
				break
			}
			out = append(out, x.make(p, x.rs[from:i]))
			from = i + len(pat.rs)
		}
		if from == 0 {
			return h.List(s)
		}
		out = append(out, x.make(p, x.rs[from:]))
		return h.List(out...)
	}
	reg("split", 2, func(p *vm.Process, args []term.Term) term.Term {
		return split(p, args[0], args[1], p.Atom("leading"))
	})
	reg("split", 3, func(p *vm.Process, args []term.Term) term.Term {
		return split(p, args[0], args[1], args[2])
	})
	replace := func(p *vm.Process, s, pt, rep, dt term.Term) term.Term {
		parts := split(p, s, pt, dt)
		if parts == term.NoValue {
			return parts
		}
		e := p.Env()
		ps, _ := listSlice(e, parts)
		var out []term.Term
		for i, part := range ps {
			if i > 0 {
				out = append(out, rep)
			}
			out = append(out, part)
		}
		return p.Heap.List(out...)
	}
	reg("replace", 3, func(p *vm.Process, args []term.Term) term.Term {
		return replace(p, args[0], args[1], args[2], p.Atom("leading"))
	})
	reg("replace", 4, func(p *vm.Process, args []term.Term) term.Term {
		return replace(p, args[0], args[1], args[2], args[3])
	})
	find := func(p *vm.Process, s, pt, dt term.Term) term.Term {
		x, ok := readText(p.Env(), s)
		pat, ok2 := readText(p.Env(), pt)
		dir, ok3 := directionOf(p, dt, false)
		if !ok || !ok2 || !ok3 || dir == dirBoth {
			return fc(p)
		}
		if len(pat.rs) == 0 {
			return s
		}
		var i int
		if dir == dirLeading {
			i = indexFrom(x.rs, pat.rs, 0)
		} else {
			i = lastIndex(x.rs, pat.rs)
		}
		if i < 0 {
			return p.Atom("nomatch")
		}
		return x.make(p, x.rs[i:])
	}
	reg("find", 2, func(p *vm.Process, args []term.Term) term.Term {
		return find(p, args[0], args[1], p.Atom("leading"))
	})
	reg("find", 3, func(p *vm.Process, args []term.Term) term.Term {
		return find(p, args[0], args[1], args[2])
	})
	reg("prefix", 2, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		pat, ok2 := readText(p.Env(), args[1])
		if !ok || !ok2 {
			return fc(p)
		}
		if len(pat.rs) > len(x.rs) || !runesEqual(x.rs[:len(pat.rs)], pat.rs) {
			return p.Atom("nomatch")
		}
		return x.make(p, x.rs[len(pat.rs):])
	})
	caseFn := func(f func([]rune) []rune) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			x, ok := readText(e, args[0])
			if !ok {
				if b, isBin := e.Bytes(args[0]); isBin {
					_ = b
					return p.Error(p.Heap.Tuple(term.AtomBadarg, args[0]))
				}
				return fc(p)
			}
			return x.make(p, f(x.rs))
		}
	}
	reg("uppercase", 1, caseFn(upperRunes))
	reg("lowercase", 1, caseFn(lowerRunes))
	reg("casefold", 1, caseFn(foldRunes))
	reg("titlecase", 1, caseFn(titleRunes))
	reg("next_grapheme", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		if len(x.rs) == 0 {
			return term.Nil
		}
		n := gcLen(x.rs)
		return p.Heap.Cons(gcTerm(p, x.rs[:n]), x.make(p, x.rs[n:]))
	})
	reg("next_codepoint", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return fc(p)
		}
		if len(x.rs) == 0 {
			return term.Nil
		}
		return p.Heap.Cons(term.MakeSmall(int64(x.rs[0])), x.make(p, x.rs[1:]))
	})
	reg("to_integer", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return p.Heap.Tuple(term.AtomError, term.AtomBadarg)
		}
		rs := x.rs
		i := 0
		if i < len(rs) && (rs[i] == '+' || rs[i] == '-') {
			i++
		}
		j := i
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j == i {
			return p.Heap.Tuple(term.AtomError, p.Atom("no_integer"))
		}
		z, _ := new(big.Int).SetString(string(rs[:j]), 10)
		return p.Heap.Tuple(p.Heap.Big(z), x.make(p, rs[j:]))
	})
	reg("to_float", 1, func(p *vm.Process, args []term.Term) term.Term {
		x, ok := readText(p.Env(), args[0])
		if !ok {
			return p.Heap.Tuple(term.AtomError, term.AtomBadarg)
		}
		f, n, ok := scanFloat(x.rs)
		if !ok {
			return p.Heap.Tuple(term.AtomError, p.Atom("no_float"))
		}
		return p.Heap.Tuple(p.Heap.Float(f), x.make(p, x.rs[n:]))
	})
	registerObsoleteString(rt)
}

// scanFloat reads [+-]digits(.|,)digits[(e|E)[+-]digits] at the start of
// rs, as string:to_float/1 does.
func scanFloat(rs []rune) (float64, int, bool) {
	digits := func(i int) int {
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-') {
		i++
	}
	j := digits(i)
	if j == i || j >= len(rs) || rs[j] != '.' && rs[j] != ',' {
		return 0, 0, false
	}
	k := digits(j + 1)
	if k == j+1 {
		return 0, 0, false
	}
	end := k
	if k < len(rs) && (rs[k] == 'e' || rs[k] == 'E') {
		m := k + 1
		if m < len(rs) && (rs[m] == '+' || rs[m] == '-') {
			m++
		}
		if d := digits(m); d > m {
			end = d
		}
	}
	s := strings.Replace(string(rs[:end]), ",", ".", 1)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, 0, false
	}
	return f, end, true
}

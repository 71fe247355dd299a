package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The obsolete string functions (flat Latin-1 character lists), still
// exported by OTP 25's string module.

// flatList returns the elements of a proper list of integers.
func flatList(e *term.Env, t term.Term) ([]rune, bool) {
	var out []rune
	for t.IsList() {
		h := e.Hd(t)
		if !h.IsSmall() {
			return nil, false
		}
		out = append(out, rune(h.Small()))
		t = e.Tl(t)
	}
	return out, t == term.Nil
}

func indexRune(rs []rune, c rune) int {
	for i, r := range rs {
		if r == c {
			return i
		}
	}
	return -1
}

func upperLatin1(c rune) rune {
	if c >= 'a' && c <= 'z' || c >= 0xE0 && c <= 0xFE && c != 0xF7 {
		return c - 32
	}
	return c
}

func lowerLatin1(c rune) rune {
	if c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7 {
		return c + 32
	}
	return c
}

// tokensOf splits rs at any of seps, dropping empty tokens.
func tokensOf(rs []rune, seps []rune) [][]rune {
	var out [][]rune
	start := -1
	for i, r := range rs {
		if indexRune(seps, r) >= 0 {
			if start >= 0 {
				out = append(out, rs[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, rs[start:])
	}
	return out
}

func repeatRune(c rune, n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = c
	}
	return out
}

func registerObsoleteString(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("string", name, arity, f) }
	fc := raiseFunctionClause
	list := func(p *vm.Process, rs []rune) term.Term { return runesList(p.Heap, rs) }

	reg("len", 1, func(p *vm.Process, args []term.Term) term.Term {
		n := listLen(p.Env(), args[0])
		if n < 0 {
			return p.BadArg()
		}
		return term.MakeSmall(int64(n))
	})
	reg("concat", 2, func(p *vm.Process, args []term.Term) term.Term {
		ts, ok := listSlice(p.Env(), args[0])
		if !ok {
			return p.BadArg()
		}
		return p.Heap.ListTail(args[1], ts...)
	})
	chr := func(last bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			ts, ok := listSlice(e, args[0])
			if !ok || !args[1].IsSmall() {
				return fc(p)
			}
			at := 0
			for i, t := range ts {
				if term.ExactEqual(e, t, args[1]) {
					at = i + 1
					if !last {
						break
					}
				}
			}
			return term.MakeSmall(int64(at))
		}
	}
	reg("chr", 2, chr(false))
	reg("rchr", 2, chr(true))
	str := func(last bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			s, ok1 := flatList(e, args[0])
			sub, ok2 := flatList(e, args[1])
			if !ok1 || !ok2 {
				return fc(p)
			}
			at := 0
			for i := 0; i+len(sub) <= len(s); i++ {
				if runesEqual(s[i:i+len(sub)], sub) {
					at = i + 1
					if !last {
						break
					}
				}
			}
			return term.MakeSmall(int64(at))
		}
	}
	reg("str", 2, str(false))
	reg("rstr", 2, str(true))
	span := func(in bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			s, ok1 := flatList(e, args[0])
			cs, ok2 := flatList(e, args[1])
			if !ok1 || !ok2 {
				return fc(p)
			}
			n := 0
			for n < len(s) && (indexRune(cs, s[n]) >= 0) == in {
				n++
			}
			return term.MakeSmall(int64(n))
		}
	}
	reg("span", 2, span(true))
	reg("cspan", 2, span(false))
	substr := func(p *vm.Process, s term.Term, start, n int64) term.Term {
		e := p.Env()
		if start < 1 || n < 0 {
			return fc(p)
		}
		for ; start > 1; start-- {
			if !s.IsList() {
				return fc(p)
			}
			s = e.Tl(s)
		}
		ts, ok := listSlice(e, s)
		if !ok {
			return fc(p)
		}
		if int64(len(ts)) > n {
			ts = ts[:n]
		}
		return p.Heap.List(ts...)
	}
	reg("substr", 2, func(p *vm.Process, args []term.Term) term.Term {
		if !args[1].IsSmall() {
			return fc(p)
		}
		return substr(p, args[0], args[1].Small(), 1<<62)
	})
	reg("substr", 3, func(p *vm.Process, args []term.Term) term.Term {
		if !args[1].IsSmall() || !args[2].IsSmall() {
			return fc(p)
		}
		return substr(p, args[0], args[1].Small(), args[2].Small())
	})
	reg("sub_string", 2, func(p *vm.Process, args []term.Term) term.Term {
		if !args[1].IsSmall() {
			return fc(p)
		}
		return substr(p, args[0], args[1].Small(), 1<<62)
	})
	reg("sub_string", 3, func(p *vm.Process, args []term.Term) term.Term {
		if !args[1].IsSmall() || !args[2].IsSmall() {
			return fc(p)
		}
		return substr(p, args[0], args[1].Small(), args[2].Small()-args[1].Small()+1)
	})
	reg("tokens", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		s, ok1 := flatList(e, args[0])
		seps, ok2 := flatList(e, args[1])
		if !ok1 || !ok2 {
			return fc(p)
		}
		var out []term.Term
		for _, t := range tokensOf(s, seps) {
			out = append(out, list(p, t))
		}
		return p.Heap.List(out...)
	})
	chars := func(p *vm.Process, c, n, tail term.Term) term.Term {
		if !c.IsSmall() || !n.IsSmall() || n.Small() < 0 {
			return fc(p)
		}
		out := tail
		for i := int64(0); i < n.Small(); i++ {
			out = p.Heap.Cons(c, out)
		}
		return out
	}
	reg("chars", 2, func(p *vm.Process, args []term.Term) term.Term {
		return chars(p, args[0], args[1], term.Nil)
	})
	reg("chars", 3, func(p *vm.Process, args []term.Term) term.Term {
		return chars(p, args[0], args[1], args[2])
	})
	reg("copies", 2, func(p *vm.Process, args []term.Term) term.Term {
		ts, ok := listSlice(p.Env(), args[0])
		if !ok || !args[1].IsSmall() || args[1].Small() < 0 {
			return fc(p)
		}
		out := term.Nil
		for i := int64(0); i < args[1].Small(); i++ {
			out = p.Heap.ListTail(out, ts...)
		}
		return out
	})
	words := func(p *vm.Process, s, c term.Term) term.Term {
		rs, ok := flatList(p.Env(), s)
		if !ok || !c.IsSmall() {
			return fc(p)
		}
		return term.MakeSmall(int64(len(tokensOf(rs, []rune{rune(c.Small())}))))
	}
	reg("words", 1, func(p *vm.Process, args []term.Term) term.Term {
		return words(p, args[0], term.MakeSmall(' '))
	})
	reg("words", 2, func(p *vm.Process, args []term.Term) term.Term {
		return words(p, args[0], args[1])
	})
	subWord := func(p *vm.Process, s, n, c term.Term) term.Term {
		rs, ok := flatList(p.Env(), s)
		if !ok || !c.IsSmall() || !n.IsSmall() || n.Small() < 1 {
			return fc(p)
		}
		ws := tokensOf(rs, []rune{rune(c.Small())})
		if n.Small() > int64(len(ws)) {
			return term.Nil
		}
		return list(p, ws[n.Small()-1])
	}
	reg("sub_word", 2, func(p *vm.Process, args []term.Term) term.Term {
		return subWord(p, args[0], args[1], term.MakeSmall(' '))
	})
	reg("sub_word", 3, func(p *vm.Process, args []term.Term) term.Term {
		return subWord(p, args[0], args[1], args[2])
	})
	strip := func(p *vm.Process, s, d, c term.Term) term.Term {
		rs, ok := flatList(p.Env(), s)
		if !ok || !c.IsSmall() || !d.IsAtom() {
			return fc(p)
		}
		ch := rune(c.Small())
		dir := p.Env().AtomName(d)
		if dir != "left" && dir != "right" && dir != "both" {
			return fc(p)
		}
		if dir != "right" {
			for len(rs) > 0 && rs[0] == ch {
				rs = rs[1:]
			}
		}
		if dir != "left" {
			for len(rs) > 0 && rs[len(rs)-1] == ch {
				rs = rs[:len(rs)-1]
			}
		}
		return list(p, rs)
	}
	reg("strip", 1, func(p *vm.Process, args []term.Term) term.Term {
		return strip(p, args[0], p.Atom("both"), term.MakeSmall(' '))
	})
	reg("strip", 2, func(p *vm.Process, args []term.Term) term.Term {
		return strip(p, args[0], args[1], term.MakeSmall(' '))
	})
	reg("strip", 3, func(p *vm.Process, args []term.Term) term.Term {
		return strip(p, args[0], args[1], args[2])
	})
	type padKind int
	const (
		padLeft padKind = iota
		padRight
		padCentre
	)
	justify := func(kind padKind) func(p *vm.Process, s, n, c term.Term) term.Term {
		return func(p *vm.Process, s, n, c term.Term) term.Term {
			rs, ok := flatList(p.Env(), s)
			if !ok || !n.IsSmall() || n.Small() < 0 || !c.IsSmall() {
				return fc(p)
			}
			w, ch := int(n.Small()), rune(c.Small())
			l := len(rs)
			switch kind {
			case padLeft:
				if l >= w {
					return list(p, rs[:w])
				}
				return list(p, append(append([]rune(nil), rs...), repeatRune(ch, w-l)...))
			case padRight:
				if l >= w {
					return list(p, rs[l-w:])
				}
				return list(p, append(repeatRune(ch, w-l), rs...))
			}
			switch {
			case w == 0:
				return term.Nil
			case l > w:
				start := (l - w) / 2
				return list(p, rs[start:start+w])
			case l < w:
				left := (w - l) / 2
				out := append(repeatRune(ch, left), rs...)
				return list(p, append(out, repeatRune(ch, w-l-left)...))
			}
			return s
		}
	}
	for _, j := range []struct {
		name string
		kind padKind
	}{{"left", padLeft}, {"right", padRight}, {"centre", padCentre}} {
		f := justify(j.kind)
		reg(j.name, 2, func(p *vm.Process, args []term.Term) term.Term {
			return f(p, args[0], args[1], term.MakeSmall(' '))
		})
		reg(j.name, 3, func(p *vm.Process, args []term.Term) term.Term {
			return f(p, args[0], args[1], args[2])
		})
	}
	caseConv := func(f func(rune) rune) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			if args[0].IsSmall() {
				return term.MakeSmall(int64(f(rune(args[0].Small()))))
			}
			rs, ok := flatList(p.Env(), args[0])
			if !ok {
				return fc(p)
			}
			for i, r := range rs {
				rs[i] = f(r)
			}
			return list(p, rs)
		}
	}
	reg("to_upper", 1, caseConv(upperLatin1))
	reg("to_lower", 1, caseConv(lowerLatin1))
	reg("join", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		parts, ok := listSlice(e, args[0])
		sep, ok2 := listSlice(e, args[1])
		if !ok || !ok2 {
			return fc(p)
		}
		out := term.Nil
		for i := len(parts) - 1; i >= 0; i-- {
			ts, ok := listSlice(e, parts[i])
			if !ok {
				return p.BadArg()
			}
			if i < len(parts)-1 {
				out = p.Heap.ListTail(out, sep...)
			}
			out = p.Heap.ListTail(out, ts...)
		}
		return out
	})
}

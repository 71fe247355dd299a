package stdlib

import (
	"github.com/beamr/beamr/stdlib/iolib/termtext"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// io:read without OTP's erl_scan and erl_parse: beamr_io:scan_term/3 is a
// get_until function (the io protocol's M:F(Continuation, Data,
// Extra...)) that collects characters up to the dot that ends a term and
// parses the term's text with termtext, which knows the syntax of
// constant terms — what erl_parse:parse_term accepts.

// bioScanTerm is beamr_io:scan_term(Cont, Data, StartLine): {more, Cont}
// until Data completes a term, then {done, Result, Rest} with Result
// {ok, Term}, {error, {Line, Module, Reason}} or eof.
func bioScanTerm(p *vm.Process, a []term.Term) term.Term {
	e := p.Env()
	acc, ok := flatChars(e, a[0])
	if !ok {
		return p.BadArg()
	}
	line, ok := smallArg(a[2])
	if !ok {
		return p.BadArg()
	}
	atEOF := a[1] == p.Atom("eof")
	if !atEOF {
		cs, ok := chardataRunes(e, a[1])
		if !ok {
			return p.BadArg()
		}
		acc = append(acc, cs...)
	}
	h := p.Heap
	end, restAt, found := termEnd(acc, atEOF)
	if !found && !atEOF {
		return h.Tuple(p.Atom("more"), runesList(h, acc))
	}
	rest := p.Atom("eof")
	text := acc
	if found {
		text = acc[:end]
		if restAt < len(acc) || !atEOF {
			rest = runesList(h, acc[restAt:])
		}
	}
	errLine := term.MakeSmall(line + int64(countNewlines(text)))
	var res term.Term
	switch {
	case !found && onlyBlank(acc):
		res = p.Atom("eof")
	case !found:
		res = h.Tuple(term.AtomError, h.Tuple(errLine, p.Atom("erl_parse"),
			h.List(h.String("syntax error before: "), term.Nil)))
	default:
		t, err := termtext.Parse(h, e, string(text))
		if err != nil {
			res = h.Tuple(term.AtomError, h.Tuple(errLine, p.Atom("erl_parse"), h.String("bad term")))
		} else {
			res = h.Tuple(term.AtomOk, t)
		}
	}
	return h.Tuple(p.Atom("done"), res, rest)
}

// termEnd finds the dot that ends the term in cs: a '.' outside strings,
// quoted atoms, character literals and comments, followed by white space,
// a comment or the end of input. It returns the dot's index and where the
// rest begins (after the dot and one white-space character); found is
// false when cs holds no such dot yet.
func termEnd(cs []rune, atEOF bool) (end, rest int, found bool) {
	for i := 0; i < len(cs); i++ {
		switch c := cs[i]; c {
		case '%':
			for i < len(cs) && cs[i] != '\n' {
				i++
			}
		case '"', '\'':
			i++
			for i < len(cs) && cs[i] != c {
				if cs[i] == '\\' {
					i++
				}
				i++
			}
		case '$':
			i++
			if i < len(cs) && cs[i] == '\\' {
				i++
			}
		case '.':
			if i+1 == len(cs) {
				if atEOF {
					return i, i + 1, true
				}
				return 0, 0, false
			}
			switch n := cs[i+1]; {
			case n == '%':
				return i, i + 1, true
			case n == ' ' || n == '\t' || n == '\n' || n == '\r' || n == '\f' || n == '\v':
				return i, i + 2, true
			}
		}
	}
	return 0, 0, false
}

// onlyBlank reports whether cs holds only white space and comments.
func onlyBlank(cs []rune) bool {
	for i := 0; i < len(cs); i++ {
		switch cs[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		case '%':
			for i < len(cs) && cs[i] != '\n' {
				i++
			}
		default:
			return false
		}
	}
	return true
}

func countNewlines(cs []rune) int {
	n := 0
	for _, c := range cs {
		if c == '\n' {
			n++
		}
	}
	return n
}

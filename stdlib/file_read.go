package stdlib

import (
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Reading terms from text: beamr_file:read_term/3, the get_until function
// of io:read (what OTP's io does with erl_scan:tokens and
// erl_parse:parse_term), and beamr_file:consult_binary/1, the parsing half
// of file:consult.

func registerFileRead(rt *vm.Runtime) {
	erlRegisterAll(rt, "beamr_file", []erlNative{
		{"read_term", 3, fileReadTerm},
		{"consult_binary", 1, fileConsultBinary},
	})
}

// fileReadTerm is read_term(Continuation, Data, StartLine), an io
// protocol get_until function: {more, Continuation} until Data (a list
// of characters, or eof) completes a term, then {done, Result, Rest} with
// Result {ok, Term, EndLine}, {error, ErrorInfo, EndLine} or
// {eof, EndLine}, and Rest the characters after the term (eof when the
// input ended).
func fileReadTerm(p *vm.Process, a []term.Term) term.Term {
	e := p.Env()
	acc, ok := flatChars(e, a[0])
	line, okLine := smallArg(a[2])
	if !ok || !okLine {
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
	res := scanTerm(acc, 0, int(line), atEOF)
	if res.status == scanMore {
		return h.Tuple(p.Atom("more"), runesList(h, acc))
	}
	rest := p.Atom("eof")
	if !atEOF || res.rest < len(acc) {
		rest = runesList(h, acc[res.rest:])
	}
	endLine := term.MakeSmall(int64(res.endLine))
	var result term.Term
	switch res.status {
	case scanEOF:
		result = h.Tuple(p.Atom("eof"), endLine)
	case scanError:
		result = h.Tuple(term.AtomError, scanErrorInfo(p, res), endLine)
	default:
		r := parseResult(p, res.toks)
		if e.Elem(r, 0) == term.AtomOk {
			result = h.Tuple(term.AtomOk, e.Elem(r, 1), endLine)
		} else {
			result = h.Tuple(term.AtomError, e.Elem(r, 1), endLine)
		}
	}
	return h.Tuple(p.Atom("done"), result, rest)
}

// scanErrorInfo builds erl_scan's {Line, erl_scan, Descriptor}.
func scanErrorInfo(p *vm.Process, res scanResult) term.Term {
	h := p.Heap
	var desc term.Term
	switch err := res.err; err.kind {
	case "string":
		desc = h.Tuple(p.Atom("string"), term.MakeSmall(int64(err.quote)), runesList(h, err.text))
	case "illegal":
		desc = h.Tuple(p.Atom("illegal"), p.Atom(err.what))
	case "base":
		desc = h.Tuple(p.Atom("base"), term.MakeSmall(int64(err.base)))
	default:
		desc = p.Atom(err.kind)
	}
	return h.Tuple(term.MakeSmall(int64(res.errLine)), p.Atom("erl_scan"), desc)
}

// fileConsultBinary is consult_binary(Bin): {ok, Terms} with the terms of
// the text Bin (a file's contents, UTF-8), each ended by a full stop, or
// {error, ErrorInfo} for the first that is not one, as file:consult
// answers.
func fileConsultBinary(p *vm.Process, a []term.Term) term.Term {
	b, ok := p.Env().Bytes(a[0])
	if !ok {
		return p.BadArg()
	}
	src := decodeText(b)
	var terms []term.Term
	h := p.Heap
	pos, line := 0, 1
	for {
		res := scanTerm(src, pos, line, true)
		switch res.status {
		case scanEOF:
			return okTuple(p, h.List(terms...))
		case scanError:
			return h.Tuple(term.AtomError, scanErrorInfo(p, res))
		}
		r := parseResult(p, res.toks)
		if p.Env().Elem(r, 0) != term.AtomOk {
			return r
		}
		terms = append(terms, p.Env().Elem(r, 1))
		pos, line = res.rest, res.endLine
	}
}

// decodeText decodes UTF-8 text; a byte that is not part of a UTF-8
// character stands for the Latin-1 character of its value.
func decodeText(b []byte) []rune {
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			r = rune(b[0])
		}
		out = append(out, r)
		b = b[n:]
	}
	return out
}

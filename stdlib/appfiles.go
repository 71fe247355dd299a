package stdlib

import (
	"os"
	"path/filepath"

	"github.com/beamr/beamr/stdlib/iolib/termtext"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The parsing half of file:consult/1 (beamr_file:consult_binary/1) and the
// code-path functions the bundled application module needs to find an
// application's .app file: code:get_path/0 and code:where_is_file/1.

func registerAppFiles(rt *vm.Runtime) {
	erlRegisterAll(rt, "beamr_file", []erlNative{
		{"consult_binary", 1, fileConsultBinary},
	})
	erlRegisterAll(rt, "code", []erlNative{
		{"get_path", 0, codeGetPath},
		{"where_is_file", 1, codeWhereIsFile},
	})
}

// fileConsultBinary is consult_binary(Bin): {ok, Terms} with the terms of
// the text Bin (a file's contents), each ended by a full stop, or {error,
// {Line, erl_parse, Message}} for text that is not a sequence of terms.
// Terms are what termtext reads: no expressions, records or variables.
func fileConsultBinary(p *vm.Process, a []term.Term) term.Term {
	b, ok := p.Env().Bytes(a[0])
	if !ok {
		return p.BadArg()
	}
	src := []rune(string(b))
	var terms []term.Term
	for _, part := range splitTerms(src) {
		t, err := termtext.Parse(p.Heap, p.Env(), string(part.text))
		if err != nil {
			return p.Heap.Tuple(term.AtomError,
				p.Heap.Tuple(term.MakeSmall(int64(part.line)), p.Atom("erl_parse"),
					p.Heap.String("syntax error")))
		}
		terms = append(terms, t)
	}
	return okTuple(p, p.Heap.List(terms...))
}

// termText is one term's text in a file and the line it starts on.
type termText struct {
	text []rune
	line int
}

// splitTerms cuts src after each full stop that ends a term: a '.'
// followed by white space, a comment or the end, outside strings, quoted
// atoms, character literals and comments. Parts holding only white space
// and comments are dropped.
func splitTerms(src []rune) []termText {
	var out []termText
	start, line, startLine := 0, 1, 1
	blank := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
			if blank {
				startLine = line
			}
		case c == '%':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			blank = false
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '\n' {
					line++
				}
			}
		case c == '$':
			blank = false
			if i+1 < len(src) && src[i+1] == '\\' {
				i++
			}
			i++
		case c == '.' && (i+1 == len(src) || src[i+1] == '%' || isSpaceRune(src[i+1])):
			if !blank {
				out = append(out, termText{text: src[start : i+1], line: startLine})
			}
			start, blank, startLine = i+1, true, line
		case !isSpaceRune(c):
			blank = false
		}
	}
	if !blank {
		out = append(out, termText{text: src[start:], line: startLine})
	}
	return out
}

func isSpaceRune(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// codeGetPath is code:get_path(): the code path's directories.
func codeGetPath(p *vm.Process, _ []term.Term) term.Term {
	dirs := p.Runtime().CodePath()
	ts := make([]term.Term, len(dirs))
	for i, d := range dirs {
		ts[i] = p.Heap.String(d)
	}
	return p.Heap.List(ts...)
}

// codeWhereIsFile is code:where_is_file(Filename): the full name of the
// first file of that name in a code path directory, or non_existing.
func codeWhereIsFile(p *vm.Process, a []term.Term) term.Term {
	name, _, ok := fileName(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	for _, dir := range p.Runtime().CodePath() {
		full := filepath.Join(dir, name)
		if st, err := os.Stat(full); err == nil && !st.IsDir() {
			if abs, err := filepath.Abs(full); err == nil {
				full = abs
			}
			return p.Heap.String(full)
		}
	}
	return p.Atom("non_existing")
}

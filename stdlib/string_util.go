package stdlib

import (
	"unicode"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// text is a string argument of the string module: its code points, and
// whether it was a binary (results are then binaries too).
type text struct {
	rs  []rune
	bin bool
}

// readText flattens chardata: a binary (UTF-8) or a possibly deep list of
// code points and binaries. ok is false for anything else.
func readText(e *term.Env, t term.Term) (text, bool) {
	if t.IsBoxed() {
		b, ok := e.Bytes(t)
		if !ok || !utf8.Valid(b) {
			return text{}, false
		}
		return text{rs: []rune(string(b)), bin: true}, true
	}
	if t != term.Nil && !t.IsList() {
		return text{}, false
	}
	rs, ok := chardataRunes(e, t)
	return text{rs: rs}, ok
}

// make builds a result of the same kind as the argument it came from.
func (x text) make(p *vm.Process, rs []rune) term.Term {
	if x.bin {
		return newBinary(p, []byte(string(rs)))
	}
	return runesList(p.Heap, rs)
}

// gcLen returns the length in code points of the grapheme cluster at the
// start of rs.
func gcLen(rs []rune) int {
	return clusterLen(rs)
}

// graphemes splits rs into grapheme clusters.
func graphemes(rs []rune) [][]rune {
	var out [][]rune
	for len(rs) > 0 {
		n := gcLen(rs)
		out = append(out, rs[:n])
		rs = rs[n:]
	}
	return out
}

// gcTerm builds a grapheme cluster as OTP returns one: a single code
// point as an integer, several as a list.
func gcTerm(p *vm.Process, g []rune) term.Term {
	if len(g) == 1 {
		return term.MakeSmall(int64(g[0]))
	}
	return runesList(p.Heap, g)
}

// boundaryAt reports whether position i of rs is a grapheme cluster
// boundary.
func boundaryAt(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	// Find the start of the cluster that contains i-1 by walking from a
	// safe point: clusters are short, so scan back to a hard break.
	start := i - 1
	for start > 0 && i-start < 64 {
		r := rs[start]
		if r < 0x300 && r != '\n' && r != '\r' {
			break
		}
		start--
	}
	j := start
	for j < i {
		j += gcLen(rs[j:])
	}
	return j == i
}

// readSeparators reads a list of grapheme clusters (each a code point or
// a list of code points), as the separator arguments of trim, take and
// lexemes.
func readSeparators(e *term.Env, t term.Term) ([][]rune, bool) {
	elems, ok := listSlice(e, t)
	if !ok {
		return nil, false
	}
	var out [][]rune
	for _, el := range elems {
		switch {
		case el.IsSmall():
			out = append(out, []rune{rune(el.Small())})
		case el == term.Nil || el.IsList():
			rs, ok := chardataRunes(e, el)
			if !ok {
				return nil, false
			}
			out = append(out, rs)
		default:
			return nil, false
		}
	}
	return out, true
}

// isSep reports whether grapheme g is one of seps.
func isSep(g []rune, seps [][]rune) bool {
	for _, s := range seps {
		if runesEqual(g, s) {
			return true
		}
	}
	return false
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// indexFrom returns the first position at or after from where pat occurs
// in rs and ends at a grapheme boundary, or -1.
func indexFrom(rs, pat []rune, from int) int {
	if len(pat) == 0 {
		return -1
	}
	for i := from; i+len(pat) <= len(rs); i++ {
		if rs[i] == pat[0] && runesEqual(rs[i:i+len(pat)], pat) && boundaryAt(rs, i+len(pat)) {
			return i
		}
	}
	return -1
}

// lastIndex returns the last position where pat occurs in rs ending at a
// grapheme boundary, or -1.
func lastIndex(rs, pat []rune) int {
	if len(pat) == 0 {
		return -1
	}
	for i := len(rs) - len(pat); i >= 0; i-- {
		if rs[i] == pat[0] && runesEqual(rs[i:i+len(pat)], pat) && boundaryAt(rs, i+len(pat)) {
			return i
		}
	}
	return -1
}

// Special case mappings that change the number of code points (from
// Unicode's SpecialCasing.txt, unconditional mappings).
var upperSpecial = map[rune][]rune{
	0xDF: {'S', 'S'}, 0x149: {0x2BC, 'N'}, 0x1F0: {'J', 0x30C}, 0x390: {0x399, 0x308, 0x301},
	0x3B0: {0x3A5, 0x308, 0x301}, 0x587: {0x535, 0x552}, 0x1E96: {'H', 0x331}, 0x1E97: {'T', 0x308},
	0x1E98: {'W', 0x30A}, 0x1E99: {'Y', 0x30A}, 0x1E9A: {'A', 0x2BE},
	0xFB00: {'F', 'F'}, 0xFB01: {'F', 'I'}, 0xFB02: {'F', 'L'}, 0xFB03: {'F', 'F', 'I'},
	0xFB04: {'F', 'F', 'L'}, 0xFB05: {'S', 'T'}, 0xFB06: {'S', 'T'},
}

var titleSpecial = map[rune][]rune{
	0xDF: {'S', 's'}, 0xFB00: {'F', 'f'}, 0xFB01: {'F', 'i'}, 0xFB02: {'F', 'l'},
	0xFB03: {'F', 'f', 'i'}, 0xFB04: {'F', 'f', 'l'}, 0xFB05: {'S', 't'}, 0xFB06: {'S', 't'},
	0x149: {0x2BC, 'N'}, 0x1F0: {'J', 0x30C}, 0x587: {0x535, 0x582},
}

var foldSpecial = map[rune][]rune{
	0xDF: {'s', 's'}, 0x130: {'i', 0x307}, 0x149: {0x2BC, 'n'}, 0x1F0: {'j', 0x30C},
	0x390: {0x3B9, 0x308, 0x301}, 0x3B0: {0x3C5, 0x308, 0x301}, 0x587: {0x565, 0x582},
	0x1E96: {'h', 0x331}, 0x1E97: {'t', 0x308}, 0x1E98: {'w', 0x30A}, 0x1E99: {'y', 0x30A},
	0x1E9A: {'a', 0x2BE}, 0x1E9E: {'s', 's'},
	0xFB00: {'f', 'f'}, 0xFB01: {'f', 'i'}, 0xFB02: {'f', 'l'}, 0xFB03: {'f', 'f', 'i'},
	0xFB04: {'f', 'f', 'l'}, 0xFB05: {'s', 't'}, 0xFB06: {'s', 't'},
}

// mapCase maps every code point of rs.
func mapCase(rs []rune, special map[rune][]rune, simple func(rune) rune) []rune {
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		if s, ok := special[r]; ok {
			out = append(out, s...)
			continue
		}
		out = append(out, simple(r))
	}
	return out
}

func upperRunes(rs []rune) []rune { return mapCase(rs, upperSpecial, unicode.ToUpper) }
func lowerRunes(rs []rune) []rune {
	return mapCase(rs, map[rune][]rune{0x130: {'i', 0x307}}, unicode.ToLower)
}
func foldRunes(rs []rune) []rune {
	return mapCase(rs, foldSpecial, func(r rune) rune {
		// Simple case folding: the lower case of the upper case, except
		// for the few characters whose fold differs.
		switch r {
		case 0x3C2:
			return 0x3C3
		case 0x1E9B:
			return 0x1E61
		}
		return unicode.ToLower(unicode.ToUpper(r))
	})
}

// titleRunes titlecases the first grapheme cluster's first code point.
func titleRunes(rs []rune) []rune {
	if len(rs) == 0 {
		return rs
	}
	out := make([]rune, 0, len(rs)+2)
	if s, ok := titleSpecial[rs[0]]; ok {
		out = append(out, s...)
	} else {
		out = append(out, unicode.ToTitle(rs[0]))
	}
	return append(out, rs[1:]...)
}

// graphemeCount returns the number of grapheme clusters of rs.
func graphemeCount(rs []rune) int {
	n := 0
	for len(rs) > 0 {
		rs = rs[gcLen(rs):]
		n++
	}
	return n
}

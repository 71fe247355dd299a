package stdlib

import (
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Conversions between atoms and lists or binaries. Atom names are held as
// UTF-8; an atom may have at most 255 characters (system_limit beyond).

func registerErlangAtoms(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"atom_to_list", 1, eAtomToList},
		{"atom_to_binary", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlAtomToBinary(p, a[0], term.AtomUtf8)
		}},
		{"atom_to_binary", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlAtomToBinary(p, a[0], a[1])
		}},
		{"binary_to_atom", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlBinaryToAtom(p, a[0], term.AtomUtf8, false)
		}},
		{"binary_to_atom", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBinaryToAtom(p, a[0], a[1], false)
		}},
		{"binary_to_existing_atom", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlBinaryToAtom(p, a[0], term.AtomUtf8, true)
		}},
		{"binary_to_existing_atom", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlBinaryToAtom(p, a[0], a[1], true)
		}},
		{"list_to_atom", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlListToAtom(p, a[0], false)
		}},
		{"list_to_existing_atom", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlListToAtom(p, a[0], true)
		}},
	})
}

func eAtomToList(p *vm.Process, a []term.Term) term.Term {
	if !a[0].IsAtom() {
		return p.BadArg()
	}
	return erlCodePointList(p, p.Env().AtomName(a[0]))
}

// erlAtomToBinary encodes the name of atom a as latin1 (every character must
// be below 256) or as UTF-8 (utf8 or unicode).
func erlAtomToBinary(p *vm.Process, a, enc term.Term) term.Term {
	if !a.IsAtom() {
		return p.BadArg()
	}
	name := p.Env().AtomName(a)
	switch enc {
	case term.AtomUtf8, term.AtomUnicode:
		return erlBinary(p, []byte(name))
	case term.AtomLatin1:
		out := make([]byte, 0, len(name))
		for _, r := range name {
			if r > 255 {
				return p.BadArg()
			}
			out = append(out, byte(r))
		}
		return erlOwnedBinary(p, out)
	}
	return p.BadArg()
}

// erlBinaryToAtom decodes binary b as latin1 or UTF-8 and returns the atom of
// that name; with existing set, only an atom that already exists.
func erlBinaryToAtom(p *vm.Process, b, enc term.Term, existing bool) term.Term {
	env := p.Env()
	data, ok := env.Bytes(b)
	if !ok {
		return p.BadArg()
	}
	var name string
	switch enc {
	case term.AtomUtf8, term.AtomUnicode:
		if !utf8.Valid(data) {
			return p.BadArg()
		}
		name = string(data)
	case term.AtomLatin1:
		buf := make([]byte, 0, len(data))
		for _, c := range data {
			buf = utf8.AppendRune(buf, rune(c))
		}
		name = string(buf)
	default:
		return p.BadArg()
	}
	return erlMakeAtom(p, name, utf8.RuneCountInString(name), existing)
}

// erlListToAtom returns the atom named by the code point list l.
func erlListToAtom(p *vm.Process, l term.Term, existing bool) term.Term {
	name, n, ok := erlCharList(p.Env(), l)
	if !ok {
		return p.BadArg()
	}
	return erlMakeAtom(p, name, n, existing)
}

// erlMakeAtom interns name (n characters long), or with existing set looks it
// up, raising badarg when it does not exist.
func erlMakeAtom(p *vm.Process, name string, n int, existing bool) term.Term {
	atoms := p.Env().Atoms
	if existing {
		a, ok := atoms.Lookup(name)
		if !ok {
			return p.BadArg()
		}
		return a
	}
	if n > erlMaxAtomChars {
		return p.SystemLimit()
	}
	a, ok := atoms.Intern(name)
	if !ok {
		return p.SystemLimit()
	}
	return a
}

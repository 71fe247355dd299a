package stdlib

import (
	"strings"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The filename module: names are Erlang chardata (strings, deep lists,
// atoms) or binaries; results are binaries when the input is a binary and
// strings otherwise, as in OTP.

func registerFilename(rt *vm.Runtime) {
	one := func(name string, f func(string) string) {
		rt.Register("filename", name, 1, func(p *vm.Process, args []term.Term) term.Term {
			s, bin, ok := fileName(p.Env(), args[0])
			if !ok {
				return p.Raise(term.AtomError, p.Heap.Tuple(term.AtomFunctionClause))
			}
			return nameTerm(p, f(s), bin)
		})
	}
	one("basename", fnBasename)
	one("dirname", fnDirname)
	one("extension", fnExtension)
	one("rootname", func(s string) string { return s[:len(s)-len(fnExtension(s))] })
	rt.Register("filename", "rootname", 2, func(p *vm.Process, args []term.Term) term.Term {
		s, bin, ok1 := fileName(p.Env(), args[0])
		ext, _, ok2 := fileName(p.Env(), args[1])
		if !ok1 || !ok2 {
			return p.BadArg()
		}
		return nameTerm(p, strings.TrimSuffix(s, ext), bin)
	})
	rt.Register("filename", "join", 2, func(p *vm.Process, args []term.Term) term.Term {
		a, bin1, ok1 := fileName(p.Env(), args[0])
		b, bin2, ok2 := fileName(p.Env(), args[1])
		if !ok1 || !ok2 {
			return p.BadArg()
		}
		return nameTerm(p, fnJoin(a, b), bin1 || bin2)
	})
	rt.Register("filename", "join", 1, func(p *vm.Process, args []term.Term) term.Term {
		env := p.Env()
		var acc string
		bin, n := false, 0
		for l := args[0]; ; l = env.Tl(l) {
			if l == term.Nil {
				break
			}
			if !l.IsList() {
				return p.Raise(term.AtomError, term.AtomFunctionClause)
			}
			s, b, ok := fileName(env, env.Hd(l))
			if !ok {
				return p.BadArg()
			}
			bin = bin || b
			if n == 0 {
				acc = fnNormalize(s)
			} else {
				acc = fnJoin(acc, s)
			}
			n++
		}
		if n == 0 {
			return p.Raise(term.AtomError, term.AtomFunctionClause)
		}
		return nameTerm(p, acc, bin)
	})
	rt.Register("filename", "split", 1, func(p *vm.Process, args []term.Term) term.Term {
		s, bin, ok := fileName(p.Env(), args[0])
		if !ok {
			return p.BadArg()
		}
		var parts []term.Term
		if strings.HasPrefix(s, "/") {
			parts = append(parts, nameTerm(p, "/", bin))
		}
		for _, c := range strings.Split(s, "/") {
			if c != "" {
				parts = append(parts, nameTerm(p, c, bin))
			}
		}
		return p.Heap.List(parts...)
	})
}

// fileName flattens a file name; bin reports whether it was a binary.
func fileName(env *term.Env, t term.Term) (s string, bin bool, ok bool) {
	if b, isBin := env.Bytes(t); isBin {
		return string(b), true, true
	}
	if t.IsAtom() {
		return env.AtomName(t), false, true
	}
	var sb strings.Builder
	if !flattenName(env, t, &sb) {
		return "", false, false
	}
	return sb.String(), false, true
}

func flattenName(env *term.Env, t term.Term, sb *strings.Builder) bool {
	for t.IsList() {
		h := env.Hd(t)
		switch {
		case h.IsSmall() && h.Small() >= 0 && h.Small() <= 0x10FFFF:
			sb.WriteRune(rune(h.Small()))
		case h.IsList() || h == term.Nil:
			if !flattenName(env, h, sb) {
				return false
			}
		case h.IsAtom():
			sb.WriteString(env.AtomName(h))
		default:
			if b, ok := env.Bytes(h); ok {
				sb.Write(b)
			} else {
				return false
			}
		}
		t = env.Tl(t)
	}
	return t == term.Nil
}

func nameTerm(p *vm.Process, s string, bin bool) term.Term {
	if bin {
		return p.Heap.Binary(p.Env().Bins, []byte(s))
	}
	return p.Heap.String(s)
}

func fnBasename(s string) string {
	s = strings.TrimRight(s, "/")
	return s[strings.LastIndexByte(s, '/')+1:]
}

func fnDirname(s string) string {
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return "."
	}
	d := strings.TrimRight(s[:i], "/")
	if d == "" {
		return "/"
	}
	return d
}

func fnExtension(s string) string {
	base := fnBasename(s)
	i := strings.LastIndexByte(base, '.')
	if i <= 0 {
		return ""
	}
	return base[i:]
}

// fnNormalize removes repeated and trailing slashes (keeping a lone "/")
// and, as OTP's join does, a "." between two slashes.
func fnNormalize(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '/' && b.Len() > 0 {
			cur := b.String()
			if strings.HasSuffix(cur, "/") {
				continue
			}
			if strings.HasSuffix(cur, "/.") {
				b.Reset()
				b.WriteString(cur[:len(cur)-1])
				continue
			}
		}
		b.WriteByte(s[i])
	}
	out := b.String()
	if len(out) > 1 {
		out = strings.TrimSuffix(out, "/")
	}
	return out
}

func fnJoin(a, b string) string {
	if strings.HasPrefix(b, "/") {
		return fnNormalize(b)
	}
	if a == "" {
		return fnNormalize(b)
	}
	return fnNormalize(a + "/" + b)
}

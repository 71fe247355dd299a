package stdlib

import (
	"os"
	"strings"
	"time"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The native part of the os module: time, the environment and the system
// type.

func registerOS(rt *vm.Runtime) {
	erlRegisterAll(rt, "os", []erlNative{
		{"system_time", 0, func(p *vm.Process, _ []term.Term) term.Term { return p.Heap.Int(time.Now().UnixNano()) }},
		{"system_time", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlTimeIn(p, time.Now().UnixNano(), a[0])
		}},
		{"timestamp", 0, eTimestamp},
		{"perf_counter", 0, func(p *vm.Process, _ []term.Term) term.Term {
			return p.Heap.Int(int64(time.Since(p.Runtime().Started())))
		}},
		{"perf_counter", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlTimeIn(p, int64(time.Since(p.Runtime().Started())), a[0])
		}},
		{"type", 0, func(p *vm.Process, _ []term.Term) term.Term {
			return p.Heap.Tuple(p.Atom("unix"), p.Atom("linux"))
		}},
		{"getpid", 0, func(p *vm.Process, _ []term.Term) term.Term {
			return p.Heap.String(itoa(os.Getpid()))
		}},
		{"getenv", 0, func(p *vm.Process, _ []term.Term) term.Term {
			env := os.Environ()
			out := make([]term.Term, len(env))
			for i, kv := range env {
				out[i] = p.Heap.String(kv)
			}
			return p.Heap.List(out...)
		}},
		{"getenv", 1, func(p *vm.Process, a []term.Term) term.Term { return erlGetenv(p, a[0], term.AtomFalse) }},
		{"getenv", 2, func(p *vm.Process, a []term.Term) term.Term { return erlGetenv(p, a[0], a[1]) }},
	})
}

// erlGetenv returns the value of the environment variable name as a
// string, or def when it is not set.
func erlGetenv(p *vm.Process, name, def term.Term) term.Term {
	s, ok := erlOSName(p, name)
	if !ok {
		return p.BadArg()
	}
	if v, found := os.LookupEnv(s); found {
		return p.Heap.String(v)
	}
	return def
}

// erlOSName reads an environment variable name: a string or atom without
// '=' or NUL.
func erlOSName(p *vm.Process, t term.Term) (string, bool) {
	env := p.Env()
	var s string
	if t.IsAtom() {
		s = env.AtomName(t)
	} else {
		var b strings.Builder
		l := t
		for ; l.IsList(); l = env.Tl(l) {
			c := env.Hd(l)
			if !c.IsSmall() || c.Small() < 0 || c.Small() > 0x10ffff {
				return "", false
			}
			b.WriteRune(rune(c.Small()))
		}
		if l != term.Nil {
			return "", false
		}
		s = b.String()
	}
	if strings.ContainsAny(s, "=\x00") {
		return "", false
	}
	return s, true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

package stdlib

import (
	"os"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// init: what OTP's code asks the init process about the command line and
// the system's state, answered as for erl -noshell with no other flags;
// stop halts.

// initArgs returns init's flags with their values: root, progname, home
// and noshell.
func initArgs(rt *vm.Runtime) (flags []string, vals [][]string) {
	root := rt.OTPRoot()
	if root == "" {
		root = "/"
	}
	home, _ := os.UserHomeDir()
	return []string{"root", "progname", "home", "noshell"},
		[][]string{{root}, {"erl"}, {home}, {}}
}

func registerInit(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("init", name, arity, f) }
	strs := func(p *vm.Process, ss []string) term.Term {
		out := make([]term.Term, len(ss))
		for i, s := range ss {
			out[i] = p.Heap.String(s)
		}
		return p.Heap.List(out...)
	}
	reg("get_arguments", 0, func(p *vm.Process, a []term.Term) term.Term {
		flags, vals := initArgs(p.Runtime())
		out := make([]term.Term, len(flags))
		for i, f := range flags {
			out[i] = p.Heap.Tuple(p.Atom(f), strs(p, vals[i]))
		}
		return p.Heap.List(out...)
	})
	reg("get_argument", 1, func(p *vm.Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return p.BadArg()
		}
		flags, vals := initArgs(p.Runtime())
		for i, f := range flags {
			if p.Env().AtomName(a[0]) == f {
				return p.Heap.Tuple(term.AtomOk, p.Heap.List(strs(p, vals[i])))
			}
		}
		return term.AtomError
	})
	reg("get_plain_arguments", 0, func(p *vm.Process, a []term.Term) term.Term {
		args := p.Runtime().PlainArgs()
		elems := make([]term.Term, len(args))
		for i, s := range args {
			elems[i] = p.Heap.String(s)
		}
		return p.Heap.List(elems...)
	})
	reg("get_status", 0, func(p *vm.Process, a []term.Term) term.Term {
		return p.Heap.Tuple(p.Atom("started"), p.Atom("started"))
	})
	stop := func(p *vm.Process, status term.Term) term.Term {
		code := 0
		switch {
		case status.IsSmall() && status.Small() >= 0:
			code = int(status.Small())
		case status.IsList() || status == term.Nil || status == p.Atom("abort"):
			code = 1
		default:
			return p.BadArg()
		}
		p.Halt(code)
		return term.AtomOk
	}
	reg("stop", 0, func(p *vm.Process, a []term.Term) term.Term { return stop(p, term.MakeSmall(0)) })
	reg("stop", 1, func(p *vm.Process, a []term.Term) term.Term { return stop(p, a[0]) })
}

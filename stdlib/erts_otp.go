package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Runtime functions that OTP's own stdlib and kernel beams call: the
// functions erts implements for them (erts_internal, the BIF stubs of
// kernel modules). With them OTP's lists, maps, io, gen_server and the
// rest run unchanged in StdlibOTP mode.

// ownModules are the modules beamr serves itself in both stdlib modes
// although OTP has them: OTP's are clients of processes and tables of the
// kernel application, which beamr does not start (the code server, the
// logger, kernel_sup for the timer server), or, for erts_debug, views of
// the runtime's internals. application is served by beamr's own too, as
// OTP's needs the application controller's tables, and so is file, as
// OTP's sits on erts drivers beamr does not emulate, and global (OTP's
// needs tables and the kernel's name server), and gen_tcp and inet, whose
// OTP versions sit on the inet driver.
var ownModules = []string{"code", "erts_debug", "logger", "error_logger", "timer",
	"application", "application_controller", "application_master", "file", "global",
	"gen_tcp", "inet"}

func registerErtsOTP(rt *vm.Runtime) {
	registerPersistentTerm(rt)
	registerInit(rt)
	registerCode(rt)
	rt.Register("erts_internal", "map_next", 3, eMapNext)
	// Every io server here speaks the unicode io protocol.
	rt.Register("net_kernel", "dflag_unicode_io", 1, func(p *vm.Process, a []term.Term) term.Term {
		return term.AtomTrue
	})
}

// eMapNext is erts_internal:map_next(Iter, Map, Acc), the step of maps'
// iterators and of to_list/1. With Acc = iterator it returns the pairs from
// the Iter-th on in iteration order as a chain {K, V, {K2, V2, ... none}}
// (as erts does for a small map, whose iterator position it ignores), or
// none when there are none; with a list Acc, the pairs from Iter on as
// {K, V} tuples in the order of maps:to_list/1, in front of Acc.
func eMapNext(p *vm.Process, a []term.Term) term.Term {
	e := p.Env()
	it, m, acc := a[0], a[1], a[2]
	if !it.IsSmall() || it.Small() < 0 || !e.IsMap(m) {
		return p.BadArg()
	}
	i, n := int(it.Small()), e.MapSize(m)
	h := p.Heap
	if acc == p.Atom("iterator") {
		if n <= 32 {
			i = 0
		}
		out := p.Atom("none")
		for k := n - 1; k >= i; k-- {
			at := term.MapIterIndex(n, k)
			out = h.Tuple(e.MapKey(m, at), e.MapValue(m, at), out)
		}
		return out
	}
	if acc != term.Nil && !acc.IsList() {
		return p.BadArg()
	}
	if i == 0 && acc == term.Nil {
		return p.MapToList(m)
	}
	for k := n - 1; k >= i; k-- { // storage order is to_list's
		acc = h.Cons(h.Tuple(e.MapKey(m, k), e.MapValue(m, k)), acc)
	}
	return acc
}

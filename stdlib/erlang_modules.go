package stdlib

import (
	"strconv"
	"strings"
	"sync"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Questions about code: function_exported/3, module_loaded/1,
// get_module_info/1,2 (what every module's module_info/0,1 calls) and
// is_builtin/3.

func registerErlangModules(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"function_exported", 3, eFunctionExported},
		{"module_loaded", 1, eModuleLoaded},
		{"get_module_info", 1, eGetModuleInfo1},
		{"get_module_info", 2, eGetModuleInfo2},
		{"is_builtin", 3, eIsBuiltin},
	})
}

// eFunctionExported is function_exported(M, F, A): true when M is loaded
// and exports F/A, or when F/A is a native function of M. It does not load
// M.
func eFunctionExported(p *vm.Process, a []term.Term) term.Term {
	m, f, n := a[0], a[1], a[2]
	if !m.IsAtom() || !f.IsAtom() || !n.IsSmall() {
		return p.BadArg()
	}
	if n.Small() < 0 || n.Small() > 255 {
		return term.AtomFalse
	}
	e, ok := p.Runtime().LookupExport(m, f, int(n.Small()))
	return erlBoolTerm(ok && e.Code().Defined())
}

// eModuleLoaded is module_loaded(M). The erlang module, whose functions are
// all native, counts as loaded.
func eModuleLoaded(p *vm.Process, a []term.Term) term.Term {
	m := a[0]
	if !m.IsAtom() {
		return p.BadArg()
	}
	if m == term.AtomErlang {
		return term.AtomTrue
	}
	_, ok := p.Runtime().Module(m)
	return erlBoolTerm(ok)
}

// erlModuleInfoKeys are the items of get_module_info/1, in order.
var erlModuleInfoKeys = [...]term.Term{term.AtomModule, term.AtomExports, term.AtomAttributes,
	term.AtomCompile, term.AtomMd5}

func eGetModuleInfo1(p *vm.Process, a []term.Term) term.Term {
	if !a[0].IsAtom() {
		return p.BadArg()
	}
	mod, ok := p.Runtime().Module(a[0])
	if !ok {
		return p.BadArg()
	}
	items := make([]term.Term, len(erlModuleInfoKeys))
	for i, k := range erlModuleInfoKeys {
		v, _ := erlModuleItem(p, mod, k)
		items[i] = p.Heap.Tuple(k, v)
	}
	return p.Heap.List(items...)
}

func eGetModuleInfo2(p *vm.Process, a []term.Term) term.Term {
	if !a[0].IsAtom() || !a[1].IsAtom() {
		return p.BadArg()
	}
	mod, ok := p.Runtime().Module(a[0])
	if !ok {
		return p.BadArg()
	}
	v, ok := erlModuleItem(p, mod, a[1])
	if !ok {
		return p.BadArg()
	}
	return v
}

// erlModuleItem returns module_info item key of mod; ok is false for an
// unknown item.
func erlModuleItem(p *vm.Process, mod *vm.Module, key term.Term) (term.Term, bool) {
	h := p.Heap
	switch key {
	case term.AtomModule:
		return mod.Name, true
	case term.AtomExports, term.AtomFunctions:
		var items []term.Term
		for _, f := range mod.Functions() {
			if key == term.AtomFunctions || f.Exported {
				items = append(items, h.Tuple(f.Name, term.MakeSmall(int64(f.Arity))))
			}
		}
		return h.List(items...), true
	case term.AtomAttributes:
		return mod.Attributes(), true
	case term.AtomCompile:
		return mod.CompileInfo(), true
	case term.AtomMd5:
		sum := mod.MD5()
		return erlBinary(p, sum[:]), true
	case term.AtomNifs:
		// beamr loads no NIF libraries.
		return term.Nil, true
	case term.AtomNative:
		return term.AtomFalse, true
	}
	return 0, false
}

// erlBuiltins is erlBuiltinList parsed into a set, built on first use.
var erlBuiltins = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, 600)
	for _, line := range strings.Split(erlBuiltinList, "\n") {
		if line != "" {
			set[line] = true
		}
	}
	return set
})

// eIsBuiltin is is_builtin(M, F, A): whether M:F/A is implemented in C in
// OTP 25 (beamr answers from OTP's list, whatever it implements natively).
func eIsBuiltin(p *vm.Process, a []term.Term) term.Term {
	m, f, n := a[0], a[1], a[2]
	if !m.IsAtom() || !f.IsAtom() || !n.IsSmall() {
		return p.BadArg()
	}
	env := p.Env()
	key := env.AtomName(m) + "/" + env.AtomName(f) + "/" + strconv.FormatInt(n.Small(), 10)
	return erlBoolTerm(erlBuiltins()[key])
}

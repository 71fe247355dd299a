package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Funs: make_fun/3, fun_info/1,2, fun_info_mfa/1 and fun_to_list/1.

func registerErlangFuns(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"fun_info", 1, eFunInfo1},
		{"fun_info", 2, eFunInfo2},
		{"fun_to_list", 1, eFunToList},
		{"make_fun", 3, eMakeFun},
		{"fun_info_mfa", 1, eFunInfoMFA},
	})
}

// eMakeFun is make_fun(Module, Function, Arity): the external fun
// fun Module:Function/Arity, Arity 0..255. The function need not exist.
func eMakeFun(p *vm.Process, a []term.Term) term.Term {
	m, f, n := a[0], a[1], a[2]
	if !m.IsAtom() || !f.IsAtom() || !n.IsSmall() || n.Small() < 0 || n.Small() > 255 {
		return p.BadArg()
	}
	rt := p.Runtime()
	e, ok := rt.LookupExport(m, f, int(n.Small()))
	if !ok {
		rt.ExportIndex(m, f, int(n.Small()))
		e, _ = rt.LookupExport(m, f, int(n.Small()))
	}
	return p.ExportFun(e)
}

// erlFunInfoLocalKeys and erlFunInfoExternalKeys are the items of
// fun_info/1, in OTP's order.
var (
	erlFunInfoLocalKeys = [...]string{"pid", "module", "new_index", "new_uniq", "index", "uniq",
		"name", "arity", "env", "type"}
	erlFunInfoExternalKeys = [...]string{"module", "name", "arity", "env", "type"}
)

// erlFunItem returns the value of fun_info item key for fun f; ok is false
// for an unknown item.
func erlFunItem(p *vm.Process, f term.Term, key string) (term.Term, bool) {
	env := p.Env()
	if env.BoxedSub(f) == term.SubExport {
		m, fn, a := env.ExportMFA(f)
		switch key {
		case "module":
			return m, true
		case "name":
			return fn, true
		case "arity":
			return term.MakeSmall(int64(a)), true
		case "env":
			return term.Nil, true
		case "type":
			return term.AtomExternal, true
		case "index", "new_index", "uniq", "new_uniq", "pid":
			return term.AtomUndefined, true
		}
		return 0, false
	}
	fe := p.Runtime().FunEntryByID(env.FunEntry(f))
	switch key {
	case "module":
		return env.FunModule(f), true
	case "name":
		if fe == nil || fe.Name == 0 {
			return term.AtomUndefined, true
		}
		return fe.Name, true
	case "arity":
		return term.MakeSmall(int64(env.FunArity(f))), true
	case "env":
		n := env.FunNumFree(f)
		free := make([]term.Term, n)
		for i := range free {
			free[i] = env.FunFree(f, i)
		}
		return p.Heap.List(free...), true
	case "type":
		return term.AtomLocal, true
	case "index", "new_index":
		return term.MakeSmall(int64(env.FunIndex(f))), true
	case "uniq":
		return term.MakeSmall(int64(env.FunUniq(f))), true
	case "new_uniq":
		var md5 [16]byte
		if fe != nil {
			if m := fe.Loaded(); m != nil {
				md5 = m.MD5()
			}
		}
		return erlBinary(p, md5[:]), true
	case "pid":
		// beamr's closures do not record the process that created them.
		return p.Pid, true
	}
	return 0, false
}

func eFunInfo1(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	f := a[0]
	if !env.IsFun(f) {
		return p.BadArg()
	}
	keys := erlFunInfoLocalKeys[:]
	if env.BoxedSub(f) == term.SubExport {
		keys = erlFunInfoExternalKeys[:]
	}
	items := make([]term.Term, len(keys))
	for i, k := range keys {
		v, _ := erlFunItem(p, f, k)
		items[i] = p.Heap.Tuple(p.Atom(k), v)
	}
	return p.Heap.List(items...)
}

func eFunInfo2(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	f, k := a[0], a[1]
	if !env.IsFun(f) || !k.IsAtom() {
		return p.BadArg()
	}
	v, ok := erlFunItem(p, f, env.AtomName(k))
	if !ok {
		return p.BadArg()
	}
	return p.Heap.Tuple(k, v)
}

// eFunToList is fun_to_list/1: the fun as the runtime prints it
// ("#Fun<M.I.U>" or "fun M:F/A"), as a list of bytes.
func eFunToList(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !env.IsFun(a[0]) {
		return p.BadArg()
	}
	return erlByteList(p, erlDisplayAppend(nil, env, a[0]), term.Nil)
}

// eFunInfoMFA is fun_info_mfa(Fun): {Module, Name, Arity} of the function
// the fun calls (for a closure, its generated function; the arity leaves
// out the captured variables).
func eFunInfoMFA(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	f := a[0]
	if !env.IsFun(f) {
		return p.BadArg()
	}
	m, _ := erlFunItem(p, f, "module")
	n, _ := erlFunItem(p, f, "name")
	ar, _ := erlFunItem(p, f, "arity")
	return p.Heap.Tuple(m, n, ar)
}

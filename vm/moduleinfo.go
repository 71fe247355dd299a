package vm

import (
	"github.com/beamr/beamr/term"
)

// FunctionInfo names one function of a loaded module.
type FunctionInfo struct {
	Name     term.Term // the function's name atom
	Arity    int
	Exported bool
}

// Functions returns every function of m in code order (the order of
// erlang:get_module_info(M, functions)), including module_info/0,1 and the
// generated functions of funs, with whether each is exported.
func (m *Module) Functions() []FunctionInfo {
	exported := make(map[mfa]bool, len(m.exports))
	for _, ex := range m.exports {
		if int(ex.Function) < len(m.atomsCache) {
			exported[mfa{m.Name, m.atomsCache[ex.Function], int(ex.Arity)}] = true
		}
	}
	out := make([]FunctionInfo, len(m.funcs))
	for i, f := range m.funcs {
		out[i] = FunctionInfo{Name: f.name, Arity: f.arity, Exported: exported[mfa{m.Name, f.name, f.arity}]}
	}
	return out
}

// Attributes returns the module's attribute list (the Attr chunk), or [] when
// the module has none. The term lives in the module's literal area.
func (m *Module) Attributes() term.Term {
	if m.attributes == 0 {
		return term.Nil
	}
	return m.attributes
}

// CompileInfo returns the module's compile information (the CInf chunk), or
// [] when the module has none. The term lives in the module's literal area.
func (m *Module) CompileInfo() term.Term {
	if m.compileInfo == 0 {
		return term.Nil
	}
	return m.compileInfo
}

// MD5 returns the module's MD5 as erlang:get_module_info(M, md5) reports it.
func (m *Module) MD5() [16]byte { return m.md5 }

// FunEntryByID returns the fun-table entry with the given id (the id a
// closure holds, term.Env.FunEntry), or nil when there is none.
func (rt *Runtime) FunEntryByID(id uint32) *FunEntry {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	if int(id) >= len(rt.funs) {
		return nil
	}
	return rt.funs[id]
}

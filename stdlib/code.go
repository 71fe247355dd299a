package stdlib

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// code: the code server's answers without a code server. Modules load
// where a call would load them (vm's lookup order); beamr serves this
// module in both stdlib modes (OTP's code module is a client of the code
// server process beamr does not run).

func registerCode(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("code", name, arity, f) }
	reg("ensure_loaded", 1, func(p *vm.Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		return codeLoadResult(p, a[0], p.Runtime().EnsureLoaded(a[0]))
	})
	reg("load_file", 1, func(p *vm.Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		return codeLoadResult(p, a[0], p.Runtime().EnsureLoaded(a[0]))
	})
	reg("ensure_modules_loaded", 1, func(p *vm.Process, a []term.Term) term.Term {
		ms, ok := listSlice(p.Env(), a[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		var errs []term.Term
		for _, m := range ms {
			if !m.IsAtom() {
				return raiseFunctionClause(p)
			}
			if !p.Runtime().EnsureLoaded(m) {
				errs = append(errs, p.Heap.Tuple(m, p.Atom("nofile")))
			}
		}
		if len(errs) == 0 {
			return term.AtomOk
		}
		return p.Heap.Tuple(term.AtomError, p.Heap.List(errs...))
	})
	reg("is_loaded", 1, func(p *vm.Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		rt := p.Runtime()
		if _, ok := rt.Module(a[0]); !ok && !rt.Builtin(a[0]) {
			return term.AtomFalse
		}
		return p.Heap.Tuple(p.Atom("file"), codeFileTerm(p, a[0]))
	})
	reg("which", 1, func(p *vm.Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		rt := p.Runtime()
		if _, ok := rt.Module(a[0]); ok || rt.Builtin(a[0]) {
			return codeFileTerm(p, a[0])
		}
		file, bundled, ok := rt.WhichModule(p.Env().AtomName(a[0]))
		switch {
		case bundled:
			return p.Atom("preloaded")
		case ok:
			return p.Heap.String(file)
		}
		return p.Atom("non_existing")
	})
	reg("all_loaded", 0, func(p *vm.Process, a []term.Term) term.Term {
		rt := p.Runtime()
		var out []term.Term
		rt.Modules(func(m term.Term) {
			out = append(out, p.Heap.Tuple(m, codeFileTerm(p, m)))
		})
		return p.Heap.List(out...)
	})
	reg("get_path", 0, func(p *vm.Process, a []term.Term) term.Term {
		dirs := p.Runtime().CodePath()
		out := make([]term.Term, len(dirs))
		for i, d := range dirs {
			out[i] = p.Heap.String(d)
		}
		return p.Heap.List(out...)
	})
	addPath := func(p *vm.Process, a []term.Term) term.Term {
		dir, ok := flatChars(p.Env(), a[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		if st, err := os.Stat(string(dir)); err != nil || !st.IsDir() {
			return p.Heap.Tuple(term.AtomError, p.Atom("bad_directory"))
		}
		p.Runtime().AddCodePath(string(dir))
		return term.AtomTrue
	}
	reg("add_path", 1, addPath)
	reg("add_patha", 1, addPath)
	reg("add_pathz", 1, addPath)
	reg("root_dir", 0, func(p *vm.Process, a []term.Term) term.Term {
		root := p.Runtime().OTPRoot()
		if root == "" {
			root = "/"
		}
		return p.Heap.String(root)
	})
	reg("lib_dir", 0, func(p *vm.Process, a []term.Term) term.Term {
		root := p.Runtime().OTPRoot()
		if root == "" {
			root = "/"
		}
		return p.Heap.String(filepath.Join(root, "lib"))
	})
	libDir := func(p *vm.Process, app term.Term, sub string) term.Term {
		if !app.IsAtom() {
			return raiseFunctionClause(p)
		}
		if d, ok := appDir(p.Runtime(), p.Env().AtomName(app)); ok {
			return p.Heap.String(filepath.Join(d, sub))
		}
		return p.Heap.Tuple(term.AtomError, p.Atom("bad_name"))
	}
	reg("lib_dir", 1, func(p *vm.Process, a []term.Term) term.Term { return libDir(p, a[0], "") })
	reg("priv_dir", 1, func(p *vm.Process, a []term.Term) term.Term { return libDir(p, a[0], "priv") })
	reg("is_sticky", 1, func(p *vm.Process, a []term.Term) term.Term { return term.AtomFalse })
	reg("purge", 1, func(p *vm.Process, a []term.Term) term.Term { return term.AtomFalse })
	reg("soft_purge", 1, func(p *vm.Process, a []term.Term) term.Term { return term.AtomTrue })
	reg("get_mode", 0, func(p *vm.Process, a []term.Term) term.Term { return p.Atom("interactive") })
}

// codeLoadResult is {module, M} or {error, nofile}.
func codeLoadResult(p *vm.Process, m term.Term, ok bool) term.Term {
	if ok {
		return p.Heap.Tuple(p.Atom("module"), m)
	}
	return p.Heap.Tuple(term.AtomError, p.Atom("nofile"))
}

// codeFileTerm is what code:which/1 and is_loaded/1 say of a loaded
// module: its file, or preloaded for a built-in or bundled one.
func codeFileTerm(p *vm.Process, m term.Term) term.Term {
	if f, ok := p.Runtime().ModuleFile(m); ok && f != "" {
		if abs, err := filepath.Abs(f); err == nil {
			f = abs
		}
		return p.Heap.String(f)
	}
	return p.Atom("preloaded")
}

// appDir finds the directory of application app: ROOT/lib/app-VSN in the
// OTP installation, or the parent of a code path directory named ebin
// whose .app file names app.
func appDir(rt *vm.Runtime, app string) (string, bool) {
	for _, d := range rt.CodePath() {
		if filepath.Base(d) != "ebin" {
			continue
		}
		parent := filepath.Dir(d)
		base := filepath.Base(parent)
		if base == app || strings.HasPrefix(base, app+"-") {
			return parent, true
		}
		if _, err := os.Stat(filepath.Join(d, app+".app")); err == nil {
			return parent, true
		}
	}
	return "", false
}

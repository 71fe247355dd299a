package vm

import (
	"os"
	"path/filepath"
	"sort"

	"github.com/beamr/beamr/term"
)

// What the code module asks about modules (code:ensure_loaded/1, which/1,
// is_loaded/1, get_path/0): answered from the runtime's own lookup order
// (stdlibmode.go), since no code server runs.

// EnsureLoaded loads module m if it is not loaded, looking where a call
// of it would, and reports whether it is loaded or built in (a module of
// native functions only, such as erlang) afterwards.
func (rt *Runtime) EnsureLoaded(m term.Term) bool {
	if rt.autoloadModule(m) {
		return true
	}
	return rt.Builtin(m)
}

// Builtin reports whether module m has native functions and no loaded
// code: a module the runtime itself implements, as OTP's preloaded ones.
func (rt *Runtime) Builtin(m term.Term) bool {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	_, loaded := rt.modules[m]
	return rt.nativeMods[m] && !loaded
}

// ModuleFile returns the file module m was loaded from when it was
// loaded by a call (autoloaded): a path, or "" for a bundled module. ok is
// false for a module loaded some other way or not at all.
func (rt *Runtime) ModuleFile(m term.Term) (file string, ok bool) {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	if _, loaded := rt.modules[m]; !loaded {
		return "", false
	}
	file, ok = rt.loadedFrom[rt.Env.AtomName(m)]
	return file, ok
}

// WhichModule returns the file a call of module name would load it from,
// without loading it: a path, "" with bundled true for a bundled module,
// or ok false when there is none.
func (rt *Runtime) WhichModule(name string) (file string, bundled, ok bool) {
	rt.mu.RLock()
	path := append([]string(nil), rt.cfg.CodePath...)
	lookup := rt.bundled
	otpFile, inOTP := rt.otpBeams[name]
	rt.mu.RUnlock()
	if inOTP && rt.cfg.Stdlib == StdlibOTP {
		return otpFile, false, true
	}
	if lookup != nil {
		if _, found := lookup(name); found {
			return "", true, true
		}
	}
	for _, dir := range path {
		f := filepath.Join(dir, name+".beam")
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			return f, false, true
		}
	}
	if inOTP {
		return otpFile, false, true
	}
	return "", false, false
}

// CodePath returns the directories searched for modules: the code path,
// then the OTP installation's application directories.
func (rt *Runtime) CodePath() []string {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	out := append([]string(nil), rt.cfg.CodePath...)
	seen := map[string]bool{}
	var otp []string
	for _, f := range rt.otpBeams {
		if d := filepath.Dir(f); !seen[d] {
			seen[d] = true
			otp = append(otp, d)
		}
	}
	sort.Strings(otp)
	return append(out, otp...)
}

// Modules calls f with the name of every loaded module.
func (rt *Runtime) Modules(f func(m term.Term)) {
	rt.mu.RLock()
	names := make([]term.Term, 0, len(rt.modules))
	for m := range rt.modules {
		names = append(names, m)
	}
	rt.mu.RUnlock()
	for _, m := range names {
		f(m)
	}
}

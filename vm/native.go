package vm

import (
	"github.com/beamr/beamr/term"
)

// NativeFunc is a function implemented in Go and callable from Erlang as
// M:F/A. It gets its arguments in args (valid only during the call; do not
// keep the slice) and returns the result, or term.NoValue after raising an
// exception on p (see Process.Raise, Process.BadArg). It runs on the
// scheduler thread of p and may allocate on p's heap freely.
type NativeFunc func(p *Process, args []term.Term) term.Term

// Register makes f callable as module:name/arity. It must be called before
// any module that calls it is loaded, or it replaces Erlang code of that
// name only for modules loaded afterwards. In StdlibOTP mode a native of a
// module the OTP installation has only stands in for that module's stub of
// the same name (see StdlibMode).
func (rt *Runtime) Register(module, name string, arity int, f NativeFunc) {
	m, n := rt.Atom(module), rt.Atom(name)
	rt.mu.Lock()
	defer rt.mu.Unlock()
	k := mfa{m, n, arity}
	rt.natives[k] = f
	if rt.nativeMods == nil {
		rt.nativeMods = map[term.Term]bool{}
	}
	rt.nativeMods[m] = true
	i := rt.exportIndexLocked(m, n, arity)
	if rt.otpOwnedLocked(module) {
		if mod, ok := rt.modules[m]; !ok || !mod.stubs[k] {
			return
		}
	}
	e := rt.exports[i]
	c := e.Code()
	c.Native = f
	e.setCode(c)
}

// Native returns the Go function registered as module:name/arity.
func (rt *Runtime) Native(m, f term.Term, arity int) (NativeFunc, bool) {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	n, ok := rt.natives[mfa{m, f, arity}]
	return n, ok
}

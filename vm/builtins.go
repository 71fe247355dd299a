package vm

import "github.com/beamr/beamr/term"

// registerBuiltins registers the native functions that are part of the VM
// itself (message sending). The stdlib package registers the rest.
func registerBuiltins(rt *Runtime) {
	registerProcessBIFs(rt)
	registerFlagBIFs(rt)
	registerTimerBIFs(rt)
	registerAliasBIFs(rt)
	send := func(p *Process, a []term.Term) term.Term { return p.send(a[0], a[1]) }
	rt.Register("erlang", "send", 2, send)
	rt.Register("erlang", "!", 2, send)
	rt.Register("erlang", "send", 3, func(p *Process, a []term.Term) term.Term {
		if !validSendOpts(p.env(), a[2]) {
			return p.ErrorCause(term.AtomBadarg, p.Atom("badopt"))
		}
		if p.send(a[0], a[1]) == term.NoValue {
			return term.NoValue
		}
		return term.AtomOk
	})
}

// validSendOpts checks erlang:send/3's options: a proper list of noconnect
// and nosuspend.
func validSendOpts(env *term.Env, l term.Term) bool {
	for ; l.IsList(); l = env.Tl(l) {
		if o := env.Hd(l); o != term.AtomNoconnect && o != term.AtomNosuspend {
			return false
		}
	}
	return l == term.Nil
}

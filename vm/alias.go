package vm

import (
	"sync"

	"github.com/beamr/beamr/term"
)

// Process aliases (erlang:alias/0,1, unalias/1, monitor/3's {alias, _}):
// a reference that, while active, delivers what is sent to it to the
// process that made it. OTP's gen:call replies through the alias of its
// monitor, so that a late reply after a timeout is dropped.

// Alias modes.
const (
	aliasExplicit       uint8 = iota // active until unalias
	aliasDemonitor                   // also until its monitor is gone
	aliasReplyDemonitor              // also until one message came through it
	aliasReply                       // alias([reply]): until one message came through it
)

type aliasEntry struct {
	pid  term.Term
	mode uint8
}

type aliasTable struct {
	mu sync.Mutex
	m  map[uint64]aliasEntry
}

// addAlias makes reference id an alias of p.
func (p *Process) addAlias(id uint64, mode uint8) {
	t := &p.rt.aliases
	t.mu.Lock()
	if t.m == nil {
		t.m = map[uint64]aliasEntry{}
	}
	t.m[id] = aliasEntry{pid: p.Pid, mode: mode}
	t.mu.Unlock()
	x := p.extra()
	if x.aliases == nil {
		x.aliases = map[uint64]bool{}
	}
	x.aliases[id] = true
}

// removeAlias deactivates alias id of p (only modes in which, when the
// set is given); it reports whether it was active.
func (p *Process) removeAlias(id uint64, only ...uint8) bool {
	if p.ext == nil || !p.ext.aliases[id] {
		return false
	}
	t := &p.rt.aliases
	t.mu.Lock()
	e, ok := t.m[id]
	if !ok {
		// A one-message alias used up by its message.
		t.mu.Unlock()
		delete(p.ext.aliases, id)
		return false
	}
	if len(only) > 0 {
		match := false
		for _, m := range only {
			match = match || e.mode == m
		}
		if !match {
			t.mu.Unlock()
			return false
		}
	}
	delete(t.m, id)
	t.mu.Unlock()
	delete(p.ext.aliases, id)
	return true
}

// dropAliases deactivates every alias of p (it is ending).
func (p *Process) dropAliases() {
	if p.ext == nil || len(p.ext.aliases) == 0 {
		return
	}
	t := &p.rt.aliases
	t.mu.Lock()
	for id := range p.ext.aliases {
		delete(t.m, id)
	}
	t.mu.Unlock()
	p.ext.aliases = nil
}

// aliasTarget returns the process alias id delivers to, deactivating a
// one-message alias.
func (rt *Runtime) aliasTarget(id uint64) (term.Term, bool) {
	t := &rt.aliases
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.m[id]
	if !ok {
		return 0, false
	}
	if e.mode == aliasReplyDemonitor || e.mode == aliasReply {
		// The owner's table entry goes when it next looks; a second
		// message no longer finds the alias.
		delete(t.m, id)
	}
	return e.pid, true
}

func registerAliasBIFs(rt *Runtime) {
	reg := func(name string, arity int, f NativeFunc) { rt.Register("erlang", name, arity, f) }
	alias := func(p *Process, mode uint8) term.Term {
		id := p.rt.NewRefID()
		p.addAlias(id, mode)
		return makeRef(p.Heap, id)
	}
	reg("alias", 0, func(p *Process, _ []term.Term) term.Term { return alias(p, aliasExplicit) })
	reg("alias", 1, func(p *Process, a []term.Term) term.Term {
		env := p.env()
		mode := aliasExplicit
		l := a[0]
		for ; l.IsList(); l = env.Tl(l) {
			switch env.Hd(l) {
			case p.Atom("explicit_unalias"):
				mode = aliasExplicit
			case p.Atom("reply"):
				mode = aliasReply
			default:
				return p.BadArg()
			}
		}
		if l != term.Nil {
			return p.BadArg()
		}
		return alias(p, mode)
	})
	reg("unalias", 1, func(p *Process, a []term.Term) term.Term {
		id, ok := RefID(p.env(), a[0])
		if !ok {
			if p.env().IsRef(a[0]) {
				return term.AtomFalse
			}
			return p.BadArg()
		}
		return boolTerm(p.removeAlias(id))
	})
}

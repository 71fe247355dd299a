package vm

import (
	"sync"

	"github.com/beamr/beamr/term"
)

// System processes: the io servers a program finds under the names user
// and standard_error, whose pid (for user) is the group leader of every
// process started from Go. They start the first time they are needed — a
// signal to their pid, a lookup of their name — so a program that never
// does input or output through them never has them.

// sysProc is one system process and how to start it.
type sysProc struct {
	name term.Term
	user bool // it is UserPid
	m, f term.Term
	once sync.Once
	pid  term.Term // set once started
}

// SetSystemProcess arranges for the process registered as name to run
// module:fun(name), started the first time it is needed: when its name is
// looked up (whereis, a send to the name), or, when user is true, when a
// signal goes to UserPid, which it then is. Call it before processes run.
func (rt *Runtime) SetSystemProcess(name string, user bool, module, fun string) {
	s := &sysProc{name: rt.Atom(name), user: user, m: rt.Atom(module), f: rt.Atom(fun)}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.sysProcs == nil {
		rt.sysProcs = map[term.Term]*sysProc{}
	}
	rt.sysProcs[s.name] = s
	if user {
		rt.userSys = s
	}
}

// UserPid is the group leader of the processes started from Go (Apply):
// the system process registered as user when one is set up (see
// SetSystemProcess), started on first use. Output through it that a
// native function writes itself goes straight to standard output.
func (rt *Runtime) UserPid() term.Term { return term.MakePid(0) }

// sysProcNamed returns the system process of that name, if any.
func (rt *Runtime) sysProcNamed(name term.Term) *sysProc {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	return rt.sysProcs[name]
}

// startSys starts s unless it was started before and returns its pid (0
// if it could not start).
func (rt *Runtime) startSys(s *sysProc) term.Term {
	s.once.Do(func() {
		e := rt.export(rt.ExportIndex(s.m, s.f, 1))
		if _, ok := rt.exportCode(e); !ok {
			return
		}
		o := &spawnOpts{prio: prioNormal, fullsweepAfter: -1}
		if s.user {
			o.fixedPid, o.pid = true, 0
		}
		p, err := rt.newProcess(e, []term.Term{s.name}, nil, o)
		if err != nil {
			return
		}
		rt.RegisterName(s.name, p)
		s.pid = p.Pid
		rt.spawnProc(p, nil)
	})
	return s.pid
}

// lookupSys is lookup's way to the user process when it has not started.
func (rt *Runtime) lookupSys(t term.Term) *Process {
	rt.mu.RLock()
	s := rt.userSys
	rt.mu.RUnlock()
	if s == nil || t != rt.UserPid() {
		return nil
	}
	if rt.startSys(s) == 0 {
		return nil
	}
	return rt.procs.get(t.PidNumber())
}

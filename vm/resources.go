package vm

import (
	"sync"

	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
)

// OwnedResource is an off-heap object (an open file or socket) that a
// process owns: it is told when its owner ends and when the runtime
// closes. Register it with Runtime.Own.
type OwnedResource interface {
	term.Resource
	// OwnerExited is called once, on a scheduler goroutine, when the
	// process owning the resource ends while it is still registered.
	OwnerExited()
	// RuntimeClosed is called once when the runtime closes with the
	// resource still registered: it must release what it holds (close its
	// descriptor) without using the schedulers, which have stopped.
	RuntimeClosed()
}

// owners records which process owns which resource.
type owners struct {
	mu    sync.Mutex
	byPid map[uint64][]OwnedResource
	owner map[OwnedResource]uint64
	n     int // len(owner), readable as a hint without mu (see hasOwned)
	ctr   bio.FDCounters
}

// FDCounters returns the counters of the runtime's file descriptors: how
// many were opened and closed. Tests set OnClose before any is opened.
func (rt *Runtime) FDCounters() *bio.FDCounters { return &rt.owned.ctr }

// Own registers r as owned by the process pid. A resource has at most one
// owner; Own replaces an earlier one.
func (rt *Runtime) Own(pid term.Term, r OwnedResource) {
	o := &rt.owned
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.byPid == nil {
		o.byPid = make(map[uint64][]OwnedResource)
		o.owner = make(map[OwnedResource]uint64)
	}
	if old, ok := o.owner[r]; ok {
		o.dropLocked(old, r)
	} else {
		o.n++
	}
	n := pid.PidNumber()
	o.owner[r] = n
	o.byPid[n] = append(o.byPid[n], r)
}

// Owner returns the pid of r's owner, false when r has none (it was
// closed).
func (rt *Runtime) Owner(r OwnedResource) (term.Term, bool) {
	o := &rt.owned
	o.mu.Lock()
	defer o.mu.Unlock()
	n, ok := o.owner[r]
	return term.MakePid(n), ok
}

// Disown forgets r's owner (r was closed).
func (rt *Runtime) Disown(r OwnedResource) {
	o := &rt.owned
	o.mu.Lock()
	defer o.mu.Unlock()
	if n, ok := o.owner[r]; ok {
		o.dropLocked(n, r)
		delete(o.owner, r)
		o.n--
	}
}

func (o *owners) dropLocked(pid uint64, r OwnedResource) {
	l := o.byPid[pid]
	for i, e := range l {
		if e == r {
			l[i] = l[len(l)-1]
			l[len(l)-1] = nil
			l = l[:len(l)-1]
			break
		}
	}
	if len(l) == 0 {
		delete(o.byPid, pid)
	} else {
		o.byPid[pid] = l
	}
}

// ownerExit tells every resource pid owns that its owner has ended.
func (rt *Runtime) ownerExit(pid term.Term) {
	o := &rt.owned
	o.mu.Lock()
	if o.n == 0 {
		o.mu.Unlock()
		return
	}
	n := pid.PidNumber()
	l := o.byPid[n]
	delete(o.byPid, n)
	for _, r := range l {
		delete(o.owner, r)
	}
	o.n -= len(l)
	o.mu.Unlock()
	for _, r := range l {
		r.OwnerExited()
	}
}

// closeOwned tells every registered resource that the runtime is closing.
func (rt *Runtime) closeOwned() {
	o := &rt.owned
	o.mu.Lock()
	var all []OwnedResource
	for r := range o.owner {
		all = append(all, r)
	}
	o.byPid, o.owner, o.n = nil, nil, 0
	o.mu.Unlock()
	for _, r := range all {
		r.RuntimeClosed()
	}
}

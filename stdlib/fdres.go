package stdlib

import (
	"strings"

	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/heap"
	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// fdRes is the resource behind an open file's or socket's term: an fd
// handle (io.FD) owned by a process. It closes the descriptor exactly once:
// on an explicit close (through the ring, answered by a message), when its
// owner ends, when the last term referring to it dies, or when the runtime
// closes, whichever comes first.
type fdRes struct {
	fd *bio.FD
	rt *vm.Runtime
	// sock is the socket state of a socket or listening socket, nil for a
	// file.
	sock *sockState
	// ra is the read-ahead state of a regular file, nil for anything
	// else.
	ra *readAhead
}

// closeReq is an explicit close waiting for operations in flight: the
// process to answer and its reference.
type closeReq struct {
	pid term.Term
	ref uint64
}

// implicitClose marks a close decided by the owner's end or the last
// reference's death: it is done synchronously.
type implicitClose struct{}

// newFDRes wraps the open descriptor sys, owned by pid, and returns it with
// the handle of its one reference in the runtime's table.
func newFDRes(rt *vm.Runtime, sys int, kind bio.FDKind, pid term.Term) (*fdRes, uint32) {
	r := &fdRes{fd: bio.NewFD(sys, kind, rt.FDCounters()), rt: rt}
	hd := rt.Env.Bins.AddResource(r)
	if kind != bio.KindFile {
		r.sock = newSockState(r, hd)
	}
	rt.Own(pid, r)
	return r, hd
}

// Drop closes the descriptor when the last term referring to it died while
// it was still open. No operation is in flight then: each holds a
// reference.
func (r *fdRes) Drop() {
	r.rt.Disown(r)
	r.closeImplicit()
}

// OwnerExited closes the descriptor when its owner ends.
func (r *fdRes) OwnerExited() { r.closeImplicit() }

// RuntimeClosed closes the descriptor when the runtime closes.
func (r *fdRes) RuntimeClosed() {
	won, _ := r.fd.BeginClose(implicitClose{})
	r.closeReadAhead()
	if won {
		r.fd.CloseNow()
		return
	}
	r.fd.ForceClose()
}

// closeImplicit closes the descriptor without anyone to answer: at once, or
// (on a socket, after shutting it down so that waiting operations end) when
// the last operation in flight completes.
func (r *fdRes) closeImplicit() {
	won, now := r.fd.BeginClose(implicitClose{})
	r.closeReadAhead()
	if !won {
		return
	}
	if r.sock != nil {
		r.sock.closing()
	}
	if now {
		r.fd.CloseNow()
		return
	}
	r.fd.Shutdown()
}

// closeReadAhead lets go of what was read ahead, once the file is
// closing.
func (r *fdRes) closeReadAhead() {
	if r.ra != nil {
		r.ra.close(r.rt.Env.Bins)
	}
}

// endOp ends an operation started with fd.Begin, from a completion
// handler or a native, and finishes a close that waited for it.
func (r *fdRes) endOp(sub ioSubmitter) {
	arg, must := r.fd.End()
	if !must {
		return
	}
	switch a := arg.(type) {
	case *closeReq:
		if !submitClose(sub, r, a.pid, a.ref) {
			r.rt.SendFromGo(a.pid, func(h *heap.Heap) term.Term {
				return h.Tuple(vm.MakeRefOn(h, a.ref), term.AtomOk)
			})
		}
	default:
		r.fd.CloseNow()
	}
}

// resArg returns the fdRes a term refers to and its handle, or nil.
func resArg(env *term.Env, t term.Term) (*fdRes, uint32) {
	r, ok := env.Resource(t).(*fdRes)
	if !ok {
		return nil, 0
	}
	return r, uint32(env.W[t.Index()+2])
}

// errnoName returns the lower-case name of errno e, as file and inet
// errors name it.
func errnoName(e unix.Errno) string {
	if n := unix.ErrnoName(e); n != "" {
		return strings.ToLower(n)
	}
	return "eio"
}

// errTuple builds {error, Posix} for the negated errno res on h.
func errTuple(rt *vm.Runtime, h *heap.Heap, res int32) term.Term {
	return h.Tuple(term.AtomError, rt.Atom(errnoName(unix.Errno(-res))))
}

package vm

import (
	"errors"
	"fmt"

	"github.com/beamr/beamr/heap"
	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
)

// Each scheduler owns one completion ring, made the first time a process
// running on it submits an operation. Operations are queued during a slice
// and started together after it (one io_uring_enter per scheduler pass);
// completions are reaped after every slice and, when the scheduler has
// nothing to run, by waiting on the ring itself. A completion is handed to
// the IOHandler given at submission, on the scheduler goroutine that owns
// the ring; handlers typically post a message to the process that asked.

// IOHandler is told of the completion of an operation submitted with
// Process.SubmitIO or IOContext.Submit.
type IOHandler interface {
	// IODone runs on the goroutine of the scheduler whose ring ran the
	// operation, outside any process. c.Res is the result (a byte count, a
	// descriptor, 0 or -errno); arg is what the submitter passed. The
	// operation's buffers are the handler's again. IODone may submit further
	// operations through x and post messages (Runtime.PostBuilt); it must
	// not block.
	IODone(x *IOContext, c bio.Completion, arg uint64)
}

// IOContext gives a completion handler its runtime and the ring it runs on.
type IOContext struct {
	s      *scheduler
	parked bool // the scheduler is parked: wake others for new work
}

// from is the scheduler to credit with processes a handler wakes.
func (x *IOContext) from() *scheduler {
	if x.parked {
		return nil
	}
	return x.s
}

// Runtime returns the runtime.
func (x *IOContext) Runtime() *Runtime { return x.s.rt }

// SubmitIO queues op on the ring the handler runs on; h.IODone gets its
// completion with arg. See Process.SubmitIO.
func (x *IOContext) SubmitIO(op *bio.Op, h IOHandler, arg uint64) error {
	return x.s.io.submit(op, h, arg)
}

// ErrNoRing is returned by SubmitIO when the process is not running on a
// scheduler (it never happens to natives called from Erlang code).
var ErrNoRing = errors.New("vm: no completion ring outside a scheduler")

// SubmitIO queues op on the ring of the scheduler running p. The operation
// starts after p's slice at the latest; h.IODone receives its completion
// with arg. The op's buffers belong to the operation until then. Any number
// of operations may be submitted: those beyond the ring's capacity wait in
// a queue of the scheduler.
func (p *Process) SubmitIO(op *bio.Op, h IOHandler, arg uint64) error {
	s := p.sched()
	if s == nil {
		return ErrNoRing
	}
	if s.io == nil {
		if err := s.startIO(); err != nil {
			return err
		}
	}
	return s.io.submit(op, h, arg)
}

// IOBackend returns the name of the ring backend the runtime's schedulers
// use ("io_uring" or "threads"), making a ring to find out if none exists
// yet.
func (rt *Runtime) IOBackend() (string, error) {
	r, err := bio.New(bio.Options{Backend: rt.cfg.IO, Entries: 8})
	if err != nil {
		return "", err
	}
	defer r.Shutdown()
	return r.Backend(), nil
}

// schedIO is a scheduler's ring and the handlers of its operations.
type schedIO struct {
	rt      *Runtime
	ring    bio.CompletionRing
	pend    []ioPending // by user data
	free    []uint32    // free indices of pend
	backlog []ioBacklog // operations waiting for room in the ring
	queued  int         // submitted since the last Flush
	out     [64]bio.Completion
	x       IOContext
	scratch *heap.Heap // for messages handlers build (IOContext.Scratch)
}

type ioPending struct {
	h   IOHandler
	arg uint64
}

type ioBacklog struct {
	op  bio.Op
	idx uint32
}

// ringEntries is the capacity of a scheduler's ring.
const ringEntries = 8192

// startIO makes s's ring.
func (s *scheduler) startIO() error {
	r, err := bio.New(bio.Options{Backend: s.rt.cfg.IO, Entries: ringEntries})
	if err != nil {
		return fmt.Errorf("vm: completion ring: %w", err)
	}
	x := &schedIO{rt: s.rt, ring: r}
	x.x.s = s
	s.io = x
	s.ioPtr.Store(x)
	return nil
}

// submit queues op with its handler.
func (x *schedIO) submit(op *bio.Op, h IOHandler, arg uint64) error {
	var idx uint32
	if n := len(x.free); n > 0 {
		idx = x.free[n-1]
		x.free = x.free[:n-1]
	} else {
		idx = uint32(len(x.pend))
		x.pend = append(x.pend, ioPending{})
	}
	x.pend[idx] = ioPending{h: h, arg: arg}
	x.rt.ioBusy.Add(1)
	if len(x.backlog) > 0 {
		x.backlog = append(x.backlog, ioBacklog{op: *op, idx: idx})
		return nil
	}
	op.UserData = uint64(idx)
	if _, err := x.ring.Submit(op); err != nil {
		if errors.Is(err, bio.ErrRingFull) {
			x.backlog = append(x.backlog, ioBacklog{op: *op, idx: idx})
			return nil
		}
		x.pend[idx] = ioPending{}
		x.free = append(x.free, idx)
		x.rt.ioBusy.Add(-1)
		return err
	}
	x.queued++
	return nil
}

// poll starts what was queued and handles the completions available,
// without blocking.
func (x *schedIO) poll() {
	if x.queued > 0 {
		x.queued = 0
		x.ring.Flush()
	}
	if x.ring.Pending() == 0 {
		return
	}
	for {
		n := x.ring.Reap(x.out[:])
		if n == 0 {
			break
		}
		x.dispatch(n)
		if n < len(x.out) {
			break
		}
	}
	if x.queued > 0 {
		x.queued = 0
		x.ring.Flush()
	}
}

// dispatch hands the first n completions of x.out to their handlers.
func (x *schedIO) dispatch(n int) {
	for i := 0; i < n; i++ {
		c := x.out[i]
		idx := uint32(c.UserData)
		p := x.pend[idx]
		x.pend[idx] = ioPending{}
		x.free = append(x.free, idx)
		p.h.IODone(&x.x, c, p.arg)
		x.rt.ioBusy.Add(-1)
	}
	x.refill()
}

// refill moves operations of the backlog into the ring while it has room.
func (x *schedIO) refill() {
	k := 0
	for ; k < len(x.backlog); k++ {
		b := &x.backlog[k]
		b.op.UserData = uint64(b.idx)
		if _, err := x.ring.Submit(&b.op); err != nil {
			if errors.Is(err, bio.ErrRingFull) {
				break
			}
			// A malformed op cannot be here (it failed at submit);
			// complete it with the error so its handler runs.
			x.out[0] = bio.Completion{Res: -22, UserData: uint64(b.idx)}
			b.op = bio.Op{}
			x.backlog = x.backlog[k+1:]
			x.dispatch(1)
			return
		}
		b.op = bio.Op{}
		x.queued++
	}
	if k > 0 {
		x.backlog = append(x.backlog[:0], x.backlog[k:]...)
	}
}

// busy reports whether operations of this ring are in flight.
func (x *schedIO) busy() bool { return x.ring.Pending() > 0 || len(x.backlog) > 0 }

// waitParked is park's wait while operations are in flight: completions are
// handled as they come until another goroutine wakes s.
func (s *scheduler) waitParked() {
	x := s.io
	for {
		select {
		case <-s.wake:
			return
		default:
		}
		x.queued = 0 // Wait starts what is queued
		n, err := x.ring.Wait(x.out[:], -1)
		if err != nil {
			<-s.wake
			return
		}
		if n > 0 {
			x.x.parked = true
			x.dispatch(n)
			x.x.parked = false
			if x.queued > 0 {
				x.queued = 0
				x.ring.Flush()
			}
		}
		if !x.busy() {
			// Nothing in flight any more: sleep on the token alone.
			if ss := &s.rt.sched; int(ss.nidle.Load()) == len(ss.all) {
				s.rt.checkQuiet()
			}
			<-s.wake
			return
		}
	}
}

// stopIO shuts s's ring down when the scheduler ends: operations still in
// flight are cancelled and waited for; their handlers are not called.
func (s *scheduler) stopIO() {
	if s.io == nil {
		return
	}
	s.io.ring.Shutdown()
	s.io.rt.ioBusy.Add(-int64(len(s.io.pend) - len(s.io.free)))
}

// Scratch returns a heap on which a handler builds a message for Post.
func (x *IOContext) Scratch() *heap.Heap {
	io := x.s.io
	if io.scratch == nil {
		io.scratch = io.rt.scratchFor()
	}
	return io.scratch
}

// Post sends msg, built on Scratch (or an immediate), to the process pid
// and empties the scratch heap. It reports whether pid was alive; when it
// was not, the message is dropped and what it referred to released.
func (x *IOContext) Post(pid term.Term, msg term.Term) bool {
	rt := x.s.rt
	c, f := heap.CopyToFrag(rt.Arena, &rt.Env, msg)
	if h := x.s.io.scratch; h != nil {
		h.Reset()
	}
	return rt.post(pid, signal{kind: sigMsg, msg: c, frag: f}, x.from())
}

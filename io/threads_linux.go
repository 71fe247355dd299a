package io

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// tstate is where an operation of the thread backend is.
type tstate uint8

const (
	tFree    tstate = iota
	tQueued         // submitted, waiting for Flush
	tWork           // in the work queue
	tRunning        // a worker, the poller or Flush is executing it
	tPolling        // waiting in the poller for readiness or its deadline
	tDone           // completion posted, not reaped
)

// tslot is the thread backend's record of one operation.
type tslot struct {
	op         Op
	id         uint64
	state      tstate
	inPoll     bool  // listed in threads.polling
	polled     bool  // readiness was just reported: skip the readiness check
	cancelReq  bool  // a Cancel found it running: cancel it if it would wait
	connecting bool  // Connect got EINPROGRESS: the result is SO_ERROR
	stream     bool  // the descriptor refused an offset (ESPIPE)
	events     int16 // poll events awaited
	deadline   int64 // Timeout's expiry on the ring's monotonic clock
	done       int   // bytes moved so far by a MSG_WAITALL Recv or Send
	addrLen    uint32
	iov        []unix.Iovec
}

// threads is the thread backend. One mutex guards the slot table, the
// queues and every slot's state; a slot in state tRunning is otherwise
// touched only by whoever runs it.
//
// Operations that may block in the kernel for long (file I/O, open, statx,
// fsync, close) go to a fixed pool of worker goroutines. Socket operations
// are attempted without blocking (MSG_DONTWAIT, or a momentary O_NONBLOCK
// for accept and connect) inline in Flush and, when they would block, wait
// in one poller goroutine (ppoll over every waiting descriptor plus an
// eventfd) that retries them when ready. Read and Write at the current
// position on a descriptor that is not ready (pipes, terminals, sockets)
// wait in the poller too. Timeouts are deadlines in the poller. So waiting
// costs no worker, and anything waiting can be cancelled.
type threads struct {
	mu       sync.Mutex
	workCond sync.Cond
	slots    slotTable
	ops      []tslot
	queued   []uint64 // owner only: submitted, not flushed
	workq    []uint64
	workHead int
	polling  []uint64
	cq       []Completion // ring of unreaped completions
	cqHead   int
	cqLen    int
	stopping bool

	notify      chan struct{} // a completion was posted or Wake called
	wakePending atomic.Bool
	timer       *time.Timer
	pending     atomic.Int64
	pollFD      int // eventfd waking the poller
	flagMu      sync.Mutex
	base        time.Time
	closed      bool
	wg          sync.WaitGroup
}

func newThreads(opts Options) (CompletionRing, error) {
	pfd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return nil, fmt.Errorf("io: eventfd: %w", err)
	}
	r := &threads{
		slots:  newSlotTable(opts.Entries),
		ops:    make([]tslot, opts.Entries),
		cq:     make([]Completion, opts.Entries),
		notify: make(chan struct{}, 1),
		timer:  time.NewTimer(time.Hour),
		pollFD: pfd,
		base:   time.Now(),
	}
	r.timer.Stop()
	r.workCond.L = &r.mu
	r.wg.Add(opts.Workers + 1)
	for range opts.Workers {
		go r.worker()
	}
	go r.poller()
	return r, nil
}

func (r *threads) Backend() string { return BackendThreads }

func (r *threads) Pending() int { return int(r.pending.Load()) }

func (r *threads) now() int64 { return int64(time.Since(r.base)) }

func (r *threads) Submit(op *Op) (uint64, error) {
	if r.closed {
		return 0, ErrClosed
	}
	if err := op.validate(); err != nil {
		return 0, err
	}
	r.mu.Lock()
	idx, id, ok := r.slots.alloc()
	if !ok {
		r.mu.Unlock()
		return 0, ErrRingFull
	}
	s := &r.ops[idx]
	s.op = *op
	s.id = id
	s.state = tQueued
	r.mu.Unlock()
	r.queued = append(r.queued, id)
	r.pending.Add(1)
	return id, nil
}

// slot returns the slot of a live id; the caller holds r.mu.
func (r *threads) slot(id uint64) *tslot {
	idx, ok := r.slots.lookup(id)
	if !ok {
		return nil
	}
	return &r.ops[idx]
}

func (r *threads) Flush() error {
	if r.closed {
		return ErrClosed
	}
	if len(r.queued) == 0 {
		return nil
	}
	wakePoller := false
	r.mu.Lock()
	for _, id := range r.queued {
		s := r.slot(id)
		switch s.op.Kind {
		case Nop:
			r.completeLocked(s, 0)
		case Cancel:
			r.completeLocked(s, r.cancelLocked(s.op.Target))
			wakePoller = true
		case Timeout:
			s.deadline = r.now() + int64(s.op.Timeout)
			r.pollLocked(s, 0)
			wakePoller = true
		case Accept, Connect, Recv, Send:
			// Attempt at once, like io_uring's inline issue, so that a
			// Cancel later in the batch finds the op waiting or done.
			s.state = tRunning
			r.mu.Unlock()
			res, events, done := r.attemptSocket(s)
			r.mu.Lock()
			if !done {
				wakePoller = true
			}
			r.resolveLocked(s, res, events, done)
		default:
			r.queueWorkLocked(s)
		}
	}
	r.mu.Unlock()
	r.queued = r.queued[:0]
	if wakePoller {
		r.wakePoller()
	}
	return nil
}

func (r *threads) queueWorkLocked(s *tslot) {
	s.state = tWork
	r.workq = append(r.workq, s.id)
	r.workCond.Signal()
}

// cancelLocked carries out a Cancel of target and returns the Cancel's
// result.
func (r *threads) cancelLocked(target uint64) int32 {
	s := r.slot(target)
	if s == nil {
		return -int32(unix.ENOENT)
	}
	switch s.state {
	case tWork, tPolling:
		r.completeLocked(s, -int32(unix.ECANCELED))
		return 0
	case tRunning:
		s.cancelReq = true
		return -int32(unix.EALREADY)
	}
	return -int32(unix.ENOENT) // not issued yet, or finished
}

// resolveLocked records the outcome of running s: finished with res, or
// waiting for events.
func (r *threads) resolveLocked(s *tslot, res int32, events int16, finished bool) {
	switch {
	case finished:
		r.completeLocked(s, res)
	case s.cancelReq || r.stopping:
		r.completeLocked(s, -int32(unix.ECANCELED))
	default:
		r.pollLocked(s, events)
	}
}

// pollLocked hands s to the poller. The caller wakes the poller unless it
// is the poller.
func (r *threads) pollLocked(s *tslot, events int16) {
	s.state = tPolling
	s.events = events
	if !s.inPoll {
		s.inPoll = true
		r.polling = append(r.polling, s.id)
	}
}

func (r *threads) completeLocked(s *tslot, res int32) {
	s.state = tDone
	i := (r.cqHead + r.cqLen) % len(r.cq)
	r.cq[i] = Completion{ID: s.id, Res: res, UserData: s.op.UserData}
	r.cqLen++
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

func (r *threads) wakePoller() {
	one := [8]byte{1}
	_, _ = unix.Write(r.pollFD, one[:])
}

func (r *threads) Reap(out []Completion) int {
	if r.closed {
		return 0
	}
	return r.reap(out, false)
}

// reap pops completions into out, or with discard pops them all, closing
// the descriptors they carry.
func (r *threads) reap(out []Completion, discard bool) int {
	r.mu.Lock()
	n := 0
	for r.cqLen > 0 && (discard || n < len(out)) {
		c := r.cq[r.cqHead]
		r.cqHead = (r.cqHead + 1) % len(r.cq)
		r.cqLen--
		idx := uint32(c.ID)
		s := &r.ops[idx]
		if discard {
			closeProduced(s.op.Kind, c.Res)
		} else {
			out[n] = c
			n++
		}
		*s = tslot{iov: clearIovecs(s.iov)}
		r.slots.release(idx)
		r.pending.Add(-1)
	}
	r.mu.Unlock()
	return n
}

func (r *threads) Wait(out []Completion, timeout time.Duration) (int, error) {
	if r.closed {
		return 0, ErrClosed
	}
	defer r.wakePending.Swap(false)
	if err := r.Flush(); err != nil {
		return 0, err
	}
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		if n := r.reap(out, false); n > 0 || r.wakePending.Load() || timeout == 0 {
			return n, nil
		}
		if timeout < 0 {
			<-r.notify
			continue
		}
		wait := time.Until(deadline)
		if wait <= 0 {
			return 0, nil
		}
		r.timer.Reset(wait)
		select {
		case <-r.notify:
			r.timer.Stop()
		case <-r.timer.C:
		}
	}
}

func (r *threads) Wake() {
	if r.wakePending.Swap(true) {
		return
	}
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

func (r *threads) Shutdown() error {
	if r.closed {
		return nil
	}
	r.closed = true
	r.mu.Lock()
	for i := range r.ops {
		s := &r.ops[i]
		switch s.state {
		case tQueued, tWork, tPolling:
			r.completeLocked(s, -int32(unix.ECANCELED))
		case tRunning:
			s.cancelReq = true
		}
	}
	r.queued = r.queued[:0]
	r.stopping = true
	r.workCond.Broadcast()
	r.mu.Unlock()
	r.wakePoller()

	done := make(chan struct{})
	go func() {
		r.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(shutdownGrace):
		n := r.pending.Load()
		leakedMu.Lock()
		leaked = append(leaked, r)
		leakedMu.Unlock()
		return fmt.Errorf("io: shutdown: %d operations did not complete in %v; their buffers are kept forever", n, shutdownGrace)
	}
	r.reap(nil, true)
	_ = unix.Close(r.pollFD)
	return nil
}

package io

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// User data of the ring's own requests; operation ids never have bit 63 set.
const (
	wakeUserData   = internal | 1 // the read armed on the wake eventfd
	cancelUserData = internal | 2 // Shutdown's cancellations
)

// uslot is the io_uring backend's record of one operation. Everything the
// kernel may read or write for the operation lives here or is referenced
// from here until the completion is reaped.
type uslot struct {
	op         Op
	ts         kernelTimespec // Timeout's duration
	addrLen    uint32         // Accept's in/out address length
	iov        []unix.Iovec   // Readv/Writev vector, reused across operations
	cancelSent bool           // Shutdown already asked to cancel it
}

// uring is the io_uring backend.
//
// Submission: Submit writes the entry at sqTail&sqMask of the mmap'd SQE
// array (the SQ index array is filled with the identity once at setup) and
// advances a private tail. Flush stores the tail into the shared ring with
// an atomic (release) store and calls io_uring_enter once with the number of
// entries the kernel has not consumed yet.
//
// Completion: Reap loads the shared CQ tail atomically (acquire), copies the
// entries between its head and the tail, and publishes the new head with an
// atomic store, after which the kernel may reuse those entries.
//
// Sizing: the SQ has twice Entries slots and the CQ four times, so neither
// can fill up: at most Entries operations are unreaped, each posting exactly
// one completion, plus the wake read and at most Entries cancellations from
// Shutdown.
//
// Waiting: a read on an eventfd is kept armed in the ring. Wait calls
// io_uring_enter with GETEVENTS, min_complete 1 and (with EXT_ARG) a
// timeout; Wake writes the eventfd, so the read completes, a CQE is posted
// and the waiting io_uring_enter returns. Wake only writes the eventfd when
// the owner has announced it is about to sleep (a Dekker-style pair of
// atomics, see Wait), so waking a busy owner costs no system call.
type uring struct {
	fd      int
	ringMem []byte // SQ and CQ rings (one mapping: IORING_FEAT_SINGLE_MMAP)
	sqeMem  []byte

	sqHead, sqTail *uint32
	sqFlags        *uint32 // set with setupTaskrunFlag (see Reap)
	sqMask         uint32
	sqEntries      uint32
	sqes           []sqe
	tail           uint32 // private SQ tail, published by Flush

	cqHead, cqTail *uint32
	cqMask         uint32
	cqes           []cqe

	slots   slotTable
	ops     []uslot
	pending atomic.Int64

	wakeFD      int
	wakeBuf     [8]byte
	wakeArmed   bool // a read on wakeFD is queued or in flight
	wakeMu      sync.RWMutex
	sleeping    atomic.Bool
	wakePending atomic.Bool

	arg    getEventsArg
	ts     kernelTimespec
	enters int // io_uring_enter calls made, for tests

	closed   bool
	shutdown atomic.Bool
}

// leaked keeps rings whose Shutdown gave up waiting, so the buffers the
// kernel may still touch (referenced from their slots) are never collected.
var (
	leakedMu sync.Mutex
	leaked   []any
)

func newIOUring(opts Options) (CompletionRing, error) {
	r := &uring{fd: -1, wakeFD: -1}
	if err := r.setup(opts.Entries); err != nil {
		r.release()
		return nil, err
	}
	return r, nil
}

func (r *uring) setup(entries int) error {
	// Kernels before 5.19 do not know COOP_TASKRUN, before 5.18
	// SUBMIT_ALL: try the newest set first.
	var p uringParams
	var fd uintptr
	var errno unix.Errno
	for _, flags := range []uint32{
		setupCQSize | setupSubmitAll | setupCoopTaskrun | setupTaskrunFlag,
		setupCQSize | setupSubmitAll,
		setupCQSize,
	} {
		p = uringParams{flags: flags, cqEntries: uint32(4 * entries)}
		fd, _, errno = unix.Syscall(unix.SYS_IO_URING_SETUP, uintptr(2*entries), uintptr(unsafe.Pointer(&p)), 0)
		if errno != unix.EINVAL {
			break
		}
	}
	if errno != 0 {
		return fmt.Errorf("io: io_uring_setup: %w", errno)
	}
	r.fd = int(fd)
	need := uint32(featSingleMmap | featNodrop | featRWCurPos | featExtArg)
	if p.features&need != need {
		return fmt.Errorf("io: io_uring lacks features %#x (needs Linux 5.11 or later)", need&^p.features)
	}

	sqSize := int(p.sqOff.array) + int(p.sqEntries)*4
	cqSize := int(p.cqOff.cqes) + int(p.cqEntries)*int(unsafe.Sizeof(cqe{}))
	size := max(sqSize, cqSize)
	mem, err := unix.Mmap(r.fd, offSQRing, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED|unix.MAP_POPULATE)
	if err != nil {
		return fmt.Errorf("io: mapping io_uring rings: %w", err)
	}
	r.ringMem = mem
	sqeMem, err := unix.Mmap(r.fd, offSQEs, int(p.sqEntries)*int(unsafe.Sizeof(sqe{})), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED|unix.MAP_POPULATE)
	if err != nil {
		return fmt.Errorf("io: mapping io_uring entries: %w", err)
	}
	r.sqeMem = sqeMem

	base := unsafe.Pointer(&mem[0])
	u32 := func(off uint32) *uint32 { return (*uint32)(unsafe.Add(base, off)) }
	r.sqHead, r.sqTail = u32(p.sqOff.head), u32(p.sqOff.tail)
	if p.flags&setupTaskrunFlag != 0 {
		r.sqFlags = u32(p.sqOff.flags)
	}
	r.sqMask, r.sqEntries = *u32(p.sqOff.ringMask), *u32(p.sqOff.ringEntries)
	array := unsafe.Slice(u32(p.sqOff.array), r.sqEntries)
	for i := range array {
		array[i] = uint32(i)
	}
	r.sqes = unsafe.Slice((*sqe)(unsafe.Pointer(&sqeMem[0])), r.sqEntries)
	r.tail = atomic.LoadUint32(r.sqTail)
	r.cqHead, r.cqTail = u32(p.cqOff.head), u32(p.cqOff.tail)
	r.cqMask = *u32(p.cqOff.ringMask)
	r.cqes = unsafe.Slice((*cqe)(unsafe.Add(base, p.cqOff.cqes)), *u32(p.cqOff.ringEntries))
	if r.sqEntries < uint32(2*entries) || len(r.cqes) < 4*entries {
		return fmt.Errorf("io: io_uring granted %d/%d entries, asked %d/%d", r.sqEntries, len(r.cqes), 2*entries, 4*entries)
	}

	wfd, err := unix.Eventfd(0, unix.EFD_CLOEXEC)
	if err != nil {
		return fmt.Errorf("io: eventfd: %w", err)
	}
	r.wakeFD = wfd
	r.slots = newSlotTable(entries)
	r.ops = make([]uslot, entries)
	r.armWake()
	return nil
}

// release unmaps and closes whatever setup created.
func (r *uring) release() {
	for _, m := range [][]byte{r.sqeMem, r.ringMem} {
		if m != nil {
			_ = unix.Munmap(m)
		}
	}
	r.sqeMem, r.ringMem = nil, nil
	r.sqes, r.cqes = nil, nil
	if r.fd >= 0 {
		_ = unix.Close(r.fd)
		r.fd = -1
	}
	r.wakeMu.Lock()
	if r.wakeFD >= 0 {
		_ = unix.Close(r.wakeFD)
		r.wakeFD = -1
	}
	r.wakeMu.Unlock()
}

func (r *uring) Backend() string { return BackendIOUring }

func (r *uring) Pending() int { return int(r.pending.Load()) }

// nextSQE returns the next free submission entry, or nil if the SQ is full.
func (r *uring) nextSQE() *sqe {
	if r.tail-atomic.LoadUint32(r.sqHead) >= r.sqEntries {
		return nil
	}
	e := &r.sqes[r.tail&r.sqMask]
	r.tail++
	return e
}

// armWake queues a read of the wake eventfd.
func (r *uring) armWake() {
	e := r.nextSQE()
	if e == nil {
		return // retried by the next reap of a completion
	}
	*e = sqe{opcode: opRead, fd: int32(r.wakeFD), addr: uint64(uintptr(unsafe.Pointer(&r.wakeBuf[0]))),
		len: uint32(len(r.wakeBuf)), off: ^uint64(0), userData: wakeUserData}
	r.wakeArmed = true
}

func (r *uring) Submit(op *Op) (uint64, error) {
	if r.closed {
		return 0, ErrClosed
	}
	if err := op.validate(); err != nil {
		return 0, err
	}
	idx, id, ok := r.slots.alloc()
	if !ok {
		return 0, ErrRingFull
	}
	e := r.nextSQE()
	if e == nil {
		r.slots.release(idx)
		return 0, ErrRingFull
	}
	s := &r.ops[idx]
	s.op = *op
	s.cancelSent = false
	prepSQE(e, s, id)
	r.pending.Add(1)
	return id, nil
}

// enter publishes the SQ tail and calls io_uring_enter, retrying on EINTR.
// It returns the errno of the call (ETIME when a wait timed out).
func (r *uring) enter(minComplete uint32, flags uint32, timeout time.Duration) unix.Errno {
	atomic.StoreUint32(r.sqTail, r.tail)
	argp, argsz := uintptr(0), uintptr(0)
	if flags&enterGetEvents != 0 {
		flags |= enterExtArg
		r.arg = getEventsArg{}
		if timeout >= 0 {
			toTimespec(&r.ts, int64(timeout))
			r.arg.ts = uint64(uintptr(unsafe.Pointer(&r.ts)))
		}
		argp, argsz = uintptr(unsafe.Pointer(&r.arg)), unsafe.Sizeof(r.arg)
	}
	for {
		toSubmit := r.tail - atomic.LoadUint32(r.sqHead)
		if toSubmit == 0 && flags&enterGetEvents == 0 {
			return 0
		}
		r.enters++
		_, _, errno := unix.Syscall6(unix.SYS_IO_URING_ENTER, uintptr(r.fd), uintptr(toSubmit),
			uintptr(minComplete), uintptr(flags), argp, argsz)
		if errno != unix.EINTR {
			return errno
		}
		if flags&enterGetEvents != 0 {
			return errno // the caller recomputes its timeout
		}
	}
}

func (r *uring) Flush() error {
	if r.closed {
		return ErrClosed
	}
	if errno := r.enter(0, 0, 0); errno != 0 {
		return fmt.Errorf("io: io_uring_enter: %w", errno)
	}
	return nil
}

func (r *uring) Reap(out []Completion) int {
	if r.closed {
		return 0
	}
	if r.sqFlags != nil && atomic.LoadUint32(r.sqFlags)&sqTaskrun != 0 {
		// Completions wait for this thread to enter the kernel: let
		// them post (GETEVENTS with min_complete 0 does not sleep).
		r.enter(0, enterGetEvents, -1)
	}
	return r.reap(out, false)
}

// reap harvests completions into out. With discard it also takes
// completions when out is full, closing the descriptors they carry.
func (r *uring) reap(out []Completion, discard bool) int {
	head := *r.cqHead // only this side writes the head
	tail := atomic.LoadUint32(r.cqTail)
	n := 0
	for ; head != tail && (discard || n < len(out)); head++ {
		c := &r.cqes[head&r.cqMask]
		ud, res, flags := c.userData, c.res, c.flags
		if ud&internal != 0 {
			if ud == wakeUserData {
				r.wakeArmed = false
				if !r.shutdown.Load() {
					r.armWake()
				}
			}
			continue
		}
		idx, ok := r.slots.lookup(ud)
		if !ok {
			continue // cannot happen: every id in flight holds its slot
		}
		s := &r.ops[idx]
		if discard {
			closeProduced(s.op.Kind, res)
		} else {
			out[n] = Completion{ID: ud, Res: res, Flags: flags, UserData: s.op.UserData}
			n++
		}
		s.op = Op{}
		s.iov = clearIovecs(s.iov)
		r.slots.release(idx)
		r.pending.Add(-1)
	}
	atomic.StoreUint32(r.cqHead, head)
	return n
}

// closeProduced closes the descriptor a discarded completion created.
func closeProduced(k OpKind, res int32) {
	if res >= 0 && (k == Openat || k == Accept) {
		_ = unix.Close(int(res))
	}
}

func (r *uring) Wait(out []Completion, timeout time.Duration) (int, error) {
	if r.closed {
		return 0, ErrClosed
	}
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	// Announce the sleep before checking for a pending wake: a Wake that
	// misses sleeping has set wakePending before we look at it.
	r.sleeping.Store(true)
	defer func() {
		r.sleeping.Store(false)
		// Swap, not Store: reading the wakers' writes orders their earlier
		// state changes before whatever the caller checks next.
		r.wakePending.Swap(false)
	}()
	for {
		if n := r.reap(out, false); n > 0 || r.wakePending.Load() || timeout == 0 {
			if err := r.Flush(); err != nil {
				return n, err
			}
			return n, nil
		}
		wait := time.Duration(-1)
		if timeout > 0 {
			wait = time.Until(deadline)
			if wait <= 0 {
				return 0, r.Flush()
			}
		}
		if !r.wakeArmed {
			r.armWake() // normally re-armed as soon as its completion is reaped
		}
		errno := r.enter(1, enterGetEvents, wait)
		switch errno {
		case 0, unix.ETIME, unix.EINTR:
		default:
			return 0, fmt.Errorf("io: io_uring_enter: %w", errno)
		}
		n := r.reap(out, false)
		if n > 0 || errno != unix.EINTR {
			// Without an error the kernel posted a completion: one of ours,
			// or the wake read's, which means Wake was called.
			return n, nil
		}
	}
}

func (r *uring) Wake() {
	if r.wakePending.Swap(true) {
		return // an earlier Wake has not been consumed yet
	}
	if !r.sleeping.Load() {
		return // the owner sees wakePending before it sleeps
	}
	r.wakeMu.RLock()
	if r.wakeFD >= 0 {
		var one = [8]byte{1}
		_, _ = unix.Write(r.wakeFD, one[:])
	}
	r.wakeMu.RUnlock()
}

func (r *uring) Shutdown() error {
	if r.closed {
		return nil
	}
	r.closed = true
	r.shutdown.Store(true)
	deadline := time.Now().Add(shutdownGrace)
	for r.pending.Load() > 0 || r.wakeArmed {
		// Ask the kernel to cancel everything not yet asked about.
		for i := range r.ops {
			s := &r.ops[i]
			if !r.slots.used[i] || s.cancelSent {
				continue
			}
			e := r.nextSQE()
			if e == nil {
				break
			}
			id := uint64(r.slots.gen[i])<<genShift | uint64(i)
			*e = sqe{opcode: opAsyncCancel, fd: -1, addr: id, userData: cancelUserData}
			s.cancelSent = true
		}
		if r.wakeArmed {
			if e := r.nextSQE(); e != nil {
				*e = sqe{opcode: opAsyncCancel, fd: -1, addr: wakeUserData, userData: cancelUserData}
			}
		}
		wait := time.Until(deadline)
		if wait <= 0 {
			return r.abandon()
		}
		errno := r.enter(1, enterGetEvents, min(wait, 100*time.Millisecond))
		if errno != 0 && errno != unix.ETIME && errno != unix.EINTR && errno != unix.EBUSY {
			err := r.abandon()
			return errors.Join(fmt.Errorf("io: io_uring_enter during shutdown: %w", errno), err)
		}
		r.reap(nil, true)
	}
	r.release()
	return nil
}

// abandon gives up on operations that did not complete: the kernel cancels
// them when the ring is closed, but their buffers stay referenced forever.
func (r *uring) abandon() error {
	n := r.pending.Load()
	leakedMu.Lock()
	leaked = append(leaked, r)
	leakedMu.Unlock()
	r.release()
	return fmt.Errorf("io: shutdown: %d operations did not complete in %v; their buffers are kept forever", n, shutdownGrace)
}

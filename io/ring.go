package io

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// CompletionRing is a queue of asynchronous operations and their
// completions. Submit, Flush, Reap, Wait and Shutdown belong to the ring's
// owner and must not run concurrently with each other; Wake, Pending and
// Backend are safe from any goroutine.
type CompletionRing interface {
	// Submit queues op and returns its id, a nonzero number unique among the
	// ring's unreaped operations. It makes no system call: the operation
	// starts at the next Flush or Wait. It fails with ErrRingFull when
	// Options.Entries operations are already unreaped, with an error
	// wrapping ErrInvalidOp for a malformed op, and with ErrClosed after
	// Shutdown. The op's buffers belong to the ring until its completion is
	// reaped.
	Submit(op *Op) (id uint64, err error)
	// Flush starts every queued operation; on io_uring that is one
	// io_uring_enter system call (none when nothing is queued). On error the
	// operations not yet taken stay queued for the next Flush.
	Flush() error
	// Reap copies up to len(out) available completions into out and returns
	// how many. It never blocks and makes no system call on io_uring. After
	// an operation's completion has been reaped its id is dead and its
	// buffers are the caller's again.
	Reap(out []Completion) int
	// Wait flushes queued operations, then blocks until at least one
	// completion is available, Wake is called, or timeout passes (a negative
	// timeout waits without limit, zero does not block), and reaps like Reap.
	// It may return 0 completions with a nil error: on timeout, after a Wake,
	// or spuriously; callers re-check their own state and loop.
	Wait(out []Completion, timeout time.Duration) (int, error)
	// Wake makes a Wait in progress return promptly, or if none is in
	// progress, the next Wait. Wakes that arrive before Wait returns are
	// merged. Safe from any goroutine; cheap while the owner is not waiting.
	Wake()
	// Pending returns the number of operations submitted whose completions
	// have not been reaped yet.
	Pending() int
	// Shutdown cancels every operation in flight, waits until each has
	// completed (so no buffer is still in the kernel's hands), discards the
	// unreaped completions — closing any descriptor an Openat or Accept
	// among them produced — and releases the ring. If some operation does not
	// finish within a few seconds it returns an error and keeps that
	// operation's buffers referenced forever rather than release them early.
	// Later calls return nil; other methods then fail with ErrClosed or do
	// nothing.
	Shutdown() error
	// Backend names the implementation: "io_uring", "threads" or "mock".
	Backend() string
}

// Backend names, for Options.Backend, the BEAMR_IO environment variable and
// CompletionRing.Backend.
const (
	BackendAuto    = ""
	BackendIOUring = "io_uring"
	BackendThreads = "threads"
	BackendMock    = "mock"
)

// EnvBackend is the environment variable consulted when Options.Backend is
// BackendAuto: "threads" forces the thread backend, "io_uring" forces
// io_uring (New fails if it cannot be set up), "" or "auto" chooses.
const EnvBackend = "BEAMR_IO"

// DefaultEntries is the number of unreaped operations a ring holds when
// Options.Entries is 0.
const DefaultEntries = 4096

// MaxEntries is the largest Options.Entries accepted.
const MaxEntries = 16384

// DefaultWorkers is the thread backend's pool size when Options.Workers is 0.
const DefaultWorkers = 4

// shutdownGrace bounds how long Shutdown waits for operations to finish.
const shutdownGrace = 5 * time.Second

// Options configure New.
type Options struct {
	// Backend is BackendAuto (use EnvBackend, else io_uring when it can be
	// set up, else threads), BackendIOUring or BackendThreads.
	Backend string
	// Entries is the most operations submitted and not yet reaped
	// (0 means DefaultEntries, at most MaxEntries).
	Entries int
	// Workers is the thread backend's number of goroutines doing blocking
	// file system calls (0 means DefaultWorkers).
	Workers int
}

var (
	// ErrRingFull is returned by Submit when Options.Entries operations are
	// unreaped; reap completions and retry.
	ErrRingFull = errors.New("io: ring full")
	// ErrClosed is returned by methods called after Shutdown.
	ErrClosed = errors.New("io: ring shut down")
	// ErrUnsupported is returned by New when no backend works on this system.
	ErrUnsupported = errors.New("io: no completion ring backend for this system")
)

// New creates a completion ring. With Options.Backend BackendAuto it reads
// EnvBackend; when that is unset it tries io_uring and falls back to the
// thread backend if io_uring cannot be set up (old kernel, ENOSYS, EPERM
// from kernel.io_uring_disabled or seccomp, missing features).
func New(opts Options) (CompletionRing, error) {
	if opts.Entries == 0 {
		opts.Entries = DefaultEntries
	}
	if opts.Entries < 1 || opts.Entries > MaxEntries {
		return nil, fmt.Errorf("io: %d entries, want 1..%d", opts.Entries, MaxEntries)
	}
	if opts.Workers == 0 {
		opts.Workers = DefaultWorkers
	}
	if opts.Workers < 1 || opts.Workers > 1024 {
		return nil, fmt.Errorf("io: %d workers, want 1..1024", opts.Workers)
	}
	backend := opts.Backend
	if backend == BackendAuto {
		backend = os.Getenv(EnvBackend)
	}
	switch backend {
	case BackendAuto, "auto":
		r, err := newIOUring(opts)
		if err == nil {
			return r, nil
		}
		return newThreads(opts)
	case BackendIOUring, "uring":
		return newIOUring(opts)
	case BackendThreads:
		return newThreads(opts)
	}
	return nil, fmt.Errorf("io: unknown backend %q (want %q or %q)", backend, BackendIOUring, BackendThreads)
}

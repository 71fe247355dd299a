// Package io is beamr's completion ring: file and socket operations are
// submitted as Ops, handed to the kernel in batches, and come back later as
// Completions carrying the operation's id and its result.
//
// Importers usually alias it, since it shares its name with the standard
// library's io:
//
//	import bio "github.com/beamr/beamr/io"
//
// # Backends
//
// New picks one of two implementations of CompletionRing with the same
// observable behaviour:
//
//   - "io_uring": Linux io_uring driven directly through system calls. Submit
//     writes a submission queue entry into the shared ring; Flush publishes
//     everything queued with one io_uring_enter; Reap reads the completion
//     queue without any system call. Nothing is allocated per operation.
//   - "threads": a fallback for kernels without io_uring (or with it disabled
//     by sysctl or seccomp). File operations run on a small fixed pool of
//     goroutines; socket operations and timeouts wait in one poller goroutine
//     (ppoll on every waiting descriptor plus an eventfd), so a thousand
//     sockets waiting for data cost no threads and can all be cancelled.
//
// NewMock returns a third implementation for unit tests that records the
// operations and lets the test complete them.
//
// # Results
//
// Completion.Res is what the corresponding system call returns: a byte count,
// a new file descriptor, 0, or a negated errno (-2 is ENOENT, -125 ECANCELED,
// -62 ETIME for an expired Timeout). Both backends produce the same values for
// the same situation; Completion.Flags carries io_uring's IORING_CQE_F_* hints
// and is always 0 on the thread backend.
//
// # Ownership and threading
//
// A ring has one owner: Submit, Flush, Reap, Wait and Shutdown must not be
// called concurrently (a scheduler loop, ideally locked to its OS thread,
// calls them). Wake, Pending and Backend may be called from any goroutine.
//
// Every byte slice an Op refers to (Buf, Bufs, Path, Addr) belongs to the
// operation from Submit until its Completion has been returned by Reap or
// Wait — also when the operation was cancelled or the ring is shutting down.
// The ring keeps the slices referenced for that long, so they stay alive,
// and the caller must neither read nor reuse them before then. Go's
// collector does not move heap objects, so the addresses handed to the
// kernel stay valid.
//
// # Cancellation
//
// A Cancel op names the id of an earlier op. It completes with 0 when the
// target was stopped (the target then completes with -ECANCELED), -ENOENT
// when the target is unknown or already finished, and -EALREADY when the
// target is already executing; such a target completes normally (or with
// -ECANCELED if it had been about to wait). The target always produces its
// own completion: a cancel never ends the target's ownership of its buffers.
//
// Closing a descriptor does not cancel the operations waiting on it: cancel
// them first (or shut the socket down, which ends a waiting Recv with 0).
// Until then io_uring keeps them waiting, while the thread backend
// completes them with -EBADF once its poller notices the descriptor is gone.
//
// # Known differences between the backends
//
//   - Flags are always 0 on the thread backend (io_uring may set
//     IORING_CQE_F_SOCK_NONEMPTY on Recv and Accept).
//   - Races resolve differently: a Cancel of an operation that is completing
//     at that moment may get -ENOENT from one backend and -EALREADY or 0
//     from the other. Results for operations that are clearly waiting or
//     clearly finished are the same.
//   - The thread backend runs Accept and Connect on a blocking socket by
//     setting O_NONBLOCK for the duration of the system call; a Write of
//     more than fits into a blocking pipe may hold a worker until a reader
//     drains it. Timeouts there have the precision of ppoll.
//   - On io_uring, requests are tied to the OS thread that submitted them:
//     a goroutine that calls Flush or Wait while locked to its thread must
//     not exit still locked (Go would then end the thread).
package io

package io

import (
	"errors"
	"fmt"
	"time"
)

// OpKind names an operation.
type OpKind uint8

// The operation kinds. The Op fields each kind reads are listed with it;
// Flags and Mode are passed to the kernel unchanged.
const (
	// Nop does nothing and completes with 0.
	Nop OpKind = iota
	// Openat opens Path relative to the directory FD (AT_FDCWD = -100 for
	// the working directory) with open(2) Flags and creation Mode. Res is the
	// new descriptor.
	Openat
	// Read reads up to len(Buf) bytes from FD at offset Off, or at the
	// descriptor's current position (advancing it) when Off is -1.
	Read
	// Write writes Buf to FD at offset Off, or at the current position when
	// Off is -1.
	Write
	// Readv reads into the buffers of Bufs in order (preadv(2), Off as for
	// Read).
	Readv
	// Writev writes the buffers of Bufs in order (pwritev(2), Off as for
	// Write).
	Writev
	// Fsync flushes FD to storage; Flags FsyncDatasync asks for fdatasync.
	Fsync
	// Statx fills Buf (at least StatxSize bytes) with a struct statx for Path
	// relative to the directory FD. Flags holds AT_* flags (AT_EMPTY_PATH
	// with Path "\x00" stats FD itself) and Mode the STATX_* mask (0 means
	// STATX_BASIC_STATS). Decode Buf with ParseStatx.
	Statx
	// Close closes FD.
	Close
	// Accept accepts a connection on the listening socket FD with accept4(2)
	// Flags (SOCK_NONBLOCK, SOCK_CLOEXEC). The peer's address is written to
	// Addr (may be nil; SockaddrSize bytes hold any address). Res is the new
	// descriptor. It waits for a connection even on a non-blocking socket.
	Accept
	// Connect connects the socket FD to the raw sockaddr in Addr, waiting
	// for the handshake even on a non-blocking socket.
	Connect
	// Recv receives up to len(Buf) bytes from the socket FD with recv(2)
	// Flags, waiting for data even on a non-blocking socket unless Flags
	// holds MSG_DONTWAIT. Res 0 means the peer closed its side.
	Recv
	// Send sends Buf on the socket FD with send(2) Flags; MSG_NOSIGNAL is
	// always added. It waits for buffer space like Recv waits for data.
	Send
	// Shutdown shuts down the socket FD; Flags holds how (SHUT_RD = 0,
	// SHUT_WR = 1, SHUT_RDWR = 2).
	Shutdown
	// Cancel asks that the operation with id Target stop. See the package
	// documentation for its results.
	Cancel
	// Timeout completes with -ETIME once Timeout has passed (or -ECANCELED
	// if cancelled first).
	Timeout

	numKinds
)

var kindNames = [numKinds]string{"nop", "openat", "read", "write", "readv", "writev",
	"fsync", "statx", "close", "accept", "connect", "recv", "send", "shutdown",
	"cancel", "timeout"}

// String returns the lower-case name of the kind.
func (k OpKind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("opkind(%d)", uint8(k))
}

// FsyncDatasync in Op.Flags makes Fsync an fdatasync.
const FsyncDatasync = 1

// StatxSize is the size of the kernel's struct statx: the least len(Buf) a
// Statx op accepts.
const StatxSize = 256

// maxIO caps one transfer so the byte count fits Res (the kernel caps a
// single transfer a little lower anyway).
const maxIO = 1<<31 - 1

// maxIovecs is IOV_MAX, the most buffers one Readv or Writev may name.
const maxIovecs = 1024

// Op is one operation to submit. Which fields matter depends on Kind (see the
// OpKind constants); the others are ignored. Submit copies the Op, so the
// caller may reuse the struct at once, but not the slices it points to:
// those belong to the operation until its completion is reaped.
type Op struct {
	Kind OpKind
	// FD is the descriptor operated on, or the directory for Openat and
	// Statx.
	FD int32
	// Flags holds the kind's flags (open, recv/send, accept4, AT_*, fsync or
	// shutdown's how).
	Flags uint32
	// Mode is Openat's creation mode or Statx's mask.
	Mode uint32
	// Off is the file offset for Read, Write, Readv and Writev; -1 means the
	// descriptor's current position.
	Off int64
	// Buf is the data buffer of Read, Write, Recv, Send and Statx.
	Buf []byte
	// Bufs are the buffers of Readv and Writev.
	Bufs [][]byte
	// Path is a NUL-terminated path for Openat and Statx.
	Path []byte
	// Addr is the raw sockaddr for Connect, or Accept's buffer receiving the
	// peer address.
	Addr []byte
	// Target is the id of the operation a Cancel stops.
	Target uint64
	// Timeout is how long a Timeout op waits.
	Timeout time.Duration
	// UserData is returned untouched in the operation's Completion.
	UserData uint64
}

// Completion reports the end of one operation.
type Completion struct {
	// ID is the id Submit returned for the operation.
	ID uint64
	// Res is the system call's result: a byte count, a new descriptor, 0, or
	// a negated errno.
	Res int32
	// Flags are io_uring's IORING_CQE_F_* hints (0 on the thread backend).
	Flags uint32
	// UserData is the operation's Op.UserData.
	UserData uint64
}

// ErrInvalidOp is wrapped by Submit's error for an Op that cannot be
// submitted (unknown kind, missing NUL terminator, buffer too small or too
// large). Nothing is queued in that case.
var ErrInvalidOp = errors.New("io: invalid operation")

// validate checks what Submit can check without a system call. It allocates
// only when it fails.
func (op *Op) validate() error {
	switch op.Kind {
	case Nop, Fsync, Close, Shutdown:
	case Openat:
		if !nulTerminated(op.Path) {
			return fmt.Errorf("%w: openat path must end with a NUL byte", ErrInvalidOp)
		}
	case Statx:
		if !nulTerminated(op.Path) {
			return fmt.Errorf("%w: statx path must end with a NUL byte", ErrInvalidOp)
		}
		if len(op.Buf) < StatxSize {
			return fmt.Errorf("%w: statx buffer has %d bytes, needs %d", ErrInvalidOp, len(op.Buf), StatxSize)
		}
	case Read, Write, Recv, Send:
		if len(op.Buf) > maxIO {
			return fmt.Errorf("%w: %v of %d bytes exceeds %d", ErrInvalidOp, op.Kind, len(op.Buf), maxIO)
		}
		if op.Off < -1 && (op.Kind == Read || op.Kind == Write) {
			return fmt.Errorf("%w: %v offset %d", ErrInvalidOp, op.Kind, op.Off)
		}
	case Readv, Writev:
		if len(op.Bufs) > maxIovecs {
			return fmt.Errorf("%w: %v of %d buffers exceeds %d", ErrInvalidOp, op.Kind, len(op.Bufs), maxIovecs)
		}
		total := 0
		for _, b := range op.Bufs {
			total += len(b)
			if total > maxIO {
				return fmt.Errorf("%w: %v exceeds %d bytes", ErrInvalidOp, op.Kind, maxIO)
			}
		}
		if op.Off < -1 {
			return fmt.Errorf("%w: %v offset %d", ErrInvalidOp, op.Kind, op.Off)
		}
	case Accept:
		if len(op.Addr) > maxIO {
			return fmt.Errorf("%w: accept address buffer too large", ErrInvalidOp)
		}
	case Connect:
		if len(op.Addr) == 0 || len(op.Addr) > 1<<16 {
			return fmt.Errorf("%w: connect address of %d bytes", ErrInvalidOp, len(op.Addr))
		}
	case Cancel:
		if op.Target == 0 {
			return fmt.Errorf("%w: cancel without a target", ErrInvalidOp)
		}
	case Timeout:
		if op.Timeout < 0 {
			return fmt.Errorf("%w: negative timeout %v", ErrInvalidOp, op.Timeout)
		}
	default:
		return fmt.Errorf("%w: unknown kind %v", ErrInvalidOp, op.Kind)
	}
	return nil
}

func nulTerminated(b []byte) bool { return len(b) > 0 && b[len(b)-1] == 0 }

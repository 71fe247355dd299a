package io

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// The io_uring ABI (linux/io_uring.h), as far as this package uses it.

// io_uring_setup flags.
const (
	setupCQSize    = 1 << 3
	setupSubmitAll = 1 << 7
	// setupCoopTaskrun: completions that need work in the submitting
	// thread (a receive whose data came) wait for that thread's next
	// entry into the kernel instead of interrupting it.
	setupCoopTaskrun = 1 << 8
	// setupTaskrunFlag: the kernel sets sqTaskrun in the SQ flags while
	// such work waits.
	setupTaskrunFlag = 1 << 9
	// sqTaskrun is the SQ flag setupTaskrunFlag asks for.
	sqTaskrun = 1 << 2
)

// io_uring_params.features bits.
const (
	featSingleMmap = 1 << 0
	featNodrop     = 1 << 1
	featRWCurPos   = 1 << 3
	featExtArg     = 1 << 8
)

// io_uring_enter flags.
const (
	enterGetEvents = 1 << 0
	enterExtArg    = 1 << 3
)

// mmap offsets of the rings.
const (
	offSQRing = 0
	offCQRing = 0x8000000
	offSQEs   = 0x10000000
)

// Opcodes (enum io_uring_op).
const (
	opNop         = 0
	opReadv       = 1
	opWritev      = 2
	opFsync       = 3
	opTimeout     = 11
	opAccept      = 13
	opAsyncCancel = 14
	opConnect     = 16
	opOpenat      = 18
	opClose       = 19
	opStatx       = 21
	opRead        = 22
	opWrite       = 23
	opSend        = 26
	opRecv        = 27
	opShutdown    = 34
)

// sqRingOffsets is struct io_sqring_offsets.
type sqRingOffsets struct {
	head, tail, ringMask, ringEntries, flags, dropped, array, resv1 uint32
	userAddr                                                        uint64
}

// cqRingOffsets is struct io_cqring_offsets.
type cqRingOffsets struct {
	head, tail, ringMask, ringEntries, overflow, cqes, flags, resv1 uint32
	userAddr                                                        uint64
}

// uringParams is struct io_uring_params (120 bytes).
type uringParams struct {
	sqEntries, cqEntries, flags, sqThreadCPU, sqThreadIdle, features, wqFD uint32
	resv                                                                   [3]uint32
	sqOff                                                                  sqRingOffsets
	cqOff                                                                  cqRingOffsets
}

// sqe is struct io_uring_sqe (64 bytes). off doubles as addr2 and opFlags as
// the per-opcode flags union (rw_flags, open_flags, msg_flags, ...).
type sqe struct {
	opcode      uint8
	flags       uint8
	ioprio      uint16
	fd          int32
	off         uint64
	addr        uint64
	len         uint32
	opFlags     uint32
	userData    uint64
	bufIndex    uint16
	personality uint16
	spliceFdIn  int32
	addr3       uint64
	pad         uint64
}

// cqe is struct io_uring_cqe (16 bytes, no CQE32).
type cqe struct {
	userData uint64
	res      int32
	flags    uint32
}

// getEventsArg is struct io_uring_getevents_arg, passed with enterExtArg.
type getEventsArg struct {
	sigmask   uint64
	sigmaskSz uint32
	pad       uint32
	ts        uint64
}

// kernelTimespec is struct __kernel_timespec.
type kernelTimespec struct {
	sec  int64
	nsec int64
}

func toTimespec(ts *kernelTimespec, d int64) {
	ts.sec = d / 1e9
	ts.nsec = d % 1e9
}

// bufAddr is the address of b's first byte, 0 for an empty slice.
func bufAddr(b []byte) uint64 {
	if len(b) == 0 {
		return 0
	}
	return uint64(uintptr(unsafe.Pointer(&b[0])))
}

// prepSQE fills e for the operation in slot s. Every address written into e
// points into memory that s keeps referenced until the completion is reaped.
func prepSQE(e *sqe, s *uslot, id uint64) {
	op := &s.op
	*e = sqe{fd: op.FD, userData: id}
	switch op.Kind {
	case Nop:
		e.opcode = opNop
	case Openat:
		e.opcode = opOpenat
		e.addr = bufAddr(op.Path)
		e.len = op.Mode
		e.opFlags = op.Flags
	case Read, Write:
		e.opcode = opRead
		if op.Kind == Write {
			e.opcode = opWrite
		}
		e.addr = bufAddr(op.Buf)
		e.len = uint32(len(op.Buf))
		e.off = uint64(op.Off)
	case Readv, Writev:
		e.opcode = opReadv
		if op.Kind == Writev {
			e.opcode = opWritev
		}
		s.iov = fillIovecs(s.iov, op.Bufs)
		if len(s.iov) > 0 {
			e.addr = uint64(uintptr(unsafe.Pointer(&s.iov[0])))
		}
		e.len = uint32(len(s.iov))
		e.off = uint64(op.Off)
	case Fsync:
		e.opcode = opFsync
		e.opFlags = op.Flags & FsyncDatasync
	case Statx:
		e.opcode = opStatx
		e.addr = bufAddr(op.Path)
		mask := op.Mode
		if mask == 0 {
			mask = unix.STATX_BASIC_STATS
		}
		e.len = mask
		e.off = bufAddr(op.Buf)
		e.opFlags = op.Flags
	case Close:
		e.opcode = opClose
	case Accept:
		e.opcode = opAccept
		if len(op.Addr) > 0 {
			s.addrLen = uint32(len(op.Addr))
			e.addr = bufAddr(op.Addr)
			e.off = uint64(uintptr(unsafe.Pointer(&s.addrLen)))
		}
		e.opFlags = op.Flags
	case Connect:
		e.opcode = opConnect
		e.addr = bufAddr(op.Addr)
		e.off = uint64(len(op.Addr))
	case Recv, Send:
		e.opcode = opRecv
		if op.Kind == Send {
			e.opcode = opSend
		}
		e.addr = bufAddr(op.Buf)
		e.len = uint32(len(op.Buf))
		e.opFlags = op.Flags
	case Shutdown:
		e.opcode = opShutdown
		e.len = op.Flags
	case Cancel:
		e.opcode = opAsyncCancel
		e.fd = -1
		e.addr = op.Target
	case Timeout:
		e.opcode = opTimeout
		e.fd = -1
		toTimespec(&s.ts, int64(op.Timeout))
		e.addr = uint64(uintptr(unsafe.Pointer(&s.ts)))
		e.len = 1
	}
}

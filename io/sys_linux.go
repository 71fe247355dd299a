package io

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// Raw system calls for the thread backend. Each returns what io_uring would
// put in a CQE: the result, or the negated errno.

func sysResult(r1 uintptr, errno unix.Errno) int32 {
	if errno != 0 {
		return -int32(errno)
	}
	return int32(r1)
}

func ptr(b []byte) uintptr {
	if len(b) == 0 {
		return 0
	}
	return uintptr(unsafe.Pointer(&b[0]))
}

func fdArg(fd int32) uintptr { return uintptr(int(fd)) }

// retry repeats a system call interrupted by a signal.
func retry(call func() (uintptr, unix.Errno)) int32 {
	for {
		r1, errno := call()
		if errno != unix.EINTR {
			return sysResult(r1, errno)
		}
	}
}

func sysOpenat(op *Op) int32 {
	return retry(func() (uintptr, unix.Errno) {
		r1, _, e := unix.Syscall6(unix.SYS_OPENAT, fdArg(op.FD), ptr(op.Path), uintptr(op.Flags), uintptr(op.Mode), 0, 0)
		return r1, e
	})
}

// sysReadWrite reads or writes at op.Off, or at the current position when
// cur is set.
func sysReadWrite(op *Op, cur bool) int32 {
	return retry(func() (uintptr, unix.Errno) {
		var r1 uintptr
		var e unix.Errno
		switch {
		case op.Kind == Read && cur:
			r1, _, e = unix.Syscall(unix.SYS_READ, fdArg(op.FD), ptr(op.Buf), uintptr(len(op.Buf)))
		case op.Kind == Read:
			r1, _, e = unix.Syscall6(unix.SYS_PREAD64, fdArg(op.FD), ptr(op.Buf), uintptr(len(op.Buf)), uintptr(op.Off), 0, 0)
		case cur:
			r1, _, e = unix.Syscall(unix.SYS_WRITE, fdArg(op.FD), ptr(op.Buf), uintptr(len(op.Buf)))
		default:
			r1, _, e = unix.Syscall6(unix.SYS_PWRITE64, fdArg(op.FD), ptr(op.Buf), uintptr(len(op.Buf)), uintptr(op.Off), 0, 0)
		}
		return r1, e
	})
}

// fillIovecs points iov at bufs, reusing iov's storage.
func fillIovecs(iov []unix.Iovec, bufs [][]byte) []unix.Iovec {
	iov = iov[:0]
	for _, b := range bufs {
		var v unix.Iovec
		if len(b) > 0 {
			v.Base = &b[0]
		}
		v.SetLen(len(b))
		iov = append(iov, v)
	}
	return iov
}

// clearIovecs drops iov's references to buffers and empties it.
func clearIovecs(iov []unix.Iovec) []unix.Iovec {
	clear(iov)
	return iov[:0]
}

func sysReadvWritev(op *Op, iov []unix.Iovec, cur bool) int32 {
	var p uintptr
	if len(iov) > 0 {
		p = uintptr(unsafe.Pointer(&iov[0]))
	}
	return retry(func() (uintptr, unix.Errno) {
		var r1 uintptr
		var e unix.Errno
		switch {
		case op.Kind == Readv && cur:
			r1, _, e = unix.Syscall(unix.SYS_READV, fdArg(op.FD), p, uintptr(len(iov)))
		case op.Kind == Readv:
			r1, _, e = unix.Syscall6(unix.SYS_PREADV, fdArg(op.FD), p, uintptr(len(iov)), uintptr(op.Off), 0, 0)
		case cur:
			r1, _, e = unix.Syscall(unix.SYS_WRITEV, fdArg(op.FD), p, uintptr(len(iov)))
		default:
			r1, _, e = unix.Syscall6(unix.SYS_PWRITEV, fdArg(op.FD), p, uintptr(len(iov)), uintptr(op.Off), 0, 0)
		}
		return r1, e
	})
}

func sysFsync(op *Op) int32 {
	nr := uintptr(unix.SYS_FSYNC)
	if op.Flags&FsyncDatasync != 0 {
		nr = unix.SYS_FDATASYNC
	}
	return retry(func() (uintptr, unix.Errno) {
		r1, _, e := unix.Syscall(nr, fdArg(op.FD), 0, 0)
		return r1, e
	})
}

func sysStatx(op *Op) int32 {
	mask := op.Mode
	if mask == 0 {
		mask = unix.STATX_BASIC_STATS
	}
	return retry(func() (uintptr, unix.Errno) {
		r1, _, e := unix.Syscall6(unix.SYS_STATX, fdArg(op.FD), ptr(op.Path), uintptr(op.Flags), uintptr(mask), ptr(op.Buf), 0)
		return r1, e
	})
}

// sysClose closes once: on Linux the descriptor is gone even when close
// reports EINTR, so it is never retried.
func sysClose(op *Op) int32 {
	r1, _, e := unix.Syscall(unix.SYS_CLOSE, fdArg(op.FD), 0, 0)
	return sysResult(r1, e)
}

func sysShutdown(op *Op) int32 {
	r1, _, e := unix.Syscall(unix.SYS_SHUTDOWN, fdArg(op.FD), uintptr(op.Flags), 0)
	return sysResult(r1, e)
}

func sysAccept4(fd int32, addr []byte, addrLen *uint32, flags uint32) (uintptr, unix.Errno) {
	var lp uintptr
	if len(addr) > 0 {
		*addrLen = uint32(len(addr))
		lp = uintptr(unsafe.Pointer(addrLen))
	}
	r1, _, e := unix.Syscall6(unix.SYS_ACCEPT4, fdArg(fd), ptr(addr), lp, uintptr(flags), 0, 0)
	return r1, e
}

func sysConnect(fd int32, addr []byte) unix.Errno {
	_, _, e := unix.Syscall(unix.SYS_CONNECT, fdArg(fd), ptr(addr), uintptr(len(addr)))
	return e
}

func sysRecv(fd int32, b []byte, flags uint32) (uintptr, unix.Errno) {
	r1, _, e := unix.Syscall6(unix.SYS_RECVFROM, fdArg(fd), ptr(b), uintptr(len(b)), uintptr(flags), 0, 0)
	return r1, e
}

func sysSend(fd int32, b []byte, flags uint32) (uintptr, unix.Errno) {
	r1, _, e := unix.Syscall6(unix.SYS_SENDTO, fdArg(fd), ptr(b), uintptr(len(b)), uintptr(flags), 0, 0)
	return r1, e
}

func getFlags(fd int32) (int, unix.Errno) {
	r1, _, e := unix.Syscall(unix.SYS_FCNTL, fdArg(fd), unix.F_GETFL, 0)
	return int(r1), e
}

func setFlags(fd int32, fl int) {
	_, _, _ = unix.Syscall(unix.SYS_FCNTL, fdArg(fd), unix.F_SETFL, uintptr(fl))
}

// pollNow reports whether fd has any of events (or an error) right now.
func pollNow(fd int32, events int16) bool {
	p := [1]unix.PollFd{{Fd: fd, Events: events}}
	for {
		n, err := unix.Poll(p[:], 0)
		if err == unix.EINTR {
			continue
		}
		return err != nil || n > 0
	}
}

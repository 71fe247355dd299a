package io

import "golang.org/x/sys/unix"

// worker runs queued operations that may block in the kernel.
func (r *threads) worker() {
	defer r.wg.Done()
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		for r.workHead == len(r.workq) && !r.stopping {
			r.workCond.Wait()
		}
		if r.workHead == len(r.workq) {
			return // stopping and nothing left
		}
		id := r.workq[r.workHead]
		r.workHead++
		if r.workHead == len(r.workq) {
			r.workq, r.workHead = r.workq[:0], 0
		}
		s := r.slot(id)
		if s == nil || s.state != tWork {
			continue // cancelled while queued
		}
		if r.stopping {
			r.completeLocked(s, -int32(unix.ECANCELED))
			continue
		}
		s.state = tRunning
		r.mu.Unlock()
		res, events, done := r.execute(s)
		r.mu.Lock()
		if !done || s.op.Kind == Close {
			// A closed descriptor may be one the poller waits on: make it
			// look again so those operations fail instead of hanging.
			r.wakePoller()
		}
		r.resolveLocked(s, res, events, done)
	}
}

// execute runs a file operation. For Read and Write at the current position
// on a descriptor that is not ready (pipe, socket, terminal) it reports the
// events to wait for instead, whether or not the descriptor is
// non-blocking, as io_uring does for pollable files; a blocking read would
// otherwise hold the worker with no way to cancel it. The offset of a
// stream is ignored, as by io_uring.
func (r *threads) execute(s *tslot) (res int32, events int16, done bool) {
	op := &s.op
	switch op.Kind {
	case Openat:
		return sysOpenat(op), 0, true
	case Read, Write, Readv, Writev:
		cur := op.Off < 0 || s.stream
		if cur && !s.polled {
			ev := int16(unix.POLLIN)
			if op.Kind == Write || op.Kind == Writev {
				ev = unix.POLLOUT
			}
			if !pollNow(op.FD, ev) {
				return 0, ev, false
			}
		}
		s.polled = false
		var res int32
		if op.Kind == Read || op.Kind == Write {
			res = sysReadWrite(op, cur)
		} else {
			s.iov = fillIovecs(s.iov, op.Bufs)
			res = sysReadvWritev(op, s.iov, cur)
		}
		if res == -int32(unix.EAGAIN) && cur {
			// A non-blocking descriptor whose readiness went to someone
			// else: wait again, as io_uring does for pollable files.
			ev := int16(unix.POLLIN)
			if op.Kind == Write || op.Kind == Writev {
				ev = unix.POLLOUT
			}
			return 0, ev, false
		}
		if res == -int32(unix.ESPIPE) && !cur {
			// io_uring ignores the offset of a stream (pipe, socket,
			// terminal): so do we.
			s.stream = true
			return r.execute(s)
		}
		return res, 0, true
	case Fsync:
		return sysFsync(op), 0, true
	case Statx:
		return sysStatx(op), 0, true
	case Close:
		return sysClose(op), 0, true
	case Shutdown:
		return sysShutdown(op), 0, true
	}
	return -int32(unix.EINVAL), 0, true
}

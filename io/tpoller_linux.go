package io

import (
	"time"

	"golang.org/x/sys/unix"
)

// poller waits for the descriptors of waiting operations and the deadlines
// of timeouts. A ready socket operation is retried here (it cannot block);
// a ready Read or Write goes back to the workers.
func (r *threads) poller() {
	defer r.wg.Done()
	var (
		pfds  []unix.PollFd
		pids  []uint64
		ready []*tslot
		ts    unix.Timespec
		drain [8]byte
	)
	for {
		r.mu.Lock()
		if r.stopping {
			r.mu.Unlock()
			return
		}
		pfds = append(pfds[:0], unix.PollFd{Fd: int32(r.pollFD), Events: unix.POLLIN})
		pids = pids[:0]
		next := int64(-1)
		j := 0
		for _, id := range r.polling {
			s := r.slot(id)
			if s == nil {
				continue // reaped
			}
			if s.state != tPolling {
				s.inPoll = false
				continue
			}
			r.polling[j] = id
			j++
			if s.op.Kind == Timeout {
				if next < 0 || s.deadline < next {
					next = s.deadline
				}
				continue
			}
			pfds = append(pfds, unix.PollFd{Fd: s.op.FD, Events: s.events})
			pids = append(pids, id)
		}
		clear(r.polling[j:])
		r.polling = r.polling[:j]
		r.mu.Unlock()

		tsp := (*unix.Timespec)(nil)
		if next >= 0 {
			ts = unix.NsecToTimespec(max(next-r.now(), 0))
			tsp = &ts
		}
		if _, err := unix.Ppoll(pfds, tsp, nil); err != nil && err != unix.EINTR {
			// EINVAL (more entries than RLIMIT_NOFILE) or ENOMEM: back off
			// rather than spin, and keep serving deadlines.
			time.Sleep(time.Millisecond)
			continue
		}
		if pfds[0].Revents != 0 {
			_, _ = unix.Read(r.pollFD, drain[:])
		}

		now := r.now()
		r.mu.Lock()
		ready = ready[:0]
		for i, id := range pids {
			if pfds[i+1].Revents == 0 {
				continue
			}
			s := r.slot(id)
			if s == nil || s.state != tPolling {
				continue
			}
			switch s.op.Kind {
			case Accept, Connect, Recv, Send:
				s.state = tRunning
				ready = append(ready, s)
			default:
				s.polled = true
				r.queueWorkLocked(s)
			}
		}
		for _, id := range r.polling {
			if s := r.slot(id); s != nil && s.state == tPolling && s.op.Kind == Timeout && s.deadline <= now {
				r.completeLocked(s, -int32(unix.ETIME))
			}
		}
		r.mu.Unlock()

		for _, s := range ready {
			res, events, done := r.attemptSocket(s)
			r.mu.Lock()
			r.resolveLocked(s, res, events, done)
			r.mu.Unlock()
		}
		clear(ready)
	}
}

// attemptSocket runs a socket operation without blocking. It reports the
// result, or the poll events to wait for before trying again.
func (r *threads) attemptSocket(s *tslot) (res int32, events int16, done bool) {
	op := &s.op
	switch op.Kind {
	case Recv, Send:
		userNonblock := op.Flags&unix.MSG_DONTWAIT != 0
		waitAll := op.Flags&unix.MSG_WAITALL != 0
		ev := int16(unix.POLLIN)
		if op.Kind == Send {
			ev = unix.POLLOUT
		}
		for {
			var n uintptr
			var e unix.Errno
			if op.Kind == Recv {
				n, e = sysRecv(op.FD, op.Buf[s.done:], op.Flags|unix.MSG_DONTWAIT)
			} else {
				n, e = sysSend(op.FD, op.Buf[s.done:], op.Flags|unix.MSG_DONTWAIT|unix.MSG_NOSIGNAL)
			}
			switch {
			case e == unix.EINTR:
				continue
			case e == unix.EAGAIN && !userNonblock:
				return 0, ev, false
			case e != 0:
				if s.done > 0 {
					return int32(s.done), 0, true
				}
				return -int32(e), 0, true
			}
			s.done += int(n)
			if waitAll && n > 0 && s.done < len(op.Buf) {
				continue // MSG_WAITALL: keep going until full, like io_uring
			}
			return int32(s.done), 0, true
		}
	case Accept:
		for {
			r1, e := r.withNonblock(op.FD, func() (uintptr, unix.Errno) {
				return sysAccept4(op.FD, op.Addr, &s.addrLen, op.Flags)
			})
			switch e {
			case unix.EINTR:
				continue
			case unix.EAGAIN:
				return 0, unix.POLLIN, false
			}
			return sysResult(r1, e), 0, true
		}
	case Connect:
		if s.connecting {
			v, err := unix.GetsockoptInt(int(op.FD), unix.SOL_SOCKET, unix.SO_ERROR)
			if err != nil {
				return -int32(err.(unix.Errno)), 0, true
			}
			return -int32(v), 0, true
		}
		_, e := r.withNonblock(op.FD, func() (uintptr, unix.Errno) {
			return 0, sysConnect(op.FD, op.Addr)
		})
		switch e {
		case unix.EINPROGRESS, unix.EINTR:
			s.connecting = true
			return 0, unix.POLLOUT, false
		case unix.EAGAIN:
			return 0, unix.POLLOUT, false
		}
		return sysResult(0, e), 0, true
	}
	return -int32(unix.EINVAL), 0, true
}

// withNonblock runs call with fd in non-blocking mode, setting O_NONBLOCK
// for the duration of the call if the descriptor does not have it (toggles
// are serialized so two of them never restore each other's state).
func (r *threads) withNonblock(fd int32, call func() (uintptr, unix.Errno)) (uintptr, unix.Errno) {
	fl, e := getFlags(fd)
	if e != 0 {
		return 0, e
	}
	if fl&unix.O_NONBLOCK != 0 {
		return call()
	}
	r.flagMu.Lock()
	defer r.flagMu.Unlock()
	if fl, e = getFlags(fd); e != 0 {
		return 0, e
	}
	if fl&unix.O_NONBLOCK != 0 {
		return call()
	}
	setFlags(fd, fl|unix.O_NONBLOCK)
	r1, e := call()
	setFlags(fd, fl)
	return r1, e
}

package stdlib

import (
	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/heap"
	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The socket's ring operations and what their completions do. Everything
// here runs with s.mu held, except IODone's finish.

// IODone handles the completion of one of the socket's operations.
func (s *sockState) IODone(x *vm.IOContext, c bio.Completion, op uint64) {
	ctx := sockCtx{x: x}
	s.mu.Lock()
	switch op {
	case opRecv:
		s.recving = false
		switch {
		case c.Res > 0:
			s.rbuf = s.rbuf[:s.recvAt+int(c.Res)]
		case c.Res == 0:
			s.eof = true
		default:
			s.rerr = c.Res
		}
		s.pump(ctx)
	case opSend:
		if s.sendDone(ctx, c.Res) {
			s.mu.Unlock()
			return // the rest of the data is on its way, under the same Begin
		}
		s.startSend(ctx)
	case opAccept:
		s.accepting = false
		s.acceptDone(ctx, c.Res)
		s.startAccept(ctx)
	case opConnect:
		w := s.conn
		s.conn = waiter{}
		h := x.Scratch()
		v := term.AtomOk
		if c.Res < 0 {
			v = errTerm(h, s.res.rt.Atom(errnoName(unix.Errno(-c.Res))))
		}
		s.reply(ctx, w, v)
	}
	s.mu.Unlock()
	s.finish(x)
}

// pump delivers what the received bytes allow under the socket's mode —
// messages to the owner of an active socket, answers to the passive
// receivers — and starts the next Recv when more data is wanted.
func (s *sockState) pump(c sockCtx) {
	if s.listen || (s.status != ssOpen && s.status != ssEOF) {
		return
	}
	if s.o.active != actFalse {
		s.deliverActive(c)
	}
	for len(s.recvq) > 0 && s.o.active == actFalse {
		w := s.recvq[0]
		v, ok := s.take(c.heap(), w.want)
		if !ok {
			break
		}
		s.recvq[0] = waiter{}
		s.recvq = s.recvq[1:]
		s.reply(c, w, v)
	}
	if s.status == ssOpen && !s.recving && !s.eof && s.rerr == 0 &&
		(s.o.active != actFalse || len(s.recvq) > 0) {
		s.startRecv(c)
	}
}

// take answers a passive recv of want bytes (0: a packet) from what was
// received: {ok, Data}, {error, Reason}, or false when it must wait.
func (s *sockState) take(h *heap.Heap, want int) (term.Term, bool) {
	switch s.status {
	case ssGone:
		return errTerm(h, s.at.closed), true
	case ssDisconnected:
		return errTerm(h, s.at.enotconn), true
	}
	f, r := nextFrame(s.avail(), &s.o, want)
	switch r {
	case frameOK:
		v := h.Tuple(term.AtomOk, s.packet(h, s.avail()[f.start:f.end]))
		s.roff += f.next
		return v, true
	case frameTooBig:
		s.disconnect(ssDisconnected)
		return errTerm(h, s.at.emsgsize), true
	}
	if !s.eof && s.rerr == 0 {
		return 0, false
	}
	reason := s.at.closed
	if name, ok := s.recvError(); ok {
		reason = s.res.rt.Atom(name)
	}
	if s.o.exitOnClose && s.status == ssOpen {
		s.disconnect(ssDisconnected)
	} else {
		s.status = ssEOF
		s.dropInput()
	}
	return errTerm(h, reason), true
}

// recvError returns the name of the receive error to report, if any: a
// reset counts as a close unless show_econnreset is on.
func (s *sockState) recvError() (string, bool) {
	if s.rerr == 0 || (s.rerr == -int32(unix.ECONNRESET) && !s.o.showReset) {
		return "", false
	}
	return errnoName(unix.Errno(-s.rerr)), true
}

// deliverActive sends the owner of an active socket one message per
// packet while its active mode lasts, and {tcp_closed, S} (after
// {tcp_error, S, Reason} for a failure) once the input has ended.
func (s *sockState) deliverActive(c sockCtx) {
	owner, ok := s.owner()
	if !ok || s.closed {
		return
	}
	for s.o.active != actFalse {
		f, r := nextFrame(s.avail(), &s.o, 0)
		switch r {
		case frameOK:
			h := c.heap()
			msg := h.Tuple(s.at.tcp, s.sockTerm(h), s.packet(h, s.avail()[f.start:f.end]))
			s.roff += f.next
			c.post(owner, msg)
			switch s.o.active {
			case actOnce:
				s.o.active = actFalse
			case actN:
				if s.o.activeN--; s.o.activeN == 0 {
					s.o.active = actFalse
					h := c.heap()
					c.post(owner, h.Tuple(s.at.tcpPassive, s.sockTerm(h)))
				}
			}
			continue
		case frameTooBig:
			h := c.heap()
			c.post(owner, h.Tuple(s.at.tcpError, s.sockTerm(h), s.at.emsgsize))
			s.ended(c, owner)
			return
		}
		if s.eof || s.rerr != 0 {
			if name, ok := s.recvError(); ok {
				h := c.heap()
				c.post(owner, h.Tuple(s.at.tcpError, s.sockTerm(h), s.res.rt.Atom(name)))
			}
			s.ended(c, owner)
		}
		return
	}
}

// ended tells the owner of an active socket that its input has ended and
// closes it (or, with exit_on_close off, leaves it open for sending).
func (s *sockState) ended(c sockCtx, owner term.Term) {
	h := c.heap()
	c.post(owner, h.Tuple(s.at.tcpClosed, s.sockTerm(h)))
	s.closed = true
	if s.o.exitOnClose {
		s.disconnect(ssGone)
		return
	}
	s.status = ssEOF
	s.dropInput()
}

// startRecv submits a Recv into the free end of rbuf, making room first.
func (s *sockState) startRecv(c sockCtx) {
	if !s.begin() {
		return
	}
	n := len(s.rbuf) - s.roff
	if s.roff > 0 && (n == 0 || cap(s.rbuf)-len(s.rbuf) < recvChunk) {
		copy(s.rbuf, s.rbuf[s.roff:])
		s.rbuf, s.roff = s.rbuf[:n], 0
	}
	if cap(s.rbuf)-len(s.rbuf) < recvChunk {
		nb := make([]byte, n, max(2*cap(s.rbuf), n+recvChunk))
		copy(nb, s.rbuf[s.roff:])
		s.rbuf, s.roff = nb, 0
	}
	s.recvAt = len(s.rbuf)
	s.recving = true
	op := bio.Op{Kind: bio.Recv, FD: int32(s.res.fd.Sys()), Buf: s.rbuf[s.recvAt : s.recvAt+recvChunk]}
	if err := c.SubmitIO(&op, s, opRecv); err != nil {
		s.recving = false
		s.rerr = -int32(unix.EIO)
		s.finish(c)
	}
}

// sendDone handles a Send's completion; it reports whether the rest of a
// partly sent buffer was submitted (the send goes on).
func (s *sockState) sendDone(c sockCtx, res int32) bool {
	q := &s.sendq[0]
	if res >= 0 {
		q.done += int(res)
		if q.done < len(q.buf) && res > 0 {
			op := bio.Op{Kind: bio.Send, FD: int32(s.res.fd.Sys()), Buf: q.buf[q.done:]}
			if c.SubmitIO(&op, s, opSend) == nil {
				return true
			}
			res = -int32(unix.EIO)
		}
	}
	w := waiter{pid: q.pid, ref: q.ref}
	s.sendq[0] = sendReq{}
	s.sendq = s.sendq[1:]
	s.sending = false
	if res >= 0 {
		s.reply(c, w, term.AtomOk)
		return false
	}
	s.reply(c, w, errTerm(c.heap(), s.sendError(res)))
	return false
}

// sendError is the reason a failed send reports: a broken or reset
// connection is closed.
func (s *sockState) sendError(res int32) term.Term {
	switch unix.Errno(-res) {
	case unix.EPIPE, unix.ENOTCONN:
		return s.at.closed
	case unix.ECONNRESET:
		if !s.o.showReset {
			return s.at.closed
		}
	}
	return s.res.rt.Atom(errnoName(unix.Errno(-res)))
}

// startSend submits the first queued send unless one is in flight.
func (s *sockState) startSend(c sockCtx) {
	for len(s.sendq) > 0 && !s.sending {
		q := &s.sendq[0]
		var fail term.Term
		if s.begin() {
			op := bio.Op{Kind: bio.Send, FD: int32(s.res.fd.Sys()), Buf: q.buf[q.done:]}
			if c.SubmitIO(&op, s, opSend) == nil {
				s.sending = true
				return
			}
			s.finish(c)
			fail = s.res.rt.Atom("eio")
		} else {
			fail = s.at.closed
		}
		w := waiter{pid: q.pid, ref: q.ref}
		s.sendq[0] = sendReq{}
		s.sendq = s.sendq[1:]
		s.reply(c, w, errTerm(c.heap(), fail))
	}
}

// startAccept submits an Accept when someone waits and none is in flight.
func (s *sockState) startAccept(c sockCtx) {
	if s.accepting || len(s.acceptq) == 0 || s.status != ssOpen || !s.begin() {
		return
	}
	if s.addr == nil {
		s.addr = make([]byte, bio.SockaddrSize)
	}
	op := bio.Op{Kind: bio.Accept, FD: int32(s.res.fd.Sys()), Addr: s.addr,
		Flags: unix.SOCK_NONBLOCK | unix.SOCK_CLOEXEC}
	if c.SubmitIO(&op, s, opAccept) != nil {
		s.finish(c)
		w := s.acceptq[0]
		s.acceptq = s.acceptq[1:]
		s.reply(c, w, errTerm(c.heap(), s.res.rt.Atom("eio")))
		return
	}
	s.accepting = true
}

// acceptDone hands an accepted descriptor to the first process waiting,
// or keeps it for the next accept.
func (s *sockState) acceptDone(c sockCtx, res int32) {
	switch {
	case res >= 0 && s.status != ssOpen:
		unix.Close(int(res))
	case res >= 0 && len(s.acceptq) > 0:
		w := s.acceptq[0]
		s.acceptq = s.acceptq[1:]
		h := c.heap()
		s.reply(c, w, h.Tuple(term.AtomOk, s.accepted(h, int(res), w.pid)))
	case res >= 0:
		s.ready = append(s.ready, int(res))
	case s.status == ssOpen && len(s.acceptq) > 0:
		w := s.acceptq[0]
		s.acceptq = s.acceptq[1:]
		s.reply(c, w, errTerm(c.heap(), s.res.rt.Atom(errnoName(unix.Errno(-res)))))
	}
}

// accepted makes the socket of the accepted descriptor sys, owned by pid,
// with the listening socket's options, and returns its term built on h.
func (s *sockState) accepted(h *heap.Heap, sys int, pid term.Term) term.Term {
	for _, k := range s.ks {
		k.apply(sys)
	}
	r, hd := newFDRes(s.res.rt, sys, bio.KindSocket, pid)
	r.sock.o = s.o
	return h.Resource(s.res.rt.Env.Bins, hd)
}

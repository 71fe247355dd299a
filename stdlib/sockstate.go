package stdlib

import (
	"sync"

	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/heap"
	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// sockStatus is where a socket is in its life, as gen_tcp sees it.
type sockStatus uint8

const (
	// ssOpen: connected (or listening).
	ssOpen sockStatus = iota
	// ssEOF: the peer closed its side and exit_on_close is off: receiving
	// says closed, sending still works.
	ssEOF
	// ssDisconnected: a passive socket whose peer closed (or that failed)
	// with exit_on_close on: the descriptor is closed but the socket term
	// lives on until gen_tcp:close (receiving says enotconn).
	ssDisconnected
	// ssGone: closed by gen_tcp:close, by its owner's end, or by the end
	// of an active socket with exit_on_close on.
	ssGone
)

// The operations a socket has in flight, as IODone's argument.
const (
	opRecv uint64 = iota
	opSend
	opAccept
	opConnect
)

// recvChunk is how much one Recv asks for.
const recvChunk = 64 << 10

// waiter is a process waiting for an answer {Ref, Result}: a passive recv
// (want bytes, 0 for a packet), an accept or a connect.
type waiter struct {
	pid  term.Term
	ref  uint64
	want int
}

// sendReq is a send waiting for its turn or in flight.
type sendReq struct {
	pid  term.Term
	ref  uint64
	buf  []byte
	done int
}

// sockState is what a socket resource keeps beside its descriptor: its
// options, its status, received data not yet delivered, and the processes
// waiting for receives, sends, accepts and a connect. At most one Recv,
// one Send and one Accept are in flight at a time; each holds an fd.Begin
// and a reference to the socket's term. mu guards everything.
type sockState struct {
	mu     sync.Mutex
	res    *fdRes
	hd     uint32
	at     *tcpAtoms
	o      sockOpts
	status sockStatus
	listen bool
	// ks are the kernel options set on a listening socket, which the
	// sockets it accepts inherit.
	ks []kernelSetting

	// Receiving: rbuf[roff:] are received bytes not yet delivered; a Recv
	// in flight fills rbuf[recvAt:recvAt+recvChunk].
	rbuf    []byte
	roff    int
	recvAt  int
	recving bool
	eof     bool  // the peer closed its side
	rerr    int32 // a receive error (negated errno) not yet reported
	closed  bool  // {tcp_closed, S} was sent
	recvq   []waiter

	// Sending: sendq[0] is in flight when sending.
	sending bool
	sendq   []sendReq

	// Listening: processes waiting in accept, and accepted descriptors
	// nobody waited for.
	accepting bool
	acceptq   []waiter
	ready     []int
	// addr is Accept's peer address buffer or Connect's address.
	addr []byte
	conn waiter
}

// tcpAtoms are the atoms socket code sends, made once per runtime.
type tcpAtoms struct {
	tcp, tcpClosed, tcpError, tcpPassive   term.Term
	closed, einval, enotconn, emsgsize     term.Term
	wait, ebadf, notOwner, timeout, badarg term.Term
}

type tcpAtomsKey struct{}

func atomsOf(rt *vm.Runtime) *tcpAtoms {
	return rt.Local(tcpAtomsKey{}, func() any {
		a := rt.Atom
		return &tcpAtoms{tcp: a("tcp"), tcpClosed: a("tcp_closed"), tcpError: a("tcp_error"),
			tcpPassive: a("tcp_passive"), closed: a("closed"), einval: a("einval"),
			enotconn: a("enotconn"), emsgsize: a("emsgsize"), wait: a("wait"), ebadf: a("ebadf"),
			notOwner: a("not_owner"), timeout: a("timeout"), badarg: a("badarg")}
	}).(*tcpAtoms)
}

// newSockState returns the state of the socket resource r (handle hd).
func newSockState(r *fdRes, hd uint32) *sockState {
	return &sockState{res: r, hd: hd, at: atomsOf(r.rt), o: defaultSockOpts(),
		listen: r.fd.Kind() == bio.KindListen}
}

// sockCtx is where socket code runs: a completion handler (x) or a native
// function of process p. Messages are built on its heap and posted.
type sockCtx struct {
	x *vm.IOContext
	p *vm.Process
}

func (c sockCtx) heap() *heap.Heap {
	if c.x != nil {
		return c.x.Scratch()
	}
	return c.p.Heap
}

func (c sockCtx) post(pid, msg term.Term) {
	if c.x != nil {
		c.x.Post(pid, msg)
		return
	}
	c.p.Send(pid, msg)
}

func (c sockCtx) SubmitIO(op *bio.Op, h vm.IOHandler, arg uint64) error {
	if c.x != nil {
		return c.x.SubmitIO(op, h, arg)
	}
	return c.p.SubmitIO(op, h, arg)
}

// sockTerm builds the socket's term on h.
func (s *sockState) sockTerm(h *heap.Heap) term.Term {
	bins := s.res.rt.Env.Bins
	bins.Retain(s.hd)
	return h.Resource(bins, s.hd)
}

// reply posts {Ref, v} to w; v must have been built on c.heap().
func (s *sockState) reply(c sockCtx, w waiter, v term.Term) {
	h := c.heap()
	c.post(w.pid, h.Tuple(vm.MakeRefOn(h, w.ref), v))
}

// errTerm builds {error, Reason} on h.
func errTerm(h *heap.Heap, reason term.Term) term.Term { return h.Tuple(term.AtomError, reason) }

// begin starts an operation on the descriptor: an fd.Begin and a
// reference to the socket's term. It fails once a close was decided.
func (s *sockState) begin() bool {
	if s.res.fd.Begin() != nil {
		return false
	}
	s.res.rt.Env.Bins.Retain(s.hd)
	return true
}

// finish ends what begin started; mu must not be held (the end may close
// the descriptor and the reference may be the last).
func (s *sockState) finish(sub ioSubmitter) {
	s.res.endOp(sub)
	s.res.rt.Env.Bins.Release(s.hd)
}

// owner returns the socket's controlling process.
func (s *sockState) owner() (term.Term, bool) { return s.res.rt.Owner(s.res) }

// avail returns the received bytes not yet delivered.
func (s *sockState) avail() []byte { return s.rbuf[s.roff:] }

// dropInput forgets the received bytes not yet delivered.
func (s *sockState) dropInput() { s.roff = len(s.rbuf) }

// packet builds the term of a packet's payload under the socket's mode
// and header options.
func (s *sockState) packet(h *heap.Heap, data []byte) term.Term {
	bins := s.res.rt.Env.Bins
	if !s.o.binary {
		return bytesList(h, data)
	}
	if n := s.o.header; n > 0 {
		if len(data) <= n {
			return bytesList(h, data)
		}
		head := make([]term.Term, n)
		for i := range head {
			head[i] = term.MakeSmall(int64(data[i]))
		}
		return h.ListTail(h.Binary(bins, data[n:]), head...)
	}
	return h.Binary(bins, data)
}

// closing is called once, when the socket's close has been decided and
// before its descriptor is shut down: everyone waiting is answered
// {error, closed} and descriptors accepted for nobody are closed.
func (s *sockState) closing() {
	s.mu.Lock()
	s.status = ssGone
	ws := append(append([]waiter(nil), s.recvq...), s.acceptq...)
	s.recvq, s.acceptq = nil, nil
	start := 0
	if s.sending {
		start = 1 // the send in flight fails by itself once shut down
	}
	for _, q := range s.sendq[start:] {
		ws = append(ws, waiter{pid: q.pid, ref: q.ref})
	}
	s.sendq = s.sendq[:start]
	ready := s.ready
	s.ready = nil
	s.dropInput()
	s.mu.Unlock()
	rt := s.res.rt
	for _, w := range ws {
		rt.SendFromGo(w.pid, func(h *heap.Heap) term.Term {
			return h.Tuple(vm.MakeRefOn(h, w.ref), errTerm(h, s.at.closed))
		})
	}
	for _, fd := range ready {
		unix.Close(fd)
	}
}

// disconnect closes the descriptor of a socket whose input ended while
// its term lives on (status ssDisconnected, or ssGone after an active
// socket's end). mu is held.
func (s *sockState) disconnect(st sockStatus) {
	s.status = st
	s.dropInput()
	won, now := s.res.fd.BeginClose(implicitClose{})
	if !won {
		return
	}
	if st == ssGone {
		s.res.rt.Disown(s.res)
	}
	if now {
		s.res.fd.CloseNow()
		return
	}
	s.res.fd.Shutdown()
}

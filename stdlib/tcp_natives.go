package stdlib

import (
	"context"
	"net"
	"net/netip"
	"os"
	"time"

	"golang.org/x/sys/unix"

	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The natives of beamr_tcp, on which the bundled gen_tcp and inet modules
// are built. The asynchronous ones take a reference first and return
// either the final answer or wait, in which case {Ref, Result} follows.
// Listening, options, addresses and shutdown are synchronous system calls.

func registerTCP(rt *vm.Runtime) {
	erlRegisterAll(rt, "beamr_tcp", []erlNative{
		{"listen", 2, tcpListen},
		{"connect", 4, tcpConnect},
		{"accept", 2, tcpAccept},
		{"recv", 3, tcpRecv},
		{"send", 3, tcpSend},
		{"cancel", 2, tcpCancel},
		{"close", 2, tcpClose},
		{"shutdown", 2, tcpShutdown},
		{"setopts", 2, tcpSetopts},
		{"getopts", 2, tcpGetopts},
		{"peername", 1, tcpPeername},
		{"sockname", 1, tcpSockname},
		{"owner", 1, tcpOwner},
		{"set_owner", 2, tcpSetOwner},
		{"parse_address", 1, tcpParseAddress},
		{"ntoa", 1, tcpNtoa},
		{"getaddrs", 2, tcpGetaddrs},
		{"gethostname", 0, tcpGethostname},
	})
}

// sockArg returns the socket state of the socket term t, or nil.
func sockArg(p *vm.Process, t term.Term) *sockState {
	r, _ := resArg(p.Env(), t)
	if r == nil || r.sock == nil {
		return nil
	}
	return r.sock
}

// addrOpts are the options only listen and connect take.
type addrOpts struct {
	ip      netip.Addr
	port    int
	backlog int
	family  int
}

// extra accepts the address options of listen and connect.
func (ao *addrOpts) extra(env *term.Env) func(string, term.Term) bool {
	return func(name string, v term.Term) bool {
		switch name {
		case "ip", "ifaddr":
			a, ok := addrArg(env, v)
			if ok {
				ao.ip = a
			}
			return ok
		case "port":
			if v.IsSmall() && v.Small() >= 0 && v.Small() <= 65535 {
				ao.port = int(v.Small())
				return true
			}
		case "backlog":
			if v.IsSmall() && v.Small() >= 0 {
				ao.backlog = int(v.Small())
				return true
			}
		case "inet":
			ao.family = unix.AF_INET
			return v == 0
		case "inet6":
			ao.family = unix.AF_INET6
			return v == 0
		case "tcp_module":
			return v != 0
		}
		return false
	}
}

// addrArg reads an IPv4 or IPv6 address tuple, or any / loopback.
func addrArg(env *term.Env, t term.Term) (netip.Addr, bool) {
	switch {
	case t.IsAtom():
		switch env.AtomName(t) {
		case "any":
			return netip.IPv4Unspecified(), true
		case "loopback":
			return netip.AddrFrom4([4]byte{127, 0, 0, 1}), true
		}
	case env.IsTuple(t) && env.TupleArity(t) == 4:
		var b [4]byte
		for i := range b {
			e := env.Elem(t, i)
			if !e.IsSmall() || e.Small() < 0 || e.Small() > 255 {
				return netip.Addr{}, false
			}
			b[i] = byte(e.Small())
		}
		return netip.AddrFrom4(b), true
	case env.IsTuple(t) && env.TupleArity(t) == 8:
		var b [16]byte
		for i := 0; i < 8; i++ {
			e := env.Elem(t, i)
			if !e.IsSmall() || e.Small() < 0 || e.Small() > 65535 {
				return netip.Addr{}, false
			}
			b[2*i], b[2*i+1] = byte(e.Small()>>8), byte(e.Small())
		}
		return netip.AddrFrom16(b), true
	}
	return netip.Addr{}, false
}

// addrTerm builds the tuple form of a.
func addrTerm(p *vm.Process, a netip.Addr) term.Term {
	h := p.Heap
	if a.Is4() {
		b := a.As4()
		return h.Tuple(term.MakeSmall(int64(b[0])), term.MakeSmall(int64(b[1])),
			term.MakeSmall(int64(b[2])), term.MakeSmall(int64(b[3])))
	}
	b := a.As16()
	es := make([]term.Term, 8)
	for i := range es {
		es[i] = term.MakeSmall(int64(b[2*i])<<8 | int64(b[2*i+1]))
	}
	return h.Tuple(es...)
}

func sockaddrOf(a netip.Addr, port int) unix.Sockaddr {
	if a.Is4() {
		return &unix.SockaddrInet4{Addr: a.As4(), Port: port}
	}
	return &unix.SockaddrInet6{Addr: a.As16(), Port: port}
}

// newTCPSocket makes a non-blocking stream socket for addresses like a
// (or of family when a is not set).
func newTCPSocket(a netip.Addr, family int) (int, error) {
	if family == 0 {
		family = unix.AF_INET
		if a.IsValid() && !a.Is4() {
			family = unix.AF_INET6
		}
	}
	return unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
}

// posixTerm builds {error, Posix} for a system call's error.
func posixTerm(p *vm.Process, err error) term.Term {
	e, ok := err.(unix.Errno)
	if !ok {
		e = unix.EIO
	}
	return p.Heap.Tuple(term.AtomError, p.Atom(errnoName(e)))
}

// tcpListen is listen(Port, Options): {ok, Socket}, {error, Posix}, or
// {error, badarg} for options it does not accept.
func tcpListen(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !a[0].IsSmall() || a[0].Small() < 0 || a[0].Small() > 65535 {
		return p.BadArg()
	}
	ao := addrOpts{backlog: 5}
	o := defaultSockOpts()
	ks, ok := optParser{env}.parse(a[1], &o, nil, ao.extra(env))
	if !ok {
		return p.Heap.Tuple(term.AtomError, term.AtomBadarg)
	}
	o.passiveMsg = false
	if ao.port == 0 {
		ao.port = int(a[0].Small())
	}
	sys, err := newTCPSocket(ao.ip, ao.family)
	if err != nil {
		return posixTerm(p, err)
	}
	ip := ao.ip
	if !ip.IsValid() {
		ip = netip.IPv4Unspecified()
		if ao.family == unix.AF_INET6 {
			ip = netip.IPv6Unspecified()
		}
	}
	for _, k := range ks {
		if err == nil {
			err = k.apply(sys)
		}
	}
	if err == nil {
		err = unix.Bind(sys, sockaddrOf(ip, ao.port))
	}
	if err == nil {
		err = unix.Listen(sys, max(ao.backlog, 1))
	}
	if err != nil {
		unix.Close(sys)
		return posixTerm(p, err)
	}
	r, hd := newFDRes(p.Runtime(), sys, bio.KindListen, p.Pid)
	r.sock.o, r.sock.ks = o, ks
	return p.Heap.Tuple(term.AtomOk, p.Heap.Resource(env.Bins, hd))
}

// tcpConnect is connect(Ref, Address, Port, Options): {ok, Socket} with
// {Ref, ok | {error, Posix}} to follow when the connection is made or
// fails; {error, badarg} for an address or options it does not accept.
func tcpConnect(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	ref, ok := refArg(p, a[0])
	if !ok || !a[2].IsSmall() || a[2].Small() < 0 || a[2].Small() > 65535 {
		return p.BadArg()
	}
	ip, ok := addrArg(env, a[1])
	ao := addrOpts{port: -1}
	o := defaultSockOpts()
	ks, ok2 := optParser{env}.parse(a[3], &o, nil, ao.extra(env))
	if !ok || !ok2 {
		return p.Heap.Tuple(term.AtomError, term.AtomBadarg)
	}
	o.passiveMsg = false
	sys, err := newTCPSocket(ip, 0)
	if err != nil {
		return posixTerm(p, err)
	}
	for _, k := range ks {
		if err == nil {
			err = k.apply(sys)
		}
	}
	if err == nil && (ao.ip.IsValid() || ao.port >= 0) {
		local := ao.ip
		if !local.IsValid() {
			local = netip.IPv4Unspecified()
			if !ip.Is4() {
				local = netip.IPv6Unspecified()
			}
		}
		err = unix.Bind(sys, sockaddrOf(local, max(ao.port, 0)))
	}
	if err != nil {
		unix.Close(sys)
		return posixTerm(p, err)
	}
	r, hd := newFDRes(p.Runtime(), sys, bio.KindSocket, p.Pid)
	s := r.sock
	sock := p.Heap.Resource(env.Bins, hd)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.o = o
	s.addr = bio.AppendSockaddr(nil, netip.AddrPortFrom(ip, uint16(a[2].Small())))
	if !s.begin() {
		return p.Heap.Tuple(term.AtomError, s.at.closed)
	}
	s.conn = waiter{pid: p.Pid, ref: ref}
	op := bio.Op{Kind: bio.Connect, FD: int32(sys), Addr: s.addr}
	if err := p.SubmitIO(&op, s, opConnect); err != nil {
		s.finish(p)
		return p.Heap.Tuple(term.AtomError, p.Atom("eio"))
	}
	return p.Heap.Tuple(term.AtomOk, sock)
}

// tcpAccept is accept(Ref, Listen): {ok, Socket} at once when a
// connection is waiting, {error, Reason}, or wait.
func tcpAccept(p *vm.Process, a []term.Term) term.Term {
	ref, ok := refArg(p, a[0])
	s := sockArg(p, a[1])
	if !ok || s == nil {
		return p.BadArg()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.status != ssOpen:
		return p.Heap.Tuple(term.AtomError, s.at.closed)
	case !s.listen:
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	if len(s.ready) > 0 && len(s.acceptq) == 0 {
		sys := s.ready[0]
		s.ready = s.ready[1:]
		return p.Heap.Tuple(term.AtomOk, s.accepted(p.Heap, sys, p.Pid))
	}
	s.acceptq = append(s.acceptq, waiter{pid: p.Pid, ref: ref})
	s.startAccept(sockCtx{p: p})
	return s.at.wait
}

// tcpRecv is recv(Ref, Socket, Length): {ok, Data} or {error, Reason} at
// once, or wait.
func tcpRecv(p *vm.Process, a []term.Term) term.Term {
	ref, ok := refArg(p, a[0])
	s := sockArg(p, a[1])
	if !ok || s == nil || !a[2].IsSmall() || a[2].Small() < 0 {
		return p.BadArg()
	}
	want := int(a[2].Small())
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.status == ssGone:
		return p.Heap.Tuple(term.AtomError, s.at.closed)
	case s.listen || s.status == ssDisconnected:
		return p.Heap.Tuple(term.AtomError, s.at.enotconn)
	case s.o.active != actFalse, want > 0 && s.o.packet != 0:
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	if len(s.recvq) == 0 {
		if v, ok := s.take(p.Heap, want); ok {
			return v
		}
	}
	s.recvq = append(s.recvq, waiter{pid: p.Pid, ref: ref, want: want})
	s.pump(sockCtx{p: p})
	return s.at.wait
}

// tcpSend is send(Ref, Socket, Data): ok at once for nothing to send,
// {error, Reason}, or wait.
func tcpSend(p *vm.Process, a []term.Term) term.Term {
	ref, ok := refArg(p, a[0])
	s := sockArg(p, a[1])
	if !ok || s == nil {
		return p.BadArg()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.status == ssGone || s.status == ssDisconnected:
		return p.Heap.Tuple(term.AtomError, s.at.closed)
	case s.listen:
		return p.Heap.Tuple(term.AtomError, s.at.enotconn)
	}
	hdr := 0
	if s.o.packet > 0 {
		hdr = int(s.o.packet)
	}
	buf, ok := appendIolist(make([]byte, hdr, 256), p.Env(), a[2])
	if !ok {
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	appendHeader(buf[:0], s.o.packet, len(buf)-hdr)
	if len(buf) == 0 {
		return term.AtomOk
	}
	s.sendq = append(s.sendq, sendReq{pid: p.Pid, ref: ref, buf: buf})
	s.startSend(sockCtx{p: p})
	return s.at.wait
}

// tcpCancel is cancel(Socket, Ref): ok when the recv or accept of Ref was
// still waiting (it is forgotten), answered when its answer is on its way.
func tcpCancel(p *vm.Process, a []term.Term) term.Term {
	s := sockArg(p, a[0])
	ref, ok := refArg(p, a[1])
	if !ok || s == nil {
		return p.BadArg()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range []*[]waiter{&s.recvq, &s.acceptq} {
		for i, w := range *q {
			if w.ref == ref && w.pid == p.Pid {
				*q = append((*q)[:i], (*q)[i+1:]...)
				return term.AtomOk
			}
		}
	}
	return p.Atom("answered")
}

// tcpClose is close(Ref, Socket): wait, with {Ref, ok} to follow once the
// descriptor is closed, or ok when it was closed already.
func tcpClose(p *vm.Process, a []term.Term) term.Term {
	ref, ok := refArg(p, a[0])
	r, _ := resArg(p.Env(), a[1])
	if !ok || r == nil || r.sock == nil {
		return p.BadArg()
	}
	won, now := r.fd.BeginClose(&closeReq{pid: p.Pid, ref: ref})
	if !won {
		r.sock.mu.Lock()
		r.sock.status = ssGone
		r.sock.mu.Unlock()
		r.rt.Disown(r)
		return term.AtomOk
	}
	r.rt.Disown(r)
	r.sock.closing()
	if !now {
		r.fd.Shutdown()
		return r.sock.at.wait
	}
	if !submitClose(p, r, p.Pid, ref) {
		return term.AtomOk
	}
	return r.sock.at.wait
}

// withFD runs f on the socket's descriptor, kept open meanwhile; false
// when it is closed.
func (s *sockState) withFD(p *vm.Process, f func(sys int) error) (error, bool) {
	if !s.begin() {
		return nil, false
	}
	err := f(s.res.fd.Sys())
	s.finish(p)
	return err, true
}

// sysCall runs the system call f on the socket's descriptor and returns
// the error to answer with: {error, onClosed} when the descriptor is
// closed, {error, Posix} when f fails, 0 when it succeeds.
func (s *sockState) sysCall(p *vm.Process, f func(sys int) error, onClosed term.Term) term.Term {
	err, ok := s.withFD(p, f)
	switch {
	case !ok:
		return p.Heap.Tuple(term.AtomError, onClosed)
	case err != nil:
		return posixTerm(p, err)
	}
	return 0
}

// statusErr returns the error of a synchronous operation on a socket that
// is not open: onGone when it was closed, onDisc when disconnected.
func (s *sockState) statusErr(p *vm.Process, onGone, onDisc term.Term) term.Term {
	s.mu.Lock()
	st := s.status
	s.mu.Unlock()
	switch st {
	case ssGone:
		return p.Heap.Tuple(term.AtomError, onGone)
	case ssDisconnected:
		return p.Heap.Tuple(term.AtomError, onDisc)
	}
	return 0
}

// tcpShutdown is shutdown(Socket, How).
func tcpShutdown(p *vm.Process, a []term.Term) term.Term {
	s := sockArg(p, a[0])
	if s == nil {
		return p.BadArg()
	}
	var how int
	switch p.Env().AtomName(a[1]) {
	case "read":
		how = unix.SHUT_RD
	case "write":
		how = unix.SHUT_WR
	case "read_write":
		how = unix.SHUT_RDWR
	default:
		return p.BadArg()
	}
	if e := s.statusErr(p, s.at.closed, s.at.enotconn); e != 0 {
		return e
	}
	if e := s.sysCall(p, func(sys int) error { return unix.Shutdown(sys, how) }, s.at.closed); e != 0 {
		return e
	}
	return term.AtomOk
}

// tcpSetopts is setopts(Socket, Options): ok, or {error, einval} with
// nothing changed when an option is unknown or its value wrong.
func tcpSetopts(p *vm.Process, a []term.Term) term.Term {
	s := sockArg(p, a[0])
	if s == nil {
		return p.BadArg()
	}
	s.mu.Lock()
	if s.status == ssGone {
		s.mu.Unlock()
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	o := s.o
	ks, ok := optParser{p.Env()}.parse(a[1], &o, nil, nil)
	if !ok {
		s.mu.Unlock()
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	passive := o.passiveMsg
	o.passiveMsg = false
	s.o = o
	if s.listen {
		s.ks = append(s.ks, ks...)
	}
	c := sockCtx{p: p}
	if passive {
		if owner, ok := s.owner(); ok {
			c.post(owner, p.Heap.Tuple(s.at.tcpPassive, a[0]))
		}
	}
	s.pump(c)
	s.mu.Unlock()
	for _, k := range ks {
		if err, ok := s.withFD(p, k.apply); ok && err != nil {
			return posixTerm(p, err)
		}
	}
	return term.AtomOk
}

// tcpGetopts is getopts(Socket, Names): {ok, [{Name, Value}]}, or {error,
// einval} when a name is unknown.
func tcpGetopts(p *vm.Process, a []term.Term) term.Term {
	s := sockArg(p, a[0])
	if s == nil {
		return p.BadArg()
	}
	env := p.Env()
	sys := -1
	if s.begin() {
		sys = s.res.fd.Sys()
		defer s.finish(p)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status == ssGone {
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	var out []term.Term
	for t := a[1]; t != term.Nil; t = env.Tl(t) {
		if !t.IsList() || !env.Hd(t).IsAtom() {
			return p.Heap.Tuple(term.AtomError, s.at.einval)
		}
		v, ok := getopt(p.Heap, env, env.AtomName(env.Hd(t)), &s.o, sys)
		if !ok {
			return p.Heap.Tuple(term.AtomError, s.at.einval)
		}
		out = append(out, v)
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.List(out...))
}

// tcpPeername is peername(Socket): {ok, {Address, Port}}.
func tcpPeername(p *vm.Process, a []term.Term) term.Term {
	return tcpName(p, a, unix.Getpeername, "enotconn")
}

// tcpSockname is sockname(Socket): {ok, {Address, Port}}.
func tcpSockname(p *vm.Process, a []term.Term) term.Term {
	return tcpName(p, a, unix.Getsockname, "ebadf")
}

func tcpName(p *vm.Process, a []term.Term, get func(int) (unix.Sockaddr, error), disc string) term.Term {
	s := sockArg(p, a[0])
	if s == nil {
		return p.BadArg()
	}
	if e := s.statusErr(p, s.at.einval, p.Atom(disc)); e != 0 {
		return e
	}
	var sa unix.Sockaddr
	if e := s.sysCall(p, func(sys int) (err error) {
		sa, err = get(sys)
		return err
	}, s.at.einval); e != 0 {
		return e
	}
	var ip netip.Addr
	var port int
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		ip, port = netip.AddrFrom4(sa.Addr), sa.Port
	case *unix.SockaddrInet6:
		ip, port = netip.AddrFrom16(sa.Addr), sa.Port
	default:
		return p.Heap.Tuple(term.AtomError, s.at.einval)
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.Tuple(addrTerm(p, ip), p.Heap.Int(int64(port))))
}

// tcpOwner is owner(Socket): the controlling process, or closed.
func tcpOwner(p *vm.Process, a []term.Term) term.Term {
	s := sockArg(p, a[0])
	if s == nil {
		return p.BadArg()
	}
	s.mu.Lock()
	gone := s.status == ssGone
	s.mu.Unlock()
	if o, ok := s.owner(); ok && !gone {
		return o
	}
	return s.at.closed
}

// tcpSetOwner is set_owner(Socket, Pid): makes Pid the controlling
// process; only the current one may. {error, badarg} when Pid is not alive.
func tcpSetOwner(p *vm.Process, a []term.Term) term.Term {
	s := sockArg(p, a[0])
	if s == nil || !a[1].IsPid() {
		return p.BadArg()
	}
	rt := p.Runtime()
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.owner()
	switch {
	case !ok || s.status == ssGone:
		return p.Heap.Tuple(term.AtomError, s.at.closed)
	case o != p.Pid:
		return p.Heap.Tuple(term.AtomError, s.at.notOwner)
	}
	if _, alive := rt.LookupProcess(a[1]); !alive {
		return p.Heap.Tuple(term.AtomError, s.at.badarg)
	}
	rt.Own(a[1], s.res)
	return term.AtomOk
}

// tcpParseAddress is parse_address(String): {ok, Address} or {error,
// einval}.
func tcpParseAddress(p *vm.Process, a []term.Term) term.Term {
	str, _, ok := fileName(p.Env(), a[0])
	if ok {
		if ip, err := netip.ParseAddr(str); err == nil && (ip.Zone() == "" || linkLocal(ip)) {
			// A link-local IPv6 address's scope (fe80::1%eth0) is
			// accepted and dropped.
			return p.Heap.Tuple(term.AtomOk, addrTerm(p, ip.WithZone("")))
		}
	}
	return p.Heap.Tuple(term.AtomError, p.Atom("einval"))
}

// tcpNtoa is ntoa(Address): the address as a string.
func tcpNtoa(p *vm.Process, a []term.Term) term.Term {
	ip, ok := addrArg(p.Env(), a[0])
	if !ok {
		return p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	return p.Heap.String(ip.String())
}

// tcpGetaddrs is getaddrs(Name, Family): the addresses of a host name,
// looked up in the hosts file and DNS. The lookup blocks the scheduler
// (for at most five seconds).
func tcpGetaddrs(p *vm.Process, a []term.Term) term.Term {
	name, _, ok := fileName(p.Env(), a[0])
	if !ok {
		return p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	network := "ip4"
	if p.Env().AtomName(a[1]) == "inet6" {
		network = "ip6"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(ctx, network, name)
	if err != nil || len(ips) == 0 {
		return p.Heap.Tuple(term.AtomError, p.Atom("nxdomain"))
	}
	out := make([]term.Term, len(ips))
	for i, ip := range ips {
		out[i] = addrTerm(p, ip.Unmap())
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.List(out...))
}

// tcpGethostname is gethostname(): {ok, Name}.
func tcpGethostname(p *vm.Process, _ []term.Term) term.Term {
	name, err := os.Hostname()
	if err != nil {
		return posixTerm(p, err)
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.String(name))
}

// linkLocal reports whether a is an IPv6 address whose first word is that
// of link-local unicast (fe80::) or multicast (ff02::): only those may
// carry a scope.
func linkLocal(a netip.Addr) bool {
	if !a.Is6() || a.Is4In6() {
		return false
	}
	b := a.As16()
	w := uint16(b[0])<<8 | uint16(b[1])
	return w == 0xfe80 || w == 0xff02
}

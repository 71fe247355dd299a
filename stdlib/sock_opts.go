package stdlib

import (
	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Socket options: those beamr keeps itself (sockOpts) and those it passes
// to the kernel (kernelOpts), with their inet names.

// activeMode is the {active, _} setting of a socket.
type activeMode uint8

const (
	actFalse activeMode = iota
	actTrue
	actOnce
	actN // activeN messages left, then {tcp_passive, S}
)

// maxActiveN is the largest count {active, N} may reach.
const maxActiveN = 32767

// sockOpts are the options beamr implements itself. The zero value is not
// meaningful: start from defaultSockOpts.
type sockOpts struct {
	active      activeMode
	activeN     int
	packet      int8 // 0, 1, 2, 4 or pkLine
	binary      bool
	header      int
	packetSize  int
	exitOnClose bool
	buffer      int
	lineDelim   byte
	deliverPort bool
	delaySend   bool
	sendTimeout int // milliseconds; -1 is infinity
	sendTOClose bool
	showReset   bool
	highWM      int
	lowWM       int
	highMsgqWM  int
	lowMsgqWM   int
	// passiveMsg is set by an {active, N} that ended the count: the owner
	// is then sent {tcp_passive, S}.
	passiveMsg bool
}

// defaultSockOpts are gen_tcp's defaults.
func defaultSockOpts() sockOpts {
	return sockOpts{active: actTrue, exitOnClose: true, buffer: 1460, lineDelim: '\n',
		sendTimeout: -1, highWM: 8192, lowWM: 4096, highMsgqWM: 8192, lowMsgqWM: 4096}
}

// kernelOpt is an option set with setsockopt(2).
type kernelOpt struct {
	level, name int
	kind        uint8 // koBool, koInt or koLinger
}

const (
	koBool uint8 = iota
	koInt
	koLinger
)

var kernelOpts = map[string]kernelOpt{
	"reuseaddr": {unix.SOL_SOCKET, unix.SO_REUSEADDR, koBool},
	"reuseport": {unix.SOL_SOCKET, unix.SO_REUSEPORT, koBool},
	"keepalive": {unix.SOL_SOCKET, unix.SO_KEEPALIVE, koBool},
	"dontroute": {unix.SOL_SOCKET, unix.SO_DONTROUTE, koBool},
	"broadcast": {unix.SOL_SOCKET, unix.SO_BROADCAST, koBool},
	"recbuf":    {unix.SOL_SOCKET, unix.SO_RCVBUF, koInt},
	"sndbuf":    {unix.SOL_SOCKET, unix.SO_SNDBUF, koInt},
	"priority":  {unix.SOL_SOCKET, unix.SO_PRIORITY, koInt},
	"nodelay":   {unix.IPPROTO_TCP, unix.TCP_NODELAY, koBool},
	"tos":       {unix.IPPROTO_IP, unix.IP_TOS, koInt},
	"linger":    {unix.SOL_SOCKET, unix.SO_LINGER, koLinger},
}

// kernelSetting is a kernel option with its value, to apply to a socket.
type kernelSetting struct {
	opt   kernelOpt
	val   int
	onoff bool // linger's first element
}

// apply sets k on the descriptor sys.
func (k kernelSetting) apply(sys int) error {
	if k.opt.kind == koLinger {
		l := unix.Linger{Linger: int32(k.val)}
		if k.onoff {
			l.Onoff = 1
		}
		return unix.SetsockoptLinger(sys, k.opt.level, k.opt.name, &l)
	}
	return unix.SetsockoptInt(sys, k.opt.level, k.opt.name, k.val)
}

// optParser reads option lists against one environment.
type optParser struct {
	env *term.Env
}

func (op optParser) name(t term.Term) string {
	if !t.IsAtom() {
		return ""
	}
	return op.env.AtomName(t)
}

func (op optParser) boolean(t term.Term) (bool, bool) {
	switch t {
	case term.AtomTrue:
		return true, true
	case term.AtomFalse:
		return false, true
	}
	return false, false
}

func (op optParser) intIn(t term.Term, lo, hi int64) (int, bool) {
	if !t.IsSmall() || t.Small() < lo || t.Small() > hi {
		return 0, false
	}
	return int(t.Small()), true
}

// parse applies the option list opts to o and appends the kernel options
// it names to ks. Options that only listen or connect understand (ip,
// port, backlog, inet, inet6…) are reported to extra when it is not nil,
// else they are errors. It returns false for anything it does not accept.
func (op optParser) parse(opts term.Term, o *sockOpts, ks []kernelSetting, extra func(name string, v term.Term) bool) ([]kernelSetting, bool) {
	env := op.env
	for t := opts; t != term.Nil; t = env.Tl(t) {
		if !t.IsList() {
			return ks, false
		}
		e := env.Hd(t)
		var name string
		var v term.Term
		switch {
		case e.IsAtom():
			name = op.name(e)
			switch name {
			case "binary", "list":
				o.binary = name == "binary"
				continue
			}
		case env.IsTuple(e) && env.TupleArity(e) == 2:
			name, v = op.name(env.Elem(e, 0)), env.Elem(e, 1)
		case env.IsTuple(e) && env.TupleArity(e) == 3 && op.name(env.Elem(e, 0)) == "raw":
			name = "raw"
		}
		if name == "" {
			return ks, false
		}
		if k, ok := kernelOpts[name]; ok && v != 0 {
			s := kernelSetting{opt: k}
			switch k.kind {
			case koBool:
				b, ok := op.boolean(v)
				if !ok {
					return ks, false
				}
				if b {
					s.val = 1
				}
			case koInt:
				n, ok := op.intIn(v, 0, 1<<31-1)
				if !ok {
					return ks, false
				}
				s.val = n
				if name == "recbuf" {
					o.buffer = max(n, 1) // as OTP does, the user buffer follows
				}
			case koLinger:
				if !env.IsTuple(v) || env.TupleArity(v) != 2 {
					return ks, false
				}
				b, ok1 := op.boolean(env.Elem(v, 0))
				n, ok2 := op.intIn(env.Elem(v, 1), 0, 1<<31-1)
				if !ok1 || !ok2 {
					return ks, false
				}
				s.onoff, s.val = b, n
			}
			ks = append(ks, s)
			continue
		}
		if !op.own(name, v, o) {
			if extra == nil || !extra(name, v) {
				return ks, false
			}
		}
	}
	return ks, true
}

// own applies one of beamr's own options to o.
func (op optParser) own(name string, v term.Term, o *sockOpts) bool {
	if v == 0 {
		return false
	}
	if f, lo := o.intField(name); f != nil {
		n, ok := op.intIn(v, lo, 1<<31-1)
		if ok {
			*f = n
		}
		return ok
	}
	if f := o.boolField(name); f != nil {
		b, ok := op.boolean(v)
		if ok {
			*f = b
		}
		return ok
	}
	var ok bool
	switch name {
	case "mode":
		switch op.name(v) {
		case "binary":
			o.binary, ok = true, true
		case "list":
			o.binary, ok = false, true
		}
	case "active":
		return op.active(v, o)
	case "packet":
		switch {
		case op.name(v) == "raw":
			o.packet, ok = 0, true
		case op.name(v) == "line":
			o.packet, ok = pkLine, true
		case v.IsSmall():
			switch v.Small() {
			case 0, 1, 2, 4:
				o.packet, ok = int8(v.Small()), true
			}
		}
	case "line_delimiter":
		var n int
		n, ok = op.intIn(v, 0, 255)
		o.lineDelim = byte(n)
	case "send_timeout":
		if op.name(v) == "infinity" {
			o.sendTimeout, ok = -1, true
		} else {
			o.sendTimeout, ok = op.intIn(v, 0, 1<<31-1)
		}
	case "deliver":
		switch op.name(v) {
		case "term":
			o.deliverPort, ok = false, true
		case "port":
			o.deliverPort, ok = true, true
		}
	}
	return ok
}

// active applies {active, V} to o: {active, N} adds N to a count already
// running, and a count that reaches 0 or less turns the socket passive
// (passiveMsg then tells the owner). A count over 32767 is refused.
func (op optParser) active(v term.Term, o *sockOpts) bool {
	switch {
	case v == term.AtomTrue:
		o.active = actTrue
	case v == term.AtomFalse:
		o.active = actFalse
	case op.name(v) == "once":
		o.active = actOnce
	case v.IsSmall() && v.Small() >= -32768 && v.Small() <= maxActiveN:
		n := int(v.Small())
		if o.active == actN {
			n += o.activeN
		}
		if n > maxActiveN {
			return false
		}
		if n <= 0 {
			o.active, o.activeN = actFalse, 0
			o.passiveMsg = true
		} else {
			o.active, o.activeN = actN, n
		}
	default:
		return false
	}
	return true
}

// getopt builds {Name, Value} for option name of a socket with options o
// and descriptor sys (-1 when it has none), or returns false.
func getopt(h *heap.Heap, env *term.Env, name string, o *sockOpts, sys int) (term.Term, bool) {
	a := env.Atom
	var v term.Term
	boolean := func(b bool) term.Term {
		if b {
			return term.AtomTrue
		}
		return term.AtomFalse
	}
	if k, ok := kernelOpts[name]; ok {
		if sys < 0 {
			return 0, false
		}
		switch k.kind {
		case koLinger:
			l, err := unix.GetsockoptLinger(sys, k.level, k.name)
			if err != nil {
				return 0, false
			}
			v = h.Tuple(boolean(l.Onoff != 0), h.Int(int64(l.Linger)))
		default:
			n, err := unix.GetsockoptInt(sys, k.level, k.name)
			if err != nil {
				return 0, false
			}
			if k.kind == koBool {
				v = boolean(n != 0)
			} else {
				v = h.Int(int64(n))
			}
		}
		return h.Tuple(a(name), v), true
	}
	if f, _ := o.intField(name); f != nil {
		return h.Tuple(a(name), h.Int(int64(*f))), true
	}
	if f := o.boolField(name); f != nil {
		return h.Tuple(a(name), boolean(*f)), true
	}
	switch name {
	case "active":
		switch o.active {
		case actTrue:
			v = term.AtomTrue
		case actFalse:
			v = term.AtomFalse
		case actOnce:
			v = a("once")
		default:
			v = h.Int(int64(o.activeN))
		}
	case "mode":
		if o.binary {
			v = a("binary")
		} else {
			v = a("list")
		}
	case "packet":
		if o.packet == pkLine {
			v = a("line")
		} else {
			v = h.Int(int64(o.packet))
		}
	case "line_delimiter":
		v = h.Int(int64(o.lineDelim))
	case "send_timeout":
		if o.sendTimeout < 0 {
			v = a("infinity")
		} else {
			v = h.Int(int64(o.sendTimeout))
		}
	case "deliver":
		if o.deliverPort {
			v = a("port")
		} else {
			v = a("term")
		}
	default:
		return 0, false
	}
	return h.Tuple(a(name), v), true
}

// intField returns the integer option name of o and the least value it
// takes, or nil.
func (o *sockOpts) intField(name string) (*int, int64) {
	switch name {
	case "packet_size":
		return &o.packetSize, 0
	case "header":
		return &o.header, 0
	case "buffer":
		return &o.buffer, 1
	case "high_watermark":
		return &o.highWM, 0
	case "low_watermark":
		return &o.lowWM, 0
	case "high_msgq_watermark":
		return &o.highMsgqWM, 1
	case "low_msgq_watermark":
		return &o.lowMsgqWM, 1
	}
	return nil, 0
}

// boolField returns the boolean option name of o, or nil.
func (o *sockOpts) boolField(name string) *bool {
	switch name {
	case "exit_on_close":
		return &o.exitOnClose
	case "delay_send":
		return &o.delaySend
	case "send_timeout_close":
		return &o.sendTOClose
	case "show_econnreset":
		return &o.showReset
	}
	return nil
}

package beamr

import (
	"context"
	"sync"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Mailbox lets Go receive Erlang messages. It has a pid, which Erlang
// code sends to as to any process (pass it in a message or a Call
// argument, or register it under a name with erlang:register/2); each
// message arrives converted to a Value, in the order sent.
//
// Behind the pid is a small Erlang process that traps exits: linking to
// it works, and the exit of a linked process arrives as the message
// {'EXIT', Pid, Reason} instead of ending the mailbox; monitors of it work
// as for any process. Messages wait in the mailbox, without bound, until
// Go receives them. A Mailbox's methods may be called from any goroutine.
type Mailbox struct {
	r     *Runtime
	key   int64
	pid   Pid
	watch *vm.Watch

	mu     sync.Mutex
	queue  []Value
	closed bool          // no more messages are taken
	notify chan struct{} // a token when queue grows

	ch       chan Value    // what C returns; closed when the pump ends
	quit     chan struct{} // closed by stop
	quitOnce sync.Once
	pumped   chan struct{} // closed when the pump has ended
}

// NewMailbox creates a mailbox. Close it when done with it; Shutdown
// closes those still open.
func (r *Runtime) NewMailbox() (*Mailbox, error) {
	m := &Mailbox{r: r, notify: make(chan struct{}, 1), ch: make(chan Value),
		quit: make(chan struct{}), pumped: make(chan struct{})}
	if err := r.enter(); err != nil {
		return nil, err
	}
	defer r.leave()
	if !r.tasks.add() {
		return nil, ErrClosed
	}
	m.key = r.boxes.add(m)
	pid, w, err := r.vm.Start(r.aEmbed, r.aMailbox, func(h *heap.Heap) ([]term.Term, error) {
		return []term.Term{term.MakeSmall(m.key)}, nil
	}, true)
	if err != nil {
		r.boxes.remove(m.key)
		r.tasks.done()
		return nil, r.vmError(err)
	}
	m.pid, m.watch = Pid{n: pid.PidNumber(), rt: r.vm}, w
	go m.pump()
	return m, nil
}

// Pid returns the mailbox's pid.
func (m *Mailbox) Pid() Pid { return m.pid }

// C returns the channel on which the mailbox's messages arrive, for use in
// a select. It is closed when the mailbox is closed (by Close or
// Shutdown) or its process is killed.
func (m *Mailbox) C() <-chan Value { return m.ch }

// Receive returns the next message, waiting for one until ctx ends (then
// it returns ctx.Err() and no message is lost: the next Receive gets it).
// It returns ErrClosed once the mailbox is closed, or once its process
// was killed and the messages that had reached Go are received.
func (m *Mailbox) Receive(ctx context.Context) (Value, error) {
	if ctx == nil {
		return nil, errNilContext
	}
	select {
	case v, ok := <-m.ch:
		if !ok {
			return nil, ErrClosed
		}
		return v, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Close closes the mailbox: its process ends (normally: linked processes
// that do not trap exits are unaffected, monitors get reason normal),
// messages not yet received are dropped and C's channel is closed. It
// returns when all of that is done. Closing a closed mailbox does
// nothing.
func (m *Mailbox) Close() error {
	m.stop()
	<-m.pumped
	return nil
}

// stop marks m closed and makes its process end.
func (m *Mailbox) stop() {
	m.quitOnce.Do(func() {
		m.mu.Lock()
		m.closed = true
		m.queue = nil
		m.mu.Unlock()
		close(m.quit)
		m.r.boxes.remove(m.key)
		// Wake the process: its next message finds the mailbox closed.
		m.r.vm.Send(term.MakePid(m.pid.n), func(*heap.Heap) (term.Term, error) { return m.r.aStop, nil })
	})
}

// pump moves messages from the queue to the channel.
func (m *Mailbox) pump() {
	defer m.r.tasks.done()
	defer close(m.pumped)
	defer close(m.ch)
	dead := m.watch.Done()
	for {
		m.mu.Lock()
		for len(m.queue) == 0 {
			if m.closed || dead == nil {
				m.mu.Unlock()
				return
			}
			m.mu.Unlock()
			select {
			case <-m.notify:
			case <-m.quit:
				return
			case <-dead:
				// The process was killed: hand out what it left.
				dead = nil
			}
			m.mu.Lock()
		}
		v := m.queue[0]
		m.queue[0] = nil
		m.queue = m.queue[1:]
		m.mu.Unlock()
		select {
		case m.ch <- v:
		case <-m.quit:
			return
		}
	}
}

// deliver is beamr_go:deliver(Key, Msg), which the mailbox's process
// calls for every message: the message joins the queue. It returns stop
// when the mailbox is closed.
func (r *Runtime) deliver(p *vm.Process, args []term.Term) term.Term {
	if !args[0].IsSmall() {
		return p.BadArg()
	}
	m, ok := r.boxes.get(args[0].Small())
	if !ok {
		return r.aStop
	}
	v := decoder{rt: r.vm, env: p.Env()}.value(args[1])
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return r.aStop
	}
	m.queue = append(m.queue, v)
	m.mu.Unlock()
	select {
	case m.notify <- struct{}{}:
	default:
	}
	return r.aOk
}

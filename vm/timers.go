package vm

import (
	"sync"
	"sync/atomic"
)

// maxTimeout is the largest timeout a receive accepts, in milliseconds.
const maxTimeout = 1<<32 - 1

// timers is the runtime's timer service: receive timeouts and the
// erlang:send_after/start_timer timers, on one timer wheel.
type timers struct {
	once sync.Once
	w    *timerWheel
	n    atomic.Int64 // timers added and neither fired nor cancelled

	mu    sync.Mutex
	byRef map[uint64]*timer // BIF timers by reference number
}

func (ts *timers) wheel() *timerWheel {
	ts.once.Do(func() { ts.w = newTimerWheel() })
	return ts.w
}

// now returns the wheel's clock in milliseconds.
func (ts *timers) now() int64 { return ts.wheel().now() }

// deadline returns the wheel time at which a timer of ms milliseconds
// from now fires: the clock counts whole milliseconds, so one more keeps
// a timer from ever firing early.
func (ts *timers) deadline(ms int64) int64 { return ts.wheel().now() + ms + 1 }

// add schedules t, whose fire function must call fired when done.
func (ts *timers) add(t *timer) {
	ts.n.Add(1)
	ts.wheel().add(t)
}

// fired counts a timer that has fired.
func (ts *timers) fired() { ts.n.Add(-1) }

// cancel stops t; false when it has fired (or is firing) already.
func (ts *timers) cancel(t *timer) bool {
	if ts.wheel().cancel(t) {
		ts.n.Add(-1)
		return true
	}
	return false
}

// pending returns the number of timers that have not fired.
func (ts *timers) pending() int64 { return ts.n.Load() }

// stop stops the wheel; no timer fires afterwards.
func (ts *timers) stop() {
	ts.once.Do(func() {})
	if ts.w != nil {
		ts.w.stop()
	}
}

// armRecvTimer starts the timeout of the receive p waits in: after ms
// milliseconds p gets a sigTimeout numbered like this receive.
func (p *Process) armRecvTimer(ms int64) {
	rt := p.rt
	p.recvSeq++
	t := &timer{when: rt.timers.deadline(ms), pid: p.Pid, rseq: uint64(p.recvSeq), fire: rt.fireRecv}
	p.recvTimer = t
	rt.timers.add(t)
}

// fireRecvTimeout tells a waiting process its receive timed out.
func (rt *Runtime) fireRecvTimeout(t *timer) {
	rt.post(t.pid, signal{kind: sigTimeout, ref: t.rseq}, nil)
	rt.timers.fired()
}

// clearRecvTimer ends the timeout of the receive that just finished.
func (p *Process) clearRecvTimer() {
	if p.recvTimer != nil {
		p.rt.timers.cancel(p.recvTimer)
		p.recvTimer = nil
	}
	p.timedOut = false
}

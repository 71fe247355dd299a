package vm

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Scheduling. A runtime runs its processes on a few scheduler goroutines
// (Config.Schedulers, GOMAXPROCS by default). Each scheduler has a run
// queue per priority; a process made runnable by a running process goes to
// that process's scheduler, one made runnable from elsewhere (a timer, the
// Go API) to the scheduler it last ran on. A scheduler with nothing to run
// steals from the others, then parks until it is woken.
//
// A process's run state (Process.state) moves between
//
//	stWaiting   alive, in no queue, not running: only a signal wakes it
//	stRunnable  in exactly one run queue
//	stRunning   a scheduler runs it
//	stRunningSig  running, and a signal arrived since it started
//	stExited    gone
//
// A signal's sender puts the signal in the target's inbox, then wakes it:
// stWaiting → stRunnable (the sender queues it) or stRunning →
// stRunningSig (its scheduler will run it again instead of letting it
// wait). Only the scheduler that runs a process changes stRunning, and it
// switches the process out (saving its registers) before giving up the
// state, so no two schedulers ever hold one process.

// Process priorities, in the order run queues are served.
const (
	prioMax = iota
	prioHigh
	prioNormal
	prioLow
	numPrios
)

// Run states (Process.state).
const (
	stWaiting uint32 = iota
	stRunnable
	stRunning
	stRunningSig
	stExited
)

// lowEvery: a low-priority process runs after this many normal ones when
// both queues hold processes.
const lowEvery = 8

// procQueue is a FIFO ring of processes.
type procQueue struct {
	buf        []*Process
	head, size int
}

func (q *procQueue) push(p *Process) {
	if q.size == len(q.buf) {
		nb := make([]*Process, max(2*len(q.buf), 16))
		for i := 0; i < q.size; i++ {
			nb[i] = q.buf[(q.head+i)%len(q.buf)]
		}
		q.buf, q.head = nb, 0
	}
	q.buf[(q.head+q.size)%len(q.buf)] = p
	q.size++
}

func (q *procQueue) pop() *Process {
	if q.size == 0 {
		return nil
	}
	p := q.buf[q.head]
	q.buf[q.head] = nil
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return p
}

// scheduler is one scheduler goroutine's state.
type scheduler struct {
	rt *Runtime
	id int

	mu      sync.Mutex
	q       [numPrios]procQueue
	lowTurn int
	queued  atomic.Int32 // processes in q, readable without mu

	wake chan struct{} // a token wakes the parked scheduler
	// io is the scheduler's completion ring (ioring.go), nil until a
	// process running here first submits an operation; ioPtr publishes it
	// to the goroutines that wake this scheduler.
	io    *schedIO
	ioPtr atomic.Pointer[schedIO]
	cur   *Process // the process running, for a panic's recovery

	regs regs

	// chunks is a stock of free first inbox chunks (inbox.go), used by
	// this scheduler's goroutine only.
	chunks []*sigChunk
}

// schedulers is the runtime's set of schedulers.
type schedulers struct {
	once   sync.Once
	all    []*scheduler
	wg     sync.WaitGroup
	stop   atomic.Bool
	idleMu sync.Mutex
	idle   []*scheduler
	nidle  atomic.Int32
	// spinning counts schedulers looking for work before they park.
	spinning atomic.Int32
	// quiet is signalled when every scheduler is parked and no timer is
	// pending: nothing can ever run again unless the Go side sends.
	quiet chan struct{}
}

// SchedulerCount returns the number of schedulers the runtime runs (or
// will run, once it starts them): Config.Schedulers, or GOMAXPROCS when
// that is not positive.
func (rt *Runtime) SchedulerCount() int {
	if n := rt.cfg.Schedulers; n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// startSchedulers starts the scheduler goroutines on first use.
func (rt *Runtime) startSchedulers() {
	ss := &rt.sched
	ss.once.Do(func() {
		n := rt.SchedulerCount()
		ss.quiet = make(chan struct{}, 1)
		for i := 0; i < n; i++ {
			s := &scheduler{rt: rt, id: i, wake: make(chan struct{}, 1), chunks: make([]*sigChunk, 0, schedChunks)}
			s.regs.s = s
			ss.all = append(ss.all, s)
		}
		for _, s := range ss.all {
			ss.wg.Add(1)
			go s.loop()
		}
	})
}

// stopSchedulers makes every scheduler return after its current slice and
// waits for them.
func (rt *Runtime) stopSchedulers() {
	ss := &rt.sched
	ss.stop.Store(true)
	for _, s := range ss.all {
		s.sendWake()
	}
	ss.wg.Wait()
}

// enqueue puts a process that was made stRunnable in a run queue: the
// queue of from (the scheduler whose process woke it) when set, else that of
// the scheduler it last ran on.
func (rt *Runtime) enqueue(p *Process, from *scheduler) {
	s := from
	if s == nil {
		s = p.home
		if s == nil {
			s = rt.sched.all[int(p.Pid.PidNumber())%len(rt.sched.all)]
		}
	}
	s.mu.Lock()
	s.q[p.prio].push(p)
	n := s.queued.Add(1)
	s.mu.Unlock()
	// A scheduler that queues work for itself runs it soon enough unless
	// more is waiting (or it is about to be busy for long: offerWork);
	// otherwise let an idle scheduler come and steal, unless one is
	// already looking for work.
	if (from == nil || n > 1) && rt.sched.spinning.Load() == 0 {
		rt.wakeIdle()
	}
}

// offerWork is called by a process about to be busy for long without
// yielding (a large collection): an idle scheduler is woken to take what
// waits in its scheduler's queue.
func (p *Process) offerWork() {
	if s := p.sched(); s != nil && s.queued.Load() > 0 && s.rt.sched.spinning.Load() == 0 {
		s.rt.wakeIdle()
	}
}

// wakeIdle wakes one parked scheduler, if any.
func (rt *Runtime) wakeIdle() {
	ss := &rt.sched
	if ss.nidle.Load() == 0 {
		return
	}
	ss.idleMu.Lock()
	var s *scheduler
	if n := len(ss.idle); n > 0 {
		s = ss.idle[n-1]
		ss.idle = ss.idle[:n-1]
		ss.nidle.Add(-1)
	}
	ss.idleMu.Unlock()
	if s != nil {
		s.sendWake()
	}
}

// sendWake gives s a wake token and interrupts its wait on its ring.
func (s *scheduler) sendWake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
	if x := s.ioPtr.Load(); x != nil {
		x.ring.Wake()
	}
}

// take pops the next process of s's own queues by priority.
func (s *scheduler) take() *Process {
	if s.queued.Load() == 0 {
		return nil
	}
	s.mu.Lock()
	p := s.takeLocked()
	s.mu.Unlock()
	return p
}

func (s *scheduler) takeLocked() *Process {
	var p *Process
	switch {
	case s.q[prioMax].size > 0:
		p = s.q[prioMax].pop()
	case s.q[prioHigh].size > 0:
		p = s.q[prioHigh].pop()
	case s.q[prioNormal].size > 0 && (s.q[prioLow].size == 0 || s.lowTurn < lowEvery):
		s.lowTurn++
		p = s.q[prioNormal].pop()
	case s.q[prioLow].size > 0:
		s.lowTurn = 0
		p = s.q[prioLow].pop()
	default:
		return nil
	}
	s.queued.Add(-1)
	return p
}

// steal takes a runnable process from another scheduler.
func (s *scheduler) steal() *Process {
	all := s.rt.sched.all
	for i := 1; i < len(all); i++ {
		o := all[(s.id+i)%len(all)]
		if o.queued.Load() == 0 {
			continue
		}
		o.mu.Lock()
		p := o.takeLocked()
		o.mu.Unlock()
		if p != nil {
			return p
		}
	}
	return nil
}

// anyWork reports whether some run queue holds a process.
func (rt *Runtime) anyWork() bool {
	for _, o := range rt.sched.all {
		if o.queued.Load() > 0 {
			return true
		}
	}
	return false
}

// loop is a scheduler goroutine.
func (s *scheduler) loop() {
	rt := s.rt
	defer rt.sched.wg.Done()
	defer s.stopIO()
	for !rt.sched.stop.Load() {
		s.serve()
	}
}

// serve runs processes until the runtime stops, or until a Go panic ends
// the process it was running (the panic is recovered here, once for many
// slices, rather than at every switch).
func (s *scheduler) serve() {
	rt := s.rt
	defer func() {
		if v := recover(); v != nil {
			p := s.cur
			if p == nil {
				panic(v) // not in a process: a bug of the scheduler itself
			}
			s.cur = nil
			rt.panicked(p, v)
			s.finish(p, runExit)
		}
	}()
	for !rt.sched.stop.Load() {
		p := s.take()
		if p == nil {
			p = s.steal()
		}
		if p == nil {
			// Spin briefly: a message round trip between processes on
			// two schedulers is much cheaper without a park and wake.
			rt.sched.spinning.Add(1)
			for i := 0; i < 64 && p == nil; i++ {
				runtime.Gosched()
				if p = s.take(); p == nil {
					p = s.steal()
				}
			}
			rt.sched.spinning.Add(-1)
		}
		if p == nil && s.io != nil {
			s.io.poll()
			if p = s.take(); p == nil {
				p = s.steal()
			}
		}
		if p == nil {
			s.park()
			continue
		}
		s.cur = p
		s.runSlice(p)
		s.cur = nil
		if s.io != nil {
			s.io.poll()
		}
	}
}

// park sleeps until another goroutine wakes s.
func (s *scheduler) park() {
	ss := &s.rt.sched
	ss.idleMu.Lock()
	ss.idle = append(ss.idle, s)
	idle := ss.nidle.Add(1)
	ss.idleMu.Unlock()
	if s.rt.anyWork() || ss.stop.Load() {
		ss.idleMu.Lock()
		removed := false
		for i, o := range ss.idle {
			if o == s {
				ss.idle = append(ss.idle[:i], ss.idle[i+1:]...)
				ss.nidle.Add(-1)
				removed = true
				break
			}
		}
		ss.idleMu.Unlock()
		if !removed {
			<-s.wake // a waker took s off the list and sends a token
		}
		return
	}
	if int(idle) == len(ss.all) {
		s.rt.checkQuiet()
	}
	if s.io != nil && s.io.busy() {
		s.waitParked()
		return
	}
	<-s.wake
}

// checkQuiet signals quiet when every scheduler is parked (the caller
// checked) and nothing outside them can make a process run again.
func (rt *Runtime) checkQuiet() {
	if rt.timers.pending() == 0 && rt.external.Load() == 0 && rt.ioBusy.Load() == 0 {
		select {
		case rt.sched.quiet <- struct{}{}:
		default:
		}
	}
}

// runSlice runs p for one slice and files it according to how it stopped.
func (s *scheduler) runSlice(p *Process) {
	p.state.Store(stRunning)
	p.home = s
	s.regs.attach(p)
	s.finish(p, p.runSlice())
}

// finish files p, which has just run, according to how it stopped.
func (s *scheduler) finish(p *Process, res runResult) {
	rt := s.rt
	r := &s.regs
	switch res {
	case runYield:
		r.detach(p.liveAt(p.pc))
		p.state.Store(stRunnable)
		rt.enqueue(p, s)
	case runWait:
		r.detach(0)
		if !p.state.CompareAndSwap(stRunning, stWaiting) {
			// A signal came while it ran: look at it now.
			p.state.Store(stRunnable)
			rt.enqueue(p, s)
		}
	default:
		p.terminate()
		r.detach(0)
		p.state.Store(stExited)
		p.finished()
	}
}

// runGuarded runs one slice of p, turning a Go panic into the end of the
// process (or, for erlang:halt and memory exhaustion, of the runtime).
func (rt *Runtime) runGuarded(p *Process) (res runResult) {
	defer func() {
		if v := recover(); v != nil {
			rt.panicked(p, v)
			res = runExit
		}
	}()
	return p.runSlice()
}

// panicked records how a Go panic during p's slice ends it.
func (rt *Runtime) panicked(p *Process, v any) {
	switch v := v.(type) {
	case haltSignal:
		rt.doHalt(int(v), nil)
		p.setExit(0, p.Atom("killed"), 0)
	case maxHeapKill:
		p.setExit(0, term.AtomKilled, 0)
	case heap.OutOfMemory:
		rt.doHalt(1, fmt.Errorf("out of memory: %w", v.Err))
		p.setExit(0, p.Atom("killed"), 0)
	default:
		// A fault in the VM itself (code that breaks what the
		// compiler guarantees): end this process, not the program.
		err := fmt.Errorf("internal error in %s: %v", p.describe(), v)
		if w := p.waiter(); w != nil {
			w.fatal = err
		} else {
			fmt.Fprintf(rt.cfg.Stderr, "beamr: %v\n", err)
		}
		p.setExit(0, p.Atom("internal_error"), 0)
	}
}

// runSlice runs p (attached to a register file) until it yields, waits
// or ends.
func (p *Process) runSlice() runResult {
	// Signals that came while it was switched out come first.
	p.sigLive = int32(len(p.xsave))
	if !p.handleSignals() {
		return runExit
	}
	p.sigLive = 0 // in a receive, the only other place signals are handled
	if !p.started {
		p.started = true
		if !p.startCall() {
			return runExit
		}
	}
	return p.run()
}

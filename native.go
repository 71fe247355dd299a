package beamr

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Func is a Go function callable from Erlang (see Register). It receives
// the call's arguments converted to Values and returns the result, which
// is converted to a term. Returning an error raises an exception in the
// calling process instead: an *Error raises its Class (error, exit or
// throw) and Reason; any other error raises error:{go_error, Message}
// with the error's text as a binary. A panic raises error:{go_panic,
// Message}, and so does one while the error is read (a nil pointer
// returned as the error, an Error method that panics). A result that
// cannot be converted raises error:{go_error, Message} too.
//
// ctx is cancelled when the calling process ends before fn returns (it
// was killed, for instance because the Call that started it was
// cancelled) and when the runtime shuts down; what fn returns then is
// dropped. CallerPid(ctx) is the calling process.
type Func func(ctx context.Context, args []Value) (Value, error)

// callerKey is the context key of the calling process's pid.
type callerKey struct{}

// CallerPid returns the pid of the Erlang process that called the Go
// function whose context ctx is.
func CallerPid(ctx context.Context) (Pid, bool) {
	p, ok := ctx.Value(callerKey{}).(Pid)
	return p, ok
}

// Register makes fn callable from Erlang as module:function/arity, e.g.
// Register("db", "query", 1, fn) for db:query(SQL). The module need not
// exist as Erlang code; when it does, fn takes the place of its function
// of that name and arity for calls from other modules (the module's local
// calls still run its Erlang code). Register functions before the Erlang
// code that calls them runs: registering while processes may be calling
// that function is a data race.
//
// fn runs on a worker goroutine, not on a scheduler: the calling process
// waits for its result (like a receive) while every other process keeps
// running, so fn may block for as long as it needs. At most WithMaxBlocking
// calls run at once (the workers of a runtime are shared by all its Go
// functions); further calls wait their turn in a queue. (So a Go function
// that Calls Erlang code which calls Go functions in turn can wait for
// ever when all the workers are taken by such functions.) If the calling
// process ends meanwhile, a call still queued does not run, and a running
// one sees its ctx cancelled; its result is dropped.
func (r *Runtime) Register(module, function string, arity int, fn Func) error {
	if fn == nil {
		return errors.New("beamr: register: nil function")
	}
	if arity < 0 || arity > 255 {
		return fmt.Errorf("beamr: register %s:%s/%d: arity must be 0..255", module, function, arity)
	}
	if err := r.enter(); err != nil {
		return err
	}
	defer r.leave()
	m, err := r.atom(module)
	if err != nil {
		return fmt.Errorf("beamr: register: %w", err)
	}
	f, err := r.atom(function)
	if err != nil {
		return fmt.Errorf("beamr: register: %w", err)
	}
	r.vm.Register(module, function, arity, r.native(m, f, fn))
	return nil
}

// native returns the VM native function of fn as M:F: it converts the
// arguments, queues fn for the pool of workers and makes the process
// continue in beamr_embed:wait(Ref, M, F, Args), which receives
// {Ref, ok, Value} or {Ref, raise, Class, Reason} from the worker.
func (r *Runtime) native(m, f term.Term, fn Func) vm.NativeFunc {
	return func(p *vm.Process, args []term.Term) term.Term {
		d := decoder{rt: r.vm, env: p.Env()}
		vals := make([]Value, len(args))
		for i, a := range args {
			vals[i] = d.value(a)
		}
		id := r.vm.NewRefID()
		pid := Pid{n: p.Pid.PidNumber(), rt: r.vm}
		ctx, cancel := context.WithCancel(context.WithValue(r.ctx, callerKey{}, pid))
		j := job{ctx: ctx, caller: &caller{cancel: cancel}, pid: pid, id: id, fn: fn, args: vals, ext: r.vm.BeginExternal()}
		// The job's context ends with the process.
		r.vm.Own(p.Pid, j.caller)
		if !r.pool.submit(r, j) {
			r.finish(j)
			return p.Raise(term.AtomExit, p.Atom("shutdown"))
		}
		argList := p.Heap.List(args...)
		ref := vm.MakeRefOn(p.Heap, id)
		p.SetX(0, ref)
		p.SetX(1, m)
		p.SetX(2, f)
		p.SetX(3, argList)
		return p.TailCall(r.wait, 4)
	}
}

// job is one call of a Go function: fn(ctx, args) for the process pid,
// whose outcome goes back tagged with the reference numbered id. caller
// cancels ctx when the process ends. ext ends the runtime's note that a
// message is still to come (BeginExternal).
type job struct {
	ctx    context.Context
	caller *caller
	pid    Pid
	id     uint64
	fn     Func
	args   []Value
	ext    func()
}

// caller is the resource, owned by the process that called a Go
// function, that cancels the function's context when the process ends.
type caller struct {
	cancel context.CancelFunc
}

// Drop does nothing: a caller holds no memory of the runtime.
func (c *caller) Drop() {}

// OwnerExited cancels the context: the calling process has ended.
func (c *caller) OwnerExited() { c.cancel() }

// RuntimeClosed cancels the context: the runtime has closed.
func (c *caller) RuntimeClosed() { c.cancel() }

// finish releases what a job holds once it has run or will not run.
func (r *Runtime) finish(j job) {
	r.vm.Disown(j.caller)
	j.caller.cancel()
	j.ext()
}

// pool runs jobs on at most max worker goroutines, which start when jobs
// wait and end when none is left; jobs beyond that wait in a queue (a few
// words each, not a goroutine).
type pool struct {
	mu      sync.Mutex
	queue   []job
	head    int // queue[head:] waits
	workers int
	max     int
	closed  bool
}

// submit queues j, starting a worker when fewer than max run. It returns
// false once the pool is closed.
func (p *pool) submit(r *Runtime, j job) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.queue = append(p.queue, j)
	if p.workers < p.max && r.tasks.add() {
		p.workers++
		go p.work(r)
	}
	return true
}

// next takes the next job; false when there is none (the worker then
// ends).
func (p *pool) next() (job, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.head == len(p.queue) || p.closed {
		p.workers--
		return job{}, false
	}
	j := p.queue[p.head]
	p.queue[p.head] = job{}
	p.head++
	if p.head == len(p.queue) {
		p.queue, p.head = p.queue[:0], 0
	}
	return j, true
}

// queued returns the number of jobs waiting for a worker.
func (p *pool) queued() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue) - p.head
}

// close drops the jobs that have not started and refuses new ones.
func (p *pool) close(r *Runtime) {
	p.mu.Lock()
	left := p.queue[p.head:]
	p.queue, p.head, p.closed = nil, 0, true
	p.mu.Unlock()
	for _, j := range left {
		r.finish(j)
	}
}

// work is a worker: it runs jobs until none is left.
func (p *pool) work(r *Runtime) {
	goexit := true
	defer func() {
		if goexit {
			// A Go function called runtime.Goexit, which ends this
			// goroutine: hand the queue over to a new worker.
			p.mu.Lock()
			p.workers--
			more := !p.closed && p.head < len(p.queue) && r.tasks.add()
			if more {
				p.workers++
			}
			p.mu.Unlock()
			if more {
				go p.work(r)
			}
		}
		r.tasks.done()
	}()
	for {
		j, ok := p.next()
		if !ok {
			goexit = false
			return
		}
		r.run(j)
	}
}

// errGoexit is the outcome of a Go function that called runtime.Goexit.
var errGoexit = errors.New("the Go function called runtime.Goexit")

// run runs a job and sends its outcome to its process (also when the
// function ends its goroutine with runtime.Goexit). A job whose process
// has ended, or whose runtime is shutting down, is dropped unrun.
func (r *Runtime) run(j job) {
	defer r.finish(j)
	if j.ctx.Err() != nil {
		return
	}
	var v Value
	err := errGoexit
	defer func() {
		if j.ctx.Err() != nil {
			// The caller is gone, or shutting down (it is about to go,
			// and would only crash on a cancelled call).
			return
		}
		r.vm.Send(term.MakePid(j.pid.n), func(h *heap.Heap) (term.Term, error) {
			return r.outcomeTerm(h, j.id, v, err), nil
		})
	}()
	v, err = invoke(j.ctx, j.fn, j.args)
}

// goPanic is the error of a Go function that panicked.
type goPanic struct {
	val any
}

func (g *goPanic) Error() string { return fmt.Sprintf("%v", g.val) }

// invoke calls fn, turning a panic into an error.
func invoke(ctx context.Context, fn Func, args []Value) (v Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			v, err = nil, &goPanic{val: x}
		}
	}()
	return fn(ctx, args)
}

// outcomeTerm builds the message of a Go function's outcome on h.
func (r *Runtime) outcomeTerm(h *heap.Heap, id uint64, v Value, err error) term.Term {
	enc := r.encodeOn(h)
	ref := vm.MakeRefOn(h, id)
	if err == nil {
		t, cerr := enc.term(v)
		if cerr == nil {
			return h.Tuple(ref, r.aOk, t)
		}
		err = fmt.Errorf("result: %w", cerr)
	}
	class, reason := r.exceptionOf(enc, err)
	return h.Tuple(ref, r.aRaise, class, reason)
}

// exceptionOf returns the class and reason an error of a Go function
// raises.
func (r *Runtime) exceptionOf(enc encoder, err error) (class, reason term.Term) {
	h := enc.h
	e, text, panicked := errorOf(err)
	if panicked {
		return term.AtomError, h.Tuple(r.vm.Atom("go_panic"), h.Binary(r.env.Bins, []byte(text)))
	}
	if e != nil {
		switch e.Class {
		case "error", "exit", "throw":
			c, _ := enc.atom(string(e.Class))
			t, cerr := enc.term(e.Reason)
			if cerr == nil {
				return c, t
			}
			text = "reason: " + cerr.Error()
		default:
			text = fmt.Sprintf("exception class %q: want error, exit or throw", string(e.Class))
		}
	}
	return term.AtomError, h.Tuple(r.vm.Atom("go_error"), h.Binary(r.env.Bins, []byte(text)))
}

// errorOf reads the error of a Go function: the *Error it is or wraps,
// else its text. A panic while reading it (a nil pointer as the error, an
// Error or Unwrap method that panics) counts as a panic of the function,
// as does a recovered one (goPanic); text is then the panic's value.
func errorOf(err error) (e *Error, text string, panicked bool) {
	defer func() {
		if x := recover(); x != nil {
			e, text, panicked = nil, fmt.Sprint(x), true
		}
	}()
	var gp *goPanic
	if errors.As(err, &gp) {
		return nil, gp.Error(), true
	}
	if errors.As(err, &e) && e != nil {
		return e, "", false
	}
	return nil, err.Error(), false
}

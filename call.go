package beamr

import (
	"context"
	"fmt"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// outcome is how a Call's process ended: a value or an exception.
type outcome struct {
	v   Value
	err error
}

// Call runs module:function(args...) in a new Erlang process and returns
// its result. The arguments are converted as described under Value. When
// the function raises an exception that it does not catch, Call returns
// an *Error with the class, reason and stack trace (an undefined function
// is error:undef, as in Erlang). When the process is killed by an exit
// signal, the *Error has class exit and the exit reason.
//
// When ctx ends first, the process is killed and Call returns ctx.Err() once
// it has ended (a nil ctx is an error).
// Call returns ErrClosed when Shutdown begins meanwhile, and an error
// wrapping ErrHalted when Erlang code halts the runtime. The process is
// like any other: it may spawn, send, receive, link and do I/O; its group
// leader is the runtime's standard output.
func (r *Runtime) Call(ctx context.Context, module, function string, args ...Value) (Value, error) {
	if ctx == nil {
		return nil, errNilContext
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ch := make(chan outcome, 1)
	key := r.calls.add(ch)
	defer r.calls.remove(key)
	pid, w, err := r.start(module, function, args, key)
	if err != nil {
		return nil, err
	}
	select {
	case o := <-ch:
		return o.v, o.err
	case <-w.Done():
		select {
		case o := <-ch: // the reply came just before the end
			return o.v, o.err
		default:
		}
		if _, halted := r.vm.Halted(); halted {
			return nil, r.stoppedError() // the process called halt
		}
		return nil, r.exitError(w)
	case <-ctx.Done():
		// Return once the process has ended, so that what it started
		// (a queued Go function, say) sees it gone.
		r.kill(pid)
		select {
		case <-w.Done():
		case <-r.closing:
		case <-r.vm.Stopped():
		}
		return nil, ctx.Err()
	case <-r.closing:
		return nil, ErrClosed
	case <-r.vm.Stopped():
		select {
		case o := <-ch:
			return o.v, o.err
		default:
		}
		return nil, r.stoppedError()
	}
}

// Spawn starts module:function(args...) in a new Erlang process and
// returns its pid without waiting. The arguments are converted as
// described under Value; when one cannot be, no process starts and Spawn
// returns the error. When the process dies of an uncaught exception, a
// crash report goes to standard error, as in erl.
func (r *Runtime) Spawn(module, function string, args ...Value) (Pid, error) {
	pid, _, err := r.start(module, function, args, 0)
	return pid, err
}

// start starts a process: beamr_embed:call(key, M, F, Args) watched for
// Call when key is not 0, M:F(Args...) unwatched for Spawn.
func (r *Runtime) start(module, function string, args []Value, key int64) (Pid, *vm.Watch, error) {
	if err := r.enter(); err != nil {
		return Pid{}, nil, err
	}
	defer r.leave()
	m, err := r.atom(module)
	if err != nil {
		return Pid{}, nil, fmt.Errorf("beamr: module name: %w", err)
	}
	f, err := r.atom(function)
	if err != nil {
		return Pid{}, nil, fmt.Errorf("beamr: function name: %w", err)
	}
	var argErr error
	build := func(h *heap.Heap) ([]term.Term, error) {
		enc := r.encodeOn(h)
		ts := make([]term.Term, len(args))
		for i, a := range args {
			if ts[i], argErr = enc.term(a); argErr != nil {
				argErr = fmt.Errorf("beamr: %s:%s: argument %d: %w", module, function, i+1, argErr)
				return nil, argErr
			}
		}
		if key == 0 {
			return ts, nil
		}
		return []term.Term{term.MakeSmall(key), m, f, h.List(ts...)}, nil
	}
	var pid term.Term
	var w *vm.Watch
	if key == 0 {
		pid, w, err = r.vm.Start(m, f, build, false)
	} else {
		pid, w, err = r.vm.Start(r.aEmbed, r.aCall, build, true)
	}
	switch {
	case err == nil:
	case err == argErr:
		return Pid{}, nil, err
	case err == vm.ErrClosed:
		return Pid{}, nil, r.stoppedError()
	default:
		return Pid{}, nil, fmt.Errorf("beamr: %s:%s: %w", module, function, err)
	}
	return Pid{n: pid.PidNumber(), rt: r.vm}, w, nil
}

// atom returns the atom named name.
func (r *Runtime) atom(name string) (term.Term, error) { return r.encodeOn(nil).atom(name) }

// vmError maps the VM's errors to the package's.
func (r *Runtime) vmError(err error) error {
	if err == vm.ErrClosed {
		return r.stoppedError()
	}
	return err
}

// stoppedError is the error of an operation the stopped VM could not do.
func (r *Runtime) stoppedError() error {
	if code, ok := r.vm.Halted(); ok {
		return fmt.Errorf("%w with status %d", ErrHalted, code)
	}
	return ErrClosed
}

// exitError is the error of a Call whose process ended without replying:
// an exit signal killed it.
func (r *Runtime) exitError(w *vm.Watch) error {
	if err := r.enter(); err != nil {
		return err
	}
	defer r.leave()
	if err := w.Err(); err != nil {
		return fmt.Errorf("beamr: %w", err)
	}
	res := w.Result()
	e := &Error{Class: "exit", Reason: Atom("killed")}
	if res != nil && res.ExitReason != 0 {
		e.Reason = r.decode(res.ExitReason)
	}
	return e
}

// kill ends the process pid as exit(Pid, kill) does.
func (r *Runtime) kill(p Pid) {
	if r.enter() != nil {
		return
	}
	defer r.leave()
	r.vm.Kill(term.MakePid(p.n))
}

// Send sends msg to to, which is a Pid (a dead process's messages are
// dropped, as in Erlang) or the Atom a process is registered under (an
// error if none is). msg is converted as described under Value; when it
// cannot be, nothing is sent and Send returns the error. Messages from Go
// to one process arrive in the order they were sent.
func (r *Runtime) Send(to Value, msg Value) error {
	if err := r.enter(); err != nil {
		return err
	}
	defer r.leave()
	var pid term.Term
	switch x := to.(type) {
	case Pid:
		if x.rt != r.vm {
			return fmt.Errorf("beamr: send: pid %s of another runtime (or the zero Pid)", x)
		}
		pid = term.MakePid(x.n)
	case Atom:
		a, ok := r.env.Atoms.Lookup(string(x))
		var found bool
		if ok {
			pid, found = r.vm.Whereis(a)
		}
		if !found {
			return fmt.Errorf("beamr: send: no process is registered as %s", Format(x))
		}
	default:
		return fmt.Errorf("beamr: send: destination %s is neither a pid nor a registered name", Format(to))
	}
	_, err := r.vm.Send(pid, func(h *heap.Heap) (term.Term, error) {
		return r.encodeOn(h).term(msg)
	})
	if err != nil {
		return fmt.Errorf("beamr: send: %w", r.vmError(err))
	}
	return nil
}

// reply is beamr_go:reply(Key, Outcome), the native the process of a Call
// ends with: Outcome is {ok, Value} or {Class, Reason, Stack}.
func (r *Runtime) reply(p *vm.Process, args []term.Term) term.Term {
	env := p.Env()
	if !args[0].IsSmall() || !env.IsTuple(args[1]) {
		return p.BadArg()
	}
	ch, ok := r.calls.get(args[0].Small())
	if !ok {
		return term.AtomOk // the caller gave up
	}
	o, d := args[1], decoder{rt: r.vm, env: env}
	var res outcome
	switch env.TupleArity(o) {
	case 2:
		res.v = d.value(env.Elem(o, 1))
	case 3:
		e := newError(d.value(env.Elem(o, 0)), d.value(env.Elem(o, 1)), d.value(env.Elem(o, 2)))
		// The frame of beamr_embed:call is the runtime's, not the
		// caller's business.
		for n := len(e.Stack); n > 0 && e.Stack[n-1].Module == "beamr_embed"; n-- {
			e.Stack = e.Stack[:n-1]
		}
		res.err = e
	default:
		return p.BadArg()
	}
	select {
	case ch <- res:
	default: // replied already (a forged call)
	}
	return term.AtomOk
}

// Package beamr runs Erlang inside a Go program: a BEAM virtual machine,
// written in Go, that loads the .beam files OTP's erlc (or Gleam) produces
// and runs them as OTP's erl would, with no Erlang installation and no cgo.
//
// # Overview
//
// A Runtime is one virtual machine: its processes, schedulers, atoms and
// loaded modules. Create one with New and functional options, load modules
// into it, talk to its processes, and stop it with Shutdown:
//
//	rt, err := beamr.New(beamr.WithStdout(os.Stdout))
//	if err != nil { ... }
//	defer rt.Shutdown(context.Background())
//	rt.Load(beamBytes)                        // or LoadDir, LoadFS
//	v, err := rt.Call(ctx, "lists", "seq", 1, 3) // v is beamr.List{int64(1), int64(2), int64(3)}
//
// A Go program may run several runtimes; they share nothing (atoms,
// processes, modules, I/O) and the package itself has no mutable state.
// The methods of a Runtime and of a Mailbox may be called from any
// goroutine. Bad input (a value with no term, a pid of another runtime,
// a closed runtime) gives an error, never a panic.
//
// # Values
//
// Terms cross between Go and Erlang by copy, as Go values of the types
// listed under Value: integers are int64 (or *big.Int), binaries []byte,
// atoms Atom, tuples Tuple, lists List, maps Map, and so on. Any Go
// integer, finite float, string, bool, slice or map converts on the way
// in; what has no term (nil, a struct, NaN...) makes the call fail.
//
// # Calling Erlang
//
// Call runs module:function(args...) in a new process and returns its
// result, or an *Error carrying the exception's class, reason and stack
// trace; when its context ends first, the process is killed. Spawn starts
// a process without waiting; Send sends a message to a pid or registered
// name.
//
// # Receiving messages in Go
//
// NewMailbox gives Go a pid of its own: Erlang code sends to it like to any
// process (it can also be linked and monitored), and Go receives the
// messages with Mailbox.Receive or from Mailbox.C.
//
// # Go functions callable from Erlang
//
// Register makes a Go function callable as module:function/arity. It runs
// on a goroutine of its own while the calling process waits, so it may
// block (on a database, the network) without holding up other processes;
// its error, or a panic, becomes an Erlang exception in the caller. Its
// context is cancelled when the caller ends.
//
// # Shutting down
//
// Shutdown cancels the context of running Go functions and waits for them,
// ends every process, closes every file and socket Erlang code opened and
// releases all memory: no goroutine of the runtime is left.
package beamr

import (
	"bytes"
	"context"
	_ "embed" // the bundled Erlang module
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

//go:generate erlc +deterministic -o erl erl/beamr_embed.erl

// embedBeam is the compiled erl/beamr_embed.erl: the Erlang side of Call,
// of Go functions and of mailboxes.
//
//go:embed erl/beamr_embed.beam
var embedBeam []byte

// Runtime is one Erlang virtual machine. Its methods may be called from
// any goroutine. After Shutdown they fail with ErrClosed (Halted still
// answers).
type Runtime struct {
	vm  *vm.Runtime
	env *term.Env

	// Atoms and entries of the bundled module.
	aCall, aMailbox, aEmbed, aOk, aStop, aRaise term.Term
	wait                                        *vm.Export

	// mu is held for reading while the VM is used from Go, and for
	// writing by Shutdown to wait for those uses before closing it.
	mu        sync.RWMutex
	closed    bool
	closing   chan struct{} // closed when Shutdown begins
	closeOnce sync.Once
	closeErr  error

	ctx    context.Context // the context of Go functions; Shutdown cancels it
	cancel context.CancelFunc
	pool   pool  // the workers that run Go functions
	tasks  tasks // goroutines the runtime started

	calls pending[chan outcome]
	boxes pending[*Mailbox]
}

// New creates a runtime configured by opts, with the standard library
// installed. It runs no process until asked to.
func New(opts ...Option) (*Runtime, error) {
	c := config{maxBlocking: DefaultMaxBlocking}
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	cfg := vm.Config{
		Stdout:     c.stdout,
		Stderr:     c.stderr,
		Stdin:      c.stdin,
		CodePath:   c.codePath,
		ArenaWords: c.memory / 8,
		Schedulers: c.schedulers,
		OTPRoot:    c.otpRoot,
		PlainArgs:  c.args,
		IO:         c.ioBackend,
	}
	if cfg.Stdin == nil {
		cfg.Stdin = bytes.NewReader(nil)
	}
	if c.stdlib == StdlibOTP {
		cfg.Stdlib = vm.StdlibOTP
		if cfg.OTPRoot == "" {
			root, err := vm.FindOTPRoot()
			if err != nil {
				return nil, fmt.Errorf("beamr: StdlibOTP: %w (use WithOTPRoot)", err)
			}
			cfg.OTPRoot = root
		}
	}
	v, err := vm.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("beamr: %w", err)
	}
	r := &Runtime{vm: v, env: &v.Env, closing: make(chan struct{})}
	r.pool.max = c.maxBlocking
	r.ctx, r.cancel = context.WithCancel(context.Background())
	stdlib.Register(v)
	v.Register("beamr_go", "reply", 2, r.reply)
	v.Register("beamr_go", "deliver", 2, r.deliver)
	if _, err := v.LoadBinary(embedBeam); err != nil {
		v.Close()
		return nil, fmt.Errorf("beamr: loading the bundled module: %w", err)
	}
	r.aEmbed, r.aCall, r.aMailbox = v.Atom("beamr_embed"), v.Atom("call"), v.Atom("mailbox")
	r.aOk, r.aStop, r.aRaise = term.AtomOk, v.Atom("stop"), v.Atom("raise")
	w, ok := v.Exported(r.aEmbed, v.Atom("wait"), 4)
	if !ok {
		v.Close()
		return nil, errors.New("beamr: the bundled module lacks wait/4")
	}
	r.wait = w
	return r, nil
}

// enter marks a use of the VM from Go; it fails once Shutdown has begun.
// Each successful enter is followed by leave.
func (r *Runtime) enter() error {
	r.mu.RLock()
	if r.closed {
		r.mu.RUnlock()
		return ErrClosed
	}
	return nil
}

func (r *Runtime) leave() { r.mu.RUnlock() }

// Load loads a module from the contents of a .beam file and returns its
// name. It replaces the current code of a module of that name, as
// code:load_binary/3 does. The module's on_load function, if it has one,
// runs before Load returns (and Shutdown waits for it).
func (r *Runtime) Load(beam []byte) (string, error) {
	name, err := r.load(beam)
	if err != nil {
		return "", loadError("", err)
	}
	return name, nil
}

// load is Load with the VM's errors ("load: ...") as they are.
func (r *Runtime) load(beam []byte) (string, error) {
	if err := r.enter(); err != nil {
		return "", err
	}
	defer r.leave()
	m, err := r.vm.LoadBinary(beam)
	if err != nil {
		return "", err
	}
	return r.env.AtomName(m), nil
}

// LoadDir loads every .beam file of directory dir (not of its
// subdirectories) and returns the names of the modules, in file name
// order. It fails when dir cannot be read, and stops at the first file
// that fails to load. To load modules only when first called, use
// WithCodePath instead.
func (r *Runtime) LoadDir(dir string) ([]string, error) {
	if dir == "" {
		return nil, errors.New("beamr: load: empty directory name")
	}
	return r.loadFS(os.DirFS(dir), dir)
}

// LoadFS loads every .beam file at the root of fsys (use fs.Sub for a
// subdirectory, e.g. of an embed.FS) and returns the names of the modules,
// in file name order. It fails when the root cannot be read, and stops at
// the first file that fails to load, returning the names of the modules
// loaded until then.
func (r *Runtime) LoadFS(fsys fs.FS) ([]string, error) {
	if fsys == nil {
		return nil, errors.New("beamr: load: nil fs.FS")
	}
	return r.loadFS(fsys, "")
}

// loadFS is LoadFS, naming the files of its errors from dir.
func (r *Runtime) loadFS(fsys fs.FS, dir string) ([]string, error) {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		if dir != "" {
			return nil, fmt.Errorf("beamr: load %s: %w", dir, err)
		}
		return nil, fmt.Errorf("beamr: load: %w", err)
	}
	var names []string
	for _, ent := range ents {
		f := ent.Name()
		if ent.IsDir() || path.Ext(f) != ".beam" {
			continue
		}
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return names, fmt.Errorf("beamr: load %s: %w", filepath.Join(dir, f), err)
		}
		name, err := r.load(data)
		if err != nil {
			return names, loadError(filepath.Join(dir, f)+": ", err)
		}
		names = append(names, name)
	}
	return names, nil
}

// loadError is the error of a module that failed to load.
func loadError(file string, err error) error {
	if err == ErrClosed {
		return err
	}
	return fmt.Errorf("beamr: %s%w", file, err)
}

// Halted reports whether Erlang code stopped the runtime with
// erlang:halt (or init:stop), and with which status. A halted runtime runs
// no process any more; Shutdown must still be called.
func (r *Runtime) Halted() (status int, ok bool) { return r.vm.Halted() }

// Shutdown stops the runtime. It closes every mailbox, cancels the context
// of the Go functions that are running and waits for them to return
// (processes keep running meanwhile), then ends every process without
// running it further, closes every file and socket that Erlang code
// opened and releases the runtime's memory. No goroutine of the runtime
// is left when it returns.
//
// When ctx ends before the Go functions have returned, Shutdown stops the
// runtime all the same and returns an error wrapping ctx.Err(); the
// goroutines of those functions end when the functions return (their
// results are dropped). A nil ctx is taken as context.Background(). Calls
// still waiting return ErrClosed, and every method fails with ErrClosed
// afterwards. Later calls of Shutdown return what the first one returned.
//
// Shutdown first waits for the Load, Send, Spawn... calls under way to
// return (a Load waits for its module's on_load function). A Go function
// registered with Register must not call Shutdown: Shutdown would wait
// for that function to return until ctx ends.
func (r *Runtime) Shutdown(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	r.closeOnce.Do(func() {
		close(r.closing)
		r.mu.Lock()
		r.closed = true
		r.mu.Unlock()
		for _, m := range r.boxes.all() {
			m.stop()
		}
		r.cancel()
		r.pool.close(r)
		werr := r.tasks.closeAndWait(ctx)
		cerr := r.vm.Close()
		if werr != nil {
			r.closeErr = fmt.Errorf("beamr: shutdown: %w", werr)
		} else if cerr != nil {
			r.closeErr = fmt.Errorf("beamr: shutdown: %w", cerr)
		}
	})
	return r.closeErr
}

// encodeOn returns an encoder building on h.
func (r *Runtime) encodeOn(h *heap.Heap) encoder { return encoder{rt: r.vm, env: r.env, h: h} }

// decode returns the Value of t, which must be on a heap that cannot
// change meanwhile.
func (r *Runtime) decode(t term.Term) Value { return decoder{rt: r.vm, env: r.env}.value(t) }

// tasks counts the goroutines a runtime started (Go functions, mailbox
// pumps) so that Shutdown can wait for them.
type tasks struct {
	mu     sync.Mutex
	n      int
	closed bool
	zero   chan struct{} // closed when n drops to 0 after closing
}

// add counts a new goroutine; false once closeAndWait has begun.
func (t *tasks) add() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.n++
	return true
}

// done counts a goroutine out.
func (t *tasks) done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 && t.zero != nil {
		close(t.zero)
		t.zero = nil
	}
}

// closeAndWait refuses new goroutines and waits until those running have
// ended or ctx ends.
func (t *tasks) closeAndWait(ctx context.Context) error {
	t.mu.Lock()
	t.closed = true
	if t.n == 0 {
		t.mu.Unlock()
		return nil
	}
	n := t.n
	zero := make(chan struct{})
	t.zero = zero
	t.mu.Unlock()
	select {
	case <-zero:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%d goroutines of Go functions or mailboxes still running: %w", n, ctx.Err())
	}
}

// pending numbers things the Erlang side refers to by a small integer:
// the Go callers of Call waiting for a reply, and mailboxes.
type pending[T any] struct {
	mu   sync.Mutex
	next int64
	m    map[int64]T
}

func (p *pending[T]) add(v T) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[int64]T{}
	}
	p.next++
	p.m[p.next] = v
	return p.next
}

func (p *pending[T]) get(k int64) (T, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.m[k]
	return v, ok
}

func (p *pending[T]) remove(k int64) {
	p.mu.Lock()
	delete(p.m, k)
	p.mu.Unlock()
}

func (p *pending[T]) all() []T {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]T, 0, len(p.m))
	for _, v := range p.m {
		out = append(out, v)
	}
	return out
}

// Package vm loads .beam modules and runs them: the code table, the
// interpreter, processes and the registry of native functions.
package vm

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// Config sets up a Runtime. The zero value is usable.
type Config struct {
	// Stdout and Stderr receive the output of io functions and error reports.
	// nil means os.Stdout / os.Stderr.
	Stdout, Stderr io.Writer
	// CodePath lists directories searched for Module.beam when a module is
	// called that is not loaded.
	CodePath []string
	// ArenaWords is the size of the memory reservation in words (0: default).
	ArenaWords uint64
	// Schedulers is the number of scheduler goroutines that run
	// processes (0: GOMAXPROCS).
	Schedulers int
	// Stdlib chooses whether beamr's own standard library (the default)
	// or the OTP installation's beams serve the modules both have (see
	// StdlibMode). StdlibOTP needs OTPRoot.
	Stdlib StdlibMode
	// OTPRoot is the root directory of an OTP installation (the one that
	// holds lib/*/ebin, e.g. /usr/lib/erlang; FindOTPRoot finds one).
	// Its applications' modules end the module lookup, or lead it in
	// StdlibOTP mode. "" means none.
	OTPRoot string
	// Stdin is where standard input is read from (nil: os.Stdin). It is
	// read only when a program asks for input, a chunk at a time on a
	// goroutine of its own; a read still blocked when the runtime closes
	// (a terminal that sends nothing) ends when the reader returns, and
	// its data is dropped.
	Stdin io.Reader
	// PlainArgs are what init:get_plain_arguments/0 returns (the
	// arguments after erl's -extra).
	PlainArgs []string
	// IO chooses the completion ring backend for files and sockets:
	// "" (io_uring when the kernel allows it, else threads; the BEAMR_IO
	// environment variable may force one), "io_uring" or "threads".
	IO string
}

// PlainArgs returns the runtime's plain arguments (Config.PlainArgs).
func (rt *Runtime) PlainArgs() []string { return rt.cfg.PlainArgs }

// Runtime is one BEAM: its memory, atoms, loaded code and processes. A Go
// program may run several; they share nothing.
type Runtime struct {
	Env   term.Env
	Arena *heap.Arena
	cfg   Config

	mu       sync.RWMutex
	modules  map[term.Term]*Module // current code by module name
	insts    []*Module             // every loaded instance, by Module.ID
	exports  []*Export
	exportIx map[mfa]uint32
	funs     []*FunEntry
	funIx    map[funKey]uint32
	catches  []catchTarget
	internal map[uint32]*Export // entries into instance 0 (instExport)
	calls    questions          // questions in flight (Ask)
	apply2   *Export            // erlang:apply/2, which spawn(Fun) starts with
	fireRecv func(*timer)       // rt.fireRecvTimeout, made once
	fireBIF  func(*timer)       // rt.fireBIFTimer, made once
	natives  map[mfa]NativeFunc

	nextPid atomic.Uint64
	procs   procTable
	reg     registry
	sched   schedulers
	timers  timers
	refs    atomic.Uint64
	live    atomic.Int64 // processes not yet ended
	lastNow atomic.Int64 // the last erlang:now/0, in microseconds
	start   time.Time    // when the runtime was created: monotonic time 0

	halting struct {
		sync.Mutex
		done   bool // Close or halt has run
		halted bool // erlang:halt (or a fatal VM error) stopped it
		code   int
		err    error
		ch     chan struct{} // closed by halt
	}

	bundled   func(module string) ([]byte, bool)
	otpBeams  map[string]string // module -> file in the OTP installation (stdlibmode.go)
	locals    map[any]any       // see Local
	owned     owners            // which process owns which file or socket (resources.go)
	ioBusy    atomic.Int64      // ring operations submitted and not yet handled (ioring.go)
	external  atomic.Int64      // operations outside the schedulers that will send (BeginExternal)
	extMu     sync.RWMutex      // SendFromGo holds it for reading; Close sets extClosed
	extClosed bool
	aliases   aliasTable             // process aliases (alias.go)
	sysProcs  map[term.Term]*sysProc // by name (sysproc.go)
	userSys   *sysProc               // the one that is UserPid
	// loadedFrom is the file each autoloaded module came from ("" for a
	// bundled one); nativeMods the modules with native functions.
	loadedFrom map[string]string
	nativeMods map[term.Term]bool

	stdoutMu    sync.Mutex
	scratchMu   sync.Mutex // serialises copies into scratchHeap
	scratchHeap *heap.Heap
	scratches   scratchPool
}

type mfa struct {
	m, f  term.Term
	arity int
}

type funKey struct {
	m     term.Term
	index uint32
	uniq  uint32
}

// FunEntry describes one fun (lambda) of a module: where its code is.
type FunEntry struct {
	Module  term.Term
	Name    term.Term // the generated function's name, e.g. '-main/0-fun-0-'
	Index   uint32
	OldUniq uint32
	Arity   int // including free variables
	NumFree int
	code    atomic.Pointer[funCode] // nil until the module is loaded
}

// Export is an entry of the export table: M:F/A and what to run for it.
type Export struct {
	M, F  term.Term
	Arity int
	code  atomic.Pointer[ExportCode] // nil: undefined
}

type catchTarget struct {
	mod uint32
	pc  uint32
}

// New creates a runtime.
func New(cfg Config) (*Runtime, error) {
	var otp map[string]string
	if cfg.OTPRoot != "" {
		var err error
		if otp, err = scanOTP(cfg.OTPRoot); err != nil {
			return nil, err
		}
	} else if cfg.Stdlib == StdlibOTP {
		return nil, errors.New("stdlib mode otp needs an OTP installation (Config.OTPRoot)")
	}
	words := cfg.ArenaWords
	if words == 0 {
		words = heap.DefaultArenaWords
	}
	a, err := heap.NewArena(words)
	if err != nil {
		return nil, err
	}
	if cfg.Stdout == nil {
		cfg.Stdout = os.Stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	if cfg.Stdin == nil {
		cfg.Stdin = os.Stdin
	}
	rt := &Runtime{
		Env:      term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()},
		Arena:    a,
		cfg:      cfg,
		modules:  map[term.Term]*Module{},
		insts:    []*Module{exitModule()}, // instance 0: where first calls return
		exportIx: map[mfa]uint32{},
		funIx:    map[funKey]uint32{},
		natives:  map[mfa]NativeFunc{},
		otpBeams: otp,
	}
	rt.start = time.Now()
	rt.procs.init()
	rt.internal = map[uint32]*Export{}
	rt.fireRecv, rt.fireBIF = rt.fireRecvTimeout, rt.fireBIFTimer
	rt.halting.ch = make(chan struct{})
	registerBuiltins(rt)
	rt.apply2 = rt.export(rt.ExportIndex(term.AtomErlang, term.AtomApply, 2))
	return rt, nil
}

// Close stops the runtime: its schedulers and timers stop, every process
// still alive is ended without running further, and the runtime's memory
// is released. No goroutine of the runtime is left when it returns.
func (rt *Runtime) Close() error {
	rt.halting.Lock()
	if !rt.halting.done {
		rt.halting.done = true
		close(rt.halting.ch)
	}
	rt.halting.Unlock()
	rt.stopSchedulers()
	rt.timers.stop()
	rt.closeOwned()
	rt.extMu.Lock()
	rt.extClosed = true
	rt.extMu.Unlock()
	for _, p := range rt.procs.all() {
		p.discard()
	}
	return rt.Arena.Close()
}

// Started returns when the runtime was created. erlang:monotonic_time
// counts from there (from the smallest small integer, as OTP's does from
// an arbitrary point).
func (rt *Runtime) Started() time.Time { return rt.start }

// Atom returns the atom named s.
func (rt *Runtime) Atom(s string) term.Term { return rt.Env.Atom(s) }

// Stdout returns the writer for standard output.
func (rt *Runtime) Stdout() io.Writer { return rt.cfg.Stdout }

// Stderr returns the writer for standard error.
func (rt *Runtime) Stderr() io.Writer { return rt.cfg.Stderr }

// Stdin returns the reader of standard input.
func (rt *Runtime) Stdin() io.Reader { return rt.cfg.Stdin }

// WriteStdout writes b to standard output, serialised between processes.
func (rt *Runtime) WriteStdout(b []byte) {
	rt.stdoutMu.Lock()
	rt.cfg.Stdout.Write(b)
	rt.stdoutMu.Unlock()
}

// SetBundled installs the source of bundled modules: modules this runtime
// ships (embedded .beam images), looked up after native functions and before
// the code path.
func (rt *Runtime) SetBundled(lookup func(module string) ([]byte, bool)) {
	rt.mu.Lock()
	rt.bundled = lookup
	rt.mu.Unlock()
}

// AddCodePath appends dir to the code path.
func (rt *Runtime) AddCodePath(dir string) {
	rt.mu.Lock()
	rt.cfg.CodePath = append(rt.cfg.CodePath, dir)
	rt.mu.Unlock()
}

// exportIndex returns the index of M:F/A in the export table, creating an
// empty entry if needed. The caller must hold rt.mu for writing.
func (rt *Runtime) exportIndexLocked(m, f term.Term, arity int) uint32 {
	k := mfa{m, f, arity}
	if i, ok := rt.exportIx[k]; ok {
		return i
	}
	i := uint32(len(rt.exports))
	e := &Export{M: m, F: f, Arity: arity}
	if n, ok := rt.natives[k]; ok && !rt.otpOwnedLocked(rt.Env.AtomName(m)) {
		e.setCode(ExportCode{Native: n})
	}
	rt.exports = append(rt.exports, e)
	rt.exportIx[k] = i
	return i
}

// ExportIndex returns the export-table index of M:F/A, creating the entry.
func (rt *Runtime) ExportIndex(m, f term.Term, arity int) uint32 {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.exportIndexLocked(m, f, arity)
}

// export returns export entry i.
func (rt *Runtime) export(i uint32) *Export {
	rt.mu.RLock()
	e := rt.exports[i]
	rt.mu.RUnlock()
	return e
}

// LookupExport returns the entry for M:F/A if it exists.
func (rt *Runtime) LookupExport(m, f term.Term, arity int) (*Export, bool) {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	i, ok := rt.exportIx[mfa{m, f, arity}]
	if !ok {
		return nil, false
	}
	return rt.exports[i], true
}

// FunEntry returns the fun-table id for the given fun, creating a
// placeholder entry when its module is not loaded (it implements
// term.Resolver's method of the same name).
func (rt *Runtime) FunEntry(m term.Term, index, oldUniq uint32, arity int, _ [16]byte) uint32 {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.funEntryLocked(m, index, oldUniq, arity)
}

func (rt *Runtime) funEntryLocked(m term.Term, index, oldUniq uint32, arity int) uint32 {
	k := funKey{m, index, oldUniq}
	if i, ok := rt.funIx[k]; ok {
		return i
	}
	i := uint32(len(rt.funs))
	rt.funs = append(rt.funs, &FunEntry{Module: m, Index: index, OldUniq: oldUniq, Arity: arity})
	rt.funIx[k] = i
	return i
}

func (rt *Runtime) funEntry(i uint32) *FunEntry {
	rt.mu.RLock()
	f := rt.funs[i]
	rt.mu.RUnlock()
	return f
}

// Module returns the current code of the named module, if loaded.
func (rt *Runtime) Module(name term.Term) (*Module, bool) {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	m, ok := rt.modules[name]
	return m, ok
}

func (rt *Runtime) inst(id uint32) *Module {
	rt.mu.RLock()
	m := rt.insts[id]
	rt.mu.RUnlock()
	return m
}

// String describes M:F/A of an export.
func (e *Export) String(env *term.Env) string {
	return fmt.Sprintf("%s:%s/%d", env.AtomName(e.M), env.AtomName(e.F), e.Arity)
}

func opName(op uint64) string {
	if n, ok := opNames[op]; ok {
		return n
	}
	return fmt.Sprintf("op%d", op)
}

// FunInfo returns the MD5 of the module defining fun entry id and the fun's
// index (term.FunSource, for encoding closures in the external format).
func (rt *Runtime) FunInfo(id uint32) (md5 [16]byte, newIndex uint32) {
	fe := rt.funEntry(id)
	if m := fe.Loaded(); m != nil {
		md5 = m.md5
	}
	return md5, fe.Index
}

// Local returns the value stored under key for this runtime, creating it
// with make on first use. Libraries keep their per-runtime state here (a
// runtime has no package-level state).
func (rt *Runtime) Local(key any, make func() any) any {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.locals == nil {
		rt.locals = map[any]any{}
	}
	v, ok := rt.locals[key]
	if !ok {
		v = make()
		rt.locals[key] = v
	}
	return v
}

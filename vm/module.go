package vm

import (
	"fmt"
	"sort"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm/beamfile"
)

// Module is one loaded instance of a module: its pre-decoded code and
// everything the code refers to.
type Module struct {
	Name term.Term
	ID   uint32 // instance id, used in continuation pointers

	// Code is the internal instruction stream: an opcode word followed by its
	// operands (see ops.go). Labels are resolved to offsets in Code.
	Code []uint64

	imports   []*Export
	lambdas   []uint32 // FunT index -> runtime fun id
	lambdaPCs []uint32 // FunT index -> entry point of the fun in Code
	literals  []term.Term
	lit       *heap.Heap // literal area: never collected while the module lives
	strings   []byte

	funcs   []funcRange // sorted by start
	lines   []linePos   // sorted by pc
	files   []string
	exports []beamfile.Export // for module_info
	labels  []uint32          // label -> pc (kept for exports/funs)

	attributes  term.Term
	compileInfo term.Term
	onLoad      uint32      // pc of the on_load function, or 0
	atomsCache  []term.Term // file atom index -> runtime atom
	catchIdx    []uint32    // runtime catch entries of this module
	instrs      []uint32    // start of each instruction in Code (for disasm)
	termWords   []uint64    // bitset: which Code words are term or register operands (for disasm)
	md5         [16]byte
	records     moduleRecords // native record definitions (records_native.go)
	// stubs are the functions whose body only called erlang:nif_error
	// and that the loader pointed at the native of the same name.
	stubs map[mfa]bool
}

type funcRange struct {
	start uint32 // pc of the func_info instruction
	entry uint32 // pc of the function's entry label
	name  term.Term
	arity int
}

type linePos struct {
	pc   uint32
	file uint32
	line int32
}

// funcAt returns the function whose code contains pc.
func (m *Module) funcAt(pc uint32) (funcRange, bool) {
	i := sort.Search(len(m.funcs), func(i int) bool { return m.funcs[i].start > pc })
	if i == 0 {
		return funcRange{}, false
	}
	return m.funcs[i-1], true
}

// lineAt returns the source location of the instruction at pc: the last
// line instruction at or before pc within the same function.
func (m *Module) lineAt(pc uint32) (file string, line int, ok bool) {
	f, okf := m.funcAt(pc)
	i := sort.Search(len(m.lines), func(i int) bool { return m.lines[i].pc > pc })
	if i == 0 || !okf {
		return "", 0, false
	}
	l := m.lines[i-1]
	if l.pc < f.start || l.line < 0 {
		return "", 0, false
	}
	return m.files[l.file], int(l.line), true
}

// LoadError is a module that could not be loaded.
type LoadError struct {
	Module   string
	Function string // name/arity, when known
	Err      error
}

func (e *LoadError) Error() string {
	switch {
	case e.Module == "":
		return fmt.Sprintf("load: %v", e.Err)
	case e.Function == "":
		return fmt.Sprintf("load %s: %v", e.Module, e.Err)
	}
	return fmt.Sprintf("load %s: %s: %v", e.Module, e.Function, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// LoadBinary parses and loads a .beam image, making it the current code of its
// module. It returns the module name.
func (rt *Runtime) LoadBinary(data []byte) (term.Term, error) {
	return rt.loadBinary(data, false)
}

// loadBinary is LoadBinary. inline says the caller is a process on a
// scheduler (a call loading its module), so that an on_load function runs
// on the caller's goroutine; from Go it runs as a process of its own,
// which may do io like any other.
func (rt *Runtime) loadBinary(data []byte, inline bool) (term.Term, error) {
	f, err := beamfile.Parse(data)
	if err != nil {
		return 0, &LoadError{Err: err}
	}
	m, err := rt.prepare(f)
	if err != nil {
		return 0, err
	}
	if m.onLoad != 0 {
		if err := rt.runOnLoad(m, inline); err != nil {
			return 0, &LoadError{Module: f.Module, Err: err}
		}
	}
	rt.install(m)
	return m.Name, nil
}

// runOnLoad runs the module's on_load function, which must return ok for
// the module to become current.
func (rt *Runtime) runOnLoad(m *Module, inline bool) error {
	fr, _ := m.funcAt(m.onLoad)
	e := &Export{M: m.Name, F: fr.name}
	e.setCode(ExportCode{Mod: m, PC: m.onLoad})
	p, err := rt.newProcess(e, nil, nil, &spawnOpts{prio: prioNormal, fullsweepAfter: -1})
	if err != nil {
		return err
	}
	var res *Result
	if inline {
		res, err = rt.runInline(p)
	} else {
		w := p.wait()
		rt.spawnProc(p, nil)
		res, err = rt.await(w)
	}
	if err != nil {
		return fmt.Errorf("on_load function: %w", err)
	}
	if res.Class != 0 {
		return fmt.Errorf("on_load function failed: %s", term.AppendW(nil, &rt.Env, res.ExitReason))
	}
	if res.Value != term.AtomOk {
		return fmt.Errorf("on_load function returned %s", term.AppendW(nil, &rt.Env, res.Value))
	}
	return nil
}

// install makes m the current code of its module and points the export
// table at it.
func (rt *Runtime) install(m *Module) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if old, ok := rt.modules[m.Name]; ok {
		// Exports of the old instance that the new one lacks become undefined.
		for _, e := range rt.exports {
			if c := e.Code(); c.Mod == old {
				c.Mod, c.PC = nil, 0
				e.setCode(c)
			}
		}
	}
	rt.modules[m.Name] = m
	otpOwned := rt.otpOwnedLocked(rt.Env.AtomName(m.Name))
	for _, ex := range m.exports {
		name := rt.modAtom(m, ex.Function)
		i := rt.exportIndexLocked(m.Name, name, int(ex.Arity))
		e := rt.exports[i]
		k := mfa{m.Name, name, int(ex.Arity)}
		c := ExportCode{Mod: m, PC: m.labels[ex.Label]}
		if n, native := rt.natives[k]; native && (!otpOwned || m.stubs[k]) {
			// (Otherwise OTP's own code runs, in OTP mode.)
			c.Native = n
		}
		e.setCode(c)
	}
	for i, id := range m.lambdas {
		rt.funs[id].setCode(m, m.lambdaPCs[i])
	}
}

func (rt *Runtime) modAtom(m *Module, i uint32) term.Term { return m.atomsCache[i] }

package vm

// What exports and funs run. Loading a module, and registering a Go
// function, change it while processes on other schedulers call them: each
// entry holds what it runs as one immutable value behind an atomic
// pointer, replaced as a whole, so that a caller sees either the old code
// or the new one, never half of each, and sees the new module's code
// complete.

// ExportCode is what an export runs: Native when set, else the Erlang
// code at PC in Mod; with neither, the function is undefined.
type ExportCode struct {
	Mod    *Module
	PC     uint32 // entry point in Mod.Code
	Native NativeFunc
}

// Defined reports whether there is anything to run.
func (c ExportCode) Defined() bool { return c.Native != nil || c.Mod != nil }

// Code returns what e runs now.
func (e *Export) Code() ExportCode {
	if c := e.code.Load(); c != nil {
		return *c
	}
	return ExportCode{}
}

// setCode makes c what e runs. Writers hold rt.mu (or own e alone).
func (e *Export) setCode(c ExportCode) {
	if !c.Defined() {
		e.code.Store(nil)
		return
	}
	e.code.Store(&c)
}

// funCode is where a fun's code is.
type funCode struct {
	mod *Module
	pc  uint32
}

// Code returns the module whose code the fun runs and its entry point, or
// nil when the module is not loaded.
func (fe *FunEntry) Code() (*Module, uint32) {
	if c := fe.code.Load(); c != nil {
		return c.mod, c.pc
	}
	return nil, 0
}

// Loaded returns the module whose code the fun runs, or nil.
func (fe *FunEntry) Loaded() *Module {
	m, _ := fe.Code()
	return m
}

func (fe *FunEntry) setCode(m *Module, pc uint32) {
	fe.code.Store(&funCode{m, pc})
}

// setCodeIfNone sets the fun's code when it has none yet.
func (fe *FunEntry) setCodeIfNone(m *Module, pc uint32) {
	fe.code.CompareAndSwap(nil, &funCode{m, pc})
}

// exportCode returns what e runs, loading its module first when e is
// undefined (which may bind a native: its stub, in OTP mode); ok is false
// when it stays undefined.
func (rt *Runtime) exportCode(e *Export) (c ExportCode, ok bool) {
	if c = e.Code(); c.Defined() {
		return c, true
	}
	if !rt.autoload(e) {
		return ExportCode{}, false
	}
	c = e.Code()
	return c, c.Defined()
}

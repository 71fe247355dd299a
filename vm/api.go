package vm

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm/beamfile"
)

// Exported reports whether module m (loading it from the code path if
// needed) exports f/arity, or a native function of that name exists.
func (rt *Runtime) Exported(m, f term.Term, arity int) (*Export, bool) {
	rt.autoloadModule(m)
	e, ok := rt.LookupExport(m, f, arity)
	if !ok || !e.Code().Defined() {
		return nil, false
	}
	return e, true
}

// scratch returns a heap for terms built outside any process (arguments of
// a first call). Terms on it stay valid for the runtime's life.
func (rt *Runtime) scratch() *heap.Heap {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.scratchHeap == nil {
		h, err := heap.New(rt.Arena, 0)
		if err != nil {
			panic(heap.OutOfMemory{Err: err})
		}
		rt.scratchHeap = h
	}
	return rt.scratchHeap
}

// StringList builds a list of Erlang strings (lists of code points).
func (rt *Runtime) StringList(ss []string) term.Term {
	h := rt.scratch()
	elems := make([]term.Term, len(ss))
	for i, s := range ss {
		elems[i] = h.String(s)
	}
	return h.List(elems...)
}

// FormatCrash renders the report OTP's logger prints when a process dies
// from an uncaught exception.
func (rt *Runtime) FormatCrash(res *Result) string {
	now := time.Now()
	buf := []byte(fmt.Sprintf("=ERROR REPORT==== %d-%s-%d::%02d:%02d:%02d.%06d ===\n",
		now.Day(), now.Month().String()[:3], now.Year(), now.Hour(), now.Minute(), now.Second(), now.Nanosecond()/1000))
	buf = append(buf, "Error in process "...)
	buf = term.AppendW(buf, &rt.Env, res.Pid)
	buf = append(buf, " with exit value:\n"...)
	buf = term.AppendP(buf, &rt.Env, res.ExitReason, term.DefaultPrettyOpts())
	buf = append(buf, "\n\n"...)
	return string(buf)
}

// Disasm prints the loaded code of module m: each function and its
// internal instructions with their operand words.
func (rt *Runtime) Disasm(w io.Writer, m term.Term) error {
	mod, ok := rt.Module(m)
	if !ok {
		return fmt.Errorf("module %s is not loaded", rt.Env.AtomName(m))
	}
	return rt.disasm(w, mod)
}

// DisasmBinary loads a .beam image for inspection only — its code is
// pre-decoded exactly as for running, but the module is not installed and
// its on_load function does not run — and prints it as Disasm does.
func (rt *Runtime) DisasmBinary(w io.Writer, data []byte) error {
	f, err := beamfile.Parse(data)
	if err != nil {
		return &LoadError{Err: err}
	}
	mod, err := rt.prepare(f)
	if err != nil {
		return err
	}
	return rt.disasm(w, mod)
}

func (rt *Runtime) disasm(w io.Writer, mod *Module) error {
	bw := bufio.NewWriter(w)
	env := &rt.Env
	fmt.Fprintf(bw, "module %s (%d words of code)\n", env.AtomName(mod.Name), len(mod.Code))
	fi := 0
	for i, start := range mod.instrs {
		end := uint32(len(mod.Code))
		if i+1 < len(mod.instrs) {
			end = mod.instrs[i+1]
		}
		for fi < len(mod.funcs) && mod.funcs[fi].start <= start {
			f := mod.funcs[fi]
			fmt.Fprintf(bw, "\nfunction %s/%d (entry %d):\n", env.AtomName(f.name), f.arity, f.entry)
			fi++
		}
		fmt.Fprintf(bw, "  %6d  %s", start, opName(mod.Code[start]))
		for i := start + 1; i < end; i++ {
			bw.WriteByte(' ')
			if mod.isTermWord(int(i)) {
				bw.WriteString(operandString(env, mod.Code[i]))
			} else {
				fmt.Fprint(bw, mod.Code[i])
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// operandString shows an operand word: a register, or a term in ~w form, or
// a plain number (labels, counts).
func operandString(env *term.Env, w uint64) string {
	if w&3 == 0 {
		n := w >> 6
		switch (w >> 2) & 0xF {
		case refX:
			return fmt.Sprintf("x(%d)", n)
		case refY:
			return fmt.Sprintf("y(%d)", n)
		case refFR:
			return fmt.Sprintf("fr(%d)", n)
		}
		return fmt.Sprint(w)
	}
	t := term.Term(w)
	if t.IsImmed() {
		return string(term.AppendW(nil, env, t))
	}
	return fmt.Sprintf("lit:%s", term.AppendW(nil, env, t))
}

// isTermWord reports whether Code[i] is a term or register operand.
func (m *Module) isTermWord(i int) bool {
	return i/64 < len(m.termWords) && m.termWords[i/64]&(1<<(i%64)) != 0
}

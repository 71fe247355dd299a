package vm

import (
	"github.com/beamr/beamr/term"
)

// BacktraceDepth is the number of frames kept in a stack trace (OTP's
// default backtrace_depth).
const BacktraceDepth = 8

// A raw stack trace, built cheaply when an exception is raised, is a tuple
//
//	{Class, Frame0, FaultLoc, CP...}
//
// where Frame0 is a ready {M,F,Args,Info} frame for a failing native function,
// function clause or undefined function (or []), FaultLoc is the code
// location of the faulting instruction (or []) and each CP is a return
// address found on the stack. Locations are small integers mod<<32|pc.
// A trace given by erlang:raise/3 is {Class, '$cooked', Stacktrace}.

var atomCooked = "$cooked"

func loc(mod *Module, pc uint32) term.Term { return term.MakeSmall(int64(mod.ID)<<32 | int64(pc)) }

// bifFrame records that native function e failed with its arguments in x
// registers 0..arity-1, if the failure asked for a frame.
func (p *Process) bifFrame(e *Export, arity int) {
	if p.r.excFrame != term.AtomTrue {
		p.r.excFrame = term.NoValue
		return
	}
	args := p.Heap.List(p.x[:arity]...)
	// OTP's BIFs point at the module that explains their errors.
	mod := term.AtomErlErtsErrors
	if e.M != term.AtomErlang {
		mod = p.Atom("erl_stdlib_errors")
	}
	info := p.errorInfo(mod, p.r.excCause)
	p.r.excCause = term.NoValue
	p.r.excFrame = p.Heap.Tuple(e.M, e.F, args, info)
}

// errorInfo builds [{error_info, #{module => Mod}}], with cause => Cause
// as well when cause is not term.NoValue.
func (p *Process) errorInfo(mod, cause term.Term) term.Term {
	keys, vals := []term.Term{term.AtomModule}, []term.Term{mod}
	if cause != term.NoValue {
		keys, vals = append(keys, term.AtomCause), append(vals, cause)
	}
	m := p.newMap(keys, vals)
	return p.Heap.List(p.Heap.Tuple(term.AtomErrorInfo, m))
}

// ErrorCause raises error:reason from a native function like Error, with
// cause => Cause added to the frame's error_info (OTP does this for bad
// options, e.g. cause => badopt).
func (p *Process) ErrorCause(reason, cause term.Term) term.Term {
	p.Error(reason)
	p.r.excCause = cause
	return term.NoValue
}

// undef raises error:undef for M:F with arity arguments in x registers.
func (p *Process) undef(m, f term.Term, arity int) {
	p.r.excClass, p.r.excReason = term.AtomError, term.AtomUndef
	p.r.excFrame = p.Heap.Tuple(m, f, p.Heap.List(p.x[:arity]...), term.Nil)
}

// RaiseWithArgs raises class:reason from a native function called by
// Erlang code, showing args in place of the caller's arity in the first
// frame of the stack trace, with info (a map, or term.NoValue) added as
// {error_info, Info} to its location (erlang:error/2,3).
func (p *Process) RaiseWithArgs(class, reason, args, info term.Term) term.Term {
	p.r.excClass, p.r.excReason, p.r.excFrame = class, reason, term.NoValue
	if args.IsList() || args == term.Nil { // error(R, none) keeps the arity
		p.r.excArgs, p.r.excInfo = args, info
	}
	return term.NoValue
}

// functionClause raises error:function_clause from the func_info at pc.
func (p *Process) functionClause(m, f term.Term, arity int, mod *Module, pc int) {
	p.r.excClass, p.r.excReason = term.AtomError, term.AtomFunctionClause
	p.r.excFrame = p.Heap.Tuple(m, f, p.Heap.List(p.x[:arity]...), p.location(mod, uint32(pc)))
	p.r.noFaultLoc = true
}

// location returns [{file, F}, {line, L}] for the code at pc, or [].
func (p *Process) location(mod *Module, pc uint32) term.Term {
	file, line, ok := mod.lineAt(pc)
	if !ok {
		return term.Nil
	}
	h := p.Heap
	return h.List(h.Tuple(term.AtomFile, h.String(file)), h.Tuple(term.AtomLine, term.MakeSmall(int64(line))))
}

// handle processes the exception set on p (excClass, excReason, excFrame)
// raised at pc of mod. It returns true with p.mod/p.pc at a handler, or
// false when the process must exit (p.exitValue set).
func (p *Process) handle(mod *Module, fault uint32) bool {
	if p.exitSet {
		// Killed by a signal (exit(self(), R)): no catch runs.
		return false
	}
	h := p.Heap
	class, reason := p.r.excClass, p.r.excReason
	var raw term.Term
	if p.r.excRaw != term.NoValue {
		raw = p.r.excRaw
		p.r.excRaw = term.NoValue
	} else {
		elems := make([]term.Term, 0, 3+BacktraceDepth)
		frame := p.r.excFrame
		depth := BacktraceDepth
		if frame == term.NoValue || frame == term.AtomTrue {
			frame = term.Nil
		} else {
			depth--
		}
		elems = append(elems, class, frame)
		if p.r.excArgs != term.NoValue && !p.r.noFaultLoc {
			// error/2,3: the caller's frame shows the arguments.
			if fr, ok := mod.funcAt(fault); ok {
				locs := p.location(mod, fault)
				if p.r.excInfo != term.NoValue {
					locs = appendList(p, locs, h.Tuple(term.AtomErrorInfo, p.r.excInfo))
				}
				elems[1] = h.Tuple(mod.Name, fr.name, p.r.excArgs, locs)
				depth--
				p.r.noFaultLoc = true
			}
		}
		p.r.excArgs, p.r.excInfo = term.NoValue, term.NoValue
		if p.r.noFaultLoc {
			elems = append(elems, term.Nil)
		} else {
			elems = append(elems, loc(mod, fault))
			depth--
		}
		var prev term.Term
		for i := p.sp - 1; i >= 0 && depth > 0; i-- {
			w := p.stack[i]
			if !w.IsCP() || w == prev {
				continue // OTP shows a run of equal return addresses once
			}
			prev = w
			mid, pc := w.CP()
			if mid == 0 {
				continue
			}
			elems = append(elems, term.MakeSmall(int64(mid)<<32|int64(pc)))
			depth--
		}
		raw = h.Tuple(elems...)
	}
	p.r.excFrame, p.r.noFaultLoc = term.NoValue, false

	if p.catches > 0 {
		for i := p.sp - 1; i >= yGuard; i-- {
			w := p.stack[i]
			if !w.IsCatch() {
				continue
			}
			top := p.sp
			for j := i + 1; j < p.sp; j++ {
				if p.stack[j].IsCP() {
					top = j
					break
				}
			}
			p.sp = top
			ct := p.rt.catchAt(w.CatchIndex())
			p.setMod(p.rt.inst(ct.mod))
			p.pc = ct.pc
			p.x[0] = term.NoValue
			p.x[1], p.x[2], p.x[3] = class, reason, raw
			return true
		}
	}
	// Uncaught: the process exits.
	x := p.extra()
	x.exitClass = class
	x.exitStack = p.buildStacktrace(raw)
	switch class {
	case term.AtomError:
		p.exitValue = h.Tuple(reason, x.exitStack)
	case term.AtomThrow:
		p.exitValue = h.Tuple(h.Tuple(term.AtomNocatch, reason), x.exitStack)
	default:
		p.exitValue = reason
	}
	x.exitReason = reason
	return false
}

// catchValue is the value of a catch expression that caught an exception.
func (p *Process) catchValue(class, reason, raw term.Term) term.Term {
	h := p.Heap
	switch class {
	case term.AtomThrow:
		return reason
	case term.AtomError:
		return h.Tuple(term.AtomEXIT, h.Tuple(reason, p.buildStacktrace(raw)))
	}
	return h.Tuple(term.AtomEXIT, reason)
}

// buildStacktrace turns a raw trace into OTP's list of frames. Anything
// else is returned unchanged.
func (p *Process) buildStacktrace(raw term.Term) term.Term {
	env := p.env()
	if !env.IsTuple(raw) || env.TupleArity(raw) < 3 {
		return raw
	}
	f1 := env.Elem(raw, 1)
	if f1.IsAtom() && env.AtomName(f1) == atomCooked {
		return env.Elem(raw, 2)
	}
	var frames []term.Term
	if f1 != term.Nil {
		frames = append(frames, f1)
	}
	n := env.TupleArity(raw)
	for i := 2; i < n; i++ {
		l := env.Elem(raw, i)
		if !l.IsSmall() {
			continue
		}
		v := l.Small()
		mod := p.rt.inst(uint32(v >> 32))
		pc := uint32(v)
		if mod == nil {
			continue
		}
		look := pc
		if i > 2 && look > 0 {
			look-- // a return address: the call is just before it
		}
		fr, ok := mod.funcAt(look)
		if !ok {
			continue
		}
		frames = append(frames, p.Heap.Tuple(mod.Name, fr.name, term.MakeSmall(int64(fr.arity)), p.location(mod, look)))
	}
	return p.Heap.List(frames...)
}

// rawTraceClass returns the class stored in a raw trace.
func (p *Process) rawTraceClass(raw term.Term) (term.Term, bool) {
	env := p.env()
	if !env.IsTuple(raw) || env.TupleArity(raw) < 3 {
		return 0, false
	}
	return env.Elem(raw, 0), true
}

// reraise implements the raise instruction: rethrow reason with the class
// and trace of a caught exception.
func (p *Process) reraise(raw, reason term.Term) {
	class, ok := p.rawTraceClass(raw)
	if !ok {
		p.Raise(term.AtomError, term.AtomBadarg)
		return
	}
	p.r.excClass, p.r.excReason, p.r.excRaw = class, reason, raw
}

// rawRaise implements raw_raise: x0 class, x1 reason, x2 raw trace. It
// returns false when the class is not valid.
func (p *Process) rawRaise(class, reason, raw term.Term) bool {
	if class != term.AtomError && class != term.AtomExit && class != term.AtomThrow {
		return false
	}
	p.r.excClass, p.r.excReason, p.r.excRaw = class, reason, raw
	return true
}

// RaiseWithTrace raises class:reason with a ready stack trace (erlang:raise/3).
func (p *Process) RaiseWithTrace(class, reason, stack term.Term) term.Term {
	p.r.excClass, p.r.excReason = class, reason
	p.r.excRaw = p.Heap.Tuple(class, p.Atom(atomCooked), stack)
	return term.NoValue
}

func (rt *Runtime) catchAt(i uint64) catchTarget {
	rt.mu.RLock()
	defer rt.mu.RUnlock()
	return rt.catches[i]
}

// appendList returns the proper list l with x added at the end.
func appendList(p *Process, l, x term.Term) term.Term {
	var elems []term.Term
	for ; l.IsList(); l = p.env().Tl(l) {
		elems = append(elems, p.env().Hd(l))
	}
	return p.Heap.List(append(elems, x)...)
}

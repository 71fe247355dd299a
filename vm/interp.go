package vm

import (
	"math/bits"
	"unsafe"

	"github.com/beamr/beamr/term"
)

func absI(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// Reductions per time slice.
const sliceReds = 4000

// get reads a source operand.
func (p *Process) get(w uint64) term.Term {
	if w&3 != 0 {
		return term.Term(w)
	}
	if (w>>2)&3 == refX {
		return p.x[w>>6]
	}
	return p.stack[p.sp-1-int(w>>6)]
}

// set writes a destination operand (an x or y register).
func (p *Process) set(w uint64, t term.Term) {
	if (w>>2)&3 == refX {
		p.x[w>>6] = t
		return
	}
	p.stack[p.sp-1-int(w>>6)] = t
}

// runResult says why run returned.
type runResult uint8

const (
	runYield runResult = iota // reductions used up
	runWait                   // waiting for a message
	runExit                   // the process ended (see exitValue)
)

// run executes p until it yields, waits or exits.
func (p *Process) run() runResult {
	env := p.env
	rt := p.rt
	mod := p.mod
	base := codeBase(mod)
	pc := int(p.pc)
	p.reds = sliceReds
	var fault int // pc of the instruction that raised

	for {
		switch cw(base, pc) {
		case opMoveXX:
			p.x[cw(base, pc+2)&(MaxX-1)] = p.x[cw(base, pc+1)&(MaxX-1)]
			pc += 3
		case opMoveYX:
			p.x[cw(base, pc+2)&(MaxX-1)] = p.stack[p.sp-1-int(cw(base, pc+1))]
			pc += 3
		case opMoveXY:
			p.stack[p.sp-1-int(cw(base, pc+2))] = p.x[cw(base, pc+1)&(MaxX-1)]
			pc += 3
		case opMoveYY:
			p.stack[p.sp-1-int(cw(base, pc+2))] = p.stack[p.sp-1-int(cw(base, pc+1))]
			pc += 3
		case opMoveCX:
			p.x[cw(base, pc+2)&(MaxX-1)] = term.Term(cw(base, pc+1))
			pc += 3
		case opMoveCY:
			p.stack[p.sp-1-int(cw(base, pc+2))] = term.Term(cw(base, pc+1))
			pc += 3
		case opCall: // Arity Label CP
			p.push(term.Term(cw(base, pc+3)))
			pc = int(cw(base, pc+2))
			if p.reds--; p.reds <= 0 {
				goto yield
			}
		case opCallLast:
			p.sp -= int(cw(base, pc+3))
			pc = int(cw(base, pc+2))
			if p.reds--; p.reds <= 0 {
				goto yield
			}
		case opCallOnly:
			pc = int(cw(base, pc+2))
			if p.reds--; p.reds <= 0 {
				goto yield
			}
		case opCallExt, opCallExtOnly, opCallExtLast:
			op := cw(base, pc)
			arity := int(cw(base, pc+1))
			e := mod.imports[cw(base, pc+2)]
			next := pc + 3
			if op == opCallExtLast {
				p.sp -= int(cw(base, pc+3))
				next = pc + 4
			}
			p.reds--
			if e.Native != nil {
				r := e.Native(p, p.x[:arity])
				if r == term.NoValue {
					if p.trapExport != nil || p.trapFun != term.NoValue {
						if op == opCallExt {
							p.push(term.MakeCP(mod.ID, uint32(next)))
						}
						goto trap
					}
					fault = pc
					p.bifFrame(e, arity)
					goto exception
				}
				p.x[0] = r
				if op == opCallExt {
					pc = next
					continue
				}
				goto doReturn
			}
			if e.Mod == nil && !rt.autoload(e) {
				fault = pc
				p.undef(e.M, e.F, arity)
				// A tail call has left its caller: OTP shows no frame for it.
				p.noFaultLoc = op != opCallExt
				goto exception
			}
			if op == opCallExt {
				p.push(term.MakeCP(mod.ID, uint32(next)))
			}
			mod = e.Mod
			base = codeBase(mod)
			pc = int(e.PC)
			if p.reds <= 0 {
				goto yield
			}
		case opReturn:
			goto doReturn
		case opDeallocReturn:
			p.sp -= int(cw(base, pc+1))
			goto doReturn
		case opAllocate: // N Live
			n := int(cw(base, pc+1))
			p.allocY(n)
			pc += 3
		case opAllocateHeap: // N Heap Live
			n := int(cw(base, pc+1))
			p.Heap.Need(int(cw(base, pc+2)), int(cw(base, pc+3)))
			p.allocY(n)
			pc += 4
		case opTestHeap:
			if h := p.Heap; h.Top+cw(base, pc+1) > h.End {
				h.Need(int(cw(base, pc+1)), int(cw(base, pc+2)))
			}
			pc += 3
		case opDeallocate:
			p.sp -= int(cw(base, pc+1))
			pc += 2
		case opTrim:
			p.sp -= int(cw(base, pc+1))
			pc += 3
		case opInitYregs:
			n := int(cw(base, pc+1))
			for i := 0; i < n; i++ {
				p.set(cw(base, pc+2+i), term.Nil)
			}
			pc += 2 + n
		case opJump:
			pc = int(cw(base, pc+1))

		// Tests.
		case opIsEqExact:
			if !term.ExactEqual(env, p.get(cw(base, pc+2)), p.get(cw(base, pc+3))) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsNeExact:
			if term.ExactEqual(env, p.get(cw(base, pc+2)), p.get(cw(base, pc+3))) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsLt:
			a, b := p.get(cw(base, pc+2)), p.get(cw(base, pc+3))
			var lt bool
			if a.IsSmall() && b.IsSmall() {
				lt = a.Small() < b.Small()
			} else {
				lt = term.Compare(env, a, b) < 0
			}
			if !lt {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsGe:
			a, b := p.get(cw(base, pc+2)), p.get(cw(base, pc+3))
			var ge bool
			if a.IsSmall() && b.IsSmall() {
				ge = a.Small() >= b.Small()
			} else {
				ge = term.Compare(env, a, b) >= 0
			}
			if !ge {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsNonemptyList:
			if !p.get(cw(base, pc+2)).IsList() {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsNil:
			if p.get(cw(base, pc+2)) != term.Nil {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsAtom:
			if !p.get(cw(base, pc+2)).IsAtom() {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsTuple:
			if t := p.get(cw(base, pc+2)); !t.IsBoxed() || term.Term(env.W[t.Index()]).HeaderSub() != term.SubTuple {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsInteger, opIsFloat, opIsNumber, opIsPid, opIsReference, opIsPort,
			opIsBinary, opIsList, opIsFunction,
			opIsBoolean, opIsBitstr, opIsMap:
			if !typeTest(env, cw(base, pc), p.get(cw(base, pc+2))) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsFunction2:
			f, a := p.get(cw(base, pc+2)), p.get(cw(base, pc+3))
			if !a.IsSmall() || !isFunArity(env, f, int(a.Small())) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opTestArity:
			t := p.get(cw(base, pc+2))
			if !env.IsTuple(t) || env.TupleArity(t) != int(cw(base, pc+3)) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsTaggedTuple: // Fail Src N Atom
			t := p.get(cw(base, pc+2))
			n := int(cw(base, pc+3))
			if !env.IsTuple(t) || env.TupleArity(t) != n || n == 0 || env.Elem(t, 0) != term.Term(cw(base, pc+4)) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 5
			}
		case opSelectVal: // Src Fail N [V L]*
			v := p.get(cw(base, pc+1))
			n := int(cw(base, pc+3))
			target := int(cw(base, pc+2))
			for i := 0; i < n; i++ {
				c := term.Term(cw(base, pc+4+2*i))
				if c == v || (!c.IsImmed() && term.ExactEqual(env, c, v)) {
					target = int(cw(base, pc+5+2*i))
					break
				}
			}
			pc = target
		case opSelectTupleArity:
			v := p.get(cw(base, pc+1))
			n := int(cw(base, pc+3))
			target := int(cw(base, pc+2))
			if env.IsTuple(v) {
				ar := uint64(env.TupleArity(v))
				for i := 0; i < n; i++ {
					if cw(base, pc+4+2*i) == ar {
						target = int(cw(base, pc+5+2*i))
						break
					}
				}
			}
			pc = target

		// Data.
		case opGetList:
			l := p.get(cw(base, pc+1))
			p.set(cw(base, pc+2), env.Hd(l))
			p.set(cw(base, pc+3), env.Tl(l))
			pc += 4
		case opGetHd:
			p.set(cw(base, pc+2), env.Hd(p.get(cw(base, pc+1))))
			pc += 3
		case opGetTl:
			p.set(cw(base, pc+2), env.Tl(p.get(cw(base, pc+1))))
			pc += 3
		case opGetTupleElement:
			p.set(cw(base, pc+3), env.Elem(p.get(cw(base, pc+1)), int(cw(base, pc+2))))
			pc += 4
		case opPutList:
			h := p.Heap
			at := h.Top
			if at+2 > h.End { // test_heap normally made room already
				at = h.Alloc(2)
			} else {
				h.Top = at + 2
			}
			h.W[at] = uint64(p.get(cw(base, pc+1)))
			h.W[at+1] = uint64(p.get(cw(base, pc+2)))
			p.set(cw(base, pc+3), term.MakeList(at))
			pc += 4
		case opPutTuple2: // Dst N Elems...
			n := int(cw(base, pc+2))
			h := p.Heap
			at := h.Alloc(1 + n)
			h.W[at] = uint64(term.MakeHeader(term.SubTuple, n))
			for i := 0; i < n; i++ {
				h.W[at+1+uint64(i)] = uint64(p.get(cw(base, pc+3+i)))
			}
			p.set(cw(base, pc+1), term.MakeBoxed(at))
			pc += 3 + n
		case opSwap:
			a, b := p.get(cw(base, pc+1)), p.get(cw(base, pc+2))
			p.set(cw(base, pc+1), b)
			p.set(cw(base, pc+2), a)
			pc += 3

		// Arithmetic with a small-integer fast path (gc_bif2 layout:
		// Fail Live Bif A B Dst).
		case opAdd, opSub, opMul, opBand, opBor, opBxor:
			a, b := p.get(cw(base, pc+4)), p.get(cw(base, pc+5))
			if a.IsSmall() && b.IsSmall() {
				x, y := a.Small(), b.Small()
				var r int64
				ok := true
				switch cw(base, pc) {
				case opAdd:
					r = x + y
					ok = term.FitsSmall(r)
				case opSub:
					r = x - y
					ok = term.FitsSmall(r)
				case opMul:
					if hi, lo := bits.Mul64(uint64(absI(x)), uint64(absI(y))); hi == 0 && lo <= uint64(term.MaxSmall) {
						r = x * y
					} else {
						ok = false
					}
				case opBand:
					r = x & y
				case opBor:
					r = x | y
				default:
					r = x ^ y
				}
				if ok {
					p.set(cw(base, pc+6), term.MakeSmall(r))
					pc += 7
					continue
				}
			}
			e := mod.imports[cw(base, pc+3)]
			if e.Native == nil {
				fault = pc
				p.undef(e.M, e.F, 0)
				goto exception
			}
			p.args[0], p.args[1] = a, b
			r := e.Native(p, p.args[:2])
			if r == term.NoValue {
				if fail := cw(base, pc+1); fail != 0 {
					pc = int(fail)
					continue
				}
				fault = pc
				p.x[0], p.x[1] = a, b
				if cw(base, pc+2)&incrementFlag != 0 {
					p.excFrame = term.NoValue
				}
				p.bifFrame(e, 2)
				goto exception
			}
			p.set(cw(base, pc+6), r)
			pc += 7

		// BIFs.
		case opBif0: // Bif Dst
			e := mod.imports[cw(base, pc+1)]
			r := e.Native(p, nil)
			if r == term.NoValue {
				fault = pc
				p.bifFrame(e, 0)
				goto exception
			}
			p.set(cw(base, pc+2), r)
			pc += 3
		case opBif1, opBif2, opBif3, opGcBif1, opGcBif2, opGcBif3:
			op := cw(base, pc)
			var n, off int
			switch op {
			case opBif1:
				n, off = 1, 3
			case opBif2:
				n, off = 2, 3
			case opBif3:
				n, off = 3, 3
			case opGcBif1:
				n, off = 1, 4
			case opGcBif2:
				n, off = 2, 4
			default:
				n, off = 3, 4
			}
			e := mod.imports[cw(base, pc+off-1)]
			args := &p.args
			for i := 0; i < n; i++ {
				args[i] = p.get(cw(base, pc+off+i))
			}
			var r term.Term
			if e.Native != nil {
				r = e.Native(p, args[:n])
			} else {
				r = p.Error(term.AtomUndef)
			}
			if r == term.NoValue {
				if fail := cw(base, pc+1); fail != 0 {
					pc = int(fail)
					continue
				}
				fault = pc
				copy(p.x[:n], args[:n])
				p.bifFrame(e, n)
				goto exception
			}
			p.set(cw(base, pc+off+n), r)
			pc += off + n + 1

		// Funs.
		case opMakeFun3: // FunID Dst N Free...
			n := int(cw(base, pc+3))
			fe := rt.funEntry(uint32(cw(base, pc+1)))
			h := p.Heap
			at := h.Alloc(term.FunHeaderWords + n)
			h.W[at] = uint64(term.MakeHeader(term.SubFun, term.FunHeaderWords-1+n))
			h.W[at+1] = cw(base, pc+1)
			h.W[at+2] = uint64(fe.Module)
			h.W[at+3] = uint64(fe.Index)<<32 | uint64(n)<<8 | uint64(fe.Arity-n)
			h.W[at+4] = uint64(fe.OldUniq)
			for i := 0; i < n; i++ {
				h.W[at+5+uint64(i)] = uint64(p.get(cw(base, pc+4+i)))
			}
			p.set(cw(base, pc+2), term.MakeBoxed(at))
			pc += 4 + n
		case opCallFun: // Arity; fun in x[Arity]
			arity := int(cw(base, pc+1))
			p.push(term.MakeCP(mod.ID, uint32(pc+2)))
			f := p.x[arity]
			p.reds--
			if m2, pc2, ok := p.enterFun(f, arity); ok {
				mod, pc = m2, pc2
			} else {
				p.sp-- // the call never happened: drop the return address
				fault = pc
				goto exception
			}
			base = codeBase(mod)
		case opCallFun2: // Arity Func
			arity := int(cw(base, pc+1))
			f := p.get(cw(base, pc+2))
			p.push(term.MakeCP(mod.ID, uint32(pc+3)))
			p.reds--
			if m2, pc2, ok := p.enterFun(f, arity); ok {
				mod, pc = m2, pc2
			} else {
				p.sp--
				fault = pc
				goto exception
			}
			base = codeBase(mod)

		case opCallFunLast: // Arity Fun N
			arity := int(cw(base, pc+1))
			f := p.get(cw(base, pc+2))
			p.sp -= int(cw(base, pc+3))
			p.reds--
			if m2, pc2, ok := p.enterFun(f, arity); ok {
				mod, pc = m2, pc2
			} else {
				fault = pc
				goto exception
			}
			base = codeBase(mod)
			if p.reds <= 0 {
				goto yield
			}
		case opApply, opApplyLast: // Arity [N]; x[Arity] = Module, x[Arity+1] = Function
			arity := int(cw(base, pc+1))
			m, fn := p.x[arity], p.x[arity+1]
			next := pc + 2
			if cw(base, pc) == opApplyLast {
				p.sp -= int(cw(base, pc+2))
				next = pc + 3
			}
			p.reds--
			if !m.IsAtom() || !fn.IsAtom() {
				fault = pc
				p.x[0], p.x[1], p.x[2] = m, fn, p.Heap.List(p.x[:arity]...)
				p.excClass, p.excReason, p.excFrame = term.AtomError, term.AtomBadarg, term.AtomTrue
				p.bifFrame(rt.applyExport(), 3)
				goto exception
			}
			e := rt.export(rt.ExportIndex(m, fn, arity))
			if cw(base, pc) == opApply {
				p.push(term.MakeCP(mod.ID, uint32(next)))
			}
			if m2, pc2, ok := p.enterExport(e, arity); ok {
				mod, pc = m2, pc2
			} else {
				if cw(base, pc) == opApply {
					p.sp--
				}
				fault = pc
				goto exception
			}
			base = codeBase(mod)

		default:
			if p.mod != mod { // a pointer store costs a write barrier during GC
				p.mod = mod
			}
			np, r := p.cold(mod.Code, pc)
			switch r {
			case coldNext:
				pc = np
			case coldRaise:
				fault = np
				goto exception
			case coldWait:
				return runWait
			default:
				return runExit
			}
		}
		continue

	doReturn:
		{
			p.sp--
			cp := p.stack[p.sp]
			mid, npc := cp.CP()
			if mid != mod.ID {
				mod = rt.inst(mid)
				base = codeBase(mod)
			}
			pc = int(npc)
			continue
		}

	trap:
		{
			p.reds--
			if e := p.trapExport; e != nil {
				p.trapExport = nil
				if e.Native != nil {
					r := e.Native(p, p.x[:p.trapArgs])
					if r == term.NoValue {
						if p.trapExport != nil || p.trapFun != term.NoValue {
							goto trap
						}
						fault = pc
						p.bifFrame(e, p.trapArgs)
						goto exception
					}
					p.x[0] = r
					goto doReturn
				}
				if e.Mod == nil && !rt.autoload(e) {
					fault = pc
					p.undef(e.M, e.F, p.trapArgs)
					goto exception
				}
				mod = e.Mod
				base = codeBase(mod)
				pc = int(e.PC)
				continue
			}
			f := p.trapFun
			p.trapFun = term.NoValue
			if m2, pc2, ok := p.enterFun(f, p.trapArgs); ok {
				mod, pc = m2, pc2
			} else {
				fault = pc
				goto exception
			}
			base = codeBase(mod)
			continue
		}

	exception:
		if !p.handle(mod, uint32(fault)) {
			p.status = statusExited
			return runExit
		}
		mod = p.mod
		base = codeBase(mod)
		pc = int(p.pc)
		continue

	yield:
		p.mod = mod
		p.pc = uint32(pc)
		return runYield
	}
}

// codeBase returns the address of the first word of m's code.
func codeBase(m *Module) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(m.Code)) }

// cw reads word i of the code at base. The loader guarantees that every
// offset the interpreter computes lies inside the module's code, so the hot
// loop reads without bounds checks.
func cw(base unsafe.Pointer, i int) uint64 { return *(*uint64)(unsafe.Add(base, i*8)) }

// allocY pushes n y registers set to [].
func (p *Process) allocY(n int) {
	if p.sp+n > len(p.stack) {
		p.growStack(n)
	}
	s := p.stack[p.sp : p.sp+n]
	for i := range s {
		s[i] = term.Nil
	}
	p.sp += n
}

// coldResult says how a rarely executed instruction ended.
type coldResult uint8

const (
	coldNext  coldResult = iota // continue at the returned pc
	coldRaise                   // an exception is set; it was raised at the given pc
	coldWait                    // the process waits for a message (p.pc set)
	coldExit                    // the process has ended
)

// cold runs an instruction outside the interpreter's hot loop: exceptions,
// receive, floats, maps, bit syntax and the like. Keeping them out of run
// keeps the hot loop small enough for the compiler to keep its state in
// registers. p.mod is current.
func (p *Process) cold(code []uint64, pc int) (int, coldResult) {
	env := p.env
	mod := p.mod
	rt := p.rt
	_, _, _ = env, mod, rt
	switch code[pc] {
	case opSetTupleElement: // Val Tuple N
		t := p.get(code[pc+2])
		env.W[t.Index()+1+code[pc+3]] = uint64(p.get(code[pc+1]))
		pc += 4
	case opIsEq:
		if !term.Equal(env, p.get(code[pc+2]), p.get(code[pc+3])) {
			pc = int(code[pc+1])
		} else {
			pc += 4
		}
	case opIsNe:
		if term.Equal(env, p.get(code[pc+2]), p.get(code[pc+3])) {
			pc = int(code[pc+1])
		} else {
			pc += 4
		}
	case opMove:
		p.set(code[pc+2], p.get(code[pc+1]))
		pc += 3
	case opInit:
		p.set(code[pc+1], term.Nil)
		pc += 2
	// Exceptions.
	case opCatch, opTry: // Y Index
		p.set(code[pc+1], term.MakeCatch(code[pc+2]))
		p.catches++
		pc += 3
	case opCatchEnd: // Y
		p.set(code[pc+1], term.Nil)
		p.catches--
		if p.x[0] == term.NoValue {
			p.x[0] = p.catchValue(p.x[1], p.x[2], p.x[3])
		}
		pc += 2
	case opTryEnd:
		p.set(code[pc+1], term.Nil)
		p.catches--
		pc += 2
	case opTryCase:
		p.set(code[pc+1], term.Nil)
		p.catches--
		p.x[0], p.x[1], p.x[2] = p.x[1], p.x[2], p.x[3]
		pc += 2
	case opTryCaseEnd:
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomTryClause, p.get(code[pc+1])))
		return pc, coldRaise
	case opBadmatch:
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadmatch, p.get(code[pc+1])))
		return pc, coldRaise
	case opCaseEnd:
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomCaseClause, p.get(code[pc+1])))
		return pc, coldRaise
	case opBadrecord:
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadrecord, p.get(code[pc+1])))
		return pc, coldRaise
	case opIfEnd:
		p.Raise(term.AtomError, term.AtomIfClause)
		return pc, coldRaise
	case opFuncInfo: // M F A
		p.functionClause(term.Term(code[pc+1]), term.Term(code[pc+2]), int(code[pc+3]), mod, pc)
		return pc, coldRaise
	case opRaise: // Trace Reason
		p.reraise(p.get(code[pc+1]), p.get(code[pc+2]))
		return pc, coldRaise
	case opBuildStacktrace:
		p.x[0] = p.buildStacktrace(p.x[0])
		pc++
	case opRawRaise:
		if !p.rawRaise(p.x[0], p.x[1], p.x[2]) {
			p.x[0] = term.AtomBadarg
			pc++
			return pc, coldNext
		}
		return pc, coldRaise

	// Messages.
	case opSend:
		r := p.send(p.x[0], p.x[1])
		if r == term.NoValue {
			p.bifFrame(rt.sendExport(), 2)
			return pc, coldRaise
		}
		p.x[0] = r
		pc++
	case opLoopRec: // Fail Dst
		if p.msgPos >= len(p.mailbox) {
			pc = int(code[pc+1])
			return pc, coldNext
		}
		p.set(code[pc+2], p.mailbox[p.msgPos])
		pc += 3
	case opLoopRecEnd:
		p.msgPos++
		pc = int(code[pc+1])
	case opRemoveMessage:
		p.mailbox = append(p.mailbox[:p.msgPos], p.mailbox[p.msgPos+1:]...)
		p.msgPos = 0
		pc++
	case opTimeout:
		p.msgPos = 0
		pc++
	case opWait:
		p.timeoutMs = -1
		p.pc = uint32(code[pc+1])
		p.mod = mod
		return pc, coldWait
	case opWaitTimeout:
		t := p.get(code[pc+2])
		if t == term.MakeSmall(0) {
			pc += 3
			return pc, coldNext
		}
		p.timeoutMs = -1
		if t.IsSmall() && t.Small() > 0 {
			p.timeoutMs = t.Small()
		} else if t != term.AtomInfinity {
			p.Raise(term.AtomError, term.AtomTimeoutValue)
			return pc, coldRaise
		}
		p.timeoutPC = uint32(pc + 3)
		p.pc = uint32(code[pc+1])
		p.mod = mod
		return pc, coldWait
	case opRecvMarkerReserve:
		p.set(code[pc+1], term.MakeSmall(0))
		pc += 2

	// Floats.
	case opFmove:
		p.fmove(code[pc+1], code[pc+2])
		pc += 3
	case opFconv:
		v := p.get(code[pc+1])
		f, ok := toFloat(env, v)
		if !ok {
			p.Raise(term.AtomError, term.AtomBadarith)
			return pc, coldRaise
		}
		p.fr[code[pc+2]>>6] = f
		pc += 3
	case opFadd, opFsub, opFmul, opFdiv:
		a, b := p.fr[code[pc+2]>>6], p.fr[code[pc+3]>>6]
		var r float64
		switch code[pc] {
		case opFadd:
			r = a + b
		case opFsub:
			r = a - b
		case opFmul:
			r = a * b
		default:
			r = a / b
		}
		if !finite(r) {
			p.Raise(term.AtomError, term.AtomBadarith)
			return pc, coldRaise
		}
		p.fr[code[pc+4]>>6] = r
		pc += 5
	case opFnegate:
		p.fr[code[pc+3]>>6] = -p.fr[code[pc+2]>>6]
		pc += 4
	case opFcheckerror:
		pc += 2

	// Maps.
	case opPutMapAssoc, opPutMapExact:
		n, ok := p.putMap(code, pc)
		if !ok {
			if fail := code[pc+1]; fail != 0 {
				pc = int(fail)
				return pc, coldNext
			}
			return pc, coldRaise
		}
		pc = n
	case opHasMapFields:
		pc = p.hasMapFields(code, pc)
	case opGetMapElements:
		pc = p.getMapElements(code, pc)
	case opUpdateRecord:
		pc = p.updateRecord(code, pc)

	case opIntCodeEnd:
		p.Raise(term.AtomError, term.AtomUndef)
		return pc, coldRaise
	case opNormalExit:
		p.exitValue = term.AtomNormal
		p.status = statusExited
		return pc, coldExit

	case opIsAnyNativeRecord, opIsNativeRecord, opGetRecordElements, opPutRecord,
		opIsRecordAccessible, opGetRecordField:
		np, ok := p.nativeRecord(code, pc)
		if !ok {
			return pc, coldRaise
		}
		pc = np
	default:
		np, ok := p.bits(code, pc)
		if !ok {
			return pc, coldRaise
		}
		pc = np
	}
	return pc, coldNext
}

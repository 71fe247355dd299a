package vm

import (
	"math/bits"

	"github.com/beamr/beamr/term"
)

// slow executes the one instruction at pc completely: every instruction
// run's fast paths do not finish comes here, as do returns into another
// module, native calls, traps and exceptions. It returns the pc to continue
// at and runNext, or why the process stops running.
func (p *Process) slow(pc int) (int, runResult) {
	env := p.env()
	rt := p.rt
	mod := p.mod
	base := codeBase(mod)
	var fault int // pc of the instruction that raised

	{
		switch generic(cw(base, pc)) {
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
			if p.r.reds--; p.r.reds <= 0 {
				goto yield
			}
		case opCallLast:
			p.drop(int(cw(base, pc+3)))
			pc = int(cw(base, pc+2))
			if p.r.reds--; p.r.reds <= 0 {
				goto yield
			}
		case opCallOnly:
			pc = int(cw(base, pc+2))
			if p.r.reds--; p.r.reds <= 0 {
				goto yield
			}
		case opCallExt, opCallExtOnly, opCallExtLast:
			op := cw(base, pc)
			arity := int(cw(base, pc+1))
			e := mod.imports[cw(base, pc+2)]
			next := pc + 3
			if op == opCallExtLast {
				p.drop(int(cw(base, pc+3)))
				next = pc + 4
			}
			p.r.reds--
			c, ok := rt.exportCode(e)
			if !ok {
				fault = pc
				p.undef(e.M, e.F, arity)
				// A tail call has left its caller: OTP shows no frame for it.
				p.r.noFaultLoc = op != opCallExt
				goto exception
			}
			if c.Native != nil {
				r := c.Native(p, p.x[:arity])
				if r == term.NoValue {
					if p.r.trapExport != nil || p.r.trapFun != term.NoValue {
						if op == opCallExt {
							p.push(term.MakeCP(mod.ID, uint32(next)))
						}
						goto trap
					}
					fault = pc
					p.bifFrame(e, arity)
					goto exception
				}
				// Only x0 is live here: collect now if the native made a
				// collection due, as OTP does after a BIF.
				p.x[0] = p.collectIfDue(0, r)
				if op == opCallExt {
					pc = next
					goto next
				}
				goto doReturn
			}
			if op == opCallExt {
				p.push(term.MakeCP(mod.ID, uint32(next)))
			}
			mod = c.Mod
			base = codeBase(mod)
			pc = int(c.PC)
			if p.r.reds <= 0 {
				goto yield
			}
		case opReturn:
			goto doReturn
		case opDeallocReturn:
			p.drop(int(cw(base, pc+1)))
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
			p.drop(int(cw(base, pc+1)))
			pc += 2
		case opTrim:
			p.drop(int(cw(base, pc+1)))
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
		case opIsEqExact, opIsEqExactXC:
			if !term.ExactEqual(env, p.get(cw(base, pc+2)), p.get(cw(base, pc+3))) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsNeExact, opIsNeExactXC:
			if term.ExactEqual(env, p.get(cw(base, pc+2)), p.get(cw(base, pc+3))) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsLt, opIsLtXX, opIsLtXC, opIsLtCX:
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
		case opIsGe, opIsGeXX, opIsGeXC, opIsGeCX:
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
		case opAdd, opSub, opMul, opBand, opBor, opBxor, opAddXCX, opSubXCX, opAddYCX, opSubYCX:
			a, b := p.get(cw(base, pc+4)), p.get(cw(base, pc+5))
			if a.IsSmall() && b.IsSmall() {
				x, y := a.Small(), b.Small()
				var r int64
				ok := true
				switch cw(base, pc) {
				case opAdd, opAddXCX, opAddYCX:
					r = x + y
					ok = term.FitsSmall(r)
				case opSub, opSubXCX, opSubYCX:
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
					goto next
				}
			}
			e := mod.imports[cw(base, pc+3)]
			native := e.Code().Native
			if native == nil {
				fault = pc
				p.undef(e.M, e.F, 0)
				goto exception
			}
			p.r.args[0], p.r.args[1] = a, b
			r := native(p, p.r.args[:2])
			if r == term.NoValue {
				if fail := cw(base, pc+1); fail != 0 {
					pc = int(fail)
					goto next
				}
				fault = pc
				p.x[0], p.x[1] = a, b
				if cw(base, pc+2)&incrementFlag != 0 {
					p.r.excFrame = term.NoValue
				}
				p.bifFrame(e, 2)
				goto exception
			}
			p.set(cw(base, pc+6), r)
			pc += 7

		// BIFs.
		case opBif0: // Bif Dst
			e := mod.imports[cw(base, pc+1)]
			r := e.Code().Native(p, nil)
			if r == term.NoValue {
				fault = pc
				p.bifFrame(e, 0)
				goto exception
			}
			p.set(cw(base, pc+2), r)
			pc += 3
		case opBif1, opBif2, opBif3, opGcBif1, opGcBif2, opGcBif3:
			op := generic(cw(base, pc))
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
			args := &p.r.args
			for i := 0; i < n; i++ {
				args[i] = p.get(cw(base, pc+off+i))
			}
			var r term.Term
			if native := e.Code().Native; native != nil {
				r = native(p, args[:n])
			} else {
				r = p.Error(term.AtomUndef)
			}
			if r == term.NoValue {
				if fail := cw(base, pc+1); fail != 0 {
					pc = int(fail)
					goto next
				}
				fault = pc
				copy(p.x[:n], args[:n])
				p.bifFrame(e, n)
				goto exception
			}
			if off == 4 { // gc_bif: Live x registers, and the result, survive
				if live := int(cw(base, pc+2)); live < MaxX {
					r = p.collectIfDue(live, r)
				}
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
			p.r.reds--
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
			p.r.reds--
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
			p.drop(int(cw(base, pc+3)))
			p.r.reds--
			if m2, pc2, ok := p.enterFun(f, arity); ok {
				mod, pc = m2, pc2
			} else {
				fault = pc
				goto exception
			}
			base = codeBase(mod)
			if p.r.reds <= 0 {
				goto yield
			}
		case opApply, opApplyLast: // Arity [N]; x[Arity] = Module, x[Arity+1] = Function
			arity := int(cw(base, pc+1))
			m, fn := p.x[arity], p.x[arity+1]
			next := pc + 2
			if cw(base, pc) == opApplyLast {
				p.drop(int(cw(base, pc+2)))
				next = pc + 3
			}
			p.r.reds--
			if !m.IsAtom() || !fn.IsAtom() {
				fault = pc
				p.x[0], p.x[1], p.x[2] = m, fn, p.Heap.List(p.x[:arity]...)
				p.r.excClass, p.r.excReason, p.r.excFrame = term.AtomError, term.AtomBadarg, term.AtomTrue
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
			if p.mod != mod {
				p.setMod(mod)
			}
			np, r := p.cold(mod.Code, pc)
			switch r {
			case coldNext:
				pc = np
			case coldRaise:
				fault = np
				goto exception
			case coldWait:
				return pc, runWait
			default:
				return pc, runExit
			}
		}
		goto next

	doReturn:
		{
			mid, npc := p.popCP()
			if mid != mod.ID {
				mod = rt.inst(mid)
				base = codeBase(mod)
			}
			pc = int(npc)
			goto next
		}

	trap:
		{
			p.r.reds--
			if e := p.r.trapExport; e != nil {
				p.r.trapExport = nil
				c, ok := rt.exportCode(e)
				if !ok {
					fault = pc
					p.undef(e.M, e.F, p.r.trapArgs)
					goto exception
				}
				if c.Native != nil {
					r := c.Native(p, p.x[:p.r.trapArgs])
					if r == term.NoValue {
						if p.r.trapExport != nil || p.r.trapFun != term.NoValue {
							goto trap
						}
						fault = pc
						p.bifFrame(e, p.r.trapArgs)
						goto exception
					}
					p.x[0] = r
					goto doReturn
				}
				mod = c.Mod
				base = codeBase(mod)
				pc = int(c.PC)
				goto next
			}
			f := p.r.trapFun
			p.r.trapFun = term.NoValue
			if m2, pc2, ok := p.enterFun(f, p.r.trapArgs); ok {
				mod, pc = m2, pc2
			} else {
				fault = pc
				goto exception
			}
			base = codeBase(mod)
			goto next
		}

	exception:
		if !p.handle(mod, uint32(fault)) {
			p.status = statusExited
			return pc, runExit
		}
		return int(p.pc), runNext

	yield:
		if p.mod != mod {
			p.setMod(mod)
		}
		p.pc = uint32(pc)
		return pc, runYield
	}

next:
	if p.mod != mod {
		p.setMod(mod)
	}
	return pc, runNext
}

package vm

import (
	"math/bits"
	"unsafe"

	"github.com/beamr/beamr/heap"
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
	runNext                   // (slow only) continue at the returned pc
)

// run executes p until it yields, waits or exits.
func (p *Process) run() runResult {
	for {
		if r := p.r.fast(); r != runNext {
			return r
		}
		pc := int(p.pc)
		if op := cw(p.code, pc); generic(op) >= 128 {
			// The common cases of a receive, here rather than in fast
			// (where any more code slows every other instruction) or
			// cold (a long way round for a message).
			switch op {
			case opLoopRec: // Fail Dst, with a message to look at
				if p.msgPos < len(p.mailbox) {
					p.set(cw(p.code, pc+2), p.mailbox[p.msgPos])
					p.pc = uint32(pc + 3)
					continue
				}
			case opRemoveMessage:
				p.removeMessage()
				p.pc = uint32(pc + 1)
				continue
			}
			// A rare instruction: straight to cold.
			np, cr := p.cold(p.mod.Code, pc)
			switch cr {
			case coldNext:
				p.pc = uint32(np)
			case coldRaise:
				if !p.handle(p.mod, uint32(np)) {
					p.status = statusExited
					return runExit
				}
			case coldWait:
				return runWait
			default:
				return runExit
			}
			continue
		}
		pc, r := p.slow(pc)
		if r != runNext {
			return r
		}
		p.pc = uint32(pc)
	}
}

// fast runs the fast paths of the most frequent instructions from p.pc on.
// It calls no function, so the compiler keeps its whole state (p, pc and the
// code base) in registers. When an instruction needs more than its fast path
// (a heap or stack that must grow, an operand that is not a small integer, a
// call into another module or a native function...) fast stores pc and
// returns runNext, and run has slow execute that instruction completely.
func (r *regs) fast() runResult {
	p := r.p
	env := p.env()
	pc := int(p.pc)
	base := p.code
	r.modID = p.modID
	// The stack pointer and the stack live in registers here; the stack
	// pointer is written back whenever fast returns.
	sp := p.sp
	stk := p.stack

	for {
		switch cw(base, pc) {
		case opMoveXX:
			r.x[cw(base, pc+2)&(MaxX-1)] = r.x[cw(base, pc+1)&(MaxX-1)]
			pc += 3
		case opMoveYX:
			r.x[cw(base, pc+2)&(MaxX-1)] = *yat(stk, sp, cw(base, pc+1))
			pc += 3
		case opMoveXY:
			*yat(stk, sp, cw(base, pc+2)) = r.x[cw(base, pc+1)&(MaxX-1)]
			pc += 3
		case opMoveYY:
			*yat(stk, sp, cw(base, pc+2)) = *yat(stk, sp, cw(base, pc+1))
			pc += 3
		case opMoveCX:
			r.x[cw(base, pc+2)&(MaxX-1)] = term.Term(cw(base, pc+1))
			pc += 3
		case opMoveCY:
			*yat(stk, sp, cw(base, pc+2)) = term.Term(cw(base, pc+1))
			pc += 3
		case opCall: // Arity Label CP
			if sp >= len(stk) {
				goto slow
			}
			stk[sp] = term.Term(cw(base, pc+3))
			sp++
			pc = int(cw(base, pc+2))
			if r.reds--; r.reds <= 0 {
				goto yield
			}
		case opCallLast:
			nsp := sp - int(cw(base, pc+3))
			if nsp < yGuard {
				goto slow
			}
			sp = nsp
			pc = int(cw(base, pc+2))
			if r.reds--; r.reds <= 0 {
				goto yield
			}
		case opCallOnly:
			pc = int(cw(base, pc+2))
			if r.reds--; r.reds <= 0 {
				goto yield
			}
		case opReturn:
			nsp := sp - 1
			if nsp < yGuard {
				goto slow
			}
			cp := stk[nsp]
			mid, npc := cp.CP()
			if !cp.IsCP() || mid != r.modID {
				goto slow
			}
			sp = nsp
			pc = int(npc)
		case opDeallocReturn:
			nsp := sp - 1 - int(cw(base, pc+1))
			if nsp < yGuard {
				goto slow
			}
			cp := stk[nsp]
			mid, npc := cp.CP()
			if !cp.IsCP() || mid != r.modID {
				goto slow
			}
			sp = nsp
			pc = int(npc)
		case opAllocate: // N Live
			n := int(cw(base, pc+1))
			if sp+n >= len(stk) {
				goto slow
			}
			// sp+n < len(stk) was checked: the new slots are in range.
			y := unsafe.Pointer(unsafe.SliceData(stk))
			for i := sp; i < sp+n; i++ {
				*(*term.Term)(unsafe.Add(y, i*8)) = term.Nil
			}
			sp += n
			pc += 3
		case opTestHeap:
			// In the gcverify build every test_heap goes to slow, which
			// collects at each one.
			if h := r.heap; heap.Verify || h.Top+cw(base, pc+1) > h.End {
				goto slow
			}
			pc += 3
		case opDeallocate:
			nsp := sp - int(cw(base, pc+1))
			if nsp < yGuard {
				goto slow
			}
			sp = nsp
			pc += 2
		case opTrim:
			nsp := sp - int(cw(base, pc+1))
			if nsp < yGuard {
				goto slow
			}
			sp = nsp
			pc += 3
		case opJump:
			pc = int(cw(base, pc+1))

		// Tests.
		case opIsEqExact:
			a, b := fget(r, stk, sp, cw(base, pc+2)), fget(r, stk, sp, cw(base, pc+3))
			if a == b {
				pc += 4
			} else if a.IsImmed() || b.IsImmed() {
				pc = int(cw(base, pc+1))
			} else {
				goto slow
			}
		case opIsNeExact:
			a, b := fget(r, stk, sp, cw(base, pc+2)), fget(r, stk, sp, cw(base, pc+3))
			if a == b {
				pc = int(cw(base, pc+1))
			} else if a.IsImmed() || b.IsImmed() {
				pc += 4
			} else {
				goto slow
			}
		case opIsLt:
			a, b := fget(r, stk, sp, cw(base, pc+2)), fget(r, stk, sp, cw(base, pc+3))
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			if a.Small() < b.Small() {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsGe:
			a, b := fget(r, stk, sp, cw(base, pc+2)), fget(r, stk, sp, cw(base, pc+3))
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			if a.Small() >= b.Small() {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsNonemptyList:
			if !fget(r, stk, sp, cw(base, pc+2)).IsList() {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsNil:
			if fget(r, stk, sp, cw(base, pc+2)) != term.Nil {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsAtom:
			if !fget(r, stk, sp, cw(base, pc+2)).IsAtom() {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opIsTuple:
			if t := fget(r, stk, sp, cw(base, pc+2)); !t.IsBoxed() || term.Term(env.W[t.Index()]).HeaderSub() != term.SubTuple {
				pc = int(cw(base, pc+1))
			} else {
				pc += 3
			}
		case opTestArity:
			t := fget(r, stk, sp, cw(base, pc+2))
			if !t.IsBoxed() || term.Term(env.W[t.Index()]) != term.MakeHeader(term.SubTuple, int(cw(base, pc+3))) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 4
			}
		case opIsTaggedTuple: // Fail Src N Atom
			t := fget(r, stk, sp, cw(base, pc+2))
			n := int(cw(base, pc+3))
			if !t.IsBoxed() || n == 0 || term.Term(env.W[t.Index()]) != term.MakeHeader(term.SubTuple, n) ||
				env.W[t.Index()+1] != cw(base, pc+4) {
				pc = int(cw(base, pc+1))
			} else {
				pc += 5
			}
		case opSelectVal: // Src Fail N [V L]*
			v := fget(r, stk, sp, cw(base, pc+1))
			n := int(cw(base, pc+3))
			i := 0
			for ; i < n; i++ {
				if term.Term(cw(base, pc+4+2*i)) == v {
					break
				}
			}
			if i < n {
				pc = int(cw(base, pc+5+2*i))
			} else if v.IsImmed() {
				pc = int(cw(base, pc+2))
			} else {
				goto slow
			}
		case opSelectTupleArity:
			v := fget(r, stk, sp, cw(base, pc+1))
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
			l := fget(r, stk, sp, cw(base, pc+1))
			fset(r, stk, sp, cw(base, pc+2), env.Hd(l))
			fset(r, stk, sp, cw(base, pc+3), env.Tl(l))
			pc += 4
		case opGetHd:
			fset(r, stk, sp, cw(base, pc+2), env.Hd(fget(r, stk, sp, cw(base, pc+1))))
			pc += 3
		case opGetTl:
			fset(r, stk, sp, cw(base, pc+2), env.Tl(fget(r, stk, sp, cw(base, pc+1))))
			pc += 3
		case opGetTupleElement:
			fset(r, stk, sp, cw(base, pc+3), env.Elem(fget(r, stk, sp, cw(base, pc+1)), int(cw(base, pc+2))))
			pc += 4
		case opPutList:
			h := r.heap
			at := h.Top
			if at+2 > h.End {
				goto slow
			}
			h.Top = at + 2
			h.W[at] = uint64(fget(r, stk, sp, cw(base, pc+1)))
			h.W[at+1] = uint64(fget(r, stk, sp, cw(base, pc+2)))
			fset(r, stk, sp, cw(base, pc+3), term.MakeList(at))
			pc += 4
		case opPutTuple2: // Dst N Elems...
			n := int(cw(base, pc+2))
			h := r.heap
			at := h.Top
			if at+1+uint64(n) > h.End {
				goto slow
			}
			h.Top = at + 1 + uint64(n)
			h.W[at] = uint64(term.MakeHeader(term.SubTuple, n))
			for i := 0; i < n; i++ {
				h.W[at+1+uint64(i)] = uint64(fget(r, stk, sp, cw(base, pc+3+i)))
			}
			fset(r, stk, sp, cw(base, pc+1), term.MakeBoxed(at))
			pc += 3 + n
		case opSwap:
			a, b := fget(r, stk, sp, cw(base, pc+1)), fget(r, stk, sp, cw(base, pc+2))
			fset(r, stk, sp, cw(base, pc+1), b)
			fset(r, stk, sp, cw(base, pc+2), a)
			pc += 3

		// Arithmetic on small integers (gc_bif2 layout: Fail Live Bif A B Dst).
		case opAdd:
			a, b := fget(r, stk, sp, cw(base, pc+4)), fget(r, stk, sp, cw(base, pc+5))
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			v := a.Small() + b.Small()
			if !term.FitsSmall(v) {
				goto slow
			}
			fset(r, stk, sp, cw(base, pc+6), term.MakeSmall(v))
			pc += 7
		case opSub:
			a, b := fget(r, stk, sp, cw(base, pc+4)), fget(r, stk, sp, cw(base, pc+5))
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			v := a.Small() - b.Small()
			if !term.FitsSmall(v) {
				goto slow
			}
			fset(r, stk, sp, cw(base, pc+6), term.MakeSmall(v))
			pc += 7

		case opMul:
			a, b := fget(r, stk, sp, cw(base, pc+4)), fget(r, stk, sp, cw(base, pc+5))
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			x, y := a.Small(), b.Small()
			if hi, lo := bits.Mul64(uint64(absI(x)), uint64(absI(y))); hi != 0 || lo > uint64(term.MaxSmall) {
				goto slow
			}
			fset(r, stk, sp, cw(base, pc+6), term.MakeSmall(x*y))
			pc += 7
		case opBand, opBor, opBxor:
			a, b := fget(r, stk, sp, cw(base, pc+4)), fget(r, stk, sp, cw(base, pc+5))
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			// The tag bits are all ones in both words: and/or keep them,
			// xor clears them.
			var v term.Term
			switch cw(base, pc) {
			case opBand:
				v = a & b
			case opBor:
				v = a | b
			default:
				v = a ^ b | 0xF
			}
			fset(r, stk, sp, cw(base, pc+6), v)
			pc += 7

		// Operand-specialised forms (specialise.go).
		case opIsLtXX:
			a, b := r.x[cw(base, pc+2)>>6&(MaxX-1)], r.x[cw(base, pc+3)>>6&(MaxX-1)]
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			if int64(a) < int64(b) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsGeXX:
			a, b := r.x[cw(base, pc+2)>>6&(MaxX-1)], r.x[cw(base, pc+3)>>6&(MaxX-1)]
			if !a.IsSmall() || !b.IsSmall() {
				goto slow
			}
			if int64(a) >= int64(b) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsLtXC:
			a := r.x[cw(base, pc+2)>>6&(MaxX-1)]
			if !a.IsSmall() {
				goto slow
			}
			if int64(a) < int64(cw(base, pc+3)) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsGeXC:
			a := r.x[cw(base, pc+2)>>6&(MaxX-1)]
			if !a.IsSmall() {
				goto slow
			}
			if int64(a) >= int64(cw(base, pc+3)) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsLtCX:
			b := r.x[cw(base, pc+3)>>6&(MaxX-1)]
			if !b.IsSmall() {
				goto slow
			}
			if int64(cw(base, pc+2)) < int64(b) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsGeCX:
			b := r.x[cw(base, pc+3)>>6&(MaxX-1)]
			if !b.IsSmall() {
				goto slow
			}
			if int64(cw(base, pc+2)) >= int64(b) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsEqExactXC:
			if uint64(r.x[cw(base, pc+2)>>6&(MaxX-1)]) == cw(base, pc+3) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opIsNeExactXC:
			if uint64(r.x[cw(base, pc+2)>>6&(MaxX-1)]) != cw(base, pc+3) {
				pc += 4
			} else {
				pc = int(cw(base, pc+1))
			}
		case opAddXCX:
			a := r.x[cw(base, pc+4)>>6&(MaxX-1)]
			if !a.IsSmall() {
				goto slow
			}
			v := a.Small() + term.Term(cw(base, pc+5)).Small()
			if !term.FitsSmall(v) {
				goto slow
			}
			r.x[cw(base, pc+6)>>6&(MaxX-1)] = term.MakeSmall(v)
			pc += 7
		case opSubXCX:
			a := r.x[cw(base, pc+4)>>6&(MaxX-1)]
			if !a.IsSmall() {
				goto slow
			}
			v := a.Small() - term.Term(cw(base, pc+5)).Small()
			if !term.FitsSmall(v) {
				goto slow
			}
			r.x[cw(base, pc+6)>>6&(MaxX-1)] = term.MakeSmall(v)
			pc += 7
		case opAddYCX:
			a := *yat(stk, sp, cw(base, pc+4)>>6)
			if !a.IsSmall() {
				goto slow
			}
			v := a.Small() + term.Term(cw(base, pc+5)).Small()
			if !term.FitsSmall(v) {
				goto slow
			}
			r.x[cw(base, pc+6)>>6&(MaxX-1)] = term.MakeSmall(v)
			pc += 7
		case opSubYCX:
			a := *yat(stk, sp, cw(base, pc+4)>>6)
			if !a.IsSmall() {
				goto slow
			}
			v := a.Small() - term.Term(cw(base, pc+5)).Small()
			if !term.FitsSmall(v) {
				goto slow
			}
			r.x[cw(base, pc+6)>>6&(MaxX-1)] = term.MakeSmall(v)
			pc += 7

		// Fused pairs (specialise.go): the first instruction, then the
		// second from its own words; a bail-out of the second goes to slow
		// with pc at the second. The return sequences below repeat on
		// purpose: sharing them through labels after the switch cost
		// 8-15% more instructions on fib, tak, nrev and bintree (callgrind),
		// as the extra edges into the loop head worsen its register
		// allocation.
		case opMoveXXMoveXX:
			r.x[cw(base, pc+2)&(MaxX-1)] = r.x[cw(base, pc+1)&(MaxX-1)]
			r.x[cw(base, pc+5)&(MaxX-1)] = r.x[cw(base, pc+4)&(MaxX-1)]
			pc += 6
		case opMoveXYMoveXY:
			*yat(stk, sp, cw(base, pc+2)) = r.x[cw(base, pc+1)&(MaxX-1)]
			*yat(stk, sp, cw(base, pc+5)) = r.x[cw(base, pc+4)&(MaxX-1)]
			pc += 6
		case opMoveYXMoveYX:
			r.x[cw(base, pc+2)&(MaxX-1)] = *yat(stk, sp, cw(base, pc+1))
			r.x[cw(base, pc+5)&(MaxX-1)] = *yat(stk, sp, cw(base, pc+4))
			pc += 6
		case opMoveXXCall, opMoveYXCall:
			if cw(base, pc) == opMoveXXCall {
				r.x[cw(base, pc+2)&(MaxX-1)] = r.x[cw(base, pc+1)&(MaxX-1)]
			} else {
				r.x[cw(base, pc+2)&(MaxX-1)] = *yat(stk, sp, cw(base, pc+1))
			}
			pc += 3
			if sp >= len(stk) {
				goto slow
			}
			stk[sp] = term.Term(cw(base, pc+3))
			sp++
			pc = int(cw(base, pc+2))
			if r.reds--; r.reds <= 0 {
				goto yield
			}
		case opMoveXXCallLast, opMoveYXCallLast:
			if cw(base, pc) == opMoveXXCallLast {
				r.x[cw(base, pc+2)&(MaxX-1)] = r.x[cw(base, pc+1)&(MaxX-1)]
			} else {
				r.x[cw(base, pc+2)&(MaxX-1)] = *yat(stk, sp, cw(base, pc+1))
			}
			pc += 3
			nsp := sp - int(cw(base, pc+3))
			if nsp < yGuard {
				goto slow
			}
			sp = nsp
			pc = int(cw(base, pc+2))
			if r.reds--; r.reds <= 0 {
				goto yield
			}
		case opMoveXXReturn:
			r.x[cw(base, pc+2)&(MaxX-1)] = r.x[cw(base, pc+1)&(MaxX-1)]
			pc += 3
			nsp := sp - 1
			if nsp < yGuard {
				goto slow
			}
			cp := stk[nsp]
			mid, npc := cp.CP()
			if !cp.IsCP() || mid != r.modID {
				goto slow
			}
			sp = nsp
			pc = int(npc)
		case opMoveYXDeallocReturn:
			r.x[cw(base, pc+2)&(MaxX-1)] = *yat(stk, sp, cw(base, pc+1))
			pc += 3
			nsp := sp - 1 - int(cw(base, pc+1))
			if nsp < yGuard {
				goto slow
			}
			cp := stk[nsp]
			mid, npc := cp.CP()
			if !cp.IsCP() || mid != r.modID {
				goto slow
			}
			sp = nsp
			pc = int(npc)
		case opIsNonemptyListGetList: // Fail S; get_list S H T
			l := fget(r, stk, sp, cw(base, pc+2))
			if !l.IsList() {
				pc = int(cw(base, pc+1))
				continue
			}
			fset(r, stk, sp, cw(base, pc+5), env.Hd(l))
			fset(r, stk, sp, cw(base, pc+6), env.Tl(l))
			pc += 7
		case opTestHeapPutList: // Need Live; put_list A B D
			h := r.heap
			at := h.Top
			if heap.Verify || at+cw(base, pc+1) > h.End || at+2 > h.End {
				goto slow
			}
			h.Top = at + 2
			h.W[at] = uint64(fget(r, stk, sp, cw(base, pc+4)))
			h.W[at+1] = uint64(fget(r, stk, sp, cw(base, pc+5)))
			fset(r, stk, sp, cw(base, pc+6), term.MakeList(at))
			pc += 7

		case opAllocateMoveXY: // allocate N Live; move_x_y S D
			n := int(cw(base, pc+1))
			if sp+n >= len(stk) {
				goto slow
			}
			y := unsafe.Pointer(unsafe.SliceData(stk))
			for i := sp; i < sp+n; i++ {
				*(*term.Term)(unsafe.Add(y, i*8)) = term.Nil
			}
			sp += n
			*yat(stk, sp, cw(base, pc+5)) = r.x[cw(base, pc+4)&(MaxX-1)]
			pc += 6
		case opAllocateGetList: // allocate N Live; get_list S H T
			n := int(cw(base, pc+1))
			if sp+n >= len(stk) {
				goto slow
			}
			y := unsafe.Pointer(unsafe.SliceData(stk))
			for i := sp; i < sp+n; i++ {
				*(*term.Term)(unsafe.Add(y, i*8)) = term.Nil
			}
			sp += n
			l := fget(r, stk, sp, cw(base, pc+4))
			fset(r, stk, sp, cw(base, pc+5), env.Hd(l))
			fset(r, stk, sp, cw(base, pc+6), env.Tl(l))
			pc += 7
		case opPutListDeallocReturn: // put_list A B D; deallocate_return N
			h := r.heap
			at := h.Top
			if at+2 > h.End {
				goto slow
			}
			h.Top = at + 2
			h.W[at] = uint64(fget(r, stk, sp, cw(base, pc+1)))
			h.W[at+1] = uint64(fget(r, stk, sp, cw(base, pc+2)))
			fset(r, stk, sp, cw(base, pc+3), term.MakeList(at))
			pc += 4
			nsp := sp - 1 - int(cw(base, pc+1))
			if nsp < yGuard {
				goto slow
			}
			cp := stk[nsp]
			mid, npc := cp.CP()
			if !cp.IsCP() || mid != r.modID {
				goto slow
			}
			sp = nsp
			pc = int(npc)
		case opTestHeapPutTuple2: // test_heap Need Live; put_tuple2 Dst N Elems...
			n := int(cw(base, pc+5))
			h := r.heap
			at := h.Top
			if heap.Verify || at+cw(base, pc+1) > h.End || at+1+uint64(n) > h.End {
				goto slow
			}
			h.Top = at + 1 + uint64(n)
			h.W[at] = uint64(term.MakeHeader(term.SubTuple, n))
			for i := 0; i < n; i++ {
				h.W[at+1+uint64(i)] = uint64(fget(r, stk, sp, cw(base, pc+6+i)))
			}
			fset(r, stk, sp, cw(base, pc+4), term.MakeBoxed(at))
			pc += 6 + n
		case opIsTupleTestArity: // is_tuple Fail S; test_arity Fail2 S N
			t := fget(r, stk, sp, cw(base, pc+2))
			if !t.IsBoxed() {
				pc = int(cw(base, pc+1))
				continue
			}
			hd := term.Term(env.W[t.Index()])
			if hd.HeaderSub() != term.SubTuple {
				pc = int(cw(base, pc+1))
			} else if hd != term.MakeHeader(term.SubTuple, int(cw(base, pc+6))) {
				pc = int(cw(base, pc+4))
			} else {
				pc += 7
			}
		case opGetTupleElementTwice: // get_tuple_element S I D, twice
			fset(r, stk, sp, cw(base, pc+3), env.Elem(fget(r, stk, sp, cw(base, pc+1)), int(cw(base, pc+2))))
			fset(r, stk, sp, cw(base, pc+7), env.Elem(fget(r, stk, sp, cw(base, pc+5)), int(cw(base, pc+6))))
			pc += 8

		// Guard BIFs with a fast path, in their generic layouts (bif0: Bif
		// Dst; bif1/2: Fail Bif Args Dst; gc_bif1: Fail Live Bif Arg Dst).
		// Anything unusual, every error included, goes to slow.
		case opBifSelf:
			fset(r, stk, sp, cw(base, pc+2), r.pid)
			pc += 3
		case opBifHd, opBifTl:
			l := fget(r, stk, sp, cw(base, pc+3))
			if !l.IsList() {
				goto slow
			}
			i := l.Index()
			if cw(base, pc) == opBifTl {
				i++
			}
			fset(r, stk, sp, cw(base, pc+4), term.Term(env.W[i]))
			pc += 5
		case opBifElement:
			n, t := fget(r, stk, sp, cw(base, pc+3)), fget(r, stk, sp, cw(base, pc+4))
			if !n.IsSmall() || !t.IsBoxed() {
				goto slow
			}
			h := term.Term(env.W[t.Index()])
			if h.HeaderSub() != term.SubTuple || uint64(n.Small()-1) >= uint64(h.HeaderArity()) {
				goto slow
			}
			fset(r, stk, sp, cw(base, pc+5), term.Term(env.W[t.Index()+uint64(n.Small())]))
			pc += 6
		case opBifTupleSize, opGcBifTupleSize:
			at := pc + 3
			if cw(base, pc) == opGcBifTupleSize {
				at++
			}
			t := fget(r, stk, sp, cw(base, at))
			if !t.IsBoxed() {
				goto slow
			}
			h := term.Term(env.W[t.Index()])
			if h.HeaderSub() != term.SubTuple {
				goto slow
			}
			fset(r, stk, sp, cw(base, at+1), term.MakeSmall(int64(h.HeaderArity())))
			pc = at + 2
		case opGcBifByteSize:
			t := fget(r, stk, sp, cw(base, pc+4))
			if !t.IsBoxed() {
				goto slow
			}
			var n uint64
			switch term.Term(env.W[t.Index()]).HeaderSub() {
			case term.SubHeapBin, term.SubRefcBin:
				n = env.W[t.Index()+1]
			case term.SubSubBin:
				n = (env.W[t.Index()+1] + 7) / 8
			default:
				goto slow
			}
			fset(r, stk, sp, cw(base, pc+5), term.MakeSmall(int64(n)))
			pc += 6
		case opGcBifMapSize:
			t := fget(r, stk, sp, cw(base, pc+4))
			if !t.IsBoxed() || term.Term(env.W[t.Index()]).HeaderSub() != term.SubMap {
				goto slow
			}
			fset(r, stk, sp, cw(base, pc+5), term.MakeSmall(int64(env.W[t.Index()+1])))
			pc += 6

		case opGetMapElem1: // Fail Src 2 Key Dst
			m := fget(r, stk, sp, cw(base, pc+2))
			if !m.IsBoxed() {
				goto slow
			}
			i := m.Index()
			if term.Term(env.W[i]).HeaderSub() != term.SubMap {
				goto slow
			}
			n := env.W[i+1]
			if n > term.MapFlatLimit {
				goto slow
			}
			k := uint64(fget(r, stk, sp, cw(base, pc+4)))
			if k&3 != term.TagImmed {
				goto slow
			}
			keys := env.W[i+2 : i+2+2*n]
			j := uint64(0)
			for j < n && keys[j] != k {
				j++
			}
			if j == n {
				pc = int(cw(base, pc+1))
				continue
			}
			fset(r, stk, sp, cw(base, pc+5), term.Term(keys[n+j]))
			pc += 6

		default:
			goto slow
		}
		continue

	slow:
		r.p.pc = uint32(pc)
		r.p.sp = sp
		return runNext

	yield:
		r.p.pc = uint32(pc)
		r.p.sp = sp
		return runYield
	}
}

// yat returns y register i (below yGuard) of stack s with stack pointer sp.
func yat(s []term.Term, sp int, i uint64) *term.Term {
	return (*term.Term)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), (sp-1-int(i&(yGuard-1)))*8))
}

// fget is Process.get for fast, whose stack pointer is sp.
func fget(r *regs, s []term.Term, sp int, w uint64) term.Term {
	if w&3 != 0 {
		return term.Term(w)
	}
	if (w>>2)&3 == refX {
		return r.x[w>>6&(MaxX-1)]
	}
	return s[sp-1-int(w>>6)]
}

// fset is Process.set for fast, whose stack pointer is sp.
func fset(r *regs, s []term.Term, sp int, w uint64, t term.Term) {
	if (w>>2)&3 == refX {
		r.x[w>>6&(MaxX-1)] = t
		return
	}
	s[sp-1-int(w>>6)] = t
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
	env := p.env()
	mod := p.mod
	rt := p.rt
	_, _, _ = env, mod, rt
	switch generic(code[pc]) {
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
			// Everything seen: take in what has arrived since.
			if p.inCount.Load() > 0 && !p.handleSignals() {
				return pc, coldExit
			}
			if p.msgPos >= len(p.mailbox) {
				pc = int(code[pc+1])
				if code[pc] == opWait { // run it here
					p.pc = uint32(code[pc+1])
					return pc, coldWait
				}
				return pc, coldNext
			}
		}
		p.set(code[pc+2], p.mailbox[p.msgPos])
		pc += 3
	case opLoopRecEnd:
		p.msgPos++
		pc = int(code[pc+1])
	case opRemoveMessage:
		p.removeMessage()
		pc++
	case opTimeout:
		p.msgPos = 0
		p.clearRecvTimer()
		pc++
	case opWait:
		p.pc = uint32(code[pc+1])
		return pc, coldWait
	case opWaitTimeout:
		if p.timedOut {
			p.timedOut, p.recvTimer = false, nil
			pc += 3
			return pc, coldNext
		}
		t := p.get(code[pc+2])
		if t == term.MakeSmall(0) {
			pc += 3
			return pc, coldNext
		}
		if p.recvTimer == nil && t != term.AtomInfinity {
			if !t.IsSmall() || t.Small() < 0 || t.Small() > maxTimeout {
				p.Raise(term.AtomError, term.AtomTimeoutValue)
				return pc, coldRaise
			}
			p.armRecvTimer(t.Small())
		}
		p.pc = uint32(code[pc+1])
		return pc, coldWait
	case opRecvMarkerReserve: // Dst
		p.set(code[pc+1], p.reserveMarker())
		pc += 2
	case opRecvMarkerBind: // Marker Ref
		p.bindMarker(p.get(code[pc+1]), p.get(code[pc+2]))
		pc += 3
	case opRecvMarkerClear: // Ref
		p.clearMarker(p.get(code[pc+1]))
		pc += 2
	case opRecvMarkerUse: // Ref
		p.useMarker(p.get(code[pc+1]))
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
		p.r.fr[code[pc+2]>>6] = f
		pc += 3
	case opFadd, opFsub, opFmul, opFdiv:
		a, b := p.r.fr[code[pc+2]>>6], p.r.fr[code[pc+3]>>6]
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
		p.r.fr[code[pc+4]>>6] = r
		pc += 5
	case opFnegate:
		p.r.fr[code[pc+3]>>6] = -p.r.fr[code[pc+2]>>6]
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
	case opHibernateWait:
		return p.hibernateWait(pc)
	case opAwaitReply:
		return p.awaitReply(pc)

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

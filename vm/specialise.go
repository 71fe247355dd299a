package vm

import "github.com/beamr/beamr/term"

// Operand-specialised forms of hot instructions. Each keeps the layout of
// its generic instruction, so slow and the disassembler treat it as that
// instruction; only the fast path decodes its operands directly (an x
// register's number, a small integer constant) instead of going through
// Process.get.
//
// Comparisons (Fail A B): X is an x register, C a small integer constant.
// is_eq_exact/is_ne_exact with an immediate constant (atom, small, []) need
// no slow path at all: the words are equal exactly when the terms are.
// Arithmetic (gc_bif2 layout Fail Live Bif A B Dst): A an x or y register,
// B a small integer constant, Dst an x register. get_map_elements of a
// single key is answered by scanning a flat map's keys when the key is an
// immediate.

// specialise rewrites the opcode word of each instruction in code (starting
// at the offsets in instrs) whose operands fit a specialised form.
func specialise(code []uint64, instrs []uint32) {
	for _, at := range instrs {
		i := int(at)
		switch code[i] {
		case opIsLt, opIsGe:
			a, b := code[i+2], code[i+3]
			lt := code[i] == opIsLt
			switch {
			case isXRef(a) && isXRef(b):
				code[i] = pick(lt, opIsLtXX, opIsGeXX)
			case isXRef(a) && isSmallConst(b):
				code[i] = pick(lt, opIsLtXC, opIsGeXC)
			case isSmallConst(a) && isXRef(b):
				code[i] = pick(lt, opIsLtCX, opIsGeCX)
			}
		case opIsEqExact, opIsNeExact:
			a, b := code[i+2], code[i+3]
			eq := code[i] == opIsEqExact
			switch {
			case isXRef(a) && isImmedConst(b):
				code[i] = pick(eq, opIsEqExactXC, opIsNeExactXC)
			case isImmedConst(a) && isXRef(b):
				code[i+2], code[i+3] = b, a
				code[i] = pick(eq, opIsEqExactXC, opIsNeExactXC)
			}
		case opGetMapElements: // Fail Src N Key Dst...
			if k := code[i+4]; code[i+3] == 2 && (isImmedConst(k) || isXRef(k) || isYRef(k)) {
				code[i] = opGetMapElem1
			}
		case opAdd, opSub:
			a, b, d := code[i+4], code[i+5], code[i+6]
			add := code[i] == opAdd
			if !isSmallConst(b) || !isXRef(d) {
				continue
			}
			switch {
			case isXRef(a):
				code[i] = pick(add, opAddXCX, opSubXCX)
			case isYRef(a) && a>>6 < yGuard:
				code[i] = pick(add, opAddYCX, opSubYCX)
			}
		}
	}
}

func pick(c bool, a, b uint64) uint64 {
	if c {
		return a
	}
	return b
}

// isXRef reports whether operand word w names an x register.
func isXRef(w uint64) bool { return w&3 == 0 && (w>>2)&3 == refX }

// isYRef reports whether operand word w names a y register.
func isYRef(w uint64) bool { return w&3 == 0 && (w>>2)&3 == refY }

// isSmallConst reports whether operand word w is a small integer constant.
func isSmallConst(w uint64) bool { return term.Term(w).IsSmall() }

// isImmedConst reports whether operand word w is an immediate constant.
func isImmedConst(w uint64) bool { return term.Term(w).IsImmed() }

// Fused pairs. fuse gives the first instruction of a frequent pair a
// fused opcode whose fast path runs both instructions with one dispatch.
// The second instruction keeps its own words, so slow runs a fused opcode
// as its first instruction alone, and nothing changes for code that jumps
// to the second one — which fuse never allows: the second instruction of a
// pair is never a label.
var fusions = map[[2]uint64]uint64{
	{opMoveXX, opMoveXX}:                   opMoveXXMoveXX,
	{opMoveXY, opMoveXY}:                   opMoveXYMoveXY,
	{opMoveYX, opMoveYX}:                   opMoveYXMoveYX,
	{opMoveXX, opCall}:                     opMoveXXCall,
	{opMoveYX, opCall}:                     opMoveYXCall,
	{opMoveXX, opCallLast}:                 opMoveXXCallLast,
	{opMoveYX, opCallLast}:                 opMoveYXCallLast,
	{opMoveXX, opReturn}:                   opMoveXXReturn,
	{opMoveYX, opDeallocReturn}:            opMoveYXDeallocReturn,
	{opIsNonemptyList, opGetList}:          opIsNonemptyListGetList,
	{opTestHeap, opPutList}:                opTestHeapPutList,
	{opAllocate, opMoveXY}:                 opAllocateMoveXY,
	{opAllocate, opGetList}:                opAllocateGetList,
	{opPutList, opDeallocReturn}:           opPutListDeallocReturn,
	{opTestHeap, opPutTuple2}:              opTestHeapPutTuple2,
	{opIsTuple, opTestArity}:               opIsTupleTestArity,
	{opGetTupleElement, opGetTupleElement}: opGetTupleElementTwice,
}

// fusedFirst maps each fused opcode to the opcode of its first instruction.
var fusedFirst = func() map[uint64]uint64 {
	m := make(map[uint64]uint64, len(fusions))
	for pair, f := range fusions {
		m[f] = pair[0]
	}
	return m
}()

// fuse rewrites the first instruction of each fusable pair in code.
// instrs are the instruction offsets in order; labels the label offsets.
func fuse(code []uint64, instrs []uint32, labels []uint32) {
	target := make(map[uint32]bool, len(labels))
	for _, l := range labels {
		target[l] = true
	}
	for k := 0; k+1 < len(instrs); k++ {
		a, b := instrs[k], instrs[k+1]
		if target[b] {
			continue
		}
		if f, ok := fusions[[2]uint64{code[a], code[b]}]; ok {
			if code[a] == opIsNonemptyList && code[a+2] != code[b+1] {
				continue // the test and the get_list must name the same list
			}
			if code[a] == opIsTuple && code[a+2] != code[b+2] {
				continue // both tests must be of the same term
			}
			code[a] = f
			k++ // the second instruction is not the first of another pair
		}
	}
}

// genericOp maps each opcode to the one slow runs for it: a fused pair's
// first instruction, a fast-path BIF's generic bif instruction, or itself.
var genericOp = func() (g [numHotOps]uint64) {
	for i := range g {
		g[i] = uint64(i)
	}
	for f, first := range fusedFirst {
		g[f] = first
	}
	g[opBifSelf] = opBif0
	g[opBifHd], g[opBifTl], g[opBifTupleSize] = opBif1, opBif1, opBif1
	g[opBifElement] = opBif2
	g[opGcBifTupleSize], g[opGcBifByteSize], g[opGcBifMapSize] = opGcBif1, opGcBif1, opGcBif1
	g[opGetMapElem1] = opGetMapElements
	return g
}()

// generic returns the opcode slow runs for op.
func generic(op uint64) uint64 {
	if op < numHotOps {
		return genericOp[op]
	}
	return op
}

package vm

import (
	"fmt"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	bf "github.com/beamr/beamr/vm/beamfile"
)

// Operand words in the code stream. A source operand is either a term
// (any word whose low two bits are not 00: an immediate or a pointer into the
// module's literal area) or a register reference, which uses the header
// pattern (low bits 00) that no term value ever has.
const (
	refX  = 1
	refY  = 2
	refFR = 3
)

func regRef(kind, n uint64) uint64 { return n<<6 | kind<<2 }

// loader holds the state of one module's transformation.
type loader struct {
	rt     *Runtime
	f      *bf.File
	m      *Module
	code   []uint64
	labels []uint32
	fixups []int // positions in code holding label numbers to resolve
	fn     string
	atoms  []term.Term
}

func (l *loader) fail(format string, args ...any) error {
	return &LoadError{Module: l.f.Module, Function: l.fn, Err: fmt.Errorf(format, args...)}
}

// prepare turns a parsed file into a Module ready to install.
func (rt *Runtime) prepare(f *bf.File) (*Module, error) {
	lit, err := heap.New(rt.Arena, 0)
	if err != nil {
		return nil, &LoadError{Module: f.Module, Err: err}
	}
	l := &loader{rt: rt, f: f, labels: make([]uint32, f.CodeHeader.LabelCount+1)}
	l.atoms = make([]term.Term, len(f.Atoms))
	for i, a := range f.Atoms {
		if i == 0 {
			l.atoms[i] = term.Nil
			continue
		}
		t, ok := rt.Env.Atoms.Intern(a)
		if !ok {
			return nil, l.fail("atom table full")
		}
		l.atoms[i] = t
	}
	m := &Module{Name: l.atoms[1], lit: lit, strings: f.Strings, exports: f.Exports}
	m.atomsCache = l.atoms
	l.m = m
	m.md5 = f.MD5

	// Literals.
	m.literals = make([]term.Term, len(f.Literals))
	for i, b := range f.Literals {
		t, _, err := term.DecodeExternal(&rt.Env, lit, rt, b, term.DecodeOpts{})
		if err != nil {
			return nil, l.fail("literal %d: %v", i, err)
		}
		m.literals[i] = t
	}
	if f.Attributes != nil {
		if t, _, err := term.DecodeExternal(&rt.Env, lit, rt, f.Attributes, term.DecodeOpts{}); err == nil {
			m.attributes = t
		}
	}
	if m.attributes == 0 {
		m.attributes = term.Nil
	}
	if f.CompileInfo != nil {
		if t, _, err := term.DecodeExternal(&rt.Env, lit, rt, f.CompileInfo, term.DecodeOpts{}); err == nil {
			m.compileInfo = t
		}
	}
	if m.compileInfo == 0 {
		m.compileInfo = term.Nil
	}

	if err := l.loadRecordDefs(f.Records); err != nil {
		return nil, err
	}

	// Imports resolve to export entries (created empty when not yet known).
	rt.mu.Lock()
	m.imports = make([]*Export, len(f.Imports))
	for i, im := range f.Imports {
		m.imports[i] = rt.exports[rt.exportIndexLocked(l.atoms[im.Module], l.atoms[im.Function], int(im.Arity))]
	}
	m.lambdas = make([]uint32, len(f.Funs))
	for i, fn := range f.Funs {
		id := rt.funEntryLocked(m.Name, fn.Index, fn.OldUniq, int(fn.Arity))
		fe := rt.funs[id]
		fe.Name = l.atoms[fn.Function]
		fe.NumFree = int(fn.NumFree)
		m.lambdas[i] = id
	}
	m.ID = uint32(len(rt.insts))
	rt.insts = append(rt.insts, m)
	rt.mu.Unlock()

	// Line table.
	if f.Lines != nil {
		m.files = f.Lines.Files
	}

	if err := l.transform(); err != nil {
		rt.mu.Lock()
		rt.insts[m.ID] = nil
		rt.mu.Unlock()
		return nil, err
	}
	m.Code = l.code
	m.labels = l.labels
	rt.mu.Lock()
	for _, ci := range m.catchIdx {
		rt.catches[ci].pc = l.labels[rt.catches[ci].pc]
	}
	rt.mu.Unlock()
	m.lambdaPCs = make([]uint32, len(f.Funs))
	for i, fn := range f.Funs {
		m.lambdaPCs[i] = l.labels[fn.Label]
		// A fun new to the runtime can be called from now on (by the
		// module's on_load function); one that older code of the module
		// has keeps running that code until the module is installed.
		rt.funEntry(m.lambdas[i]).setCodeIfNone(m, m.lambdaPCs[i])
	}
	return m, nil
}

func (l *loader) emit(ws ...uint64) { l.code = append(l.code, ws...) }

// nativeStub handles a function (its func_info at f.Code[ix]) whose body
// only calls erlang:nif_error — how OTP's modules hold the functions the
// runtime implements — when a native of the same name exists: its entry
// label gets a tail call of that native, so local calls reach the native
// as external ones do. It returns the index of the body's last
// instruction.
func (l *loader) nativeStub(ix int, name term.Term, arity int) (int, bool) {
	code := l.f.Code
	if ix+1 >= len(code) || code[ix+1].Op != bf.OpLabel {
		return 0, false
	}
	end := -1
	for j := ix + 2; j < len(code) && end < 0; j++ {
		switch in := code[j]; in.Op {
		case bf.OpLine, bf.OpMove:
		case bf.OpCallExtOnly, bf.OpCallExtLast:
			if len(in.Args) < 2 {
				return 0, false
			}
			mod, fn, _, ok := l.f.ImportMFA(in.Args[1].Val)
			if !ok || mod != "erlang" || fn != "nif_error" {
				return 0, false
			}
			end = j
		default:
			return 0, false
		}
	}
	if end < 0 {
		return 0, false
	}
	rt, m := l.rt, l.m
	k := mfa{m.Name, name, arity}
	rt.mu.Lock()
	if _, ok := rt.natives[k]; !ok {
		rt.mu.Unlock()
		return 0, false
	}
	imp := len(m.imports)
	m.imports = append(m.imports, rt.exports[rt.exportIndexLocked(m.Name, name, arity)])
	rt.mu.Unlock()
	if m.stubs == nil {
		m.stubs = map[mfa]bool{}
	}
	m.stubs[k] = true
	l.labels[code[ix+1].Args[0].Val] = uint32(len(l.code))
	l.m.instrs = append(l.m.instrs, uint32(len(l.code)))
	l.emit(opCallExtOnly, uint64(arity), uint64(imp))
	return end, true
}

func (l *loader) label(a bf.Arg) {
	l.fixups = append(l.fixups, len(l.code))
	l.code = append(l.code, uint64(a.Val))
}

// src converts an operand that yields a term.
func (l *loader) src(a bf.Arg) (uint64, error) {
	switch a.Kind {
	case bf.KindX:
		return regRef(refX, uint64(a.Val)), nil
	case bf.KindY:
		return regRef(refY, uint64(a.Val)), nil
	case bf.KindA:
		return uint64(l.atoms[a.Val]), nil
	case bf.KindI:
		if a.Big != nil {
			return uint64(l.m.lit.Big(a.Big)), nil
		}
		return uint64(l.m.lit.Int(a.Val)), nil
	case bf.KindH:
		return uint64(term.MakeSmall(a.Val)), nil
	case bf.KindLit:
		return uint64(l.m.literals[a.Val]), nil
	case bf.KindU:
		return uint64(term.MakeSmall(a.Val)), nil
	case bf.KindFR:
		return regRef(refFR, uint64(a.Val)), nil
	}
	return 0, l.fail("unexpected %s operand", a.Kind)
}

func (l *loader) emitSrc(as ...bf.Arg) error {
	for _, a := range as {
		w, err := l.src(a)
		if err != nil {
			return err
		}
		l.emitTerm(w)
	}
	return nil
}

// emitTerm emits an operand word that is a term or register reference,
// noting its position so that disassembly can print it as one.
func (l *loader) emitTerm(w uint64) {
	i := len(l.code)
	for len(l.m.termWords) <= i/64 {
		l.m.termWords = append(l.m.termWords, 0)
	}
	l.m.termWords[i/64] |= 1 << (i % 64)
	l.code = append(l.code, w)
}

// heapNeed converts a test_heap/allocate_heap need (number or allocation
// list) into words.
func heapNeed(a bf.Arg) uint64 {
	if a.Kind != bf.KindAlloc {
		return uint64(a.Val)
	}
	var n uint64
	for _, it := range a.Alloc {
		switch it.Kind {
		case bf.AllocWords:
			n += uint64(it.N)
		case bf.AllocFloats:
			n += 2 * uint64(it.N)
		case bf.AllocFuns:
			n += (term.FunHeaderWords) * uint64(it.N)
		}
	}
	return n
}

func (l *loader) transform() error {
	f := l.f
	m := l.m
	code := f.Code
	for ix := 0; ix < len(code); ix++ {
		in := code[ix]
		if err := l.validate(in); err != nil {
			return err
		}
		// beamr's allocate sets every new y register to [], so an
		// init_yregs right after one (no label between) has nothing to do.
		if in.Op == bf.OpInitYregs && ix > 0 && isAllocate(code[ix-1].Op) {
			continue
		}
		a := in.Args
		op := internalOp[in.Op]
		if in.Op == bf.OpCallFun || in.Op == bf.OpCallFun2 {
			if n, skip, ok := tailAfter(code, ix+1); ok {
				l.m.instrs = append(l.m.instrs, uint32(len(l.code)))
				if in.Op == bf.OpCallFun {
					l.emit(opCallFunLast, uint64(a[0].Val), regRef(refX, uint64(a[0].Val)), n)
				} else {
					l.emit(opCallFunLast, uint64(a[1].Val))
					if err := l.emitSrc(a[2]); err != nil {
						return err
					}
					l.emit(n)
				}
				ix += skip
				continue
			}
		}
		switch in.Op {
		case bf.OpLabel:
			l.labels[a[0].Val] = uint32(len(l.code))
			continue
		case bf.OpLine:
			l.addLine(a[0].Val)
			continue
		case bf.OpExecutableLine:
			l.addLine(a[0].Val)
			continue
		case bf.OpDebugLine, bf.OpNifStart, bf.OpRecvMark, bf.OpRecvSet, bf.OpFclearerror:
			continue
		case bf.OpOnLoad:
			// It follows the entry label of the function to run on load.
			m.onLoad = uint32(len(l.code))
			continue
		case bf.OpFuncInfo:
			name, arity := l.atoms[a[1].Val], int(a[2].Val)
			l.fn = fmt.Sprintf("%s/%d", f.Atoms[a[1].Val], arity)
			start := uint32(len(l.code))
			m.funcs = append(m.funcs, funcRange{start: start, entry: start + 4, name: name, arity: arity})
			l.m.instrs = append(l.m.instrs, uint32(len(l.code)))
			l.emit(opFuncInfo)
			l.emitTerm(uint64(l.atoms[a[0].Val]))
			l.emitTerm(uint64(name))
			l.emit(uint64(arity))
			if end, ok := l.nativeStub(ix, name, arity); ok {
				ix = end
			}
			continue
		}
		l.m.instrs = append(l.m.instrs, uint32(len(l.code)))
		l.emit(op)
		var err error
		switch in.Op {
		case bf.OpIntCodeEnd, bf.OpReturn, bf.OpSend, bf.OpRemoveMessage, bf.OpTimeout,
			bf.OpIfEnd, bf.OpBuildStacktrace, bf.OpRawRaise, bf.OpBsInitWritable:
		case bf.OpCall: // Arity Label CP (the return address, precomputed)
			l.emit(uint64(a[0].Val))
			l.label(a[1])
			l.emit(uint64(term.MakeCP(m.ID, uint32(len(l.code)+1))))
		case bf.OpCallOnly: // Arity Label
			l.emit(uint64(a[0].Val))
			l.label(a[1])
		case bf.OpCallLast: // Arity Label N
			l.emit(uint64(a[0].Val))
			l.label(a[1])
			l.emit(uint64(a[2].Val))
		case bf.OpCallExt, bf.OpCallExtOnly: // Arity Import
			l.emit(uint64(a[0].Val), uint64(a[1].Val))
		case bf.OpCallExtLast:
			l.emit(uint64(a[0].Val), uint64(a[1].Val), uint64(a[2].Val))
		case bf.OpBif0: // Bif Dst
			if fast, ok := l.bifOp(in.Op, a[0].Val); ok {
				l.code[len(l.code)-1] = fast
			}
			l.emit(uint64(a[0].Val))
			err = l.emitSrc(a[1])
		case bf.OpBif1, bf.OpBif2, bf.OpBif3: // Fail Bif Args... Dst
			if fast, ok := l.bifOp(in.Op, a[1].Val); ok {
				l.code[len(l.code)-1] = fast
			}
			l.label(a[0])
			l.emit(uint64(a[1].Val))
			err = l.emitSrc(a[2:]...)
		case bf.OpGcBif1, bf.OpGcBif2, bf.OpGcBif3: // Fail Live Bif Args... Dst
			if in.Op == bf.OpGcBif2 {
				if fast, ok := l.arithOp(a[2].Val); ok {
					l.code[len(l.code)-1] = fast
				}
			} else if fast, ok := l.bifOp(in.Op, a[2].Val); ok {
				l.code[len(l.code)-1] = fast
			}
			l.label(a[0])
			live := uint64(a[1].Val)
			if in.Op == bf.OpGcBif2 && l.isIncrement(a) {
				live |= incrementFlag
			}
			l.emit(live, uint64(a[2].Val))
			err = l.emitSrc(a[3:]...)
		case bf.OpAllocate, bf.OpAllocateZero: // N Live
			l.code[len(l.code)-1] = opAllocate
			l.emit(uint64(a[0].Val), uint64(a[1].Val))
		case bf.OpAllocateHeap, bf.OpAllocateHeapZero: // N Heap Live
			l.code[len(l.code)-1] = opAllocateHeap
			l.emit(uint64(a[0].Val), heapNeed(a[1]), uint64(a[2].Val))
		case bf.OpTestHeap: // Heap Live
			l.emit(heapNeed(a[0]), uint64(a[1].Val))
		case bf.OpInit:
			err = l.emitSrc(a[0])
		case bf.OpDeallocate, bf.OpTrim:
			if in.Op == bf.OpDeallocate && ix+1 < len(code) && code[ix+1].Op == bf.OpReturn {
				l.code[len(l.code)-1] = opDeallocReturn
				l.emit(uint64(a[0].Val))
				ix++
				break
			}
			l.emit(uint64(a[0].Val))
			if in.Op == bf.OpTrim {
				l.emit(uint64(a[1].Val))
			}
		case bf.OpLoopRec: // Fail Dst
			l.label(a[0])
			err = l.emitSrc(a[1])
		case bf.OpLoopRecEnd, bf.OpWait, bf.OpJump, bf.OpFcheckerror:
			l.label(a[0])
		case bf.OpWaitTimeout: // Fail Time
			l.label(a[0])
			err = l.emitSrc(a[1])
		case bf.OpRecvMarkerReserve, bf.OpRecvMarkerClear, bf.OpRecvMarkerUse:
			err = l.emitSrc(a[0])
		case bf.OpRecvMarkerBind:
			err = l.emitSrc(a[0], a[1])
		case bf.OpIsLt, bf.OpIsGe, bf.OpIsEq, bf.OpIsNe, bf.OpIsEqExact, bf.OpIsNeExact,
			bf.OpIsFunction2: // Fail A B
			l.label(a[0])
			err = l.emitSrc(a[1], a[2])
		case bf.OpIsInteger, bf.OpIsFloat, bf.OpIsNumber, bf.OpIsAtom, bf.OpIsPid,
			bf.OpIsReference, bf.OpIsPort, bf.OpIsNil, bf.OpIsBinary, bf.OpIsList,
			bf.OpIsNonemptyList, bf.OpIsTuple, bf.OpIsFunction, bf.OpIsBoolean,
			bf.OpIsBitstr, bf.OpIsMap: // Fail A
			l.label(a[0])
			err = l.emitSrc(a[1])
		case bf.OpTestArity: // Fail A N
			l.label(a[0])
			err = l.emitSrc(a[1])
			l.emit(uint64(a[2].Val))
		case bf.OpIsTaggedTuple: // Fail A N Atom
			l.label(a[0])
			err = l.emitSrc(a[1])
			l.emit(uint64(a[2].Val))
			if err == nil {
				err = l.emitSrc(a[3])
			}
		case bf.OpSelectVal, bf.OpSelectTupleArity: // A Fail {list, [V, L]...}
			if err = l.emitSrc(a[0]); err != nil {
				break
			}
			l.label(a[1])
			pairs := a[2].List
			l.emit(uint64(len(pairs) / 2))
			for i := 0; i+1 < len(pairs); i += 2 {
				if in.Op == bf.OpSelectTupleArity {
					l.emit(uint64(pairs[i].Val))
				} else if err = l.emitSrc(pairs[i]); err != nil {
					break
				}
				l.label(pairs[i+1])
			}
		case bf.OpCatch, bf.OpTry: // Y Label
			if err = l.emitSrc(a[0]); err != nil {
				break
			}
			l.emit(uint64(l.addCatch(a[1])))
		case bf.OpCatchEnd, bf.OpTryEnd, bf.OpTryCase, bf.OpTryCaseEnd, bf.OpBadmatch,
			bf.OpCaseEnd, bf.OpBadrecord:
			err = l.emitSrc(a[0])
		case bf.OpMove:
			err = l.move(a[0], a[1])
		case bf.OpRaise, bf.OpGetHd, bf.OpGetTl, bf.OpSwap, bf.OpFmove,
			bf.OpFconv:
			err = l.emitSrc(a[0], a[1])
		case bf.OpGetList, bf.OpPutList:
			err = l.emitSrc(a[0], a[1], a[2])
		case bf.OpGetTupleElement: // Src N Dst
			err = l.emitSrc(a[0])
			l.emit(uint64(a[1].Val))
			if err == nil {
				err = l.emitSrc(a[2])
			}
		case bf.OpSetTupleElement: // Val Tuple N
			err = l.emitSrc(a[0], a[1])
			l.emit(uint64(a[2].Val))
		case bf.OpPutTuple2: // Dst {list, Elems}
			err = l.emitSrc(a[0])
			l.emit(uint64(len(a[1].List)))
			if err == nil {
				err = l.emitSrc(a[1].List...)
			}
		case bf.OpCallFun: // Arity
			l.emit(uint64(a[0].Val))
		case bf.OpApply: // Arity
			l.emit(uint64(a[0].Val))
		case bf.OpApplyLast: // Arity N
			l.emit(uint64(a[0].Val), uint64(a[1].Val))
		case bf.OpCallFun2: // Tag Arity Func
			l.emit(uint64(a[1].Val))
			err = l.emitSrc(a[2])
		case bf.OpMakeFun3: // FunIndex Dst {list, Free}
			l.emit(uint64(m.lambdas[a[0].Val]))
			err = l.emitSrc(a[1])
			l.emit(uint64(len(a[2].List)))
			if err == nil {
				err = l.emitSrc(a[2].List...)
			}
		case bf.OpMakeFun2:
			l.emit(uint64(m.lambdas[a[0].Val]))
		case bf.OpInitYregs: // {list, Ys}
			l.emit(uint64(len(a[0].List)))
			err = l.emitSrc(a[0].List...)
		case bf.OpFadd, bf.OpFsub, bf.OpFmul, bf.OpFdiv: // Fail A B Dst
			l.label(a[0])
			err = l.emitSrc(a[1], a[2], a[3])
		case bf.OpFnegate: // Fail A Dst
			l.label(a[0])
			err = l.emitSrc(a[1], a[2])
		case bf.OpPutMapAssoc, bf.OpPutMapExact: // Fail Src Dst Live {list, KVs}
			l.label(a[0])
			err = l.emitSrc(a[1], a[2])
			l.emit(uint64(a[3].Val), uint64(len(a[4].List)))
			if err == nil {
				err = l.emitSrc(a[4].List...)
			}
		case bf.OpHasMapFields, bf.OpGetMapElements: // Fail Src {list, ...}
			l.label(a[0])
			err = l.emitSrc(a[1])
			l.emit(uint64(len(a[2].List)))
			if err == nil {
				err = l.emitSrc(a[2].List...)
			}
		case bf.OpUpdateRecord: // Hint Size Src Dst {list, [Idx, Val]...}
			l.emit(uint64(a[1].Val))
			err = l.emitSrc(a[2], a[3])
			ps := a[4].List
			l.emit(uint64(len(ps) / 2))
			for i := 0; err == nil && i+1 < len(ps); i += 2 {
				l.emit(uint64(ps[i].Val))
				err = l.emitSrc(ps[i+1])
			}
		case bf.OpIsAnyNativeRecord, bf.OpIsNativeRecord, bf.OpGetRecordElements, bf.OpPutRecord,
			bf.OpIsRecordAccessible, bf.OpGetRecordField:
			err = l.nativeRecord(in)
		default:
			if err := l.bitSyntax(in); err != nil {
				return err
			}
		}
		if err != nil {
			return err
		}
	}
	for _, pos := range l.fixups {
		lbl := l.code[pos]
		if lbl != 0 {
			if lbl >= uint64(len(l.labels)) {
				return l.fail("label %d out of range", lbl)
			}
			l.code[pos] = uint64(l.labels[lbl])
		}
	}
	specialise(l.code, l.m.instrs)
	fuse(l.code, l.m.instrs, l.labels)
	return nil
}

// move emits a move specialised for its operand kinds (the opcode word
// is already emitted and is rewritten here).
func (l *loader) move(src, dst bf.Arg) error {
	op := &l.code[len(l.code)-1]
	// The specialised moves read y registers without a bounds check, which
	// is safe for indices below yGuard only (see Process.stack).
	bigY := (src.Kind == bf.KindY && src.Val >= yGuard) || (dst.Kind == bf.KindY && dst.Val >= yGuard)
	switch {
	case bigY:
		return l.emitSrc(src, dst)
	case src.Kind == bf.KindX && dst.Kind == bf.KindX:
		*op = opMoveXX
	case src.Kind == bf.KindX && dst.Kind == bf.KindY:
		*op = opMoveXY
	case src.Kind == bf.KindY && dst.Kind == bf.KindX:
		*op = opMoveYX
	case src.Kind == bf.KindY && dst.Kind == bf.KindY:
		*op = opMoveYY
	case src.Kind != bf.KindY && src.Kind != bf.KindFR:
		w, err := l.src(src)
		if err != nil {
			return err
		}
		if dst.Kind == bf.KindX {
			*op = opMoveCX
		} else {
			*op = opMoveCY
		}
		l.emitTerm(w)
		l.emit(uint64(dst.Val))
		return nil
	default:
		return l.emitSrc(src, dst)
	}
	l.emit(uint64(src.Val), uint64(dst.Val))
	return nil
}

// incrementFlag, set in the Live operand of a gc_bif2, marks an addition
// or subtraction that OTP 25 runs as an increment: in a body (no fail
// label), a register plus a small integer literal (on either side) or a
// register minus a small integer literal. It raises badarith without the
// {erlang,'+',Args,...} frame other failing additions show, so beamr does
// the same.
const incrementFlag = 1 << 32

// isIncrement reports whether gc_bif2 operands a form such an increment.
func (l *loader) isIncrement(a []bf.Arg) bool {
	im := l.f.Imports[a[2].Val]
	if a[0].Val != 0 || l.atoms[im.Module] != term.AtomErlang {
		return false
	}
	reg := func(x bf.Arg) bool { return x.Kind == bf.KindX || x.Kind == bf.KindY }
	small := func(x bf.Arg) bool { return x.Kind == bf.KindI && x.Big == nil && term.FitsSmall(x.Val) }
	switch l.f.Atoms[im.Function] {
	case "+":
		return reg(a[3]) && small(a[4]) || small(a[3]) && reg(a[4])
	case "-":
		return reg(a[3]) && small(a[4])
	}
	return false
}

// bifOp returns the opcode of a guard BIF with a fast path in the
// interpreter (see specialise.go) for instruction op calling import imp.
// Such an opcode keeps op's layout.
func (l *loader) bifOp(op bf.Opcode, imp int64) (uint64, bool) {
	im := l.f.Imports[imp]
	if l.atoms[im.Module] != term.AtomErlang {
		return 0, false
	}
	type key struct {
		op    bf.Opcode
		name  string
		arity int
	}
	switch (key{op, l.f.Atoms[im.Function], int(im.Arity)}) {
	case key{bf.OpBif0, "self", 0}:
		return opBifSelf, true
	case key{bf.OpBif1, "hd", 1}:
		return opBifHd, true
	case key{bf.OpBif1, "tl", 1}:
		return opBifTl, true
	case key{bf.OpBif2, "element", 2}:
		return opBifElement, true
	case key{bf.OpBif1, "tuple_size", 1}:
		return opBifTupleSize, true
	case key{bf.OpGcBif1, "tuple_size", 1}:
		return opGcBifTupleSize, true
	case key{bf.OpGcBif1, "byte_size", 1}:
		return opGcBifByteSize, true
	case key{bf.OpGcBif1, "map_size", 1}:
		return opGcBifMapSize, true
	}
	return 0, false
}

// arithOp returns the fast-path opcode for gc_bif2 of import imp.
func (l *loader) arithOp(imp int64) (uint64, bool) {
	im := l.f.Imports[imp]
	if l.atoms[im.Module] != term.AtomErlang || im.Arity != 2 {
		return 0, false
	}
	switch l.f.Atoms[im.Function] {
	case "+":
		return opAdd, true
	case "-":
		return opSub, true
	case "*":
		return opMul, true
	case "band":
		return opBand, true
	case "bor":
		return opBor, true
	case "bxor":
		return opBxor, true
	}
	return 0, false
}

func isAllocate(op bf.Opcode) bool {
	switch op {
	case bf.OpAllocate, bf.OpAllocateZero, bf.OpAllocateHeap, bf.OpAllocateHeapZero:
		return true
	}
	return false
}

// tailAfter reports whether the instructions from i on are a function
// return (deallocate N; return, or return, possibly after line
// instructions), giving N and how many instructions to skip.
func tailAfter(code []bf.Instr, i int) (n uint64, skip int, ok bool) {
	j := i
	for j < len(code) && code[j].Op == bf.OpLine {
		j++
	}
	if j < len(code) && code[j].Op == bf.OpDeallocate {
		n = uint64(code[j].Args[0].Val)
		j++
	}
	if j < len(code) && code[j].Op == bf.OpReturn {
		return n, j - i + 1, true
	}
	return 0, 0, false
}

func (l *loader) addLine(item int64) {
	lt := l.f.Lines
	pos := linePos{pc: uint32(len(l.code)), line: -1}
	if lt != nil && item > 0 && int(item) < len(lt.Items) {
		it := lt.Items[item]
		pos.file, pos.line = uint32(it.File), int32(it.Line)
	}
	ls := l.m.lines
	if n := len(ls); n > 0 && ls[n-1].pc == pos.pc {
		ls[n-1] = pos
		return
	}
	l.m.lines = append(ls, pos)
}

// addCatch registers a catch/try handler and returns its index; the label
// is resolved when the module's code is complete.
func (l *loader) addCatch(lbl bf.Arg) uint32 {
	rt := l.rt
	rt.mu.Lock()
	defer rt.mu.Unlock()
	i := uint32(len(rt.catches))
	rt.catches = append(rt.catches, catchTarget{mod: l.m.ID, pc: uint32(lbl.Val)})
	l.m.catchIdx = append(l.m.catchIdx, i)
	return i
}

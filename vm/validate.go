package vm

import (
	bf "github.com/beamr/beamr/vm/beamfile"
)

// Operand signatures of the generic instructions the transform handles, one
// letter per operand:
//
//	s  source: x, y, atom, integer, literal, char, u-number or float register
//	d  destination: x or y register
//	y  y register
//	F  float register
//	u  plain number
//	f  label (0 allowed where the instruction has an optional fail label)
//	a  atom
//	i  import index (checked against the import table)
//	b  fun index (checked against the fun table)
//	h  heap need: number or allocation list
//	L  list of sources
//	P  list of (source, label) pairs for select_val
//	T  list of (number, label) pairs for select_tuple_arity
//	R  list of (number, source) pairs for update_record
//	Y  list of y registers
//	*  anything (not used by the transform)
var signatures = map[bf.Opcode]string{
	bf.OpFuncInfo: "aau", bf.OpLabel: "u", bf.OpLine: "*", bf.OpExecutableLine: "**",
	bf.OpCall: "uf", bf.OpCallOnly: "uf", bf.OpCallLast: "ufu",
	bf.OpCallExt: "ui", bf.OpCallExtOnly: "ui", bf.OpCallExtLast: "uiu",
	bf.OpBif0: "id", bf.OpBif1: "fisd", bf.OpBif2: "fissd", bf.OpBif3: "fisssd",
	bf.OpGcBif1: "fuisd", bf.OpGcBif2: "fuissd", bf.OpGcBif3: "fuisssd",
	bf.OpAllocate: "uu", bf.OpAllocateZero: "uu", bf.OpAllocateHeap: "uhu", bf.OpAllocateHeapZero: "uhu",
	bf.OpTestHeap: "hu", bf.OpInit: "y", bf.OpDeallocate: "u", bf.OpTrim: "uu",
	bf.OpLoopRec: "fd", bf.OpLoopRecEnd: "f", bf.OpWait: "f", bf.OpJump: "f", bf.OpFcheckerror: "f",
	bf.OpWaitTimeout: "fs", bf.OpRecvMarkerReserve: "d", bf.OpRecvMarkerBind: "ss", bf.OpRecvMarkerClear: "s", bf.OpRecvMarkerUse: "s",
	bf.OpIsLt: "fss", bf.OpIsGe: "fss", bf.OpIsEq: "fss", bf.OpIsNe: "fss", bf.OpIsEqExact: "fss",
	bf.OpIsNeExact: "fss", bf.OpIsFunction2: "fss",
	bf.OpIsInteger: "fs", bf.OpIsFloat: "fs", bf.OpIsNumber: "fs", bf.OpIsAtom: "fs", bf.OpIsPid: "fs",
	bf.OpIsReference: "fs", bf.OpIsPort: "fs", bf.OpIsNil: "fs", bf.OpIsBinary: "fs", bf.OpIsList: "fs",
	bf.OpIsNonemptyList: "fs", bf.OpIsTuple: "fs", bf.OpIsFunction: "fs", bf.OpIsBoolean: "fs",
	bf.OpIsBitstr: "fs", bf.OpIsMap: "fs",
	bf.OpTestArity: "fsu", bf.OpIsTaggedTuple: "fsua",
	bf.OpSelectVal: "sfP", bf.OpSelectTupleArity: "sfT",
	bf.OpCatch: "yf", bf.OpTry: "yf", bf.OpCatchEnd: "y", bf.OpTryEnd: "y", bf.OpTryCase: "y",
	bf.OpTryCaseEnd: "s", bf.OpBadmatch: "s", bf.OpCaseEnd: "s", bf.OpBadrecord: "s",
	bf.OpRaise: "ss", bf.OpMove: "sd", bf.OpGetHd: "sd", bf.OpGetTl: "sd", bf.OpSwap: "dd",
	bf.OpFmove: "ss", bf.OpFconv: "sF",
	bf.OpGetList: "sdd", bf.OpPutList: "ssd", bf.OpGetTupleElement: "sud", bf.OpSetTupleElement: "ssu",
	bf.OpPutTuple2: "dL", bf.OpCallFun: "u", bf.OpCallFun2: "*us", bf.OpMakeFun3: "bdL", bf.OpMakeFun2: "b",
	bf.OpInitYregs: "Y", bf.OpApply: "u", bf.OpApplyLast: "uu",
	bf.OpFadd: "fFFF", bf.OpFsub: "fFFF", bf.OpFmul: "fFFF", bf.OpFdiv: "fFFF", bf.OpFnegate: "fFF",
	bf.OpPutMapAssoc: "fsduL", bf.OpPutMapExact: "fsduL", bf.OpHasMapFields: "fsL", bf.OpGetMapElements: "fsL",
	bf.OpUpdateRecord: "susdR",
}

// validate checks an instruction's operands against its signature, so the
// transform can index them without further checks.
func (l *loader) validate(in bf.Instr) error {
	sig, ok := signatures[in.Op]
	if !ok {
		return nil // bit syntax and the rest validate themselves
	}
	if len(sig) != len(in.Args) {
		return l.fail("%s: %d operands, want %d", in.Op.Name(), len(in.Args), len(sig))
	}
	for i, c := range sig {
		if !l.argOK(byte(c), in.Args[i]) {
			return l.fail("%s: operand %d is a %s, not what the instruction takes", in.Op.Name(), i+1, in.Args[i].Kind)
		}
	}
	return nil
}

func isSrc(a bf.Arg) bool {
	switch a.Kind {
	case bf.KindX, bf.KindY, bf.KindA, bf.KindI, bf.KindLit, bf.KindH, bf.KindU, bf.KindFR:
		return true
	}
	return false
}

func (l *loader) argOK(c byte, a bf.Arg) bool {
	switch c {
	case '*':
		return true
	case 's':
		return isSrc(a)
	case 'd':
		return a.Kind == bf.KindX || a.Kind == bf.KindY
	case 'y':
		return a.Kind == bf.KindY
	case 'F':
		return a.Kind == bf.KindFR
	case 'u':
		return a.Kind == bf.KindU && a.Val >= 0
	case 'f':
		return a.Kind == bf.KindF
	case 'a':
		return a.Kind == bf.KindA
	case 'i':
		return a.Kind == bf.KindU && a.Val >= 0 && a.Val < int64(len(l.f.Imports))
	case 'b':
		return a.Kind == bf.KindU && a.Val >= 0 && a.Val < int64(len(l.f.Funs))
	case 'h':
		return (a.Kind == bf.KindU && a.Val >= 0) || a.Kind == bf.KindAlloc
	case 'L':
		if a.Kind != bf.KindList {
			return false
		}
		for _, e := range a.List {
			if !isSrc(e) {
				return false
			}
		}
		return true
	case 'Y':
		if a.Kind != bf.KindList {
			return false
		}
		for _, e := range a.List {
			if e.Kind != bf.KindY {
				return false
			}
		}
		return true
	case 'P', 'T', 'R':
		if a.Kind != bf.KindList || len(a.List)%2 != 0 {
			return false
		}
		for i := 0; i < len(a.List); i += 2 {
			k, v := a.List[i], a.List[i+1]
			switch c {
			case 'P':
				if !isSrc(k) || v.Kind != bf.KindF {
					return false
				}
			case 'T':
				if k.Kind != bf.KindU || v.Kind != bf.KindF {
					return false
				}
			case 'R':
				if k.Kind != bf.KindU || k.Val < 1 || !isSrc(v) {
					return false
				}
			}
		}
		return true
	}
	return false
}

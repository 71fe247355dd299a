package vm

import "github.com/beamr/beamr/vm/beamfile"

// Internal opcodes. The interpreter's hot loop switches on the frequent
// instructions only, which are numbered densely from 0 so that the switch
// compiles to a jump table; every other generic instruction is 128 plus its
// generic number and runs in Process.cold, as do the internal-only
// instructions numbered from 512.
const (
	opCall             = 0  // Call
	opCallLast         = 1  // CallLast
	opCallOnly         = 2  // CallOnly
	opCallExt          = 3  // CallExt
	opCallExtOnly      = 4  // CallExtOnly
	opCallExtLast      = 5  // CallExtLast
	opReturn           = 6  // Return
	opAllocate         = 7  // Allocate
	opAllocateHeap     = 8  // AllocateHeap
	opTestHeap         = 9  // TestHeap
	opDeallocate       = 10 // Deallocate
	opTrim             = 11 // Trim
	opInitYregs        = 12 // InitYregs
	opJump             = 13 // Jump
	opIsEqExact        = 14 // IsEqExact
	opIsNeExact        = 15 // IsNeExact
	opIsLt             = 16 // IsLt
	opIsGe             = 17 // IsGe
	opIsInteger        = 18 // IsInteger
	opIsFloat          = 19 // IsFloat
	opIsNumber         = 20 // IsNumber
	opIsAtom           = 21 // IsAtom
	opIsPid            = 22 // IsPid
	opIsReference      = 23 // IsReference
	opIsPort           = 24 // IsPort
	opIsNil            = 25 // IsNil
	opIsBinary         = 26 // IsBinary
	opIsList           = 27 // IsList
	opIsNonemptyList   = 28 // IsNonemptyList
	opIsTuple          = 29 // IsTuple
	opIsFunction       = 30 // IsFunction
	opIsBoolean        = 31 // IsBoolean
	opIsBitstr         = 32 // IsBitstr
	opIsMap            = 33 // IsMap
	opIsFunction2      = 34 // IsFunction2
	opTestArity        = 35 // TestArity
	opIsTaggedTuple    = 36 // IsTaggedTuple
	opSelectVal        = 37 // SelectVal
	opSelectTupleArity = 38 // SelectTupleArity
	opGetList          = 39 // GetList
	opGetHd            = 40 // GetHd
	opGetTl            = 41 // GetTl
	opGetTupleElement  = 42 // GetTupleElement
	opPutList          = 43 // PutList
	opPutTuple2        = 44 // PutTuple2
	opSwap             = 45 // Swap
	opBif0             = 46 // Bif0
	opBif1             = 47 // Bif1
	opBif2             = 48 // Bif2
	opBif3             = 49 // Bif3
	opGcBif1           = 50 // GcBif1
	opGcBif2           = 51 // GcBif2
	opGcBif3           = 52 // GcBif3
	opMakeFun3         = 53 // MakeFun3
	opCallFun          = 54 // CallFun
	opCallFun2         = 55 // CallFun2
	opApply            = 56 // Apply
	opApplyLast        = 57 // ApplyLast
	opAdd              = 58 // gc_bif2 of erlang:'+'/2 with a small-integer fast path (gc_bif2 operands)
	opSub              = 59 // likewise '-'
	opMul              = 60 // likewise '*'
	opBand             = 61 // likewise band
	opBor              = 62 // likewise bor
	opBxor             = 63 // likewise bxor
	opMoveXX           = 64 // move x -> x (raw register numbers)
	opMoveXY           = 65 // move x -> y
	opMoveYX           = 66 // move y -> x
	opMoveYY           = 67 // move y -> y
	opMoveCX           = 68 // move constant -> x (the term, then the register number)
	opMoveCY           = 69 // move constant -> y
	opCallFunLast      = 70 // call_fun in tail position: Arity Fun N (deallocate N first)
	opDeallocReturn    = 71 // deallocate N; return
	// Operand-specialised forms (specialise.go).
	opIsLtXX      = 72
	opIsGeXX      = 73
	opIsLtXC      = 74
	opIsGeXC      = 75
	opIsLtCX      = 76
	opIsGeCX      = 77
	opIsEqExactXC = 78
	opIsNeExactXC = 79
	opAddXCX      = 80
	opSubXCX      = 81
	opAddYCX      = 82
	opSubYCX      = 83
	// Fused pairs (specialise.go).
	opMoveXXMoveXX          = 84
	opMoveXYMoveXY          = 85
	opMoveYXMoveYX          = 86
	opMoveXXCall            = 87
	opMoveYXCall            = 88
	opMoveXXCallLast        = 89
	opMoveYXCallLast        = 90
	opMoveXXReturn          = 91
	opMoveYXDeallocReturn   = 92
	opIsNonemptyListGetList = 93
	opTestHeapPutList       = 94
	// Guard BIFs with a fast path (load.go bifOp), in their generic layout.
	opBifSelf        = 95 // bif0 self/0
	opBifHd          = 96 // bif1 hd/1
	opBifTl          = 97 // bif1 tl/1
	opBifElement     = 98 // bif2 element/2
	opBifTupleSize   = 99 // bif1 tuple_size/1
	opGcBifTupleSize = 100
	opGcBifByteSize  = 101
	opGcBifMapSize   = 102
	// get_map_elements of one key (specialise.go).
	opGetMapElem1 = 103
	// More fused pairs (specialise.go).
	opAllocateMoveXY       = 104
	opAllocateGetList      = 105
	opPutListDeallocReturn = 106
	opTestHeapPutTuple2    = 107
	opIsTupleTestArity     = 108
	opGetTupleElementTwice = 109
	numHotOps              = 110
)

// Generic instructions run outside the hot loop: 128 + generic number.
const (
	opLabel              = 128 + uint64(beamfile.OpLabel)
	opFuncInfo           = 128 + uint64(beamfile.OpFuncInfo)
	opIntCodeEnd         = 128 + uint64(beamfile.OpIntCodeEnd)
	opAllocateZero       = 128 + uint64(beamfile.OpAllocateZero)
	opAllocateHeapZero   = 128 + uint64(beamfile.OpAllocateHeapZero)
	opInit               = 128 + uint64(beamfile.OpInit)
	opSend               = 128 + uint64(beamfile.OpSend)
	opRemoveMessage      = 128 + uint64(beamfile.OpRemoveMessage)
	opTimeout            = 128 + uint64(beamfile.OpTimeout)
	opLoopRec            = 128 + uint64(beamfile.OpLoopRec)
	opLoopRecEnd         = 128 + uint64(beamfile.OpLoopRecEnd)
	opWait               = 128 + uint64(beamfile.OpWait)
	opWaitTimeout        = 128 + uint64(beamfile.OpWaitTimeout)
	opMPlus              = 128 + uint64(beamfile.OpMPlus)
	opMMinus             = 128 + uint64(beamfile.OpMMinus)
	opMTimes             = 128 + uint64(beamfile.OpMTimes)
	opMDiv               = 128 + uint64(beamfile.OpMDiv)
	opIntDiv             = 128 + uint64(beamfile.OpIntDiv)
	opIntRem             = 128 + uint64(beamfile.OpIntRem)
	opIntBand            = 128 + uint64(beamfile.OpIntBand)
	opIntBor             = 128 + uint64(beamfile.OpIntBor)
	opIntBxor            = 128 + uint64(beamfile.OpIntBxor)
	opIntBsl             = 128 + uint64(beamfile.OpIntBsl)
	opIntBsr             = 128 + uint64(beamfile.OpIntBsr)
	opIntBnot            = 128 + uint64(beamfile.OpIntBnot)
	opIsEq               = 128 + uint64(beamfile.OpIsEq)
	opIsNe               = 128 + uint64(beamfile.OpIsNe)
	opIsConstant         = 128 + uint64(beamfile.OpIsConstant)
	opCatch              = 128 + uint64(beamfile.OpCatch)
	opCatchEnd           = 128 + uint64(beamfile.OpCatchEnd)
	opMove               = 128 + uint64(beamfile.OpMove)
	opSetTupleElement    = 128 + uint64(beamfile.OpSetTupleElement)
	opPutString          = 128 + uint64(beamfile.OpPutString)
	opPutTuple           = 128 + uint64(beamfile.OpPutTuple)
	opPut                = 128 + uint64(beamfile.OpPut)
	opBadmatch           = 128 + uint64(beamfile.OpBadmatch)
	opIfEnd              = 128 + uint64(beamfile.OpIfEnd)
	opCaseEnd            = 128 + uint64(beamfile.OpCaseEnd)
	opMakeFun            = 128 + uint64(beamfile.OpMakeFun)
	opBsStartMatch       = 128 + uint64(beamfile.OpBsStartMatch)
	opBsGetInteger       = 128 + uint64(beamfile.OpBsGetInteger)
	opBsGetFloat         = 128 + uint64(beamfile.OpBsGetFloat)
	opBsGetBinary        = 128 + uint64(beamfile.OpBsGetBinary)
	opBsSkipBits         = 128 + uint64(beamfile.OpBsSkipBits)
	opBsTestTail         = 128 + uint64(beamfile.OpBsTestTail)
	opBsSave             = 128 + uint64(beamfile.OpBsSave)
	opBsRestore          = 128 + uint64(beamfile.OpBsRestore)
	opBsInit             = 128 + uint64(beamfile.OpBsInit)
	opBsFinal            = 128 + uint64(beamfile.OpBsFinal)
	opBsPutInteger       = 128 + uint64(beamfile.OpBsPutInteger)
	opBsPutBinary        = 128 + uint64(beamfile.OpBsPutBinary)
	opBsPutFloat         = 128 + uint64(beamfile.OpBsPutFloat)
	opBsPutString        = 128 + uint64(beamfile.OpBsPutString)
	opBsNeedBuf          = 128 + uint64(beamfile.OpBsNeedBuf)
	opFclearerror        = 128 + uint64(beamfile.OpFclearerror)
	opFcheckerror        = 128 + uint64(beamfile.OpFcheckerror)
	opFmove              = 128 + uint64(beamfile.OpFmove)
	opFconv              = 128 + uint64(beamfile.OpFconv)
	opFadd               = 128 + uint64(beamfile.OpFadd)
	opFsub               = 128 + uint64(beamfile.OpFsub)
	opFmul               = 128 + uint64(beamfile.OpFmul)
	opFdiv               = 128 + uint64(beamfile.OpFdiv)
	opFnegate            = 128 + uint64(beamfile.OpFnegate)
	opMakeFun2           = 128 + uint64(beamfile.OpMakeFun2)
	opTry                = 128 + uint64(beamfile.OpTry)
	opTryEnd             = 128 + uint64(beamfile.OpTryEnd)
	opTryCase            = 128 + uint64(beamfile.OpTryCase)
	opTryCaseEnd         = 128 + uint64(beamfile.OpTryCaseEnd)
	opRaise              = 128 + uint64(beamfile.OpRaise)
	opBsInit2            = 128 + uint64(beamfile.OpBsInit2)
	opBsBitsToBytes      = 128 + uint64(beamfile.OpBsBitsToBytes)
	opBsAdd              = 128 + uint64(beamfile.OpBsAdd)
	opBsStartMatch2      = 128 + uint64(beamfile.OpBsStartMatch2)
	opBsGetInteger2      = 128 + uint64(beamfile.OpBsGetInteger2)
	opBsGetFloat2        = 128 + uint64(beamfile.OpBsGetFloat2)
	opBsGetBinary2       = 128 + uint64(beamfile.OpBsGetBinary2)
	opBsSkipBits2        = 128 + uint64(beamfile.OpBsSkipBits2)
	opBsTestTail2        = 128 + uint64(beamfile.OpBsTestTail2)
	opBsSave2            = 128 + uint64(beamfile.OpBsSave2)
	opBsRestore2         = 128 + uint64(beamfile.OpBsRestore2)
	opBsFinal2           = 128 + uint64(beamfile.OpBsFinal2)
	opBsBitsToBytes2     = 128 + uint64(beamfile.OpBsBitsToBytes2)
	opPutLiteral         = 128 + uint64(beamfile.OpPutLiteral)
	opBsContextToBinary  = 128 + uint64(beamfile.OpBsContextToBinary)
	opBsTestUnit         = 128 + uint64(beamfile.OpBsTestUnit)
	opBsMatchString      = 128 + uint64(beamfile.OpBsMatchString)
	opBsInitWritable     = 128 + uint64(beamfile.OpBsInitWritable)
	opBsAppend           = 128 + uint64(beamfile.OpBsAppend)
	opBsPrivateAppend    = 128 + uint64(beamfile.OpBsPrivateAppend)
	opBsInitBits         = 128 + uint64(beamfile.OpBsInitBits)
	opBsGetUtf8          = 128 + uint64(beamfile.OpBsGetUtf8)
	opBsSkipUtf8         = 128 + uint64(beamfile.OpBsSkipUtf8)
	opBsGetUtf16         = 128 + uint64(beamfile.OpBsGetUtf16)
	opBsSkipUtf16        = 128 + uint64(beamfile.OpBsSkipUtf16)
	opBsGetUtf32         = 128 + uint64(beamfile.OpBsGetUtf32)
	opBsSkipUtf32        = 128 + uint64(beamfile.OpBsSkipUtf32)
	opBsUtf8Size         = 128 + uint64(beamfile.OpBsUtf8Size)
	opBsPutUtf8          = 128 + uint64(beamfile.OpBsPutUtf8)
	opBsUtf16Size        = 128 + uint64(beamfile.OpBsUtf16Size)
	opBsPutUtf16         = 128 + uint64(beamfile.OpBsPutUtf16)
	opBsPutUtf32         = 128 + uint64(beamfile.OpBsPutUtf32)
	opOnLoad             = 128 + uint64(beamfile.OpOnLoad)
	opRecvMark           = 128 + uint64(beamfile.OpRecvMark)
	opRecvSet            = 128 + uint64(beamfile.OpRecvSet)
	opLine               = 128 + uint64(beamfile.OpLine)
	opPutMapAssoc        = 128 + uint64(beamfile.OpPutMapAssoc)
	opPutMapExact        = 128 + uint64(beamfile.OpPutMapExact)
	opHasMapFields       = 128 + uint64(beamfile.OpHasMapFields)
	opGetMapElements     = 128 + uint64(beamfile.OpGetMapElements)
	opBuildStacktrace    = 128 + uint64(beamfile.OpBuildStacktrace)
	opRawRaise           = 128 + uint64(beamfile.OpRawRaise)
	opBsGetTail          = 128 + uint64(beamfile.OpBsGetTail)
	opBsStartMatch3      = 128 + uint64(beamfile.OpBsStartMatch3)
	opBsGetPosition      = 128 + uint64(beamfile.OpBsGetPosition)
	opBsSetPosition      = 128 + uint64(beamfile.OpBsSetPosition)
	opBsStartMatch4      = 128 + uint64(beamfile.OpBsStartMatch4)
	opRecvMarkerBind     = 128 + uint64(beamfile.OpRecvMarkerBind)
	opRecvMarkerClear    = 128 + uint64(beamfile.OpRecvMarkerClear)
	opRecvMarkerReserve  = 128 + uint64(beamfile.OpRecvMarkerReserve)
	opRecvMarkerUse      = 128 + uint64(beamfile.OpRecvMarkerUse)
	opBsCreateBin        = 128 + uint64(beamfile.OpBsCreateBin)
	opNifStart           = 128 + uint64(beamfile.OpNifStart)
	opBadrecord          = 128 + uint64(beamfile.OpBadrecord)
	opUpdateRecord       = 128 + uint64(beamfile.OpUpdateRecord)
	opBsMatch            = 128 + uint64(beamfile.OpBsMatch)
	opExecutableLine     = 128 + uint64(beamfile.OpExecutableLine)
	opDebugLine          = 128 + uint64(beamfile.OpDebugLine)
	opIsAnyNativeRecord  = 128 + uint64(beamfile.OpIsAnyNativeRecord)
	opIsNativeRecord     = 128 + uint64(beamfile.OpIsNativeRecord)
	opGetRecordElements  = 128 + uint64(beamfile.OpGetRecordElements)
	opPutRecord          = 128 + uint64(beamfile.OpPutRecord)
	opIsRecordAccessible = 128 + uint64(beamfile.OpIsRecordAccessible)
	opGetRecordField     = 128 + uint64(beamfile.OpGetRecordField)
)

// Internal-only instructions run outside the hot loop.
const (
	opNormalExit    = 512 // the end of a process's initial call
	opHibernateWait = 513 // erlang:hibernate/3 waits for a message
	opAwaitReply    = 514 // a native waits for the answer to its question
)

// internalOp maps a generic opcode to the internal one it is loaded as
// (before any specialisation).
var internalOp = [beamfile.MaxOpcode + 1]uint64{
	beamfile.OpLabel:              opLabel,
	beamfile.OpFuncInfo:           opFuncInfo,
	beamfile.OpIntCodeEnd:         opIntCodeEnd,
	beamfile.OpCall:               opCall,
	beamfile.OpCallLast:           opCallLast,
	beamfile.OpCallOnly:           opCallOnly,
	beamfile.OpCallExt:            opCallExt,
	beamfile.OpCallExtLast:        opCallExtLast,
	beamfile.OpBif0:               opBif0,
	beamfile.OpBif1:               opBif1,
	beamfile.OpBif2:               opBif2,
	beamfile.OpAllocate:           opAllocate,
	beamfile.OpAllocateHeap:       opAllocateHeap,
	beamfile.OpAllocateZero:       opAllocateZero,
	beamfile.OpAllocateHeapZero:   opAllocateHeapZero,
	beamfile.OpTestHeap:           opTestHeap,
	beamfile.OpInit:               opInit,
	beamfile.OpDeallocate:         opDeallocate,
	beamfile.OpReturn:             opReturn,
	beamfile.OpSend:               opSend,
	beamfile.OpRemoveMessage:      opRemoveMessage,
	beamfile.OpTimeout:            opTimeout,
	beamfile.OpLoopRec:            opLoopRec,
	beamfile.OpLoopRecEnd:         opLoopRecEnd,
	beamfile.OpWait:               opWait,
	beamfile.OpWaitTimeout:        opWaitTimeout,
	beamfile.OpMPlus:              opMPlus,
	beamfile.OpMMinus:             opMMinus,
	beamfile.OpMTimes:             opMTimes,
	beamfile.OpMDiv:               opMDiv,
	beamfile.OpIntDiv:             opIntDiv,
	beamfile.OpIntRem:             opIntRem,
	beamfile.OpIntBand:            opIntBand,
	beamfile.OpIntBor:             opIntBor,
	beamfile.OpIntBxor:            opIntBxor,
	beamfile.OpIntBsl:             opIntBsl,
	beamfile.OpIntBsr:             opIntBsr,
	beamfile.OpIntBnot:            opIntBnot,
	beamfile.OpIsLt:               opIsLt,
	beamfile.OpIsGe:               opIsGe,
	beamfile.OpIsEq:               opIsEq,
	beamfile.OpIsNe:               opIsNe,
	beamfile.OpIsEqExact:          opIsEqExact,
	beamfile.OpIsNeExact:          opIsNeExact,
	beamfile.OpIsInteger:          opIsInteger,
	beamfile.OpIsFloat:            opIsFloat,
	beamfile.OpIsNumber:           opIsNumber,
	beamfile.OpIsAtom:             opIsAtom,
	beamfile.OpIsPid:              opIsPid,
	beamfile.OpIsReference:        opIsReference,
	beamfile.OpIsPort:             opIsPort,
	beamfile.OpIsNil:              opIsNil,
	beamfile.OpIsBinary:           opIsBinary,
	beamfile.OpIsConstant:         opIsConstant,
	beamfile.OpIsList:             opIsList,
	beamfile.OpIsNonemptyList:     opIsNonemptyList,
	beamfile.OpIsTuple:            opIsTuple,
	beamfile.OpTestArity:          opTestArity,
	beamfile.OpSelectVal:          opSelectVal,
	beamfile.OpSelectTupleArity:   opSelectTupleArity,
	beamfile.OpJump:               opJump,
	beamfile.OpCatch:              opCatch,
	beamfile.OpCatchEnd:           opCatchEnd,
	beamfile.OpMove:               opMove,
	beamfile.OpGetList:            opGetList,
	beamfile.OpGetTupleElement:    opGetTupleElement,
	beamfile.OpSetTupleElement:    opSetTupleElement,
	beamfile.OpPutString:          opPutString,
	beamfile.OpPutList:            opPutList,
	beamfile.OpPutTuple:           opPutTuple,
	beamfile.OpPut:                opPut,
	beamfile.OpBadmatch:           opBadmatch,
	beamfile.OpIfEnd:              opIfEnd,
	beamfile.OpCaseEnd:            opCaseEnd,
	beamfile.OpCallFun:            opCallFun,
	beamfile.OpMakeFun:            opMakeFun,
	beamfile.OpIsFunction:         opIsFunction,
	beamfile.OpCallExtOnly:        opCallExtOnly,
	beamfile.OpBsStartMatch:       opBsStartMatch,
	beamfile.OpBsGetInteger:       opBsGetInteger,
	beamfile.OpBsGetFloat:         opBsGetFloat,
	beamfile.OpBsGetBinary:        opBsGetBinary,
	beamfile.OpBsSkipBits:         opBsSkipBits,
	beamfile.OpBsTestTail:         opBsTestTail,
	beamfile.OpBsSave:             opBsSave,
	beamfile.OpBsRestore:          opBsRestore,
	beamfile.OpBsInit:             opBsInit,
	beamfile.OpBsFinal:            opBsFinal,
	beamfile.OpBsPutInteger:       opBsPutInteger,
	beamfile.OpBsPutBinary:        opBsPutBinary,
	beamfile.OpBsPutFloat:         opBsPutFloat,
	beamfile.OpBsPutString:        opBsPutString,
	beamfile.OpBsNeedBuf:          opBsNeedBuf,
	beamfile.OpFclearerror:        opFclearerror,
	beamfile.OpFcheckerror:        opFcheckerror,
	beamfile.OpFmove:              opFmove,
	beamfile.OpFconv:              opFconv,
	beamfile.OpFadd:               opFadd,
	beamfile.OpFsub:               opFsub,
	beamfile.OpFmul:               opFmul,
	beamfile.OpFdiv:               opFdiv,
	beamfile.OpFnegate:            opFnegate,
	beamfile.OpMakeFun2:           opMakeFun2,
	beamfile.OpTry:                opTry,
	beamfile.OpTryEnd:             opTryEnd,
	beamfile.OpTryCase:            opTryCase,
	beamfile.OpTryCaseEnd:         opTryCaseEnd,
	beamfile.OpRaise:              opRaise,
	beamfile.OpBsInit2:            opBsInit2,
	beamfile.OpBsBitsToBytes:      opBsBitsToBytes,
	beamfile.OpBsAdd:              opBsAdd,
	beamfile.OpApply:              opApply,
	beamfile.OpApplyLast:          opApplyLast,
	beamfile.OpIsBoolean:          opIsBoolean,
	beamfile.OpIsFunction2:        opIsFunction2,
	beamfile.OpBsStartMatch2:      opBsStartMatch2,
	beamfile.OpBsGetInteger2:      opBsGetInteger2,
	beamfile.OpBsGetFloat2:        opBsGetFloat2,
	beamfile.OpBsGetBinary2:       opBsGetBinary2,
	beamfile.OpBsSkipBits2:        opBsSkipBits2,
	beamfile.OpBsTestTail2:        opBsTestTail2,
	beamfile.OpBsSave2:            opBsSave2,
	beamfile.OpBsRestore2:         opBsRestore2,
	beamfile.OpGcBif1:             opGcBif1,
	beamfile.OpGcBif2:             opGcBif2,
	beamfile.OpBsFinal2:           opBsFinal2,
	beamfile.OpBsBitsToBytes2:     opBsBitsToBytes2,
	beamfile.OpPutLiteral:         opPutLiteral,
	beamfile.OpIsBitstr:           opIsBitstr,
	beamfile.OpBsContextToBinary:  opBsContextToBinary,
	beamfile.OpBsTestUnit:         opBsTestUnit,
	beamfile.OpBsMatchString:      opBsMatchString,
	beamfile.OpBsInitWritable:     opBsInitWritable,
	beamfile.OpBsAppend:           opBsAppend,
	beamfile.OpBsPrivateAppend:    opBsPrivateAppend,
	beamfile.OpTrim:               opTrim,
	beamfile.OpBsInitBits:         opBsInitBits,
	beamfile.OpBsGetUtf8:          opBsGetUtf8,
	beamfile.OpBsSkipUtf8:         opBsSkipUtf8,
	beamfile.OpBsGetUtf16:         opBsGetUtf16,
	beamfile.OpBsSkipUtf16:        opBsSkipUtf16,
	beamfile.OpBsGetUtf32:         opBsGetUtf32,
	beamfile.OpBsSkipUtf32:        opBsSkipUtf32,
	beamfile.OpBsUtf8Size:         opBsUtf8Size,
	beamfile.OpBsPutUtf8:          opBsPutUtf8,
	beamfile.OpBsUtf16Size:        opBsUtf16Size,
	beamfile.OpBsPutUtf16:         opBsPutUtf16,
	beamfile.OpBsPutUtf32:         opBsPutUtf32,
	beamfile.OpOnLoad:             opOnLoad,
	beamfile.OpRecvMark:           opRecvMark,
	beamfile.OpRecvSet:            opRecvSet,
	beamfile.OpGcBif3:             opGcBif3,
	beamfile.OpLine:               opLine,
	beamfile.OpPutMapAssoc:        opPutMapAssoc,
	beamfile.OpPutMapExact:        opPutMapExact,
	beamfile.OpIsMap:              opIsMap,
	beamfile.OpHasMapFields:       opHasMapFields,
	beamfile.OpGetMapElements:     opGetMapElements,
	beamfile.OpIsTaggedTuple:      opIsTaggedTuple,
	beamfile.OpBuildStacktrace:    opBuildStacktrace,
	beamfile.OpRawRaise:           opRawRaise,
	beamfile.OpGetHd:              opGetHd,
	beamfile.OpGetTl:              opGetTl,
	beamfile.OpPutTuple2:          opPutTuple2,
	beamfile.OpBsGetTail:          opBsGetTail,
	beamfile.OpBsStartMatch3:      opBsStartMatch3,
	beamfile.OpBsGetPosition:      opBsGetPosition,
	beamfile.OpBsSetPosition:      opBsSetPosition,
	beamfile.OpSwap:               opSwap,
	beamfile.OpBsStartMatch4:      opBsStartMatch4,
	beamfile.OpMakeFun3:           opMakeFun3,
	beamfile.OpInitYregs:          opInitYregs,
	beamfile.OpRecvMarkerBind:     opRecvMarkerBind,
	beamfile.OpRecvMarkerClear:    opRecvMarkerClear,
	beamfile.OpRecvMarkerReserve:  opRecvMarkerReserve,
	beamfile.OpRecvMarkerUse:      opRecvMarkerUse,
	beamfile.OpBsCreateBin:        opBsCreateBin,
	beamfile.OpCallFun2:           opCallFun2,
	beamfile.OpNifStart:           opNifStart,
	beamfile.OpBadrecord:          opBadrecord,
	beamfile.OpUpdateRecord:       opUpdateRecord,
	beamfile.OpBsMatch:            opBsMatch,
	beamfile.OpExecutableLine:     opExecutableLine,
	beamfile.OpDebugLine:          opDebugLine,
	beamfile.OpBif3:               opBif3,
	beamfile.OpIsAnyNativeRecord:  opIsAnyNativeRecord,
	beamfile.OpIsNativeRecord:     opIsNativeRecord,
	beamfile.OpGetRecordElements:  opGetRecordElements,
	beamfile.OpPutRecord:          opPutRecord,
	beamfile.OpIsRecordAccessible: opIsRecordAccessible,
	beamfile.OpGetRecordField:     opGetRecordField,
}

// opNames names internal opcodes for disassembly.
var opNames = map[uint64]string{
	opLabel:                 beamfile.OpLabel.Name(),
	opFuncInfo:              beamfile.OpFuncInfo.Name(),
	opIntCodeEnd:            beamfile.OpIntCodeEnd.Name(),
	opCall:                  beamfile.OpCall.Name(),
	opCallLast:              beamfile.OpCallLast.Name(),
	opCallOnly:              beamfile.OpCallOnly.Name(),
	opCallExt:               beamfile.OpCallExt.Name(),
	opCallExtLast:           beamfile.OpCallExtLast.Name(),
	opBif0:                  beamfile.OpBif0.Name(),
	opBif1:                  beamfile.OpBif1.Name(),
	opBif2:                  beamfile.OpBif2.Name(),
	opAllocate:              beamfile.OpAllocate.Name(),
	opAllocateHeap:          beamfile.OpAllocateHeap.Name(),
	opAllocateZero:          beamfile.OpAllocateZero.Name(),
	opAllocateHeapZero:      beamfile.OpAllocateHeapZero.Name(),
	opTestHeap:              beamfile.OpTestHeap.Name(),
	opInit:                  beamfile.OpInit.Name(),
	opDeallocate:            beamfile.OpDeallocate.Name(),
	opReturn:                beamfile.OpReturn.Name(),
	opSend:                  beamfile.OpSend.Name(),
	opRemoveMessage:         beamfile.OpRemoveMessage.Name(),
	opTimeout:               beamfile.OpTimeout.Name(),
	opLoopRec:               beamfile.OpLoopRec.Name(),
	opLoopRecEnd:            beamfile.OpLoopRecEnd.Name(),
	opWait:                  beamfile.OpWait.Name(),
	opWaitTimeout:           beamfile.OpWaitTimeout.Name(),
	opMPlus:                 beamfile.OpMPlus.Name(),
	opMMinus:                beamfile.OpMMinus.Name(),
	opMTimes:                beamfile.OpMTimes.Name(),
	opMDiv:                  beamfile.OpMDiv.Name(),
	opIntDiv:                beamfile.OpIntDiv.Name(),
	opIntRem:                beamfile.OpIntRem.Name(),
	opIntBand:               beamfile.OpIntBand.Name(),
	opIntBor:                beamfile.OpIntBor.Name(),
	opIntBxor:               beamfile.OpIntBxor.Name(),
	opIntBsl:                beamfile.OpIntBsl.Name(),
	opIntBsr:                beamfile.OpIntBsr.Name(),
	opIntBnot:               beamfile.OpIntBnot.Name(),
	opIsLt:                  beamfile.OpIsLt.Name(),
	opIsGe:                  beamfile.OpIsGe.Name(),
	opIsEq:                  beamfile.OpIsEq.Name(),
	opIsNe:                  beamfile.OpIsNe.Name(),
	opIsEqExact:             beamfile.OpIsEqExact.Name(),
	opIsNeExact:             beamfile.OpIsNeExact.Name(),
	opIsInteger:             beamfile.OpIsInteger.Name(),
	opIsFloat:               beamfile.OpIsFloat.Name(),
	opIsNumber:              beamfile.OpIsNumber.Name(),
	opIsAtom:                beamfile.OpIsAtom.Name(),
	opIsPid:                 beamfile.OpIsPid.Name(),
	opIsReference:           beamfile.OpIsReference.Name(),
	opIsPort:                beamfile.OpIsPort.Name(),
	opIsNil:                 beamfile.OpIsNil.Name(),
	opIsBinary:              beamfile.OpIsBinary.Name(),
	opIsConstant:            beamfile.OpIsConstant.Name(),
	opIsList:                beamfile.OpIsList.Name(),
	opIsNonemptyList:        beamfile.OpIsNonemptyList.Name(),
	opIsTuple:               beamfile.OpIsTuple.Name(),
	opTestArity:             beamfile.OpTestArity.Name(),
	opSelectVal:             beamfile.OpSelectVal.Name(),
	opSelectTupleArity:      beamfile.OpSelectTupleArity.Name(),
	opJump:                  beamfile.OpJump.Name(),
	opCatch:                 beamfile.OpCatch.Name(),
	opCatchEnd:              beamfile.OpCatchEnd.Name(),
	opMove:                  beamfile.OpMove.Name(),
	opGetList:               beamfile.OpGetList.Name(),
	opGetTupleElement:       beamfile.OpGetTupleElement.Name(),
	opSetTupleElement:       beamfile.OpSetTupleElement.Name(),
	opPutString:             beamfile.OpPutString.Name(),
	opPutList:               beamfile.OpPutList.Name(),
	opPutTuple:              beamfile.OpPutTuple.Name(),
	opPut:                   beamfile.OpPut.Name(),
	opBadmatch:              beamfile.OpBadmatch.Name(),
	opIfEnd:                 beamfile.OpIfEnd.Name(),
	opCaseEnd:               beamfile.OpCaseEnd.Name(),
	opCallFun:               beamfile.OpCallFun.Name(),
	opMakeFun:               beamfile.OpMakeFun.Name(),
	opIsFunction:            beamfile.OpIsFunction.Name(),
	opCallExtOnly:           beamfile.OpCallExtOnly.Name(),
	opBsStartMatch:          beamfile.OpBsStartMatch.Name(),
	opBsGetInteger:          beamfile.OpBsGetInteger.Name(),
	opBsGetFloat:            beamfile.OpBsGetFloat.Name(),
	opBsGetBinary:           beamfile.OpBsGetBinary.Name(),
	opBsSkipBits:            beamfile.OpBsSkipBits.Name(),
	opBsTestTail:            beamfile.OpBsTestTail.Name(),
	opBsSave:                beamfile.OpBsSave.Name(),
	opBsRestore:             beamfile.OpBsRestore.Name(),
	opBsInit:                beamfile.OpBsInit.Name(),
	opBsFinal:               beamfile.OpBsFinal.Name(),
	opBsPutInteger:          beamfile.OpBsPutInteger.Name(),
	opBsPutBinary:           beamfile.OpBsPutBinary.Name(),
	opBsPutFloat:            beamfile.OpBsPutFloat.Name(),
	opBsPutString:           beamfile.OpBsPutString.Name(),
	opBsNeedBuf:             beamfile.OpBsNeedBuf.Name(),
	opFclearerror:           beamfile.OpFclearerror.Name(),
	opFcheckerror:           beamfile.OpFcheckerror.Name(),
	opFmove:                 beamfile.OpFmove.Name(),
	opFconv:                 beamfile.OpFconv.Name(),
	opFadd:                  beamfile.OpFadd.Name(),
	opFsub:                  beamfile.OpFsub.Name(),
	opFmul:                  beamfile.OpFmul.Name(),
	opFdiv:                  beamfile.OpFdiv.Name(),
	opFnegate:               beamfile.OpFnegate.Name(),
	opMakeFun2:              beamfile.OpMakeFun2.Name(),
	opTry:                   beamfile.OpTry.Name(),
	opTryEnd:                beamfile.OpTryEnd.Name(),
	opTryCase:               beamfile.OpTryCase.Name(),
	opTryCaseEnd:            beamfile.OpTryCaseEnd.Name(),
	opRaise:                 beamfile.OpRaise.Name(),
	opBsInit2:               beamfile.OpBsInit2.Name(),
	opBsBitsToBytes:         beamfile.OpBsBitsToBytes.Name(),
	opBsAdd:                 beamfile.OpBsAdd.Name(),
	opApply:                 beamfile.OpApply.Name(),
	opApplyLast:             beamfile.OpApplyLast.Name(),
	opIsBoolean:             beamfile.OpIsBoolean.Name(),
	opIsFunction2:           beamfile.OpIsFunction2.Name(),
	opBsStartMatch2:         beamfile.OpBsStartMatch2.Name(),
	opBsGetInteger2:         beamfile.OpBsGetInteger2.Name(),
	opBsGetFloat2:           beamfile.OpBsGetFloat2.Name(),
	opBsGetBinary2:          beamfile.OpBsGetBinary2.Name(),
	opBsSkipBits2:           beamfile.OpBsSkipBits2.Name(),
	opBsTestTail2:           beamfile.OpBsTestTail2.Name(),
	opBsSave2:               beamfile.OpBsSave2.Name(),
	opBsRestore2:            beamfile.OpBsRestore2.Name(),
	opGcBif1:                beamfile.OpGcBif1.Name(),
	opGcBif2:                beamfile.OpGcBif2.Name(),
	opBsFinal2:              beamfile.OpBsFinal2.Name(),
	opBsBitsToBytes2:        beamfile.OpBsBitsToBytes2.Name(),
	opPutLiteral:            beamfile.OpPutLiteral.Name(),
	opIsBitstr:              beamfile.OpIsBitstr.Name(),
	opBsContextToBinary:     beamfile.OpBsContextToBinary.Name(),
	opBsTestUnit:            beamfile.OpBsTestUnit.Name(),
	opBsMatchString:         beamfile.OpBsMatchString.Name(),
	opBsInitWritable:        beamfile.OpBsInitWritable.Name(),
	opBsAppend:              beamfile.OpBsAppend.Name(),
	opBsPrivateAppend:       beamfile.OpBsPrivateAppend.Name(),
	opTrim:                  beamfile.OpTrim.Name(),
	opBsInitBits:            beamfile.OpBsInitBits.Name(),
	opBsGetUtf8:             beamfile.OpBsGetUtf8.Name(),
	opBsSkipUtf8:            beamfile.OpBsSkipUtf8.Name(),
	opBsGetUtf16:            beamfile.OpBsGetUtf16.Name(),
	opBsSkipUtf16:           beamfile.OpBsSkipUtf16.Name(),
	opBsGetUtf32:            beamfile.OpBsGetUtf32.Name(),
	opBsSkipUtf32:           beamfile.OpBsSkipUtf32.Name(),
	opBsUtf8Size:            beamfile.OpBsUtf8Size.Name(),
	opBsPutUtf8:             beamfile.OpBsPutUtf8.Name(),
	opBsUtf16Size:           beamfile.OpBsUtf16Size.Name(),
	opBsPutUtf16:            beamfile.OpBsPutUtf16.Name(),
	opBsPutUtf32:            beamfile.OpBsPutUtf32.Name(),
	opOnLoad:                beamfile.OpOnLoad.Name(),
	opRecvMark:              beamfile.OpRecvMark.Name(),
	opRecvSet:               beamfile.OpRecvSet.Name(),
	opGcBif3:                beamfile.OpGcBif3.Name(),
	opLine:                  beamfile.OpLine.Name(),
	opPutMapAssoc:           beamfile.OpPutMapAssoc.Name(),
	opPutMapExact:           beamfile.OpPutMapExact.Name(),
	opIsMap:                 beamfile.OpIsMap.Name(),
	opHasMapFields:          beamfile.OpHasMapFields.Name(),
	opGetMapElements:        beamfile.OpGetMapElements.Name(),
	opIsTaggedTuple:         beamfile.OpIsTaggedTuple.Name(),
	opBuildStacktrace:       beamfile.OpBuildStacktrace.Name(),
	opRawRaise:              beamfile.OpRawRaise.Name(),
	opGetHd:                 beamfile.OpGetHd.Name(),
	opGetTl:                 beamfile.OpGetTl.Name(),
	opPutTuple2:             beamfile.OpPutTuple2.Name(),
	opBsGetTail:             beamfile.OpBsGetTail.Name(),
	opBsStartMatch3:         beamfile.OpBsStartMatch3.Name(),
	opBsGetPosition:         beamfile.OpBsGetPosition.Name(),
	opBsSetPosition:         beamfile.OpBsSetPosition.Name(),
	opSwap:                  beamfile.OpSwap.Name(),
	opBsStartMatch4:         beamfile.OpBsStartMatch4.Name(),
	opMakeFun3:              beamfile.OpMakeFun3.Name(),
	opInitYregs:             beamfile.OpInitYregs.Name(),
	opRecvMarkerBind:        beamfile.OpRecvMarkerBind.Name(),
	opRecvMarkerClear:       beamfile.OpRecvMarkerClear.Name(),
	opRecvMarkerReserve:     beamfile.OpRecvMarkerReserve.Name(),
	opRecvMarkerUse:         beamfile.OpRecvMarkerUse.Name(),
	opBsCreateBin:           beamfile.OpBsCreateBin.Name(),
	opCallFun2:              beamfile.OpCallFun2.Name(),
	opNifStart:              beamfile.OpNifStart.Name(),
	opBadrecord:             beamfile.OpBadrecord.Name(),
	opUpdateRecord:          beamfile.OpUpdateRecord.Name(),
	opBsMatch:               beamfile.OpBsMatch.Name(),
	opExecutableLine:        beamfile.OpExecutableLine.Name(),
	opDebugLine:             beamfile.OpDebugLine.Name(),
	opBif3:                  beamfile.OpBif3.Name(),
	opIsAnyNativeRecord:     beamfile.OpIsAnyNativeRecord.Name(),
	opIsNativeRecord:        beamfile.OpIsNativeRecord.Name(),
	opGetRecordElements:     beamfile.OpGetRecordElements.Name(),
	opPutRecord:             beamfile.OpPutRecord.Name(),
	opIsRecordAccessible:    beamfile.OpIsRecordAccessible.Name(),
	opGetRecordField:        beamfile.OpGetRecordField.Name(),
	opAdd:                   "add",
	opSub:                   "sub",
	opMul:                   "mul",
	opBand:                  "band",
	opBor:                   "bor",
	opBxor:                  "bxor",
	opMoveXX:                "move_x_x",
	opMoveXY:                "move_x_y",
	opMoveYX:                "move_y_x",
	opMoveYY:                "move_y_y",
	opMoveCX:                "move_c_x",
	opMoveCY:                "move_c_y",
	opCallFunLast:           "call_fun_last",
	opDeallocReturn:         "deallocate_return",
	opIsLtXX:                "is_lt_xx",
	opIsGeXX:                "is_ge_xx",
	opIsLtXC:                "is_lt_xc",
	opIsGeXC:                "is_ge_xc",
	opIsLtCX:                "is_lt_cx",
	opIsGeCX:                "is_ge_cx",
	opIsEqExactXC:           "is_eq_exact_xc",
	opIsNeExactXC:           "is_ne_exact_xc",
	opAddXCX:                "add_xcx",
	opSubXCX:                "sub_xcx",
	opAddYCX:                "add_ycx",
	opSubYCX:                "sub_ycx",
	opMoveXXMoveXX:          "move_x_x+move_x_x",
	opMoveXYMoveXY:          "move_x_y+move_x_y",
	opMoveYXMoveYX:          "move_y_x+move_y_x",
	opMoveXXCall:            "move_x_x+call",
	opMoveYXCall:            "move_y_x+call",
	opMoveXXCallLast:        "move_x_x+call_last",
	opMoveYXCallLast:        "move_y_x+call_last",
	opMoveXXReturn:          "move_x_x+return",
	opMoveYXDeallocReturn:   "move_y_x+deallocate_return",
	opIsNonemptyListGetList: "is_nonempty_list+get_list",
	opTestHeapPutList:       "test_heap+put_list",
	opAllocateMoveXY:        "allocate+move_x_y",
	opAllocateGetList:       "allocate+get_list",
	opPutListDeallocReturn:  "put_list+deallocate_return",
	opTestHeapPutTuple2:     "test_heap+put_tuple2",
	opIsTupleTestArity:      "is_tuple+test_arity",
	opGetTupleElementTwice:  "get_tuple_element+get_tuple_element",
	opBifSelf:               "bif0(self)",
	opBifHd:                 "bif1(hd)",
	opBifTl:                 "bif1(tl)",
	opBifElement:            "bif2(element)",
	opBifTupleSize:          "bif1(tuple_size)",
	opGcBifTupleSize:        "gc_bif1(tuple_size)",
	opGcBifByteSize:         "gc_bif1(byte_size)",
	opGcBifMapSize:          "gc_bif1(map_size)",
	opGetMapElem1:           "get_map_element1",
	opNormalExit:            "normal_exit",
	opHibernateWait:         "hibernate_wait",
	opAwaitReply:            "await_reply",
}

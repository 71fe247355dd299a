package beamfile

import "strconv"

// Opcode is a generic BEAM instruction number as written in the Code chunk.
// Numbers 1 to MaxOpcode are known; each has a fixed name and operand count.
type Opcode uint8

// MaxOpcode is the highest generic opcode this package knows (OTP 29's set).
const MaxOpcode Opcode = 191

// Generic opcodes, named after the compiler's instruction names.
// 1-180 exist in OTP 25; 181 update_record and 182 bs_match came with OTP 26,
// 183 executable_line with OTP 27, 184 debug_line with OTP 28 and 185-191
// (bif3 and native records) with OTP 29.
const (
	OpLabel              Opcode = 1
	OpFuncInfo           Opcode = 2
	OpIntCodeEnd         Opcode = 3
	OpCall               Opcode = 4
	OpCallLast           Opcode = 5
	OpCallOnly           Opcode = 6
	OpCallExt            Opcode = 7
	OpCallExtLast        Opcode = 8
	OpBif0               Opcode = 9
	OpBif1               Opcode = 10
	OpBif2               Opcode = 11
	OpAllocate           Opcode = 12
	OpAllocateHeap       Opcode = 13
	OpAllocateZero       Opcode = 14
	OpAllocateHeapZero   Opcode = 15
	OpTestHeap           Opcode = 16
	OpInit               Opcode = 17
	OpDeallocate         Opcode = 18
	OpReturn             Opcode = 19
	OpSend               Opcode = 20
	OpRemoveMessage      Opcode = 21
	OpTimeout            Opcode = 22
	OpLoopRec            Opcode = 23
	OpLoopRecEnd         Opcode = 24
	OpWait               Opcode = 25
	OpWaitTimeout        Opcode = 26
	OpMPlus              Opcode = 27
	OpMMinus             Opcode = 28
	OpMTimes             Opcode = 29
	OpMDiv               Opcode = 30
	OpIntDiv             Opcode = 31
	OpIntRem             Opcode = 32
	OpIntBand            Opcode = 33
	OpIntBor             Opcode = 34
	OpIntBxor            Opcode = 35
	OpIntBsl             Opcode = 36
	OpIntBsr             Opcode = 37
	OpIntBnot            Opcode = 38
	OpIsLt               Opcode = 39
	OpIsGe               Opcode = 40
	OpIsEq               Opcode = 41
	OpIsNe               Opcode = 42
	OpIsEqExact          Opcode = 43
	OpIsNeExact          Opcode = 44
	OpIsInteger          Opcode = 45
	OpIsFloat            Opcode = 46
	OpIsNumber           Opcode = 47
	OpIsAtom             Opcode = 48
	OpIsPid              Opcode = 49
	OpIsReference        Opcode = 50
	OpIsPort             Opcode = 51
	OpIsNil              Opcode = 52
	OpIsBinary           Opcode = 53
	OpIsConstant         Opcode = 54
	OpIsList             Opcode = 55
	OpIsNonemptyList     Opcode = 56
	OpIsTuple            Opcode = 57
	OpTestArity          Opcode = 58
	OpSelectVal          Opcode = 59
	OpSelectTupleArity   Opcode = 60
	OpJump               Opcode = 61
	OpCatch              Opcode = 62
	OpCatchEnd           Opcode = 63
	OpMove               Opcode = 64
	OpGetList            Opcode = 65
	OpGetTupleElement    Opcode = 66
	OpSetTupleElement    Opcode = 67
	OpPutString          Opcode = 68
	OpPutList            Opcode = 69
	OpPutTuple           Opcode = 70
	OpPut                Opcode = 71
	OpBadmatch           Opcode = 72
	OpIfEnd              Opcode = 73
	OpCaseEnd            Opcode = 74
	OpCallFun            Opcode = 75
	OpMakeFun            Opcode = 76
	OpIsFunction         Opcode = 77
	OpCallExtOnly        Opcode = 78
	OpBsStartMatch       Opcode = 79
	OpBsGetInteger       Opcode = 80
	OpBsGetFloat         Opcode = 81
	OpBsGetBinary        Opcode = 82
	OpBsSkipBits         Opcode = 83
	OpBsTestTail         Opcode = 84
	OpBsSave             Opcode = 85
	OpBsRestore          Opcode = 86
	OpBsInit             Opcode = 87
	OpBsFinal            Opcode = 88
	OpBsPutInteger       Opcode = 89
	OpBsPutBinary        Opcode = 90
	OpBsPutFloat         Opcode = 91
	OpBsPutString        Opcode = 92
	OpBsNeedBuf          Opcode = 93
	OpFclearerror        Opcode = 94
	OpFcheckerror        Opcode = 95
	OpFmove              Opcode = 96
	OpFconv              Opcode = 97
	OpFadd               Opcode = 98
	OpFsub               Opcode = 99
	OpFmul               Opcode = 100
	OpFdiv               Opcode = 101
	OpFnegate            Opcode = 102
	OpMakeFun2           Opcode = 103
	OpTry                Opcode = 104
	OpTryEnd             Opcode = 105
	OpTryCase            Opcode = 106
	OpTryCaseEnd         Opcode = 107
	OpRaise              Opcode = 108
	OpBsInit2            Opcode = 109
	OpBsBitsToBytes      Opcode = 110
	OpBsAdd              Opcode = 111
	OpApply              Opcode = 112
	OpApplyLast          Opcode = 113
	OpIsBoolean          Opcode = 114
	OpIsFunction2        Opcode = 115
	OpBsStartMatch2      Opcode = 116
	OpBsGetInteger2      Opcode = 117
	OpBsGetFloat2        Opcode = 118
	OpBsGetBinary2       Opcode = 119
	OpBsSkipBits2        Opcode = 120
	OpBsTestTail2        Opcode = 121
	OpBsSave2            Opcode = 122
	OpBsRestore2         Opcode = 123
	OpGcBif1             Opcode = 124
	OpGcBif2             Opcode = 125
	OpBsFinal2           Opcode = 126
	OpBsBitsToBytes2     Opcode = 127
	OpPutLiteral         Opcode = 128
	OpIsBitstr           Opcode = 129
	OpBsContextToBinary  Opcode = 130
	OpBsTestUnit         Opcode = 131
	OpBsMatchString      Opcode = 132
	OpBsInitWritable     Opcode = 133
	OpBsAppend           Opcode = 134
	OpBsPrivateAppend    Opcode = 135
	OpTrim               Opcode = 136
	OpBsInitBits         Opcode = 137
	OpBsGetUtf8          Opcode = 138
	OpBsSkipUtf8         Opcode = 139
	OpBsGetUtf16         Opcode = 140
	OpBsSkipUtf16        Opcode = 141
	OpBsGetUtf32         Opcode = 142
	OpBsSkipUtf32        Opcode = 143
	OpBsUtf8Size         Opcode = 144
	OpBsPutUtf8          Opcode = 145
	OpBsUtf16Size        Opcode = 146
	OpBsPutUtf16         Opcode = 147
	OpBsPutUtf32         Opcode = 148
	OpOnLoad             Opcode = 149
	OpRecvMark           Opcode = 150
	OpRecvSet            Opcode = 151
	OpGcBif3             Opcode = 152
	OpLine               Opcode = 153
	OpPutMapAssoc        Opcode = 154
	OpPutMapExact        Opcode = 155
	OpIsMap              Opcode = 156
	OpHasMapFields       Opcode = 157
	OpGetMapElements     Opcode = 158
	OpIsTaggedTuple      Opcode = 159
	OpBuildStacktrace    Opcode = 160
	OpRawRaise           Opcode = 161
	OpGetHd              Opcode = 162
	OpGetTl              Opcode = 163
	OpPutTuple2          Opcode = 164
	OpBsGetTail          Opcode = 165
	OpBsStartMatch3      Opcode = 166
	OpBsGetPosition      Opcode = 167
	OpBsSetPosition      Opcode = 168
	OpSwap               Opcode = 169
	OpBsStartMatch4      Opcode = 170
	OpMakeFun3           Opcode = 171
	OpInitYregs          Opcode = 172
	OpRecvMarkerBind     Opcode = 173
	OpRecvMarkerClear    Opcode = 174
	OpRecvMarkerReserve  Opcode = 175
	OpRecvMarkerUse      Opcode = 176
	OpBsCreateBin        Opcode = 177
	OpCallFun2           Opcode = 178
	OpNifStart           Opcode = 179
	OpBadrecord          Opcode = 180
	OpUpdateRecord       Opcode = 181
	OpBsMatch            Opcode = 182
	OpExecutableLine     Opcode = 183
	OpDebugLine          Opcode = 184
	OpBif3               Opcode = 185
	OpIsAnyNativeRecord  Opcode = 186
	OpIsNativeRecord     Opcode = 187
	OpGetRecordElements  Opcode = 188
	OpPutRecord          Opcode = 189
	OpIsRecordAccessible Opcode = 190
	OpGetRecordField     Opcode = 191
)

// opInfo holds the name and operand count of each known opcode, indexed by number.
var opInfo = [MaxOpcode + 1]struct {
	name  string
	arity int8
}{
	1:   {"label", 1},
	2:   {"func_info", 3},
	3:   {"int_code_end", 0},
	4:   {"call", 2},
	5:   {"call_last", 3},
	6:   {"call_only", 2},
	7:   {"call_ext", 2},
	8:   {"call_ext_last", 3},
	9:   {"bif0", 2},
	10:  {"bif1", 4},
	11:  {"bif2", 5},
	12:  {"allocate", 2},
	13:  {"allocate_heap", 3},
	14:  {"allocate_zero", 2},
	15:  {"allocate_heap_zero", 3},
	16:  {"test_heap", 2},
	17:  {"init", 1},
	18:  {"deallocate", 1},
	19:  {"return", 0},
	20:  {"send", 0},
	21:  {"remove_message", 0},
	22:  {"timeout", 0},
	23:  {"loop_rec", 2},
	24:  {"loop_rec_end", 1},
	25:  {"wait", 1},
	26:  {"wait_timeout", 2},
	27:  {"m_plus", 4},
	28:  {"m_minus", 4},
	29:  {"m_times", 4},
	30:  {"m_div", 4},
	31:  {"int_div", 4},
	32:  {"int_rem", 4},
	33:  {"int_band", 4},
	34:  {"int_bor", 4},
	35:  {"int_bxor", 4},
	36:  {"int_bsl", 4},
	37:  {"int_bsr", 4},
	38:  {"int_bnot", 3},
	39:  {"is_lt", 3},
	40:  {"is_ge", 3},
	41:  {"is_eq", 3},
	42:  {"is_ne", 3},
	43:  {"is_eq_exact", 3},
	44:  {"is_ne_exact", 3},
	45:  {"is_integer", 2},
	46:  {"is_float", 2},
	47:  {"is_number", 2},
	48:  {"is_atom", 2},
	49:  {"is_pid", 2},
	50:  {"is_reference", 2},
	51:  {"is_port", 2},
	52:  {"is_nil", 2},
	53:  {"is_binary", 2},
	54:  {"is_constant", 2},
	55:  {"is_list", 2},
	56:  {"is_nonempty_list", 2},
	57:  {"is_tuple", 2},
	58:  {"test_arity", 3},
	59:  {"select_val", 3},
	60:  {"select_tuple_arity", 3},
	61:  {"jump", 1},
	62:  {"catch", 2},
	63:  {"catch_end", 1},
	64:  {"move", 2},
	65:  {"get_list", 3},
	66:  {"get_tuple_element", 3},
	67:  {"set_tuple_element", 3},
	68:  {"put_string", 3},
	69:  {"put_list", 3},
	70:  {"put_tuple", 2},
	71:  {"put", 1},
	72:  {"badmatch", 1},
	73:  {"if_end", 0},
	74:  {"case_end", 1},
	75:  {"call_fun", 1},
	76:  {"make_fun", 3},
	77:  {"is_function", 2},
	78:  {"call_ext_only", 2},
	79:  {"bs_start_match", 2},
	80:  {"bs_get_integer", 5},
	81:  {"bs_get_float", 5},
	82:  {"bs_get_binary", 5},
	83:  {"bs_skip_bits", 4},
	84:  {"bs_test_tail", 2},
	85:  {"bs_save", 1},
	86:  {"bs_restore", 1},
	87:  {"bs_init", 2},
	88:  {"bs_final", 2},
	89:  {"bs_put_integer", 5},
	90:  {"bs_put_binary", 5},
	91:  {"bs_put_float", 5},
	92:  {"bs_put_string", 2},
	93:  {"bs_need_buf", 1},
	94:  {"fclearerror", 0},
	95:  {"fcheckerror", 1},
	96:  {"fmove", 2},
	97:  {"fconv", 2},
	98:  {"fadd", 4},
	99:  {"fsub", 4},
	100: {"fmul", 4},
	101: {"fdiv", 4},
	102: {"fnegate", 3},
	103: {"make_fun2", 1},
	104: {"try", 2},
	105: {"try_end", 1},
	106: {"try_case", 1},
	107: {"try_case_end", 1},
	108: {"raise", 2},
	109: {"bs_init2", 6},
	110: {"bs_bits_to_bytes", 3},
	111: {"bs_add", 5},
	112: {"apply", 1},
	113: {"apply_last", 2},
	114: {"is_boolean", 2},
	115: {"is_function2", 3},
	116: {"bs_start_match2", 5},
	117: {"bs_get_integer2", 7},
	118: {"bs_get_float2", 7},
	119: {"bs_get_binary2", 7},
	120: {"bs_skip_bits2", 5},
	121: {"bs_test_tail2", 3},
	122: {"bs_save2", 2},
	123: {"bs_restore2", 2},
	124: {"gc_bif1", 5},
	125: {"gc_bif2", 6},
	126: {"bs_final2", 2},
	127: {"bs_bits_to_bytes2", 2},
	128: {"put_literal", 2},
	129: {"is_bitstr", 2},
	130: {"bs_context_to_binary", 1},
	131: {"bs_test_unit", 3},
	132: {"bs_match_string", 4},
	133: {"bs_init_writable", 0},
	134: {"bs_append", 8},
	135: {"bs_private_append", 6},
	136: {"trim", 2},
	137: {"bs_init_bits", 6},
	138: {"bs_get_utf8", 5},
	139: {"bs_skip_utf8", 4},
	140: {"bs_get_utf16", 5},
	141: {"bs_skip_utf16", 4},
	142: {"bs_get_utf32", 5},
	143: {"bs_skip_utf32", 4},
	144: {"bs_utf8_size", 3},
	145: {"bs_put_utf8", 3},
	146: {"bs_utf16_size", 3},
	147: {"bs_put_utf16", 3},
	148: {"bs_put_utf32", 3},
	149: {"on_load", 0},
	150: {"recv_mark", 1},
	151: {"recv_set", 1},
	152: {"gc_bif3", 7},
	153: {"line", 1},
	154: {"put_map_assoc", 5},
	155: {"put_map_exact", 5},
	156: {"is_map", 2},
	157: {"has_map_fields", 3},
	158: {"get_map_elements", 3},
	159: {"is_tagged_tuple", 4},
	160: {"build_stacktrace", 0},
	161: {"raw_raise", 0},
	162: {"get_hd", 2},
	163: {"get_tl", 2},
	164: {"put_tuple2", 2},
	165: {"bs_get_tail", 3},
	166: {"bs_start_match3", 4},
	167: {"bs_get_position", 3},
	168: {"bs_set_position", 2},
	169: {"swap", 2},
	170: {"bs_start_match4", 4},
	171: {"make_fun3", 3},
	172: {"init_yregs", 1},
	173: {"recv_marker_bind", 2},
	174: {"recv_marker_clear", 1},
	175: {"recv_marker_reserve", 1},
	176: {"recv_marker_use", 1},
	177: {"bs_create_bin", 6},
	178: {"call_fun2", 3},
	179: {"nif_start", 0},
	180: {"badrecord", 1},
	181: {"update_record", 5},
	182: {"bs_match", 3},
	183: {"executable_line", 2},
	184: {"debug_line", 4},
	185: {"bif3", 6},
	186: {"is_any_native_record", 2},
	187: {"is_native_record", 4},
	188: {"get_record_elements", 3},
	189: {"put_record", 6},
	190: {"is_record_accessible", 3},
	191: {"get_record_field", 5},
}

// Known reports whether op is a generic opcode this package can decode.
func (op Opcode) Known() bool {
	return op >= 1 && op <= MaxOpcode
}

// Name returns the compiler's name for op ("move", "call_ext", ...), or
// "opcode_N" for a number this package does not know.
func (op Opcode) Name() string {
	if !op.Known() {
		return "opcode_" + strconv.Itoa(int(op))
	}
	return opInfo[op].name
}

// Arity returns the number of operands op takes in the Code chunk (an extended
// list counts as one operand), or -1 for an unknown opcode.
func (op Opcode) Arity() int {
	if !op.Known() {
		return -1
	}
	return int(opInfo[op].arity)
}

// String returns op's name.
func (op Opcode) String() string { return op.Name() }

// OpcodeByName returns the opcode called name, and false if there is none.
func OpcodeByName(name string) (Opcode, bool) {
	for op := Opcode(1); op <= MaxOpcode; op++ {
		if opInfo[op].name == name {
			return op, true
		}
	}
	return 0, false
}

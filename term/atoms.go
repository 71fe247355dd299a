// Predefined atoms; their order fixes their indices, so append only.

package term

// Predefined atoms have fixed indices in every runtime's atom table.
const (
	AtomFalse             Term = Term(0)<<6 | tagAtom   // false
	AtomTrue              Term = Term(1)<<6 | tagAtom   // true
	AtomOk                Term = Term(2)<<6 | tagAtom   // ok
	AtomError             Term = Term(3)<<6 | tagAtom   // error
	AtomUndefined         Term = Term(4)<<6 | tagAtom   // undefined
	AtomNil               Term = Term(5)<<6 | tagAtom   // nil
	AtomBadarg            Term = Term(6)<<6 | tagAtom   // badarg
	AtomBadarith          Term = Term(7)<<6 | tagAtom   // badarith
	AtomBadmatch          Term = Term(8)<<6 | tagAtom   // badmatch
	AtomCaseClause        Term = Term(9)<<6 | tagAtom   // case_clause
	AtomFunctionClause    Term = Term(10)<<6 | tagAtom  // function_clause
	AtomIfClause          Term = Term(11)<<6 | tagAtom  // if_clause
	AtomTryClause         Term = Term(12)<<6 | tagAtom  // try_clause
	AtomUndef             Term = Term(13)<<6 | tagAtom  // undef
	AtomBadfun            Term = Term(14)<<6 | tagAtom  // badfun
	AtomBadarity          Term = Term(15)<<6 | tagAtom  // badarity
	AtomBadkey            Term = Term(16)<<6 | tagAtom  // badkey
	AtomBadmap            Term = Term(17)<<6 | tagAtom  // badmap
	AtomBadrecord         Term = Term(18)<<6 | tagAtom  // badrecord
	AtomSystemLimit       Term = Term(19)<<6 | tagAtom  // system_limit
	AtomNocatch           Term = Term(20)<<6 | tagAtom  // nocatch
	AtomThrow             Term = Term(21)<<6 | tagAtom  // throw
	AtomExit              Term = Term(22)<<6 | tagAtom  // exit
	AtomNormal            Term = Term(23)<<6 | tagAtom  // normal
	AtomKill              Term = Term(24)<<6 | tagAtom  // kill
	AtomKilled            Term = Term(25)<<6 | tagAtom  // killed
	AtomNoproc            Term = Term(26)<<6 | tagAtom  // noproc
	AtomEXIT              Term = Term(27)<<6 | tagAtom  // EXIT
	AtomDOWN              Term = Term(28)<<6 | tagAtom  // DOWN
	AtomProcess           Term = Term(29)<<6 | tagAtom  // process
	AtomInfinity          Term = Term(30)<<6 | tagAtom  // infinity
	AtomErlang            Term = Term(31)<<6 | tagAtom  // erlang
	AtomModuleInfo        Term = Term(32)<<6 | tagAtom  // module_info
	AtomModule            Term = Term(33)<<6 | tagAtom  // module
	AtomFunction          Term = Term(34)<<6 | tagAtom  // function
	AtomArity             Term = Term(35)<<6 | tagAtom  // arity
	AtomName              Term = Term(36)<<6 | tagAtom  // name
	AtomEnv               Term = Term(37)<<6 | tagAtom  // env
	AtomType              Term = Term(38)<<6 | tagAtom  // type
	AtomUniq              Term = Term(39)<<6 | tagAtom  // uniq
	AtomIndex             Term = Term(40)<<6 | tagAtom  // index
	AtomNewIndex          Term = Term(41)<<6 | tagAtom  // new_index
	AtomNewUniq           Term = Term(42)<<6 | tagAtom  // new_uniq
	AtomPid               Term = Term(43)<<6 | tagAtom  // pid
	AtomLocal             Term = Term(44)<<6 | tagAtom  // local
	AtomExternal          Term = Term(45)<<6 | tagAtom  // external
	AtomFile              Term = Term(46)<<6 | tagAtom  // file
	AtomLine              Term = Term(47)<<6 | tagAtom  // line
	AtomErrorInfo         Term = Term(48)<<6 | tagAtom  // error_info
	AtomCause             Term = Term(49)<<6 | tagAtom  // cause
	AtomModuleInfoExports Term = Term(50)<<6 | tagAtom  // module_info_exports
	AtomAttributes        Term = Term(51)<<6 | tagAtom  // attributes
	AtomCompile           Term = Term(52)<<6 | tagAtom  // compile
	AtomMd5               Term = Term(53)<<6 | tagAtom  // md5
	AtomExports           Term = Term(54)<<6 | tagAtom  // exports
	AtomFunctions         Term = Term(55)<<6 | tagAtom  // functions
	AtomNifs              Term = Term(56)<<6 | tagAtom  // nifs
	AtomNative            Term = Term(57)<<6 | tagAtom  // native
	AtomAll               Term = Term(58)<<6 | tagAtom  // all
	AtomLatin1            Term = Term(59)<<6 | tagAtom  // latin1
	AtomUnicode           Term = Term(60)<<6 | tagAtom  // unicode
	AtomUtf8              Term = Term(61)<<6 | tagAtom  // utf8
	AtomUtf16             Term = Term(62)<<6 | tagAtom  // utf16
	AtomUtf32             Term = Term(63)<<6 | tagAtom  // utf32
	AtomBig               Term = Term(64)<<6 | tagAtom  // big
	AtomLittle            Term = Term(65)<<6 | tagAtom  // little
	AtomSigned            Term = Term(66)<<6 | tagAtom  // signed
	AtomUnsigned          Term = Term(67)<<6 | tagAtom  // unsigned
	AtomTimeoutValue      Term = Term(68)<<6 | tagAtom  // timeout_value
	AtomNoconnection      Term = Term(69)<<6 | tagAtom  // noconnection
	AtomMinHeapSize       Term = Term(70)<<6 | tagAtom  // min_heap_size
	AtomMaxHeapSize       Term = Term(71)<<6 | tagAtom  // max_heap_size
	AtomPriority          Term = Term(72)<<6 | tagAtom  // priority
	AtomLow               Term = Term(73)<<6 | tagAtom  // low
	AtomHigh              Term = Term(74)<<6 | tagAtom  // high
	AtomMax               Term = Term(75)<<6 | tagAtom  // max
	AtomLink              Term = Term(76)<<6 | tagAtom  // link
	AtomMonitor           Term = Term(77)<<6 | tagAtom  // monitor
	AtomTrapExit          Term = Term(78)<<6 | tagAtom  // trap_exit
	AtomSafe              Term = Term(79)<<6 | tagAtom  // safe
	AtomUsed              Term = Term(80)<<6 | tagAtom  // used
	AtomCompressed        Term = Term(81)<<6 | tagAtom  // compressed
	AtomMinorVersion      Term = Term(82)<<6 | tagAtom  // minor_version
	AtomDeterministic     Term = Term(83)<<6 | tagAtom  // deterministic
	AtomDecimals          Term = Term(84)<<6 | tagAtom  // decimals
	AtomScientific        Term = Term(85)<<6 | tagAtom  // scientific
	AtomShort             Term = Term(86)<<6 | tagAtom  // short
	AtomLists             Term = Term(87)<<6 | tagAtom  // lists
	AtomMaps              Term = Term(88)<<6 | tagAtom  // maps
	AtomIo                Term = Term(89)<<6 | tagAtom  // io
	AtomIoLib             Term = Term(90)<<6 | tagAtom  // io_lib
	AtomApply             Term = Term(91)<<6 | tagAtom  // apply
	AtomCallFun           Term = Term(92)<<6 | tagAtom  // call_fun
	AtomOnLoad            Term = Term(93)<<6 | tagAtom  // on_load
	AtomInit              Term = Term(94)<<6 | tagAtom  // init
	AtomStop              Term = Term(95)<<6 | tagAtom  // stop
	AtomHalt              Term = Term(96)<<6 | tagAtom  // halt
	AtomEndOfTable        Term = Term(97)<<6 | tagAtom  // $end_of_table
	AtomNonode            Term = Term(98)<<6 | tagAtom  // nonode@nohost
	AtomNosuspend         Term = Term(99)<<6 | tagAtom  // nosuspend
	AtomNoconnect         Term = Term(100)<<6 | tagAtom // noconnect
	AtomCode              Term = Term(101)<<6 | tagAtom // code
	AtomExt               Term = Term(102)<<6 | tagAtom // ext
	AtomBinary            Term = Term(103)<<6 | tagAtom // binary
	AtomOs                Term = Term(104)<<6 | tagAtom // os
	AtomMsDbg             Term = Term(105)<<6 | tagAtom // ms_dbg
	AtomReturnTrace       Term = Term(106)<<6 | tagAtom // return_trace
	AtomExceptionTrace    Term = Term(107)<<6 | tagAtom // exception_trace
	AtomValue             Term = Term(108)<<6 | tagAtom // value
	AtomLevel             Term = Term(109)<<6 | tagAtom // level
	AtomDescription       Term = Term(110)<<6 | tagAtom // description
	AtomReason            Term = Term(111)<<6 | tagAtom // reason
	AtomStacktrace        Term = Term(112)<<6 | tagAtom // stacktrace
	AtomClass             Term = Term(113)<<6 | tagAtom // class
	AtomFirst             Term = Term(114)<<6 | tagAtom // first
	AtomLast              Term = Term(115)<<6 | tagAtom // last
	AtomPlus              Term = Term(116)<<6 | tagAtom // +
	AtomMinus             Term = Term(117)<<6 | tagAtom // -
	AtomTimes             Term = Term(118)<<6 | tagAtom // *
	AtomSlash             Term = Term(119)<<6 | tagAtom // /
	AtomDiv               Term = Term(120)<<6 | tagAtom // div
	AtomRem               Term = Term(121)<<6 | tagAtom // rem
	AtomBand              Term = Term(122)<<6 | tagAtom // band
	AtomBor               Term = Term(123)<<6 | tagAtom // bor
	AtomBxor              Term = Term(124)<<6 | tagAtom // bxor
	AtomBsl               Term = Term(125)<<6 | tagAtom // bsl
	AtomBsr               Term = Term(126)<<6 | tagAtom // bsr
	AtomBnot              Term = Term(127)<<6 | tagAtom // bnot
	AtomAnd               Term = Term(128)<<6 | tagAtom // and
	AtomOr                Term = Term(129)<<6 | tagAtom // or
	AtomXor               Term = Term(130)<<6 | tagAtom // xor
	AtomNot               Term = Term(131)<<6 | tagAtom // not
	AtomEqEq              Term = Term(132)<<6 | tagAtom // ==
	AtomSlashEq           Term = Term(133)<<6 | tagAtom // /=
	AtomEqColonEq         Term = Term(134)<<6 | tagAtom // =:=
	AtomEqSlashEq         Term = Term(135)<<6 | tagAtom // =/=
	AtomLt                Term = Term(136)<<6 | tagAtom // <
	AtomGt                Term = Term(137)<<6 | tagAtom // >
	AtomLe                Term = Term(138)<<6 | tagAtom // =<
	AtomGe                Term = Term(139)<<6 | tagAtom // >=
	AtomElement           Term = Term(140)<<6 | tagAtom // element
	AtomSetelement        Term = Term(141)<<6 | tagAtom // setelement
	AtomHd                Term = Term(142)<<6 | tagAtom // hd
	AtomTl                Term = Term(143)<<6 | tagAtom // tl
	AtomLength            Term = Term(144)<<6 | tagAtom // length
	AtomTupleSize         Term = Term(145)<<6 | tagAtom // tuple_size
	AtomByteSize          Term = Term(146)<<6 | tagAtom // byte_size
	AtomBitSize           Term = Term(147)<<6 | tagAtom // bit_size
	AtomSize              Term = Term(148)<<6 | tagAtom // size
	AtomAbs               Term = Term(149)<<6 | tagAtom // abs
	AtomTrunc             Term = Term(150)<<6 | tagAtom // trunc
	AtomRound             Term = Term(151)<<6 | tagAtom // round
	AtomFloat             Term = Term(152)<<6 | tagAtom // float
	AtomErlErtsErrors     Term = Term(153)<<6 | tagAtom // erl_erts_errors
	AtomUndefinedFunction Term = Term(154)<<6 | tagAtom // undefined_function
	AtomBeamrExit         Term = Term(155)<<6 | tagAtom // $beamr_exit
)

var predefined = [...]string{
	"false",
	"true",
	"ok",
	"error",
	"undefined",
	"nil",
	"badarg",
	"badarith",
	"badmatch",
	"case_clause",
	"function_clause",
	"if_clause",
	"try_clause",
	"undef",
	"badfun",
	"badarity",
	"badkey",
	"badmap",
	"badrecord",
	"system_limit",
	"nocatch",
	"throw",
	"exit",
	"normal",
	"kill",
	"killed",
	"noproc",
	"EXIT",
	"DOWN",
	"process",
	"infinity",
	"erlang",
	"module_info",
	"module",
	"function",
	"arity",
	"name",
	"env",
	"type",
	"uniq",
	"index",
	"new_index",
	"new_uniq",
	"pid",
	"local",
	"external",
	"file",
	"line",
	"error_info",
	"cause",
	"module_info_exports",
	"attributes",
	"compile",
	"md5",
	"exports",
	"functions",
	"nifs",
	"native",
	"all",
	"latin1",
	"unicode",
	"utf8",
	"utf16",
	"utf32",
	"big",
	"little",
	"signed",
	"unsigned",
	"timeout_value",
	"noconnection",
	"min_heap_size",
	"max_heap_size",
	"priority",
	"low",
	"high",
	"max",
	"link",
	"monitor",
	"trap_exit",
	"safe",
	"used",
	"compressed",
	"minor_version",
	"deterministic",
	"decimals",
	"scientific",
	"short",
	"lists",
	"maps",
	"io",
	"io_lib",
	"apply",
	"call_fun",
	"on_load",
	"init",
	"stop",
	"halt",
	"$end_of_table",
	"nonode@nohost",
	"nosuspend",
	"noconnect",
	"code",
	"ext",
	"binary",
	"os",
	"ms_dbg",
	"return_trace",
	"exception_trace",
	"value",
	"level",
	"description",
	"reason",
	"stacktrace",
	"class",
	"first",
	"last",
	"+",
	"-",
	"*",
	"/",
	"div",
	"rem",
	"band",
	"bor",
	"bxor",
	"bsl",
	"bsr",
	"bnot",
	"and",
	"or",
	"xor",
	"not",
	"==",
	"/=",
	"=:=",
	"=/=",
	"<",
	">",
	"=<",
	">=",
	"element",
	"setelement",
	"hd",
	"tl",
	"length",
	"tuple_size",
	"byte_size",
	"bit_size",
	"size",
	"abs",
	"trunc",
	"round",
	"float",
	"erl_erts_errors",
	"undefined_function",
	"$beamr_exit",
}

// Package term defines beamr's term word: a 64-bit tagged value that is either an
// immediate (small integer, atom, local pid or port, nil) or a pointer into the
// runtime's memory (a cons cell, or a boxed object whose first word is a header).
//
// Layout of a word (low bits are the tag):
//
//	xx..xx00  header of a boxed object (only ever inside memory, never a value)
//	xx..xx01  list pointer: word index << 2 | 01, the cell is [head, tail]
//	xx..xx10  boxed pointer: word index << 2 | 10, the object starts with a header
//	xx..0011  local pid:  number << 4
//	xx..0111  local port: number << 4
//	xx..1111  small integer: value << 4 (60 bits, signed)
//	x..001011 atom: index << 6
//	x..011011 catch marker on the stack: label index << 6
//	x..111011 nil ([])
//
// A header is arity << 6 | subtag << 2 | 00, where arity counts the words that
// follow the header. Pointers are word indices into the runtime's memory (see Mem),
// never Go pointers, so Go's garbage collector never scans Erlang data.
package term

// Term is one tagged word. Its meaning depends on the memory it was built in for
// list and boxed pointers; immediates mean the same everywhere in one runtime.
type Term uint64

// Primary tags.
const (
	TagHeader = 0
	TagList   = 1
	TagBoxed  = 2
	TagImmed  = 3
)

// Immediate tags.
const (
	tagPid   = 0x3
	tagPort  = 0x7
	tagSmall = 0xF
	tagAtom  = 0x0B
	tagCatch = 0x1B
	tagNil   = 0x3B
)

// Nil is the empty list.
const Nil Term = tagNil

// Small integer bounds: a small holds 60 signed bits.
const (
	SmallBits       = 60
	MaxSmall  int64 = 1<<(SmallBits-1) - 1
	MinSmall  int64 = -(1 << (SmallBits - 1))
)

// Boxed subtags (bits 2..5 of a header word).
const (
	SubTuple        = 0
	SubMatch        = 1 // binary match context
	SubPosBig       = 2
	SubNegBig       = 3
	SubRef          = 4
	SubFun          = 5
	SubFloat        = 6
	SubExport       = 7
	SubRefcBin      = 8 // off-heap binary handle
	SubHeapBin      = 9
	SubSubBin       = 10
	SubExternal     = 11 // reserved for remote pids/ports/refs
	SubMap          = 12
	SubResource     = 13 // fd and other resources (reserved)
	SubNativeRecord = 14 // native record value (OTP 29), see nrecord.go
	SubCP           = 15 // not a boxed object: a continuation pointer on the stack
)

// MakeSmall returns the small integer v. v must lie in [MinSmall, MaxSmall].
func MakeSmall(v int64) Term { return Term(uint64(v)<<4 | tagSmall) }

// FitsSmall reports whether v fits a small integer.
func FitsSmall(v int64) bool { return v >= MinSmall && v <= MaxSmall }

// IsSmall reports whether t is a small integer.
func (t Term) IsSmall() bool { return t&0xF == tagSmall }

// Small returns the value of the small integer t.
func (t Term) Small() int64 { return int64(t) >> 4 }

// MakeAtom returns the atom with index i in the runtime's atom table.
func MakeAtom(i uint32) Term { return Term(uint64(i)<<6 | tagAtom) }

// IsAtom reports whether t is an atom.
func (t Term) IsAtom() bool { return t&0x3F == tagAtom }

// AtomIndex returns the atom table index of the atom t.
func (t Term) AtomIndex() uint32 { return uint32(t >> 6) }

// IsNil reports whether t is [].
func (t Term) IsNil() bool { return t == Nil }

// MakePid returns the local pid with number n.
func MakePid(n uint64) Term { return Term(n<<4 | tagPid) }

// IsPid reports whether t is a local pid.
func (t Term) IsPid() bool { return t&0xF == tagPid }

// PidNumber returns the number of the local pid t.
func (t Term) PidNumber() uint64 { return uint64(t) >> 4 }

// MakePort returns the local port with number n.
func MakePort(n uint64) Term { return Term(n<<4 | tagPort) }

// IsPort reports whether t is a local port.
func (t Term) IsPort() bool { return t&0xF == tagPort }

// PortNumber returns the number of the local port t.
func (t Term) PortNumber() uint64 { return uint64(t) >> 4 }

// MakeCatch returns a catch marker naming handler index i.
func MakeCatch(i uint64) Term { return Term(i<<6 | tagCatch) }

// IsCatch reports whether t is a catch marker.
func (t Term) IsCatch() bool { return t&0x3F == tagCatch }

// CatchIndex returns the handler index of the catch marker t.
func (t Term) CatchIndex() uint64 { return uint64(t) >> 6 }

// IsImmed reports whether t is an immediate (needs no memory).
func (t Term) IsImmed() bool { return t&3 == TagImmed }

// IsList reports whether t points to a cons cell.
func (t Term) IsList() bool { return t&3 == TagList }

// IsBoxed reports whether t points to a boxed object.
func (t Term) IsBoxed() bool { return t&3 == TagBoxed }

// Index returns the word index a list or boxed pointer points to.
func (t Term) Index() uint64 { return uint64(t) >> 2 }

// MakeList returns a list pointer to the cons cell at word index i.
func MakeList(i uint64) Term { return Term(i<<2 | TagList) }

// MakeBoxed returns a boxed pointer to the object at word index i.
func MakeBoxed(i uint64) Term { return Term(i<<2 | TagBoxed) }

// MakeHeader returns a header word for an object of the given subtag whose
// body is arity words long.
func MakeHeader(sub int, arity int) Term { return Term(uint64(arity)<<6 | uint64(sub)<<2) }

// HeaderSub returns the subtag of header word h.
func (t Term) HeaderSub() int { return int(t>>2) & 0xF }

// HeaderArity returns the number of body words after header word h.
func (t Term) HeaderArity() int { return int(t >> 6) }

// IsHeader reports whether t is a header word.
func (t Term) IsHeader() bool { return t&3 == TagHeader }

// MakeCP returns a continuation pointer word: module instance mod and code
// offset pc. CP words live only on process stacks.
func MakeCP(mod uint32, pc uint32) Term {
	return Term(uint64(mod)<<38 | uint64(pc)<<6 | SubCP<<2)
}

// IsCP reports whether a stack word is a continuation pointer.
func (t Term) IsCP() bool { return t&0x3F == SubCP<<2 }

// CP returns the module instance and code offset of a continuation pointer.
func (t Term) CP() (mod uint32, pc uint32) {
	return uint32(uint64(t) >> 38), uint32(uint64(t)>>6) & 0xFFFFFFFF
}

// NoValue is the zero word: never a valid term. Native functions return it
// after raising an exception on their process.
const NoValue Term = 0

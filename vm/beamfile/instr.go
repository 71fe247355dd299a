package beamfile

import "math/big"

// Kind says what an instruction operand is. The first seven values equal the
// compact encoding's tags.
type Kind uint8

// Operand kinds.
const (
	KindU     Kind = iota // plain unsigned number (the 'u' tag): counts, import/fun/line indices, string offsets, flags
	KindI                 // integer (the 'i' tag): Val, or Big when it does not fit an int64
	KindA                 // atom: Val is an index into File.Atoms; 0 means nil ([])
	KindX                 // x register Val (0..1023); typed when Type >= 0
	KindY                 // y register Val (0..1023); typed when Type >= 0
	KindF                 // label Val; 0 means "no label" (no failure label)
	KindH                 // character (the 'h' tag), Val; never emitted by modern compilers
	KindFR                // float register Val (0..1023)
	KindList              // extended list: the elements are in List
	KindAlloc             // allocation list: the items are in Alloc
	KindLit               // literal: Val is an index into File.Literals
)

var kindNames = [...]string{"u", "i", "a", "x", "y", "f", "h", "fr", "list", "alloc", "literal"}

// String returns a short name for k ("x", "literal", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// AllocKind is the kind of one item of an allocation list.
type AllocKind uint8

// Allocation list item kinds.
const (
	AllocWords  AllocKind = 0 // N heap words
	AllocFloats AllocKind = 1 // N floats (boxed)
	AllocFuns   AllocKind = 2 // N funs
)

// AllocItem is one entry of an allocation list: N objects of kind Kind.
type AllocItem struct {
	Kind AllocKind
	N    int64
}

// Arg is one fully decoded operand.
//
// Typed registers (the extended "register with type" tag, OTP 25+) are
// represented as KindX or KindY with Type set to an index into File.Types;
// every other operand has Type == -1. Val always fits the ranges documented
// on Kind: atom indices are < len(Atoms), labels are < CodeHeader.LabelCount,
// literal indices are < len(Literals), registers are < 1024, and Type is
// < the type table's Count when that table was decoded.
type Arg struct {
	Kind  Kind
	Val   int64
	Big   *big.Int    // KindI only: the value when it does not fit in Val (Val is then 0)
	List  []Arg       // KindList only: the elements, each a plain operand (never itself a list)
	Type  int         // type index for typed registers, -1 otherwise
	Alloc []AllocItem // KindAlloc only
}

// IsNil reports whether a is the atom-tagged 0 that stands for [].
func (a Arg) IsNil() bool { return a.Kind == KindA && a.Val == 0 }

// Instr is one generic instruction: its opcode and exactly Op.Arity() operands.
type Instr struct {
	Op   Opcode
	Args []Arg
}
